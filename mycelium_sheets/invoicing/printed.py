"""The texts an invoice prints, shared by the fpdf2 PDF and the "Facture" engine sheet.

Both renderings take their labels, party blocks, line cells, totals and
mentions from here, so an invoice exported by LibreOffice carries the same
mentions and amounts as the command line's PDF. Standard library only.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..i18n import format_number, pick
from ..model.units import get_unit
from .document import CREDIT_NOTE, Invoice, InvoiceLine
from .mentions import date_text, flat_rate_refund_label, money_text, percent_text

# VAT categories whose rate is printed; exempt and out-of-scope lines print a dash.
RATED_CATEGORIES = ("S", "Z")


def labels(language: str) -> dict[str, str]:
    """Return the fixed words of an invoice page in a language."""
    def both(french: str, english: str) -> str:
        return pick(french, english, language)

    return {
        "invoice": both("FACTURE", "INVOICE"), "credit_note": both("AVOIR", "CREDIT NOTE"),
        "number": both("N°", "Number"), "date": both("Date d'émission", "Issue date"),
        "due": both("Échéance", "Due date"), "delivery": both("Livraison", "Delivery"),
        "deliveries": both("Livraisons", "Deliveries"),
        "period": both("Période", "Period"), "buyer": both("Client", "Customer"),
        "ship_to": both("Adresse de livraison", "Delivery address"),
        "product": both("Désignation", "Description"), "quantity": both("Qté", "Qty"),
        "unit": both("Unité", "Unit"), "price": both("PU HT", "Unit price"), "vat": both("TVA", "VAT"),
        "amount": both("Montant HT", "Amount"), "total_net": both("Total HT", "Total excl. VAT"),
        "total_vat": both("Total TVA", "Total VAT"), "total": both("Total TTC", "Total incl. VAT"),
        "to_pay": both("Net à payer", "Amount due"), "base": both("Base", "Base"),
        "iban": "IBAN", "siren": "SIREN", "siret": "SIRET", "vat_number": both("N° TVA", "VAT no."),
        "page": both("Page", "Page"), "capital": both("capital", "share capital"),
        "rate": both("Taux", "Rate"), "sum": both("Montant", "Amount"),
        "original": both("Facture d'origine", "Original invoice"),
    }


def title(invoice: Invoice, words: dict[str, str]) -> str:
    return words["credit_note" if invoice.kind == CREDIT_NOTE else "invoice"]


def page_footer(invoice: Invoice, words: dict[str, str], page: int | str, pages: int | str) -> str:
    """Return the footer of every page, such as "Facture FA2027-00021 – page 2/2"."""
    return f"{title(invoice, words).capitalize()} {invoice.number} – {words['page'].lower()} {page}/{pages}"


def seller_lines(invoice: Invoice, words: dict[str, str]) -> list[str]:
    """Return the seller's address and identifiers, one printed line each, below its name."""
    seller = invoice.seller
    lines = list(seller.address_lines())
    if seller.legal_form:
        capital = ""
        if seller.share_capital:
            capital = f", {words['capital']} {money_text(seller.share_capital, invoice.language)}"
        lines.append(seller.legal_form + capital)
    if seller.siren:
        siret = f" – {words['siret']} {seller.siret}" if seller.siret else ""
        lines.append(f"{words['siren']} {seller.siren}{siret}")
    if seller.registration:
        lines.append(seller.registration)
    if seller.vat_number:
        lines.append(f"{words['vat_number']} {seller.vat_number}")
    contact = " – ".join(part for part in (seller.phone, seller.email) if part)
    if contact:
        lines.append(contact)
    return lines


def document_lines(invoice: Invoice, words: dict[str, str]) -> list[str]:
    """Return "label: value" lines for the number, issue date, due date and delivery date or period."""
    language = invoice.language
    rows = [(words["number"], invoice.number), (words["date"], date_text(invoice.issue_date, language))]
    if invoice.kind == CREDIT_NOTE:
        # A credit note refunds: it names the invoice it corrects and has no due date.
        if invoice.original_number:
            original = invoice.original_number
            if invoice.original_date:
                original += pick(" du ", " of ", language) + date_text(invoice.original_date, language)
            rows.append((words["original"], original))
    else:
        rows.append((words["due"], date_text(invoice.due_date, language)))
    dates = invoice.delivery_dates
    contract_end = max((line.last_delivery_date for line in invoice.lines if line.last_delivery_date), default=None)
    if len(dates) == 1 and contract_end and contract_end > dates[0]:
        # An AMAP contract line stands for all its deliveries, from the first to the last.
        rows.append((words["deliveries"], f"{date_text(dates[0], language)} – {date_text(contract_end, language)}"))
    elif len(dates) == 1:
        rows.append((words["delivery"], date_text(dates[0], language)))
    elif dates:
        period = f"{date_text(invoice.period_start, language)} – {date_text(invoice.period_end, language)}"
        rows.append((words["period"], period))
    # French typography puts a space before the colon.
    separator = " : " if language == "fr" else ": "
    return [label + separator + value for label, value in rows]


