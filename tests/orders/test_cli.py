"""The livraisons/deliveries command on the example workbook, in both languages and formats."""

from __future__ import annotations

import csv
from decimal import Decimal

import pytest
from click.testing import CliRunner

from mycelium_sheets.cli import build_cli
from mycelium_sheets.i18n import set_language
from mycelium_sheets.workbook import read_workbook

from conftest import EXAMPLES, libreoffice_convert, require

SHEETS = {
    "fr": ["Récolte", "Préparation", "Tournée", "Synthèse", "Manques"],
    "en": ["Harvest list", "Packing", "Delivery round", "Summary", "Shortages"],
}


def run(language: str, *arguments: str):
    set_language(language)
    return CliRunner().invoke(build_cli(), ["--lang", language, *arguments])


@pytest.mark.parametrize("suffix", ["ods", "xlsx"])
@pytest.mark.parametrize("command", ["livraisons", "deliveries"])
def test_writes_engine_sheets(example_copy, suffix, command):
    require((EXAMPLES / f"ferme-exemple.{suffix}").exists(), "the example workbook")
    path = example_copy(suffix)
    result = run("fr", command, str(path), "--date", "2027-06-10", "--marge", "5")

    assert result.exit_code == 0, result.output
    workbook = read_workbook(path)
    for name in SHEETS["fr"]:
        assert name in workbook.sheets
    assert set(SHEETS["fr"]) <= workbook.engine_sheets


def test_messages_in_english(example_copy):
    require((EXAMPLES / "ferme-exemple.ods").exists(), "the example workbook")
    result = run("en", "deliveries", str(example_copy("ods")), "--week", "2027-W23")
    assert result.exit_code == 0, result.output
    assert "Sheets written to" in result.output


def test_totals_match_orders_sheet(example_copy):
    """The harvest total of each product equals the sum of its rows in the order sheets, read independently."""
    require((EXAMPLES / "ferme-exemple.ods").exists(), "the example workbook")
    path = example_copy("ods")
    assert run("fr", "livraisons", str(path), "--date", "2027-06-10", "--marge", "0").exit_code == 0

    workbook = read_workbook(path)
    harvest = {row[0]: Decimal(str(row[1])) for row in workbook.sheets["Récolte"].rows[3:]
               if len(row) > 1 and isinstance(row[1], (int, float))}
    assert harvest, "the harvest sheet has no product line"
    ordered = _kg_ordered_in_list_sheet(workbook, "2027-06-10")
    compared = [product for product in ordered if product in harvest and _only_in_list(workbook, product)]
    assert len(compared) >= 3, compared
    for product in compared:
        assert harvest[product] == ordered[product], product


def _kg_ordered_in_list_sheet(workbook, day):
    rows = workbook.sheets["Commandes"].rows
    header = [str(value) for value in rows[0]]
    date_column, product_column = header.index("Date de livraison"), header.index("Produit")
    quantity_column = header.index("Quantité")
    status_column = header.index("Statut") if "Statut" in header else None
    unit_column = header.index("Unité") if "Unité" in header else None
    totals: dict[str, Decimal] = {}
    for row in rows[1:]:
        if len(row) <= quantity_column or str(row[date_column])[:10] != day:
            continue
        if status_column is not None and len(row) > status_column and str(row[status_column] or "").lower().startswith("annul"):
            continue
        if unit_column is not None and len(row) > unit_column and row[unit_column]:
            continue
        totals[row[product_column]] = totals.get(row[product_column], Decimal(0)) + Decimal(str(row[quantity_column]))
    return totals


def _only_in_list(workbook, product):
    """True when the product is in no basket of that week and is harvested in its unit of sale."""
    baskets = workbook.sheets["Composition des paniers"].rows
    if any(len(row) > 2 and row[0] == "2027-W23" and row[2] == product for row in baskets):
        return False
    products = workbook.sheets["Produits"].rows
    header = [str(value) for value in products[0]]
    harvest_column = header.index("Unité de récolte")
    price_unit_column = header.index("Unité de prix")
    for row in products[1:]:
        if row and row[0] == product:
            extra = [row[column] for column in (harvest_column, price_unit_column) if column < len(row)]
            return not any(extra)
    return False


def test_date_without_orders_writes_nothing(example_copy):
    require((EXAMPLES / "ferme-exemple.ods").exists(), "the example workbook")
    path = example_copy("ods")
    before = path.read_bytes()
    result = run("en", "deliveries", str(path), "--date", "2027-06-11")

    assert result.exit_code == 1
    assert "No order to deliver on 11/06/2027" in result.output
    assert path.read_bytes() == before


@pytest.mark.parametrize("language, expected", [
    # week 2027-W24 of the example has deliveries on Tuesday 15 and Thursday 17 June
    ("fr", "clients les 15/06/2027 et 17/06/2027."),
    ("en", "customers on 15/06/2027 and 17/06/2027."),
])
def test_week_summary_joins_days(example_copy, language, expected):
    require((EXAMPLES / "ferme-exemple.ods").exists(), "the example workbook")
    path = example_copy("ods")
    result = run(language, "livraisons", str(path), "--semaine", "2027-W24", "--output", str(path.with_name("out.ods")))

    assert result.exit_code == 0, result.output
    assert expected in result.output


@pytest.mark.parametrize("language", ["fr", "en"])
def test_french_date_form_accepted(example_copy, language):
    require((EXAMPLES / "ferme-exemple.ods").exists(), "the example workbook")
    path = example_copy("ods")
    result = run(language, "livraisons", str(path), "--date", "10/06/2027", "--output", str(path.with_name("out.ods")))

    assert result.exit_code == 0, result.output
    assert "10/06/2027." in result.output


def test_week_without_orders_fr(example_copy):
    require((EXAMPLES / "ferme-exemple.ods").exists(), "the example workbook")
    result = run("fr", "livraisons", str(example_copy("ods")), "--semaine", "2026-W53")

    assert result.exit_code == 1
    assert "Aucune commande à livrer la semaine 2026-W53." in result.output


def test_week_54_names_week_count(example_copy):
    require((EXAMPLES / "ferme-exemple.ods").exists(), "the example workbook")
    result = run("fr", "livraisons", str(example_copy("ods")), "--semaine", "2027-W54")

    assert result.exit_code == 1
    assert "2027 compte 52 semaines ISO" in result.output


def test_invalid_margin_rejected(example_copy):
    require((EXAMPLES / "ferme-exemple.ods").exists(), "the example workbook")
    result = run("en", "deliveries", str(example_copy("ods")), "--margin", "lots")
    assert result.exit_code == 2
    assert "not a percentage" in result.output


@pytest.mark.libreoffice
@pytest.mark.parametrize("suffix", ["ods", "xlsx"])
def test_libreoffice_opens_result(example_copy, tmp_path, soffice, suffix):
    path = example_copy(suffix)
    assert run("fr", "livraisons", str(path), "--semaine", "2027-W23").exit_code == 0

    # Export every sheet to CSV (last field -1) and read the round sheet back as LibreOffice computed it.
    spec = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"
    outdir = tmp_path / "csv"
    outdir.mkdir()
    libreoffice_convert(path, spec, outdir, tmp_path / "profile")
    round_files = [file for file in outdir.glob("*.csv") if "Tourn" in file.name]
    assert round_files, sorted(file.name for file in outdir.iterdir())
    with round_files[0].open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][0].startswith("Tournée du mardi 08/06/2027")
