"""The official TypeScript connector reads our JSON-LD: counts, types and values.

It runs ``node judge.mjs`` with @datafoodconsortium/connector 1.0.0-beta.2,
installed by ``npm ci`` from the committed package-lock.json. The connector
drops what it cannot type without an error, so the test compares counts.
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from mycelium_sheets.semantic.export_graph import build_document
from mycelium_sheets.semantic.jsonld import dumps
from mycelium_sheets.semantic.terms import BNode

from .conftest import EXAMPLE_WORKBOOK, require
from .farm import BASE, make_farm

JUDGE = Path(__file__).parent / "connector"
TAXONOMIES = Path(__file__).parents[2] / "mycelium_sheets" / "semantic" / "data"


@pytest.fixture(scope="module")
def judge():
    require(shutil.which("node") is not None and shutil.which("npm") is not None, "node and npm are not installed")
    if not (JUDGE / "node_modules" / "@datafoodconsortium" / "connector").exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=JUDGE, check=True, capture_output=True, timeout=300)

    def run(document_path: Path) -> dict:
        result = subprocess.run(["node", "judge.mjs", str(TAXONOMIES), str(document_path)], cwd=JUDGE,
                                capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)

    return run


def test_connector_reads_small_farm(judge, tmp_path):
    path = tmp_path / "farm.jsonld"
    path.write_text(dumps(build_document(make_farm())), encoding="utf-8")
    seen = judge(path)

    # 1 farm + 1 restaurant customer; 1 person; 4 products, each with a catalog
    # item and an offer; 2 orders with 3 lines; 2 sale sessions (market, farm);
    # addresses of the farm and of the market place; 1 place and its pickup option.
    assert seen["types"] == {
        "dfc-b:Enterprise": 2, "dfc-b:Person": 1, "dfc-b:Address": 2,
        "dfc-b:SuppliedProduct": 4, "dfc-b:CatalogItem": 4, "dfc-b:Offer": 4,
        "dfc-b:Order": 2, "dfc-b:OrderLine": 3, "dfc-b:SaleSession": 2,
        "dfc-b:PhysicalPlace": 1, "dfc-b:PickupOption": 1,
    }
    objects = seen["objects"]
    carrots = objects[BASE + "products/car-b"]
    assert carrots["productType"] == "dfc-pt:carrot"
    assert carrots["quantityUnit"] == "dfc-m:Bunch"
    assert carrots["totalTheoreticalStock"] == 12
    offer = objects[BASE + "products/car-b/offer"]
    assert (offer["price"], offer["vatRate"], offer["priceUnit"]) == (2.2, 5.5, "dfc-m:Euro")
    assert objects[BASE + "products/car-b/catalog-item"]["sku"] == "CAR-B"
    squash_line = objects[BASE + "orders/2027-06-10/p01/lines/cou-p"]
    assert squash_line["quantity"] == 2.4  # 2 pieces of 1.2 kg, offered by the kg
    order = objects[BASE + "orders/b-42"]
    assert (order["number"], order["orderStatus"], order["lines"]) == ("B-42", "dfc-v:Complete", 1)
    assert objects[BASE + "customers/p01"]["lastName"] == "Dupont"


def test_connector_reads_example_workbook(judge, tmp_path):
    from mycelium_sheets.schema.load import load_farm

    require(EXAMPLE_WORKBOOK.exists(), "examples/ferme-exemple.ods is missing")
    data = load_farm(EXAMPLE_WORKBOOK)
    document = build_document(data)
    path = tmp_path / "catalogue.jsonld"
    path.write_text(dumps(document), encoding="utf-8")
    seen = judge(path)

    active = [product for product in data.products if product.active is not False]
    customers = {id(line.customer) for line in data.orders}
    assert seen["types"]["dfc-b:SuppliedProduct"] == len(active)
    assert seen["types"]["dfc-b:Offer"] == len(active)
    assert seen["types"]["dfc-b:Person"] + seen["types"]["dfc-b:Enterprise"] == len(data.customers) + 1
    assert len(customers) <= len(data.customers)
    # Every named object of the export is read: nothing silently dropped.
    named = {subject for subject, _, _ in document.triples if not isinstance(subject, BNode)}
    assert seen["count"] == len(named)
    for product in active[:5]:
        offer = next(entry for key, entry in seen["objects"].items()
                     if entry["type"] == "dfc-b:Offer" and key.endswith("/offer")
                     and seen["objects"][entry["offeredItem"]]["name"] == product.name)
        assert offer["price"] == float(product.price)


def _example_order_count() -> int:
    """Count the example workbook's orders from its sheets as a farmer would, without the engine."""
    from mycelium_sheets.workbook import read_workbook

    book = read_workbook(EXAMPLE_WORKBOOK)

    # The Orders list: one order per order number (a fully cancelled one included).
    rows = book.sheets["Commandes"].rows
    number_column = rows[0].index("N° de commande")
    numbers = {row[number_column] for row in rows[1:] if len(row) > number_column and row[number_column]}

    # Customers-across grids: one order per customer column with a quantity.
    grid_orders = 0
    for name in ("Grille 2027-06-22", "Grille 2027-06-24"):
        grid = book.sheets[name].rows
        header = grid[2]
        for column in range(2, len(header) - 1):  # after Produit and Unité, before Total
            quantities = [row[column] for row in grid[3:-1] if column < len(row)]
            if any(quantity not in (None, 0) for quantity in quantities):
                grid_orders += 1

    # The days-across grid of the Bistrot holds two delivery days, and the 4
    # AMAP subscriptions each get a basket on the 4 Thursdays of W23–W26.
    return len(numbers) + grid_orders + 2 + 4 * 4


def test_connector_counts_every_example_order(judge, tmp_path):
    from mycelium_sheets.schema.load import load_farm

    path = tmp_path / "catalogue.jsonld"
    path.write_text(dumps(build_document(load_farm(EXAMPLE_WORKBOOK))), encoding="utf-8")
    seen = judge(path)
    assert seen["types"]["dfc-b:Order"] == _example_order_count()
