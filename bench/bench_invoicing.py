"""Time invoice rendering: per-invoice PDF with and without Factur-X, and a run of 1,000 Factur-X invoices.

Run: python bench/bench_invoicing.py [COUNT] [WORKERS]. Prints a Markdown
table of wall-clock and CPU times; the CPU time (worker processes
included) shows the cost apart from other programs sharing the cores.
The documents are copies of one synthetic invoice of 12 lines, so the
timing covers PDF layout, XML generation, schema check and PDF/A-3
embedding, not drafting. Rows side by side:

- the Latin font subset every French invoice uses, and the full DejaVu
  font that a name in another script (here Cyrillic) switches to, which is
  what every invoice cost before the subset;
- COUNT invoices in one process, and over WORKERS processes (default:
  every usable core) as ``mycelium factures`` does.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import sys
import tempfile
import time
from contextlib import closing
from decimal import Decimal
from pathlib import Path

from mycelium_sheets.invoicing.document import INVOICE, Invoice, InvoiceLine, Party
from mycelium_sheets.invoicing.parallel import render_documents, usable_cpu_count
from mycelium_sheets.invoicing.service import render_document
from mycelium_sheets.invoicing.totals import compute_totals

PER_INVOICE_SAMPLES = 50


def sample_invoice(sequence: int, buyer_name: str = "Restaurant") -> Invoice:
    lines = [InvoiceLine(f"Légume n° {index} (œuf, é)", Decimal(index + 1), "kg", Decimal("2.35"), "S",
                         Decimal("0.055"), (Decimal(index + 1) * Decimal("2.35")).quantize(Decimal("0.01")),
                         dt.date(2027, 6, 8)) for index in range(12)]
    seller = Party("Ferme du Banc d'Essai", "1 rue du Potager", "35000", "Rennes", siren="842173908",
                   vat_number="FR18842173908")
    buyer = Party(buyer_name, "2 place du Marché", "35000", "Rennes", siren="812345676")
    return Invoice(INVOICE, f"FA-{sequence:05d}", sequence, dt.date(2027, 6, 30), dt.date(2027, 7, 10), seller, buyer,
                   True, "real", tuple(lines), compute_totals(lines, "fr"), dt.date(2027, 6, 1), dt.date(2027, 6, 30),
                   "R", "fr")


def numbered(base: Invoice, count: int) -> list[Invoice]:
    return [dataclasses.replace(base, number=f"FA-{sequence:05d}", sequence=sequence) for sequence in range(1, count + 1)]


def cpu_seconds() -> float:
    """Return the CPU time of this process and of its ended worker processes."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def time_per_invoice(base: Invoice, profile: str | None) -> tuple[float, float]:
    """Return the wall-clock and CPU seconds per invoice, rendered in this process."""
    render_document(base, profile, Path("."))  # imports and first-use caches stay out of the timing
    started, cpu_started = time.perf_counter(), cpu_seconds()
    for invoice in numbered(base, PER_INVOICE_SAMPLES):
        render_document(invoice, profile, Path("."))
    return ((time.perf_counter() - started) / PER_INVOICE_SAMPLES,
            (cpu_seconds() - cpu_started) / PER_INVOICE_SAMPLES)


def time_run(invoices: list[Invoice], workers: int, label: str) -> tuple[float, float]:
    """Render and write every invoice as ``write_missing_pdfs`` does, with a progress bar on stderr.

    Returns the wall-clock and CPU seconds, worker processes included.
    """
    import click

    started, cpu_started = time.perf_counter(), cpu_seconds()
    with tempfile.TemporaryDirectory() as folder:
        with closing(render_documents(invoices, "en16931", Path("."), workers)) as rendered, \
                click.progressbar(zip(invoices, rendered), length=len(invoices), label=label, file=sys.stderr) as bar:
            for invoice, pdf in bar:
                (Path(folder) / f"{invoice.number}.pdf").write_bytes(pdf)
    return time.perf_counter() - started, cpu_seconds() - cpu_started


def milliseconds(times: tuple[float, float]) -> tuple[str, str]:
    return f"{times[0] * 1000:.1f} ms", f"{times[1] * 1000:.1f} ms"


def seconds(times: tuple[float, float]) -> tuple[str, str]:
    return f"{times[0]:.1f} s", f"{times[1]:.1f} s"


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    workers = int(sys.argv[2]) if len(sys.argv) > 2 else usable_cpu_count()
    latin = sample_invoice(1)
    cyrillic = sample_invoice(1, "Ресторан Ёлка")

    rows = [
        ("PDF only, per invoice", *milliseconds(time_per_invoice(latin, None))),
        ("PDF + Factur-X EN 16931, per invoice", *milliseconds(time_per_invoice(latin, "en16931"))),
        ("PDF + Factur-X, full font (Cyrillic name), per invoice",
         *milliseconds(time_per_invoice(cyrillic, "en16931"))),
        (f"{count} invoices with Factur-X, 1 process", *seconds(time_run(numbered(latin, count), 1, "1 process"))),
        (f"{count} invoices with Factur-X, {workers} processes",
         *seconds(time_run(numbered(latin, count), workers, f"{workers} processes"))),
    ]

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"Load average when done: {load:.2f} on {usable_cpu_count()} usable cores.")
    print()
    print("| Case | Wall-clock time | CPU time |")
    print("|---|---|---|")
    for label, wall, cpu in rows:
        print(f"| {label} | {wall} | {cpu} |")


if __name__ == "__main__":
    main()
