from decimal import Decimal

import pytest

from mycelium_sheets.planning.quantities import plants_for, quantities_for

from .builders import itinerary


def test_direct_sowing_thirty_metres():
    carrot = itinerary(crop="Carotte", method="direct", nursery_days=None, spacing_cm=Decimal(2), rows_per_bed=3,
                       germination_rate=Decimal("0.9"), seeds_per_hole=1, seeds_per_gram=Decimal(250))
    result = quantities_for(carrot, Decimal(30))
    # 100 × 30 m ÷ 2 cm = 1500 plants per row, × 3 rows = 4500 plants
    assert result.plants == 4500
    # 4500 × 1 seed ÷ 0.9 germination = 5000 seeds
    assert result.seeds == 5000
    # 5000 seeds ÷ 250 seeds per gram = 20 g
    assert result.grams == Decimal("20.00")
    assert result.trays is None


def test_direct_sowing_with_safety_margin():
    carrot = itinerary(crop="Carotte", method="direct", nursery_days=None, spacing_cm=Decimal(2), rows_per_bed=3,
                       germination_rate=Decimal("0.9"), safety_margin=Decimal("0.1"), seeds_per_gram=Decimal(250))
    result = quantities_for(carrot, Decimal(30))
    # 4500 × 1.1 ÷ 0.9 = 5500 seeds, ÷ 250 = 22 g
    assert result.seeds == 5500
    assert result.grams == Decimal("22.00")


def test_transplant_losses_and_trays():
    lettuce = itinerary(spacing_cm=Decimal(30), rows_per_bed=2, nursery_loss=Decimal("0.1"), cells_per_tray=77,
                        seeds_per_hole=2, germination_rate=Decimal("0.8"), seeds_per_gram=Decimal(800))
    result = quantities_for(lettuce, Decimal(10))
    # ⌈1000 ÷ 30⌉ = 34 plants per row × 2 rows = 68 plants
    assert result.plants == 68
    # ⌈68 ÷ (1 − 0.1)⌉ = ⌈75.56⌉ = 76 cells to sow
    assert result.plants_to_start == 76
    # ⌈76 × 2 seeds ÷ 0.8⌉ = 190 seeds
    assert result.seeds == 190
    # 190 ÷ 800 = 0.2375 g, rounded up to 0.24 g
    assert result.grams == Decimal("0.24")
    # ⌈76 ÷ 77⌉ = 1 tray
    assert result.trays == 1


def test_bought_transplant_needs_no_seeds():
    squash = itinerary(crop="Courge", method="bought", nursery_days=None, spacing_cm=Decimal(50), rows_per_bed=1,
                       safety_margin=Decimal("0.05"))
    result = quantities_for(squash, Decimal(12))
    # 1200 ÷ 50 = 24 plants, × 1.05 = 25.2 → 26 plants to buy
    assert result.plants == 24
    assert result.plants_to_start == 26
    assert result.seeds is None
    assert result.grams is None


def test_grams_unknown_without_seeds_per_gram():
    lettuce = itinerary(seeds_per_gram=None)
    result = quantities_for(lettuce, Decimal(1))
    # ⌈100 ÷ 30⌉ = 4 per row × 3 rows = 12 plants, 12 cells, 12 seeds
    assert result.seeds == 12
    assert result.grams is None


@pytest.mark.parametrize(("metres", "spacing", "rows", "plants"), [
    ("1", "25", 1, 4),        # 100 ÷ 25 = 4
    ("1", "30", 1, 4),        # 100 ÷ 30 = 3.33 → 4
    ("0.1", "30", 4, 4),      # 10 ÷ 30 → 1 per row, × 4 rows
    ("12.5", "40", 2, 64),    # 1250 ÷ 40 = 31.25 → 32, × 2
])
def test_plants_per_length(metres, spacing, rows, plants):
    crop = itinerary(spacing_cm=Decimal(spacing), rows_per_bed=rows)
    assert plants_for(crop, Decimal(metres)) == plants
