"""Finding products and customers by the names farmers type in order sheets."""

from __future__ import annotations

from ..errors import Location, Problem
from ..i18n import _
from ..model.catalogue import Customer, Product
from ..model.farm_data import FarmData
from ..schema.names import NameIndex


class Catalogue:
    """The products and customers of a farm, indexed for name look-ups."""

    def __init__(self, data: FarmData):
        self.products = NameIndex(data.products, "name", "reference", left_out=data.left_out_names.get("products"))
        self.customers = NameIndex(data.customers, "name", "code", left_out=data.left_out_names.get("customers"))
        self.products_sheet = data.sheet_names.get("products", "Produits")
        self.customers_sheet = data.sheet_names.get("customers", "Clients")

    def product(self, name: str, location: Location, problems: list[Problem]) -> Product | None:
        return self._find(self.products, name, location, self.products_sheet, problems)

    def customer(self, name: str, location: Location, problems: list[Problem]) -> Customer | None:
        return self._find(self.customers, name, location, self.customers_sheet, problems)

    @staticmethod
    def _find(index: NameIndex, name: str, location: Location, sheet: str, problems: list[Problem]):
        item = index.get(name)
        if item is not None:
            return item
        if index.is_left_out(name):
            # The row of this name has its own error, reported where it is.
            return None

        suggestions = index.suggest(name)
        if suggestions:
            remedy = _("Did you mean: {names}?").format(names=", ".join(suggestions))
        else:
            remedy = _("Add it to the sheet “{sheet}” or correct the name.").format(sheet=sheet)
        problems.append(Problem(
            "error", _("unknown name, not found in the sheet “{sheet}”").format(sheet=sheet), location, name, remedy,
        ))
        return None
