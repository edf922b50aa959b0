"""Reading DFC documents into plain nodes: JSON-LD with the standard library, Turtle through rdflib.

Real DFC documents differ: the context is a URL of the 1.16.0, 2.0.0 or
an older context, a list or an inline object; references are plain strings
or ``{"@id": …}``; numbers are strings or JSON numbers; objects are listed
flat in ``@graph`` or nested. The reader brings them all to one form: each
node has its DFC class names and its properties by ontology name
(``street``, not the connectors' ``hasStreet``), with the raw values.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin

from ..errors import Location, SemanticDataError
from ..i18n import _
from . import vocabulary as v
from .jsonld import reference_properties, shipped_context

# Object properties that the 1.16.0 context does not type as @id but that
# always name another object (the connectors' spellings included).
_REFERENCE_PROPERTIES = frozenset({"offers", "offersTo", "soldBy", "hasUnit", "hasType", "orderedBy", "concerns"})


@dataclass
class Node:
    """One object of a document: its id, DFC class names and properties by ontology name."""

    id: str
    types: set[str] = field(default_factory=set)
    properties: dict[str, list] = field(default_factory=dict)

    def values(self, name: str) -> list:
        return self.properties.get(name, [])

    def first(self, name: str):
        values = self.values(name)
        return values[0] if values else None


@dataclass
class Reference:
    """A value that names another node (an IRI or a blank node id)."""

    id: str


@dataclass
class ParsedDocument:
    nodes: dict[str, Node]
    warnings: list[str] = field(default_factory=list)

    def of_type(self, class_name: str) -> list[Node]:
        return [node for node in self.nodes.values() if class_name in node.types]

    def get(self, value) -> Node | None:
        """Return the node a reference (or an IRI string) names, or None."""
        if isinstance(value, Reference):
            return self.nodes.get(value.id)
        if isinstance(value, str):
            return self.nodes.get(value)
        if isinstance(value, dict) and "@id" in value:
            return self.nodes.get(value["@id"])
        return None


def _business_name(iri: str) -> str | None:
    for namespace in (v.DFC_BUSINESS, *v.BUSINESS_NAMESPACE_ALIASES):
        if iri.startswith(namespace):
            return iri[len(namespace):]
    return None


def canonical_property(iri: str) -> str | None:
    """Return the ontology name of a DFC business property IRI (connector names mapped), or None."""
    name = _business_name(iri)
    if name is None:
        return None
    return v.CONNECTOR_TO_ONTOLOGY.get(name, name)


def canonical_class(iri: str) -> str | None:
    name = _business_name(iri)
    if name is None:
        return None
    return v.CLASS_ALIASES.get(name, name)


class _Context:
    """The prefixes, terms and base that expand a document's names."""

    def __init__(self):
        self.terms: dict[str, str] = {}
        self.base: str | None = None
        self.load(shipped_context())

    def load(self, context, warnings: list[str] | None = None) -> None:
        if isinstance(context, list):
            for item in context:
                self.load(item, warnings)
        elif isinstance(context, str):
            # Every DFC context URL seen in practice is read with the shipped
            # 1.16.0 one, because documents must be read offline.
            if context not in v.KNOWN_CONTEXT_URLS and warnings is not None:
                warnings.append(_("unknown JSON-LD context {url}, read as the DFC 1.16.0 context").format(url=context))
        elif isinstance(context, dict):
            for term, definition in context.items():
                if term == "@base" and isinstance(definition, str):
                    self.base = definition
                elif isinstance(definition, str) and not term.startswith("@"):
                    self.terms[term] = definition
                elif isinstance(definition, dict) and isinstance(definition.get("@id"), str):
                    self.terms[term] = definition["@id"]

    def expand(self, name: str) -> str:
        if name in self.terms and ":" not in name:
            return self.expand(self.terms[name]) if self.terms[name] != name else name
        prefix, colon, rest = name.partition(":")
        if colon and not rest.startswith("//") and prefix in self.terms:
            return self.terms[prefix] + rest
        if not colon:
            # A bare name such as "firstName" in a nested object without a
            # context term is read as a DFC business term.
            return v.DFC_BUSINESS + name
        return name

    def resolve(self, reference: str) -> str:
        if reference.startswith("_:"):
            return reference
        expanded = self.expand(reference) if ":" in reference else reference
        if ":" in expanded.split("/", 1)[0]:
            return expanded
        return urljoin(self.base, expanded) if self.base else expanded


