"""AMAP subscriptions expanded into order lines from the week's basket contents."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from ..errors import Location, Problem
from ..i18n import _
from ..model.farm_data import FarmData
from ..model.orders import BasketItem, OrderLine
from ..model.weeks import IsoWeek, week_range


def basket_contents(data: FarmData) -> dict[tuple[IsoWeek, str], list[BasketItem]]:
    """Return the basket items of each (week, basket size)."""
    contents: dict[tuple[IsoWeek, str], list[BasketItem]] = {}
    for item in data.baskets:
        contents.setdefault((item.week, item.basket), []).append(item)
    return contents


def expand_subscriptions(data: FarmData, problems: list[Problem], weeks: set[IsoWeek] | None = None,
                         dates: set[dt.date] | None = None) -> list[OrderLine]:
    """Return one order line per subscriber, delivery and basket item.

    A subscriber with 2 small baskets gets twice each item of the week's small
    basket. The lines carry a price of 0 and the subscription they come from,
    because a basket is paid by its contract price, not item by item. When
    ``weeks`` is given only those weeks are expanded, and a subscribed week
    with no basket contents is reported as a warning. With ``dates`` too,
    that warning is kept for subscriptions delivered on one of those days,
    so preparing Tuesday does not warn about a Thursday basket.
    """
    contents = basket_contents(data)
    lines: list[OrderLine] = []
    for subscription in data.subscriptions:
        if subscription.count <= 0:
            continue
        for week in week_range(subscription.first_week, subscription.last_week):
            if weeks is not None and week not in weeks:
                continue
            delivery_date = week.day(int(subscription.weekday))
            items = contents.get((week, subscription.basket))
            if not items:
                if weeks is not None and (dates is None or delivery_date in dates):
                    problems.append(Problem(
                        "warning", _("the week {week} has no contents for the basket “{basket}”, so “{customer}” gets nothing").format(
                            week=week, basket=subscription.basket, customer=subscription.customer.name),
                        subscription.source.location("basket") if subscription.source else Location(), None,
                        _("Fill in the basket contents of that week."),
                    ))
                continue

            for item in items:
                lines.append(OrderLine(
                    delivery_date=delivery_date, customer=subscription.customer, product=item.product,
                    quantity=item.quantity * subscription.count, unit=item.unit, price=Decimal(0),
                    source=item.source, subscription=subscription,
                ))
    return lines
