"""Unit labels agree with their quantity in the Manques sheet and in invoices."""

from __future__ import annotations

from decimal import Decimal

import pytest

from mycelium_sheets.model.units import get_unit
from mycelium_sheets.orders import deliveries_layouts, prepare_deliveries

from .farm_builder import THURSDAY, make_farm


@pytest.mark.parametrize("code, quantity, language, expected", [
    ("bunch", Decimal(16), "fr", "bottes"),
    ("bunch", Decimal(1), "fr", "botte"),
    # French takes the plural from 2 on: "1,5 botte".
    ("bunch", Decimal("1.5"), "fr", "botte"),
    ("bunch", Decimal(0), "fr", "botte"),
    ("bunch", Decimal("1.5"), "en", "bunches"),
    ("bunch", Decimal(1), "en", "bunch"),
    ("jar", Decimal(3), "fr", "bocaux"),
    ("half_dozen", Decimal(2), "en", "half dozens"),
    # Symbols have no plural.
    ("kg", Decimal(16), "fr", "kg"),
    ("l", Decimal(3), "en", "l"),
])
def test_label_for_quantity(code, quantity, language, expected):
    assert get_unit(code).label_for(quantity, language) == expected


def test_shortage_title_plural_units():
    data = make_farm([[THURSDAY, "Biocoop Crest", "Radis", 16]], stock=[["Radis", 1, "botte"]])

    deliveries = prepare_deliveries(data, date=THURSDAY)
    deliveries.language = "fr"
    layout = next(layout for layout in deliveries_layouts(deliveries) if layout.key == "shortages")
    texts = [row[0] for row in layout.rows if row]

    # 16 bunches ordered, 1 in stock, 15 short.
    assert "Radis : commandé 16 bottes, disponible 1 botte, manque 15 bottes" in texts
