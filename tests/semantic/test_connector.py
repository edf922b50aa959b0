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
