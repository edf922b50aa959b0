"""The results of ``prepare_deliveries``: harvest, packing, round, summary and shortages.

Every table converts to plain dicts with ``records(table)`` and to a pandas
DataFrame with ``to_frame(table)``; pandas is imported only there.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from ..errors import Problem
from ..model.catalogue import Customer, DeliveryPoint, Product
from ..model.units import Unit
from ..model.weeks import IsoWeek
from .quantities import PricedLine


# Columns holding a Unit, written as codes by records() and as labels by to_frame().
_UNIT_KEYS = {
    "lines": ("unit", "harvest_unit", "price_unit"),
    "harvest": ("unit",),
    "shortages": ("unit",),
}

# Columns holding a Decimal, which to_frame() turns into float64.
_DECIMAL_KEYS = {
    "lines": ("quantity", "harvest_quantity", "price", "amount"),
    "harvest": ("ordered", "to_harvest"),
    "customers": ("weight_kg", "amount_excl_vat", "vat", "amount_incl_vat", "basket_amount"),
    "shortages": ("ordered", "allocated", "missing", "stock", "forecast"),
}


@dataclass
class HarvestLine:
    """One product to harvest for one delivery day, in its harvest unit."""

    date: dt.date
    product: Product
    group: str
    ordered: Decimal
    to_harvest: Decimal
    unit: Unit


@dataclass
class CustomerDelivery:
    """The delivery of one customer on one day: the lines to pack and the amount due."""

    date: dt.date
    customer: Customer
    delivery_point: DeliveryPoint | None
    lines: list[PricedLine]
    amount_excl_vat: Decimal
    vat: Decimal
    amount_incl_vat: Decimal
    weight_kg: Decimal
    crates: int
    estimated: bool  # some amount waits for a weighed quantity
    baskets: int
    basket_amount: Decimal  # contract price of the baskets, excluding VAT


@dataclass
class Allocation:
    """The share of a short product given to one order line."""

    line: PricedLine
    ordered: Decimal
    allocated: Decimal

    @property
    def missing(self) -> Decimal:
        return self.ordered - self.allocated


@dataclass
class Shortage:
    """A product ordered beyond what is available, and how the available quantity is shared."""

    product: Product
    unit: Unit
    needed: Decimal
    available: Decimal
    allocations: list[Allocation] = field(default_factory=list)
    stock: Decimal | None = None  # None when the product is missing from the Stock sheet
    forecast: Decimal | None = None  # this product's share of its crop's forecast, None without one

    @property
    def short(self) -> Decimal:
        return self.needed - self.available


@dataclass
class Deliveries:
    """The deliveries of one day or one week, ready to be laid out as sheets."""

    dates: list[dt.date]
    week: IsoWeek | None
    margin: Decimal
    language: str
    lines: list[PricedLine]
    harvest: list[HarvestLine]
    customers: list[CustomerDelivery]
    shortages: list[Shortage]
    stock_checked: bool  # false when no ordered product has a stock count or a forecast
    problems: list[Problem] = field(default_factory=list)
    file: str | None = None
    forecast_source: str | None = None  # "sheet", "plan", or None when no harvest forecast was counted
    # Ordered products with neither a stock count nor a forecast share, so their shortages are not checked.
    unchecked: list[Product] = field(default_factory=list)

    @property
    def warnings(self) -> list[Problem]:
        return [problem for problem in self.problems if problem.severity == "warning"]

    def records(self, table: str = "lines") -> list[dict]:
        """Return a table as dicts: "lines", "harvest", "customers" or "shortages".

        Quantities and amounts are ``Decimal`` and units are their codes ("bunch", "kg").
        """
        rows = self._rows(table)
        for row in rows:
            for key in _UNIT_KEYS.get(table, ()):
                row[key] = row[key].code
        return rows

    def to_frame(self, table: str = "lines"):
        """Return a table as a pandas DataFrame (pandas must be installed).

        Quantities and amounts become float64 columns so that pandas can sum
        and plot them, whereas ``records()`` and the result objects keep the
        exact ``Decimal`` values that sheets and invoices use. Each unit column
        contains the label in the workbook's language ("botte", "barquette") and
        is followed by a column ending in ``_code`` with the code ("bunch",
        "punnet"). Delivery dates become datetime64 columns. In the
        "shortages" table, ``stock`` is NaN for a product with no count in
        the Stock sheet, which the Shortages sheet counts as 0 beside its
        forecast.
        """
        import pandas

        rows = []
        for row in self._rows(table):
            labelled = {}
            for key, value in row.items():
                if key in _UNIT_KEYS.get(table, ()):
                    labelled[key] = value.label(self.language)
                    labelled[key + "_code"] = value.code
                elif key in _DECIMAL_KEYS.get(table, ()):
                    labelled[key] = float(value) if value is not None else None
                else:
                    labelled[key] = value
            rows.append(labelled)

        frame = pandas.DataFrame.from_records(rows)
        for key in _DECIMAL_KEYS.get(table, ()):
            if key in frame.columns:
                frame[key] = frame[key].astype("float64")
        for key in ("date", "delivery_date"):
            if key in frame.columns:
                frame[key] = pandas.to_datetime(frame[key])
        return frame

    def _rows(self, table: str) -> list[dict]:
        builders = {
            "lines": self._line_records,
            "harvest": self._harvest_records,
            "customers": self._customer_records,
            "shortages": self._shortage_records,
        }
        if table not in builders:
            raise ValueError(f"unknown table {table!r}, expected one of {sorted(builders)}")
        return builders[table]()

    def _line_records(self) -> list[dict]:
        return [{
            "date": priced.line.delivery_date, "customer": priced.line.customer.name,
            "customer_type": priced.line.customer.type, "product": priced.line.product.name,
            "quantity": priced.quantity, "unit": priced.unit,
            "harvest_quantity": priced.harvest_quantity, "harvest_unit": priced.harvest_unit,
            "price": priced.price, "price_unit": priced.price_unit, "amount": priced.amount,
            "estimated": priced.estimated, "basket": priced.line.subscription is not None,
        } for priced in self.lines]

    def _harvest_records(self) -> list[dict]:
        return [{
            "date": line.date, "group": line.group, "product": line.product.name,
            "ordered": line.ordered, "to_harvest": line.to_harvest, "unit": line.unit,
        } for line in self.harvest]

    def _customer_records(self) -> list[dict]:
        return [{
            "date": delivery.date, "customer": delivery.customer.name, "customer_type": delivery.customer.type,
            "delivery_point": delivery.delivery_point.name if delivery.delivery_point else None,
            "lines": len(delivery.lines), "crates": delivery.crates, "weight_kg": delivery.weight_kg,
            "amount_excl_vat": delivery.amount_excl_vat, "vat": delivery.vat,
            "amount_incl_vat": delivery.amount_incl_vat, "baskets": delivery.baskets,
            "basket_amount": delivery.basket_amount,
        } for delivery in self.customers]

    def _shortage_records(self) -> list[dict]:
        return [{
            "product": shortage.product.name, "unit": shortage.unit, "date": allocation.line.line.delivery_date,
            "customer": allocation.line.line.customer.name, "priority": allocation.line.line.customer.priority,
            "ordered": allocation.ordered, "allocated": allocation.allocated, "missing": allocation.missing,
            "stock": shortage.stock, "forecast": shortage.forecast,
        } for shortage in self.shortages for allocation in shortage.allocations]
