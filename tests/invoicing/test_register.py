import datetime as dt
import json
from decimal import Decimal
import os
import subprocess
import sys
from pathlib import Path

import pytest

from mycelium_sheets.errors import InvoicingError
from mycelium_sheets.i18n import set_language
from mycelium_sheets.invoicing import invoices_folder, issue_invoices, load_register, month_selection
from mycelium_sheets.invoicing.register import JOURNAL_NAME, register_lock

from .conftest import write_ods_workbook, write_workbook

REPO = Path(__file__).parents[2]
ISSUED = dt.date(2027, 6, 30)


@pytest.fixture(autouse=True)
def english():
    set_language("en")


def run_cli(workbook, kill_at=None):
    environment = dict(os.environ, PYTHONPATH=str(REPO))
    if kill_at:
        environment["MYCELIUM_INVOICING_KILL_AT"] = kill_at
    command = [sys.executable, "-c", "from mycelium_sheets.cli import main; main()", "--lang", "en", "invoices",
               str(workbook), "--period", "2027-06", "--date", ISSUED.isoformat(), "--profile", "none"]
    return subprocess.run(command, env=environment, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("step", ["locked", "drafted", "journal", "pdf-1", "sheet"])
def test_killed_run_leaves_no_gap_or_duplicate(workbook, step):
    killed = run_cli(workbook, kill_at=step)
    assert killed.returncode == -9

    finished = run_cli(workbook)
    assert finished.returncode == 0, finished.stderr
    again = run_cli(workbook)
    assert again.returncode == 0, again.stderr

    register = load_register(workbook)
    numbers = [invoice.number for invoice in register.invoices]
    # Two customers delivered in June: the restaurant (week 23) and Marie (monthly).
    assert numbers == ["FT-00001", "FT-00002"]
    pdfs = sorted(path.name for path in invoices_folder(workbook).glob("*.pdf"))
    assert pdfs == ["FT-00001.pdf", "FT-00002.pdf"]


def test_rerun_issues_nothing(workbook):
    first = issue_invoices(workbook, month_selection("2027-06"), issue_date=ISSUED, profile=None)
    second = issue_invoices(workbook, month_selection("2027-06"), issue_date=ISSUED, profile=None)
    assert len(first.issued) == 2
    assert second.issued == []


def test_edited_journal_is_detected(workbook):
    issue_invoices(workbook, month_selection("2027-06"), issue_date=ISSUED, profile=None)
    journal = invoices_folder(workbook) / JOURNAL_NAME
    lines = journal.read_text(encoding="utf-8").splitlines()
    entry = json.loads(lines[0])
    entry["invoice"]["totals"]["grand_total"] = "1.00"
    journal.write_text("\n".join([json.dumps(entry)] + lines[1:]) + "\n", encoding="utf-8")
    with pytest.raises(InvoicingError, match="line 1"):
        load_register(workbook)


def test_deleted_journal_line_is_detected(workbook):
    issue_invoices(workbook, month_selection("2027-06"), issue_date=ISSUED, profile=None)
    journal = invoices_folder(workbook) / JOURNAL_NAME
    lines = journal.read_text(encoding="utf-8").splitlines()
    journal.write_text(lines[1] + "\n", encoding="utf-8")
    with pytest.raises(InvoicingError, match="gap"):
        load_register(workbook)


def _workbook_in(tmp_path, fmt, june_orders):
    """Write the June workbook, plus a July delivery for the restaurant, as .xlsx or .ods."""
    orders = [*june_orders, (dt.datetime(2027, 7, 6), "Bistrot", "Tomate", 2, None, None)]
    if fmt == "xlsx":
        return write_workbook(tmp_path / "ferme.xlsx", orders=orders)
    return write_ods_workbook(tmp_path / "ferme.ods", orders=orders)


def _edit_register(path, fmt, edit):
    """Edit the written "Registre des factures" sheet: openpyxl for .xlsx, write_sheet_edits for .ods.

    Row 4 (index 3) is the first invoice: A is its number and J its total.
    """
    sheet = "Registre des factures"
    if fmt == "xlsx":
        from openpyxl import load_workbook

        book = load_workbook(path)
        if edit == "number":
            book[sheet]["A4"] = "FT-00009"
        elif edit == "total":
            book[sheet]["J4"] = 20.0
        else:
            book[sheet].delete_rows(4)
        book.save(path)
        return

    from mycelium_sheets.workbook import SheetEdits, write_sheet_edits

    cells = {"number": {(3, 0): "FT-00009"}, "total": {(3, 9): Decimal("20.00")}}[edit]
    write_sheet_edits(path, {sheet: SheetEdits(set_cells=cells)}, backup=False)


@pytest.mark.parametrize("fmt, edit, cell", [
    ("xlsx", "number", "A4"),
    ("xlsx", "total", "J4"),
    ("xlsx", "delete", "A4"),  # the second invoice moves up to row 4
    ("ods", "number", "A4"),
    ("ods", "total", "J4"),
])
def test_edited_register_file_stops_issuing(tmp_path, june_orders, fmt, edit, cell):
    path = _workbook_in(tmp_path, fmt, june_orders)
    june = issue_invoices(path, month_selection("2027-06"), issue_date=ISSUED, profile=None, language="fr")
    assert june.sheet_written
    assert [invoice.number for invoice in june.issued] == ["FT-00001", "FT-00002"]

    _edit_register(path, fmt, edit)
    edited = path.read_bytes()
    journal = (invoices_folder(path) / JOURNAL_NAME).read_bytes()
    with pytest.raises(InvoicingError) as raised:
        issue_invoices(path, month_selection("2027-07"), issue_date=dt.date(2027, 7, 31), profile=None, language="fr")

    error = raised.value
    assert error.location.sheet == "Registre des factures"
    assert error.location.cell == cell
    assert "edited" in error.message or "never issued" in error.message
    # Nothing issued: the journal, the PDFs and the workbook are as they were.
    assert (invoices_folder(path) / JOURNAL_NAME).read_bytes() == journal
    assert sorted(pdf.name for pdf in invoices_folder(path).glob("*.pdf")) == ["FT-00001.pdf", "FT-00002.pdf"]
    assert path.read_bytes() == edited


@pytest.mark.parametrize("fmt", ["xlsx", "ods"])
def test_untouched_register_file_lets_next_month_through(tmp_path, june_orders, fmt):
    path = _workbook_in(tmp_path, fmt, june_orders)
    issue_invoices(path, month_selection("2027-06"), issue_date=ISSUED, profile=None, language="fr")

    july = issue_invoices(path, month_selection("2027-07"), issue_date=dt.date(2027, 7, 31), profile=None,
                          language="fr")
    # The July tomatoes of the restaurant: 2 kg × 4.50 = 9.00, VAT 0.495 → 0.50, 9.50 in all.
    assert [(invoice.number, invoice.totals.grand_total) for invoice in july.issued] == [("FT-00003", Decimal("9.50"))]

    from mycelium_sheets.workbook import read_workbook

    rows = read_workbook(path).sheet("Registre des factures").rows
    assert [row[0] for row in rows[3:6]] == ["FT-00001", "FT-00002", "FT-00003"]


def test_second_run_at_once_is_rejected(workbook):
    folder = invoices_folder(workbook)
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time; from pathlib import Path; from mycelium_sheets.invoicing.register import register_lock\n"
         "with register_lock(Path(sys.argv[1])):\n    print('held', flush=True); time.sleep(30)", str(folder)],
        env=dict(os.environ, PYTHONPATH=str(REPO)), stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(InvoicingError, match="another invoicing run"):
            with register_lock(folder):
                pass
    finally:
        holder.kill()
        holder.wait()


