"""The sales journal for the accountant: CSV and FEC exports of the register.

Both list one entry per document and per VAT rate. The FEC (fichier des
écritures comptables, Livre des procédures fiscales art. A47 A-1) has 18
tab-separated columns, dates as YYYYMMDD and amounts with a decimal comma.
Each document is one balanced entry: the customer account is debited with
the total, and the sales, flat-rate refund and VAT accounts are credited per
rate; a credit note reverses the sides.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path

from .document import CREDIT_NOTE, Invoice
from .register import write_atomically

# Accounts of the French chart of accounts (plan comptable général).
CUSTOMER_ACCOUNT = ("411000", "Clients")
SALES_ACCOUNT = ("701000", "Ventes de produits finis")
REFUND_ACCOUNT = ("708000", "Remboursement forfaitaire agricole")  # NOTE: ask the accountant; some use a 74 account
VAT_ACCOUNT = ("445710", "TVA collectée")
JOURNAL = ("VE", "Ventes")

FEC_COLUMNS = (
    "JournalCode", "JournalLib", "EcritureNum", "EcritureDate", "CompteNum", "CompteLib", "CompAuxNum",
    "CompAuxLib", "PieceRef", "PieceDate", "EcritureLib", "Debit", "Credit", "EcritureLet", "DateLet",
    "ValidDate", "Montantdevise", "Idevise",
)

CSV_COLUMNS = ("number", "kind", "issue_date", "customer", "vat_category", "vat_rate", "base", "vat", "refund",
               "total", "original_number")
# The French CSV follows the French spreadsheet conventions: French headers
# and kinds, dates as dd/mm/yyyy, a decimal comma, and ";" between columns.
CSV_COLUMNS_FR = ("numéro", "type", "date d'émission", "client", "catégorie de TVA", "taux de TVA (%)", "base HT",
                  "TVA", "remboursement forfaitaire", "total TTC", "facture d'origine")
KINDS_FR = {CREDIT_NOTE: "avoir", "invoice": "facture"}


def signed(value: Decimal, credit_note: bool) -> Decimal:
    """Return the amount negated for a credit note, never as a negative zero."""
    result = -value if credit_note else value
    return result if result else abs(result)


def csv_rows(invoices: list[Invoice]) -> list[dict]:
    """Return one row per document and VAT rate; the document total is on its first row."""
    rows = []
    for invoice in invoices:
        credit_note = invoice.kind == CREDIT_NOTE
        for index, subtotal in enumerate(invoice.totals.tax_subtotals):
            refund = invoice.totals.charges_total if index == 0 else Decimal("0.00")
            base = subtotal.base - refund
            rows.append({
                "number": invoice.number, "kind": invoice.kind, "issue_date": invoice.issue_date.isoformat(),
                "customer": invoice.buyer.name, "vat_category": subtotal.category, "vat_rate": str(subtotal.rate),
                "base": str(signed(base, credit_note)), "vat": str(signed(subtotal.tax, credit_note)),
                "refund": str(signed(refund, credit_note)),
                "total": str(signed(invoice.totals.grand_total, credit_note)) if index == 0 else "",
                "original_number": invoice.original_number or "",
            })
    return rows


def _french_row(row: dict) -> list[str]:
    def number(text: str) -> str:
        return text.replace(".", ",")

    rate = Decimal(row["vat_rate"]) * 100
    day = row["issue_date"]
    return [
        row["number"], KINDS_FR.get(row["kind"], row["kind"]), f"{day[8:10]}/{day[5:7]}/{day[0:4]}", row["customer"],
        row["vat_category"], number(format(rate.normalize(), "f")), number(row["base"]), number(row["vat"]),
        number(row["refund"]), number(row["total"]), row["original_number"],
    ]


def csv_text(invoices: list[Invoice], language: str = "en") -> str:
    """Return the CSV journal, with the headers and conventions of the language ("fr" or "en")."""
    buffer = io.StringIO()
    if language == "fr":
        writer = csv.writer(buffer, delimiter=";", lineterminator="\n")
        writer.writerow(CSV_COLUMNS_FR)
        writer.writerows(_french_row(row) for row in csv_rows(invoices))
        return buffer.getvalue()
    # The rate is written in percent in both languages (5.5, not 0.055), as
    # accountants read it.
    columns = ["vat_rate_percent" if column == "vat_rate" else column for column in CSV_COLUMNS]
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for row in csv_rows(invoices):
        row["vat_rate"] = format((Decimal(row["vat_rate"]) * 100).normalize(), "f")
        writer.writerow(row[column] for column in CSV_COLUMNS)
    return buffer.getvalue()


def _amount(value: Decimal) -> str:
    return f"{value:.2f}".replace(".", ",") if value else "0,00"


def fec_lines(invoices: list[Invoice]) -> list[list[str]]:
    """Return the FEC lines (without the header) of the documents, one balanced entry each."""
    lines = []
    for entry_number, invoice in enumerate(invoices, start=1):
        credit_note = invoice.kind == CREDIT_NOTE
        date = invoice.issue_date.strftime("%Y%m%d")
        label = ("Avoir " if credit_note else "Facture ") + invoice.number + " " + invoice.buyer.name

        def line(account, amount: Decimal, customer_side: bool, auxiliary=("", "")):
            debit_side = customer_side != credit_note
            return [JOURNAL[0], JOURNAL[1], str(entry_number), date, account[0], account[1], auxiliary[0],
                    auxiliary[1], invoice.number, date, label, _amount(amount) if debit_side else "0,00",
                    "0,00" if debit_side else _amount(amount), "", "", date, "", ""]

        lines.append(line(CUSTOMER_ACCOUNT, invoice.totals.grand_total, True, (invoice.customer_key, invoice.buyer.name)))
        for subtotal in invoice.totals.tax_subtotals:
            base = subtotal.base
            if subtotal.category == "O":
                base -= invoice.totals.charges_total
            if base:
                lines.append(line(SALES_ACCOUNT, base, False))
            if subtotal.tax:
                lines.append(line(VAT_ACCOUNT, subtotal.tax, False))
        if invoice.totals.charges_total:
            lines.append(line(REFUND_ACCOUNT, invoice.totals.charges_total, False))
    return lines


def fec_text(invoices: list[Invoice]) -> str:
    rows = [list(FEC_COLUMNS)] + fec_lines(invoices)
    return "".join("\t".join(row) + "\r\n" for row in rows)


def fec_file_name(siren: str | None, closing: str) -> str:
    """Return the FEC name the administration expects: SIREN, "FEC", closing date YYYYMMDD."""
    return f"{siren or '000000000'}FEC{closing}.txt"


def write_journal(invoices: list[Invoice], path: Path, fmt: str, language: str = "en") -> Path:
    """Write the journal as FEC (its legal column names whatever the language) or as CSV in ``language``."""
    text = fec_text(invoices) if fmt == "fec" else csv_text(invoices, language)
    write_atomically(path, text.encode("utf-8"))
    return path
