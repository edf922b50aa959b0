"""The Mycélium menu in a real headless LibreOffice, compared with the command line.

Each test opens a copy of a workbook hidden, dispatches menu URLs through
the document's frame as the menu does, and saves a copy. That copy is read
back with the engine's own reader and compared with what ``mycelium``
writes on another copy of the same workbook.
"""

from __future__ import annotations

import datetime as dt

import pytest
from click.testing import CliRunner

from mycelium_sheets.cli import build_cli
from mycelium_sheets.schema import INPUT_SHEETS
from mycelium_sheets.schema.load import load_farm
from mycelium_sheets.workbook import read_workbook

from .conftest import FIXTURES, copy_to, require_example, run_menu

pytestmark = pytest.mark.libreoffice

MENU = "service:org.mycelium_sheets.CalcMenu?"


def _cli(*arguments: str) -> None:
    result = CliRunner().invoke(build_cli(), ["--lang", "en", *arguments])
    assert result.exit_code == 0, result.output


def _untyped(value):
    """Return a typed JSON value from uno_client as the engine's reader gives it."""
    if isinstance(value, dict):
        (kind, text), = value.items()
        if kind == "bool":
            return text
        return {"date": dt.date, "datetime": dt.datetime, "time": dt.time}[kind].fromisoformat(text)
    return value


# Menu labels


@pytest.mark.parametrize("locale, expected", [
    ("fr", ["Vérifier le classeur", "Ajouter les feuilles manquantes", "Préparer les livraisons…",
            "Calculer le plan de culture", "Générer les factures…", "Exporter en données DFC…", "À propos de Mycélium"]),
    ("en-US", ["Check workbook", "Add missing sheets", "Prepare deliveries…", "Compute the crop plan",
               "Generate invoices…", "Export DFC data…", "About Mycélium"]),
])
def test_installed_menu_labels(office_en, locale, expected):
    menus = office_en.call("labels", locale)["menus"]
    items = menus["org.mycelium_sheets.CalcMenu"]["items"]

    assert menus["org.mycelium_sheets.CalcMenu"]["title"] == "~Mycélium"
    assert [item["title"] for item in items if item["url"].startswith(MENU)] == expected


def test_extension_installed_in_user_profile(office_en):
    assert "org.mycelium-sheets.calc" in office_en.call("extensions")["identifiers"]


# Reading the live document


def test_reading_matches_file_reader(office_en, unpacked_oxt, tmp_path):
    source = copy_to(FIXTURES / "farm.ods", tmp_path)
    expected = read_workbook(source)

    result = office_en.call("read", str(source), str(unpacked_oxt / "pythonpath"))

    assert list(result["sheets"]) == list(expected.sheets)
    assert result["engine_sheets"] == sorted(expected.engine_sheets)
    for name, sheet in expected.sheets.items():
        read = result["sheets"][name]
        assert read["hidden"] == sheet.hidden, name
        assert [[_untyped(value) for value in row] for row in read["rows"]] == sheet.rows, name


# About and Check


def test_about_names_vendored_engine(office_en, tmp_path):
    _result, messages = run_menu(office_en, copy_to(FIXTURES / "farm.ods", tmp_path), "about")

    assert messages[-1]["title"] == "About Mycélium"
    assert "Mycélium sheets 0.1.0" in messages[-1]["message"]
    # The engine comes from the installed extension, not from a checkout.
    assert "/uno_packages/" in messages[-1]["message"]


def test_check_lists_same_problems_as_cli(office_en, tmp_path):
    from mycelium_sheets.checks import check_workbook

    source = copy_to(FIXTURES / "farm.ods", tmp_path)
    report = check_workbook(source)

    _result, messages = run_menu(office_en, source, "check")

    message = messages[-1]["message"]
    assert messages[-1]["kind"] == "error"
    assert message.startswith("3 errors, 0 warnings")
    for problem in report.problems:
        assert f"error: {problem}" in message
    for line in report.summary_lines():
        assert line in message


def test_check_example_has_no_problems(office_en, tmp_path):
    source = copy_to(require_example(), tmp_path)

    _result, messages = run_menu(office_en, source, "check")

    assert messages[-1]["kind"] == "info"
    assert messages[-1]["message"].startswith("The workbook has no problems.")


# Add missing sheets


