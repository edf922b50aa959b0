"""Finding products, customers and delivery points by the names farmers type."""

from __future__ import annotations

import difflib

from ..model.units import normalise_label


class NameIndex:
    """Records found by name or code, ignoring case and accents, with close-name suggestions.

    ``left_out`` contains the normalised names of rows left out for an invalid
    or empty cell: a reference to one of them is not an unknown name, since
    that row's own error already names what to correct.
    """

    def __init__(self, items, *attributes: str, left_out: set[str] | None = None):
        self._items: dict[str, object] = {}
        self._labels: list[str] = []
        for item in items:
            for attribute in attributes:
                value = getattr(item, attribute)
                if value:
                    self._items.setdefault(normalise_label(value), item)
            self._labels.append(getattr(item, attributes[0]))
        self._found: dict = {}
        self.left_out = left_out or set()

    def get(self, name: str):
        # Order sheets name the same few hundred products and customers on
        # every row, so each spelling is looked up once.
        try:
            return self._found[name]
        except KeyError:
            item = self._found[name] = self._items.get(normalise_label(name))
            return item
        except TypeError:  # an unhashable name
            return self._items.get(normalise_label(name))

    def is_left_out(self, name) -> bool:
        try:
            return normalise_label(name) in self.left_out
        except TypeError:
            return False

    def suggest(self, name: str) -> list[str]:
        """Return up to 3 names close to ``name``, closest first, ignoring case and accents."""
        by_label = {normalise_label(label): label for label in self._labels}
        close = difflib.get_close_matches(normalise_label(name), list(by_label), n=3, cutoff=0.5)
        return [by_label[label] for label in close]
