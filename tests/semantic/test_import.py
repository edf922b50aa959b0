import json
import shutil
from decimal import Decimal

import pytest

from mycelium_sheets.schema.load import load_farm
from mycelium_sheets.semantic.import_doc import import_document, parse_date, plan_import
from mycelium_sheets.semantic.reader import parse_jsonld, read_document

from .conftest import EXAMPLE_WORKBOOK, EXAMPLES, TEMPLATE, require
from .farm import BASE, make_farm


@pytest.fixture
def template(tmp_path):
    require(TEMPLATE.exists(), "workbook_templates/ferme.ods is missing")
    path = tmp_path / "ferme.ods"
    shutil.copy(TEMPLATE, path)
    return path


# Counts worked from each file: (rows added, objects ignored).
EXAMPLE_COUNTS = {
    # An Offer alone: its product is not in the document.
    "connector-ts-beta1_Offer.test.json": (0, 1),
    # An OrderLine alone: no Order contains it.
    "connector-ts-beta1_OrderLine.test.json": (0, 1),
    # One product (its stock of 999 too); both orders name person/personId, which is not described.
    "dfc-standard_practical-example-v1.9.json": (2, 2),
    # 8 products and 3 stocks (the other 5 are "-1", meaning no limit).
    "ofn_fdc-catalog.json": (11, 0),
    # The product; the order's customer (enterprise 11000) is not described.
    "ofn_fdc-send-backorder.json": (1, 1),
    # Sunrise Orchard supplies nothing, so it is a customer; the two farms and their 3 products are ignored.
    "ofn_litefarm_v2.json": (1, 5),
}


@pytest.mark.parametrize("name", sorted(EXAMPLE_COUNTS))
def test_reference_examples_import(name, template):
    path = EXAMPLES / name
    require(path.exists(), f"reference example {name} is missing")
    report = import_document(path, template)
    assert (len(report.added), len(report.ignored)) == EXAMPLE_COUNTS[name], report.summary()
    load_farm(template)  # the saved workbook reads again


def test_v2_organization_read_as_enterprise():
    document = parse_jsonld(json.dumps({
        "@context": "https://www.datafoodconsortium.org/wp-content/plugins/wordpress-context-jsonld/context_2.0.0.jsonld",
        "@graph": [{"@id": "https://x.example/org", "@type": "dfc-b:Organization", "dfc-b:name": "Org",
                    "dfc-b:hasAddress": {"@type": "dfc-b:Address", "dfc-b:city": "Die", "dfc-b:hasPostalCode": 26150}}],
    }))
    node = document.nodes["https://x.example/org"]
    assert node.types == {"Enterprise"}
    address = document.get(node.first("hasAddress"))
    assert address.first("city") == "Die"       # ontology naming
    assert address.first("postcode") == 26150   # connector naming, a JSON number


def test_import_updates_matched_by_sku():
    data = make_farm()
    document = parse_jsonld(json.dumps({"@context": "https://www.datafoodconsortium.org", "@graph": [
        {"@id": "https://other.example/p/1", "@type": "dfc-b:SuppliedProduct", "dfc-b:name": "Carrots",
         "dfc-b:referencedBy": "https://other.example/p/1/item"},
        {"@id": "https://other.example/p/1/item", "@type": "dfc-b:CatalogItem", "dfc-b:sku": "car-b",
         "dfc-b:offeredThrough": "https://other.example/p/1/offer"},
        {"@id": "https://other.example/p/1/offer", "@type": "dfc-b:Offer",
         "dfc-b:hasPrice": {"@type": "dfc-b:Price", "dfc-b:value": 2.5, "dfc-b:VATrate": "5.5", "dfc-b:hasUnit": "dfc-m:Euro"}},
    ]}))
    edits, report = plan_import(document, data)
    assert report.added == []
    assert len(report.updated) == 1
    cells = edits["Produits"].set_cells
    # Row 2 (index 1) is "Carottes botte"; the price column D (index 3) gets 2.5.
    assert cells[(1, 3)] == Decimal("2.5")


def test_import_price_in_other_currency_left_empty():
    data = make_farm()
    document = parse_jsonld(json.dumps({"@context": "https://www.datafoodconsortium.org", "@graph": [
        {"@id": "https://other.example/p/2", "@type": "dfc-b:SuppliedProduct", "dfc-b:name": "Leeks",
         "dfc-b:hasQuantity": {"@type": "dfc-b:QuantitativeValue", "dfc-b:value": "1", "dfc-b:hasUnit": "dfc-m:Kilogram"}},
        {"@id": "https://other.example/p/2/offer", "@type": "dfc-b:Offer", "dfc-b:offeredItem": {"@id": "https://other.example/p/2"},
         "dfc-b:hasPrice": {"@type": "dfc-b:Price", "dfc-b:value": "3", "dfc-b:hasUnit": "dfc-m:PoundSterling"}},
    ]}))
    edits, report = plan_import(document, data)
    assert len(report.added) == 1
    assert any("PoundSterling" in warning for warning in report.warnings)
    row = edits["Produits"].append[0]
    assert "Leeks" in row
    assert 3 not in row
    assert "3" not in row


