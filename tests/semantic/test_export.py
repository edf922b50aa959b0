import datetime as dt
import json

import pytest

from mycelium_sheets.errors import SemanticDataError
from mycelium_sheets.semantic import vocabulary as v
from mycelium_sheets.semantic.export_graph import build_document, serialise
from mycelium_sheets.semantic.mapping import number, person_names, session_times
from mycelium_sheets.semantic.terms import IRI, BNode, Literal

from .farm import BASE, FARM_ROWS, ORDERS, PRODUCTS, make_farm

B = v.business


def objects(document, subject, name):
    return sorted(term for s, p, term in document.triples if s == subject and p == B(name))


def one(document, subject, name):
    values = objects(document, subject, name)
    assert len(values) == 1, (subject, name, values)
    return values[0]


def blank(document, subject, name):
    node = one(document, subject, name)
    assert isinstance(node, BNode)
    return node


@pytest.fixture(scope="module")
def document():
    return build_document(make_farm())


def test_enterprise_identity(document):
    farm = IRI(BASE + "enterprise")
    assert one(document, farm, "name") == Literal("Les Jardins du Test")
    assert one(document, farm, "VATnumber") == Literal("FR12123456789")
    address = one(document, farm, "hasAddress")
    assert one(document, address, "hasStreet") == Literal("1 chemin des Planches")
    assert one(document, address, "hasPostalCode") == Literal("26400")
    assert one(document, address, "hasCountry") == IRI(v.COUNTRY_AUTHORITY + "FRA")


def test_product_offer_and_price(document):
    product = IRI(BASE + "products/car-b")  # slug of the SKU "CAR-B"
    assert one(document, product, "hasType") == IRI(v.DFC_PRODUCT_TYPES + "carrot")
    assert one(document, product, "hasCertification") == IRI(v.ORGANIC_CERTIFICATION)
    quantity = blank(document, product, "hasQuantity")
    assert one(document, quantity, "hasUnit") == IRI(v.DFC_MEASURES + "Bunch")
    assert one(document, quantity, "value") == Literal("1")
    offer = IRI(product + "/offer")
    price = blank(document, offer, "hasPrice")
    assert one(document, price, "value") == Literal("2.20")
    assert one(document, price, "VATrate") == Literal("5.5")  # 0.055 as percent
    assert one(document, price, "hasUnit") == IRI(v.EURO)
    assert one(document, IRI(product + "/catalog-item"), "sku") == Literal("CAR-B")


def test_stock_is_latest_entry(document):
    # 12 bunches on 7 June replace the 30 counted on 1 June.
    assert one(document, IRI(BASE + "products/car-b"), "totalTheoreticalStock") == Literal("12")


def test_product_paid_by_weight_offered_by_kg(document):
    product = IRI(BASE + "products/cou-p")
    quantity = blank(document, product, "hasQuantity")
    assert one(document, quantity, "hasUnit") == IRI(v.DFC_MEASURES + "Kilogram")
    line = IRI(BASE + "orders/2027-06-10/p01/lines/cou-p")
    assert one(document, line, "quantity") == Literal("2.4")  # 2 pieces × 1.2 kg


def test_type_override_and_name_without_sku(document):
    assert one(document, IRI(BASE + "products/mel"), "hasType") == IRI(v.DFC_PRODUCT_TYPES + "salad-mix")
    assert one(document, IRI(BASE + "products/tomates-cerises"), "hasType") == IRI(v.DFC_PRODUCT_TYPES + "cherry-tomato")


def test_customers_person_and_enterprise(document):
    person, restaurant = IRI(BASE + "customers/p01"), IRI(BASE + "customers/r01")
    assert one(document, person, "firstName") == Literal("Marie")
    assert one(document, person, "familyName") == Literal("Dupont")
    assert (person, v.RDF_TYPE, IRI(B("Person"))) in document.triples
    assert (restaurant, v.RDF_TYPE, IRI(B("Enterprise"))) in document.triples
    assert one(document, restaurant, "name") == Literal("Le Bistrot")


def test_order_status_price_and_session(document):
    order = IRI(BASE + "orders/b-42")
    assert one(document, order, "orderNumber") == Literal("B-42")
    assert one(document, order, "hasOrderStatus") == IRI(v.DFC_VOCABULARY + "Complete")  # "Livrée"
    assert one(document, order, "hasFulfilmentStatus") == IRI(v.DFC_VOCABULARY + "Fulfilled")
    assert one(document, order, "orderedBy") == IRI(BASE + "customers/r01")
    line = IRI(order + "/lines/tomates-cerises")
    assert one(document, line, "quantity") == Literal("6")
    assert one(document, blank(document, line, "hasPrice"), "value") == Literal("4.20")  # the line's own price
    assert one(document, order, "belongsTo") == IRI(BASE + "sale-sessions/2027-06-10/farm")


