"""Issuing invoices and credit notes for a workbook: the steps, in a crash-safe order.

1. Take the register's lock, so two runs never take the same number.
2. Read the journal (checking its chain) and compare the workbook's
   register sheet with it.
3. Draft the documents (pure computation), then number them and append
   them to the journal in one atomic write. This is the moment of issue.
4. Write every PDF the journal lists and the folder lacks, each atomically.
5. Write the register sheet into the workbook.

A run killed before step 3 issued nothing; killed after it, the next run
finds the documents in the journal, never drafts their lines again, and
finishes steps 4 and 5. So numbers have no gap and no duplicate.
"""

from __future__ import annotations

import datetime as dt
import logging
from contextlib import closing
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from ..errors import InvoicingError, Location, Problem
from ..i18n import _, get_language
from .checkpoints import checkpoint
from .document import Invoice
from .issuing import number_credit_note, number_invoices
from .layouts import register_layout, register_sheet_is_current
from .periods import Selection
from .register import JOURNAL_NAME, Register, invoices_folder, register_lock, write_atomically

logger = logging.getLogger(__name__)


@dataclass
class IssueResult:
    """The documents a run issued and the files it wrote."""

    issued: list[Invoice] = field(default_factory=list)
    pdfs: list[Path] = field(default_factory=list)
    folder: Path | None = None
    warnings: list[Problem] = field(default_factory=list)
    sheet_written: bool = False
    # Set when the run issued nothing: why, in the user's language.
    nothing_reason: str | None = None
    # Order lines of the selection delivered after the issue date, so not invoiced.
    later_lines: int = 0


def pdf_path(folder: Path, invoice: Invoice) -> Path:
    # "/" is allowed in invoice numbers but not in file names.
    return folder / (invoice.number.replace("/", "_") + ".pdf")


def render_document(invoice: Invoice, profile: str | None, workbook_folder: Path) -> bytes:
    """Return the PDF of a document, with its Factur-X XML embedded unless profile is None."""
    from .facturx import build_cii_xml, embed
    from .pdf import render_pdf

    logo = None
    if invoice.logo:
        logo = Path(invoice.logo)
        if not logo.is_absolute():
            logo = workbook_folder / logo
    pdf = render_pdf(invoice, logo)
    if profile is None:
        return pdf
    return embed(pdf, build_cii_xml(invoice, profile), profile, invoice)


def write_missing_pdfs(register: Register, folder: Path, workbook_folder: Path, profile: str | None,
                       progress=None, workers: int | None = 1) -> list[Path]:
    """Write the PDF of each journal document whose file is missing; return the written paths.

    ``progress`` is called with (PDFs written so far, PDFs to write) after
    each file. ``workers`` is the number of processes rendering PDFs, None
    for every usable core.
    """
    from .parallel import render_documents

    written = []
    missing = [invoice for invoice in register.invoices if not pdf_path(folder, invoice).exists()]
    with closing(render_documents(missing, profile, workbook_folder, workers)) as rendered:
        for index, (invoice, pdf) in enumerate(zip(missing, rendered), start=1):
            path = pdf_path(folder, invoice)
            write_atomically(path, pdf)
            written.append(path)
            if progress is not None:
                progress(index, len(missing))
            checkpoint(f"pdf-{index}")
    return written


def _write_sheet(workbook_path: Path, register: Register, language: str, result: IssueResult) -> None:
    if workbook_path.suffix.lower() not in (".ods", ".xlsx", ".xlsm"):
        result.warnings.append(Problem("warning", _("the register sheet is written only into .ods and .xlsx workbooks"),
                                       Location(file=str(workbook_path)), None, None))
        return
    from ..workbook import write_engine_sheets

    write_engine_sheets(workbook_path, [register_layout(register.invoices, language)])
    result.sheet_written = True


def _load(workbook_path: Path):
    from ..schema.load import load_farm
    from ..workbook import read_workbook

    workbook = read_workbook(workbook_path)
    return workbook, load_farm(workbook)


def _language(language: str | None, data) -> str:
    if language:
        return language
    return get_language()


def _check_workbook_writable(workbook_path: Path, write_sheet: bool) -> None:
    """Raise before anything is issued when the register sheet could not be written afterwards."""
    if not write_sheet or workbook_path.suffix.lower() not in (".ods", ".xlsx", ".xlsm"):
        return
    from ..errors import WorkbookLockedError
    from ..workbook.save import check_not_locked, check_writable

    try:
        check_not_locked(workbook_path)
    except WorkbookLockedError as error:
        # The workbook layer's remedy offers --output, which the invoicing commands lack.
        raise WorkbookLockedError(
            error.message, location=error.location,
            remedy=_("Close the workbook in LibreOffice or Excel and run the command again: nothing was issued. "
                     "If no program has it open, delete the lock file.")) from None
    check_writable(workbook_path)


