"""Reading values as people type them: each oddity in a row of a table."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from mycelium_sheets.importer.values import is_empty, read_cell, read_date, read_quantity, read_week, unit_count
from mycelium_sheets.model.units import get_unit
from mycelium_sheets.model.weeks import IsoWeek
from mycelium_sheets.schema import sheet_spec
from mycelium_sheets.schema.types import CellTypeError

PRODUCTS = sheet_spec("products")
ORDERS = sheet_spec("orders")


@pytest.mark.parametrize("typed, expected", [
    ("12,5", Decimal("12.5")),          # decimal comma
    ("12.5", Decimal("12.5")),          # decimal point in the same column
    ("1 234,50", Decimal("1234.50")),   # space as thousands separator
    ("1\u202f234,50", Decimal("1234.50")),  # narrow no-break space, as LibreOffice writes it
    ("1.234,50", Decimal("1234.50")),   # point as thousands separator
    ("1,234.50", Decimal("1234.50")),   # English thousands separator
    ("€6,00", Decimal("6.00")),         # currency before
    ("6 €", Decimal("6")),              # currency after
    ("6,00 EUR", Decimal("6.00")),
    (" 2,40 ", Decimal("2.40")),        # spaces around
])
def test_money_as_typed(typed, expected):
    assert read_cell(PRODUCTS.column("price"), typed)[0] == expected


@pytest.mark.parametrize("typed, expected", [
    ("5,5 %", Decimal("0.055")),
    ("15%", Decimal("0.15")),
    ("20 %", Decimal("0.2")),
    (5.5, Decimal("0.055")),   # a bare rate above 1 is in percent points
    (0.2, Decimal("0.2")),
])
def test_percentage_as_typed(typed, expected):
    assert read_cell(PRODUCTS.column("vat_rate"), typed)[0] == expected


@pytest.mark.parametrize("typed, amount, unit", [
    ("2 kg", Decimal("2"), "kg"),
    ("500g", Decimal("500"), "g"),
    ("1 kg 100", Decimal("1.100"), "kg"),  # 1 kg and 100 g, as a scale shows it
    ("2,5 kg", Decimal("2.5"), "kg"),
    ("3 bottes", Decimal("3"), "bunch"),
    ("12", Decimal("12"), None),
])
def test_quantity_with_unit(typed, amount, unit):
    quantity = read_quantity(typed)
    assert quantity.amount == amount
    assert (quantity.unit.code if quantity.unit else None) == unit


def test_unit_with_count():
    # "Botte (8)": a bunch of 8 pieces.
    assert read_cell(PRODUCTS.column("unit"), "Botte (8)")[0] == get_unit("bunch")
    assert unit_count("Botte (8)") == Decimal("8")


def test_grams_into_kilogram_header():
    # 500 g in "Poids moyen (kg)" is 0.5 kg.
    assert read_cell(PRODUCTS.column("average_weight"), "500 g")[0] == Decimal("0.5")


def test_grams_into_row_unit():
    # An order of "500 g" on a row whose unit is kg is 0.5 kg.
    assert read_cell(ORDERS.column("quantity"), "500 g", row_unit=get_unit("kg"))[0] == Decimal("0.5")


def test_kilograms_into_bunch_rejected():
    with pytest.raises(CellTypeError):
        read_cell(ORDERS.column("quantity"), "2 kg", row_unit=get_unit("bunch"))


@pytest.mark.parametrize("typed, expected", [
    ("17/3/2026", dt.date(2026, 3, 17)),
    ("17/3/2026 12:52pm", dt.date(2026, 3, 17)),
    ("17/03/26", dt.date(2026, 3, 17)),
    ("2026-03-17", dt.date(2026, 3, 17)),
    ("3 juin 2027", dt.date(2027, 6, 3)),
    ("jeudi 10 juin 2027", dt.date(2027, 6, 10)),
    (dt.datetime(2027, 6, 10, 8, 30), dt.date(2027, 6, 10)),
])
def test_french_dates(typed, expected):
    assert read_date(typed) == expected


def test_weekday_picks_year():
    # 3 June was a Tuesday in 2025 (2026: Wednesday, 2027: Thursday), the
    # nearest such year to 4 December 2026.
    assert read_date("mardi 3 juin", today=dt.date(2026, 12, 4)) == dt.date(2025, 6, 3)


def test_weekday_checked_against_year():
    with pytest.raises(CellTypeError):
        read_date("mardi 3 juin", default_year=2027)


def test_date_without_year_rejected():
    with pytest.raises(CellTypeError):
        read_date("3 juin")


@pytest.mark.parametrize("typed, expected", [
    ("S23", IsoWeek(2027, 23)),
    ("sem. 23", IsoWeek(2027, 23)),
    ("semaine 23", IsoWeek(2027, 23)),
    ("2027-W23", IsoWeek(2027, 23)),
    ("S23/2028", IsoWeek(2028, 23)),
    (dt.date(2027, 6, 10), IsoWeek(2027, 23)),  # Thursday 10 June 2027 is in week 23
])
def test_week_numbers(typed, expected):
    assert read_week(typed, default_year=2027) == expected


@pytest.mark.parametrize("typed, expected", [
    ("oui", True), ("x", True), ("X", True), ("VRAI", True), ("True", True), ("✓", True), (1, True), (1.0, True),
    ("non", False), ("FAUX", False), ("False", False), (0, False),
])
def test_text_booleans(typed, expected):
    assert read_cell(PRODUCTS.column("organic"), typed)[0] is expected


@pytest.mark.parametrize("typed", ["N/A", "n/a", "-", "—", "?", "  ", None, "#N/A", "néant"])
def test_empty_markers(typed):
    assert is_empty(typed)
    assert read_cell(PRODUCTS.column("price"), typed) == (None, None)


def test_trailing_spaces_and_emoji():
    assert read_cell(PRODUCTS.column("name"), "🥕 Carottes  ")[0] == "Carottes"
    assert read_cell(PRODUCTS.column("name"), "Radis\u00a0")[0] == "Radis"


@pytest.mark.parametrize("column, typed", [
    ("price", "deux euros"),
    ("vat_rate", "beaucoup"),
    ("unit", "brouette"),
    ("organic", "peut-être"),
])
def test_unreadable_values_raise(column, typed):
    with pytest.raises(CellTypeError):
        read_cell(PRODUCTS.column(column), typed)
