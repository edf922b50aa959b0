import datetime as dt
from decimal import Decimal

import pytest

from mycelium_sheets.model.weeks import IsoWeek
from mycelium_sheets.planning.itinerary import check_itinerary, crop_dates, planting_allowed
from mycelium_sheets.planning.season import Season

from .builders import itinerary, week


def test_transplant_dates_from_planting():
    dates = crop_dates(itinerary(), week("2027-W20"))
    # planting on Monday 2027-05-17, sown 28 days earlier
    assert dates.planting == dt.date(2027, 5, 17)
    assert dates.sowing == dt.date(2027, 4, 19)
    assert dates.sowing_week == week("2027-W16")
    # 2027-05-17 + 42 days = 2027-06-28 (W26); 14 days of harvest end on 2027-07-11 (W27)
    assert dates.first_harvest == dt.date(2027, 6, 28)
    assert dates.last_harvest == dt.date(2027, 7, 11)
    assert dates.harvest_weeks == 2
    assert dates.last_harvest_week == week("2027-W27")


def test_direct_sowing_counted_from_sowing():
    radish = itinerary(method="direct", nursery_days=None, days_to_maturity=60, maturity_basis="sowing", harvest_days=10)
    dates = crop_dates(radish, week("2027-W10"))
    # Monday 2027-03-08 + 60 days = Friday 2027-05-07 (W18); ⌈10 ÷ 7⌉ = 2 harvest weeks
    assert dates.sowing == dt.date(2027, 3, 8)
    assert dates.first_harvest_week == week("2027-W18")
    assert dates.last_harvest_week == week("2027-W19")
    # the last harvest day, 2027-05-16, is a Sunday of W19
    assert dates.occupied_until == week("2027-W19")


def test_transplant_counted_from_sowing():
    tomato = itinerary(nursery_days=30, days_to_maturity=90, maturity_basis="sowing")
    dates = crop_dates(tomato, week("2027-W20"))
    # 90 days from sowing − 30 in nursery = 60 days after planting: 2027-05-17 + 60 = 2027-07-16
    assert dates.first_harvest == dt.date(2027, 7, 16)
    assert dates.sowing == dt.date(2027, 4, 17)


def test_dates_cross_new_year():
    leek = itinerary(days_to_maturity=35)
    dates = crop_dates(leek, week("2027-W50"))
    # Monday 2027-12-13 + 35 days = 2028-01-17, ISO week 2028-W03
    assert dates.first_harvest_week == week("2028-W03")


def test_dates_in_week_53():
    lettuce = itinerary(days_to_maturity=28)
    dates = crop_dates(lettuce, week("2026-W49"))
    # Monday 2026-11-30 + 28 days = 2026-12-28, which is in week 53 of 2026
    assert dates.first_harvest_week == IsoWeek(2026, 53)
    # 14 days of harvest: 2026-W53 then 2027-W01
    assert dates.last_harvest_week == week("2027-W01")


@pytest.mark.parametrize(("earliest", "latest", "number", "allowed"), [
    (10, 20, 10, True),
    (10, 20, 20, True),
    (10, 20, 21, False),
    (42, 9, 45, True),   # the window wraps round the new year
    (42, 9, 5, True),
    (42, 9, 20, False),
    (None, 20, 1, True),
    (30, None, 52, True),
])
def test_planting_window(earliest, latest, number, allowed):
    crop = itinerary(earliest_week=earliest, latest_week=latest)
    assert planting_allowed(crop, IsoWeek(2027, number)) is allowed


SEASON = Season.of_year(2027)


@pytest.mark.parametrize(("overrides", "cell"), [
    ({"spacing_cm": Decimal(0)}, "I5"),
    ({"harvest_days": 0}, "H5"),
    ({"rows_per_bed": 0}, "J5"),
    ({"earliest_week": 53}, "T5"),     # 2027 has only 52 ISO weeks
    ({"latest_week": 60}, "U5"),
    ({"germination_rate": Decimal(0)}, "O5"),
    ({"germination_rate": Decimal("1.2")}, "O5"),
    ({"nursery_loss": Decimal(1)}, "R5"),
    ({"nursery_days": None}, "E5"),    # a farm-raised transplant needs its nursery days
    ({"nursery_days": 50, "maturity_basis": "sowing"}, "E5"),  # the nursery would last past the harvest
    ({"seeds_per_gram": Decimal(0)}, "N5"),
])
def test_nonsense_parameter_names_cell(overrides, cell):
    problems = check_itinerary(itinerary(**overrides), SEASON)
    assert len(problems) == 1
    assert problems[0].severity == "error"
    assert problems[0].location.cell == cell
    assert problems[0].location.sheet == "Cultures"


def test_week_53_allowed_in_long_season():
    assert check_itinerary(itinerary(earliest_week=53), Season.of_year(2026)) == []


def test_missing_yield_when_targets_exist():
    problems = check_itinerary(itinerary(yield_per_metre=None), SEASON, needs_yield=True)
    assert [problem.location.cell for problem in problems] == ["K5"]


def test_sound_itinerary_has_no_problem():
    assert check_itinerary(itinerary(), SEASON, needs_yield=True) == []
