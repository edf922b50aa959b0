"""The Manques sheet names the ordered products that nothing was compared with."""

from __future__ import annotations

import datetime as dt

import pytest

from mycelium_sheets.orders import deliveries_layouts, prepare_deliveries

from .farm_builder import THURSDAY, make_farm


def shortage_notes(deliveries, language):
    deliveries.language = language
    layout = next(layout for layout in deliveries_layouts(deliveries) if layout.key == "shortages")
    return [row[0] for row in layout.rows if row and isinstance(row[0], str)]


def farm_with_one_count():
    # Tomatoes have a count of 5 kg, which covers the 4 kg ordered. Carrots,
    # radishes and salads have no count, and the farm has no crop plan.
    return make_farm(
        [
            [THURSDAY, "Le Bistrot", "Tomates", 4],
            [THURSDAY, "Le Bistrot", "Salade", 2],
            [THURSDAY, "Biocoop Crest", "Radis", 3],
            [THURSDAY, "Biocoop Crest", "Carottes", 6],
        ],
        stock=[["Tomates", 5, "kg", dt.date(2027, 6, 9)]],
    )


def test_unchecked_products_listed():
    deliveries = prepare_deliveries(farm_with_one_count(), date=THURSDAY)

    assert [product.name for product in deliveries.unchecked] == ["Carottes", "Radis", "Salade"]
    assert deliveries.shortages == []
    assert deliveries.stock_checked is True


@pytest.mark.parametrize("language, unchecked, conclusion", [
    ("fr", "Non vérifiés (ni stock ni prévision) : Carottes, Radis, Salade.",
     "Aucun manque pour le seul produit vérifié : son disponible couvre ses commandes."),
    ("en", "Not checked (no stock count and no forecast): Carottes, Radis, Salade.",
     "No shortage for the one product checked: what is available covers its orders."),
])
def test_no_shortage_claims_checked_only(language, unchecked, conclusion):
    notes = shortage_notes(prepare_deliveries(farm_with_one_count(), date=THURSDAY), language)

    assert unchecked in notes
    assert conclusion in notes
    assert not any(note.startswith(("Aucun manque :", "No shortage:")) for note in notes)


def test_no_shortage_counts_checked_products():
    data = make_farm(
        [[THURSDAY, "Le Bistrot", "Tomates", 4], [THURSDAY, "Le Bistrot", "Radis", 2],
         [THURSDAY, "Biocoop Crest", "Carottes", 6]],
        stock=[["Tomates", 5, "kg"], ["Radis", 2, "botte"]],
    )

    notes = shortage_notes(prepare_deliveries(data, date=THURSDAY), "en")

    # Tomatoes (5 kg for 4) and radishes (2 bunches for 2) are checked, but carrots are not.
    assert "No shortage for the 2 products checked: what is available covers their orders." in notes
    assert "Not checked (no stock count and no forecast): Carottes." in notes


def test_all_checked_says_no_shortage():
    data = make_farm([[THURSDAY, "Le Bistrot", "Tomates", 4]], stock=[["Tomates", 4, "kg"]])

    deliveries = prepare_deliveries(data, date=THURSDAY)
    notes = shortage_notes(deliveries, "fr")

    assert deliveries.unchecked == []
    assert "Aucun manque : le disponible couvre les commandes." in notes
    assert not any(note.startswith("Non vérifiés") for note in notes)


def test_stock_of_other_products_checks_nothing():
    # A count of salads does not check the tomatoes ordered.
    data = make_farm([[THURSDAY, "Le Bistrot", "Tomates", 4]], stock=[["Salade", 10, "pièce"]])

    deliveries = prepare_deliveries(data, date=THURSDAY)

    assert deliveries.stock_checked is False
    assert any(note.startswith("No stock entered") for note in shortage_notes(deliveries, "en"))


def test_unchecked_listed_beside_shortages():
    data = make_farm([[THURSDAY, "Le Bistrot", "Tomates", 4], [THURSDAY, "Le Bistrot", "Radis", 2]],
                     stock=[["Tomates", 1, "kg"]])

    deliveries = prepare_deliveries(data, date=THURSDAY)
    notes = shortage_notes(deliveries, "en")

    # 4 kg ordered, 1 kg in stock: 3 kg short.
    assert [shortage.product.name for shortage in deliveries.shortages] == ["Tomates"]
    assert "Not checked (no stock count and no forecast): Radis." in notes


def test_frames_have_datetime_dates():
    pytest.importorskip("pandas")
    from conftest import EXAMPLES

    deliveries = prepare_deliveries(EXAMPLES / "ferme-exemple.ods", week="2027-W24")
    for table in ("lines", "harvest", "customers"):
        assert str(deliveries.to_frame(table)["date"].dtype).startswith("datetime64"), table
