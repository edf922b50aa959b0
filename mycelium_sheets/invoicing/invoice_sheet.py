"""The "Facture"/"Invoice" engine sheet: one invoice laid out for printing on A4 portrait.

The LibreOffice extension writes this sheet and exports it with
LibreOffice's own PDF export when fpdf2 is not available. Every text comes
from printed.py and from ``Invoice.mentions``, as in the fpdf2 PDF, so both
documents carry the same mentions. Amounts, quantities, rates and dates are
typed cell values with number formats, so the farmer can check the sums in
the sheet. Standard library only.
"""

from __future__ import annotations

import struct
import textwrap
from pathlib import Path

from ..model.farm import Farm
from ..schema.engine_sheets import engine_sheet
from ..workbook.layout import Column, Image, SheetLayout
from . import printed
from .document import Invoice

# Columns of the lines table: delivery date, description, quantity, unit,
# unit price, VAT rate and amount. The widths add up to 16.6 cm, within the
# 17 cm printable width of A4 with LibreOffice's default 2 cm margins. The
# date column fits a full date such as 2027-06-08 in 10-point text.
COLUMNS = (
    Column("date", 2.3), Column("text", 5.1), Column("quantity", 1.4), Column("text", 1.6), Column("money", 2.2),
    Column("percent", 1.5), Column("money", 2.5),
)
DESCRIPTION_COLUMN = 1
TITLE_COLUMN = 4
BASE_COLUMN = 4
RATE_COLUMN = 5
AMOUNT_COLUMN = 6

# Writers differ on long texts: the .ods writer wraps a text cell within its
# column, and LibreOffice lets it overflow into empty cells on its right. So
# the seller, document and buyer blocks are stacked in the widest column,
# and mentions are cut into rows short enough for the full width (16.6 cm
# fits about 90 characters of 10-point text, an estimate).
MENTION_ROW_CHARACTERS = 85

LOGO_HEIGHT_CM = 2.2


def _text_row(layout: SheetLayout, cells: dict[int, str], kind: str | None = None) -> int:
    """Append a row of texts placed by column; the texts keep the text format whatever the column's format."""
    values = [""] * len(COLUMNS)
    for column, text in cells.items():
        values[column] = text
    row = layout.add_row(values, kind)
    for column, text in cells.items():
        if text:
            layout.cell_formats[(row, column)] = "text"
    return row


def _png_size(path: Path) -> tuple[int, int] | None:
    """Return (width, height) in pixels of a PNG file, or None if the file is not a readable PNG."""
    try:
        with open(path, "rb") as handle:
            header = handle.read(24)
    except OSError:
        return None
    if len(header) < 24 or header[:8] != b"\x89PNG\r\n\x1a\n" or header[12:16] != b"IHDR":
        return None
    width, height = struct.unpack(">II", header[16:24])
    return (width, height) if width and height else None


def _logo(invoice: Invoice, farm: Farm | None) -> Image | None:
    """Return the farm's PNG logo anchored at the top left, or None.

    A relative path is taken from the folder of the workbook the farm was read from.
    """
    logo = invoice.logo or (farm.logo if farm else None)
    if not logo:
        return None
    path = Path(logo)
    if not path.is_absolute():
        source_file = farm.source.file if farm and farm.source else None
        if not source_file:
            return None
        path = Path(source_file).parent / path
    # NOTE: the layout's images are PNG only, so a JPEG logo prints in the fpdf2 PDF but not in this sheet.
    size = _png_size(path)
    if size is None:
        return None
    width_cm = LOGO_HEIGHT_CM * size[0] / size[1]
    return Image(path, 0, 0, width_cm, LOGO_HEIGHT_CM)


