"""Wide forms: order grids and sowing calendars, turned into one record per cell.

An order grid has products down the first column and customers or delivery
days across; each filled cell becomes an order line. The dimension the
grid does not spread across comes from the title above it or the sheet name
("Commandes du jeudi 10 juin 2027", a sheet named after a customer).

A sowing calendar has crops down and months across, sometimes split in
weeks or thirds of a month. Its cells contain codes: S for sowing, SA for
sowing under shelter, P (or RP) for planting out and R for harvest. Each crop becomes an itinerary whose earliest and latest planting
weeks span the cells coded S (sown in place) or P (planted out).
"""

from __future__ import annotations

import datetime as dt
import re

from ..errors import Location, Problem
from ..i18n import _
from ..model.units import normalise_label
from ..model.weeks import IsoWeek
from ..schema import sheet_spec
from ..schema.types import CellTypeError
from ..workbook.cells import a1
from ..workbook.table import Sheet
from .detect import Table
from .matching import match_header
from .plan import ColumnMatch, ImportRecord, TableMapping
from .rows import cell_problem, missing_problem
from .values import MONTHS, WEEKDAYS, clean_text, is_empty, read_date, read_quantity

SOWING_CODES = frozenset({"s", "sd", "semis", "sa", "sp", "semis sous abri"})
PLANTING_CODES = frozenset({"p", "pl", "plantation", "rp", "rep", "repiquage"})
HARVEST_CODES = frozenset({"r", "rec", "recolte", "c"})
NURSERY_CODES = frozenset({"sa", "sp", "semis sous abri"})
_WEEK_GROUP = re.compile(r"^(?:s|sem|semaine|w|week)\s*(\d{1,2})(?:\s+(\d{4}))?$")


def _month(label: str) -> int | None:
    return MONTHS.get(normalise_label(label).rstrip(" ."))


def _header_date(group: str, label: str, default_year: int | None) -> dt.date | None:
    """Return the date a grid header names: a date, or a weekday under "Semaine 12"."""
    weekday = WEEKDAYS.get(normalise_label(label).rstrip(" ."))
    week = _WEEK_GROUP.match(normalise_label(group)) if group else None
    if weekday and week:
        year = int(week.group(2)) if week.group(2) else default_year
        if year is None:
            return None
        try:
            return IsoWeek(year, int(week.group(1))).day(weekday)
        except ValueError:
            return None
    for text in (f"{label}", f"{group} {label}".strip()):
        try:
            return read_date(text, default_year=default_year)
        except CellTypeError:
            continue
    return None


def _numeric_share(sheet: Sheet, table: Table, columns: list[int]) -> float:
    filled = numbers = 0
    for row in table.rows:
        for column in columns:
            value = sheet.value(row, column)
            if is_empty(value):
                continue
            filled += 1
            try:
                if read_quantity(value).amount is not None:
                    numbers += 1
            except CellTypeError:
                pass
    return numbers / filled if filled else 0.0


def _codes_share(sheet: Sheet, table: Table, columns: list[int]) -> float:
    filled = codes = 0
    known = SOWING_CODES | PLANTING_CODES | HARVEST_CODES
    for row in table.rows:
        for column in columns:
            value = sheet.value(row, column)
            if is_empty(value):
                continue
            filled += 1
            parts = re.split(r"[\s,+/]+", normalise_label(clean_text(value)))
            if parts and all(part in known for part in parts if part):
                codes += 1
    return codes / filled if filled else 0.0


def propose_wide(sheet: Sheet, table: Table) -> TableMapping | None:
    """Return a grid or calendar mapping when the table is one, else None."""
    if len(table.columns) < 3:
        return None
    first_header = table.headers[0]
    across = table.columns[1:]
    months = [_month(label) or _month(group) for group, label in zip(table.groups[1:], table.labels[1:])]

    if sum(month is not None for month in months) >= 3 and _codes_share(sheet, table, across) >= 0.8:
        matches = [ColumnMatch(table.columns[0], first_header, "crop", 0.9, _("calendar"))]
        matches += [ColumnMatch(column, header, None, 0.9, _("calendar")) for column, header in zip(across, table.headers[1:])]
        return TableMapping(sheet.name, table.header_row, "crops", matches, list(table.headers), "calendar")

    product_key, _confidence, _reason = match_header(first_header, sheet_spec("products"))
    if product_key != "name" and first_header:
        return None
    # A column headed with a known orders column (quantity, price) means a list, not a grid.
    orders = sheet_spec("orders")
    if any(match_header(header, orders)[0] not in (None, "customer", "delivery_date") for header in table.headers[1:]):
        return None
    if _numeric_share(sheet, table, across) < 0.6:
        return None
    matches = [ColumnMatch(table.columns[0], first_header, "product", 0.9, _("grid"))]
    matches += [ColumnMatch(column, header, None, 0.9, _("grid")) for column, header in zip(across, table.headers[1:])]
    return TableMapping(sheet.name, table.header_row, "orders", matches, list(table.headers), "grid")


def _title_date(table: Table, sheet: Sheet, default_year: int | None) -> dt.date | None:
    for text in (table.title, sheet.name):
        words = clean_text(text).replace(",", " ").split()
        for size in (4, 3, 2, 1):
            for start in range(len(words) - size + 1):
                try:
                    return read_date(" ".join(words[start:start + size]), default_year=default_year)
                except CellTypeError:
                    continue
    return None


