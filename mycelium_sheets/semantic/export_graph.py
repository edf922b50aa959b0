"""The farm's DFC document as an rdflib graph, and the export to a file.

rdflib is imported inside the functions that need it, so the rest of the
semantic package runs in LibreOffice's bundled Python without it.
"""

from __future__ import annotations

import io
import os
import shutil
import tempfile
from pathlib import Path

from ..errors import Location, SemanticDataError
from ..i18n import _
from ..model.farm_data import FarmData
from ..model.orders import OrderLine
from ..workbook.save import new_file_mode
from . import vocabulary as v
from .terms import BNode, Document, Literal

FORMATS = ("jsonld", "turtle", "ntriples")
SUFFIXES = {"jsonld": ".jsonld", "turtle": ".ttl", "ntriples": ".nt"}


def to_graph(document: Document):
    """Return an rdflib Graph of a document's triples, with the DFC prefixes bound."""
    import rdflib

    graph = rdflib.Graph()
    for prefix, namespace in v.PREFIXES.items():
        graph.bind(prefix, rdflib.Namespace(namespace))
    blank_nodes: dict[str, rdflib.BNode] = {}

    def convert(term):
        if isinstance(term, Literal):
            datatype = None if term.datatype in (None, v.XSD_STRING) else rdflib.URIRef(term.datatype)
            return rdflib.Literal(term.lexical, datatype=datatype)
        if isinstance(term, BNode):
            return blank_nodes.setdefault(term, rdflib.BNode(term))
        return rdflib.URIRef(term)

    for subject, predicate, term in document.triples:
        graph.add((convert(subject), rdflib.URIRef(predicate), convert(term)))
    return graph


def serialise(document: Document, format: str) -> str:
    """Return the document as JSON-LD, Turtle or N-Triples text, sorted so that exports diff cleanly."""
    if format == "jsonld":
        from .jsonld import dumps

        return dumps(document)
    from .stream import sorted_triples, write_ntriples, write_turtle

    out = io.StringIO()
    writer = write_turtle if format == "turtle" else write_ntriples
    writer(sorted_triples(document.triples), out)
    return out.getvalue()


def build_document(data: FarmData, *, order_lines: list[OrderLine] | None = None, validate: bool = True) -> Document:
    """Map the farm to DFC and check it against the project's SHACL profile.

    Raises ``SemanticDataError`` when the workbook has errors in the sheets
    the export reads, or when the document breaks the profile, naming the
    sheet row of each object at fault.
    """
    from .mapping import farm_document

    data.raise_for_errors({"farm", "products", "customers", "delivery_points", "orders", "subscriptions", "baskets", "stock"})
    document = farm_document(data, order_lines=order_lines)
    if validate:
        from .validate import raise_for_violations

        raise_for_violations(document)
    return document


def export_farm(data: FarmData, output: str | Path, format: str = "jsonld", *,
                order_lines: list[OrderLine] | None = None) -> Document:
    """Write the farm's DFC document to ``output``; return the document.

    The file is written to a temporary name and then renamed, so an export
    that fails leaves any previous file as it was.
    """
    if format not in FORMATS:
        raise SemanticDataError(
            _("unknown export format"), value=format,
            remedy=_("Choose one of: {formats}.").format(formats=", ".join(FORMATS)),
        )
    document = build_document(data, order_lines=order_lines)
    write_text_atomically(Path(output), serialise(document, format))
    return document


def write_text_atomically(path: Path, text: str) -> None:
    """Write a UTF-8 file through a temporary file in the same folder, then rename it."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise SemanticDataError(
            _("the output folder does not exist"), location=Location(file=str(path)), value=str(folder),
            remedy=_("Create the folder or choose another output file."),
        )
    handle, temporary = tempfile.mkstemp(prefix="." + path.name + ".", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
        if path.exists():
            shutil.copymode(path, temporary)
        else:
            os.chmod(temporary, new_file_mode())
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise SemanticDataError(
            _("the file cannot be written: {reason}").format(reason=error.strerror or error),
            location=Location(file=str(path)), remedy=_("Check the folder's permissions and the free disk space."),
        ) from error
