"""Finding products and customers by the names farmers type in order sheets."""

from __future__ import annotations

import difflib

from ..errors import Location, Problem
from ..i18n import _
from ..model.catalogue import Customer, Product
from ..model.farm_data import FarmData
from ..model.units import normalise_label


class NameIndex:
    """Records found by name or code, ignoring case and accents, with close-name suggestions."""

    def __init__(self, items, *attributes: str):
        self._items: dict[str, object] = {}
        self._labels: list[str] = []
        for item in items:
            for attribute in attributes:
                value = getattr(item, attribute)
                if value:
                    self._items.setdefault(normalise_label(value), item)
            self._labels.append(getattr(item, attributes[0]))

    def get(self, name: str):
        return self._items.get(normalise_label(name))

    def suggest(self, name: str) -> list[str]:
        """Return up to 3 names close to ``name``, closest first."""
        by_label = {normalise_label(label): label for label in self._labels}
        close = difflib.get_close_matches(normalise_label(name), list(by_label), n=3, cutoff=0.5)
        return [by_label[label] for label in close]


class Catalogue:
    """The products and customers of a farm, indexed for name look-ups."""

    def __init__(self, data: FarmData):
        self.products = NameIndex(data.products, "name", "reference")
        self.customers = NameIndex(data.customers, "name", "code")
        self.products_sheet = data.sheet_names.get("products", "Produits")
        self.customers_sheet = data.sheet_names.get("customers", "Clients")
        self.left_out = data.left_out_names

    def product(self, name: str, location: Location, problems: list[Problem]) -> Product | None:
        return self._find(self.products, name, location, self.products_sheet, problems, self.left_out.get("products"))

    def customer(self, name: str, location: Location, problems: list[Problem]) -> Customer | None:
        return self._find(self.customers, name, location, self.customers_sheet, problems, self.left_out.get("customers"))

    @staticmethod
    def _find(index: NameIndex, name: str, location: Location, sheet: str, problems: list[Problem],
              left_out: set[str] | None = None):
        item = index.get(name)
        if item is not None:
            return item
        if left_out and isinstance(name, str) and normalise_label(name) in left_out:
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
