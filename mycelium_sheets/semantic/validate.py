"""Checking an export against the project's SHACL profile (``shapes.ttl``) with pyshacl."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from ..errors import Location, SemanticDataError
from ..i18n import _, ngettext
from .terms import BNode, Document

SHAPES = Path(__file__).parent / "shapes.ttl"

# The sheet column behind each DFC property, so that a violation names the
# cell and not only the row.
FIELD_OF_PROPERTY = {
    "name": "name", "familyName": "name", "firstName": "name", "VATnumber": "vat_number",
    "hasType": "dfc_type", "sku": "reference", "value": "price", "VATrate": "vat_rate",
    "quantity": "quantity", "beginDate": "delivery_date", "endDate": "delivery_date",
    "email": "email", "phoneNumber": "phone",
}


@dataclass(frozen=True)
class Violation:
    """One SHACL result: the object at fault, the property, the message and the sheet cell it came from."""

    focus: str
    path: str | None
    message: str
    value: str | None
    location: Location

    def __str__(self) -> str:
        where = self.location.describe() or self.focus
        prop = self.path.rsplit("#", 1)[-1] if self.path else ""
        text = f"{where}: {prop + ': ' if prop else ''}{self.message}"
        if self.value is not None:
            text += " " + _("(value found: “{value}”)").format(value=self.value)
        return text


@functools.lru_cache(maxsize=1)
def _shapes():
    import rdflib

    return rdflib.Graph().parse(SHAPES, format="turtle")


def _owner(document: Document, node: str) -> str:
    # A blank node (a price, a quantity, a phone number) has no row of its
    # own, so its owner's row is named instead.
    seen = set()
    while isinstance(node, BNode) and node not in seen:
        seen.add(node)
        owners = [subject for subject, _, term in document.triples if term == node]
        if not owners:
            break
        node = owners[0]
    return node


def _location(document: Document, subject: str, path: str) -> Location:
    record = document.records.get(subject)
    key = FIELD_OF_PROPERTY.get(path.rsplit("#", 1)[-1])
    if record is not None and key and getattr(record, "source", None) is not None and key in _fields(record):
        return record.source.location(key)
    return document.origins.get(subject, Location())


def _fields(record) -> set[str]:
    source = record.source
    return set(source.field_rows or {}) if source.field_rows is not None else set(source.columns)


def validate(document: Document) -> list[Violation]:
    """Return the violations of the SHACL profile, each with the sheet cell of the object at fault."""
    import pyshacl
    import rdflib
    from rdflib.namespace import SH

    from .export_graph import to_graph

    conforms, results, _text = pyshacl.validate(to_graph(document), shacl_graph=_shapes(), advanced=False,
                                                inference="none", allow_warnings=True)
    if conforms:
        return []
    violations = []
    for result in results.subjects(rdflib.RDF.type, SH.ValidationResult):
        if results.value(result, SH.resultSeverity) != SH.Violation:
            continue
        focus_node = results.value(result, SH.focusNode)
        focus = BNode(str(focus_node)) if isinstance(focus_node, rdflib.BNode) else str(focus_node)
        owner = _owner(document, focus)
        path = results.value(result, SH.resultPath)
        value = results.value(result, SH.value)
        violations.append(Violation(
            focus=str(owner), path=str(path) if path is not None else None,
            message=_(str(results.value(result, SH.resultMessage) or "")),
            value=str(value) if value is not None else None,
            location=_location(document, owner, str(path) if path is not None else ""),
        ))
    return sorted(violations, key=lambda item: (str(item.location.sheet), str(item.location.cell), item.focus))


def raise_for_violations(document: Document) -> None:
    """Raise SemanticDataError listing every violation, so that no invalid document is written."""
    violations = validate(document)
    if not violations:
        return
    raise SemanticDataError(
        ngettext("The DFC document would be invalid, {count} problem:",
                 "The DFC document would be invalid, {count} problems:", len(violations)).format(count=len(violations)),
        details=[str(violation) for violation in violations],
        remedy=_("Correct these rows and export again; nothing was written."),
    )
