"""The importer/import command, in French and English."""

from __future__ import annotations

from click.testing import CliRunner

from mycelium_sheets.cli import build_cli
from mycelium_sheets.i18n import set_language
from mycelium_sheets.schema.load import load_farm

CATALOGUE = "Désignation;Unité;PU HT;TVA\nRadis;botte;1,50;5,5 %\nCarottes;kg;2,80;5,5 %\n"


def _run(*arguments, language="fr"):
    set_language(language)
    return CliRunner().invoke(build_cli(), list(arguments))


def test_dry_run_shows_mapping(tmp_path):
    source = tmp_path / "catalogue.csv"
    source.write_text(CATALOGUE, encoding="utf-8")
    target = tmp_path / "ferme.ods"
    result = _run("importer", str(source), "--vers", str(target), "--essai")
    assert result.exit_code == 0, result.output
    assert "PU HT → Prix HT (100 %" in result.output
    assert "Produit : Radis" in result.output or "Produit: Radis" in result.output
    assert not target.exists()


def test_import_alias_into(tmp_path):
    source = tmp_path / "catalogue.csv"
    source.write_text(CATALOGUE, encoding="utf-8")
    target = tmp_path / "farm.ods"
    result = _run("import", str(source), "--into", str(target), language="en")
    assert result.exit_code == 0, result.output
    assert "Products: 2 rows added." in result.output
    assert len(load_farm(target).products) == 2


def test_error_names_cell(tmp_path):
    source = tmp_path / "catalogue.csv"
    source.write_text("Produit;Unité;Prix HT;TVA\nRadis;botte;gratuit;5,5 %\n", encoding="utf-8")
    target = tmp_path / "ferme.ods"
    result = _run("importer", str(source), "--vers", str(target))
    assert result.exit_code == 1
    assert "C2" in result.output
    assert "gratuit" in result.output
    assert not target.exists()


def test_skip_errors_option(tmp_path):
    source = tmp_path / "catalogue.csv"
    source.write_text("Produit;Unité;Prix HT;TVA\nRadis;botte;gratuit;5,5 %\nNavets;botte;2;5,5 %\n", encoding="utf-8")
    target = tmp_path / "ferme.ods"
    result = _run("importer", str(source), "--vers", str(target), "--ignorer-erreurs")
    assert result.exit_code == 0, result.output
    assert "A2" in result.output
    assert [product.name for product in load_farm(target).products] == ["Navets"]


def test_mapping_option_and_sheet(tmp_path):
    source = tmp_path / "catalogue.csv"
    source.write_text(CATALOGUE, encoding="utf-8")
    mapping = tmp_path / "correspondance.json"
    result = _run("importer", str(source), "--essai", "--correspondance", str(mapping), "--feuille", "catalogue")
    assert result.exit_code == 0, result.output
    assert mapping.exists()


def test_unknown_sheet_rejected(tmp_path):
    source = tmp_path / "catalogue.csv"
    source.write_text(CATALOGUE, encoding="utf-8")
    result = _run("importer", str(source), "--essai", "--feuille", "Clients")
    assert result.exit_code == 1
    assert "catalogue" in result.output


def test_target_required_without_dry_run(tmp_path):
    source = tmp_path / "catalogue.csv"
    source.write_text(CATALOGUE, encoding="utf-8")
    result = _run("importer", str(source))
    assert result.exit_code == 2


def _existing_workbook(tmp_path, name="ferme.ods"):
    source = tmp_path / "premier.csv"
    source.write_text("Produit;Unité;Prix HT;TVA\nNavets;botte;2;5,5 %\n", encoding="utf-8")
    target = tmp_path / name
    assert _run("importer", str(source), "--vers", str(target)).exit_code == 0
    return target


def test_output_leaves_target_unchanged(tmp_path):
    target = _existing_workbook(tmp_path)
    before = target.read_bytes()
    source = tmp_path / "catalogue.csv"
    source.write_text(CATALOGUE, encoding="utf-8")
    output = tmp_path / "essai.ods"

    result = _run("importer", str(source), "--vers", str(target), "--sortie", str(output))

    assert result.exit_code == 0, result.output
    assert target.read_bytes() == before
    # Navets already in the target, plus Radis and Carottes from the source
    assert [product.name for product in load_farm(output).products] == ["Navets", "Radis", "Carottes"]
    assert "essai.ods" in result.output


def test_output_with_open_target(tmp_path):
    target = _existing_workbook(tmp_path)
    # LibreOffice creates this file beside a workbook it has open
    (tmp_path / ".~lock.ferme.ods#").write_text("someone,host,1;")
    source = tmp_path / "catalogue.csv"
    source.write_text(CATALOGUE, encoding="utf-8")
    output = tmp_path / "copie.ods"

    refused = _run("importer", str(source), "--vers", str(target))
    written = _run("import", str(source), "--into", str(target), "--output", str(output), language="en")

    assert refused.exit_code == 1
    assert "--output" in refused.output
    assert written.exit_code == 0, written.output
    assert len(load_farm(output).products) == 3


def test_output_of_other_format_rejected(tmp_path):
    target = _existing_workbook(tmp_path)
    source = tmp_path / "catalogue.csv"
    source.write_text(CATALOGUE, encoding="utf-8")
    output = tmp_path / "copie.xlsx"

    result = _run("importer", str(source), "--vers", str(target), "--sortie", str(output))

    assert result.exit_code == 1
    assert not output.exists()


def test_output_for_new_target(tmp_path):
    source = tmp_path / "catalogue.csv"
    source.write_text(CATALOGUE, encoding="utf-8")
    target = tmp_path / "ferme.ods"
    output = tmp_path / "neuf.ods"

    result = _run("importer", str(source), "--vers", str(target), "--sortie", str(output))

    assert result.exit_code == 0, result.output
    assert not target.exists()
    assert len(load_farm(output).products) == 2
