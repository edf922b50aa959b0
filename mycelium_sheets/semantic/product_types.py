"""Product types of the DFC taxonomy, found from a product's French or English name.

The taxonomy (``data/productTypes.json``, DFC taxonomies v1.3.0) gives each
concept a French and an English ``skos:prefLabel`` and sometimes
``skos:altLabel``s. A farmer's product name ("Carottes nouvelles",
"Tomates cerises", "Pommes de terre") is matched against every label as a
sequence of whole words, with plurals reduced, and the longest label found
wins, so "tomates cerises" gives cherry-tomato and not tomato.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path

from ..model.units import normalise_label
from .vocabulary import DFC_PRODUCT_TYPES, SKOS

DATA = Path(__file__).parent / "data"
_WORD = re.compile(r"[a-z0-9œæ]+")


@dataclass(frozen=True)
class ProductType:
    """One concept of the product types taxonomy."""

    iri: str
    label_fr: str | None
    label_en: str | None
    broader: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        """The concept's local name, as in ``dfc-pt:carrot``."""
        return self.iri[len(DFC_PRODUCT_TYPES):]

    def label(self, language: str) -> str:
        if language == "fr":
            return self.label_fr or self.label_en or self.name
        return self.label_en or self.label_fr or self.name


def _singular(word: str) -> str:
    # French and English plurals mostly add s or x; reducing both the label
    # and the name the same way makes "choux" meet "chou" and "pois" meet "pois";
    # the English "-ies" and "-oes" plurals give "cherry" and "tomato".
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith("oes"):
        return word[:-2]
    if len(word) > 3 and word[-1] in "sx":
        return word[:-1]
    return word


def label_words(text: str) -> tuple[str, ...]:
    """Return the words of a label, without accents, case, hyphens or plurals."""
    plain = normalise_label(text).replace("œ", "oe").replace("æ", "ae").replace("'", " ").replace("’", " ")
    return tuple(_singular(word) for word in _WORD.findall(plain))


@functools.lru_cache(maxsize=1)
def load_product_types() -> dict[str, ProductType]:
    """Read the shipped taxonomy; return its concepts by IRI."""
    document = json.loads((DATA / "productTypes.json").read_text(encoding="utf-8"))
    nodes = document[0]["@graph"] if isinstance(document, list) else document["@graph"]
    concepts: dict[str, ProductType] = {}
    for node in nodes:
        iri = node.get("@id", "")
        if not iri.startswith(DFC_PRODUCT_TYPES) or len(iri) == len(DFC_PRODUCT_TYPES):
            continue
        labels = {entry.get("@language"): entry.get("@value") for entry in node.get(SKOS + "prefLabel", [])}
        broader = tuple(entry["@id"] for entry in node.get(SKOS + "broader", []))
        concepts[iri] = ProductType(iri, labels.get("fr"), labels.get("en"), broader)
    return concepts


@functools.lru_cache(maxsize=1)
def _label_index() -> dict[tuple[str, ...], ProductType]:
    document = json.loads((DATA / "productTypes.json").read_text(encoding="utf-8"))
    nodes = document[0]["@graph"] if isinstance(document, list) else document["@graph"]
    concepts = load_product_types()
    index: dict[tuple[str, ...], ProductType] = {}
    for node in sorted(nodes, key=lambda node: node.get("@id", "")):
        concept = concepts.get(node.get("@id"))
        if concept is None:
            continue
        for key in (SKOS + "prefLabel", SKOS + "altLabel"):
            for entry in node.get(key, []):
                words = label_words(entry.get("@value", ""))
                if words:
                    index.setdefault(words, concept)
        index.setdefault(label_words(concept.name.replace("-", " ")), concept)
    return index


@functools.lru_cache(maxsize=1)
def _word_index() -> dict[str, frozenset[ProductType]]:
    words: dict[str, set[ProductType]] = {}
    for label, concept in _label_index().items():
        for word in label:
            words.setdefault(word, set()).add(concept)
    return {word: frozenset(concepts) for word, concepts in words.items()}


def _contains(words: tuple[str, ...], part: tuple[str, ...]) -> bool:
    size = len(part)
    return any(words[start:start + size] == part for start in range(len(words) - size + 1))


def find_product_type(name: str) -> ProductType | None:
    """Return the product type a product's name contains, or None.

    Among the labels whose words all appear in the name, in order and next
    to each other, the one with the most words wins, then the longest. When
    no label fits, the name's first word (the head noun of a French name)
    is taken if it belongs to the labels of exactly one concept, so
    "Betterave botte" gives beetroot ("betterave rouge").
    """
    words = label_words(name)
    if not words:
        return None
    best: tuple[int, int, str] | None = None
    found = None
    for label, concept in _label_index().items():
        if _contains(words, label):
            rank = (len(label), sum(len(word) for word in label), concept.iri)
            if best is None or rank[:2] > best[:2] or (rank[:2] == best[:2] and rank[2] < best[2]):
                best, found = rank, concept
    if found is None:
        candidates = _word_index().get(words[0], frozenset())
        if len(candidates) == 1:
            found = next(iter(candidates))
    return found


def product_type(text: str) -> ProductType | None:
    """Return the product type a "DFC type" cell names, or None.

    The cell may hold the concept's IRI, ``dfc-pt:carrot``, its local name
    ``carrot`` or one of its labels exactly ("carotte", "cherry tomato").
    """
    concepts = load_product_types()
    value = str(text).strip()
    if value.startswith("dfc-pt:"):
        value = DFC_PRODUCT_TYPES + value[len("dfc-pt:"):]
    if value in concepts:
        return concepts[value]
    if DFC_PRODUCT_TYPES + value in concepts:
        return concepts[DFC_PRODUCT_TYPES + value]
    return _label_index().get(label_words(value))


def suggest_product_types(text: str, count: int = 3) -> list[str]:
    """Return the local names of the concepts closest to a mistyped name."""
    import difflib

    names = sorted(concept.name for concept in load_product_types().values())
    return difflib.get_close_matches(str(text).strip().lower(), names, n=count, cutoff=0.6)
