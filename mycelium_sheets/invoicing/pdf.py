"""The invoice PDF: an A4 page laid out with fpdf2, in French or English.

fpdf2 is imported only here, when a PDF is made. The DejaVu Sans font is
shipped in ``fonts/`` (free licence in ``fonts/DejaVu-LICENSE.txt``) and
embedded, so accents, € and œ print everywhere. pdf_fonts.py chooses
between its small Latin subset and the full font. The sRGB output intent
makes the file a PDF/A-3 candidate; Factur-X embedding is in facturx.py.
"""

from __future__ import annotations

from pathlib import Path

from ..i18n import pick
from ..model.units import get_unit
from .document import CREDIT_NOTE, Invoice
from .mentions import date_text, money_text, percent_text
from .pdf_fonts import font_files

FONT = "DejaVu"


def _labels(language: str) -> dict[str, str]:
    def both(french: str, english: str) -> str:
        return pick(french, english, language)

    return {
        "invoice": both("FACTURE", "INVOICE"), "credit_note": both("AVOIR", "CREDIT NOTE"),
        "number": both("N°", "Number"), "date": both("Date d'émission", "Issue date"),
        "due": both("Échéance", "Due date"), "delivery": both("Livraison", "Delivery"),
        "period": both("Période", "Period"), "buyer": both("Client", "Customer"),
        "ship_to": both("Adresse de livraison", "Delivery address"),
        "product": both("Désignation", "Description"), "quantity": both("Qté", "Qty"),
        "unit": both("Unité", "Unit"), "price": both("PU HT", "Unit price"), "vat": both("TVA", "VAT"),
        "amount": both("Montant HT", "Amount"), "total_net": both("Total HT", "Total excl. VAT"),
        "total_vat": both("Total TVA", "Total VAT"), "total": both("Total TTC", "Total incl. VAT"),
        "to_pay": both("Net à payer", "Amount due"), "base": both("Base", "Base"),
        "iban": "IBAN", "siren": "SIREN", "siret": "SIRET", "vat_number": both("N° TVA", "VAT no."),
        "page": both("Page", "Page"), "capital": both("capital", "share capital"),
    }


def _quantity(value) -> str:
    text = format(value.normalize(), "f")
    return text


def render_pdf(invoice: Invoice, logo: Path | None = None) -> bytes:
    """Return the PDF of an invoice or credit note."""
    from fpdf import FPDF

    language = invoice.language
    labels = _labels(language)
    pdf = FPDF(format="A4", unit="mm")
    pdf.set_auto_page_break(True, margin=20)
    for style, path in font_files(_printed_texts(invoice, labels)).items():
        pdf.add_font(FONT, style, str(path))
    pdf.set_lang(language)
    pdf.set_title(f"{labels['credit_note' if invoice.kind == CREDIT_NOTE else 'invoice']} {invoice.number}")
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
    seller = invoice.seller
    top = pdf.get_y()
    if logo and logo.exists():
        pdf.image(str(logo), x=10, y=top, h=22)
        pdf.set_xy(40, top)
    pdf.set_font(FONT, "B", 13)
    pdf.cell(90, 7, seller.name, new_x="LEFT", new_y="NEXT")
    pdf.set_font(FONT, "", 9)
    for line in seller.address_lines():
        pdf.cell(90, 4.5, line, new_x="LEFT", new_y="NEXT")
    identifiers = []
    if seller.legal_form:
        identifiers.append(seller.legal_form + (f", {labels['capital']} {money_text(seller.share_capital, invoice.language)}"
                                                if seller.share_capital else ""))
    if seller.siren:
        identifiers.append(f"{labels['siren']} {seller.siren}" + (f" – {labels['siret']} {seller.siret}" if seller.siret else ""))
    if seller.registration:
        identifiers.append(seller.registration)
    if seller.vat_number:
        identifiers.append(f"{labels['vat_number']} {seller.vat_number}")
    contact = " – ".join(part for part in (seller.phone, seller.email) if part)
    if contact:
        identifiers.append(contact)
    for line in identifiers:
        pdf.cell(90, 4.5, line, new_x="LEFT", new_y="NEXT")
    left_bottom = pdf.get_y()

    pdf.set_xy(120, top)
    pdf.set_font(FONT, "B", 16)
    title = labels["credit_note" if invoice.kind == CREDIT_NOTE else "invoice"]
    pdf.cell(80, 9, title, align="R", new_x="LEFT", new_y="NEXT")
    pdf.set_font(FONT, "", 9)
    rows = [(labels["number"], invoice.number), (labels["date"], date_text(invoice.issue_date, invoice.language)),
            (labels["due"], date_text(invoice.due_date, invoice.language))]
    dates = invoice.delivery_dates
    if len(dates) == 1:
        rows.append((labels["delivery"], date_text(dates[0], invoice.language)))
    elif dates:
        rows.append((labels["period"], f"{date_text(invoice.period_start, invoice.language)} – "
                                       f"{date_text(invoice.period_end, invoice.language)}"))
    for label, value in rows:
        pdf.set_x(120)
        pdf.cell(80, 4.8, f"{label} : {value}" if invoice.language == "fr" else f"{label}: {value}", align="R",
                 new_x="LEFT", new_y="NEXT")

    pdf.set_xy(110, max(pdf.get_y(), left_bottom) + 4)
    box_top = pdf.get_y()
    buyer = invoice.buyer
    pdf.set_font(FONT, "B", 10)
    pdf.set_x(112)
    pdf.cell(86, 5.5, buyer.name, new_x="LEFT", new_y="NEXT")
    pdf.set_font(FONT, "", 9)
    buyer_lines = list(buyer.address_lines())
    if buyer.siren:
        buyer_lines.append(f"{labels['siren']} {buyer.siren}")
    if buyer.vat_number:
        buyer_lines.append(f"{labels['vat_number']} {buyer.vat_number}")
    for line in buyer_lines:
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


