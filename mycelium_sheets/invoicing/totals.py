"""Invoice totals: VAT per rate on the summed base (EN 16931 rule BR-CO-17).

Line amounts are already rounded to the cent. The VAT of each rate is the
rate times the sum of the line amounts of that rate, rounded half-up once,
so an invoice never carries the sum of per-line rounding errors. The
flat-rate refund follows the same rule per refund rate and is a document
charge outside the scope of VAT.
"""

from __future__ import annotations

from decimal import Decimal

from ..model.money import to_cents
from .document import InvoiceLine, RefundSubtotal, TaxSubtotal, Totals
from .vat import OUTSIDE_SCOPE, exemption


def compute_totals(lines: list[InvoiceLine] | tuple[InvoiceLine, ...], language: str) -> Totals:
    """Sum the lines into the totals, the VAT breakdown and the flat-rate refunds."""
    lines_total = sum((line.amount for line in lines), Decimal("0.00"))

    refund_bases: dict[Decimal, Decimal] = {}
    for line in lines:
        if line.refund_rate is not None:
            refund_bases[line.refund_rate] = refund_bases.get(line.refund_rate, Decimal("0.00")) + line.amount
    refunds = tuple(
        RefundSubtotal(rate, base, to_cents(base * rate)) for rate, base in sorted(refund_bases.items(), reverse=True)
    )
    charges_total = sum((refund.amount for refund in refunds), Decimal("0.00"))

    tax_bases: dict[tuple[str, Decimal], Decimal] = {}
    for line in lines:
        key = (line.vat_category, line.vat_rate)
        tax_bases[key] = tax_bases.get(key, Decimal("0.00")) + line.amount
    if charges_total:
        # The refund charge is itself outside the scope of VAT (category O).
        key = (OUTSIDE_SCOPE, Decimal(0))
        tax_bases[key] = tax_bases.get(key, Decimal("0.00")) + charges_total

    subtotals = []
    for (category, rate), base in sorted(tax_bases.items(), key=lambda item: (item[0][1], item[0][0])):
        reason, code = exemption(category, language)
        subtotals.append(TaxSubtotal(category, rate, base, to_cents(base * rate), reason, code))
    tax_total = sum((subtotal.tax for subtotal in subtotals), Decimal("0.00"))

    tax_basis = lines_total + charges_total
    return Totals(
        lines_total=lines_total,
        charges_total=charges_total,
        tax_basis=tax_basis,
        tax_total=tax_total,
        grand_total=tax_basis + tax_total,
        tax_subtotals=tuple(subtotals),
        refunds=refunds,
    )
