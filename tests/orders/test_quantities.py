"""Unit conversion and prices of order lines, with values worked by hand."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from mycelium_sheets.model.catalogue import Customer, Product
from mycelium_sheets.model.orders import OrderLine
from mycelium_sheets.model.units import get_unit
from mycelium_sheets.orders.aggregate import apply_margin
from mycelium_sheets.orders.quantities import convert_for_product, price_line

KG, G, PIECE, BUNCH, DOZEN = (get_unit(code) for code in ("kg", "g", "piece", "bunch", "dozen"))

RADISH = Product("Radis", BUNCH, Decimal("1.50"), Decimal("0.055"), average_weight=Decimal("0.25"), pieces_per_unit=Decimal(8))
SQUASH = Product("Courge", PIECE, Decimal("3.00"), Decimal("0.055"), price_unit=KG, average_weight=Decimal("1.2"), harvest_unit=KG)
CARROT = Product("Carottes", KG, Decimal("2.80"), Decimal("0.055"))
EGGS = Product("Œufs", DOZEN, Decimal("4.20"), Decimal("0.055"))
CUSTOMER = Customer("Le Bistrot", "restaurant")


@pytest.mark.parametrize("product, quantity, source, target, expected", [
    (RADISH, "3", BUNCH, PIECE, "24"),  # 3 bunches × 8 radishes
    (RADISH, "12", PIECE, BUNCH, "1.5"),  # 12 radishes / 8 per bunch
    (RADISH, "4", BUNCH, KG, "1.00"),  # 4 bunches × 0.25 kg
    (RADISH, "500", G, BUNCH, "2"),  # 0.5 kg / 0.25 kg per bunch
    (RADISH, "16", PIECE, KG, "0.5"),  # 16 radishes × (0.25 kg / 8)
    (SQUASH, "5", PIECE, KG, "6.0"),  # 5 squashes × 1.2 kg
    (CARROT, "1500", G, KG, "1.5"),
    (EGGS, "3", DOZEN, PIECE, "36"),  # a dozen is 12 pieces
])
def test_convert_for_product(product, quantity, source, target, expected):
    assert convert_for_product(Decimal(quantity), source, target, product) == Decimal(expected)


@pytest.mark.parametrize("product, source, target", [
    (CARROT, PIECE, KG),  # no average weight for carrots
    (CARROT, BUNCH, KG),
    (EGGS, DOZEN, KG),
])
def test_convert_without_product_data(product, source, target):
    assert convert_for_product(Decimal(2), source, target, product) is None


def _line(product, quantity, unit=None, price=None, weighed=None):
    return OrderLine(dt.date(2027, 6, 10), CUSTOMER, product, Decimal(quantity), unit=unit,
                     price=Decimal(price) if price else None, weighed_quantity=Decimal(weighed) if weighed else None)


def test_variable_weight_estimated():
    priced = price_line(_line(SQUASH, "3"), [])
    # 3 pieces × 1.2 kg = 3.6 kg, × 3.00 €/kg = 10.80 €
    assert priced.billed_quantity == Decimal("3.600")
    assert priced.amount == Decimal("10.80")
    assert priced.estimated is True
    assert priced.harvest_quantity == Decimal("3.600")


def test_variable_weight_weighed():
    priced = price_line(_line(SQUASH, "3", weighed="3.35"), [])
    # weighed 3.35 kg × 3.00 €/kg = 10.05 €, the estimate is replaced
    assert priced.amount == Decimal("10.05")
    assert priced.estimated is False
    assert priced.weight_kg == Decimal("3.350")


def test_rounding_half_up():
    priced = price_line(_line(CARROT, "1.2345", price="2.15"), [])
    # quantity 1.2345 → 1.235 (3 decimals half-up); 1.235 × 2.15 = 2.65525 → 2.66
    assert priced.quantity == Decimal("1.235")
    assert priced.amount == Decimal("2.66")


def test_line_in_pieces_priced_per_bunch():
    priced = price_line(_line(RADISH, "20", unit=PIECE), [])
    # 20 radishes = 2.5 bunches × 1.50 € = 3.75 €; harvest unit is the bunch
    assert priced.harvest_quantity == Decimal("2.500")
    assert priced.amount == Decimal("3.75")


def test_unconvertible_line_is_problem():
    problems = []
    assert price_line(_line(CARROT, "4", unit=PIECE), problems) is None
    assert len(problems) == 1
    assert problems[0].severity == "error"


@pytest.mark.parametrize("quantity, margin, count_unit, expected", [
    ("10", "0.05", False, "10.500"),
    ("13", "0.05", True, "14"),  # 13.65 bunches rounded up
    ("20", "0.05", True, "21"),  # exactly 21
    ("2.375", "0", True, "3"),  # a part bunch is still a bunch to harvest
    ("3.333", "0.1", False, "3.666"),  # 3.6663 → 3.666
])
def test_apply_margin(quantity, margin, count_unit, expected):
    assert apply_margin(Decimal(quantity), Decimal(margin), count_unit) == Decimal(expected)
