"""Warnings about AMAP weeks that have no basket contents."""

from __future__ import annotations

import datetime as dt

import pytest

from mycelium_sheets.model.weeks import IsoWeek
from mycelium_sheets.orders.subscriptions import expand_subscriptions

from .farm_builder import make_farm

WEEK = IsoWeek(2027, 23)
TUESDAY = dt.date(2027, 6, 8)
THURSDAY = dt.date(2027, 6, 10)


def farm_with_empty_week():
    # The Thursday basket is filled in for W22 only, so W23 has no contents.
    return make_farm(
        subscriptions=[["Famille Martin", "Petit", 1, "2027-W22", "2027-W24", "Jeudi", 12]],
        baskets=[["2027-W22", "Petit", "Carottes", 0.5, "kg"]])


@pytest.mark.parametrize("dates, warnings", [
    (None, 1),          # the whole week: the Thursday basket is missing
    ({THURSDAY}, 1),    # the basket's own day
    ({TUESDAY}, 0),     # another day of that week: nothing to say
])
def test_empty_basket_warning_by_day(dates, warnings):
    problems = []

    lines = expand_subscriptions(farm_with_empty_week(), problems, {WEEK}, dates)

    assert lines == []
    assert len([problem for problem in problems if problem.severity == "warning"]) == warnings
