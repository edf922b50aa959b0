"""Weekly order grids: products down, customers (or delivery days) across.

A grid sheet's name starts with "Grille" or "Grid" (case and accents
ignored). Above the header row, column A has labels and column B their
values: "Date de livraison"/"Delivery date" and a date for a grid with
customers across, or "Semaine"/"Week" and an ISO week ("2027-W26") for a grid
with delivery days across, which also needs "Client"/"Customer" and a name.
The header row is the first row with a cell "Produit"/"Product". To its right
come an optional "Unité"/"Unit" column, then one column per customer or per
day (a date cell, or text such as "mardi 29/06" or "Tuesday"). Blank cells
mean zero; rows whose product cell starts with "Total" and "Total" columns
are ignored.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..errors import Location, Problem
from ..i18n import _
from ..model.catalogue import Customer
from ..model.farm_data import FarmData
from ..model.orders import OrderLine
from ..model.source import Source
from ..model.units import find_unit, normalise_label
from ..model.weeks import IsoWeek
from ..schema import types
from ..schema.choices import WEEKDAYS
from ..workbook.cells import a1
from ..workbook.table import Sheet
from .names import Catalogue

GRID_PREFIXES = ("grille", "grid")
HEADER_SEARCH_ROWS = 20

_PRODUCT_LABELS = {"produit", "produits", "product", "products"}
_UNIT_LABELS = {"unite", "unites", "unit", "units"}
_DATE_LABELS = {"date de livraison", "delivery date", "date", "livraison", "jour de livraison", "delivery day"}
_WEEK_LABELS = {"semaine", "week"}
_CUSTOMER_LABELS = {"client", "customer"}
_DAY_MONTH = re.compile(r"(\d{1,2})\s*[/.\-]\s*(\d{1,2})(?:\s*[/.\-]\s*(\d{2,4}))?")


def is_grid_sheet(name: str) -> bool:
    return normalise_label(name).startswith(GRID_PREFIXES)


def _label(value) -> str:
    return "" if types.is_blank(value) else normalise_label(types.to_text(value)).rstrip(" :")


@dataclass
class _GridHeading:
    """The date or week and the customer given above a grid's header row."""

    delivery_date: dt.date | None = None
    week: IsoWeek | None = None
    customer_name: str | None = None
    customer_cell: str | None = None


def read_grid_sheets(data: FarmData, catalogue: Catalogue, problems: list[Problem]) -> list[OrderLine]:
    """Return the order lines of every grid sheet of the workbook, adding problems found."""
    workbook = data.workbook
    if workbook is None:
        return []
    lines: list[OrderLine] = []
    for name, sheet in workbook.sheets.items():
        if name in workbook.engine_sheets or not is_grid_sheet(name):
            continue
        lines.extend(read_grid(sheet, str(workbook.path), catalogue, problems))
    return lines


def read_grid(sheet: Sheet, file: str | None, catalogue: Catalogue, problems: list[Problem]) -> list[OrderLine]:
    """Return the order lines of one grid sheet, adding problems found."""
    header_row, product_column = _find_header(sheet)
    if header_row is None:
        problems.append(Problem(
            "error", _("no header row with a cell “Produit” or “Product” in the first {count} rows").format(count=HEADER_SEARCH_ROWS),
            Location(file, sheet.name, "A1"), None,
            _("Put “Produit” above the product names, with one column per customer or per delivery day to its right."),
        ))
        return []

    heading = _read_heading(sheet, header_row, file, problems)
    if heading is None:
        return []

    grid_customer = None
    if heading.delivery_date is None:
        if heading.customer_name is None:
            problems.append(Problem(
                "error", _("a grid by week with days across needs its customer"), Location(file, sheet.name, "A2"), None,
                _("Write “Client” in A2 and the customer's name in B2."),
            ))
            return []
        grid_customer = catalogue.customer(heading.customer_name, Location(file, sheet.name, heading.customer_cell), problems)
        if grid_customer is None:
            return []

    columns, unit_column = _read_columns(sheet, header_row, product_column, heading, grid_customer, file, catalogue, problems)
    lines: list[OrderLine] = []
    for row_index in range(header_row + 1, len(sheet.rows)):
        lines.extend(_read_row(sheet, row_index, product_column, unit_column, columns, file, catalogue, problems))
    return lines


def _find_header(sheet: Sheet) -> tuple[int | None, int]:
    for row_index, row in enumerate(sheet.rows[:HEADER_SEARCH_ROWS]):
        for column_index, value in enumerate(row):
            if _label(value) in _PRODUCT_LABELS:
                return row_index, column_index
    return None, 0