def read_wide(file: str, sheet: Sheet, table: Table, mapping: TableMapping, *,
              default_year: int | None = None) -> tuple[list[ImportRecord], list[Problem]]:
    """Turn the cells of a grid or calendar into records."""
    if mapping.kind == "calendar":
        return _read_calendar(file, sheet, table, default_year)
    return _read_grid(file, sheet, table, default_year)


def _read_grid(file: str, sheet: Sheet, table: Table, default_year: int | None):
    records, problems = [], []
    spec = sheet_spec("orders")
    headers = []
    for column, group, label in zip(table.columns[1:], table.groups[1:], table.labels[1:]):
        headers.append((column, _header_date(group, label, default_year), f"{group} {label}".strip()))
    across_dates = sum(date is not None for _column, date, _text in headers) > len(headers) / 2

    fixed_date = None if across_dates else _title_date(table, sheet, default_year)
    fixed_customer = (clean_text(table.title) or sheet.name) if across_dates else None
    if not across_dates and fixed_date is None:
        problems.append(Problem(
            "error", _("the order grid has customers across but no delivery date in its title"),
            Location(file=file, sheet=sheet.name, cell=a1(table.header_row, table.first_column)), table.title or None,
            _("Put the delivery date in the title above the grid, such as “Commandes du 10/06/2027”.")))
        return records, problems

    for row in table.rows:
        product = sheet.value(row, table.columns[0])
        if is_empty(product):
            continue
        for column, date, text in headers:
            value = sheet.value(row, column)
            if is_empty(value):
                continue
            cell = Location(file=file, sheet=sheet.name, cell=a1(row, column))
            if across_dates and date is None:
                problems.append(Problem(
                    "error", _("the grid column “{header}” is not a delivery date").format(header=text),
                    Location(file=file, sheet=sheet.name, cell=a1(table.header_row, column)), text,
                    _("Head each column with a date such as 10/06/2027, or give the year with --annee.")))
                continue
            try:
                quantity = read_quantity(value)
                if quantity.amount is None:
                    raise CellTypeError(_("not a valid quantity"), _("a number such as 12.5"))
            except CellTypeError as error:
                problems.append(cell_problem(file, sheet.name, row, column, spec.column("quantity"), value, error))
                continue
            if quantity.amount == 0:
                continue
            values = {
                "delivery_date": date if across_dates else fixed_date,
                "customer": fixed_customer if across_dates else text,
                "product": clean_text(product),
                "quantity": quantity.amount,
                "unit": quantity.unit,
            }
            records.append(ImportRecord("orders", values, cell, {"quantity": cell}))
    return records, problems


def _month_weeks(year: int, month: int, part: int, parts: int) -> tuple[IsoWeek, IsoWeek]:
    """Return the first and last ISO week of a part of a month split in ``parts`` equal spans of days."""
    first_day = dt.date(year, month, 1)
    next_month = dt.date(year + (month == 12), month % 12 + 1, 1)
    length = (next_month - first_day).days
    start = first_day + dt.timedelta(days=(length * part) // parts)
    end = first_day + dt.timedelta(days=(length * (part + 1)) // parts - 1)
    return IsoWeek.of(start), IsoWeek.of(end)


def _read_calendar(file: str, sheet: Sheet, table: Table, default_year: int | None):
    records, problems = [], []
    spec = sheet_spec("crops")
    # Reference year for turning months into week numbers; week numbers of a
    # month shift by at most one between years.
    year = default_year or dt.date.today().year

    spans: dict[int, tuple[int, int, int]] = {}
    current, parts = None, {}
    for column, group, label in zip(table.columns[1:], table.groups[1:], table.labels[1:]):
        month = _month(group) if group else _month(label)
        if month is None and current is not None and not group:
            month = current
        if month is None:
            continue
        current = month
        parts.setdefault(month, []).append(column)
    for month, columns in parts.items():
        for index, column in enumerate(columns):
            spans[column] = (month, index, len(columns))

    for row in table.rows:
        crop = sheet.value(row, table.columns[0])
        if is_empty(crop):
            continue
        sowing, planting, nursery = [], [], False
        for column, (month, part, count) in spans.items():
            value = sheet.value(row, column)
            if is_empty(value):
                continue
            codes = [code for code in re.split(r"[\s,+/]+", normalise_label(clean_text(value))) if code]
            unknown = [code for code in codes if code not in SOWING_CODES | PLANTING_CODES | HARVEST_CODES]
            if unknown:
                problems.append(Problem(
                    "error", _("unknown calendar code"), Location(file=file, sheet=sheet.name, cell=a1(row, column)), value,
                    _("Use S (sowing), SA (sowing under shelter), P (planting) or R (harvest).")))
                continue
            weeks = _month_weeks(year, month, part, count)
            if any(code in SOWING_CODES for code in codes):
                sowing.append(weeks)
                nursery = nursery or any(code in NURSERY_CODES for code in codes)
            if any(code in PLANTING_CODES for code in codes):
                planting.append(weeks)

        window = planting or ([] if nursery else sowing)
        values = {"crop": clean_text(crop)}
        if planting or nursery:
            values["method"] = "transplant"
            values["maturity_basis"] = "planting"
        elif sowing:
            values["method"] = "direct"
            values["maturity_basis"] = "sowing"
        if window:
            values["earliest_week"] = min(first for first, _last in window).week
            values["latest_week"] = max(last for _first, last in window).week
        location = Location(file=file, sheet=sheet.name, cell=a1(row, table.first_column))
        record = ImportRecord("crops", values, location, {"crop": location})
        records.append(record)
        warning = missing_problem(record, spec)
        if warning is not None:
            problems.append(warning)
    return records, problems

