"""The moment of issue: numbering drafted documents and appending them to the journal.

The command line (service.py) and the LibreOffice extension both call these
functions while they hold the register's lock, so invoice numbers are
taken by a single implementation. Standard library only, because the
extension runs it in LibreOffice's bundled Python.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from ..errors import InvoicingError, Location, Problem
from ..i18n import _, get_language, ngettext
from ..model.farm_data import FarmData
from .build import draft_invoices, with_number
from .checkpoints import checkpoint
from .credit_notes import draft_credit_note
from .document import Invoice
from .layouts import check_register_sheet
from .mentions import date_text
from .numbering import format_number, invoice_prefix
from .periods import Selection
from .register import Register

logger = logging.getLogger(__name__)


@dataclass
class Numbered:
    """The documents numbered and journaled by one run, and why some order lines were left out."""

    issued: list[Invoice] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    # Set when nothing was issued: the reason, in the user's language.
    nothing_reason: str | None = None
    later_lines: int = 0


def check_before_issue(register: Register, workbook, issue_date: dt.date) -> None:
    """Raise InvoicingError when the register sheet was edited or the issue date precedes the last document."""
    check_register_sheet(workbook, register.invoices)
    last = register.last_issue_date
    if last and issue_date < last:
        language = get_language()
        raise InvoicingError(
            _("the issue date is before the last invoice in the register ({date})").format(
                date=date_text(last, language)),
            value=date_text(issue_date, language),
            remedy=_("Invoices are numbered in date order: give a date on or after it."))


def append_numbered(register: Register, drafts: list[Invoice], prefix: str) -> list[Invoice]:
    """Give drafts the next numbers of the series and append them to the journal; return them numbered.

    The journal write is the moment of issue: until it succeeds, no number is taken.
    """
    numbered = []
    for offset, draft in enumerate(drafts):
        sequence = register.next_sequence + offset
        numbered.append(with_number(draft, format_number(prefix, sequence), sequence))
    register.append(numbered)
    logger.info("issued %d documents in %s", len(numbered), register.path)
    return numbered


def number_invoices(register: Register, workbook, data: FarmData, selection: Selection, issue_date: dt.date,
                    language: str, *, legal_interest_rate: Decimal | None = None,
                    workbook_folder: Path | None = None) -> Numbered:
    """Check, draft, number and journal the invoices of a selection; call it while holding the register's lock.

    ``workbook`` is the workbook read from the file (or the open document),
    whose register sheet is compared with the journal. ``workbook_folder``,
    when given, is where a relative logo path is looked up. Raises
    InvoicingError before anything is written when an invoice cannot be
    issued lawfully.
    """
    check_before_issue(register, workbook, issue_date)
    prefix = invoice_prefix(data.farm) if data.farm else None

    drafts = draft_invoices(data, selection, issue_date, language, register.invoiced_lines(), legal_interest_rate)
    result = Numbered(warnings=list(drafts.warnings), later_lines=drafts.later_lines)
    if drafts.invoices and workbook_folder is not None:
        _check_logo(drafts.invoices[0], workbook_folder, data)
    checkpoint("drafted")

    if not drafts.invoices:
        result.nothing_reason = _nothing_reason(drafts, selection, issue_date)
        return result
    if drafts.later_lines:
        result.warnings.append(Problem("warning", _later_text(drafts.later_lines, issue_date)))

    result.issued = append_numbered(register, drafts.invoices, prefix)
    checkpoint("journal")
    return result


def number_credit_note(register: Register, workbook, data: FarmData, number: str, issue_date: dt.date,
                       language: str, lines: list[int] | None = None) -> Invoice:
    """Check, draft, number and journal the credit note of invoice ``number``; call it holding the lock.

    The number is looked up first, without case, so a mistyped one is
    reported before any other check.
    """
    original = register.find(number)
    if original is None:
        close = register.close_numbers(number)
        last = [invoice.number for invoice in register.invoices[-3:]]
        raise InvoicingError(
            _("invoice {number} is not in the register").format(number=number.strip()),
            location=Location(file=str(register.path)), value=number,
            remedy=(_("Did you mean {numbers}?").format(numbers=", ".join(close)) if close else
                    _("Give the number of an issued invoice (the last ones are {numbers}).").format(
                        numbers=", ".join(last) or _("none"))))
    if data.farm is None:
        raise InvoicingError(_("the farm sheet is missing"), remedy=_("Add the “Ferme” sheet."))

    check_before_issue(register, workbook, issue_date)
    draft = draft_credit_note(register, original.number, issue_date, language, lines)
    return append_numbered(register, [draft], invoice_prefix(data.farm))[0]


def _later_text(count: int, issue_date: dt.date) -> str:
    return ngettext("{count} order line of the period is delivered after the issue date {date} and is not invoiced",
                    "{count} order lines of the period are delivered after the issue date {date} and are not invoiced",
                    count).format(count=count, date=date_text(issue_date, get_language()))


def _nothing_reason(drafts, selection: Selection, issue_date: dt.date) -> str:
    if drafts.later_lines:
        return _later_text(drafts.later_lines, issue_date)
    if drafts.already_invoiced:
        return ngettext("the {count} order line of {period} is already invoiced",
                        "the {count} order lines of {period} are already invoiced",
                        drafts.already_invoiced).format(count=drafts.already_invoiced, period=selection.label)
    if any(problem.severity == "warning" for problem in drafts.problems):
        return _("no order line of {period} can be invoiced: see the warnings").format(period=selection.label)
    return _("no delivered order line in {period}").format(period=selection.label)


def _check_logo(invoice: Invoice, workbook_folder: Path, data: FarmData) -> None:
    if not invoice.logo:
        return
    logo = Path(invoice.logo)
    if not logo.is_absolute():
        logo = workbook_folder / logo
    if not logo.exists():
        raise InvoicingError(_("the logo file is not found"),
                             location=data.farm.source.location("logo") if data.farm and data.farm.source else None,
                             value=invoice.logo, remedy=_("Give the path of a PNG or JPEG file, relative to the workbook."))