def _read_heading(sheet: Sheet, header_row: int, file: str | None, problems: list[Problem]) -> _GridHeading | None:
    heading = _GridHeading()
    for row_index in range(header_row):
        label = _label(sheet.value(row_index, 0))
        value = sheet.value(row_index, 1)
        cell = a1(row_index, 1)
        if label in _DATE_LABELS and not types.is_blank(value):
            try:
                heading.delivery_date = types.to_date(value)
            except types.CellTypeError as error:
                problems.append(Problem("error", _("the delivery date is {reason}").format(reason=error.reason),
                                        Location(file, sheet.name, cell), value, _("Enter {expected}.").format(expected=error.expected)))
                return None
        elif label in _WEEK_LABELS and not types.is_blank(value):
            try:
                heading.week = types.to_week(value)
            except types.CellTypeError as error:
                problems.append(Problem("error", _("the week is {reason}").format(reason=error.reason),
                                        Location(file, sheet.name, cell), value, _("Enter {expected}.").format(expected=error.expected)))
                return None
        elif label in _CUSTOMER_LABELS and not types.is_blank(value):
            heading.customer_name = types.to_text(value)
            heading.customer_cell = cell

    if heading.delivery_date is None and heading.week is None:
        problems.append(Problem(
            "error", _("the grid has no delivery date and no week"), Location(file, sheet.name, "B1"), None,
            _("Write “Date de livraison” in A1 and the date in B1, or “Semaine” in A1 and a week such as 2027-W26 in B1."),
        ))
        return None
    return heading


def _read_columns(sheet, header_row, product_column, heading, grid_customer, file, catalogue, problems):
    """Return {column: (delivery date, customer)} for the quantity columns, and the unit column."""
    columns: dict[int, tuple[dt.date, Customer]] = {}
    unit_column = None
    for column_index in range(product_column + 1, len(sheet.rows[header_row])):
        value = sheet.value(header_row, column_index)
        label = _label(value)
        location = Location(file, sheet.name, a1(header_row, column_index))
        if not label or label.startswith("total"):
            continue
        if label in _UNIT_LABELS and unit_column is None and not columns:
            unit_column = column_index
            continue

        if heading.delivery_date is not None:
            customer = catalogue.customer(types.to_text(value), location, problems)
            if customer is not None:
                columns[column_index] = (heading.delivery_date, customer)
            continue

        day = _day_in_week(value, heading.week)
        if day is None:
            problems.append(Problem(
                "error", _("this column heading is not a delivery day of the week {week}").format(week=heading.week),
                location, value, _("Enter a date of that week, such as “mardi {day}”, or a weekday name.").format(
                    day=heading.week.day(2).strftime("%d/%m")),
            ))
            continue
        columns[column_index] = (day, grid_customer)
    return columns, unit_column


def _day_in_week(value, week: IsoWeek) -> dt.date | None:
    """Return the date a day heading stands for, or None when it is not a day of ``week``."""
    days = week.days()
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value if value in days else None

    text = types.to_text(value)
    match = _DAY_MONTH.search(text)
    if match:
        day_number, month = int(match.group(1)), int(match.group(2))
        for day in days:
            if (day.day, day.month) == (day_number, month):
                return day
        return None

    words = normalise_label(text).split()
    for choice in WEEKDAYS:
        names = {normalise_label(name) for name in choice.names()[1:]}
        if words and words[0] in names:
            return week.day(int(choice.code))
    return None


def _read_row(sheet, row_index, product_column, unit_column, columns, file, catalogue, problems) -> list[OrderLine]:
    row = sheet.rows[row_index]
    name_value = sheet.value(row_index, product_column)
    filled = {column: row[column] for column in columns if column < len(row) and not types.is_blank(row[column])}

    if types.is_blank(name_value):
        for column, value in filled.items():
            problems.append(Problem(
                "error", _("a quantity on a row without a product"), Location(file, sheet.name, a1(row_index, column)), value,
                _("Write the product in {cell} or clear the quantity.").format(cell=a1(row_index, product_column)),
            ))
        return []
    if _label(name_value).startswith("total") or not filled:
        return []

    product = catalogue.product(types.to_text(name_value), Location(file, sheet.name, a1(row_index, product_column)), problems)
    unit = None
    unit_value = sheet.value(row_index, unit_column) if unit_column is not None else None
    if not types.is_blank(unit_value):
        unit = find_unit(types.to_text(unit_value))
        if unit is None:
            problems.append(Problem(
                "error", _("unknown unit"), Location(file, sheet.name, a1(row_index, unit_column)), unit_value,
                _("Enter a unit such as kg, botte, pièce or barquette, or leave it empty for the product's unit."),
            ))
            return []
    if product is None:
        return []

    lines = []
    for column, value in filled.items():
        location = Location(file, sheet.name, a1(row_index, column))
        try:
            quantity = types.to_decimal(value)
        except types.CellTypeError:
            problems.append(Problem("error", _("the quantity is not a number"), location, value,
                                    _("Enter a number such as 12.5, or leave the cell empty for none.")))
            continue
        if quantity == 0:
            # A 0 typed in a grid means the same as a blank cell.
            continue
        delivery_date, customer = columns[column]
        fields = {"product": product_column, "quantity": column, "customer": column, "delivery_date": column}
        if unit_column is not None:
            fields["unit"] = unit_column
        lines.append(OrderLine(
            delivery_date=delivery_date, customer=customer, product=product, quantity=quantity, unit=unit,
            source=Source(file, sheet.name, row_index, fields),
        ))
    return lines