def test_issue_date_before_last_invoice(workbook):
    issue_invoices(workbook, month_selection("2027-06"), issue_date=ISSUED, profile=None)
    with pytest.raises(InvoicingError, match="before the last invoice"):
        issue_invoices(workbook, month_selection("2027-07"), issue_date=dt.date(2027, 6, 29), profile=None)


@pytest.mark.parametrize("typed, first", [
    ("FA2027-0003", "FA2027-00003"),  # a zero left out: same prefix, sequence 3
    ("fa2027-3", "FA2027-00003"),
    ("FA2027-000012", "FA2027-00012"),  # a zero too many
])
def test_close_numbers_compare_sequence_value(workbook, typed, first):
    import dataclasses

    from mycelium_sheets.invoicing import draft_invoices
    from mycelium_sheets.invoicing.register import Entry, Register
    from mycelium_sheets.schema.load import load_farm

    drafted = draft_invoices(load_farm(workbook), month_selection("2027-06"), dt.date(2027, 6, 30), "fr").invoices[0]
    # FA2027-00001 to FA2027-00035: by spelling alone, FA2027-00030 to 00035 are as close to
    # FA2027-0003 as FA2027-00003 is, and would fill the three suggestions.
    entries = [Entry(sequence, dataclasses.replace(drafted, number=f"FA2027-{sequence:05d}", sequence=sequence), {})
               for sequence in range(1, 36)]

    suggestions = Register(Path("factures"), entries).close_numbers(typed)

    assert suggestions[0] == first
    assert len(suggestions) == 3
