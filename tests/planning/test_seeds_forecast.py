import csv
import datetime as dt
import os
from decimal import Decimal
from pathlib import Path

import pytest

from mycelium_sheets.model.crops import Harvest
from mycelium_sheets.model.units import get_unit, normalise_label
from mycelium_sheets.model.weeks import IsoWeek, week_range
from mycelium_sheets.planning import plan_season
from mycelium_sheets.planning.forecast import HarvestFlow, weekly_totals

from .builders import bed, farm, itinerary, target, week

ELZEARD_PLAN = Path(__file__).resolve().parents[1] / "data" / "samples" / "crop_plan_otf_format_elzeard_export.csv"


def test_seed_order_net_of_stock_in_packets():
    # two direct-sown successions of 2 harvest weeks each cover W30–W33
    carrot = itinerary(crop="Carotte", variety="Nantaise", method="direct", nursery_days=None, days_to_maturity=70,
                       maturity_basis="sowing", spacing_cm=Decimal(2), rows_per_bed=3, seeds_per_gram=Decimal(250),
                       germination_rate=Decimal("0.9"), seed_stock=Decimal(5), packet_size=Decimal(10))
    data = farm([carrot], [bed("A1")], [target("Carotte", "2027-W30", "2027-W33", "15")])
    result = plan_season(data, 2027)
    # 15 kg × 2 weeks ÷ 6 kg/m = 5 m; 500 ÷ 2 = 250 per row × 3 = 750 plants; ⌈750 ÷ 0.9⌉ = 834 seeds
    assert [succession.quantities.seeds for succession in result.successions] == [834, 834]
    # 834 ÷ 250 = 3.336 → 3.34 g each, 6.68 g for both
    order, = result.seeds
    assert order.need == Decimal("6.68")
    # 6.68 − 5 g in stock = 1.68 g to buy, one 10 g packet
    assert order.to_buy == Decimal("1.68")
    assert order.packets == 1
    assert order.ordered == Decimal(10)


def test_seed_order_without_packet_size():
    lettuce = itinerary(seeds_per_gram=None)
    result = plan_season(farm([lettuce], [bed("A1")], [target("Laitue", "2027-W20", "2027-W21", "15")]), 2027)
    order, = result.seeds
    # 5 m at 30 cm: ⌈500 ÷ 30⌉ = 17 × 3 rows = 51 cells, 51 seeds, counted in seeds
    assert order.in_grams is False
    assert order.need == Decimal(51)
    assert order.packets is None
    assert order.ordered == Decimal(51)


def test_nursery_trays_per_sowing_week():
    lettuce = itinerary(cells_per_tray=24)
    result = plan_season(farm([lettuce], [bed("A1")], [target("Laitue", "2027-W20", "2027-W21", "15")]), 2027)
    sowing, = result.nursery
    # planted W14, sown 28 days earlier in W10; 51 cells ÷ 24 = 2.1 → 3 trays
    assert sowing.week == week("2027-W10")
    assert sowing.cells == 51
    assert sowing.trays == 3


def test_forecast_beside_target_and_harvests():
    harvests = [Harvest(dt.date(2027, 5, 18), "Laitue", Decimal(9000), get_unit("g")),
                Harvest(dt.date(2027, 5, 20), "laitue", Decimal(4), get_unit("kg"))]
    data = farm([itinerary()], [bed("A1", "10")], [target("Laitue", "2027-W20", "2027-W21", "15")], harvests=harvests)
    row_w20, row_w21 = plan_season(data, 2027).forecast
    # 5 m × 6 kg/m ÷ 2 weeks = 15 kg a week
    assert (row_w20.week, row_w20.target, row_w20.forecast, row_w20.gap) == (week("2027-W20"), 15, 15, 0)
    # 9000 g + 4 kg harvested in W20
    assert row_w20.harvested == Decimal(13)
    assert row_w21.harvested is None


def test_forecast_gap_when_beds_run_short():
    # 20 m needed (120 kg in one week ÷ 6 kg/m), only 10 m of bed: forecast 60 kg
    data = farm([itinerary(harvest_days=7)], [bed("A1", "10")], [target("Laitue", "2027-W30", "2027-W30", "120")])
    row, = plan_season(data, 2027).forecast
    assert row.planned == Decimal(120)
    assert row.forecast == Decimal(60)
    assert row.gap == Decimal(-60)


def _elzeard_flows():
    """Read the Elzeard export: one flow per planting, its yield spread over its harvest weeks.

    NOTE: the export's yield_expected_area is read as the yield per bed-metre
    over the whole harvest, which the file does not state.
    """
    flows = []
    with open(ELZEARD_PLAN, encoding="utf-8") as stream:
        for row in csv.DictReader(stream):
            if not row["bed_length"]:
                continue
            weeks = tuple(week_range(IsoWeek.of(dt.date.fromisoformat(row["first_harvest_date"])),
                                     IsoWeek.of(dt.date.fromisoformat(row["last_harvest_date"]))))
            total = Decimal(row["bed_length"]) * Decimal(row["yield_expected_area"])
            unit = get_unit({"unit": "piece"}.get(row["harvest_unit"], row["harvest_unit"]))
            flows.append((row, HarvestFlow(row["species"], unit, weeks, total / len(weeks))))
    return flows


def test_forecast_on_real_crop_plan():
    if not ELZEARD_PLAN.exists():
        if os.environ.get("CI", "").lower() in ("true", "1", "yes"):
            pytest.fail("the Elzeard crop plan sample is required in CI")
        pytest.skip("the Elzeard crop plan sample is not on this machine")
    flows = _elzeard_flows()
    # 879 plantings have a bed length (7 of the 886 rows have none)
    assert len(flows) == 879
    totals = weekly_totals(flow for _row, flow in flows)

    # Achillée millefeuille S10 of 2025: 10 m × 1 bunch/m from 2025-05-05 (W19) to 2025-10-20 (W43),
    # 25 weeks, so 10 ÷ 25 = 0.4 bunch a week, and no other yarrow planting harvests in 2025
    assert totals[(normalise_label("Achillée millefeuille"), week("2025-W19"))] == Decimal("0.4")
    assert totals[(normalise_label("Achillée millefeuille"), week("2025-W43"))] == Decimal("0.4")
    assert (normalise_label("Achillée millefeuille"), week("2025-W44")) not in totals

    # spreading keeps every planting's total
    expected = sum(Decimal(row["bed_length"]) * Decimal(row["yield_expected_area"]) for row, _flow in flows)
    assert abs(sum(totals.values()) - expected) < Decimal("0.000001")
