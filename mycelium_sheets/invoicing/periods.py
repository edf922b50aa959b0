"""Invoicing periods: the month or week asked for, split by each customer's billing frequency."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from ..errors import InvoicingError
from ..i18n import _
from ..model.weeks import IsoWeek

_MONTH = re.compile(r"^\s*(\d{4})-(\d{1,2})\s*$")


@dataclass(frozen=True)
class Selection:
    """The deliveries to invoice: a date range, whether it is a month or a week, and an optional customer."""

    start: dt.date
    end: dt.date
    kind: str  # "month" or "week"
    label: str
    customer: str | None = None


def month_selection(text: str, customer: str | None = None) -> Selection:
    """Parse "2027-06" into the selection of June 2027."""
    match = _MONTH.match(text or "")
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise InvoicingError(_("invalid period"), value=text, remedy=_("Give the month as YEAR-MONTH, for example 2027-06."))
    year, month = int(match.group(1)), int(match.group(2))
    last = calendar.monthrange(year, month)[1]
    return Selection(dt.date(year, month, 1), dt.date(year, month, last), "month", f"{year}-{month:02d}", customer)


def week_selection(text: str, customer: str | None = None) -> Selection:
    """Parse "2027-W23" into the selection of that ISO week."""
    try:
        week = IsoWeek.parse(text or "")
    except ValueError:
        raise InvoicingError(_("invalid week"), value=text, remedy=_("Give the week as YEAR-Wnn, for example 2027-W23.")) from None
    return Selection(week.monday(), week.day(7), "week", str(week), customer)


def billing_period(frequency: str, delivery: dt.date, selection: Selection) -> tuple[dt.date, dt.date] | None:
    """Return the billing period a delivery falls in for a frequency, clipped to the selection.

    Returns None when the frequency does not invoice inside this selection:
    "none", and monthly billing asked for a single week.
    """
    if frequency == "delivery":
        return delivery, delivery
    if frequency == "weekly":
        week = IsoWeek.of(delivery)
        return max(week.monday(), selection.start), min(week.day(7), selection.end)
    if frequency in ("monthly", "contract"):
        if selection.kind == "week":
            return None
        last = calendar.monthrange(delivery.year, delivery.month)[1]
        return max(delivery.replace(day=1), selection.start), min(delivery.replace(day=last), selection.end)
    return None


def end_of_ten_day_period(day: dt.date) -> dt.date:
    """Return the last day of the ten-day period (1–10, 11–20, 21–end) a date falls in."""
    if day.day <= 10:
        return day.replace(day=10)
    if day.day <= 20:
        return day.replace(day=20)
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def perishable_due_limit(deliveries: list[dt.date], periodic: bool) -> dt.date:
    """Return the latest due date Code de commerce L441-11 II 1° allows for perishable products.

    One delivery: 30 days after it. A periodic invoice: 30 days after the
    end of the ten-day period of the earliest delivery.
    """
    first = min(deliveries)
    start = end_of_ten_day_period(first) if periodic else first
    return start + dt.timedelta(days=30)
