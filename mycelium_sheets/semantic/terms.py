"""RDF terms and triples in plain Python, so the DFC mapping needs no rdflib.

An IRI and a blank node are ``str`` subclasses; a literal is a lexical form
with an optional datatype IRI (None means ``xsd:string``). The serialisers
(JSON-LD, N-Triples, Turtle, rdflib) all read these.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from ..errors import Location, Problem


class IRI(str):
    __slots__ = ()


class BNode(str):
    """A blank node, named by its label without the ``_:`` prefix."""

    __slots__ = ()


class Literal(NamedTuple):
    lexical: str
    datatype: str | None = None


Term = IRI | BNode | Literal


@dataclass
class Document:
    """The triples of one export, where each subject comes from, and the warnings found.

    ``origins`` maps a subject to the sheet cell of the row it was made
    from, and ``records`` to the record itself, so that a validation error
    can name the row, and the cell, at fault.
    """

    triples: list[tuple[str, IRI, Term]] = field(default_factory=list)
    origins: dict[str, Location] = field(default_factory=dict)
    records: dict[str, object] = field(default_factory=dict)
    warnings: list[Problem] = field(default_factory=list)

    def add(self, subject: str, predicate: str, value: Term | None) -> None:
        """Add a triple, skipping an absent value."""
        if value is None:
            return
        self.triples.append((subject, predicate if predicate.__class__ is IRI else IRI(predicate), value))

    def subjects(self) -> set[str]:
        return {subject for subject, _, _ in self.triples}