def issue_invoices(workbook: str | Path, selection: Selection, *, issue_date: dt.date | None = None,
                   language: str | None = None, profile: str | None = "en16931", write_sheet: bool = True,
                   progress=None, workers: int | None = 1,
                   legal_interest_rate: Decimal | None = None) -> IssueResult:
    """Issue the invoices of a selection for a workbook: journal, PDFs and register sheet.

    An order line is invoiced when its delivery date is on or before the
    issue date and it is neither cancelled nor pending. When nothing can be
    invoiced, the result has no document, ``nothing_reason`` gives the reason, and
    no file or folder is created.

    ``profile`` is the Factur-X profile ("en16931" or "basicwl"), or None
    for plain PDFs. ``progress`` is called with (PDFs written, PDFs to
    write) after each PDF. ``workers`` is the number of processes rendering
    PDFs (None: every usable core). The default of 1 suits callers embedded
    in another program, such as LibreOffice, whose ``sys.executable`` is
    not a Python interpreter that worker processes could start from.
    ``legal_interest_rate`` (a fraction) replaces the stored legal interest
    rate when checking the farm's late-payment penalty rate.
    """
    workbook_path = Path(workbook)
    _check_workbook_writable(workbook_path, write_sheet)
    book, data = _load(workbook_path)
    language = _language(language, data)
    folder = invoices_folder(workbook_path)
    result = IssueResult(folder=folder)
    issue_date = issue_date or dt.date.today()

    with register_lock(folder):
        checkpoint("locked")
        register = Register.load(folder)
        numbered = number_invoices(register, book, data, selection, issue_date, language,
                                   legal_interest_rate=legal_interest_rate, workbook_folder=workbook_path.parent)
        result.issued = numbered.issued
        result.warnings.extend(numbered.warnings)
        result.nothing_reason = numbered.nothing_reason
        result.later_lines = numbered.later_lines
        if not register.invoices:
            return result

        # Missing PDFs and sheet rows are written even when this run issued
        # nothing, to finish a run that stopped after its journal write.
        result.pdfs = write_missing_pdfs(register, folder, workbook_path.parent, profile, progress, workers)
        if write_sheet and not register_sheet_is_current(book, register.invoices):
            _write_sheet(workbook_path, register, language, result)
        checkpoint("sheet")
    return result


def issue_credit_note(workbook: str | Path, number: str, *, issue_date: dt.date | None = None,
                      language: str | None = None, profile: str | None = "en16931",
                      write_sheet: bool = True, lines: list[int] | None = None) -> IssueResult:
    """Issue the credit note cancelling invoice ``number`` of a workbook's register.

    The number is matched without case. ``lines`` are the 1-based numbers
    of the invoice lines to credit, as printed; None credits every line not
    credited yet.
    """
    workbook_path = Path(workbook)
    folder = invoices_folder(workbook_path)
    if not (folder / JOURNAL_NAME).exists():
        raise InvoicingError(_("invoice {number} is not in the register").format(number=number.strip()), value=number,
                             location=Location(file=str(folder / JOURNAL_NAME)),
                             remedy=_("No invoice has been issued for this workbook yet: check the name of the workbook."))
    _check_workbook_writable(workbook_path, write_sheet)
    book, data = _load(workbook_path)
    language = _language(language, data)
    result = IssueResult(folder=folder)
    issue_date = issue_date or dt.date.today()

    with register_lock(folder):
        register = Register.load(folder)
        credit_note = number_credit_note(register, book, data, number, issue_date, language, lines)
        result.issued = [credit_note]
        result.pdfs = write_missing_pdfs(register, folder, workbook_path.parent, profile)
        if write_sheet:
            _write_sheet(workbook_path, register, language, result)
    return result


def load_register(workbook: str | Path) -> Register:
    """Read and check the register of a workbook."""
    return Register.load(invoices_folder(Path(workbook)))


def export_journal(workbook: str | Path, fmt: str, output: str | Path | None = None,
                   start: dt.date | None = None, end: dt.date | None = None, language: str | None = None,
                   closing: dt.date | None = None) -> Path:
    """Write the sales journal of the register as CSV or FEC and return its path.

    The CSV's headers and values are in ``language`` (default: the user's);
    the FEC keeps its legal column names. The FEC file is named after the
    closing date of the financial year (LPF art. A47 A-1): ``closing``, or
    else 31 December of the year of the last entry, a calendar financial
    year being the usual case for a farm.
    """
    from .journal import fec_file_name, write_journal

    language = language or get_language()
    register = load_register(workbook)
    invoices = [invoice for invoice in register.invoices
                if (start is None or invoice.issue_date >= start) and (end is None or invoice.issue_date <= end)]
    if output is None:
        folder = invoices_folder(Path(workbook))
        if fmt == "fec":
            if closing is None:
                last = invoices[-1].issue_date if invoices else (end or dt.date.today())
                closing = dt.date(last.year, 12, 31)
            siren = invoices[0].seller.siren if invoices else None
            output = folder / fec_file_name(siren, closing.strftime("%Y%m%d"))
        else:
            output = folder / ("journal-des-ventes.csv" if language == "fr" else "sales-journal.csv")
    Path(output).parent.mkdir(parents=True, exist_ok=True)
    return write_journal(invoices, Path(output), fmt, language)


__all__ = ["IssueResult", "export_journal", "issue_credit_note", "issue_invoices", "load_register", "render_document"]
