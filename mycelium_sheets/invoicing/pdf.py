"""The invoice PDF: an A4 page laid out with fpdf2, in French or English.

fpdf2 is imported only here, when a PDF is made. The DejaVu Sans font is
shipped in ``fonts/`` (free licence in ``fonts/DejaVu-LICENSE.txt``) and
embedded, so accents, € and œ print everywhere. pdf_fonts.py chooses
between its small Latin subset and the full font. The sRGB output intent
makes the file a PDF/A-3 candidate; Factur-X embedding is in facturx.py.
"""

from __future__ import annotations

from pathlib import Path

from . import printed
from .document import Invoice
from .mentions import money_text
from .pdf_fonts import font_files

FONT = "DejaVu"


# The LibreOffice extension imported this name before printed.py existed.
_labels = printed.labels


def render_pdf(invoice: Invoice, logo: Path | None = None) -> bytes:
    """Return the PDF of an invoice or credit note."""
    from fpdf import FPDF

    language = invoice.language
    labels = printed.labels(language)

    class InvoicePDF(FPDF):
        def footer(self) -> None:
            # Every page names the document and its place, so a loose page 2 can be matched to its invoice.
            self.set_y(-12)
            self.set_font(FONT, "", 7.5)
            self.cell(0, 5, printed.page_footer(invoice, labels, self.page_no(), self.str_alias_nb_pages),
                      align="R")

    pdf = InvoicePDF(format="A4", unit="mm")
    pdf.set_auto_page_break(True, margin=20)
    for style, path in font_files(_printed_texts(invoice, labels)).items():
        pdf.add_font(FONT, style, str(path))
    pdf.set_lang(language)
    pdf.set_title(f"{printed.title(invoice, labels)} {invoice.number}")
    pdf.set_author(invoice.seller.name)
    _output_intent(pdf)
    pdf.alias_nb_pages()
    pdf.add_page()

    _header(pdf, invoice, labels, logo)
    _lines_table(pdf, invoice, labels)
    _totals(pdf, invoice, labels)
    _mentions(pdf, invoice, labels)
    return bytes(pdf.output())


def _printed_texts(invoice: Invoice, labels: dict[str, str]) -> list[str]:
    """Return every text of the invoice record and of the labels, a superset of what the page prints."""
    texts = list(labels.values())
    texts.extend(printed.unit_text(line, invoice.language) for line in invoice.lines)
    pending = [invoice.to_dict()]
    while pending:
        value = pending.pop()
        if isinstance(value, str):
            texts.append(value)
        elif isinstance(value, dict):
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)
    return texts


def _output_intent(pdf) -> None:
    from fpdf.enums import OutputIntentSubType
    import fpdf

    profile = Path(fpdf.__file__).parent / "data" / "color_profiles" / "sRGB2014.icc"
    if profile.exists():
        with open(profile, "rb") as handle:
            pdf.add_output_intent(OutputIntentSubType.PDFA, "sRGB", "IEC 61966-2-1:1999", "http://www.color.org",
                                  handle, "sRGB2014 (v2)")


