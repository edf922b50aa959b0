import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from mycelium_sheets.errors import InvoicingError
from mycelium_sheets.i18n import set_language
from mycelium_sheets.invoicing import invoices_folder, issue_invoices, load_register, month_selection
from mycelium_sheets.invoicing.register import JOURNAL_NAME, register_lock

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


def test_edited_register_sheet_is_detected(workbook):
    from mycelium_sheets.invoicing.layouts import check_register_sheet, register_layout
    from mycelium_sheets.workbook import Sheet, Workbook

    issue_invoices(workbook, month_selection("2027-06"), issue_date=ISSUED, profile=None, write_sheet=False)
    invoices = load_register(workbook).invoices
    layout = register_layout(invoices, "fr")
    rows = [list(row) for row in layout.rows]
    book = Workbook(Path(workbook), "xlsx", {layout.name: Sheet(layout.name, rows)})
    check_register_sheet(book, invoices)  # an untouched copy passes

    rows[3][0] = "FT-00009"
    with pytest.raises(InvoicingError, match="A4"):
        check_register_sheet(book, invoices)
    rows[3][0] = invoices[0].number
    del rows[3]  # a row deleted from the middle shifts the next number up
    with pytest.raises(InvoicingError, match="A4"):
        check_register_sheet(book, invoices)


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
