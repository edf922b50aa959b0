"""Products, delivery points, customers and stock."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from .source import Source
from .units import Unit


@dataclass
class Product:
    name: str
    unit: Unit
    price: Decimal
    vat_rate: Decimal  # a fraction: 0.055 for 5.5 %
    reference: str | None = None
    price_unit: Unit | None = None  # kg for a product ordered by the piece and paid by weight
    average_weight: Decimal | None = None  # kg per unit of sale
    pieces_per_unit: Decimal | None = None
    harvest_unit: Unit | None = None
    crop: str | None = None
    group: str | None = None
    category: str | None = None
    dfc_type: str | None = None
    organic: bool | None = None
    active: bool | None = None
    description: str | None = None
    source: Source | None = None
    iri: str | None = None  # the product's DFC IRI when it differs from the one built from the base URI

    @property
    def sold_by_weight(self) -> bool:
        """True when it is ordered in a count unit but paid by weight."""
        return self.price_unit is not None and self.price_unit != self.unit

    @property
    def key(self) -> str:
        return self.reference or self.name


@dataclass
class DeliveryPoint:
    name: str
    address: str | None = None
    postcode: str | None = None
    city: str | None = None
    weekday: str | None = None  # ISO weekday as text, "1" = Monday
    time: str | None = None
    round_order: int | None = None
    notes: str | None = None
    source: Source | None = None


@dataclass
class Customer:
    name: str
    type: str  # a code of schema.choices.CUSTOMER_TYPES
    code: str | None = None
    contact: str | None = None
    email: str | None = None
    phone: str | None = None
    address: str | None = None
    postcode: str | None = None
    city: str | None = None
    siren: str | None = None
    siret: str | None = None
    vat_number: str | None = None
    billing_frequency: str | None = None
    payment_days: int | None = None
    delivery_point: DeliveryPoint | None = None
    priority: int | None = None
    notes: str | None = None
    source: Source | None = None
    iri: str | None = None  # the customer's DFC IRI when it differs from the one built from the base URI

    @property
    def is_business(self) -> bool:
        from ..schema.choices import BUSINESS_CUSTOMER_TYPES

        return self.type in BUSINESS_CUSTOMER_TYPES or bool(self.siren or self.siret)


@dataclass
class StockEntry:
    product: Product
    quantity: Decimal
    unit: Unit | None = None
    date: dt.date | None = None
    source: Source | None = None
