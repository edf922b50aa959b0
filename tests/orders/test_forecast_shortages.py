"""Shortages against the stock plus the crop plan's harvest forecast."""

from __future__ import annotations

from decimal import Decimal

import pytest

from mycelium_sheets.i18n import set_language
from mycelium_sheets.model.crops import Bed, Itinerary, Target
from mycelium_sheets.model.units import get_unit
from mycelium_sheets.model.weeks import IsoWeek
from mycelium_sheets.orders import deliveries_layouts, prepare_deliveries
from mycelium_sheets.schema.load import load_farm

from .farm_builder import PRODUCTS, make_workbook

FORECAST_HEADER = ["Culture", "Semaine", "Unité", "Objectif", "Prévision du plan", "Prévision sur planches", "Écart",
                   "Récolté"]
SEASON_2027 = ["Saison 2027-W01..2027-W52"]

# 2027-06-10 is the Thursday of ISO week 2027-W23.
THURSDAY = "2027-06-10"


@pytest.fixture(autouse=True)
def french_messages():
    set_language("fr")
    yield
    set_language("en")


def order(customer, product, quantity, day=THURSDAY):
    return [day, customer, product, quantity, None, None, None, None]


def forecast_rows(*rows, season=SEASON_2027):
    """Return the rows of a Prévision sheet as ``mycelium plan`` lays it out: (crop, week, unit, on beds)."""
    sheet = [["Prévision de récolte"], season, [], FORECAST_HEADER]
    for crop, week, unit, on_beds in rows:
        sheet.append([crop, week, unit, 0.0, on_beds, on_beds, on_beds, None])
    return sheet


def farm_with_forecast(orders, rows, *, engine=True, stock=None, products=PRODUCTS):
    workbook = make_workbook(orders=orders, stock=stock, products=products,
                             extra_sheets={"Prévision": rows})
    if engine:
        workbook.engine_sheets.add("Prévision")
    return load_farm(workbook)


def shortage_of(deliveries, product):
    return next(shortage for shortage in deliveries.shortages if shortage.product.name == product)


def test_forecast_adds_to_stock():
    # Stock 4 kg + forecast 5 kg = 9 kg for 13 kg ordered. The Bistrot
    # (priority 1) gets its 4 kg; the 5 kg left are shared by the two
    # priority-2 customers as 6 × 5/9 = 3.333 and 3 × 5/9 = 1.667.
    data = farm_with_forecast(
        [order("Le Bistrot", "Tomates", 4), order("Biocoop Crest", "Tomates", 6), order("Cantine Jean Moulin", "Tomates", 3)],
        forecast_rows(("Tomate", "2027-W23", "kg", 5)), stock=[["Tomates", 4, "kg", "2027-06-09"]])

    deliveries = prepare_deliveries(data, date=THURSDAY)

    shortage = shortage_of(deliveries, "Tomates")
    assert deliveries.forecast_source == "sheet"
    assert shortage.stock == Decimal("4")
    assert shortage.forecast == Decimal("5")
    assert shortage.available == Decimal("9")
    assert [allocation.allocated for allocation in shortage.allocations] == [
        Decimal("4"), Decimal("3.333"), Decimal("1.667")]


def test_forecast_covers_order_without_stock_row():
    # 8 salads ordered, no stock row, 10 salads forecast: nothing is short.
    data = farm_with_forecast([order("Le Bistrot", "Salade", 8)], forecast_rows(("Laitue", "2027-W23", "pièce", 10)))

    deliveries = prepare_deliveries(data, date=THURSDAY)

    assert deliveries.shortages == []
    assert deliveries.stock_checked


def test_product_missing_from_stock_checked():
    # 12 salads ordered, no stock row so stock 0, forecast 10: short by 2.
    data = farm_with_forecast([order("Le Bistrot", "Salade", 12)], forecast_rows(("Laitue", "2027-W23", "pièce", 10)))

    shortage = shortage_of(prepare_deliveries(data, date=THURSDAY), "Salade")

    assert shortage.stock is None
    assert shortage.available == Decimal("10")
    assert shortage.short == Decimal("2")


def test_forecast_in_kg_for_bunches():
    # Radishes: 0.25 kg per bunch, so a forecast of 2 kg is 2 / 0.25 = 8 bunches.
    data = farm_with_forecast([order("Le Bistrot", "Radis", 10)], forecast_rows(("Radis", "2027-W23", "kg", 2)))

    shortage = shortage_of(prepare_deliveries(data, date=THURSDAY), "Radis")

    assert shortage.forecast == Decimal("8")
    assert shortage.short == Decimal("2")


