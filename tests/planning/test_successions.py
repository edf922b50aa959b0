from decimal import Decimal

import pytest

from mycelium_sheets.errors import PlanningError
from mycelium_sheets.model.farm import Farm
from mycelium_sheets.model.weeks import IsoWeek
from mycelium_sheets.planning import plan_season

from .builders import bed, farm, itinerary, target, week

BEDS = [bed(f"A{number}") for number in range(1, 9)]


def planting_weeks(result):
    return [str(succession.dates.planting_week) for succession in result.successions]


def test_flat_demand_gives_equal_successions():
    # 15 kg a week over W20–W30 (11 weeks); each planting yields 6 kg/m over 2 weeks
    data = farm([itinerary()], BEDS, [target("Laitue", "2027-W20", "2027-W30", "15")])
    result = plan_season(data, 2027)
    # each succession covers 2 weeks, so 6 successions; harvest starts 6 weeks after planting
    assert planting_weeks(result) == ["2027-W14", "2027-W16", "2027-W18", "2027-W20", "2027-W22", "2027-W24"]
    # 15 kg × 2 weeks ÷ 6 kg/m = 5 m each
    assert [succession.bed_metres for succession in result.successions] == [Decimal(5)] * 6
    assert result.uncovered == []


def test_length_sized_on_peak_week():
    # two targets overlap in W21: 10 kg in W20, 10 + 20 = 30 kg in W21
    data = farm([itinerary()], BEDS, [target("Laitue", "2027-W20", "2027-W21", "10"),
                                      target("Laitue", "2027-W21", "2027-W21", "20")])
    result = plan_season(data, 2027)
    assert len(result.successions) == 1
    # sized on the peak: 30 kg × 2 weeks ÷ 6 kg/m = 10 m (the mean, 20 kg, would give 6.7 m)
    assert result.successions[0].bed_metres == Decimal(10)
    assert result.successions[0].peak_week == week("2027-W21")


def test_length_rounded_up_to_decimetre():
    # 7 kg × 2 ÷ 6 = 2.333 m → 2.4 m
    data = farm([itinerary()], BEDS, [target("Laitue", "2027-W20", "2027-W21", "7")])
    assert plan_season(data, 2027).successions[0].bed_metres == Decimal("2.4")


def test_yield_per_square_metre_uses_bed_width():
    # 8 kg/m² on 0.75 m wide beds = 6 kg per bed-metre, so 15 × 2 ÷ 6 = 5 m
    data = farm([itinerary(yield_per_metre=None, yield_per_m2=Decimal(8))],
                [bed("A1", width="0.75")], [target("Laitue", "2027-W20", "2027-W21", "15")])
    assert plan_season(data, 2027).successions[0].bed_metres == Decimal(5)


def test_season_crossing_new_year():
    leek = itinerary(crop="Poireau", method="bought", nursery_days=None, days_to_maturity=70, harvest_days=21,
                     yield_per_metre=Decimal(9), family="Alliaceae")
    data = farm([leek], BEDS, [target("Poireau", "2027-W50", "2028-W04", "30")],
                farm=Farm(name="Ferme", season_start=IsoWeek(2027, 36)))
    result = plan_season(data, 2027)
    assert result.season.first_week == week("2027-W36")
    assert result.season.last_week == week("2028-W35")
    # 3 harvest weeks each, 10 weeks (70 days) after planting: W50–W52, 2028-W01–W03, 2028-W04;
    # 2027 has 52 weeks, so 2028-W01 − 10 = 2027-W43 and 2028-W04 − 10 = 2027-W46
    assert planting_weeks(result) == ["2027-W40", "2027-W43", "2027-W46"]
    assert [len(succession.covered_weeks) for succession in result.successions] == [3, 3, 1]
    # 30 kg × 3 weeks ÷ 9 kg/m = 10 m each
    assert [succession.bed_metres for succession in result.successions] == [Decimal(10)] * 3


def test_week_53_is_covered():
    lettuce = itinerary(days_to_maturity=28, harvest_days=7, yield_per_metre=Decimal(3))
    data = farm([lettuce], BEDS, [target("Laitue", "2026-W52", "2026-W53", "3")])
    result = plan_season(data, 2026)
    # 28 days after Monday 2026-11-23 (W48) is 2026-12-21 (W52); after 2026-11-30 (W49), 2026-12-28 (W53)
    assert planting_weeks(result) == ["2026-W48", "2026-W49"]
    assert [succession.covered_weeks for succession in result.successions] == [[week("2026-W52")], [IsoWeek(2026, 53)]]
    # 3 kg × 1 week ÷ 3 kg/m = 1 m
    assert [succession.bed_metres for succession in result.successions] == [Decimal(1), Decimal(1)]


def test_weeks_outside_planting_window_uncovered():
    # plantings allowed W20–W22, harvest 6 weeks later for 2 weeks: W26–W29 can be reached
    lettuce = itinerary(earliest_week=20, latest_week=22)
    data = farm([lettuce], BEDS, [target("Laitue", "2027-W25", "2027-W32", "6")])
    result = plan_season(data, 2027)
    assert planting_weeks(result) == ["2027-W20", "2027-W22"]
    assert [str(item.week) for item in result.uncovered] == ["2027-W25", "2027-W30", "2027-W31", "2027-W32"]
    assert "20–22" in result.uncovered[0].reason


def test_later_planting_chosen_to_cover_more_weeks():
    spring = itinerary(name="printemps", earliest_week=10, latest_week=14, harvest_days=7)
    summer = itinerary(name="été", earliest_week=10, latest_week=30, harvest_days=21)
    data = farm([spring, summer], BEDS, [target("Laitue", "2027-W20", "2027-W22", "6")])
    result = plan_season(data, 2027)
    # the summer itinerary covers W20–W22 in one planting; the spring one would cover W20 only
    assert [succession.itinerary.name for succession in result.successions] == ["été"]


def test_crop_without_itinerary_is_uncovered():
    data = farm([itinerary()], BEDS, [target("Fenouil", "2027-W20", "2027-W21", "5")])
    result = plan_season(data, 2027)
    assert result.successions == []
    assert [str(item.week) for item in result.uncovered] == ["2027-W20", "2027-W21"]


def test_unit_mismatch_is_an_error():
    data = farm([itinerary()], BEDS, [target("Laitue", "2027-W20", "2027-W21", "40", unit="piece")])
    with pytest.raises(PlanningError) as error:
        plan_season(data, 2027)
    assert "ferme.ods, sheet “Cultures”, cell M5" in str(error.value)


def test_nonsense_parameters_listed_together():
    data = farm([itinerary(spacing_cm=Decimal(0), harvest_days=0)], BEDS, [target("Laitue", "2027-W20", "2027-W21", "5")])
    with pytest.raises(PlanningError) as error:
        plan_season(data, 2027)
    assert len(error.value.details) == 2
    assert "cell I5" in error.value.details[0]
    assert "cell H5" in error.value.details[1]


def test_target_in_grams_converted_to_yield_unit():
    # 15000 g = 15 kg a week: 15 × 2 ÷ 6 = 5 m
    data = farm([itinerary()], BEDS, [target("Laitue", "2027-W20", "2027-W21", "15000", unit="g")])
    assert plan_season(data, 2027).successions[0].bed_metres == Decimal(5)
