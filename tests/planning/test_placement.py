from decimal import Decimal

from mycelium_sheets.model.crops import Family
from mycelium_sheets.planning import plan_season

from .builders import bed, farm, itinerary, past, target


def placed(result):
    return [[(share.bed, share.metres) for share in succession.beds] for succession in result.successions]


def test_overlapping_successions_share_bed_within_length():
    # two 5 m successions taking the bed at the same time fit on one 10 m bed
    data = farm([itinerary()], [bed("A1", "10"), bed("A2", "10")], [target("Laitue", "2027-W20", "2027-W23", "15")])
    result = plan_season(data, 2027)
    assert placed(result) == [[("A1", Decimal(5))], [("A1", Decimal(5))]]


def test_bed_full_sends_next_succession_elsewhere():
    # 8 m each: the second overlaps the first in time and does not fit in the 2 m left on A1
    data = farm([itinerary()], [bed("A1", "10"), bed("A2", "10")], [target("Laitue", "2027-W20", "2027-W23", "24")])
    result = plan_season(data, 2027)
    assert placed(result) == [[("A1", Decimal(8))], [("A2", Decimal(8))]]


def test_greenhouse_crop_without_greenhouse_bed():
    tomato = itinerary(crop="Tomate", location="greenhouse", family="Solanaceae")
    data = farm([tomato], [bed("A1")], [target("Tomate", "2027-W30", "2027-W31", "12")])
    result = plan_season(data, 2027)
    assert placed(result) == [[]]
    assert len(result.unplaced) == 1
    assert result.unplaced[0].metres == Decimal(4)
    assert result.unplaced[0].reason == "no bed is marked as greenhouse"


def test_greenhouse_crop_goes_in_greenhouse():
    tomato = itinerary(crop="Tomate", location="greenhouse", family="Solanaceae")
    data = farm([tomato], [bed("A1"), bed("S1", greenhouse=True)], [target("Tomate", "2027-W30", "2027-W31", "12")])
    assert placed(plan_season(data, 2027)) == [[("S1", Decimal(4))]]


def test_field_crop_stays_out_of_greenhouse():
    data = farm([itinerary(location="field")], [bed("S1", greenhouse=True), bed("A1")],
                [target("Laitue", "2027-W30", "2027-W31", "12")])
    assert placed(plan_season(data, 2027)) == [[("A1", Decimal(4))]]


def test_rotation_conflict_moves_to_next_bed():
    # Asteraceae grew on A1 in 2025; interval 3 years: 2027 − 2025 = 2 < 3, so A1 is not used
    data = farm([itinerary()], [bed("A1"), bed("A2")], [target("Laitue", "2027-W30", "2027-W31", "12")],
                past_plantings=[past("A1", "Chicorée", "2025-W20", "2025-W35", family="Astéracées")],
                families=[Family("Asteraceae", 3)])
    assert placed(plan_season(data, 2027)) == [[("A2", Decimal(4))]]


def test_rotation_interval_reached_allows_bed():
    # 2027 − 2024 = 3 ≥ 3 years
    data = farm([itinerary()], [bed("A1"), bed("A2")], [target("Laitue", "2027-W30", "2027-W31", "12")],
                past_plantings=[past("A1", "Chicorée", "2024-W20", "2024-W35", family="Asteraceae")],
                families=[Family("Asteraceae", 3)])
    assert placed(plan_season(data, 2027)) == [[("A1", Decimal(4))]]


def test_rotation_conflict_on_every_bed():
    # the family comes from the reference crop list (Laitue is an Asteraceae) when the cell is empty
    data = farm([itinerary(family=None)], [bed("A1")], [target("Laitue", "2027-W30", "2027-W31", "12")],
                past_plantings=[past("A1", "Laitue", "2026-W20", "2026-W35")], families=[Family("Asteraceae", 3)])
    result = plan_season(data, 2027)
    assert placed(result) == [[]]
    assert result.unplaced[0].reason == "the family Asteraceae grew on every suitable bed less than 3 years before the season"


def test_bed_too_short_for_any_succession():
    # a 0.5 m bed is shorter than the 1 m minimum share, and the need is 4 m
    data = farm([itinerary()], [bed("A1", "0.5")], [target("Laitue", "2027-W30", "2027-W31", "12")])
    result = plan_season(data, 2027)
    assert placed(result) == [[]]
    assert result.unplaced[0].metres == Decimal(4)
    assert result.unplaced[0].reason == "4 m missing, because every suitable bed is shorter than 1 m"


def test_short_bed_skipped_for_longer_one():
    data = farm([itinerary()], [bed("A1", "0.5"), bed("A2", "30")], [target("Laitue", "2027-W30", "2027-W31", "12")])
    assert placed(plan_season(data, 2027)) == [[("A2", Decimal(4))]]


def test_contiguous_beds_preferred():
    # 20 m needed on 10 m beds; A2 is taken all season by a planting still in the ground,
    # so A1 + A3 would be split: the neighbours A3 + A4 are used instead
    beds = [bed(f"A{number}", "10", position=number) for number in range(1, 5)]
    data = farm([itinerary(harvest_days=7)], beds, [target("Laitue", "2027-W30", "2027-W30", "120")],
                past_plantings=[past("A2", "Fraisier", "2026-W10", "2027-W52", family="Rosaceae")])
    # 120 kg × 1 week ÷ 6 kg/m = 20 m
    assert placed(plan_season(data, 2027)) == [[("A3", Decimal(10)), ("A4", Decimal(10))]]


def test_runs_stay_within_one_block():
    beds = [bed("A1", "10", block="A"), bed("B1", "10", block="B"), bed("B2", "10", block="B")]
    data = farm([itinerary(harvest_days=7)], beds, [target("Laitue", "2027-W30", "2027-W30", "120")])
    assert placed(plan_season(data, 2027)) == [[("B1", Decimal(10)), ("B2", Decimal(10))]]


def test_partial_placement_lists_remainder():
    # 20 m needed, only one 10 m bed
    data = farm([itinerary(harvest_days=7)], [bed("A1", "10")], [target("Laitue", "2027-W30", "2027-W30", "120")])
    result = plan_season(data, 2027)
    assert placed(result) == [[("A1", Decimal(10))]]
    assert result.unplaced[0].metres == Decimal(10)
    assert result.unplaced[0].reason.startswith("10 m missing, because the suitable beds are full between 2027-W24 and 2027-W30")
