"""Everything read from a farm workbook, typed and cross-referenced."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import MyceliumError, Problem
from ..i18n import _, ngettext
from .catalogue import Customer, DeliveryPoint, Product, StockEntry
from .crops import Bed, Family, Harvest, Itinerary, PastPlanting, Target
from .farm import Farm
from .orders import BasketItem, OrderLine, Subscription


@dataclass
class FarmData:
    """The farm's records, the sheet each came from and the problems found.

    ``sheet_names`` maps an input sheet's key ("products") to its name in
    this workbook ("Produits"). ``workbook`` is the ``workbook.table.Workbook``
    the data was read from, kept for engine code that reads other sheets
    (such as weekly order grids).
    """

    farm: Farm | None = None
    products: list[Product] = field(default_factory=list)
    customers: list[Customer] = field(default_factory=list)
    delivery_points: list[DeliveryPoint] = field(default_factory=list)
    orders: list[OrderLine] = field(default_factory=list)
    subscriptions: list[Subscription] = field(default_factory=list)
    baskets: list[BasketItem] = field(default_factory=list)
    stock: list[StockEntry] = field(default_factory=list)
    itineraries: list[Itinerary] = field(default_factory=list)
    families: list[Family] = field(default_factory=list)
    beds: list[Bed] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    harvests: list[Harvest] = field(default_factory=list)
    past_plantings: list[PastPlanting] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    sheet_names: dict[str, str] = field(default_factory=dict)
    other_sheets: list[str] = field(default_factory=list)
    workbook: object = None
    # Rows read per input sheet key, including the rows left out for errors.
    row_counts: dict[str, int] = field(default_factory=dict)
    # Normalised names of the products and customers whose rows were left
    # out for an invalid or empty cell: a reference to one of them is not an
    # unknown name, since the row's own error says what to correct.
    left_out_names: dict[str, set[str]] = field(default_factory=dict)

    @property
    def errors(self) -> list[Problem]:
        return [problem for problem in self.problems if problem.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [problem for problem in self.problems if problem.severity == "warning"]

    def raise_for_errors(self, keys: set[str] | None = None) -> None:
        """Raise one error listing every error problem, optionally only those of some sheets."""
        errors = self.errors
        if keys is not None:
            names = {self.sheet_names.get(key, key) for key in keys}
            errors = [problem for problem in errors if problem.location.sheet in names or problem.location.sheet is None]
        if not errors:
            return
        raise MyceliumError(
            ngettext("The workbook has {count} error:", "The workbook has {count} errors:", len(errors)).format(count=len(errors)),
            details=[str(problem) for problem in errors],
            remedy=_("Correct these cells and run the command again."),
        )

    def product(self, name: str) -> Product | None:
        for product in self.products:
            if product.name == name or product.reference == name:
                return product
        return None

    def customer(self, name: str) -> Customer | None:
        for customer in self.customers:
            if customer.name == name or customer.code == name:
                return customer
        return None
