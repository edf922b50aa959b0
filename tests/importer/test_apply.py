"""Writing into the standard workbook: created from the template, errors first, no duplicates."""

from __future__ import annotations

import hashlib
from decimal import Decimal

import pytest

from mycelium_sheets.errors import CellValueError
from mycelium_sheets.importer import apply_plan, plan_import
from mycelium_sheets.schema.load import load_farm
from mycelium_sheets.workbook import read_workbook

CATALOGUE = (
    "Catalogue 2027\n"
    "\n"
    "Désignation;Réf.;Unité;PU HT;TVA;Bio\n"
    "Radis;RAD;Botte (8);1,50 €;5,5 %;oui\n"
    "Carottes;CAR;kg;2,80;5,5%;x\n"
    "Miel;MIE;pot;€6,00;5,5 %;non\n"
)


def _write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("suffix", ["ods", "xlsx"])
def test_catalogue_into_new_workbook(tmp_path, suffix):
    source = _write(tmp_path / "catalogue.csv", CATALOGUE)
    target = tmp_path / f"ferme.{suffix}"
    result = apply_plan(plan_import(source), target)
    assert result.created
    assert result.count("Produits") == 3

    farm = load_farm(target)
    radish = next(product for product in farm.products if product.name == "Radis")
    assert radish.reference == "RAD"
    assert radish.unit.code == "bunch"
    assert radish.pieces_per_unit == Decimal("8")  # from "Botte (8)"
    assert radish.price == Decimal("1.5")
    assert radish.vat_rate == Decimal("0.055")
    assert radish.organic is True
    honey = next(product for product in farm.products if product.name == "Miel")
    assert honey.unit.code == "jar"
    assert honey.price == Decimal("6")
    assert honey.organic is False


def test_existing_product_matched_by_name(tmp_path):
    target = tmp_path / "ferme.ods"
    apply_plan(plan_import(_write(tmp_path / "a.csv", "Produit;Unité;Prix HT;TVA\nRadis;botte;1,5;5,5 %\n")), target)
    # The second file names the same product with other case and accents, and one new one.
    second = apply_plan(plan_import(_write(tmp_path / "b.csv", "Produit;Unité;Prix HT;TVA\nRADIS;botte;1,6;5,5 %\nNavets;botte;2;5,5 %\n")),
                        target)
    assert second.count("Produits") == 1
    assert second.already_present["Produits"] == 1
    assert [product.name for product in load_farm(target).products] == ["Radis", "Navets"]


def test_unreadable_values_block_import(tmp_path):
    source = _write(tmp_path / "catalogue.csv",
                    "Produit;Unité;Prix HT;TVA\nRadis;botte;deux euros;5,5 %\nNavets;brouette;2;5,5 %\nPoireaux;kg;3;5,5 %\n")
    target = tmp_path / "ferme.ods"
    with pytest.raises(CellValueError) as raised:
        apply_plan(plan_import(source), target)
    message = str(raised.value)
    assert "C2" in message
    assert "deux euros" in message
    assert "B3" in message
    assert "brouette" in message
    assert not target.exists()


def test_existing_workbook_unchanged_on_error(tmp_path):
    target = tmp_path / "ferme.ods"
    apply_plan(plan_import(_write(tmp_path / "a.csv", "Produit;Unité;Prix HT;TVA\nRadis;botte;1,5;5,5 %\n")), target)
    before = _digest(target)
    with pytest.raises(CellValueError):
        apply_plan(plan_import(_write(tmp_path / "b.csv", "Produit;Unité;Prix HT;TVA\nNavets;botte;??2;5,5 %\n")), target)
    assert _digest(target) == before


def test_skip_errors_lists_rows(tmp_path):
    source = _write(tmp_path / "catalogue.csv",
                    "Produit;Unité;Prix HT;TVA\nRadis;botte;deux euros;5,5 %\nNavets;botte;2;5,5 %\n")
    result = apply_plan(plan_import(source), tmp_path / "ferme.ods", skip_errors=True)
    assert result.count("Produits") == 1
    assert [(location.sheet, location.cell) for location in result.skipped_rows] == [("catalogue", "A2")]


def test_dry_run_changes_nothing(tmp_path):
    source = _write(tmp_path / "catalogue.csv", CATALOGUE)
    target = tmp_path / "ferme.ods"
    result = apply_plan(plan_import(source), target, dry_run=True)
    assert result.count("Produits") == 3
    assert not target.exists()


def test_english_template_for_english_target(tmp_path):
    from mycelium_sheets.i18n import set_language

    set_language("en")
    result = apply_plan(plan_import(_write(tmp_path / "c.csv", CATALOGUE)), tmp_path / "farm.xlsx")
    assert result.count("Products") == 3
    assert "Products" in read_workbook(tmp_path / "farm.xlsx").sheets


def test_several_tables_one_sheet(tmp_path):
    from mycelium_sheets.workbook.table import Sheet

    from .conftest import workbook

    sheet = Sheet("Tout", [
        ["Nos clients"],
        ["Client", "Type", "Courriel"],
        ["Biocoop Crest", "Magasin", "crest@example.org"],
        [],
        ["Nos produits"],
        ["Désignation", "Unité", "PU HT", "TVA"],
        ["Radis", "botte", 1.5, "5,5 %"],
        ["Navets", "botte", 2, "5,5 %"],
    ])
    result = apply_plan(plan_import(workbook(sheet)), tmp_path / "ferme.ods")
    assert result.count("Clients") == 1
    assert result.count("Produits") == 2


def test_into_example_workbook(tmp_path, example_copy):
    # The example farm already sells "Radis rose"; a shop's list names it again with a new product.
    target = example_copy("ods")
    before = load_farm(target)
    source = _write(tmp_path / "liste.csv", "Produit;Unité;Prix HT;TVA\nRadis rose;botte;1,5;5,5 %\nCresson;botte;2,2;5,5 %\n")
    result = apply_plan(plan_import(source), target)
    assert result.count("Produits") == 1
    assert result.already_present["Produits"] == 1
    after = load_farm(target)
    assert len(after.products) == len(before.products) + 1
    assert after.products[-1].name == "Cresson"
    assert len(after.customers) == len(before.customers)


def test_target_must_be_workbook(tmp_path):
    from mycelium_sheets.errors import MyceliumError

    source = _write(tmp_path / "catalogue.csv", CATALOGUE)
    with pytest.raises(MyceliumError) as raised:
        apply_plan(plan_import(source), tmp_path / "ferme.csv")
    assert ".ods" in str(raised.value)
    assert not (tmp_path / "ferme.csv").exists()


def test_identical_order_rows_are_both_kept(tmp_path, example_copy):
    # Two equal order lines in one file may be two real orders: both are
    # imported and counted, and importing the file again adds nothing.
    target = example_copy("ods")
    before = len(load_farm(target).orders)
    source = _write(tmp_path / "commandes.csv",
                    "Date de livraison;Client;Produit;Quantité\n"
                    "15/07/2027;Bistrot du Canal;Radis rose;3\n"
                    "15/07/2027;Bistrot du Canal;Radis rose;3\n"
                    "15/07/2027;Bistrot du Canal;Laitue;5\n")
    first = apply_plan(plan_import(source), target)
    assert first.count("Commandes") == 3
    assert first.repeated_in_source["Commandes"] == 1
    assert len(load_farm(target).orders) == before + 3

    second = apply_plan(plan_import(source), target)
    assert second.count("Commandes") == 0
    assert second.already_present["Commandes"] == 3
