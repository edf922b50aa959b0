import datetime as dt
from decimal import Decimal

import pytest
from click.testing import CliRunner

from mycelium_sheets.cli import build_cli
from mycelium_sheets.errors import InvoicingError
from mycelium_sheets.i18n import set_language
from mycelium_sheets.invoicing import draft_invoices, month_selection
from mycelium_sheets.invoicing.legal_rate import LEGAL_INTEREST_RATE
from mycelium_sheets.schema.load import load_farm

from .conftest import FARM, write_workbook

PENALTY_LABEL = "Taux des pénalités de retard"
# The farm sheet lists FARM's nine fields in rows 1 to 9, then the penalty rate.
PENALTY_CELL = "B10"


@pytest.fixture(autouse=True)
def english():
    set_language("en")


def farm_with_penalty(tmp_path, rate, year=2026, customer="Bistrot"):
    """Write a workbook whose farm states this penalty rate, with one delivery on 9 June of the year."""
    farm = dict(FARM, **{PENALTY_LABEL: rate})
    orders = [(dt.datetime(year, 6, 9), customer, "Carotte botte", 3, None, None)]
    return write_workbook(tmp_path / "ferme.xlsx", farm=farm, orders=orders)


def draft(path, issue_date, **options):
    return draft_invoices(load_farm(path), month_selection(f"{issue_date.year}-06"), issue_date, "fr", **options)


def test_stored_rate_is_first_half_of_2026():
    # Arrêté of 15 December 2025: 2.62 % for creditors other than private persons.
    assert LEGAL_INTEREST_RATE.rate == Decimal("0.0262")
    assert (LEGAL_INTEREST_RATE.valid_from, LEGAL_INTEREST_RATE.valid_until) == (dt.date(2026, 1, 1), dt.date(2026, 6, 30))


def test_penalty_below_three_times_legal_rate(tmp_path):
    path = farm_with_penalty(tmp_path, 0.05)
    with pytest.raises(InvoicingError) as raised:
        draft(path, dt.date(2026, 6, 30))

    details = "\n".join(raised.value.details)
    # 3 × 2.62 % = 7.86 %, above the farm's 5 %.
    assert "below three times the legal interest rate (2.62 %)" in details
    assert f"sheet “Ferme”, cell {PENALTY_CELL}" in details
    assert "value found: “5 %”" in details
    assert "Enter at least 7.86 %" in details


@pytest.mark.parametrize("penalty", [0.0786, 0.10, 0.12])
def test_penalty_at_or_above_minimum(tmp_path, penalty):
    drafts = draft(farm_with_penalty(tmp_path, penalty), dt.date(2026, 6, 30))
    assert len(drafts.invoices) == 1
    assert drafts.warnings == []


def test_private_customer_needs_no_check(tmp_path):
    # Invoices to private persons state no penalty rate, so a low rate stops nothing.
    drafts = draft(farm_with_penalty(tmp_path, 0.05, customer="Marie"), dt.date(2026, 6, 30))
    assert [invoice.buyer.name for invoice in drafts.invoices] == ["Marie"]
    assert drafts.warnings == []


def test_stale_stored_rate_only_warns(tmp_path):
    drafts = draft(farm_with_penalty(tmp_path, 0.05, year=2027), dt.date(2027, 6, 30))
    assert len(drafts.invoices) == 1
    assert len(drafts.warnings) == 1
    warning = drafts.warnings[0]
    assert warning.location.cell == PENALTY_CELL
    assert "2026-01-01 to 2026-06-30" in warning.remedy


@pytest.mark.parametrize("legal, issued", [
    (Decimal("0.01"), True),  # minimum 3 × 1 % = 3 %, below the farm's 5 %
    (Decimal("0.02"), False),  # minimum 3 × 2 % = 6 %, above the farm's 5 %
])
def test_given_legal_rate_overrides_stored(tmp_path, legal, issued):
    path = farm_with_penalty(tmp_path, 0.05, year=2027)
    if issued:
        drafts = draft(path, dt.date(2027, 6, 30), legal_interest_rate=legal)
        assert len(drafts.invoices) == 1
        assert drafts.warnings == []
    else:
        with pytest.raises(InvoicingError, match="1 error"):
            draft(path, dt.date(2027, 6, 30), legal_interest_rate=legal)


@pytest.mark.parametrize("value, code", [("2,62", 0), ("1", 0), ("abc", 2), ("0", 2), ("150", 2)])
def test_cli_legal_rate_option(tmp_path, value, code):
    path = farm_with_penalty(tmp_path, 0.10, year=2027)
    result = CliRunner().invoke(build_cli(), ["--lang", "en", "invoices", str(path), "--period", "2027-06",
                                              "--date", "2027-06-30", "--profile", "none", "--legal-rate", value])
    assert result.exit_code == code, result.output
    if code == 2:
        assert "expected a percentage between 0 and 100" in result.output
