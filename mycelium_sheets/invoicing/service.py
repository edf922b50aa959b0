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
from .build import draft_invoices, with_number
from .checkpoints import checkpoint
from .credit_notes import draft_credit_note
from .document import Invoice
from .layouts import check_register_sheet, register_layout
from .numbering import format_number, invoice_prefix
from .periods import Selection
from .register import Register, invoices_folder, register_lock, write_atomically

logger = logging.getLogger(__name__)


@dataclass
class IssueResult:
    """The documents a run issued and the files it wrote."""

    issued: list[Invoice] = field(default_factory=list)
    pdfs: list[Path] = field(default_factory=list)
    folder: Path | None = None
    warnings: list[Problem] = field(default_factory=list)
    sheet_written: bool = False


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


def _check_logo(invoice: Invoice, workbook_folder: Path, data) -> None:
    if not invoice.logo:
        return
    logo = Path(invoice.logo)
    if not logo.is_absolute():
        logo = workbook_folder / logo
    if not logo.exists():
        raise InvoicingError(_("the logo file is not found"),
                             location=data.farm.source.location("logo") if data.farm and data.farm.source else None,
                             value=invoice.logo, remedy=_("Give the path of a PNG or JPEG file, relative to the workbook."))


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


def issue_invoices(workbook: str | Path, selection: Selection, *, issue_date: dt.date | None = None,
                   language: str | None = None, profile: str | None = "en16931", write_sheet: bool = True,
                   progress=None, workers: int | None = 1,
                   legal_interest_rate: Decimal | None = None) -> IssueResult:
    """Issue the invoices of a selection for a workbook: journal, PDFs and register sheet.

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
    book, data = _load(workbook_path)
    language = _language(language, data)
    folder = invoices_folder(workbook_path)
    result = IssueResult(folder=folder)
    issue_date = issue_date or dt.date.today()

    with register_lock(folder):
        checkpoint("locked")
        register = Register.load(folder)
        check_register_sheet(book, register.invoices)
        last = register.last_issue_date
        if last and issue_date < last:
            raise InvoicingError(
                _("the issue date is before the last invoice in the register ({date})").format(date=last.isoformat()),
                value=issue_date.isoformat(), remedy=_("Invoices are numbered in date order: give a date on or after it."))
        prefix = invoice_prefix(data.farm) if data.farm else None

        drafts = draft_invoices(data, selection, issue_date, language, register.invoiced_lines(), legal_interest_rate)
        result.warnings.extend(drafts.warnings)
        for draft in drafts.invoices[:1]:
            _check_logo(draft, workbook_path.parent, data)
        checkpoint("drafted")

        numbered = []
        for offset, draft in enumerate(drafts.invoices):
            sequence = register.next_sequence + offset
            numbered.append(with_number(draft, format_number(prefix, sequence), sequence))
        register.append(numbered)
        result.issued = numbered
        logger.info("issued %d invoices in %s", len(numbered), register.path)
        checkpoint("journal")

        result.pdfs = write_missing_pdfs(register, folder, workbook_path.parent, profile, progress, workers)
        if write_sheet:
            _write_sheet(workbook_path, register, language, result)
        checkpoint("sheet")
    return result


def issue_credit_note(workbook: str | Path, number: str, *, issue_date: dt.date | None = None,
                      language: str | None = None, profile: str | None = "en16931",
                      write_sheet: bool = True, lines: list[int] | None = None) -> IssueResult:
    """Issue the credit note cancelling invoice ``number`` of a workbook's register.

    ``lines`` are the 1-based numbers of the invoice lines to credit, as
    printed; None credits every line not credited yet.
    """
    workbook_path = Path(workbook)
    book, data = _load(workbook_path)
    language = _language(language, data)
    folder = invoices_folder(workbook_path)
    result = IssueResult(folder=folder)
    issue_date = issue_date or dt.date.today()

    with register_lock(folder):
        register = Register.load(folder)
        check_register_sheet(book, register.invoices)
        last = register.last_issue_date
        if last and issue_date < last:
            raise InvoicingError(
                _("the issue date is before the last invoice in the register ({date})").format(date=last.isoformat()),
                value=issue_date.isoformat(), remedy=_("Invoices are numbered in date order: give a date on or after it."))
        if data.farm is None:
            raise InvoicingError(_("the farm sheet is missing"), remedy=_("Add the “Ferme” sheet."))
        draft = draft_credit_note(register, number, issue_date, language, lines)
        sequence = register.next_sequence
        credit_note = with_number(draft, format_number(invoice_prefix(data.farm), sequence), sequence)
        register.append([credit_note])
        result.issued = [credit_note]
        result.pdfs = write_missing_pdfs(register, folder, workbook_path.parent, profile)
        if write_sheet:
            _write_sheet(workbook_path, register, language, result)
    return result


def load_register(workbook: str | Path) -> Register:
    """Read and check the register of a workbook."""
    return Register.load(invoices_folder(Path(workbook)))


def export_journal(workbook: str | Path, fmt: str, output: str | Path | None = None,
                   start: dt.date | None = None, end: dt.date | None = None) -> Path:
    """Write the sales journal of the register as CSV or FEC and return its path."""
    from .journal import fec_file_name, write_journal

    register = load_register(workbook)
    invoices = [invoice for invoice in register.invoices
                if (start is None or invoice.issue_date >= start) and (end is None or invoice.issue_date <= end)]
    if output is None:
        folder = invoices_folder(Path(workbook))
        if fmt == "fec":
            closing = (end or (invoices[-1].issue_date if invoices else dt.date.today())).strftime("%Y%m%d")
            siren = invoices[0].seller.siren if invoices else None
            output = folder / fec_file_name(siren, closing)
        else:
            output = folder / "journal-des-ventes.csv"
    Path(output).parent.mkdir(parents=True, exist_ok=True)
    return write_journal(invoices, Path(output), fmt)


__all__ = ["IssueResult", "export_journal", "issue_credit_note", "issue_invoices", "load_register", "render_document"]
