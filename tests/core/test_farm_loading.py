"""Loading a farm workbook into typed records, with every problem located."""

import datetime as dt
from decimal import Decimal

import pytest

from mycelium_sheets.errors import MyceliumError
from mycelium_sheets.i18n import set_language
from mycelium_sheets.schema.load import load_farm
from mycelium_sheets.workbook.table import Sheet, Workbook

from conftest import EXAMPLES


@pytest.fixture(autouse=True)
def english():
    set_language("en")
    yield
    set_language(None)


def workbook(**sheets) -> Workbook:
    book = Workbook(path="ferme.ods", format="ods")
    for name, rows in sheets.items():
        book.sheets[name] = Sheet(name, rows)
    return book


FARM_ROWS = [["Nom de la ferme", "Les Jardins"], ["Régime de TVA", "Réel"], ["SIREN", 842173908.0]]
PRODUCT_ROWS = [
    ["Produit", "Unité", "Prix HT", "Taux de TVA"],
    ["Radis", "botte", 1.5, 0.055],
    ["Carotte", "kg", "2,20", "5,5 %"],
]


def test_typed_records():
    data = load_farm(workbook(Ferme=FARM_ROWS, Produits=PRODUCT_ROWS, Clients=[["Client", "Type"], ["Épicerie", "Magasin"]]))
    assert data.farm.name == "Les Jardins"
    assert data.farm.siren == "842173908"  # a number cell read back as the 9 digits
    assert data.farm.vat_regime == "real"
    radish, carrot = data.products
    assert radish.unit.code == "bunch"
    assert radish.price == Decimal("1.5")
    assert carrot.price == Decimal("2.20")
    assert carrot.vat_rate == Decimal("0.055")
    assert data.customers[0].type == "shop"
    assert data.errors == []


def test_bad_cell_names_its_cell_and_value():
    rows = PRODUCT_ROWS + [["Tomate", "poignée", 3, 0.055]]
    data = load_farm(workbook(Ferme=FARM_ROWS, Produits=rows, Clients=[["Client", "Type"]]))
    (error,) = data.errors
    assert error.location.sheet == "Produits"
    assert error.location.cell == "B4"
    assert error.value == "poignée"
    assert "kg" in error.remedy


def test_header_below_titles_is_found_with_a_warning():
    rows = [["Catalogue 2027"], [], ["Produit", "Unité", "Prix HT", "Taux de TVA"], ["Radis", "botte", 1.5, 0.055]]
    data = load_farm(workbook(Ferme=FARM_ROWS, Produits=rows, Clients=[["Client", "Type"]]))
    assert [product.name for product in data.products] == ["Radis"]
    assert data.products[0].source.location("price").cell == "C4"
    assert any(problem.location.cell == "A3" and problem.severity == "warning" for problem in data.problems)


def test_duplicate_header_is_an_error():
    rows = [["Produit", "Unité", "Prix HT", "Taux de TVA", "Prix"], ["Radis", "botte", 1.5, 0.055, 2]]
    data = load_farm(workbook(Ferme=FARM_ROWS, Produits=rows, Clients=[["Client", "Type"]]))
    messages = [str(problem) for problem in data.errors]
    assert any("D1" not in message and "C1" in message and "E1" in message for message in messages)


def test_missing_required_column_and_sheet():
    data = load_farm(workbook(Ferme=FARM_ROWS, Produits=[["Produit", "Prix HT", "Taux de TVA"]]))
    messages = [problem.message for problem in data.errors]
    assert any("Unit" in message for message in messages)  # the column “Unit” is missing
    assert any("Clients" in message for message in messages)  # the sheet Clients / Customers is missing


