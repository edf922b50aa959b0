"""Units, money rounding and ISO weeks."""

import datetime as dt
from decimal import Decimal

import pytest

from mycelium_sheets.model.money import to_cents, to_quantity
from mycelium_sheets.model.units import convert, get_unit
from mycelium_sheets.model.weeks import IsoWeek, week_range, weeks_in_year


@pytest.mark.parametrize("amount, expected", [
    ("2.345", "2.35"),  # half-up, not banker's rounding (which gives 2.34)
    ("2.344", "2.34"),
    ("-2.345", "-2.35"),
    ("0.005", "0.01"),
])
def test_cents_round_half_up(amount, expected):
    assert to_cents(Decimal(amount)) == Decimal(expected)


def test_quantity_keeps_three_decimals():
    assert to_quantity(Decimal("1.23456")) == Decimal("1.235")


@pytest.mark.parametrize("quantity, source, target, weight, pieces, expected", [
    ("500", "g", "kg", None, None, "0.5"),
    ("2", "kg", "g", None, None, "2000"),
    ("3", "piece", "kg", "1.1", None, "3.3"),  # 3 melons of 1.1 kg
    ("2.2", "kg", "piece", "1.1", None, "2"),
    ("5", "bunch", "piece", None, "8", "40"),  # 5 bunches of 8 radishes
    ("75", "cl", "l", None, None, "0.75"),
])
def test_unit_conversion(quantity, source, target, weight, pieces, expected):
    result = convert(Decimal(quantity), get_unit(source), get_unit(target),
                     average_weight_kg=Decimal(weight) if weight else None,
                     pieces_per_unit=Decimal(pieces) if pieces else None)
    assert result == Decimal(expected)


def test_count_to_mass_without_weight_is_impossible():
    assert convert(Decimal(3), get_unit("bunch"), get_unit("kg")) is None


@pytest.mark.parametrize("year, weeks", [(2026, 53), (2027, 52), (2020, 53), (2032, 53)])
def test_weeks_in_year(year, weeks):
    assert weeks_in_year(year) == weeks


def test_week_arithmetic_crosses_the_year():
    assert IsoWeek(2026, 52) + 1 == IsoWeek(2026, 53)
    assert IsoWeek(2026, 53) + 1 == IsoWeek(2027, 1)
    assert IsoWeek(2027, 2) - IsoWeek(2026, 52) == 3
    assert len(week_range(IsoWeek(2026, 50), IsoWeek(2027, 2))) == 6  # W50–W53 and W1–W2


def test_week_days():
    # ISO week 2027-W23 runs from Monday 7 June to Sunday 13 June 2027.
    assert IsoWeek(2027, 23).monday() == dt.date(2027, 6, 7)
    assert IsoWeek(2027, 23).day(4) == dt.date(2027, 6, 10)
    assert str(IsoWeek(2027, 5)) == "2027-W05"
