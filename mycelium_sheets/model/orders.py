"""Order lines, AMAP subscriptions and basket contents."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from .catalogue import Customer, Product
from .source import Source
from .units import Unit
from .weeks import IsoWeek


@dataclass
class OrderLine:
    delivery_date: dt.date
    customer: Customer
    product: Product
    quantity: Decimal
    unit: Unit | None = None  # the product's unit of sale when None
    price: Decimal | None = None  # the catalogue price when None
    weighed_quantity: Decimal | None = None  # kg actually weighed, for products paid by weight
    status: str | None = None  # a code of schema.choices.ORDER_STATUSES; None means confirmed
    order_number: str | None = None
    comment: str | None = None
    source: Source | None = None
    payment_status: str | None = None  # a code of schema.choices.PAYMENT_STATUSES; None means unknown
    iri: str | None = None  # the line's DFC IRI when it differs from the one built from the base URI
    subscription: Subscription | None = None  # the AMAP contract a basket line comes from

    @property
    def cancelled(self) -> bool:
        return self.status == "cancelled"

    @property
    def effective_unit(self) -> Unit:
        return self.unit or self.product.unit

    @property
    def effective_price(self) -> Decimal:
        return self.price if self.price is not None else self.product.price


@dataclass
class Subscription:
    customer: Customer
    basket: str  # a code of schema.choices.BASKET_SIZES
    count: int
    first_week: IsoWeek
    last_week: IsoWeek
    weekday: str  # ISO weekday as text, "1" = Monday
    price: Decimal | None = None
    source: Source | None = None


@dataclass
class BasketItem:
    week: IsoWeek
    basket: str
    product: Product
    quantity: Decimal
    unit: Unit | None = None
    source: Source | None = None
