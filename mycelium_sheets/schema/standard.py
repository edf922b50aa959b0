"""The input sheets of the standard workbook, in the order they appear."""

from __future__ import annotations

from ..model.units import normalise_label
from .columns import SheetSpec
from .crop_sheets import BEDS, CROPS, FAMILIES, HARVESTS, PAST_PLANTINGS, TARGETS
from .farm_sheet import FARM
from .sales_sheets import BASKETS, CUSTOMERS, DELIVERY_POINTS, ORDERS, PRODUCTS, STOCK, SUBSCRIPTIONS

INPUT_SHEETS: tuple[SheetSpec, ...] = (
    FARM, PRODUCTS, CUSTOMERS, DELIVERY_POINTS, ORDERS, SUBSCRIPTIONS, BASKETS, STOCK,
    CROPS, FAMILIES, BEDS, TARGETS, HARVESTS, PAST_PLANTINGS,
)

_BY_KEY = {spec.key: spec for spec in INPUT_SHEETS}


def sheet_spec(key: str) -> SheetSpec:
    """Return the input sheet with an engine key such as "products"."""
    return _BY_KEY[key]


def find_sheet_spec(sheet_name: str) -> SheetSpec | None:
    """Return the input sheet a workbook's sheet name stands for, or None."""
    wanted = normalise_label(sheet_name)
    for spec in INPUT_SHEETS:
        if wanted in {normalise_label(name) for name in spec.names()}:
            return spec
    return None