def test_add_missing_sheets(office_en, tmp_path):
    source = copy_to(FIXTURES / "farm.ods", tmp_path)
    saved = tmp_path / "added.ods"

    result, messages = run_menu(office_en, source, "add_sheets", save_as=saved)

    # No input sheet to tell the workbook's language: the English interface decides.
    added = [spec.name_en for spec in INPUT_SHEETS]
    assert list(result["sheets"])[-len(added):] == added
    assert result["sheets"]["Products"][0][:4] == ["Product", "SKU", "Unit", "Price excl. VAT"]
    assert result["sheets"]["Farm"][0] == ["Farm name"]
    assert messages[-1]["message"].startswith("Sheets added: Farm, Products")
    # The farmer's sheets are as they were, and no sheet is missing any more.
    before, after = read_workbook(source), read_workbook(saved)
    for name, sheet in before.sheets.items():
        assert after.sheets[name].rows == sheet.rows, name
    assert not [problem for problem in load_farm(saved).errors if "is missing" in problem.message]


def test_add_missing_sheets_twice_adds_nothing(office_en, tmp_path):
    source = copy_to(FIXTURES / "farm.ods", tmp_path)

    result, messages = run_menu(office_en, source, "add_sheets", "add_sheets")

    assert messages[-1]["message"] == "The workbook already has every standard sheet."
    assert len(result["sheets"]) == 4 + len(INPUT_SHEETS)


def test_add_missing_sheets_in_french_interface(office_fr, tmp_path):
    source = copy_to(FIXTURES / "farm.ods", tmp_path)

    result, messages = run_menu(office_fr, source, "add_sheets")

    assert "Ferme" in result["sheets"]
    assert result["sheets"]["Produits"][0][:4] == ["Produit", "Référence", "Unité", "Prix HT"]
    assert messages[-1]["title"] == "Mycélium — Ajouter les feuilles manquantes"
    assert messages[-1]["message"].startswith("Feuilles ajoutées : Ferme, Produits")


# Engine actions compared with the command line


@pytest.mark.parametrize("suffix", ["ods", "xlsx"])
def test_deliveries_same_as_cli(office_en, tmp_path, suffix):
    example = require_example().with_suffix("." + suffix)
    by_cli = copy_to(example, tmp_path, f"cli.{suffix}")
    by_menu = copy_to(example, tmp_path, f"menu.{suffix}")
    saved = tmp_path / f"menu-saved.{suffix}"
    _cli("livraisons", str(by_cli), "--date", "2027-06-10")

    result, messages = run_menu(office_en, by_menu, "deliveries&date=2027-06-10", save_as=saved)

    expected, written = read_workbook(by_cli), read_workbook(saved)
    assert written.engine_sheets == expected.engine_sheets
    assert expected.engine_sheets == {"Récolte", "Préparation", "Tournée", "Synthèse", "Manques"}
    for name in expected.engine_sheets:
        assert written.sheets[name].rows == expected.sheets[name].rows, name
    assert result["marks"] == "Récolte/Préparation/Tournée/Synthèse/Manques"
    # The Orders sheet has 32 lines for 10/06/2027, one of them cancelled, and
    # the week's baskets add 4 products for each of the 2 small-basket members
    # and 6 for each of the 2 large-basket members: 31 + 8 + 12 = 51.
    assert messages[-1]["message"].startswith("51 order lines for 11 customers on 10/06/2027.")


def test_deliveries_leave_farmer_sheets_unchanged(office_en, tmp_path):
    example = require_example()
    by_menu = copy_to(example, tmp_path, "menu.ods")
    saved = tmp_path / "menu-saved.ods"

    run_menu(office_en, by_menu, "deliveries&date=2027-06-10", save_as=saved)

    before, after = read_workbook(example), read_workbook(saved)
    for name, sheet in before.sheets.items():
        if name not in after.engine_sheets:
            assert after.sheets[name].rows == sheet.rows, name


def test_deliveries_rerun_replaces_sheets(office_en, tmp_path):
    example = require_example()
    once, twice = tmp_path / "once.ods", tmp_path / "twice.ods"

    run_menu(office_en, copy_to(example, tmp_path, "a.ods"), "deliveries&date=2027-06-10", save_as=once)
    run_menu(office_en, copy_to(example, tmp_path, "b.ods"), "deliveries&date=2027-06-08",
             "deliveries&date=2027-06-10", save_as=twice)

    first, second = read_workbook(once), read_workbook(twice)
    assert list(second.sheets) == list(first.sheets)
    for name in first.engine_sheets:
        assert second.sheets[name].rows == first.sheets[name].rows, name


