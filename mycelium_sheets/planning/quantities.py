"""Plants, seeds, grams and trays for a length of bed.

The formulas, with L the bed length in metres:

- plants per row = ⌈100 × L ÷ in-row spacing (cm)⌉, plants = plants per row × rows;
- direct sowing: seeds = ⌈plants × seeds per hole × (1 + safety margin) ÷ germination rate⌉;
- transplant raised on the farm: plants to start = ⌈plants × (1 + safety margin) ÷ (1 − nursery losses)⌉,
  seeds = ⌈plants to start × seeds per hole ÷ germination rate⌉,
  trays = ⌈plants to start ÷ cells per tray⌉;
- transplant bought: plants to buy = ⌈plants × (1 + safety margin)⌉, no seeds;
- grams = seeds ÷ seeds per gram, rounded up to 0.01 g.

An empty germination rate counts as 100 %, an empty safety margin or
nursery loss as 0 and empty seeds per hole as 1.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal

from ..model.crops import Itinerary

GRAM_STEP = Decimal("0.01")


def ceil_int(value: Decimal) -> int:
    return int(value.to_integral_value(rounding=ROUND_CEILING))


@dataclass(frozen=True)
class Quantities:
    """What a planting of ``bed_metres`` needs.

    ``plants_to_start`` is the cells to sow in the nursery for a farm-raised
    transplant, the plants to buy for a bought one, and the holes sown for
    direct sowing. ``seeds`` and ``grams`` are None when not sown on the farm
    or (for grams) when the seeds per gram are unknown.
    """

    bed_metres: Decimal
    plants: int
    plants_to_start: int
    seeds: int | None
    grams: Decimal | None
    trays: int | None


def plants_for(itinerary: Itinerary, bed_metres: Decimal) -> int:
    """Return the plants on ``bed_metres``: ⌈100 × L ÷ spacing⌉ per row times the rows."""
    per_row = ceil_int(Decimal(100) * bed_metres / Decimal(itinerary.spacing_cm))
    return per_row * itinerary.rows_per_bed


def quantities_for(itinerary: Itinerary, bed_metres: Decimal) -> Quantities:
    """Return the plants, plants to start, seeds, grams and trays for ``bed_metres``."""
    plants = plants_for(itinerary, bed_metres)
    margin = Decimal(1) + (itinerary.safety_margin or 0)
    germination = itinerary.germination_rate or Decimal(1)
    per_hole = itinerary.seeds_per_hole or 1
    loss = itinerary.nursery_loss or Decimal(0)

    seeds = trays = None
    if itinerary.method == "direct":
        to_start = plants
        seeds = ceil_int(plants * per_hole * margin / germination)
    elif itinerary.method == "transplant":
        to_start = ceil_int(plants * margin / (Decimal(1) - loss))
        seeds = ceil_int(to_start * per_hole / germination)
        if itinerary.cells_per_tray:
            trays = ceil_int(Decimal(to_start) / itinerary.cells_per_tray)
    else:
        to_start = ceil_int(plants * margin)

    grams = None
    if seeds is not None and itinerary.seeds_per_gram:
        grams = (Decimal(seeds) / Decimal(itinerary.seeds_per_gram)).quantize(GRAM_STEP, rounding=ROUND_CEILING)
    return Quantities(bed_metres, plants, to_start, seeds, grams, trays)
