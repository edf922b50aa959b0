"""Column-at-a-time conversion of input sheets and CSV cells, with its per-value cache."""

from __future__ import annotations

from decimal import Decimal

import pytest

from mycelium_sheets.schema.records import read_table
from mycelium_sheets.schema.standard import sheet_spec
from mycelium_sheets.workbook.csv_reader import read_csv
from mycelium_sheets.workbook.table import Sheet

HEADER = ["Produit", "Unité", "Prix HT", "Taux de TVA"]


def read_products(rows: list[list]):
    return read_table(sheet_spec("products"), Sheet("Produits", [HEADER, *rows]), "ferme.ods")


@pytest.mark.parametrize(("price", "expected"), [
    (1, "1"),  # a whole number cell
    (1.0, "1.0"),  # a float goes through its shortest repr
    (2.5, "2.5"),
])
def test_equal_numbers_keep_their_own_form(price, expected):
    # 1, 1.0 and True are equal in Python: the cache must still convert each apart.
    read = read_products([["Carotte", "kg", 1, 0.055], ["Navet", "kg", 1.0, 0.055], ["Radis", "kg", price, 0.055]])
    assert [str(record.values["price"]) for record in read.records] == ["1", "1.0", expected]


def test_boolean_price_rejected_after_number():
    read = read_products([["Carotte", "kg", 1, 0.055], ["Navet", "kg", True, 0.055]])
    assert str(read.records[0].values["price"]) == "1"
    assert read.records[1].values["price"] is None
    assert [problem.location.cell for problem in read.problems] == ["C3"]


def test_repeated_bad_value_reported_per_cell():
    rows = [["Carotte", "kg", "abc", None], ["Navet", "kg", "abc", None], ["Radis", "botte", 2, 0.055]]
    read = read_products(rows)

    # Row by row: the price error before the empty VAT rate, as when each cell was read in turn.
    assert [problem.location.cell for problem in read.problems] == ["C2", "D2", "C3", "D3"]
    assert [problem.severity for problem in read.problems] == ["error"] * 4
    assert [problem.value for problem in read.problems] == ["abc", None, "abc", None]
    assert read.records[2].values["price"] == Decimal(2)


def test_repeated_unit_label_converted_each_row():
    read = read_products([[name, "Botte", 1, "5,5 %"] for name in ("Radis", "Blette", "Persil")])
    assert [record.values["unit"].code for record in read.records] == ["bunch"] * 3
    assert [record.values["vat_rate"] for record in read.records] == [Decimal("0.055")] * 3
    assert [record.source.row for record in read.records] == [1, 2, 3]


def test_blank_rows_skipped_and_rows_kept():
    read = read_products([["Carotte", "kg", 1, 0.055], [None, "  ", None], ["Navet", "kg", 2, 0.055]])
    assert [record.values["name"] for record in read.records] == ["Carotte", "Navet"]
    assert [record.source.location("price").cell for record in read.records] == ["C2", "C4"]


def test_csv_repeated_cells_converted_alike(tmp_path):
    path = tmp_path / "commandes.csv"
    path.write_text("Quantité;Code;Date\n1;01;10/06/2027\n1,5;01;10/06/2027\n1;;10/06/2027\n", encoding="utf-8")
    rows = read_csv(path).rows

    assert rows[1][:2] == [1, "01"]  # a leading zero marks a code, kept as text
    assert rows[2][0] == 1.5
    assert isinstance(rows[2][0], float)
    assert isinstance(rows[3][0], int)
    assert rows[3][1] is None  # an empty cell, between two filled ones
    assert [row[2].isoformat() for row in rows[1:]] == ["2027-06-10"] * 3
