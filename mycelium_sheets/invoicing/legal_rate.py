"""The French legal interest rate and the minimum late-payment penalty rate it sets.

Code de commerce L441-10: the penalty rate a business invoice states
"ne peut être inférieur à trois fois le taux d'intérêt légal". The legal
rate is fixed every half-year by ministerial order (Code monétaire et
financier L313-2 and D313-1-A), with one rate for creditors who are
private persons and one "pour tous les autres cas". A farm is a
professional creditor, so the second rate applies.

The rate below is the only copy in the engine. Update it each half-year,
or give the current rate to ``draft_invoices``/``issue_invoices``
(``legal_interest_rate``) or to ``mycelium factures --taux-legal``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from ..errors import Location, Problem
from ..i18n import _, get_language
from ..model.farm import Farm
from .mentions import date_text, percent_text

# L441-10: at least three times the legal interest rate.
PENALTY_MULTIPLE = 3


@dataclass(frozen=True)
class LegalInterestRate:
    """A legal interest rate for professional creditors, the half-year it applies to, and its source."""

    rate: Decimal  # a fraction: 0.0262 is 2.62 %
    valid_from: dt.date
    valid_until: dt.date
    source: str


# First half of 2026, "pour tous les autres cas": 2.62 %.
LEGAL_INTEREST_RATE = LegalInterestRate(
    Decimal("0.0262"), dt.date(2026, 1, 1), dt.date(2026, 6, 30),
    "arrêté du 15 décembre 2025 relatif à la fixation du taux de l'intérêt légal, JORF n° 0302 du 26 décembre 2025",
)


def minimum_penalty_rate(legal_rate: Decimal) -> Decimal:
    return legal_rate * PENALTY_MULTIPLE


def check_penalty_rate(farm: Farm, issue_date: dt.date, legal_rate: Decimal | None) -> Problem | None:
    """Return a problem when the farm's penalty rate is below three times the legal interest rate, else None.

    ``legal_rate`` overrides the stored rate. With the stored rate, an issue
    date outside its half-year gives a warning instead of an error, because
    the current rate may differ. An empty penalty rate is lawful: the
    invoice then states the ECB rate plus 10 points.
    """
    penalty = farm.late_penalty_rate
    if penalty is None:
        return None
    known = legal_rate is not None
    if legal_rate is None:
        legal_rate = LEGAL_INTEREST_RATE.rate
        known = LEGAL_INTEREST_RATE.valid_from <= issue_date <= LEGAL_INTEREST_RATE.valid_until
    minimum = minimum_penalty_rate(legal_rate)
    if penalty >= minimum:
        return None

    language = get_language()
    message = _("the late-payment penalty rate is below three times the legal interest rate ({legal}), "
                "the minimum of art. L441-10 of the French commercial code").format(legal=percent_text(legal_rate, language))
    remedy = _("Enter at least {minimum}, or leave the cell empty to state the ECB rate plus 10 points.").format(
        minimum=percent_text(minimum, language))
    if not known:
        remedy += " " + _("The legal rate used is that of {start} to {end}: give the current one with --legal-rate.").format(
            start=date_text(LEGAL_INTEREST_RATE.valid_from, language),
            end=date_text(LEGAL_INTEREST_RATE.valid_until, language))
    location = farm.source.location("late_penalty_rate") if farm.source else Location()
    return Problem("error" if known else "warning", message, location, percent_text(penalty, language), remedy)
