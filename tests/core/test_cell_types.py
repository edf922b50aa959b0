"""Cell type converters: values as spreadsheets store them and as people type them."""

import datetime as dt
from decimal import Decimal

import pytest

from mycelium_sheets.model.weeks import IsoWeek
from mycelium_sheets.schema import types


@pytest.mark.parametrize("value, expected", [
    (12, Decimal("12")),
    (2.2, Decimal("2.2")),  # the float's shortest repr, not 2.2000000000000001776…
    ("12,5", Decimal("12.5")),
    ("1 234,56", Decimal("1234.56")),  # French thousands separator
    ("1\u202f234,56", Decimal("1234.56")),  # narrow no-break space, as LibreOffice types it
    ("1,234.56", Decimal("1234.56")),
    ("1.234,56", Decimal("1234.56")),
    ("6,00 €", Decimal("6.00")),
])
def test_decimal_accepts_typed_forms(value, expected):
    assert types.to_decimal(value) == expected


@pytest.mark.parametrize("value", ["douze", "", "1,2,3", True, "nan", "inf"])
def test_decimal_rejects_non_numbers(value):
    with pytest.raises(types.CellTypeError):
        types.to_decimal(value)


@pytest.mark.parametrize("value, expected", [
    (0.055, Decimal("0.055")),  # a cell formatted as percent stores the fraction
    ("5,5 %", Decimal("0.055")),
    ("20%", Decimal("0.2")),
    (20, Decimal("0.2")),  # a bare 20 means 20 %, since no rate here exceeds 100 %
    ("10", Decimal("0.1")),
    (1, Decimal("1")),  # exactly 1 stays 100 %
])
def test_percentage(value, expected):
    assert types.to_percentage(value) == expected


@pytest.mark.parametrize("value, expected", [
    (dt.date(2027, 6, 10), dt.date(2027, 6, 10)),
    (dt.datetime(2027, 6, 10, 12, 52), dt.date(2027, 6, 10)),
    ("10/06/2027", dt.date(2027, 6, 10)),
    ("10/6/27", dt.date(2027, 6, 10)),
    ("2027-06-10", dt.date(2027, 6, 10)),
])
def test_date(value, expected):
    assert types.to_date(value) == expected


@pytest.mark.parametrize("value", ["31/02/2027", "demain", "2027-13-01"])
def test_date_rejects_impossible_dates(value):
    with pytest.raises(types.CellTypeError):
        types.to_date(value)


@pytest.mark.parametrize("value, default_year, expected", [
    ("2027-W23", None, IsoWeek(2027, 23)),
    ("2026-W53", None, IsoWeek(2026, 53)),  # 2026 has 53 ISO weeks: 28 Dec 2026 is a Monday of W53
    ("S23", 2027, IsoWeek(2027, 23)),
    ("sem. 23", 2027, IsoWeek(2027, 23)),
    (23, 2027, IsoWeek(2027, 23)),
    (dt.date(2027, 1, 1), None, IsoWeek(2026, 53)),  # 1 Jan 2027 is a Friday, in the last week of 2026
])
def test_week(value, default_year, expected):
    assert types.to_week(value, default_year) == expected


def test_week_53_of_a_52_week_year_is_rejected():
    # 28 December 2027 is in ISO week 52, so 2027 has no week 53.
    with pytest.raises(types.CellTypeError):
        types.to_week("2027-W53")


@pytest.mark.parametrize("value, expected", [
    (True, True), ("VRAI", True), ("vrai", True), ("oui", True), ("x", True), (1, True),
    (False, False), ("FAUX", False), ("non", False), (0, False),
])
def test_boolean(value, expected):
    assert types.to_boolean(value) is expected


@pytest.mark.parametrize("text, code", [
    ("kg", "kg"), ("Kilos", "kg"), ("botte", "bunch"), ("Bottes", "bunch"), ("pièce", "piece"),
    ("pce", "piece"), ("barquette", "punnet"), ("cagette", "crate"), ("litre", "l"), ("douzaine", "dozen"),
])
def test_unit_aliases(text, code):
    assert types.to_unit(text).code == code


def test_unknown_unit_is_rejected():
    with pytest.raises(types.CellTypeError) as raised:
        types.to_unit("poignée")
    assert "kg" in raised.value.expected
