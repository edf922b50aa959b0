"""Products ordered beyond what is available, and how the available quantity is shared.

Available quantity: the product's stock, plus its share of the week's
harvest forecast when a crop plan exists (``forecast_shares``).

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
from ..i18n import _, get_language
from ..model.catalogue import Product, StockEntry
from ..model.farm_data import FarmData
from ..model.money import to_quantity
from ..model.units import normalise_label
from ..model.weeks import IsoWeek
from .crop_forecast import CropForecast
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


def find_shortages(lines: list[PricedLine], stock: dict[int, Decimal], forecast: CropForecast | None = None,
                   week: IsoWeek | None = None, problems: list[Problem] | None = None,
                   unchecked: list[Product] | None = None) -> list[Shortage]:
    """Return the products whose ordered quantity exceeds what is available, with their allocation.

    Available is the stock plus, when ``forecast`` covers the product's crop
    in ``week``, the product's share of that week's forecast (see
    ``forecast_shares``). A product missing from the Stock sheet counts a
    stock of 0 when its crop is in the forecast, and is not checked otherwise.
    Products not checked are appended to ``unchecked`` by name when that list
    is given, so that the Manques sheet can name them.
    """
    by_product: dict[int, list[PricedLine]] = defaultdict(list)
    for priced in lines:
        by_product[id(priced.line.product)].append(priced)
    needed = {key: to_quantity(sum((priced.harvest_quantity for priced in group), Decimal(0)))
              for key, group in by_product.items()}

    shares: dict[int, Decimal] = {}
    if forecast is not None and week is not None:
        shares = forecast_shares(by_product, needed, stock, forecast, week, problems if problems is not None else [])

    shortages = []
    not_checked = []
    for key, group in by_product.items():
        if key not in stock and key not in shares:
            not_checked.append(group[0].line.product)
            continue
        available = to_quantity(stock.get(key, Decimal(0)) + shares.get(key, Decimal(0)))
        if needed[key] <= available:
            continue
        product: Product = group[0].line.product
        shortage = Shortage(product=product, unit=group[0].harvest_unit, needed=needed[key], available=available,
                            stock=stock.get(key), forecast=shares.get(key))
        shortage.allocations = allocate(group, available)
        shortages.append(shortage)
    shortages.sort(key=lambda shortage: shortage.product.name.lower())
    if unchecked is not None:
        unchecked.extend(sorted(not_checked, key=lambda product: product.name.lower()))
    return shortages


def forecast_shares(by_product: dict[int, list[PricedLine]], needed: dict[int, Decimal], stock: dict[int, Decimal],
                    forecast: CropForecast, week: IsoWeek, problems: list[Problem]) -> dict[int, Decimal]:
    """Share each crop's forecast of ``week`` between its products, in each product's harvest unit.

    Each product requests what its stock does not cover, converted to the
    crop's unit. When the forecast covers every request, each product gets
    its request; otherwise the forecast is shared in proportion to the
    requests, because products of one crop (carrots by the bunch and by the
    kilo) come out of the same beds.
    """
    requests: dict[str, list[tuple[int, Product, Decimal]]] = defaultdict(list)
    for key, group in by_product.items():
        product: Product = group[0].line.product
        if not forecast.covers(product.crop, week):
            continue
        beyond_stock = max(needed[key] - stock.get(key, Decimal(0)), Decimal(0))
        request = convert_for_product(beyond_stock, group[0].harvest_unit, forecast.unit_of(product.crop), product)
        if request is None:
            problems.append(_unconvertible_forecast(product, forecast))
            continue
        requests[normalise_label(product.crop)].append((key, product, request))

    shares: dict[int, Decimal] = {}
    for crop, entries in requests.items():
        crop_unit = forecast.unit_of(crop)
        supply = forecast.quantity(crop, week)
        total = sum((request for _key, _product, request in entries), Decimal(0))
        for key, product, request in entries:
            share = request if total <= supply else request * supply / total
            harvest_unit = by_product[key][0].harvest_unit
            shares[key] = to_quantity(convert_for_product(share, crop_unit, harvest_unit, product))
    return shares


def _unconvertible_forecast(product: Product, forecast: CropForecast) -> Problem:
    unit = forecast.unit_of(product.crop).label(get_language())
    location = product.source.location("average_weight") if product.source else Location()
    return Problem(
        "warning",
        _("the forecast of “{crop}” is in {unit} and “{product}” cannot be converted to it, so its forecast is not counted").format(
            crop=product.crop, unit=unit, product=product.name),
        location, None, _("Fill in the product's average weight (kg) or pieces per unit."))


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