class _JsonLdReader:
    def __init__(self, warnings: list[str]):
        self.nodes: dict[str, Node] = {}
        self.warnings = warnings
        self.blank_count = 0

    def read(self, data, context: _Context) -> None:
        if isinstance(data, list):
            for item in data:
                self.read(item, context)
            return
        if not isinstance(data, dict):
            return
        if "@context" in data:
            context = _copy(context)
            context.load(data["@context"], self.warnings)
        if "@graph" in data:
            self.read(data["@graph"], context)
            if not any(key not in ("@context", "@graph", "@id") for key in data):
                return
        self.node(data, context)

    def node(self, data: dict, context: _Context) -> str:
        if "@context" in data:
            context = _copy(context)
            context.load(data["@context"], self.warnings)
        if isinstance(data.get("@id"), str):
            node_id = context.resolve(data["@id"])
        else:
            self.blank_count += 1
            node_id = f"_:nested{self.blank_count}"
        node = self.nodes.setdefault(node_id, Node(node_id))
        types = data.get("@type", [])
        for type_name in types if isinstance(types, list) else [types]:
            class_name = canonical_class(context.expand(str(type_name)))
            node.types.add(class_name or context.expand(str(type_name)))
        for key, value in data.items():
            if key.startswith("@"):
                continue
            expanded = context.expand(key)
            name = canonical_property(expanded)
            if name is None:
                continue
            is_reference = expanded in reference_properties() or name in _REFERENCE_PROPERTIES
            for item in value if isinstance(value, list) else [value]:
                if is_reference and isinstance(item, str) and item.strip() and " " not in item.strip():
                    node.properties.setdefault(name, []).append(Reference(context.resolve(item.strip())))
                else:
                    node.properties.setdefault(name, []).append(self.value(item, context))
        return node_id

    def value(self, item, context: _Context):
        if isinstance(item, dict):
            if "@value" in item:
                return item["@value"]
            if set(item) <= {"@id"} and isinstance(item.get("@id"), str):
                return Reference(context.resolve(item["@id"]))
            if "@list" in item or "@set" in item:
                items = item.get("@list", item.get("@set"))
                return [self.value(entry, context) for entry in items]
            return Reference(self.node(item, context))
        if isinstance(item, str) and item.startswith("_:"):
            return Reference(item)
        # Any other string of a property that is not a reference stays text,
        # so a website or logo address is kept as written.
        return item


def _copy(context: _Context) -> _Context:
    copy = _Context.__new__(_Context)
    copy.terms = dict(context.terms)
    copy.base = context.base
    return copy


def parse_jsonld(text: str, *, file: str | None = None) -> ParsedDocument:
    """Read a JSON-LD DFC document; raise SemanticDataError when it is not JSON."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise SemanticDataError(
            _("the document is not valid JSON: {reason} at line {line}, column {column}").format(
                reason=error.msg, line=error.lineno, column=error.colno),
            location=Location(file=file), remedy=_("Check that the file is a JSON-LD document."),
        ) from None
    warnings: list[str] = []
    reader = _JsonLdReader(warnings)
    reader.read(data, _Context())
    return ParsedDocument(reader.nodes, warnings)


def parse_rdf(path: Path, format: str) -> ParsedDocument:
    """Read a Turtle, N-Triples or RDF/XML DFC document through rdflib."""
    import rdflib

    graph = rdflib.Graph()
    try:
        graph.parse(path, format=format)
    except Exception as error:  # rdflib raises many parser-specific types
        raise SemanticDataError(
            _("the document cannot be read as {format}: {reason}").format(format=format, reason=error),
            location=Location(file=str(path)), remedy=_("Check the file's syntax."),
        ) from None
    nodes: dict[str, Node] = {}

    def node_id(term) -> str:
        return "_:" + str(term) if isinstance(term, rdflib.BNode) else str(term)

    for subject, predicate, term in graph:
        node = nodes.setdefault(node_id(subject), Node(node_id(subject)))
        if predicate == rdflib.RDF.type:
            node.types.add(canonical_class(str(term)) or str(term))
            continue
        name = canonical_property(str(predicate))
        if name is None:
            continue
        value = term.toPython() if isinstance(term, rdflib.Literal) else Reference(node_id(term))
        node.properties.setdefault(name, []).append(str(term) if isinstance(term, rdflib.Literal) else value)
    return ParsedDocument(nodes)


def read_document(path: str | Path) -> ParsedDocument:
    """Read a DFC document from a file: .jsonld/.json, .ttl, .nt or .rdf/.owl."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise SemanticDataError(
            _("the document cannot be read: {reason}").format(reason=error.strerror or error),
            location=Location(file=str(path)), remedy=_("Check the file name."),
        ) from None
    suffix = path.suffix.lower()
    if suffix in (".ttl", ".nt", ".rdf", ".owl", ".xml"):
        format = {".ttl": "turtle", ".nt": "nt"}.get(suffix, "xml")
        return parse_rdf(path, format)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SemanticDataError(
            _("the document is not UTF-8 text"), location=Location(file=str(path)),
            remedy=_("Save the document as UTF-8 JSON-LD."),
        ) from None
    return parse_jsonld(text, file=str(path))
