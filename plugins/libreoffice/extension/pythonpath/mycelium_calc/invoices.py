"""Issuing invoices from LibreOffice: the engine's register, LibreOffice's PDF export.

The steps and their order are those of ``mycelium_sheets.invoicing.service``
(lock, check, draft, number and journal, PDFs, register sheet), with two
differences. The workbook is the open document, and each PDF is LibreOffice's
export of the "Facture" sheet, because the command line's PDF writer needs
fpdf2 and Pillow, which LibreOffice's Python lacks. For the same reason
(factur-x needs lxml) these PDFs carry no Factur-X XML.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from mycelium_sheets.errors import InvoicingError, Location
from mycelium_sheets.i18n import _
from mycelium_sheets.invoicing.build import draft_invoices, with_number
from mycelium_sheets.invoicing.layouts import check_register_sheet, register_layout
from mycelium_sheets.invoicing.numbering import format_number, invoice_prefix
from mycelium_sheets.invoicing.register import Register, invoices_folder, register_lock
from mycelium_sheets.invoicing.service import IssueResult, pdf_path

from .invoice_sheet import DESCRIPTION_COLUMN, NUMBER_COLUMNS, PAGE_MARGIN, invoice_layout, line_rows
from .rendering import write_layouts

RIGHT = "RIGHT"  # com.sun.star.table.CellHoriJustify
INVOICE_PAGE_STYLE = "Mycélium facture"


def _properties(**values) -> tuple:
    import uno

    result = []
    for name, value in values.items():
        item = uno.createUnoStruct("com.sun.star.beans.PropertyValue")
        item.Name, item.Value = name, value
        result.append(item)
    return tuple(result)


def export_sheet_pdf(document, sheet_name: str, target: Path) -> None:
    """Export the used area of one sheet to a PDF file, through a temporary name in the same folder."""
    import uno

    sheet = document.getSheets().getByName(sheet_name)
    cursor = sheet.createCursor()
    cursor.gotoEndOfUsedArea(False)
    end = cursor.getRangeAddress()
    selection = sheet.getCellRangeByPosition(0, 0, end.EndColumn, end.EndRow)
    temporary = target.with_name("." + target.name + ".part")
    filter_data = uno.Any("[]com.sun.star.beans.PropertyValue", _properties(Selection=selection))
    document.storeToURL(uno.systemPathToFileUrl(str(temporary)),
                        _properties(FilterName="calc_pdf_Export", FilterData=filter_data))
    os.replace(temporary, target)


def _invoice_page_style(document) -> str:
    """Return the page style of invoices: A4 portrait, 1.5 cm margins, no header or footer."""
    styles = document.getStyleFamilies().getByName("PageStyles")
    if not styles.hasByName(INVOICE_PAGE_STYLE):
        style = document.createInstance("com.sun.star.style.PageStyle")
        styles.insertByName(INVOICE_PAGE_STYLE, style)
        style.HeaderIsOn = False
        style.FooterIsOn = False
        style.LeftMargin = style.RightMargin = style.TopMargin = style.BottomMargin = PAGE_MARGIN
    return INVOICE_PAGE_STYLE


def _render_invoice(document, invoice, path) -> str:
    import uno

    layout = invoice_layout(invoice)
    write_layouts(document, [layout], path)
    sheet = document.getSheets().getByName(layout.name)
    sheet.PageStyle = _invoice_page_style(document)
    for column in NUMBER_COLUMNS:
        cells = sheet.getCellRangeByPosition(column, 0, column, max(len(layout.rows) - 1, 0))
        cells.HoriJustify = uno.Enum("com.sun.star.table.CellHoriJustify", RIGHT)
    lines = line_rows(layout)
    if len(lines):
        sheet.getCellRangeByPosition(DESCRIPTION_COLUMN, lines.start, DESCRIPTION_COLUMN, lines.stop - 1).IsTextWrapped = True
        # com.sun.star.table.CellVertJustify2.TOP, so a wrapped line's other cells sit on its first text line.
        sheet.getCellRangeByPosition(0, lines.start, len(layout.columns) - 1, lines.stop - 1).VertJustify = 1
        rows = sheet.getRows()
        for row in lines:
            rows.getByIndex(row).OptimalHeight = True
    return layout.name


def issue_from_document(document, workbook, data, workbook_path: Path, selection, issue_date: dt.date,
                        language: str, progress=None) -> tuple[IssueResult, list[Path]]:
    """Issue the invoices of a selection; return the result and the PDFs written.

    ``workbook`` and ``data`` were read from ``document``, which must be
    saved as ``workbook_path``: the register lives in the folder beside it.
    """
    folder = invoices_folder(workbook_path)
    result = IssueResult(folder=folder)

    with register_lock(folder):
        register = Register.load(folder)
        check_register_sheet(workbook, register.invoices)
        last = register.last_issue_date
        if last and issue_date < last:
            raise InvoicingError(
                _("the issue date is before the last invoice in the register ({date})").format(date=last.isoformat()),
                value=issue_date.isoformat(), remedy=_("Invoices are numbered in date order: give a date on or after it."))
        prefix = invoice_prefix(data.farm) if data.farm else None

        drafts = draft_invoices(data, selection, issue_date, language, register.invoiced_lines())
        result.warnings.extend(drafts.warnings)
        numbered = []
        for offset, draft in enumerate(drafts.invoices):
            sequence = register.next_sequence + offset
            numbered.append(with_number(draft, format_number(prefix, sequence), sequence))
        # The moment of issue: numbers are taken once the journal is written.
        register.append(numbered)
        result.issued = numbered

        written = []
        missing = [invoice for invoice in register.invoices if not pdf_path(folder, invoice).exists()]
        for index, invoice in enumerate(missing, start=1):
            sheet_name = _render_invoice(document, invoice, workbook_path)
            export_sheet_pdf(document, sheet_name, pdf_path(folder, invoice))
            written.append(pdf_path(folder, invoice))
            if progress is not None:
                progress(index, invoice.number)
        result.pdfs = written

        write_layouts(document, [register_layout(register.invoices, language)], workbook_path)
        result.sheet_written = True
    return result, written


def require_saved(document, path: Path) -> None:
    """Raise when the document has no file yet: the invoice register is kept beside the file."""
    if not document.getURL().startswith("file:"):
        raise InvoicingError(
            _("the workbook has never been saved"), location=Location(file=str(path)),
            remedy=_("Save the workbook (File ▸ Save As), then generate the invoices again."),
        )
