"""The invoicing engine sheets: "Registre des factures" and "Facture".

The register sheet is a readable copy of the register journal, rewritten
from the journal on every run. Before that, the rows
it contains are compared with the journal, so that a number or an amount
changed by hand, or a row deleted from the middle, is reported instead of
being silently overwritten. The invoice sheet is in invoice_sheet.py.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from ..errors import InvoicingError, Location
from ..i18n import _, pick
from ..schema.engine_sheets import engine_sheet
from ..workbook.cells import a1
from ..workbook.layout import Column, SheetLayout
from .document import CREDIT_NOTE, Invoice
from .invoice_sheet import invoice_layout
from .journal import signed

__all__ = ["check_register_sheet", "invoice_layout", "register_layout", "register_sheet_is_current"]

HEADER_ROW = 2
NUMBER_COLUMN = 0
TOTAL_COLUMN = 9


def _headers(language: str) -> list[str]:
    return [
        pick("N°", "Number", language), pick("Type", "Kind", language), pick("Date", "Date", language),
        pick("Client", "Customer", language), pick("Du", "From", language), pick("Au", "To", language),
        pick("Total HT", "Total excl. VAT", language), pick("TVA", "VAT", language),
        pick("Remb. forfaitaire", "Flat-rate refund", language), pick("Total TTC", "Total incl. VAT", language),
        pick("Échéance", "Due date", language), pick("Facture d'origine", "Original invoice", language),
    ]


def register_layout(invoices: list[Invoice], language: str) -> SheetLayout:
    """Lay out the register: one row per issued document, in number order."""
    columns = [Column("text", 3.2), Column("text", 2.2), Column("date", 2.4), Column("text", 5), Column("date", 2.4),
               Column("date", 2.4), Column("money", 2.8), Column("money", 2.4), Column("money", 2.8),
               Column("money", 2.8), Column("date", 2.4), Column("text", 3.2)]
    layout = SheetLayout("register", engine_sheet("register").name(language), columns, freeze_rows=HEADER_ROW + 1,
                         landscape=True)
    layout.add_row([pick("Registre des factures", "Invoice register", language)], "title")
    layout.add_row([pick("Copie du registre tenu par Mycélium : ne pas modifier, toute correction passe par un avoir.",
                         "Copy of the register kept by Mycélium: do not edit, every correction is a credit note.",
                         language)], "note")
    layout.add_row(_headers(language), "header")
    for invoice in invoices:
        credit_note = invoice.kind == CREDIT_NOTE
        totals = invoice.totals
        layout.add_row([
            invoice.number, pick("Avoir", "Credit note", language) if invoice.kind == CREDIT_NOTE else pick("Facture", "Invoice", language),
            invoice.issue_date, invoice.buyer.name, invoice.period_start, invoice.period_end,
            signed(totals.lines_total, credit_note), signed(totals.tax_total, credit_note),
            signed(totals.charges_total, credit_note), signed(totals.grand_total, credit_note),
            invoice.due_date, invoice.original_number or "",
        ])
    return layout


def _register_sheet(workbook):
    for name in (engine_sheet("register").name_fr, engine_sheet("register").name_en):
        sheet = workbook.sheet(name) if workbook is not None else None
        if sheet is not None:
            return sheet
    return None


def register_sheet_is_current(workbook, invoices: list[Invoice]) -> bool:
    """Return whether the workbook's register sheet lists exactly these documents' numbers."""
    sheet = _register_sheet(workbook)
    if sheet is None:
        return False
    numbers = [str(row[NUMBER_COLUMN]) for row in sheet.rows[HEADER_ROW + 1:] if row and row[NUMBER_COLUMN] not in (None, "")]
    return numbers == [invoice.number for invoice in invoices]


def check_register_sheet(workbook, invoices: list[Invoice]) -> None:
    """Compare the register sheet of a workbook with the journal; raise InvoicingError if it was edited.

    Rows missing at the end are accepted, because a run stopped after
    writing the journal and before saving the workbook leaves them out; the
    next run writes them.
    """
    sheet = _register_sheet(workbook)
    if sheet is None:
        return
    rows = sheet.rows[HEADER_ROW + 1:]
    remedy = _("Do not edit the register: issued invoices never change. Undo the change in the workbook, or issue a credit note.")
    for offset, row in enumerate(rows):
        row_index = HEADER_ROW + 1 + offset
        number = row[NUMBER_COLUMN] if row else None
        if number in (None, ""):
            if any(value not in (None, "") for value in row):
                raise InvoicingError(_("the invoice register has a row without a number"),
                                     location=Location(file=str(workbook.path), sheet=sheet.name, cell=a1(row_index, 0)),
                                     remedy=remedy)
            continue
        if offset >= len(invoices):
            raise InvoicingError(_("the invoice register lists a number that was never issued"),
                                 location=Location(file=str(workbook.path), sheet=sheet.name, cell=a1(row_index, 0)),
                                 value=number, remedy=remedy)
        invoice = invoices[offset]
        if str(number) != invoice.number:
            raise InvoicingError(
                _("the invoice register was edited: expected number {expected} on this row").format(expected=invoice.number),
                location=Location(file=str(workbook.path), sheet=sheet.name, cell=a1(row_index, 0)), value=number,
                remedy=remedy)
        total = row[TOTAL_COLUMN] if len(row) > TOTAL_COLUMN else None
        sign = -1 if invoice.kind == CREDIT_NOTE else 1
        try:
            found = Decimal(str(total)).quantize(Decimal("0.01"))
        except (InvalidOperation, ValueError):
            found = None
        if found != sign * invoice.totals.grand_total:
            raise InvoicingError(
                _("the invoice register was edited: the total of {number} is {expected}").format(
                    number=invoice.number, expected=sign * invoice.totals.grand_total),
                location=Location(file=str(workbook.path), sheet=sheet.name, cell=a1(row_index, TOTAL_COLUMN)),
                value=total, remedy=remedy)
