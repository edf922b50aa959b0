"""``prepare_deliveries``: the week's orders turned into harvest, packing and round data."""

from __future__ import annotations

import datetime as dt
import logging
import re
from decimal import Decimal
from pathlib import Path

from ..errors import Location, MyceliumError, Problem
from ..i18n import _, get_language
from ..model.farm_data import FarmData
from ..model.weeks import IsoWeek, weeks_in_year
from .crop_forecast import crop_forecast
from .aggregate import customer_deliveries, harvest_lines
from .quantities import price_line
from .results import Deliveries
from .shortages import available_stock, find_shortages
from .sources import collect_orders, raise_for_problems, raise_for_sales_errors

logger = logging.getLogger(__name__)

_WEEK_NUMBER = re.compile(r"^\s*(\d{4})\s*-?\s*[Ww]\s*(\d{1,2})\s*$")


def prepare_deliveries(data_or_path: FarmData | str | Path, *, date: dt.date | str | None = None,
                       week: IsoWeek | str | None = None, margin: Decimal | None = None,
                       language: str | None = None) -> Deliveries:
    """Compute the harvest list, packing lists, round and shortages of a day or a week.

    ``data_or_path`` is a FarmData or the path of a workbook. Give ``date``
    for one delivery day or ``week`` (an ``IsoWeek`` or "2027-W23") for every
    delivery day of a week. With neither, the first day from today on that
    has orders is taken. ``margin`` is a fraction (0.05 for +5 %) added to
    the harvest list, the farm's harvest margin by default. Raises a
    ``MyceliumError`` naming every faulty cell, or saying that no order is
    due on the requested day.
    """
    data = _farm_data(data_or_path)
    raise_for_sales_errors(data)
    file = str(data.workbook.path) if data.workbook is not None else None

    day, week = _parse_period(date, week)
    if day is None and week is None:
        day = _next_delivery_date(data, file)
    requested_dates = {day} if day is not None else set(week.days())
    collected = collect_orders(data, weeks={week or IsoWeek.of(day)}, dates=requested_dates)
    raise_for_problems(collected.problems)
    if not collected.lines:
        _raise_no_orders(data, day, week, file)

    dates = sorted({line.delivery_date for line in collected.lines})
    problems = collected.problems
    priced = [result for result in (price_line(line, problems) for line in collected.lines) if result is not None]
    raise_for_problems(problems)
    _warn_missing_points(data, priced, problems)

    margin = _margin(margin, data)
    stock = available_stock(data, max(dates), problems)
    # A run covers one ISO week, so one week of forecast is compared with its orders.
    forecast_week = week or IsoWeek.of(day)
    forecast = crop_forecast(data, forecast_week, problems)
    logger.info("preparing %d order lines for %s", len(priced), ", ".join(day.isoformat() for day in dates))
    unchecked = []
    shortages = find_shortages(priced, stock, forecast, forecast_week, problems, unchecked)
    return Deliveries(
        dates=dates, week=week, margin=margin, language=language or _farm_language(data) or get_language(),
        lines=priced, harvest=harvest_lines(priced, margin), customers=customer_deliveries(priced),
        shortages=shortages, stock_checked=len(unchecked) < len({id(line.line.product) for line in priced}),
        problems=problems, file=file,
        forecast_source=forecast.source if forecast is not None else None, unchecked=unchecked,
    )


def _farm_data(data_or_path) -> FarmData:
    if isinstance(data_or_path, FarmData):
        return data_or_path
    from ..schema.load import load_farm

    return load_farm(data_or_path)


def _farm_language(data: FarmData) -> str | None:
    """Return the workbook's language: the farm's setting, else the language of its sheet names."""
    language = (data.farm.language or "").strip().lower()[:2] if data.farm and data.farm.language else ""
    if language in ("fr", "en"):
        return language

    from ..model.units import normalise_label
    from ..schema.standard import sheet_spec

    votes = {"fr": 0, "en": 0}
    for key, name in data.sheet_names.items():
        spec = sheet_spec(key)
        if normalise_label(name) == normalise_label(spec.name_fr) and spec.name_fr != spec.name_en:
            votes["fr"] += 1
        elif normalise_label(name) == normalise_label(spec.name_en) and spec.name_fr != spec.name_en:
            votes["en"] += 1
    if votes["fr"] == votes["en"]:
        return None
    return "fr" if votes["fr"] > votes["en"] else "en"