def test_plan_same_as_cli(office_en, tmp_path):
    example = require_example()
    by_cli = copy_to(example, tmp_path, "cli.ods")
    saved = tmp_path / "menu-saved.ods"
    _cli("plan", str(by_cli), "--saison", "2027", "--sans-graphiques")

    _result, messages = run_menu(office_en, copy_to(example, tmp_path, "menu.ods"), "plan&season=2027", save_as=saved)

    expected, written = read_workbook(by_cli), read_workbook(saved)
    assert written.engine_sheets == expected.engine_sheets
    for name in expected.engine_sheets:
        assert written.sheets[name].rows == expected.sheets[name].rows, name
    assert messages[-1]["title"] == "Mycélium — Compute the crop plan"


def test_farmer_sheet_with_engine_name_is_kept(office_en, tmp_path):
    example = require_example()
    with_notes = tmp_path / "notes.ods"
    office_en.call("add-sheet", str(copy_to(example, tmp_path)), "Tournée", str(with_notes))

    result, messages = run_menu(office_en, with_notes, "deliveries&date=2027-06-10")

    assert result["sheets"]["Tournée"] == [["Mes notes de récolte"]]
    assert "Récolte" not in result["sheets"]
    assert result["marks"] is None
    assert messages[-1]["kind"] == "error"
    assert "sheet “Tournée”" in messages[-1]["message"]
    assert "Rename your sheet “Tournée”" in messages[-1]["message"]


def test_deliveries_without_orders_shows_error(office_en, tmp_path):
    source = copy_to(require_example(), tmp_path)

    result, messages = run_menu(office_en, source, "deliveries&date=2027-01-05")

    assert messages[-1]["kind"] == "error"
    assert "No order to deliver on 05/01/2027" in messages[-1]["message"]
    assert result["marks"] is None


def test_invalid_date_option_shows_error(office_en, tmp_path):
    source = copy_to(require_example(), tmp_path)

    _result, messages = run_menu(office_en, source, "deliveries&date=10/06/2027")

    assert messages[-1]["kind"] == "error"
    assert "the option “date” is not a date" in messages[-1]["message"]


def test_cancelled_date_dialog_writes_nothing(office_en, tmp_path):
    # Headless LibreOffice closes dialogs at once, as if Cancel were pressed.
    source = copy_to(require_example(), tmp_path)

    result, messages = run_menu(office_en, source, "deliveries")

    assert result["marks"] is None
    assert "Récolte" not in result["sheets"]
    assert not [message for message in messages if message["kind"] == "error"]


def test_unknown_action_reported(office_en, tmp_path):
    _result, messages = run_menu(office_en, copy_to(FIXTURES / "farm.ods", tmp_path), "harvest")
    assert messages[-1]["message"] == "Unknown action “harvest”."


def test_french_interface_messages(office_fr, tmp_path):
    source = copy_to(FIXTURES / "farm.ods", tmp_path)

    _result, messages = run_menu(office_fr, source, "check")

    assert messages[-1]["title"] == "Mycélium — Vérifier le classeur"
    # French counts 0 in the singular.
    assert messages[-1]["message"].startswith("3 erreurs, 0 avertissement")
    assert "erreur : farm.ods : la feuille « Ferme / Farm » est absente" in messages[-1]["message"]


# Invoices and DFC export compared with the command line


def _pdf_text(path) -> str:
    from pypdf import PdfReader

    return "".join(page.extract_text() for page in PdfReader(str(path)).pages)


def _squeezed(text: str) -> str:
    """Return text without any whitespace, since PDF text extraction breaks lines at will."""
    return "".join(text.split())


def test_invoices_same_register_as_cli(office_en, tmp_path):
    from mycelium_sheets.invoicing import invoices_folder, issue_invoices, load_register, month_selection

    example = require_example()
    (tmp_path / "cli").mkdir()
    (tmp_path / "menu").mkdir()
    by_cli = copy_to(example, tmp_path / "cli")
    by_menu = copy_to(example, tmp_path / "menu")
    saved = tmp_path / "menu-saved.ods"
    issue_invoices(by_cli, month_selection("2027-06"), issue_date=dt.date(2027, 6, 30), language="en", profile=None)

    _result, messages = run_menu(office_en, by_menu, "invoices&period=2027-06&date=2027-06-30", save_as=saved)

    expected, issued = load_register(by_cli).invoices, load_register(by_menu).invoices
    assert [(invoice.number, invoice.buyer.name, invoice.totals.grand_total) for invoice in issued] == \
        [(invoice.number, invoice.buyer.name, invoice.totals.grand_total) for invoice in expected]
    assert messages[-1]["message"].startswith(f"{len(expected)} invoices issued.")
    register_name = "Invoice register"
    assert read_workbook(saved).sheets[register_name].rows == read_workbook(by_cli).sheets[register_name].rows
    assert len(list(invoices_folder(by_menu).glob("*.pdf"))) == len(expected)


