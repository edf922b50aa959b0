"""Weekly order grids and the allocation of short products, worked by hand."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from mycelium_sheets.errors import MyceliumError
from mycelium_sheets.i18n import set_language
from mycelium_sheets.orders import collect_order_lines, prepare_deliveries

from .farm_builder import THURSDAY, make_farm


@pytest.fixture(autouse=True)
def english():
    set_language("en")


CUSTOMERS_ACROSS = [
    ["Date de livraison", THURSDAY],
    [],
    ["Produit", "Unité", "Le Bistrot", "Biocoop Crest", "Total"],
    ["Carottes", None, 4, None, 4],
    ["Radis", "pièce", 16, 8, 24],
    ["Salade", None, 0, 6, 6],
    ["Total", None, 20, 14, 34],
]

DAYS_ACROSS = [
    ["Semaine", "2027-W26"],
    ["Client", "Le Bistrot"],
    ["Produit", "mardi 29/06", dt.date(2027, 7, 1), "Total"],
    ["Tomates", 2, 3.5, 5.5],
    ["Carottes", None, 1, 1],
]


def by_key(lines):
    return {(line.delivery_date, line.customer.name, line.product.name): line for line in lines}


def test_grid_customers_across():
    lines = by_key(collect_order_lines(make_farm(extra_sheets={"Grille 2027-06-10": CUSTOMERS_ACROSS})))

    # blanks and the 0 give no line; Total row and column are ignored: 4 lines
    assert len(lines) == 4
    assert lines[(THURSDAY, "Le Bistrot", "Carottes")].quantity == Decimal(4)
    assert lines[(THURSDAY, "Biocoop Crest", "Radis")].unit.code == "piece"
    assert lines[(THURSDAY, "Biocoop Crest", "Salade")].quantity == Decimal(6)
    assert lines[(THURSDAY, "Le Bistrot", "Radis")].source.location("quantity").cell == "C5"


def test_grid_days_across():
    lines = by_key(collect_order_lines(make_farm(extra_sheets={"Grid week 26": DAYS_ACROSS})))

    # "mardi 29/06" is Tuesday of 2027-W26; 1 July is its Thursday
    assert set(lines) == {
        (dt.date(2027, 6, 29), "Le Bistrot", "Tomates"),
        (dt.date(2027, 7, 1), "Le Bistrot", "Tomates"),
        (dt.date(2027, 7, 1), "Le Bistrot", "Carottes"),
    }
    assert lines[(dt.date(2027, 7, 1), "Le Bistrot", "Tomates")].quantity == Decimal("3.5")


def test_grid_header_lower_than_row_three():
    rows = [["Date de livraison", THURSDAY], [], ["Commandes de la semaine"], [], ["Produit", "Le Bistrot"], ["Tomates", 2]]
    lines = collect_order_lines(make_farm(extra_sheets={"GRILLE jeudi": rows}))
    assert [(line.product.name, line.quantity) for line in lines] == [("Tomates", Decimal(2))]


def test_grid_and_list_add_up():
    data = make_farm([[THURSDAY, "Biocoop Crest", "Carottes", 6]], extra_sheets={"Grille": CUSTOMERS_ACROSS})
    deliveries = prepare_deliveries(data, date=THURSDAY, margin=Decimal(0))
    carrots = next(line for line in deliveries.harvest if line.product.name == "Carottes")
    # 4 kg from the grid + 6 kg from the list
    assert carrots.ordered == Decimal("10.000")


@pytest.mark.parametrize("rows, cell, words", [
    ([["Date de livraison", THURSDAY], [], ["Produit", "Le Bistro"], ["Carottes", 2]], "B3", "Did you mean: Le Bistrot"),
    ([["Date de livraison", THURSDAY], [], ["Produit", "Le Bistrot"], ["Carote", 2]], "A4", "Did you mean: Carottes"),
    ([["Date de livraison", THURSDAY], [], ["Produit", "Le Bistrot"], ["Carottes", "deux"]], "B4", "not a number"),
    ([["Date de livraison", THURSDAY], [], ["Produit", "Le Bistrot"], [None, 2]], "B4", "without a product"),
    ([["Date de livraison", THURSDAY], [], ["Produit", "Unité", "Le Bistrot"], ["Carottes", "caisson", 2]], "B4", "unknown unit"),
    ([["Semaine", "2027-W26"], ["Client", "Le Bistrot"], ["Produit", "lundi 05/07"], ["Carottes", 2]], "B3", "not a delivery day"),
    ([["Semaine", "2027-W26"], [], ["Produit", "mardi"], ["Carottes", 2]], "A2", "needs its customer"),
    ([[], [], ["Produit", "Le Bistrot"], ["Carottes", 2]], "B1", "no delivery date"),
    ([["Date de livraison", THURSDAY], [], ["Produit", "Le Bistrot"], ["Carottes", -1]], "B4", "negative"),
])
def test_grid_errors_name_cell(rows, cell, words):
    with pytest.raises(MyceliumError) as raised:
        collect_order_lines(make_farm(extra_sheets={"Grille": rows}))
    text = str(raised.value)
    assert f"cell {cell}" in text
    assert words in text


def test_shortage_by_priority_then_proportion():
    data = make_farm(
        [
            [THURSDAY, "Le Bistrot", "Tomates", 4],  # priority 1
            [THURSDAY, "Biocoop Crest", "Tomates", 6],  # priority 2
            [THURSDAY, "Cantine Jean Moulin", "Tomates", 3],  # priority 2
            [THURSDAY, "Épicerie Volante", "Tomates", 5],  # priority 3
        ],
        stock=[["Tomates", 9, "kg", dt.date(2027, 6, 9)], ["Tomates", 40, "kg", dt.date(2027, 6, 1)]],
    )
    deliveries = prepare_deliveries(data, date=THURSDAY)

    # only the latest count (9 kg on 9 June) is used; 18 kg ordered
    [shortage] = deliveries.shortages
    assert shortage.needed == Decimal("18.000")
    assert shortage.available == Decimal("9.000")
    allocated = {allocation.line.line.customer.name: allocation.allocated for allocation in shortage.allocations}
    # priority 1 gets its 4 kg; 5 kg left for priority 2 (9 kg ordered):
    # 6 × 5/9 = 3.333 and 3 × 5/9 = 1.666, the 0.001 left goes to the larger remainder (1.6666… → 1.667)
    assert allocated == {
        "Le Bistrot": Decimal("4.000"),
        "Biocoop Crest": Decimal("3.333"),
        "Cantine Jean Moulin": Decimal("1.667"),
        "Épicerie Volante": Decimal("0.000"),
    }


def test_shortage_whole_units():
    data = make_farm(
        [[THURSDAY, "Biocoop Crest", "Radis", 5], [THURSDAY, "Cantine Jean Moulin", "Radis", 2]],
        stock=[["Radis", 4, "botte"]],
    )
    [shortage] = prepare_deliveries(data, date=THURSDAY).shortages
    allocated = {allocation.line.line.customer.name: allocation.allocated for allocation in shortage.allocations}
    # same priority: 5 × 4/7 = 2.857 → 2 and 2 × 4/7 = 1.143 → 1, the 1 bunch left goes to the
    # larger remainder (0.857): 3 and 1
    assert allocated == {"Biocoop Crest": Decimal("3.000"), "Cantine Jean Moulin": Decimal("1.000")}


def test_no_shortage_when_stock_covers():
    data = make_farm([[THURSDAY, "Le Bistrot", "Tomates", 4]], stock=[["Tomates", 4000, "g"]])
    deliveries = prepare_deliveries(data, date=THURSDAY)
    # 4000 g = 4 kg covers the 4 kg ordered
    assert deliveries.shortages == []
    assert deliveries.stock_checked is True
