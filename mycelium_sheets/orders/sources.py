"""Collecting order lines from every place a farm writes orders.

Orders come from the list sheet ("Commandes"/"Orders"), from weekly grid
sheets and from AMAP subscriptions. Cancelled lines are left out; each line
keeps its ``Source`` so that later errors name its cell.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field

from ..errors import Location, MyceliumError, Problem, SchemaError
from ..i18n import _, ngettext
from ..model.farm_data import FarmData
from ..model.orders import OrderLine
from ..model.weeks import IsoWeek
from ..schema.records import garbage_collection_paused
from ..schema.standard import sheet_spec
from .grids import read_grid_sheets
from .names import Catalogue
from .subscriptions import expand_subscriptions

logger = logging.getLogger(__name__)

# Input sheets whose errors stop the orders engine; errors in the crop
# sheets do not change what is delivered.
SALES_SHEETS = {"products", "customers", "delivery_points", "orders", "subscriptions", "baskets", "stock"}


@dataclass
class CollectedOrders:
    """The order lines to deliver and the problems found while collecting them."""

    lines: list[OrderLine] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [problem for problem in self.problems if problem.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [problem for problem in self.problems if problem.severity == "warning"]


def collect_orders(data: FarmData, *, weeks: set[IsoWeek] | None = None,
                   dates: set[dt.date] | None = None) -> CollectedOrders:
    """Collect the order lines of the list sheet, the grid sheets and the subscriptions.

    Problems are collected, not raised. An unknown product or customer, a
    negative quantity or a grid without a date is an error. A quantity of 0,
    or a product ordered twice by one customer for one day, is a warning. ``weeks`` limits the expansion of subscriptions and
    ``dates`` keeps only the lines delivered on those days.
    """
    with garbage_collection_paused():
        return _collect(data, weeks, dates)


def _collect(data: FarmData, weeks: set[IsoWeek] | None, dates: set[dt.date] | None) -> CollectedOrders:
    collected = CollectedOrders()
    catalogue = Catalogue(data)

    listed = [line for line in data.orders if line.status != "cancelled"]
    gridded = read_grid_sheets(data, catalogue, collected.problems)
    baskets = expand_subscriptions(data, collected.problems, weeks, dates)
    if dates is not None:
        listed = [line for line in listed if line.delivery_date in dates]
        gridded = [line for line in gridded if line.delivery_date in dates]
        baskets = [line for line in baskets if line.delivery_date in dates]
    append_line = collected.lines.append
    for lines in (listed, gridded):
        for line in lines:
            # A positive quantity is by far the common case, so only 0 and
            # negative quantities go through _check_quantity.
            if line.quantity > 0 or _check_quantity(line, collected.problems):
                append_line(line)
    collected.lines.extend(baskets)

    _warn_duplicates(collected.lines, collected.problems)
    logger.info("collected %d order lines (%d from the list sheet, %d from grids)",
                len(collected.lines), len(listed), len(gridded))
    return collected


def collect_order_lines(data: FarmData) -> list[OrderLine]:
    """Return every order line to deliver, without cancelled lines.

    Raises a ``MyceliumError`` listing every error of the sales sheets and
    of the order grids, each naming its cell.
    """
    raise_for_sales_errors(data)
    collected = collect_orders(data)
    raise_for_problems(collected.problems)
    return collected.lines


def raise_for_sales_errors(data: FarmData) -> None:
    """Raise the errors of the sheets orders depend on; the crop and farm sheets do not block deliveries."""
    for key in ("products", "customers"):
        if key not in data.sheet_names:
            spec = sheet_spec(key)
            raise SchemaError(
                _("the sheet “{sheet}” is missing").format(sheet=f"{spec.name_fr} / {spec.name_en}"),
                location=Location(file=str(data.workbook.path) if data.workbook is not None else None),
                remedy=_("Add it with “mycelium init” or copy it from the template."),
            )
    names = {data.sheet_names[key] for key in SALES_SHEETS if key in data.sheet_names}
    raise_for_problems([problem for problem in data.errors if problem.location.sheet in names])


def raise_for_problems(problems: list[Problem]) -> None:
    """Raise one error listing every error among ``problems``; warnings pass."""
    errors = [problem for problem in problems if problem.severity == "error"]
    if not errors:
        return
    names = list(dict.fromkeys(problem.location.sheet for problem in errors if problem.location.sheet))
    sheets = ", ".join(_("“{sheet}”").format(sheet=name) for name in names) or "—"
    if len(names) > 1:
        message = ngettext("The workbook has {count} error, in the sheets {sheets}:",
                           "The workbook has {count} errors, in the sheets {sheets}:", len(errors))
    else:
        message = ngettext("The workbook has {count} error, in the sheet {sheets}:",
                           "The workbook has {count} errors, in the sheet {sheets}:", len(errors))
    raise MyceliumError(
        message.format(count=len(errors), sheets=sheets),
        details=[str(problem) for problem in errors],
        remedy=_("Correct these cells and run the command again."),
    )


def _location(line: OrderLine, key: str) -> Location:
    return line.source.location(key) if line.source else Location()


def _check_quantity(line: OrderLine, problems: list[Problem]) -> bool:
    """Return whether the line is delivered: a quantity of 0 is skipped, a negative one is an error."""
    if line.quantity < 0:
        problems.append(Problem(
            "error", _("the quantity is negative"), _location(line, "quantity"), line.quantity,
            _("Enter the quantity to deliver, or set the status to cancelled."),
        ))
        return False
    if line.quantity == 0:
        problems.append(Problem(
            "warning", _("the quantity is 0, so the line is left out"), _location(line, "quantity"), None, None,
        ))
        return False
    return True


def _warn_duplicates(lines: list[OrderLine], problems: list[Problem]) -> None:
    """Warn when a customer orders a product twice for one day; both lines still count."""
    seen: dict[tuple, OrderLine] = {}
    message = _("“{product}” for “{customer}” on {date} is also ordered at {cell}; both lines are counted")
    remedy = _("Delete one of them if the order was entered twice.")
    date_texts: dict[dt.date, str] = {}
    first_cells: dict[int, str] = {}
    for line in lines:
        if line.subscription is not None:
            continue
        key = (line.delivery_date, id(line.customer), id(line.product))
        first = seen.setdefault(key, line)
        if first is line:
            continue
        date_text = date_texts.get(line.delivery_date)
        if date_text is None:
            date_text = date_texts[line.delivery_date] = line.delivery_date.strftime("%d/%m/%Y")
        first_cell = first_cells.get(id(first))
        if first_cell is None:
            first_cell = first_cells[id(first)] = _describe(first)
        problems.append(Problem(
            "warning",
            message.format(product=line.product.name, customer=line.customer.name, date=date_text,
                           cell=first_cell),
            _location(line, "quantity"), line.quantity, remedy,
        ))


def _describe(line: OrderLine) -> str:
    location = _location(line, "quantity")
    if location.sheet and location.cell:
        return f"{location.sheet}!{location.cell}"
    return location.cell or "?"
