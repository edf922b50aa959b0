"""JSON-LD in the flavour the official DFC connectors write and read.

The document refers to the 1.16.0 context by the URL that the TypeScript
connector 1.0.0-beta.2 preloads, lists every node flat in ``@graph`` with
compact names (``dfc-b:name``), and writes a reference as a plain string
when the context types the property as ``@id``, otherwise as
``{"@id": …}`` (``dfc-b:offeredItem`` is not in the context). Nodes and keys
are sorted, so two exports of the same workbook are byte-identical.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

from . import vocabulary as v
from .terms import BNode, Document, Literal

DATA = Path(__file__).parent / "data"


@functools.lru_cache(maxsize=1)
def shipped_context() -> dict:
    """Return the DFC 1.16.0 JSON-LD context shipped with the engine (the ``@context`` object)."""
    return json.loads((DATA / "context_1.16.0.json").read_text(encoding="utf-8"))["@context"]


@functools.lru_cache(maxsize=1)
def reference_properties() -> frozenset[str]:
    """Return the full IRIs of the properties the context types as ``@id``."""
    properties = set()
    for term, definition in shipped_context().items():
        if isinstance(definition, dict) and definition.get("@type") == "@id":
            properties.add(expand(term))
    return frozenset(properties)


def expand(name: str, prefixes: dict[str, str] | None = None) -> str:
    """Expand a compact IRI such as ``dfc-b:name`` with the DFC prefixes (or the given ones)."""
    table = prefixes if prefixes is not None else v.PREFIXES
    prefix, colon, rest = name.partition(":")
    if colon and not rest.startswith("//") and prefix in table:
        return table[prefix] + rest
    return name


def compact(iri: str) -> str:
    """Return ``dfc-b:name`` for a DFC IRI, or the IRI unchanged."""
    for prefix, namespace in v.PREFIXES.items():
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return prefix + ":" + iri[len(namespace):]
    return iri


def _node_id(term: str) -> str:
    return "_:" + term if isinstance(term, BNode) else compact(term)


def _value(predicate: str, term) -> object:
    if isinstance(term, Literal):
        if term.datatype is None or term.datatype == v.XSD_STRING:
            return term.lexical
        return {"@value": term.lexical, "@type": term.datatype}
    reference = _node_id(term)
    return reference if predicate in reference_properties() else {"@id": reference}


def _sort_key(value: object) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def to_jsonld(document: Document) -> dict:
    """Return the connector-flavoured JSON-LD of a document as a JSON object."""
    nodes: dict[str, dict] = {}
    for subject, predicate, term in document.triples:
        node = nodes.setdefault(subject, {"@id": _node_id(subject)})
        if predicate == v.RDF_TYPE:
            node.setdefault("@type", []).append(compact(term))
            continue
        node.setdefault(compact(predicate), []).append(_value(predicate, term))

    graph = []
    for subject in sorted(nodes, key=_node_id):
        node = nodes[subject]
        for key, values in node.items():
            if isinstance(values, list):
                unique = sorted({_sort_key(value): value for value in values}.items())
                node[key] = unique[0][1] if len(unique) == 1 else [value for _, value in unique]
        graph.append(node)
    return {"@context": v.CONNECTOR_CONTEXT_URL, "@graph": graph}


def dumps(document: Document) -> str:
    """Return the JSON-LD text: UTF-8, two-space indent, sorted keys, final newline."""
    return json.dumps(to_jsonld(document), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
