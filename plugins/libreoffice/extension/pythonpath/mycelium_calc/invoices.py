"""Issuing invoices from LibreOffice: the engine's register, LibreOffice's PDF export.

Numbering and the journal write are the engine's own function
``mycelium_sheets.invoicing.issuing.number_invoices``, called inside the
register's lock as the command line calls it. Two steps differ. The
workbook is the open document, and each PDF is LibreOffice's export of the
"Facture" sheet laid out by ``mycelium_sheets.invoicing.layouts.invoice_layout``,
because the command line's PDF writer needs fpdf2 and Pillow, which
LibreOffice's Python lacks. For the same reason (factur-x needs lxml) these
PDFs carry no Factur-X XML.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from mycelium_sheets.errors import InvoicingError, Location
from mycelium_sheets.i18n import _
from mycelium_sheets.invoicing.issuing import number_invoices
from mycelium_sheets.invoicing.layouts import invoice_layout, register_layout
from mycelium_sheets.invoicing.register import Register, invoices_folder, register_lock
from mycelium_sheets.invoicing.service import IssueResult, pdf_path

from .rendering import write_layouts


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


INVOICE_PAGE_STYLE = "Mycélium facture"
PAGE_MARGIN = 1500  # 1/100 mm


def _invoice_page_style(document) -> str:
    """Return the page style of invoices: A4 portrait, 1.5 cm margins, no header or footer.

    The default page style's header and footer would print the sheet name
    and a page number in the middle of the invoice's texts.
    """
    styles = document.getStyleFamilies().getByName("PageStyles")
    if not styles.hasByName(INVOICE_PAGE_STYLE):
        style = document.createInstance("com.sun.star.style.PageStyle")
        styles.insertByName(INVOICE_PAGE_STYLE, style)
        style.HeaderIsOn = False
        style.FooterIsOn = False
        style.LeftMargin = style.RightMargin = style.TopMargin = style.BottomMargin = PAGE_MARGIN
    return INVOICE_PAGE_STYLE


def _render_invoice(document, invoice, farm, language: str, path) -> str:
    layout = invoice_layout(invoice, farm, language)
    write_layouts(document, [layout], path)
    document.getSheets().getByName(layout.name).PageStyle = _invoice_page_style(document)
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
        numbered = number_invoices(register, workbook, data, selection, issue_date, language,
                                   workbook_folder=workbook_path.parent)
        result.issued = numbered.issued
        result.warnings.extend(numbered.warnings)
        result.nothing_reason = numbered.nothing_reason
        result.later_lines = numbered.later_lines
        if not register.invoices:
            return result, []

        # PDFs of a run stopped after its journal write are made here too.
        written = []
        missing = [invoice for invoice in register.invoices if not pdf_path(folder, invoice).exists()]
        for index, invoice in enumerate(missing, start=1):
            sheet_name = _render_invoice(document, invoice, data.farm, language, workbook_path)
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
