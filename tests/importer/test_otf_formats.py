"""Ouvretaferme's product and customer import formats, recognised without questions."""

from decimal import Decimal
from pathlib import Path

from mycelium_sheets.importer import apply_plan, plan_import
from mycelium_sheets.schema.load import load_farm

FILES = Path(__file__).parent / "files"


def _records(plan, sheet):
    return [record.values for record in plan.records if record.sheet == sheet]


def test_products_format_recognised():
    plan = plan_import(FILES / "otf_products.csv")
    assert plan.format == "otf-products"
    assert plan.errors == []
    carrot, radish, soup = _records(plan, "products")

    assert carrot["name"] == "Carotte Nantaise"  # name and variety
    assert carrot["reference"] == "CAR"
    assert carrot["unit"].code == "kg"
    assert carrot["price"] == Decimal("2.80")  # the professional price, excluding VAT
    assert carrot["vat_rate"] == Decimal("0.055")
    assert carrot["organic"] is True
    assert carrot["crop"] == "Carotte"

    # Only a private price, which includes VAT: 1.90 / 1.055 = 1.8009… → 1.80.
    assert radish["price"] == Decimal("1.80")
    assert radish["unit"].code == "bunch"
    # 6.33 / 1.055 = 6.00; "conversion" is not yet organic.
    assert soup["price"] == Decimal("6.00")
    assert soup["organic"] is False


def test_customers_format_recognised():
    plan = plan_import(FILES / "otf_customers.csv")
    assert plan.format == "otf-customers"
    assert plan.errors == []
    shop, member, person = _records(plan, "customers")

    assert shop["name"] == "Épicerie du Coin"
    assert shop["type"] == "shop"
    assert shop["siret"] == "90123456700005"
    assert shop["siren"] == "901234567"  # the first 9 digits of the SIRET
    assert shop["contact"] == "Jeanne Roux"
    assert shop["postcode"] == "35000"

    assert member["name"] == "Paul Martin"
    assert member["type"] == "amap"  # the group "AMAP petit panier"

    assert person["type"] == "individual"
    assert person["address"] == "8 place Neuve, Bât. B"
    assert person["postcode"] == "01000"  # the leading 0 a spreadsheet drops


def test_otf_files_import_into_workbook(tmp_path):
    target = tmp_path / "ferme.ods"
    apply_plan(plan_import(FILES / "otf_products.csv"), target)
    apply_plan(plan_import(FILES / "otf_customers.csv"), target)
    farm = load_farm(target)
    names = {product.name for product in farm.products}
    assert {"Carotte Nantaise", "Radis", "Soupe de potimarron"} <= names
    assert {customer.name for customer in farm.customers} == {"Épicerie du Coin", "Paul Martin", "Lise Bon"}
