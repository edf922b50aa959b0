"""N-Triples and Turtle written line by line, without rdflib.

``stream_orders`` maps order lines to triples and writes them as they come.
Memory does not grow with the number of lines, because only the sale
sessions (one per delivery day and place) and the current order are kept.
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Iterable
from typing import TextIO

from ..model.farm_data import FarmData
from ..model.orders import OrderLine
from . import vocabulary as v
from .terms import BNode, Literal

_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"})


def term_text(term) -> str:
    """Return a term in N-Triples syntax (also valid Turtle)."""
    kind = term.__class__
    if kind is Literal:
        quoted = '"' + term.lexical.translate(_ESCAPES) + '"'
        if term.datatype is None or term.datatype == v.XSD_STRING:
            return quoted
        return quoted + "^^<" + term.datatype + ">"
    if kind is BNode:
        return "_:" + term
    return "<" + term + ">"


# Maximum number of term texts kept while writing. The writers keep the text
# of repeated terms (quantities, prices, units, product IRIs) and empty the
# cache when it is full, so memory stays flat over millions of order lines.
TERM_CACHE_SIZE = 8_192


def write_ntriples(triples: Iterable[tuple], out: TextIO) -> int:
    """Write triples as N-Triples; return how many were written."""
    count = 0
    chunk: list[str] = []
    append = chunk.append
    literal_texts: dict[Literal, str] = {}
    last_subject, subject_text = None, ""
    for subject, predicate, term in triples:
        if subject is not last_subject:
            last_subject, subject_text = subject, term_text(subject)

        # Only literals are cached, because an IRI or a blank node is one
        # concatenation away from its text.
        kind = term.__class__
        if kind is Literal:
            text = literal_texts.get(term)
            if text is None:
                if len(literal_texts) >= TERM_CACHE_SIZE:
                    literal_texts.clear()
                text = literal_texts[term] = term_text(term)
        elif kind is BNode:
            text = "_:" + term
        else:
            text = "<" + term + ">"
        append(f"{subject_text} <{predicate}> {text} .\n")

        if len(chunk) >= 4096:
            out.write("".join(chunk))
            count += len(chunk)
            chunk.clear()
    out.write("".join(chunk))
    return count + len(chunk)


def _turtle_name(iri: str) -> str:
    for prefix, namespace in v.PREFIXES.items():
        rest = iri[len(namespace):]
        if iri.startswith(namespace) and rest and all(char.isalnum() or char in "-_" for char in rest) \
                and rest[0].isalpha():
            return prefix + ":" + rest
    return "<" + iri + ">"


def _turtle_term(term) -> str:
    if isinstance(term, (Literal, BNode)):
        return term_text(term)
    return _turtle_name(term)


class _TurtleTexts:
    """Turtle texts of predicates and objects, kept while a file is written."""

    def __init__(self):
        self.predicates: dict[str, str] = {}
        self.names: dict[str, str] = {}
        self.literals: dict[Literal, str] = {}

    def predicate(self, predicate: str) -> str:
        name = self.predicates.get(predicate)
        if name is None:
            name = "a" if predicate == v.RDF_TYPE else _turtle_name(predicate)
            self._keep(self.predicates, predicate, name)
        return name

    def term(self, term) -> str:
        # Blank nodes and IRIs go to different branches before any cache,
        # because a blank node equals an IRI with the same label as a string.
        kind = term.__class__
        if kind is BNode:
            return "_:" + term
        cache = self.literals if kind is Literal else self.names
        text = cache.get(term)
        if text is None:
            text = term_text(term) if kind is Literal else _turtle_name(term)
            self._keep(cache, term, text)
        return text

    @staticmethod
    def _keep(cache: dict, key, text: str) -> None:
        if len(cache) >= TERM_CACHE_SIZE:
            cache.clear()
        cache[key] = text


def write_turtle(triples: Iterable[tuple], out: TextIO) -> int:
    """Write triples as Turtle with the DFC prefixes, one statement per run of the same subject.

    Sorted triples give one statement per subject; unsorted ones stay valid
    Turtle, with a subject repeated where its triples are apart.
    """
    for prefix, namespace in v.PREFIXES.items():
        out.write(f"@prefix {prefix}: <{namespace}> .\n")
    out.write("\n")
    count = 0
    texts = _TurtleTexts()
    chunk: list[str] = []
    for subject, group in itertools.groupby(triples, key=operator.itemgetter(0)):
        parts = [f"{texts.predicate(predicate)} {texts.term(term)}" for _, predicate, term in group]
        count += len(parts)
        chunk.append(_turtle_term(subject) + " " + " ;\n    ".join(parts) + " .\n\n")
        if len(chunk) >= 1024:
            out.write("".join(chunk))
            chunk.clear()
    out.write("".join(chunk))
    return count


def sorted_triples(triples: Iterable[tuple]) -> list[tuple]:
    """Return triples sorted by subject, then rdf:type first, then predicate and value, without duplicates."""
    def key(triple):
        subject, predicate, term = triple
        return (str(subject), predicate != v.RDF_TYPE, predicate, term_text(term))

    return sorted(set(triples), key=key)


def stream_orders(data: FarmData, lines: Iterable[OrderLine], out: TextIO, *, format: str = "ntriples") -> int:
    """Write the DFC triples of order lines as they come; return how many triples were written.

    The lines of one order must follow each other (as they do in an orders
    sheet sorted by date and customer). The enterprise, products and
    customers of ``data`` are written first, then each order, then the sale
    sessions.
    """
    from .mapping import StreamingBuilder

    builder = StreamingBuilder(data)
    if format == "turtle":
        return write_turtle(builder.triples(lines), out)
    return write_ntriples(builder.triples(lines), out)
