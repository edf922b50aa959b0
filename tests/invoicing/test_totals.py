import datetime as dt
from decimal import Decimal

import pytest

from mycelium_sheets.invoicing.document import InvoiceLine
from mycelium_sheets.invoicing.periods import end_of_ten_day_period, perishable_due_limit
from mycelium_sheets.invoicing.totals import compute_totals


def line(amount, rate="0.055", category="S", refund=None):
    return InvoiceLine("x", Decimal(1), "piece", Decimal(amount), category, Decimal(rate), Decimal(amount),
                       refund_rate=None if refund is None else Decimal(refund))


def test_vat_on_summed_base_not_per_line():
    # Three lines of 0.99 at 5.5 %: per line 0.05445 → 0.05, so 0.15 summed;
    # BR-CO-17 rounds once: 2.97 × 0.055 = 0.16335 → 0.16.
    totals = compute_totals([line("0.99"), line("0.99"), line("0.99")], "fr")
    assert totals.tax_total == Decimal("0.16")
    assert totals.grand_total == Decimal("3.13")


def test_two_rates_each_summed():
    # 5.5 %: 6.60 + 5.56 = 12.16 → 0.6688 → 0.67; 10 %: 12.00 → 1.20.
    totals = compute_totals([line("6.60"), line("5.56"), line("12.00", "0.1")], "fr")
    assert [(s.rate, s.base, s.tax) for s in totals.tax_subtotals] == [
        (Decimal("0.055"), Decimal("12.16"), Decimal("0.67")),
        (Decimal("0.1"), Decimal("12.00"), Decimal("1.20")),
    ]
    assert totals.grand_total == Decimal("26.03")


def test_flat_rate_refund_per_rate():
    # Vegetables 100.00 × 4.43 % = 4.43; eggs 10.00 × 5.59 % = 0.559 → 0.56.
    totals = compute_totals([line("100.00", "0", "O", "0.0443"), line("10.00", "0", "O", "0.0559")], "fr")
    assert totals.charges_total == Decimal("4.99")
    assert totals.tax_total == Decimal("0.00")
    assert totals.grand_total == Decimal("114.99")
    assert totals.tax_subtotals[0].base == Decimal("114.99")  # the refund charge is outside the scope of VAT too


def test_franchise_has_no_vat():
    totals = compute_totals([line("25.00", "0", "E")], "fr")
    assert totals.tax_total == Decimal("0.00")
    assert totals.tax_subtotals[0].exemption_reason == "TVA non applicable, art. 293 B du CGI"


@pytest.mark.parametrize("day, end", [
    (dt.date(2027, 6, 1), dt.date(2027, 6, 10)),
    (dt.date(2027, 6, 10), dt.date(2027, 6, 10)),
    (dt.date(2027, 6, 11), dt.date(2027, 6, 20)),
    (dt.date(2027, 6, 21), dt.date(2027, 6, 30)),
    (dt.date(2028, 2, 25), dt.date(2028, 2, 29)),
])
def test_ten_day_period_end(day, end):
    assert end_of_ten_day_period(day) == end


def test_perishable_limit_periodic_and_single():
    # Periodic invoice, first delivery 8 June: end of period 10 June + 30 days = 10 July.
    assert perishable_due_limit([dt.date(2027, 6, 8), dt.date(2027, 6, 24)], True) == dt.date(2027, 7, 10)
    # One delivery on 8 June: 8 June + 30 days = 8 July.
    assert perishable_due_limit([dt.date(2027, 6, 8)], False) == dt.date(2027, 7, 8)