def _header(layout: SheetLayout, invoice: Invoice, words: dict[str, str]) -> None:
    _text_row(layout, {DESCRIPTION_COLUMN: invoice.seller.name, TITLE_COLUMN: printed.title(invoice, words)}, "title")
    for line in printed.seller_lines(invoice, words):
        _text_row(layout, {DESCRIPTION_COLUMN: line})
    layout.add_row([], "blank")

    for line in printed.document_lines(invoice, words):
        _text_row(layout, {DESCRIPTION_COLUMN: line})
    layout.add_row([], "blank")

    _text_row(layout, {DESCRIPTION_COLUMN: words["buyer"]}, "subtitle")
    _text_row(layout, {DESCRIPTION_COLUMN: invoice.buyer.name})
    for line in printed.buyer_lines(invoice, words):
        _text_row(layout, {DESCRIPTION_COLUMN: line})
    if invoice.delivery_address:
        _text_row(layout, {DESCRIPTION_COLUMN: words["ship_to"]}, "subtitle")
        for line in invoice.delivery_address:
            _text_row(layout, {DESCRIPTION_COLUMN: line})
    layout.add_row([], "blank")


def _mention_rows(layout: SheetLayout, text: str) -> None:
    """Append a mention as note rows, cut between words into rows that fit the page width."""
    for part in textwrap.wrap(text, MENTION_ROW_CHARACTERS, break_long_words=False, break_on_hyphens=False):
        _text_row(layout, {0: part}, "note")


def _lines(layout: SheetLayout, invoice: Invoice, words: dict[str, str]) -> None:
    language = invoice.language
    layout.add_row(printed.line_headers(words), "header")
    for line in invoice.lines:
        row = layout.add_row([
            line.delivery_date, line.description, line.quantity, printed.unit_text(line, language), line.unit_price,
            line.vat_rate if line.vat_category in printed.RATED_CATEGORIES else "–", line.amount,
        ])
        if line.vat_category not in printed.RATED_CATEGORIES:
            layout.cell_formats[(row, RATE_COLUMN)] = "text"
    layout.add_row([], "blank")


def _totals(layout: SheetLayout, invoice: Invoice, words: dict[str, str]) -> None:
    totals = printed.total_rows(invoice, words)
    if any(total.base is not None for total in totals):
        # Name the base and rate columns of the VAT and refund rows.
        _text_row(layout, {BASE_COLUMN: words["base"], RATE_COLUMN: words["rate"], AMOUNT_COLUMN: words["sum"]},
                  "header")
    for total in totals:
        values = [""] * len(COLUMNS)
        values[DESCRIPTION_COLUMN] = total.label
        if total.base is not None:
            values[BASE_COLUMN] = total.base
            values[RATE_COLUMN] = total.rate
        values[AMOUNT_COLUMN] = total.amount
        kind = "total" if total.kind == "grand_total" else "subtotal"
        row = layout.add_row(values, kind)
        # Subtotal and total rows keep their columns' number formats, except for the label.
        layout.cell_formats[(row, DESCRIPTION_COLUMN)] = "text"
    layout.add_row([], "blank")


def invoice_layout(invoice: Invoice, farm: Farm | None, language: str) -> SheetLayout:
    """Lay out one invoice or credit note on an A4 portrait page.

    ``language`` names the sheet, as the workbook's other engine sheets are
    named. The page itself is in the invoice's own language, as its PDF and
    its legal mentions are. ``farm`` supplies the logo when the invoice
    record has none.
    """
    words = printed.labels(invoice.language)
    layout = SheetLayout("invoice", engine_sheet("invoice").name(language), list(COLUMNS), landscape=False)

    _header(layout, invoice, words)
    _lines(layout, invoice, words)
    _totals(layout, invoice, words)
    for text in invoice.mentions:
        _mention_rows(layout, text)
    payment = printed.payment_line(invoice, words)
    if payment:
        _mention_rows(layout, payment)

    logo = _logo(invoice, farm)
    if logo is not None:
        layout.images.append(logo)
    layout.print_range = (0, 0, len(layout.rows) - 1, len(COLUMNS) - 1)
    return layout
