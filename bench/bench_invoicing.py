"""Time invoice rendering: per-invoice PDF with and without Factur-X, and 1,000 invoices with Factur-X.

Run: python bench/bench_invoicing.py [COUNT]. Prints a Markdown table.
The documents are drafted once from a synthetic invoice of 12 lines, so the
timing covers PDF layout, XML generation, schema check and PDF/A-3 embedding.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sys
import time
from decimal import Decimal

from mycelium_sheets.invoicing.document import INVOICE, Invoice, InvoiceLine, Party
from mycelium_sheets.invoicing.service import render_document
from mycelium_sheets.invoicing.totals import compute_totals


def sample_invoice(sequence: int) -> Invoice:
    lines = [InvoiceLine(f"Légume n° {index} (œuf, é)", Decimal(index + 1), "kg", Decimal("2.35"), "S",
                         Decimal("0.055"), (Decimal(index + 1) * Decimal("2.35")).quantize(Decimal("0.01")),
                         dt.date(2027, 6, 8)) for index in range(12)]
    seller = Party("Ferme du Banc d'Essai", "1 rue du Potager", "35000", "Rennes", siren="842173908",
                   vat_number="FR18842173908")
    buyer = Party("Restaurant", "2 place du Marché", "35000", "Rennes", siren="812345676")
    return Invoice(INVOICE, f"FA-{sequence:05d}", sequence, dt.date(2027, 6, 30), dt.date(2027, 7, 10), seller, buyer,
                   True, "real", tuple(lines), compute_totals(lines, "fr"), dt.date(2027, 6, 1), dt.date(2027, 6, 30),
                   "R", "fr")


def main() -> None:
    import click

    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    base = sample_invoice(1)
    rows = []
    for label, profile in (("PDF only", None), ("PDF + Factur-X EN 16931", "en16931")):
        started = time.perf_counter()
        for sequence in range(1, 51):
            render_document(dataclasses.replace(base, number=f"FA-{sequence:05d}", sequence=sequence), profile, None)
        rows.append((label, (time.perf_counter() - started) / 50))

    started = time.perf_counter()
    with click.progressbar(range(1, count + 1), label="Factur-X invoices", file=sys.stderr) as bar:
        for sequence in bar:
            render_document(dataclasses.replace(base, number=f"FA-{sequence:05d}", sequence=sequence), "en16931", None)
    total = time.perf_counter() - started

    print("| Case | Time |")
    print("|---|---|")
    for label, seconds in rows:
        print(f"| {label}, per invoice | {seconds * 1000:.1f} ms |")
    print(f"| {count} invoices with Factur-X | {total:.1f} s |")


if __name__ == "__main__":
    main()
