"""Time the crop plan: 150 itineraries, 52 weeks of targets, 300 beds, planned and placed.

Run: python bench/bench_planning.py

The alternative a farmer would use is a spreadsheet worked by hand, which
cannot be timed here. So the rows set planning with placement beside
planning without beds and the engine sheets' layout, to show each step's cost.
"""

from __future__ import annotations

import platform
import sys
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mycelium_sheets.model.crops import Bed, Itinerary, Target  # noqa: E402
from mycelium_sheets.model.farm_data import FarmData  # noqa: E402
from mycelium_sheets.model.units import get_unit  # noqa: E402
from mycelium_sheets.model.weeks import IsoWeek  # noqa: E402
from mycelium_sheets.planning.layouts import plan_layouts  # noqa: E402
from mycelium_sheets.planning.plan import plan_season  # noqa: E402

FAMILIES = ("Asteraceae", "Brassicaceae", "Apiaceae", "Solanaceae", "Cucurbitaceae", "Fabaceae", "Alliaceae")


def farm() -> FarmData:
    """Return 50 crops with 3 itineraries each, targets over the 52 weeks, and 300 beds of 30 m."""
    itineraries, targets = [], []
    for crop_number in range(50):
        crop = f"Culture {crop_number:02d}"
        for part, (earliest, latest) in enumerate(((1, 20), (15, 35), (30, 52))):
            itineraries.append(Itinerary(
                crop=crop, method=("direct", "transplant", "bought")[part], nursery_days=28 if part == 1 else None,
                days_to_maturity=35 + 7 * (crop_number % 6), maturity_basis="planting", harvest_days=14 + 7 * (part % 2),
                spacing_cm=Decimal(10 + crop_number % 40), rows_per_bed=1 + crop_number % 4, yield_per_metre=Decimal(4),
                seeds_per_gram=Decimal(300), germination_rate=Decimal("0.85"), cells_per_tray=77,
                earliest_week=earliest, latest_week=latest, family=FAMILIES[crop_number % len(FAMILIES)],
                location="greenhouse" if crop_number % 10 == 0 else "field", packet_size=Decimal(5)))
        targets.append(Target(crop, IsoWeek(2027, 1), IsoWeek(2027, 52), Decimal(2 + crop_number % 5), get_unit("kg")))
    beds = [Bed(f"{block}{number}", Decimal(30), Decimal("0.8"), block=block, greenhouse=block == "S", position=index)
            for index, (block, number) in enumerate((block, number) for block in "ABCDEFGHIS" for number in range(30))]
    return FarmData(itineraries=itineraries, beds=beds, targets=targets)


def best_of(runs: int, function) -> tuple[float, object]:
    best, result = float("inf"), None
    for _run in range(runs):
        start = time.perf_counter()
        result = function()
        best = min(best, time.perf_counter() - start)
    return best, result


def main() -> None:
    data = farm()
    seconds, result = best_of(5, lambda: plan_season(data, 2027))
    placed = sum(1 for succession in result.successions if succession.beds)
    without_beds = FarmData(itineraries=data.itineraries, beds=[], targets=data.targets)
    alone, _result = best_of(5, lambda: plan_season(without_beds, 2027))
    layouts, _layouts = best_of(5, lambda: plan_layouts(result, "fr"))

    print(f"Python {platform.python_version()}, {platform.machine()}, {platform.processor() or 'unknown CPU'}\n")
    print("| Step | Itineraries | Weeks | Beds | Successions | Placed | Best of 5 (s) | Target (s) |")
    print("|---|---|---|---|---|---|---|---|")
    print(f"| Plan and place | {len(data.itineraries)} | 52 | {len(data.beds)} | {len(result.successions)} | {placed} "
          f"| {seconds:.3f} | 2 |")
    print(f"| Plan without beds | {len(data.itineraries)} | 52 | 0 | {len(result.successions)} | 0 | {alone:.3f} | |")
    print(f"| Lay out the six engine sheets | | | | | | {layouts:.3f} | |")


if __name__ == "__main__":
    main()
