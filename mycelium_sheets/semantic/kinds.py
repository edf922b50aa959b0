"""The farmer's words for the DFC classes named in import reports."""

from __future__ import annotations

from ..i18n import _


def _kind_words() -> dict[str, str]:
    # Built on each call, so the words follow the language chosen at run time.
    return {
        "SuppliedProduct": _("product"),
        "Person": _("individual customer"),
        "Enterprise": _("enterprise"),
        "Order": _("order"),
        "OrderLine": _("order line"),
        "Offer": _("offer"),
        "CatalogItem": _("catalogue item"),
        "Catalog": _("catalogue"),
        "SaleSession": _("sale session"),
        "Address": _("address"),
        "Price": _("price"),
        "QuantitativeValue": _("quantity"),
        "CustomerCategory": _("customer category"),
        "PhysicalPlace": _("delivery place"),
    }


def object_kind(types) -> str:
    """Return the farmer's word for the first known DFC class of a node, else its class name."""
    words = _kind_words()
    for name in sorted(types):
        if name in words:
            return words[name]
    return next(iter(sorted(types)), "?")