def _header(pdf, invoice: Invoice, labels: dict, logo: Path | None) -> None:
    top = pdf.get_y()
    if logo and logo.exists():
        pdf.image(str(logo), x=10, y=top, h=22)
        pdf.set_xy(40, top)
    pdf.set_font(FONT, "B", 13)
    pdf.cell(90, 7, invoice.seller.name, new_x="LEFT", new_y="NEXT")
    pdf.set_font(FONT, "", 9)
    for line in printed.seller_lines(invoice, labels):
        pdf.cell(90, 4.5, line, new_x="LEFT", new_y="NEXT")
    left_bottom = pdf.get_y()

    pdf.set_xy(120, top)
    pdf.set_font(FONT, "B", 16)
    pdf.cell(80, 9, printed.title(invoice, labels), align="R", new_x="LEFT", new_y="NEXT")
    pdf.set_font(FONT, "", 9)
    for line in printed.document_lines(invoice, labels):
        pdf.set_x(120)
        pdf.cell(80, 4.8, line, align="R", new_x="LEFT", new_y="NEXT")

    pdf.set_xy(110, max(pdf.get_y(), left_bottom) + 4)
    box_top = pdf.get_y()
    pdf.set_font(FONT, "B", 10)
    pdf.set_x(112)
    pdf.cell(86, 5.5, invoice.buyer.name, new_x="LEFT", new_y="NEXT")
    pdf.set_font(FONT, "", 9)
    for line in printed.buyer_lines(invoice, labels):
        pdf.set_x(112)
        pdf.cell(86, 4.5, line, new_x="LEFT", new_y="NEXT")
    pdf.rect(110, box_top - 1, 90, pdf.get_y() - box_top + 2)
    if invoice.delivery_address:
        pdf.set_xy(110, pdf.get_y() + 2)
        pdf.set_font(FONT, "B", 8)
        pdf.cell(90, 4.5, labels["ship_to"], new_x="LEFT", new_y="NEXT")
        pdf.set_font(FONT, "", 8)
        pdf.set_x(110)
        pdf.multi_cell(90, 4, ", ".join(invoice.delivery_address), new_x="LMARGIN", new_y="NEXT")
    pdf.set_y(pdf.get_y() + 6)


_WIDTHS = (18, 62, 16, 18, 22, 16, 28)
_ROW_HEIGHT = 5.5


def _line_headers(pdf, labels: dict) -> None:
    pdf.set_font(FONT, "B", 8)
    pdf.set_fill_color(230, 236, 226)
    for width, header in zip(_WIDTHS, printed.line_headers(labels)):
        pdf.cell(width, 6, header, border=1, fill=True, align="C")
    pdf.ln()
    pdf.set_font(FONT, "", 8)


def _lines_table(pdf, invoice: Invoice, labels: dict) -> None:
    _line_headers(pdf, labels)
    aligns = ("C", "L", "R", "L", "R", "R", "R")
    for line in invoice.lines:
        values = printed.line_texts(line, invoice.language)

        # A long description wraps onto more rows of the same line, so nothing is cut off.
        description_rows = pdf.multi_cell(_WIDTHS[1], _ROW_HEIGHT, values[1], dry_run=True, output="LINES")
        height = _ROW_HEIGHT * max(1, len(description_rows))
        if pdf.will_page_break(height):
            pdf.cell(sum(_WIDTHS), 0, "", border="T", new_x="LMARGIN", new_y="NEXT")
            pdf.add_page()
            _line_headers(pdf, labels)

        top = pdf.get_y()
        left = pdf.l_margin
        for column, (width, value, align) in enumerate(zip(_WIDTHS, values, aligns)):
            pdf.set_xy(left, top)
            if column == 1:
                pdf.multi_cell(width, _ROW_HEIGHT, value, align=align)
            else:
                pdf.cell(width, _ROW_HEIGHT, value, align=align)
            pdf.line(left, top, left, top + height)
            left += width
        pdf.line(left, top, left, top + height)
        pdf.set_xy(pdf.l_margin, top + height)
    pdf.cell(sum(_WIDTHS), 0, "", border="T", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)


def _totals(pdf, invoice: Invoice, labels: dict) -> None:
    rows = printed.total_rows(invoice, labels)
    for index, row in enumerate(rows):
        last = index == len(rows) - 1
        pdf.set_font(FONT, "B" if last else "", 10 if last else 9)
        pdf.set_x(60)
        pdf.cell(110, 6 if last else 5, printed.total_row_text(row, labels, invoice.language), align="R",
                 border="T" if last else 0)
        pdf.cell(30, 6 if last else 5, money_text(row.amount, invoice.language), align="R", border="T" if last else 0,
                 new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)


def _mentions(pdf, invoice: Invoice, labels: dict) -> None:
    pdf.set_font(FONT, "", 7.5)
    for text in invoice.mentions:
        pdf.multi_cell(0, 3.8, text, new_x="LMARGIN", new_y="NEXT")
    payment = printed.payment_line(invoice, labels)
    if payment:
        pdf.multi_cell(0, 3.8, payment, new_x="LMARGIN", new_y="NEXT")
