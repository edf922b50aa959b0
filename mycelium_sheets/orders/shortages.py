"""Products ordered beyond the stock, and how the available quantity is shared.

Allocation rule: customers are served by priority (1 first, customers
without a priority last). When the quantity left cannot serve every line of
one priority level, it is shared between them in proportion to what each
ordered, rounded down to a whole unit for count units ordered in whole
numbers (else to 0.001). What rounding leaves over goes one step at a time
to the lines with the largest rounding remainders, earlier delivery first,
then customer name. Lower priority levels then get nothing.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from decimal import ROUND_FLOOR, Decimal

from ..errors import Location, Problem
from ..i18n import _
from ..model.catalogue import Product, StockEntry
from ..model.farm_data import FarmData
from ..model.money import to_quantity
from .quantities import PricedLine, convert_for_product, harvest_unit_of
from .results import Allocation, Shortage


def available_stock(data: FarmData, last_date: dt.date, problems: list[Problem]) -> dict[int, Decimal]:
    """Return the stock of each product (by id) in its harvest unit.

    Only the latest count of a product dated on or before ``last_date`` is
    kept (entries of that same date add up), because the Stock sheet records
    inventories; an undated entry counts as the latest.
    """
    latest: dict[int, list[StockEntry]] = {}
    for entry in data.stock:
        if entry.date is not None and entry.date > last_date:
            continue
        key = id(entry.product)
        kept = latest.get(key)
        if not kept or _newer(entry, kept[0]):
            latest[key] = [entry]
        elif _same_date(entry, kept[0]):
            kept.append(entry)

    stock: dict[int, Decimal] = {}
    for key, entries in latest.items():
        total = Decimal(0)
        for entry in entries:
            quantity = _in_harvest_unit(entry, problems)
            if quantity is None:
                break
            total += quantity
        else:
            stock[key] = to_quantity(total)
    return stock


def _newer(entry: StockEntry, kept: StockEntry) -> bool:
    if entry.date is None:
        return kept.date is not None
    return kept.date is not None and entry.date > kept.date


def _same_date(entry: StockEntry, kept: StockEntry) -> bool:
    return entry.date == kept.date


def _in_harvest_unit(entry: StockEntry, problems: list[Problem]) -> Decimal | None:
    product = entry.product
    unit = entry.unit or product.unit
    quantity = convert_for_product(entry.quantity, unit, harvest_unit_of(product), product)
    if quantity is None:
        problems.append(Problem(
            "warning", _("the stock of “{product}” cannot be converted to its harvest unit, so it is not checked").format(
                product=product.name),
            entry.source.location("quantity") if entry.source else Location(), entry.quantity,
            _("Enter the stock in the product's unit or fill in its average weight."),
        ))
    return quantity


def find_shortages(lines: list[PricedLine], stock: dict[int, Decimal]) -> list[Shortage]:
    """Return the products whose ordered quantity exceeds the stock, with their allocation."""
    by_product: dict[int, list[PricedLine]] = defaultdict(list)
    for priced in lines:
        by_product[id(priced.line.product)].append(priced)

    shortages = []
    for key, group in by_product.items():
        if key not in stock:
            continue
        needed = to_quantity(sum((priced.harvest_quantity for priced in group), Decimal(0)))
        if needed <= stock[key]:
            continue
        product: Product = group[0].line.product
        shortage = Shortage(product=product, unit=group[0].harvest_unit, needed=needed, available=stock[key])
        shortage.allocations = allocate(group, stock[key])
        shortages.append(shortage)
    shortages.sort(key=lambda shortage: shortage.product.name.lower())
    return shortages


def allocate(lines: list[PricedLine], available: Decimal) -> list[Allocation]:
    """Share ``available`` between order lines by priority, then in proportion (see the module rule)."""
    levels: dict[float, list[PricedLine]] = defaultdict(list)
    for priced in lines:
        priority = priced.line.customer.priority
        levels[priority if priority is not None else math.inf].append(priced)

    whole = lines[0].harvest_unit.dimension == "count" and all(
        priced.harvest_quantity == priced.harvest_quantity.to_integral_value() for priced in lines)
    step = Decimal(1) if whole else Decimal("0.001")

    remaining = max(available, Decimal(0))
    allocations: list[Allocation] = []
    for priority in sorted(levels):
        level = sorted(levels[priority], key=_tie_order)
        ordered = sum((priced.harvest_quantity for priced in level), Decimal(0))
        if ordered <= remaining:
            allocations.extend(Allocation(priced, priced.harvest_quantity, priced.harvest_quantity) for priced in level)
            remaining -= ordered
            continue
        allocations.extend(_share(level, ordered, remaining, step))
        remaining = Decimal(0)
    return allocations


def _tie_order(priced: PricedLine) -> tuple:
    return (priced.line.delivery_date, priced.line.customer.name.lower())


def _share(level: list[PricedLine], ordered: Decimal, available: Decimal, step: Decimal) -> list[Allocation]:
    """Share ``available`` in proportion to each line's quantity, by largest remainder."""
    exact = [priced.harvest_quantity * available / ordered for priced in level]
    shares = [(value / step).to_integral_value(rounding=ROUND_FLOOR) * step for value in exact]
    leftover = available - sum(shares, Decimal(0))

    by_remainder = sorted(range(len(level)), key=lambda index: -(exact[index] - shares[index]))
    for index in by_remainder:
        if leftover < step:
            break
        if shares[index] + step <= level[index].harvest_quantity:
            shares[index] += step
            leftover -= step
    return [Allocation(priced, priced.harvest_quantity, to_quantity(share)) for priced, share in zip(level, shares)]