def test_order_without_number_at_delivery_point(document):
    order = IRI(BASE + "orders/2027-06-10/p01")
    assert one(document, order, "hasOrderStatus") == IRI(v.DFC_VOCABULARY + "Held")  # empty status = confirmed
    session = one(document, order, "belongsTo")
    assert session == IRI(BASE + "sale-sessions/2027-06-10/marche-de-crest")
    assert one(document, session, "beginDate") == Literal("2027-06-10T17:00:00")  # "17h-19h"
    assert one(document, session, "endDate") == Literal("2027-06-10T19:00:00")
    place = one(document, one(document, order, "selects"), "pickedUpAt")
    assert one(document, place, "name") == Literal("Marché de Crest")
    assert len(objects(document, order, "hasPart")) == 2


def test_jsonld_connector_flavour(document):
    data = json.loads(serialise(document, "jsonld"))
    assert data["@context"] == v.CONNECTOR_CONTEXT_URL
    offer = next(node for node in data["@graph"] if node["@id"] == BASE + "products/car-b/offer")
    assert offer["dfc-b:offeredItem"] == {"@id": BASE + "products/car-b"}  # not typed @id in the context
    assert offer["dfc-b:hasPrice"].startswith("_:")
    ids = [node["@id"] for node in data["@graph"]]
    assert ids == sorted(ids)


def test_export_is_repeatable():
    first = serialise(build_document(make_farm()), "jsonld")
    second = serialise(build_document(make_farm()), "jsonld")
    assert first == second


@pytest.mark.parametrize("format", ["jsonld", "turtle", "ntriples"])
def test_formats_give_same_graph(document, format):
    import rdflib
    from rdflib.compare import isomorphic

    from mycelium_sheets.semantic.export_graph import to_graph
    from mycelium_sheets.semantic.jsonld import shipped_context

    text = serialise(document, format)
    graph = rdflib.Graph()
    if format == "jsonld":
        data = json.loads(text)
        data["@context"] = shipped_context()  # the URL is resolved offline with the shipped copy
        graph.parse(data=json.dumps(data), format="json-ld")
    else:
        graph.parse(data=text, format="turtle" if format == "turtle" else "nt")
    assert isomorphic(graph, to_graph(document))


def test_missing_base_uri_names_cell():
    rows = [row for row in FARM_ROWS if row[0] != "Adresse des données (URI)"] + [["Adresse des données (URI)", None]]
    with pytest.raises(SemanticDataError) as raised:
        build_document(make_farm(farm_rows=rows))
    assert raised.value.location.sheet == "Ferme"
    assert raised.value.location.cell == "B9"  # 8 other fields, then the empty URI on row 9


def test_unknown_dfc_type_names_cell():
    products = [list(row) for row in PRODUCTS]
    products[4][7] = "salade mixte du chef"
    with pytest.raises(SemanticDataError) as raised:
        build_document(make_farm(products=products))
    assert raised.value.location.cell == "H5"
    assert raised.value.value == "salade mixte du chef"


def test_negative_quantity_rejected_by_shacl():
    orders = [list(row) for row in ORDERS]
    orders[2][3] = -6
    with pytest.raises(SemanticDataError) as raised:
        build_document(make_farm(orders=orders))
    assert len(raised.value.details) == 1
    assert "sheet “Commandes”, cell D4" in raised.value.details[0]  # the third order is on row 4


@pytest.mark.parametrize(("value", "expected"), [("5.50", "5.5"), ("10", "10"), ("0.000", "0"), ("2.4", "2.4")])
def test_number_lexical_form(value, expected):
    from decimal import Decimal

    assert number(Decimal(value)) == expected


@pytest.mark.parametrize(("name", "expected"), [
    ("Marie Dupont", ("Marie", "Dupont")),
    ("Jean Pierre Martin", ("Jean Pierre", "Martin")),
    ("Cher", (None, "Cher")),
])
def test_person_names_split(name, expected):
    assert person_names(name) == expected


@pytest.mark.parametrize(("time", "begin", "end"), [
    ("17h-19h", "2027-06-10T17:00:00", "2027-06-10T19:00:00"),
    ("9:30", "2027-06-10T09:30:00", "2027-06-10T23:59:59"),
    (None, "2027-06-10T00:00:00", "2027-06-10T23:59:59"),
    ("le soir", "2027-06-10T00:00:00", "2027-06-10T23:59:59"),
])
def test_session_times(time, begin, end):
    assert session_times(dt.date(2027, 6, 10), time) == (begin, end)


def test_untyped_product_names_workbook_column():
    # A French workbook read with English messages: the remedy names the column on the farmer's screen.
    products = [*PRODUCTS, ["Zorglub", None, "botte", 2.0, None, "5,5 %", None, None, None]]

    document = build_document(make_farm(products=products))
    [warning] = [problem for problem in document.warnings if problem.value == "Zorglub"]

    assert warning.remedy == "Enter its type in the column “Type DFC”, such as carrot or carotte."
