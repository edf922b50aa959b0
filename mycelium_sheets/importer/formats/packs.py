"""Products sold in packs: "5 kg of potatoes", "eggs, 6 pieces", as other software lists them.

Cagette and Open Food Network give a product a quantity in a base unit
(1 kg, 500 g, 12 pieces) and a price for that quantity. The standard
workbook sells a product by one unit of sale. So a pack of 1 kg or 1 l is
sold by that unit, 12 or 6 pieces by the dozen or half dozen, and any other
pack by the bag (sachet), with the pack's weight or number of pieces.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ...i18n import get_language
from ...model.units import Unit, convert, get_unit


@dataclass(frozen=True)
class Pack:
    """A unit of sale for a pack, with what one unit contains and a label to add to the product name."""

    unit: Unit
    average_weight: Decimal | None = None
    pieces_per_unit: Decimal | None = None
    label: str = ""


def _number(quantity: Decimal) -> str:
    text = format(quantity.normalize(), "f")
    return text.replace(".", ",") if get_language() == "fr" else text


def pack_of(quantity: Decimal | None, unit: Unit) -> Pack:
    """Return the unit of sale for ``quantity`` of ``unit`` sold at one price."""
    if quantity is None or quantity == 1:
        return Pack(unit)
    name = unit.label(get_language())
    if unit.dimension == "count" and quantity > 1 and not name.endswith(("s", "x")):
        name += "s"
    label = f"{_number(quantity)} {name}"
    if unit.dimension == "mass":
        return Pack(get_unit("bag"), average_weight=convert(quantity, unit, get_unit("kg")), label=label)
    if unit.dimension == "count" and unit.code == "piece" and quantity == 12:
        return Pack(get_unit("dozen"), pieces_per_unit=quantity, label=label)
    if unit.dimension == "count" and unit.code == "piece" and quantity == 6:
        return Pack(get_unit("half_dozen"), pieces_per_unit=quantity, label=label)
    if unit.dimension == "count":
        return Pack(get_unit("bag"), pieces_per_unit=quantity, label=label)
    return Pack(get_unit("jar"), label=label)