def _lines_table(pdf, invoice: Invoice, labels: dict) -> None:
    language = invoice.language
    headers = (labels["delivery"], labels["product"], labels["quantity"], labels["unit"], labels["price"],
               labels["vat"], labels["amount"])
    pdf.set_font(FONT, "B", 8)
    pdf.set_fill_color(230, 236, 226)
    for width, header in zip(_WIDTHS, headers):
        pdf.cell(width, 6, header, border=1, fill=True, align="C")
    pdf.ln()
    pdf.set_font(FONT, "", 8)
    for line in invoice.lines:
        unit = get_unit(line.unit).label(language) if line.unit else ""
        vat = percent_text(line.vat_rate, language) if line.vat_category in ("S", "Z") else "–"
        values = (
            line.delivery_date.strftime("%d/%m") if line.delivery_date else "",
            line.description, _quantity(line.quantity), unit, money_text(line.unit_price, language), vat,
            money_text(line.amount, language),
        )
        aligns = ("C", "L", "R", "L", "R", "R", "R")
        height = 5.5
        if pdf.get_string_width(line.description) > _WIDTHS[1] - 2:
            values = values[:1] + (_truncate(pdf, line.description, _WIDTHS[1] - 2),) + values[2:]
        for width, value, align in zip(_WIDTHS, values, aligns):
            pdf.cell(width, height, value, border="LR", align=align)
        pdf.ln()
    pdf.cell(sum(_WIDTHS), 0, "", border="T", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)


def _truncate(pdf, text: str, width: float) -> str:
    while text and pdf.get_string_width(text + "…") > width:
        text = text[:-1]
    return text + "…"


def _totals(pdf, invoice: Invoice, labels: dict) -> None:
    language = invoice.language
    totals = invoice.totals
    rows = [(labels["total_net"], totals.lines_total)]
    for refund in totals.refunds:
        from .mentions import flat_rate_refund_label

        rows.append((flat_rate_refund_label(refund.rate, language), refund.amount))
    for subtotal in totals.tax_subtotals:
        if subtotal.category in ("S", "Z"):
            rows.append((f"{labels['vat']} {percent_text(subtotal.rate, language)} "
                         f"({labels['base']} {money_text(subtotal.base, language)})", subtotal.tax))
    if any(subtotal.category in ("S", "Z") for subtotal in totals.tax_subtotals):
        rows.append((labels["total_vat"], totals.tax_total))
    rows.append((labels["to_pay"] if invoice.kind != CREDIT_NOTE else labels["total"], totals.grand_total))
    for index, (label, amount) in enumerate(rows):
        last = index == len(rows) - 1
        pdf.set_font(FONT, "B" if last else "", 10 if last else 9)
        pdf.set_x(60)
        pdf.cell(110, 6 if last else 5, label, align="R", border="T" if last else 0)
        pdf.cell(30, 6 if last else 5, money_text(amount, language), align="R", border="T" if last else 0,
                 new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)


def _mentions(pdf, invoice: Invoice, labels: dict) -> None:
    pdf.set_font(FONT, "", 7.5)
    for text in invoice.mentions:
        pdf.multi_cell(0, 3.8, text, new_x="LMARGIN", new_y="NEXT")
    if invoice.seller.iban:
        text = f"{labels['iban']} {invoice.seller.iban}" + (f" – BIC {invoice.seller.bic}" if invoice.seller.bic else "")
        pdf.multi_cell(0, 3.8, text, new_x="LMARGIN", new_y="NEXT")