def buyer_lines(invoice: Invoice, words: dict[str, str]) -> list[str]:
    """Return the buyer's address and identifiers, one printed line each, below its name."""
    buyer = invoice.buyer
    lines = list(buyer.address_lines())
    if buyer.siren:
        lines.append(f"{words['siren']} {buyer.siren}")
    if buyer.vat_number:
        lines.append(f"{words['vat_number']} {buyer.vat_number}")
    return lines


def line_headers(words: dict[str, str]) -> list[str]:
    return [words["delivery"], words["product"], words["quantity"], words["unit"], words["price"], words["vat"],
            words["amount"]]


def quantity_text(value: Decimal, language: str) -> str:
    """Write a quantity without trailing zeros, with a decimal comma in French (1,5 kg)."""
    return format_number(value, language)


def unit_text(line: InvoiceLine, language: str) -> str:
    """Return the unit label of a line, agreeing with its quantity (2 bottes, 1,5 kg)."""
    if not line.unit:
        return ""
    return get_unit(line.unit).label_for(line.quantity, language)


def vat_text(line: InvoiceLine, language: str) -> str:
    return percent_text(line.vat_rate, language) if line.vat_category in RATED_CATEGORIES else "–"


def line_texts(line: InvoiceLine, language: str) -> list[str]:
    """Return the seven printed cells of an invoice line, in the order of ``line_headers``."""
    return [
        line.delivery_date.strftime("%d/%m") if line.delivery_date else "", line.description,
        quantity_text(line.quantity, language), unit_text(line, language), money_text(line.unit_price, language),
        vat_text(line, language), money_text(line.amount, language),
    ]


@dataclass(frozen=True)
class TotalRow:
    """One row of the totals block; base and rate are set on the VAT and refund rows."""

    label: str
    amount: Decimal
    kind: str  # "net", "refund", "vat", "vat_total" or "grand_total"
    base: Decimal | None = None
    rate: Decimal | None = None


def total_rows(invoice: Invoice, words: dict[str, str]) -> list[TotalRow]:
    """Return the totals block: net total, flat-rate refunds, VAT per rate, total VAT and amount due."""
    language = invoice.language
    totals = invoice.totals
    rows = [TotalRow(words["total_net"], totals.lines_total, "net")]
    for refund in totals.refunds:
        rows.append(TotalRow(flat_rate_refund_label(refund.rate, language), refund.amount, "refund", refund.base,
                             refund.rate))
    rated = [subtotal for subtotal in totals.tax_subtotals if subtotal.category in RATED_CATEGORIES]
    for subtotal in rated:
        rows.append(TotalRow(f"{words['vat']} {percent_text(subtotal.rate, language)}", subtotal.tax, "vat",
                             subtotal.base, subtotal.rate))
    if rated:
        rows.append(TotalRow(words["total_vat"], totals.tax_total, "vat_total"))
    # A credit note is not paid, so its last row is the total including VAT.
    final_label = words["total"] if invoice.kind == CREDIT_NOTE else words["to_pay"]
    rows.append(TotalRow(final_label, totals.grand_total, "grand_total"))
    return rows


def total_row_text(row: TotalRow, words: dict[str, str], language: str) -> str:
    """Return the label the PDF prints for a totals row, with the VAT base in brackets on VAT rows."""
    if row.kind == "vat":
        return f"{row.label} ({words['base']} {money_text(row.base, language)})"
    return row.label


def payment_line(invoice: Invoice, words: dict[str, str]) -> str | None:
    """Return the bank details line, or None when the farm gave no IBAN or the document is a credit note."""
    seller = invoice.seller
    if not seller.iban or invoice.kind == CREDIT_NOTE:
        return None
    bic = f" – BIC {seller.bic}" if seller.bic else ""
    return f"{words['iban']} {seller.iban}{bic}"
