"""The "Facture"/"Invoice" engine sheet: one invoice laid out for LibreOffice's PDF export.

It prints what the command line's PDF (``mycelium_sheets.invoicing.pdf``)
prints, in the same order and with the same labels and number texts. That
is the seller and its identifiers, the document's number and dates, the
buyer, one row per line, the totals by VAT rate and every legal mention of
``Invoice.mentions``. Amounts are written as text by ``money_text``, so
"26,03 €" reads the same in both PDFs whatever the document's locale.
"""

from __future__ import annotations

from mycelium_sheets.invoicing.document import CREDIT_NOTE, Invoice
from mycelium_sheets.invoicing.mentions import date_text, flat_rate_refund_label, money_text, percent_text
from mycelium_sheets.invoicing.pdf import _labels as pdf_labels
from mycelium_sheets.model.units import get_unit
from mycelium_sheets.schema.engine_sheets import engine_sheet
from mycelium_sheets.workbook.layout import Column, SheetLayout

# Column widths in centimetres: 17.5 cm, within the 18 cm printable width of
# A4 with the 1.5 cm margins of the invoice page style.
WIDTHS = (2.2, 5.6, 1.3, 1.7, 2.2, 1.5, 3.0)
PAGE_MARGIN = 1500  # 1/100 mm
# Columns whose texts are numbers, right-aligned by the renderer.
NUMBER_COLUMNS = (2, 4, 5, 6)
# The product description, wrapped so that a long one prints whole.
DESCRIPTION_COLUMN = 1
LAST = len(WIDTHS) - 1


def _quantity(value) -> str:
    return format(value.normalize(), "f")


def _row(layout: SheetLayout, left: str = "", right: str = "", kind: str | None = None) -> int:
    values = [""] * len(WIDTHS)
    values[0] = left
    values[LAST] = right
    return layout.add_row(values, kind)


def _seller_lines(invoice: Invoice, labels: dict) -> list[str]:
    seller = invoice.seller
    lines = list(seller.address_lines())
    if seller.legal_form:
        capital = f", {labels['capital']} {money_text(seller.share_capital, invoice.language)}" if seller.share_capital else ""
        lines.append(seller.legal_form + capital)
    if seller.siren:
        lines.append(f"{labels['siren']} {seller.siren}" + (f" – {labels['siret']} {seller.siret}" if seller.siret else ""))
    if seller.registration:
        lines.append(seller.registration)
    if seller.vat_number:
        lines.append(f"{labels['vat_number']} {seller.vat_number}")
    contact = " – ".join(part for part in (seller.phone, seller.email) if part)
    if contact:
        lines.append(contact)
    return lines


def _document_lines(invoice: Invoice, labels: dict) -> list[str]:
    language = invoice.language
    separator = " : " if language == "fr" else ": "
    rows = [(labels["number"], invoice.number), (labels["date"], date_text(invoice.issue_date, language)),
            (labels["due"], date_text(invoice.due_date, language))]
    dates = invoice.delivery_dates
    if len(dates) == 1:
        rows.append((labels["delivery"], date_text(dates[0], language)))
    elif dates:
        rows.append((labels["period"], f"{date_text(invoice.period_start, language)} – "
                                       f"{date_text(invoice.period_end, language)}"))
    return [label + separator + value for label, value in rows]


def _totals_rows(invoice: Invoice, labels: dict) -> list[tuple[str, str]]:
    language = invoice.language
    totals = invoice.totals
    rows = [(labels["total_net"], totals.lines_total)]
    for refund in totals.refunds:
        rows.append((flat_rate_refund_label(refund.rate, language), refund.amount))
    for subtotal in totals.tax_subtotals:
        if subtotal.category in ("S", "Z"):
            rows.append((f"{labels['vat']} {percent_text(subtotal.rate, language)} "
                         f"({labels['base']} {money_text(subtotal.base, language)})", subtotal.tax))
    if any(subtotal.category in ("S", "Z") for subtotal in totals.tax_subtotals):
        rows.append((labels["total_vat"], totals.tax_total))
    rows.append((labels["to_pay"] if invoice.kind != CREDIT_NOTE else labels["total"], totals.grand_total))
    return [(label, money_text(amount, language)) for label, amount in rows]


def line_rows(layout: SheetLayout) -> range:
    """Return the rows of the invoice lines: those between the header row and the next blank row."""
    header = min(row for row, kind in layout.row_kinds.items() if kind == "header")
    end = min((row for row, kind in layout.row_kinds.items() if kind == "blank" and row > header), default=len(layout.rows))
    return range(header + 1, end)


def invoice_layout(invoice: Invoice) -> SheetLayout:
    """Lay out one invoice or credit note on an A4 portrait page."""
    language = invoice.language
    labels = pdf_labels(language)
    layout = SheetLayout("invoice", engine_sheet("invoice").name(language), [Column("text", width) for width in WIDTHS])

    title = labels["credit_note" if invoice.kind == CREDIT_NOTE else "invoice"]
    _row(layout, invoice.seller.name, title, "title")
    seller_lines = _seller_lines(invoice, labels)
    document_lines = _document_lines(invoice, labels)
    for index in range(max(len(seller_lines), len(document_lines))):
        _row(layout, seller_lines[index] if index < len(seller_lines) else "",
             document_lines[index] if index < len(document_lines) else "")
    layout.add_row([], "blank")

    buyer = invoice.buyer
    layout.add_row(["", "", "", buyer.name], "subtitle")
    buyer_lines = list(buyer.address_lines())
    if buyer.siren:
        buyer_lines.append(f"{labels['siren']} {buyer.siren}")
    if buyer.vat_number:
        buyer_lines.append(f"{labels['vat_number']} {buyer.vat_number}")
    for line in buyer_lines:
        layout.add_row(["", "", "", line])
    if invoice.delivery_address:
        layout.add_row(["", "", "", labels["ship_to"]], "subtitle")
        for line in invoice.delivery_address:
            layout.add_row(["", "", "", line])
    layout.add_row([], "blank")

    layout.add_row([labels["delivery"], labels["product"], labels["quantity"], labels["unit"], labels["price"],
                    labels["vat"], labels["amount"]], "header")
    for line in invoice.lines:
        unit = get_unit(line.unit).label(language) if line.unit else ""
        vat = percent_text(line.vat_rate, language) if line.vat_category in ("S", "Z") else "–"
        layout.add_row([
            line.delivery_date.strftime("%d/%m") if line.delivery_date else "", line.description,
            _quantity(line.quantity), unit, money_text(line.unit_price, language), vat, money_text(line.amount, language),
        ])
    layout.add_row([], "blank")

    totals = _totals_rows(invoice, labels)
    for index, (label, amount) in enumerate(totals):
        values = ["", "", "", label, "", "", amount]
        layout.add_row(values, "total" if index == len(totals) - 1 else None)
    layout.add_row([], "blank")

    for text in invoice.mentions:
        layout.add_row([text], "note")
    if invoice.seller.iban:
        layout.add_row([f"{labels['iban']} {invoice.seller.iban}" + (f" – BIC {invoice.seller.bic}" if invoice.seller.bic else "")],
                       "note")
    return layout
