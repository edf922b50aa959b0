"""``mycelium init`` and ``mycelium check`` in both languages and both formats."""

import shutil

import pytest
from click.testing import CliRunner

from mycelium_sheets.cli import build_cli
from mycelium_sheets.i18n import set_language
from mycelium_sheets.workbook import read_workbook

from conftest import EXAMPLES


def run(language, *arguments):
    set_language(language)
    try:
        return CliRunner().invoke(build_cli(), ["--lang", language, *arguments], prog_name="mycelium")
    finally:
        set_language(None)


@pytest.mark.parametrize("language, file_format, sheet", [
    ("fr", "ods", "Produits"), ("fr", "xlsx", "Produits"), ("en", "ods", "Products"), ("en", "xlsx", "Products"),
])
def test_init_then_check(tmp_path, language, file_format, sheet):
    path = tmp_path / f"new.{file_format}"
    created = run(language, "init", str(path))
    assert created.exit_code == 0, created.output
    assert sheet in read_workbook(path).sheets

    checked = run(language, "check", str(path))
    assert checked.exit_code == 0, checked.output
    assert ("Aucune erreur trouvée." if language == "fr" else "No error found.") in checked.output


def test_init_never_overwrites(tmp_path):
    path = tmp_path / "ferme.ods"
    path.write_bytes(b"the farmer's file")
    result = run("fr", "init", str(path))
    assert result.exit_code == 1
    assert "existe déjà" in result.output
    assert path.read_bytes() == b"the farmer's file"


def test_init_format_option_without_suffix(tmp_path):
    result = run("en", "init", "--format", "xlsx", str(tmp_path / "farm"))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "farm.xlsx").is_file()


def test_check_lists_errors_with_cells(tmp_path):
    path = tmp_path / "ferme.ods"
    shutil.copyfile(EXAMPLES / "ferme-exemple.ods", path)
    result = run("fr", "check", str(path))
    assert result.exit_code == 0, result.output
    assert "Produits : 40 lignes lues" in result.output


def test_check_of_a_file_that_is_not_a_spreadsheet(tmp_path):
    path = tmp_path / "facture.ods"
    path.write_bytes(b"%PDF-1.4 not a spreadsheet")
    result = run("en", "check", str(path))
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    assert "facture.ods" in result.output


def test_command_aliases_reach_the_same_command(tmp_path):
    result = run("fr", "vérifier", str(EXAMPLES / "ferme-exemple.xlsx"))
    assert result.exit_code == 0, result.output


def test_version():
    result = run("en", "--version")
    assert result.output.startswith("mycelium ")


def test_help_is_translated():
    assert "Vérifie un classeur" in run("fr", "--help").output
    assert "Check a farm workbook" in run("en", "--help").output


def test_click_texts_are_translated(tmp_path):
    help_text = run("fr", "init", "--help").output
    assert help_text.startswith("Utilisation : mycelium init")
    assert "Affiche ce message et quitte." in help_text
    error = run("fr", "init", "--format", "pdf", str(tmp_path / "x")).output
    assert "Valeur non valide pour" in error


def test_usage_shows_the_name_typed():
    assert run("en", "verifier", "--help").output.startswith("Usage: mycelium verifier")


def test_check_reads_grids_and_warns_like_deliveries():
    output = run("fr", "check", str(EXAMPLES / "ferme-exemple.ods")).output
    # The example has two customers-across grids and one days-across grid.
    assert "Grille 2027-06-22 : " in output
    assert "Grille 2027-W26 Bistrot : 6 lignes de commande lues" in output  # 3 + 3 products on two days
    # Marie Dubois (row 16 of Clients) orders but has no delivery point (column O).
    assert "attention : ferme-exemple.ods, feuille « Clients », cellule O16 : « Marie Dubois »" in output