def test_invalid_json_is_clear_error(tmp_path):
    from mycelium_sheets.errors import SemanticDataError

    path = tmp_path / "broken.jsonld"
    path.write_text('{"@graph": [', encoding="utf-8")
    with pytest.raises(SemanticDataError) as raised:
        read_document(path)
    assert "line 1" in raised.value.message


@pytest.mark.parametrize(("text", "expected"), [
    ("2027-06-10", "2027-06-10"),
    ("2027-06-10T17:00:00+02:00", "2027-06-10"),
    ("Wed Mar 19 2025 04:40:16 UTC", "2025-03-19"),
    ("", None),
    ("demain", None),
])
def test_parse_date_forms(text, expected):
    day = parse_date(text)
    assert (day.isoformat() if day else None) == expected


def test_round_trip_isomorphic(tmp_path, template):
    from rdflib.compare import isomorphic

    from mycelium_sheets.semantic.export_graph import build_document, export_farm, to_graph

    require(EXAMPLE_WORKBOOK.exists(), "examples/ferme-exemple.ods is missing")
    original = load_farm(EXAMPLE_WORKBOOK)
    exported = tmp_path / "catalogue.jsonld"
    export_farm(original, exported)

    import_document(exported, template)
    again = build_document(load_farm(template))
    assert isomorphic(to_graph(again), to_graph(build_document(original)))

    second = import_document(exported, template)
    assert (second.added, second.updated) == ([], [])  # nothing changes the second time


def test_import_into_own_workbook_changes_nothing(tmp_path):
    from mycelium_sheets.semantic.export_graph import export_farm

    require(EXAMPLE_WORKBOOK.exists(), "examples/ferme-exemple.ods is missing")
    workbook = tmp_path / "ferme.ods"
    shutil.copy(EXAMPLE_WORKBOOK, workbook)
    exported = tmp_path / "catalogue.ttl"
    export_farm(load_farm(workbook), exported, "turtle")
    before = workbook.read_bytes()
    report = import_document(exported, workbook)
    assert (report.added, report.updated, report.ignored) == ([], [], [])
    assert workbook.read_bytes() == before


def test_base_uri_filled_from_enterprise(template):
    from mycelium_sheets.semantic.export_graph import build_document
    from mycelium_sheets.semantic.jsonld import dumps

    path = template.with_name("farm.jsonld")
    path.write_text(dumps(build_document(make_farm())), encoding="utf-8")
    import_document(path, template)
    assert load_farm(template).farm.base_uri == BASE


def test_new_workbook_lists_uncarried_columns(tmp_path, template):
    from mycelium_sheets.semantic.export_graph import export_farm

    require(EXAMPLE_WORKBOOK.exists(), "examples/ferme-exemple.ods is missing")
    exported = tmp_path / "catalogue.jsonld"
    export_farm(load_farm(EXAMPLE_WORKBOOK), exported)

    report = import_document(exported, template)
    summary = report.summary()

    columns = {}
    for entry in report.not_carried:
        sheet, text = entry.split(": ", 1)
        columns.setdefault(sheet, []).append(text)

    # The French template names its sheets and columns in French, so the report does too.
    assert "Columns a DFC document does not carry, to fill in by hand:" in summary
    assert "Marge de récolte" in columns["Ferme"][0]
    assert "SIREN" in columns["Ferme"][0]
    assert "Régime de TVA" in columns["Ferme"][0]
    assert "Lieu de récolte" in columns["Produits"][0]
    assert "Poids moyen (kg)" in columns["Produits"][0]
    assert "Consignes de livraison" in columns["Clients"][0]
    assert "Priorité" in columns["Clients"][0]
    assert "Horaire comes from the sale session times" in columns["Points de livraison"][1]


def test_import_without_new_rows_lists_nothing(tmp_path):
    from mycelium_sheets.semantic.export_graph import export_farm

    require(EXAMPLE_WORKBOOK.exists(), "examples/ferme-exemple.ods is missing")
    workbook = tmp_path / "ferme.ods"
    shutil.copy(EXAMPLE_WORKBOOK, workbook)
    exported = tmp_path / "catalogue.jsonld"
    export_farm(load_farm(workbook), exported)

    report = import_document(exported, workbook)

    # Every row is already in the workbook with its own values, so nothing is left to fill in.
    assert report.not_carried == []
