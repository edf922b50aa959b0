"""Adding up priced order lines: harvest totals per day and deliveries per customer."""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from decimal import ROUND_CEILING, Decimal

from ..model.catalogue import Customer
from ..model.money import to_cents, to_quantity
from .quantities import PricedLine
from .results import CustomerDelivery, HarvestLine

# One crate is counted per started 10 kg of produce on the delivery round.
CRATE_CAPACITY_KG = Decimal(10)


def apply_margin(quantity: Decimal, margin: Decimal, count_unit: bool) -> Decimal:
    """Return the quantity to harvest: the ordered quantity plus the margin.

    In a count unit (bunch, piece) it is rounded up to a whole number,
    because half a bunch is not harvested: 13 bunches + 5 % = 13.65 → 14.
    """
    total = quantity * (1 + margin)
    if count_unit:
        return total.to_integral_value(rounding=ROUND_CEILING)
    return to_quantity(total)


def harvest_lines(lines: list[PricedLine], margin: Decimal) -> list[HarvestLine]:
    """Return one harvest line per delivery day and product, whatever the prices ordered at."""
    # A running total per day and product, added in the order of the lines
    # as a sum over each group would, without keeping the groups.
    totals: dict[tuple[dt.date, int], list] = {}
    for priced in lines:
        line = priced.line
        key = (line.delivery_date, id(line.product))
        entry = totals.get(key)
        if entry is None:
            totals[key] = [priced, Decimal(0) + priced.harvest_quantity]
        else:
            entry[1] += priced.harvest_quantity

    result = []
    for (date, _product_id), (first, total) in totals.items():
        product = first.line.product
        unit = first.harvest_unit
        ordered = to_quantity(total)
        result.append(HarvestLine(
            date=date, product=product, group=product.group or product.crop or "",
            ordered=ordered, to_harvest=apply_margin(ordered, margin, unit.dimension == "count"), unit=unit,
        ))
    result.sort(key=lambda line: (line.date, line.group == "", line.group.lower(), line.product.name.lower()))
    return result


def customer_deliveries(lines: list[PricedLine]) -> list[CustomerDelivery]:
    """Return what each customer receives each day, in the order of the delivery round."""
    by_customer: dict[tuple[dt.date, int], list[PricedLine]] = defaultdict(list)
    for priced in lines:
        by_customer[(priced.line.delivery_date, id(priced.line.customer))].append(priced)

    deliveries = [_delivery(date, group[0].line.customer, group) for (date, _customer_id), group in by_customer.items()]
    deliveries.sort(key=lambda delivery: (delivery.date, *round_position(delivery.customer)))
    return deliveries


def round_position(customer: Customer) -> tuple:
    """Return the sort key of a customer on the round: by round order, point name, then name."""
    point = customer.delivery_point
    if point is None:
        return (1, 0, "", customer.name.lower())
    order = point.round_order if point.round_order is not None else math.inf
    return (0, order, point.name.lower(), customer.name.lower())


def _delivery(date: dt.date, customer: Customer, lines: list[PricedLine]) -> CustomerDelivery:
    lines = sorted(lines, key=lambda priced: (priced.line.subscription is None, priced.line.product.name.lower()))
    amount = sum((priced.amount for priced in lines), Decimal(0))

    # VAT is rounded once per rate, as on an invoice.
    by_rate: dict[Decimal, Decimal] = defaultdict(Decimal)
    for priced in lines:
        by_rate[priced.line.product.vat_rate] += priced.amount
    vat = sum((to_cents(base * rate) for rate, base in by_rate.items()), Decimal(0))

    weight = sum((priced.weight_kg for priced in lines if priced.weight_kg is not None), Decimal(0))
    crates = max(1, math.ceil(weight / CRATE_CAPACITY_KG))

    subscriptions = {id(priced.line.subscription): priced.line.subscription for priced in lines if priced.line.subscription}
    baskets = sum(subscription.count for subscription in subscriptions.values())
    basket_amount = sum((to_cents(subscription.price * subscription.count) for subscription in subscriptions.values()
                         if subscription.price is not None), Decimal(0))
    return CustomerDelivery(
        date=date, customer=customer, delivery_point=customer.delivery_point, lines=lines,
        amount_excl_vat=to_cents(amount), vat=vat, amount_incl_vat=to_cents(amount + vat),
        weight_kg=to_quantity(weight), crates=crates, estimated=any(priced.estimated for priced in lines),
        baskets=baskets, basket_amount=basket_amount,
    )
