"""Matching headers to the standard workbook's columns: names, abbreviations, content."""

from __future__ import annotations

import pytest

from mycelium_sheets.importer.detect import find_tables
from mycelium_sheets.importer.matching import match_header, normalise_header, propose_mapping
from mycelium_sheets.schema import sheet_spec
from mycelium_sheets.workbook.table import Sheet

PRODUCTS = sheet_spec("products")
ORDERS = sheet_spec("orders")
CUSTOMERS = sheet_spec("customers")


@pytest.mark.parametrize("header, expected", [
    ("Prix HT (€)", "prix ht"),
    ("Qté.", "qte"),
    ("P.U. HT", "p u ht"),
    ("Poids moyen (kg)", "poids moyen"),
    ("  DÉSIGNATION ", "designation"),
])
def test_normalise_header(header, expected):
    assert normalise_header(header) == expected


@pytest.mark.parametrize("spec, header, key", [
    (PRODUCTS, "Désignation", "name"),
    (PRODUCTS, "désignation", "name"),
    (PRODUCTS, "PU HT", "price"),
    (PRODUCTS, "P.U. HT", "price"),
    (PRODUCTS, "Px", "price"),
    (PRODUCTS, "Prix HT (€)", "price"),
    (PRODUCTS, "Réf.", "reference"),
    (PRODUCTS, "TVA %", "vat_rate"),
    (PRODUCTS, "Poids moyen (kg)", "average_weight"),
    (PRODUCTS, "Unit price", "price"),
    (ORDERS, "Qté", "quantity"),
    (ORDERS, "Nb", "quantity"),
    (ORDERS, "QTY", "quantity"),
    (ORDERS, "Date de livraison", "delivery_date"),
    (CUSTOMERS, "E-mail", "email"),
    (CUSTOMERS, "Tél.", "phone"),
])
def test_header_matches(spec, header, key):
    assert match_header(header, spec)[0] == key


@pytest.mark.parametrize("header", ["Prix TTC", "Prix T.T.C.", "Price incl. VAT"])
def test_price_with_vat_never_matches(header):
    assert match_header(header, PRODUCTS)[0] is None


def test_best_sheet_chosen():
    sheet = Sheet("Export", [
        ["Désignation", "Unité", "PU HT", "TVA"],
        ["Radis", "botte", 1.5, 0.055],
    ])
    [table] = find_tables(sheet)
    mapping = propose_mapping(sheet, table)
    assert mapping.target == "products"
    assert [match.key for match in mapping.matches] == ["name", "unit", "price", "vat_rate"]


def test_content_match_for_emails():
    # "Contact mail" names nothing known word for word; its values are e-mail addresses.
    sheet = Sheet("Clients", [
        ["Nom du client", "Type", "Adresse électronique"],
        ["Biocoop Crest", "Magasin", "crest@example.org"],
        ["Le Bistrot", "Restaurant", "bistrot@example.org"],
    ])
    [table] = find_tables(sheet)
    mapping = propose_mapping(sheet, table)
    assert mapping.target == "customers"
    email = mapping.matches[2]
    assert email.key == "email"
    assert email.confidence == 0.5


def test_duplicate_headers_reported():
    sheet = Sheet("Produits", [
        ["Produit", "Prix", "Prix", "Unité"],
        ["Radis", 1.5, 1.6, "botte"],
    ])
    [table] = find_tables(sheet)
    mapping = propose_mapping(sheet, table)
    keys = [match.key for match in mapping.matches]
    assert keys.count("price") == 1
    assert mapping.matches[2].key is None
    assert "Prix" in mapping.matches[2].reason


def test_unrelated_table_not_imported():
    sheet = Sheet("Pays", [["Pays", "Code ISO"], ["France", "FR"], ["Belgique", "BE"]])
    [table] = find_tables(sheet)
    assert propose_mapping(sheet, table).target is None
