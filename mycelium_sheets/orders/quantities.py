"""Order quantities in harvest units, and the estimated or real price of each line.

A product's data links its units: the average weight is the weight in kg of
one unit of sale, and the pieces per unit the number of pieces in one unit
of sale (8 radishes in a bunch). A dozen is 12 pieces and a half-dozen 6.
Quantities keep 3 decimals and amounts 2, both rounded half-up.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..errors import Location, Problem
from ..i18n import _, get_language
from ..model.catalogue import Product
from ..model.money import to_cents, to_quantity
from ..model.orders import OrderLine
from ..model.units import Unit, convert, get_unit

# Pieces in one unit for count units whose size is fixed by their name.
_FIXED_PIECES = {"piece": Decimal(1), "dozen": Decimal(12), "half_dozen": Decimal(6)}
_KG = get_unit("kg")


@dataclass
class PricedLine:
    """An order line with its quantity in the harvest unit and its amount excluding VAT.

    ``billed_quantity`` is in ``price_unit``. ``estimated`` is true for a
    product paid by weight whose weighed quantity is not entered yet, so the
    amount uses the average weight.
    """

    line: OrderLine
    quantity: Decimal
    unit: Unit
    harvest_quantity: Decimal
    harvest_unit: Unit
    billed_quantity: Decimal
    price: Decimal
    price_unit: Unit
    amount: Decimal
    estimated: bool
    weight_kg: Decimal | None


def harvest_unit_of(product: Product) -> Unit:
    return product.harvest_unit or product.unit


def price_unit_of(product: Product) -> Unit:
    return product.price_unit or product.unit


def _pieces_per(unit: Unit, product: Product) -> Decimal | None:
    if unit.code in _FIXED_PIECES:
        return _FIXED_PIECES[unit.code]
    if unit == product.unit and unit.dimension == "count":
        return product.pieces_per_unit
    return None


def _kg_per(unit: Unit, product: Product) -> Decimal | None:
    """Return the weight in kg of one ``unit`` of this product, or None when unknown."""
    if unit.dimension == "mass":
        return unit.factor
    if unit.dimension != "count" or not product.average_weight:
        return None
    if unit == product.unit:
        return product.average_weight
    if product.unit.dimension == "mass":
        # NOTE: a product sold by mass has no weight per unit of sale, so its
        # average weight is read as the weight of one piece.
        piece_kg = product.average_weight
    else:
        sale_pieces = _pieces_per(product.unit, product)
        if not sale_pieces:
            return None
        piece_kg = product.average_weight / sale_pieces
    pieces = _pieces_per(unit, product)
    return piece_kg * pieces if pieces else None


def convert_for_product(quantity: Decimal, source: Unit, target: Unit, product: Product) -> Decimal | None:
    """Convert a quantity of a product between units, or return None when its data is missing."""
    if source == target:
        return quantity
    if source.dimension == target.dimension and source.dimension != "count":
        return convert(quantity, source, target)

    if source.dimension == "count" and target.dimension == "count":
        source_pieces = _pieces_per(source, product)
        target_pieces = _pieces_per(target, product)
        if source_pieces and target_pieces:
            return quantity * source_pieces / target_pieces

    source_kg = _kg_per(source, product)
    target_kg = _kg_per(target, product)
    if source_kg and target_kg:
        return convert(quantity * source_kg, _KG, _KG) / target_kg
    return None


def price_line(line: OrderLine, problems: list[Problem]) -> PricedLine | None:
    """Return the line in harvest units with its amount, or None after adding a problem."""
    product = line.product
    unit = line.effective_unit
    harvest_unit = harvest_unit_of(product)
    price_unit = price_unit_of(product)

    harvest_quantity = convert_for_product(line.quantity, unit, harvest_unit, product)
    if harvest_quantity is None:
        problems.append(_conversion_problem(line, unit, harvest_unit))
        return None

    estimated = False
    if line.weighed_quantity is not None and price_unit.dimension == "mass":
        billed = convert(line.weighed_quantity, _KG, price_unit)
    else:
        billed = convert_for_product(line.quantity, unit, price_unit, product)
        estimated = product.sold_by_weight
    if billed is None:
        problems.append(_conversion_problem(line, unit, price_unit))
        return None

    billed = to_quantity(billed)
    kg = _kg_per(unit, product)
    if line.weighed_quantity is not None:
        weight = to_quantity(line.weighed_quantity)
    else:
        weight = to_quantity(line.quantity * kg) if kg else None
    return PricedLine(
        line=line, quantity=to_quantity(line.quantity), unit=unit,
        harvest_quantity=to_quantity(harvest_quantity), harvest_unit=harvest_unit,
        billed_quantity=billed, price=line.effective_price, price_unit=price_unit,
        amount=to_cents(billed * line.effective_price), estimated=estimated, weight_kg=weight,
    )


def _conversion_problem(line: OrderLine, source: Unit, target: Unit) -> Problem:
    product = line.product
    where = line.source.location("unit" if "unit" in line.source.columns else "quantity") if line.source else Location()
    if product.source is not None:
        cell = product.source.location("average_weight")
        field_place = f"{cell.sheet}!{cell.cell}" if cell.cell else cell.sheet
    else:
        field_place = _("the sheet of products")
    return Problem(
        "error",
        _("“{product}” ordered in {source} cannot be converted to {target}").format(
            product=product.name, source=source.label(get_language()), target=target.label(get_language())),
        where, line.quantity,
        _("Fill in the product's average weight (kg) or pieces per unit ({place}), or order it in {unit}.").format(
            place=field_place, unit=product.unit.label(get_language())),
    )