def _parse_period(date, week) -> tuple[dt.date | None, IsoWeek | None]:
    if date is not None and week is not None:
        raise MyceliumError(_("Give a delivery date or a week, not both."))
    if isinstance(date, str):
        date = _parse_date(date)
    if isinstance(date, dt.datetime):
        date = date.date()
    if isinstance(week, str):
        week = _parse_week(week)
    return date, week


def _parse_date(text: str) -> dt.date:
    """Parse a date typed as 10/06/2027, 1/6/2027 or 2027-06-10."""
    from ..schema.types import CellTypeError, to_date

    try:
        return to_date(text.strip())
    except CellTypeError:
        raise MyceliumError(_("invalid delivery date"), value=text,
                            remedy=_("Enter a date such as 10/06/2027 or 2027-06-10.")) from None


def _parse_week(text: str) -> IsoWeek:
    try:
        return IsoWeek.parse(text)
    except ValueError:
        pass

    # A well-formed week past the year's last one gets a message with the
    # year's week count, because few farmers know whether a year has 52 or 53.
    match = _WEEK_NUMBER.match(text)
    if match and int(match.group(2)) >= 1:
        year, number = int(match.group(1)), int(match.group(2))
        raise MyceliumError(
            _("week {week} does not exist because {year} has {count} ISO weeks").format(
                week=number, year=year, count=weeks_in_year(year)),
            value=text, remedy=_("Enter a week from {first} to {last}.").format(
                first=IsoWeek(year, 1), last=IsoWeek(year, weeks_in_year(year))))
    raise MyceliumError(_("invalid ISO week"), value=text, remedy=_("Enter a week in the form 2027-W23."))


def _all_dates(data: FarmData) -> list[dt.date]:
    collected = collect_orders(data)
    raise_for_problems(collected.problems)
    return sorted({line.delivery_date for line in collected.lines})


def _next_delivery_date(data: FarmData, file: str | None) -> dt.date:
    """Return the first delivery day from today on that has orders, or raise."""
    all_dates = _all_dates(data)
    upcoming = [date for date in all_dates if date >= dt.date.today()]
    if upcoming:
        return upcoming[0]
    raise MyceliumError(
        _("No order is due today or later."), location=Location(file=file),
        remedy=_("Give a date with --date or a week with --week; the last delivery days with orders are: {dates}.").format(
            dates=_list_dates(all_dates[-3:])),
    )


def _raise_no_orders(data: FarmData, day: dt.date | None, week: IsoWeek | None, file: str | None) -> None:
    target = day or week.monday()
    nearest = sorted(_all_dates(data), key=lambda date: abs((date - target).days))[:3]
    remedy = (_("Delivery days with orders near it: {dates}.").format(dates=_list_dates(sorted(nearest))) if nearest
              else _("Enter orders in the sheet “{sheet}” or in a grid sheet first.").format(
                  sheet=_sheet_name(data, "orders")))
    if day is not None:
        message = _("No order to deliver on {day}.").format(day=day.strftime("%d/%m/%Y"))
    else:
        message = _("No order to deliver in week {week}.").format(week=week)
    raise MyceliumError(message, location=Location(file=file), remedy=remedy)


def _sheet_name(data: FarmData, key: str) -> str:
    """Return a sheet's name as the workbook writes it, else its standard name in the workbook's language."""
    from ..schema.standard import sheet_spec

    if key in data.sheet_names:
        return data.sheet_names[key]
    spec = sheet_spec(key)
    return spec.name_en if _farm_language(data) == "en" else spec.name_fr


def _list_dates(dates: list[dt.date]) -> str:
    return ", ".join(date.strftime("%d/%m/%Y") for date in dates) or "—"


def _warn_missing_points(data: FarmData, priced, problems: list[Problem]) -> None:
    sheet = _sheet_name(data, "customers")
    seen = set()
    for result in priced:
        customer = result.line.customer
        if customer.delivery_point is not None or id(customer) in seen:
            continue
        seen.add(id(customer))
        problems.append(Problem(
            "warning", _("“{customer}” has no delivery point, so it is listed apart on the round").format(customer=customer.name),
            customer.source.location("delivery_point") if customer.source else Location(), None,
            _("Choose a delivery point in the sheet “{sheet}”.").format(sheet=sheet),
        ))


def _margin(margin: Decimal | None, data: FarmData) -> Decimal:
    if margin is None:
        margin = data.farm.harvest_margin if data.farm and data.farm.harvest_margin is not None else Decimal(0)
    margin = Decimal(margin)
    if margin < 0 or margin > 1:
        raise MyceliumError(_("invalid harvest margin"), value=f"{margin * 100} %",
                            remedy=_("Give a margin between 0 and 100 percent."))
    return margin
