"""Every sample spreadsheet from other farm software imports, with values checked against the source."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from mycelium_sheets.importer import apply_plan, plan_import
from mycelium_sheets.model.weeks import IsoWeek
from mycelium_sheets.schema.load import load_farm
from tests.conftest import TEMPLATES


def _records(plan, sheet):
    return [record.values for record in plan.records if record.sheet == sheet]


def _by(records, key, value):
    return next(record for record in records if record.get(key) == value)


def test_crop_plan_series(samples):
    plan = plan_import(samples / "crop_plan_otf_format_elzeard_export.csv")
    assert plan.format == "otf-crop-plan"
    assert plan.errors == []
    # 886 series: 6 of season 2024, 445 of 2025 and 435 of 2026.
    history = _records(plan, "past_plantings")
    assert len(history) == 886
    # Line 2: Achillée millefeuille S10, planted Monday 10 March 2025 (ISO week 11),
    # last harvest Monday 20 October 2025 (week 43).
    assert history[0] == {"bed": "Achillée millefeuille S10", "crop": "Achillée millefeuille",
                          "first_week": IsoWeek(2025, 11), "last_week": IsoWeek(2025, 43)}


def test_crop_plan_itinerary_values(samples):
    plan = plan_import(samples / "crop_plan_otf_format_elzeard_export.csv")
    crops = _records(plan, "crops")
    assert len(crops) == 322
    leocen = _by(crops, "variety", "Leocen")
    # Sown 12 May 2025, planted 9 June (28 days in nursery), first harvest 20 October:
    # 21 + 31 + 31 + 30 + 20 = 133 days from planting; last harvest 22 December:
    # 11 + 30 + 22 = 63 days later, 64 harvest days counting both ends.
    assert leocen["crop"] == "Chou fleur"
    assert leocen["name"] == "Chou fleur Leocen"
    assert leocen["method"] == "transplant"
    assert leocen["location"] == "field"
    assert leocen["nursery_days"] == 28
    assert leocen["days_to_maturity"] == 133
    assert leocen["maturity_basis"] == "planting"
    assert leocen["harvest_days"] == 64
    assert leocen["spacing_cm"] == Decimal("50")
    assert leocen["rows_per_bed"] == 1
    assert leocen["yield_per_m2"] == Decimal("1.9")
    assert leocen["cells_per_tray"] == 100
    # Planted on 9 June 2025 and 8 June 2026, both in ISO week 24.
    assert (leocen["earliest_week"], leocen["latest_week"]) == (24, 24)


def test_crop_plan_block_sown(samples):
    plan = plan_import(samples / "crop_plan_otf_format_elzeard_export.csv")
    wheat = [crop for crop in _records(plan, "crops") if crop["crop"] == "Blé"]
    assert len(wheat) == 2  # "Mélange acheté" and "Population"
    # Sown 28 October 2024, first harvest 11 August 2025: 3 + 30 + 31 + 31 + 28 + 31 + 30
    # + 31 + 30 + 31 + 11 = 287 days; harvested until 18 August, 8 days.
    assert {crop["days_to_maturity"] for crop in wheat} == {287}
    assert {crop["harvest_days"] for crop in wheat} == {8}
    assert {crop["method"] for crop in wheat} == {"direct"}
    # A block gives no rows per bed, and wheat no spacing either: 8 itineraries
    # (wheat, Jerusalem artichoke, nasturtium, parsley, sage…) are listed as incomplete.
    warnings = [problem for problem in plan.problems if problem.severity == "warning"]
    assert len(warnings) == 8
    assert all("Rangs par planche" in problem.message for problem in warnings)


def test_crop_plan_into_workbook(samples, tmp_path):
    target = tmp_path / "ferme.ods"
    result = apply_plan(plan_import(samples / "crop_plan_otf_format_elzeard_export.csv"), target)
    assert result.created
    assert result.count("Cultures") == 322
    # All 886 series are kept. 26 of them repeat the series name, crop and
    # weeks of another one (three varieties of "Blé S44", for example), which
    # the history sheet cannot tell apart, so they are counted for checking.
    assert result.count("Historique des cultures") == 886
    assert result.already_present["Historique des cultures"] == 0
    assert result.repeated_in_source["Historique des cultures"] == 26

    farm = load_farm(target)
    assert len(farm.past_plantings) == 886
    # The template brings its own itineraries; of the 322 imported, the 8
    # without spacing or rows stay incomplete and are not loaded.
    template = load_farm(TEMPLATES / "ferme.ods")
    assert len(farm.itineraries) == len(template.itineraries) + 314
    leocen = next(item for item in farm.itineraries if item.variety == "Leocen")
    assert leocen.days_to_maturity == 133
    assert leocen.method == "transplant"


def test_farmos_harvests(samples):
    plan = plan_import(samples / "harvests_farmos_import.csv")
    assert plan.format == "farmos-harvests"
    harvests = _records(plan, "harvests")
    assert len(harvests) == 2  # the third log is pending
    garlic, potatoes = harvests
    assert garlic["date"] == dt.date(2023, 7, 15)
    assert garlic["crop"] == "Garlic"
    assert garlic["quantity"] == Decimal("200")
    assert garlic["unit"].code == "piece"  # 200 bulbs, a count
    assert garlic["bed"] == "Field A"
    # 80 lbs × 0.45359237 kg = 36.2873896 kg, kept to 3 decimals.
    assert potatoes["quantity"] == Decimal("36.287")
    assert potatoes["unit"].code == "kg"
    assert potatoes["bed"] == "Field B, Field C"
    assert potatoes["crop"] == "Potatoes 1"  # 1234 is a farmOS id, reported
    assert [location.cell for location in plan.ignored] == ["K4"]


def test_ofn_products(samples):
    plan = plan_import(samples / "products_ofn_120.csv")
    assert plan.format == "ofn-products"
    products = _records(plan, "products")
    stock = _records(plan, "stock")
    assert len(products) == 120
    assert len(stock) == 120
    first = _by(products, "reference", "1")
    assert first["name"] == "Imported Product 1 (Orange Tree)"
    assert first["unit"].code == "g"  # one variant contains 1 g
    assert first["price"] == Decimal("2")
    second = _by(products, "reference", "2")
    # 2 g sold at 3: a bag of 0.002 kg.
    assert second["unit"].code == "bag"
    assert second["average_weight"] == Decimal("0.002")
    last = _by(products, "reference", "120")
    assert last["price"] == Decimal("121")
    assert _by(stock, "product", last["name"])["quantity"] == Decimal("219")
    assert "vat_rate" not in first


def test_cagette_products_classic(samples):
    plan = plan_import(samples / "products_cagette_template.xls")
    assert plan.format == "cagette-products"
    potatoes, eggs = _records(plan, "products")
    # 1,90 € including 5,5 % VAT: 1.90 / 1.055 = 1.8009… → 1.80 excluding VAT.
    assert potatoes["price"] == Decimal("1.80")
    assert potatoes["unit"].code == "kg"
    assert potatoes["reference"] == "PDT"
    assert potatoes["vat_rate"] == Decimal("0.055")
    assert potatoes["organic"] is True
    # 2 € for 12 eggs including VAT: 2 / 1.055 = 1.8957… → 1.90, sold by the dozen.
    assert eggs["price"] == Decimal("1.90")
    assert eggs["unit"].code == "dozen"
    assert [row["quantity"] for row in _records(plan, "stock")] == [Decimal("50"), Decimal("15")]


def test_cagette_pro_offers(samples, tmp_path):
    plan = plan_import(samples / "products_cagette_pro_template.xlsx")
    products = _records(plan, "products")
    # 6 offers on "Feuille 1", the same 6 and one more on "Galobio".
    assert len(products) == 13
    crate = _by(products, "reference", "PDT-5")
    assert crate["name"] == "Pommes de Terre (caisse, 5 kg)"
    assert crate["price"] == Decimal("8.75")
    assert crate["average_weight"] == Decimal("5")
    assert _by(products, "reference", "OEU-2")["unit"].code == "half_dozen"
    assert _by(products, "reference", "OEU-1")["price"] == Decimal("2.274881517")
    [warning] = plan.problems
    assert (warning.location.sheet, warning.location.cell) == ("Galobio", "A8")  # OEU-8 has no VAT rate

    result = apply_plan(plan, tmp_path / "ferme.ods")
    assert result.count("Produits") == 7
    assert result.already_present["Produits"] == 6


def test_cagette_members(samples):
    plan = plan_import(samples / "members_cagette_template.xls")
    customers = _records(plan, "customers")
    assert len(customers) == 3
    michel = customers[0]
    assert michel["name"] == "Michel Galabru"
    assert michel["type"] == "amap"
    assert michel["postcode"] == "13000"
    assert michel["address"] == "Appt 32, Batiment B, 4 avenue des gendarmes"
    # The partner's phone was saved as the number 688888888: its leading 0 is put back.
    assert customers[2]["notes"].endswith("0688888888")


def test_repanier_workbook(samples):
    plan = plan_import(samples / "buying_group_repanier_db.xlsx")
    assert plan.format == "repanier"
    customers = _records(plan, "customers")
    products = _records(plan, "products")
    assert len(customers) == 33
    assert len(products) == 226
    units = [(product["unit"].code, product.get("price_unit") and product["price_unit"].code) for product in products]
    # 10 ordered and paid by kg, 21 ordered by piece and paid by kg, 195 by piece.
    assert units.count(("kg", None)) == 10
    assert units.count(("piece", "kg")) == 21
    assert units.count(("piece", None)) == 195
    first = _by(products, "name", "long_product_name1")
    assert first["price"] == Decimal("18")
    assert first["category"] == "Préparations à base de volaille"
    assert first["organic"] is True
    assert "vat_number" not in customers[0]  # "N/A" means empty


def test_invoice_lines(samples):
    plan = plan_import(samples / "invoice_template_fr_akretion.ods")
    products = _records(plan, "products")
    assert [product["reference"] for product in products] == ["MPC-BRIX2G", "ALIM-BRIX", "PORT"]
    assert products[0]["name"] == "Mini-PC Gigabyte Brix 2 Go de RAM"
    assert products[0]["price"] == Decimal("160")
    # The totals under the lines are not records.
    assert [location.cell for location in plan.ignored] == ["A31", "A32", "A33", "A34", "A35"]


@pytest.mark.parametrize("name, sheets", [
    ("buying_group_repanier_db.xlsx", {"Clients": 33, "Produits": 226}),
    ("harvests_farmos_import.csv", {"Récoltes": 2}),
    ("invoice_template_fr_akretion.ods", {"Produits": 3}),
    ("members_cagette_template.xls", {"Clients": 3}),
    ("products_cagette_pro_template.xlsx", {"Produits": 7}),
    ("products_cagette_template.xls", {"Produits": 2, "Stock": 2}),
    ("products_ofn_120.csv", {"Produits": 120, "Stock": 120}),
])
def test_sample_imports_twice(samples, tmp_path, name, sheets):
    target = tmp_path / "ferme.ods"
    first = apply_plan(plan_import(samples / name), target)
    assert {sheet: len(rows) for sheet, rows in first.appended.items()} == sheets
    second = apply_plan(plan_import(samples / name), target)
    assert {sheet: len(rows) for sheet, rows in second.appended.items()} == {sheet: 0 for sheet in sheets}
    assert not second.written
