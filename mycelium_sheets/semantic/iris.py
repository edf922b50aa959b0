"""Stable IRIs for the farm's DFC objects, built from ``Farm.base_uri``.

An IRI depends only on the base URI and on what the farmer typed (a SKU, a
customer code, a name, a date), never on row positions, so exporting the same
workbook twice gives the same IRIs. A product, customer or order line whose
"IRI" cell is filled keeps that IRI, which is how imported objects keep
the identity they had on the platform they came from.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from urllib.parse import urlsplit

from ..errors import Location, SemanticDataError
from ..i18n import _
from ..model.units import normalise_label

_NOT_SLUG = re.compile(r"[^a-z0-9]+")


@functools.lru_cache(maxsize=4096)
def slug(text: str) -> str:
    """Return a lower-case ASCII IRI segment: "Pommes de terre (kg)" gives "pommes-de-terre-kg"."""
    plain = normalise_label(str(text)).replace("œ", "oe").replace("æ", "ae")
    return _NOT_SLUG.sub("-", plain).strip("-") or "x"


def is_absolute_iri(text: str) -> bool:
    """True for an http or https IRI with a host."""
    parts = urlsplit(str(text).strip())
    return parts.scheme in ("http", "https") and bool(parts.netloc) and " " not in str(text).strip()


def check_base_uri(base_uri: str | None, location: Location) -> str:
    """Return the base URI ending with "/" or "#"; raise SemanticDataError when it is missing or invalid."""
    if base_uri is None or not str(base_uri).strip():
        raise SemanticDataError(
            _("the data base URI is empty, so the DFC objects have no address"),
            location=location,
            remedy=_("Fill in “Adresse des données (URI)” in the farm sheet, for example https://ferme.example/dfc/."),
        )
    base = str(base_uri).strip()
    if not is_absolute_iri(base) or "#" in base[:-1]:
        raise SemanticDataError(
            _("the data base URI is not an absolute http(s) address"),
            location=location, value=base,
            remedy=_("Enter an address such as https://ferme.example/dfc/."),
        )
    return base if base.endswith(("/", "#")) else base + "/"


class IriMinter:
    """Builds the IRIs of one export, keeping slugs unique within each kind."""

    def __init__(self, base: str):
        self.base = base
        self._taken: dict[str, str] = {}

    def _unique(self, iri: str, owner: str) -> str:
        # Two names that slug alike ("Carottes (botte)" and "Carottes botte")
        # get -2, -3… in the order met; the first keeps the plain IRI.
        candidate, number = iri, 1
        while self._taken.get(candidate, owner) != owner:
            number += 1
            candidate = f"{iri}-{number}"
        self._taken[candidate] = owner
        return candidate

    def enterprise(self) -> str:
        return self.base + "enterprise"

    def product(self, key: str) -> str:
        return self._unique(self.base + "products/" + slug(key), "product:" + key)

    def customer(self, key: str) -> str:
        return self._unique(self.base + "customers/" + slug(key), "customer:" + key)

    def place(self, name: str) -> str:
        return self._unique(self.base + "places/" + slug(name), "place:" + name)

    def sale_session(self, day: dt.date, place: str | None) -> str:
        return self.base + f"sale-sessions/{day.isoformat()}/" + (slug(place) if place else "farm")

    def order(self, number: str | None, day: dt.date, customer_key: str) -> str:
        # An order number names one order, whatever its rows; without one,
        # an order is a customer's lines for one delivery day.
        if number:
            return self.base + "orders/" + slug(number)
        return self.base + f"orders/{day.isoformat()}/" + slug(customer_key)

    @staticmethod
    def order_line(order_iri: str, product_key: str, taken: set[str]) -> str:
        """Return a line IRI not in ``taken`` (the order's lines so far) and add it there."""
        iri = candidate = order_iri + "/lines/" + slug(product_key)
        number = 1
        while candidate in taken:
            number += 1
            candidate = f"{iri}-{number}"
        taken.add(candidate)
        return candidate


def enterprise_base(iri: str) -> str | None:
    """Return the base URI of an enterprise IRI this engine made, or None."""
    if iri.endswith("/enterprise") and is_absolute_iri(iri):
        return iri[: -len("enterprise")]
    return None