def test_invoice_pdf_carries_legal_mentions(office_en, tmp_path):
    from mycelium_sheets.invoicing import invoices_folder, load_register
    from mycelium_sheets.invoicing.layouts import invoice_layout
    from mycelium_sheets.invoicing.mentions import date_text

    source = copy_to(require_example(), tmp_path)

    run_menu(office_en, source, "invoices&period=2027-06&date=2027-06-30")

    for invoice in load_register(source).invoices:
        text = _squeezed(_pdf_text(invoices_folder(source) / f"{invoice.number}.pdf"))
        assert _squeezed(invoice.number) in text
        assert _squeezed(invoice.seller.name) in text
        assert _squeezed(invoice.buyer.name) in text
        assert _squeezed(f"SIREN {invoice.seller.siren}") in text
        assert _squeezed(date_text(invoice.due_date, "en")) in text
        # The sheet's money cells use the workbook's money format, which puts € after the amount in English too.
        assert _squeezed(f"Amount due {invoice.totals.grand_total} €") in text
        # LibreOffice draws wrapped cells after the others, so the PDF's text
        # order follows the sheet's rows only within a row: each note row is checked.
        layout = invoice_layout(invoice, None, "en")
        notes = [layout.rows[row][0] for row, kind in layout.row_kinds.items() if kind == "note"]
        assert " ".join(notes).split() == " ".join([*invoice.mentions, notes[-1]]).split()
        for note in notes:
            assert _squeezed(note) in text, (invoice.number, note)


def test_invoices_twice_issue_nothing_new(office_en, tmp_path):
    from mycelium_sheets.invoicing import load_register

    source = copy_to(require_example(), tmp_path)

    _result, messages = run_menu(office_en, source, "invoices&period=2027-06&date=2027-06-30",
                                 "invoices&period=2027-06&date=2027-06-30")

    first_count = int(messages[-2]["message"].split()[0])
    assert first_count > 0
    register = load_register(source)
    first_lines = sum(1 for invoice in register.invoices for line in invoice.lines if line.order_key)
    assert messages[-1]["message"].startswith(
        f"No invoice issued: the {first_lines} order lines of 2027-06 are already invoiced.")
    assert len(load_register(source).invoices) == first_count


def test_invoices_invalid_period_reported(office_en, tmp_path):
    source = copy_to(require_example(), tmp_path)

    _result, messages = run_menu(office_en, source, "invoices&period=2027-13&date=2027-06-30")

    assert messages[-1]["kind"] == "error"
    assert "invalid period" in messages[-1]["message"]


def test_dfc_export_same_as_cli(office_en, tmp_path):
    example = require_example()
    by_cli = tmp_path / "cli.jsonld"
    by_menu = tmp_path / "menu.jsonld"
    _cli("dfc", "exporter", str(copy_to(example, tmp_path)), "--output", str(by_cli))

    _result, messages = run_menu(office_en, copy_to(example, tmp_path, "menu.ods"), f"dfc&output={by_menu}")

    assert by_menu.read_text(encoding="utf-8") == by_cli.read_text(encoding="utf-8")
    assert messages[-1]["message"].startswith("Wrote ")
    assert "not checked against the DFC profile" in messages[-1]["message"]


@pytest.mark.parametrize("action", ["check", "add_sheets", "deliveries", "plan", "invoices", "dfc", "about"])
def test_bare_menu_url_runs(office_en, tmp_path, action):
    # The URL exactly as the menu dispatches it: dialogs close at once in
    # headless mode, and nothing may fail unexpectedly or hang.
    source = copy_to(require_example(), tmp_path)

    office_en.call("run", str(source), "-", action, timeout=120)

    assert not [message for message in office_en.messages() if "unexpected error" in message["message"]]
