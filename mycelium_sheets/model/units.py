"""Units of sale and harvest: a closed set mapped to the DFC measures taxonomy.

Each unit has a canonical code (the one stored by the engine), French and
English labels, aliases that farmers type, and the DFC measures concept
(taxonomy v1.3.0, ``measures.rdf#Name``). Mass and volume units convert
between themselves; count units (piece, bunch, punnet, …) convert to mass
only through a product's average weight.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

DFC_MEASURES = "https://github.com/datafoodconsortium/taxonomies/releases/latest/download/measures.rdf#"


@dataclass(frozen=True)
class Unit:
    """A unit of quantity: code, labels, dimension and factor to its base unit."""

    code: str
    label_fr: str
    label_en: str
    dimension: str  # "mass" (base kg), "volume" (base l) or "count"
    factor: Decimal  # how many base units one of this unit is (1 for count units)
    dfc_name: str
    aliases: tuple[str, ...] = ()

    def __eq__(self, other) -> bool:
        # Units are the constants of UNITS, so the identity test settles
        # almost every comparison before the field-by-field one, which
        # order quantities run millions of times.
        if self is other:
            return True
        if other.__class__ is not Unit:
            return NotImplemented
        return (self.code, self.label_fr, self.label_en, self.dimension, self.factor, self.dfc_name, self.aliases) == (
            other.code, other.label_fr, other.label_en, other.dimension, other.factor, other.dfc_name, other.aliases)

    @property
    def dfc_iri(self) -> str:
        return DFC_MEASURES + self.dfc_name

    def label(self, language: str) -> str:
        return self.label_fr if language == "fr" else self.label_en

    def label_for(self, quantity: Decimal | int | float, language: str) -> str:
        """Return the label agreeing with ``quantity``: "2 bottes" and "1,5 botte", "1.5 bunches".

        French puts a unit in the plural from 2 on, English above 1. Mass
        and volume units are symbols, which never take a plural.
        """
        plural = PLURAL_LABELS.get(self.code)
        if plural is None:
            return self.label(language)
        if language == "fr":
            return plural[0] if abs(quantity) >= 2 else self.label_fr
        return plural[1] if abs(quantity) > 1 else self.label_en


UNITS: tuple[Unit, ...] = (
    Unit("kg", "kg", "kg", "mass", Decimal(1), "Kilogram", ("kilo", "kilos", "kilogramme", "kilogrammes", "kilogram", "kilograms", "kgs")),
    Unit("g", "g", "g", "mass", Decimal("0.001"), "Gram", ("gr", "gramme", "grammes", "gram", "grams")),
    Unit("t", "t", "t", "mass", Decimal(1000), "Tonne", ("tonne", "tonnes", "ton")),
    Unit("l", "l", "l", "volume", Decimal(1), "Litre", ("litre", "litres", "liter", "liters", "lt")),
    Unit("cl", "cl", "cl", "volume", Decimal("0.01"), "Centilitre", ("centilitre", "centilitres")),
    Unit("ml", "ml", "ml", "volume", Decimal("0.001"), "Millilitre", ("millilitre", "millilitres", "milliliter")),
    Unit("piece", "pièce", "piece", "count", Decimal(1), "Piece", ("pièce", "pièces", "pieces", "pc", "pcs", "pce", "pces", "p", "u", "unité", "unités", "unite", "unit", "units", "each", "ea", "tête", "têtes")),
    Unit("bunch", "botte", "bunch", "count", Decimal(1), "Bunch", ("botte", "bottes", "bunches", "bte", "btes", "bouquet", "bouquets")),
    Unit("punnet", "barquette", "punnet", "count", Decimal(1), "Punnet", ("barquette", "barquettes", "punnets", "barq")),
    Unit("crate", "cagette", "crate", "count", Decimal(1), "Crate", ("cagette", "cagettes", "crates", "caisse", "caisses")),
    Unit("bag", "sachet", "bag", "count", Decimal(1), "Bag", ("sachet", "sachets", "sac", "sacs", "bags", "filet", "filets")),
    Unit("jar", "bocal", "jar", "count", Decimal(1), "Jar", ("bocal", "bocaux", "pot", "pots", "jars")),
    Unit("dozen", "douzaine", "dozen", "count", Decimal(1), "Dozen", ("douzaine", "douzaines", "dozens", "dz", "doz")),
    Unit("half_dozen", "demi-douzaine", "half dozen", "count", Decimal(1), "HalfDozen", ("demi-douzaine", "demi douzaine", "half-dozen", "half dozen", "1/2 douzaine")),
    Unit("basket", "panier", "basket", "count", Decimal(1), "Basket", ("panier", "paniers", "baskets")),
)

_BY_CODE = {unit.code: unit for unit in UNITS}

# Plural labels (French, English) of the count units, by unit code.
PLURAL_LABELS = {
    "piece": ("pièces", "pieces"), "bunch": ("bottes", "bunches"), "punnet": ("barquettes", "punnets"),
    "crate": ("cagettes", "crates"), "bag": ("sachets", "bags"), "jar": ("bocaux", "jars"),
    "dozen": ("douzaines", "dozens"), "half_dozen": ("demi-douzaines", "half dozens"), "basket": ("paniers", "baskets"),
}


def normalise_label(text: str) -> str:
    """Lower-case, strip accents and collapse spaces, for matching labels."""
    try:
        return _normalise_known_label(text)
    except TypeError:  # an unhashable value cannot be kept in the cache
        return _normalise(text)


def _normalise(text) -> str:
    decomposed = unicodedata.normalize("NFKD", str(text))
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(plain.lower().replace(".", " ").split())


# Workbooks repeat a few hundred product, customer and unit names over
# thousands of rows, so each distinct label is normalised once.
_normalise_known_label = functools.lru_cache(maxsize=16_384)(_normalise)


def _build_index() -> dict[str, Unit]:
    index: dict[str, Unit] = {}
    for unit in UNITS:
        for name in (unit.code, unit.label_fr, unit.label_en, *unit.aliases):
            index.setdefault(normalise_label(name), unit)
    return index


_INDEX = _build_index()


def get_unit(code: str) -> Unit:
    """Return the unit with a canonical code such as "kg" or "bunch"."""
    return _BY_CODE[code]


def find_unit(text: str) -> Unit | None:
    """Return the unit a farmer's label names ("Botte", "kgs", "pièce"), or None."""
    if text is None:
        return None
    return _INDEX.get(normalise_label(text))


def unit_labels(language: str) -> list[str]:
    """Return the labels offered in drop-down lists, in the given language."""
    return [unit.label(language) for unit in UNITS]


def convert(quantity: Decimal, source: Unit, target: Unit, *, average_weight_kg: Decimal | None = None,
            pieces_per_unit: Decimal | None = None) -> Decimal | None:
    """Convert a quantity between units, or return None when it cannot be done.

    Mass and volume convert by their factors. A count unit converts to mass
    through ``average_weight_kg`` (the weight of one unit of ``source`` when
    the source counts, or of one ``target`` unit when the target counts).
    Between two count units, ``pieces_per_unit`` is how many ``target`` units
    make one ``source`` unit (a bunch of 8 radishes: 8 pieces per bunch).
    """
    if source == target:
        return quantity
    if source.dimension == target.dimension and source.dimension != "count":
        return quantity * source.factor / target.factor
    if source.dimension == "count" and target.dimension == "mass" and average_weight_kg:
        return quantity * average_weight_kg / target.factor
    if source.dimension == "mass" and target.dimension == "count" and average_weight_kg:
        return quantity * source.factor / average_weight_kg
    if source.dimension == "count" and target.dimension == "count" and pieces_per_unit:
        return quantity * pieces_per_unit
    return None