def test_crop_forecast_shared_between_products():
    # Carrots by the kg (30 kg) and by the bunch (20 bunches × 0.5 kg = 10 kg)
    # ask 40 kg of a 30 kg forecast: the kg product gets 30 × 30/40 = 22.5 kg,
    # the bunches 10 × 30/40 = 7.5 kg = 7.5 / 0.5 = 15 bunches.
    products = [*PRODUCTS, ["Carottes botte", "botte", 2.0, None, "5,5 %", 0.5, None, None, "Plein champ", "Carotte"]]
    data = farm_with_forecast([order("Le Bistrot", "Carottes", 30), order("Le Bistrot", "Carottes botte", 20)],
                              forecast_rows(("Carotte", "2027-W23", "kg", 30)), products=products)

    deliveries = prepare_deliveries(data, date=THURSDAY)

    assert shortage_of(deliveries, "Carottes").forecast == Decimal("22.5")
    assert shortage_of(deliveries, "Carottes botte").forecast == Decimal("15")


def test_week_without_forecast_row_is_zero():
    # The tomatoes are in the plan but harvest only from W30, so nothing is available in W23.
    data = farm_with_forecast([order("Le Bistrot", "Tomates", 3)], forecast_rows(("Tomate", "2027-W30", "kg", 20)))

    shortage = shortage_of(prepare_deliveries(data, date=THURSDAY), "Tomates")

    assert shortage.available == Decimal("0")
    assert shortage.short == Decimal("3")


def test_week_outside_season_not_checked():
    data = farm_with_forecast([order("Le Bistrot", "Tomates", 3)], forecast_rows(
        ("Tomate", "2028-W30", "kg", 20), season=["Saison 2028-W01..2028-W52"]))

    assert prepare_deliveries(data, date=THURSDAY).shortages == []


def test_farmer_sheet_named_forecast_ignored():
    # A sheet the farmer typed is not the engine's forecast: without stock, nothing is checked.
    data = farm_with_forecast([order("Le Bistrot", "Tomates", 3)], forecast_rows(("Tomate", "2027-W23", "kg", 1)),
                              engine=False)

    deliveries = prepare_deliveries(data, date=THURSDAY)

    assert deliveries.forecast_source is None
    assert deliveries.shortages == []


def test_unreadable_forecast_row_warns():
    # Row 6 (0-based 5) contains a week that is not an ISO week: column B.
    data = farm_with_forecast([order("Le Bistrot", "Tomates", 3)],
                              forecast_rows(("Tomate", "2027-W23", "kg", 5), ("Tomate", "semaine 24", "kg", 5)))

    deliveries = prepare_deliveries(data, date=THURSDAY)

    warning = next(problem for problem in deliveries.warnings if problem.location.sheet == "Prévision")
    assert warning.location.cell == "B6"
    assert warning.value == "semaine 24"
    assert deliveries.shortages == []


def test_computed_plan_when_no_sheet():
    # Lettuce: 10 salads per bed-metre over 2 harvest weeks, 100 a week
    # wanted, so 100 × 2 / 10 = 20 m per succession, yielding
    # 20 × 10 / 2 = 100 salads in W23. 150 ordered: 50 short.
    workbook = make_workbook(orders=[order("Le Bistrot", "Salade", 150)])
    data = load_farm(workbook)
    data.itineraries = [Itinerary(
        crop="Laitue", method="transplant", nursery_days=28, days_to_maturity=42, maturity_basis="planting",
        harvest_days=14, spacing_cm=Decimal(30), rows_per_bed=3, yield_per_metre=Decimal(10),
        yield_unit=get_unit("piece"), family="Asteraceae")]
    data.beds = [Bed("P1", Decimal(100), Decimal("0.8"), block="A")]
    data.targets = [Target("Laitue", IsoWeek(2027, 20), IsoWeek(2027, 30), Decimal(100), get_unit("piece"))]

    deliveries = prepare_deliveries(data, date=THURSDAY)

    shortage = shortage_of(deliveries, "Salade")
    assert deliveries.forecast_source == "plan"
    assert shortage.forecast == Decimal("100")
    assert shortage.short == Decimal("50")


def test_shortage_sheet_french_numbers():
    data = farm_with_forecast([order("Le Bistrot", "Tomates", 6.5)], forecast_rows(("Tomate", "2027-W23", "kg", 2.5)),
                              stock=[["Tomates", 1, "kg", "2027-06-09"]])

    layout = next(layout for layout in deliveries_layouts(prepare_deliveries(data, date=THURSDAY))
                  if layout.key == "shortages")

    texts = [row[0] for row in layout.rows if row]
    # 6.5 ordered, 1 in stock + 2.5 forecast = 3.5 available, 3 short.
    assert "Tomates : commandé 6,5 kg, stock 1, prévision 2,5, disponible 3,5 kg, manque 3 kg" in texts
    assert any("semaine 2027-W23" in text for text in texts if isinstance(text, str))