def test_unknown_reference_suggests_close_names():
    orders = [["Date de livraison", "Client", "Produit", "Quantité"], [dt.date(2027, 6, 10), "Épicerie", "Radish", 3]]
    data = load_farm(workbook(Ferme=FARM_ROWS, Produits=PRODUCT_ROWS, Clients=[["Client", "Type"], ["Épicerie", "Magasin"]],
                              Commandes=orders))
    (error,) = data.errors
    assert error.location.cell == "C2"
    assert "Radis" in error.remedy
    assert data.orders == []
    with pytest.raises(MyceliumError) as raised:
        data.raise_for_errors()
    assert "C2" in str(raised.value)


def test_english_sheet_and_header_names():
    data = load_farm(workbook(
        Farm=[["Farm name", "Green Acres"]],
        Products=[["Product", "Unit", "Price excl. VAT", "VAT rate"], ["Leek", "kg", 3.2, 0.055]],
        Customers=[["Customer", "Type"], ["Corner shop", "Shop"]],
    ))
    assert data.farm.name == "Green Acres"
    assert data.products[0].unit.code == "kg"
    assert data.customers[0].type == "shop"


@pytest.mark.parametrize("suffix", ["ods", "xlsx"])
def test_example_workbook_loads_without_errors(suffix):
    data = load_farm(EXAMPLES / f"ferme-exemple.{suffix}")
    assert data.errors == []
    # Counts written in scripts/make_examples.py.
    assert len(data.products) == 40
    assert len(data.customers) == 15
    assert len(data.delivery_points) == 3
    assert len(data.itineraries) == 20
    assert len(data.beds) == 30
    melon = data.product("Melon charentais")
    assert melon.sold_by_weight
    assert melon.average_weight == Decimal("1.1")
    cancelled = [line for line in data.orders if line.cancelled]
    assert len(cancelled) == 1
    assert cancelled[0].product.name == "Fraise"


def test_invalid_product_reported_once():
    # The price of Radis is unreadable: that cell is the one error, and the
    # orders naming Radis are not reported as naming an unknown product.
    products = [["Produit", "Unité", "Prix HT", "Taux de TVA"], ["Radis", "botte", "deux euros", 0.055]]
    orders = [["Date de livraison", "Client", "Produit", "Quantité"],
              [dt.date(2027, 6, 10), "Épicerie", "Radis", 3],
              [dt.date(2027, 6, 10), "Épicerie", "Radis", 2]]
    data = load_farm(workbook(Ferme=FARM_ROWS, Produits=products, Clients=[["Client", "Type"], ["Épicerie", "Magasin"]],
                              Commandes=orders))
    (error,) = data.errors
    assert error.location.sheet == "Produits"
    assert error.location.cell == "C2"
    assert data.orders == []


def test_missing_vat_rate_spares_stock():
    products = [["Produit", "Unité", "Prix HT", "Taux de TVA"], ["Radis", "botte", 1.5, None], ["Carotte", "kg", 2.2, 0.055]]
    stock = [["Produit", "Quantité"], ["Radis", 10], ["Carotte", 5], ["Navet", 4]]
    data = load_farm(workbook(Ferme=FARM_ROWS, Produits=products, Clients=[["Client", "Type"]], Stock=stock))
    cells = sorted((problem.location.sheet, problem.location.cell) for problem in data.errors)
    # D2: the empty VAT rate of Radis; A4 of Stock: Navet really is unknown.
    assert cells == [("Produits", "D2"), ("Stock", "A4")]
    assert [entry.product.name for entry in data.stock] == ["Carotte"]


def test_cell_error_names_the_workbook_header():
    # Messages are in English, but the French workbook's column is "Prix HT":
    # the farmer must find the column by the name the sheet shows.
    products = [["Produit", "Unité", "Prix HT", "Taux de TVA"], ["Radis", "botte", "deux euros", 0.055]]
    data = load_farm(workbook(Ferme=FARM_ROWS, Produits=products, Clients=[["Client", "Type"]]))
    (error,) = data.errors
    assert "“Prix HT”" in error.message
    assert data.row_counts["products"] == 1
