"""The extension's conversions between UNO arrays and the engine's values, without LibreOffice."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from mycelium_sheets.model.farm import Farm
from mycelium_sheets.model.farm_data import FarmData
from mycelium_sheets.schema import sheet_spec
from mycelium_sheets.workbook.layout import Column, SheetLayout


@pytest.fixture
def reading(calc_package):
    from mycelium_calc import reading

    return reading


@pytest.fixture
def rendering(calc_package):
    from mycelium_calc import rendering

    return rendering


# Serial numbers count days from 1899-12-30: 2025-01-01 is 45658, then
# 365 days to 2026-01-01 (46023), 365 to 2027-01-01 (46388), and
# 31+28+31+30+31 = 151 days to 2027-06-01 (46539), so 2027-06-10 is 46548.
@pytest.mark.parametrize("serial, kind, expected", [
    (45658.0, "date", dt.date(2025, 1, 1)),
    (46548.0, "date", dt.date(2027, 6, 10)),
    (1.0, "date", dt.date(1899, 12, 31)),
    # 8:30 is 8.5 / 24 = 0.354166… of a day.
    (46548 + 8.5 / 24, "datetime", dt.datetime(2027, 6, 10, 8, 30)),
    (0.75, "time", dt.time(18, 0)),
    # A serial a hair below midnight rounds up to the next day, not to 23:59:60.
    (46547.9999999999, "datetime", dt.datetime(2027, 6, 10, 0, 0)),
])
def test_serial_to_value(reading, serial, kind, expected):
    assert reading.serial_to_value(serial, kind) == expected


@pytest.mark.parametrize("format_type, expected", [
    (2, "date"),  # NumberFormat.DATE
    (6, "datetime"),  # DATE | TIME
    (4, "time"),
    (1024, "bool"),  # NumberFormat.LOGICAL
    (1, None),  # NUMBER
    (8, None),  # CURRENCY
    (16 + 1, None),  # PERCENT | NUMBER
    (2 | 2048, "date"),  # DATE with the DEFINED bit of a user format
])
def test_format_kind(reading, format_type, expected):
    assert reading.format_kind(format_type) == expected


def test_clean_array_types_and_trimming(reading):
    array = (
        ("Produit", "Quantité", "Livré", "Date", ""),
        ("Carotte", 3.0, 1.0, 46548.0, ""),
        ("", "", "", "", ""),
        ("Radis", 2.5, 0.0, 46549.0, ""),
        ("", "", "", "", ""),
    )
    kinds = {(1, 2): "bool", (3, 2): "bool", (1, 3): "date", (3, 3): "date"}

    rows = reading.clean_array(array, kinds)

    assert rows == [
        ["Produit", "Quantité", "Livré", "Date"],
        ["Carotte", 3.0, True, dt.date(2027, 6, 10)],
        [],
        ["Radis", 2.5, False, dt.date(2027, 6, 11)],
    ]


def test_clean_array_uses_document_null_date(reading):
    # A document with the 1904 date system counts from 1904-01-01.
    rows = reading.clean_array(((1.0,),), {(0, 0): "date"}, dt.date(1904, 1, 1))
    assert rows == [[dt.date(1904, 1, 2)]]


@pytest.mark.parametrize("value, expected", [
    (None, ""),
    ("Carotte", "Carotte"),
    (Decimal("12.50"), 12.5),
    (3, 3.0),
    (True, 1.0),
    (False, 0.0),
    (dt.date(2027, 6, 10), 46548.0),
    # 12:00 is half a day.
    (dt.datetime(2027, 6, 10, 12, 0), 46548.5),
])
def test_cell_value(rendering, value, expected):
    assert rendering.cell_value(value) == expected


def test_layout_array_is_rectangular(rendering):
    layout = SheetLayout("harvest", "Récolte", [Column("text"), Column("quantity"), Column("money")])
    layout.add_row(["Récolte du jeudi 10/06/2027"], "title")
    layout.add_row(["Produit", "Quantité", "Prix"], "header")
    layout.add_row(["Carotte", Decimal("3.5"), Decimal("8.75")])

    assert rendering.layout_array(layout) == (
        ("Récolte du jeudi 10/06/2027", "", ""),
        ("Produit", "Quantité", "Prix"),
        ("Carotte", 3.5, 8.75),
    )


def test_format_runs_group_consecutive_cells(rendering):
    layout = SheetLayout("summary", "Synthèse", [Column("text"), Column("money")])
    layout.add_row(["Synthèse"], "title")
    layout.add_row(["Client", "Montant"], "header")
    layout.add_row(["Anne", Decimal("10")])
    layout.add_row(["Paul", Decimal("12")])
    layout.cell_formats[(3, 1)] = "decimal"

    runs = rendering.format_runs(layout)

    # Column A is text throughout. Column B is text on the title and header
    # rows, money on row 3 and its own decimal format on row 4.
    assert runs == [
        ("text", 0, 0, 3),
        ("text", 1, 0, 1),
        ("money", 1, 2, 2),
        ("decimal", 1, 3, 3),
    ]


def test_style_runs_merge_adjacent_rows(rendering):
    layout = SheetLayout("round", "Tournée", [Column("text")])
    for kind in ("title", "subtitle", "header", None, None, "subtotal", "subtotal", "total", "blank"):
        layout.add_row(["x"], kind)

    assert rendering.style_runs(layout) == [
        ("title", 0, 0), ("subtitle", 1, 1), ("header", 2, 2), ("subtotal", 5, 6), ("total", 7, 7),
    ]


@pytest.mark.parametrize("existing, marks, wanted, expected", [
    (["Produits", "Récolte"], ["Récolte"], ["Récolte"], []),
    (["Produits", "Récolte"], [], ["Récolte"], ["Récolte"]),
    # LibreOffice sheet names ignore case, so "récolte" blocks "Récolte".
    (["Produits", "récolte"], [], ["Récolte"], ["récolte"]),
    (["Produits"], [], ["Récolte", "Tournée"], []),
    (["Tournée", "Récolte"], ["Récolte"], ["Récolte", "Tournée"], ["Tournée"]),
])
def test_find_conflicts(rendering, existing, marks, wanted, expected):
    layouts = [SheetLayout(name.lower(), name, [Column()]) for name in wanted]
    assert rendering.find_conflicts(existing, marks, layouts) == expected


@pytest.mark.parametrize("argument, action, options", [
    ("check", "check", {}),
    ("deliveries&date=2027-06-10", "deliveries", {"date": "2027-06-10"}),
    ("plan&season=2027&from_orders=1", "plan", {"season": "2027", "from_orders": "1"}),
    (" about ", "about", {}),
    ("dfc&output=", "dfc", {"output": ""}),
])
def test_parse_argument(calc_package, argument, action, options):
    from mycelium_calc.menu import parse_argument

    assert parse_argument(argument) == (action, options)


def test_missing_specs_accepts_any_language(calc_package):
    from mycelium_calc.input_sheets import missing_specs

    missing = [spec.key for spec in missing_specs(["Ferme", "Products", "clients", "Notes"])]

    assert "farm" not in missing
    assert "products" not in missing
    assert "customers" not in missing
    assert missing[:2] == ["delivery_points", "orders"]


def test_header_rows_of_fields_sheet(calc_package):
    from mycelium_calc.input_sheets import header_rows

    rows = header_rows(sheet_spec("farm"), "fr")
    assert rows[0] == ["Nom de la ferme", ""]
    assert all(len(row) == 2 for row in rows)


def test_header_rows_of_table_sheet(calc_package):
    from mycelium_calc.input_sheets import header_rows

    rows = header_rows(sheet_spec("products"), "en")
    assert rows[0][:4] == ["Product", "SKU", "Unit", "Price excl. VAT"]


def test_choice_list_quotes_labels(calc_package):
    from mycelium_calc.input_sheets import choice_list

    column = sheet_spec("customers").column("type")
    text = choice_list(column, "fr")
    assert text.startswith('"')
    assert text.count('"') == 2 * len(column.choices)


@pytest.mark.parametrize("language, sheet_names, expected", [
    ("en", {"farm": "Ferme", "products": "Produits"}, "en"),  # the farm's setting wins
    (None, {"farm": "Ferme", "products": "Produits"}, "fr"),
    (None, {"farm": "Farm", "products": "Products", "customers": "Clients"}, "en"),
    (None, {}, "fr"),  # nothing to go by: the interface language
])
def test_workbook_language(calc_package, language, sheet_names, expected):
    from mycelium_calc.session import workbook_language

    data = FarmData(farm=Farm(name="Ferme des Essais", language=language), sheet_names=sheet_names)
    assert workbook_language(data, "fr") == expected


@pytest.mark.parametrize("count, limit, expected", [
    (3, 5, "1\n2\n3"),
    (5, 5, "1\n2\n3\n4\n5"),
    # 7 lines in 5: 4 kept, then one line counting the 3 left out.
    (7, 5, "1\n2\n3\n4\n… 3"),
])
def test_cut_lines(calc_package, count, limit, expected):
    from mycelium_calc.feedback import cut_lines

    text = "\n".join(str(number) for number in range(1, count + 1))
    assert cut_lines(text, limit) == expected


@pytest.mark.parametrize("length, width_cm, expected", [
    (10, 10.0, 1),
    # 10 cm hold 55 characters a line, so 56 characters take 2 lines.
    (55, 10.0, 1),
    (56, 10.0, 2),
    (200, 17.0, 3),  # 93 a line: 200 / 93 = 2.15, so 3 lines
    (0, 17.0, 1),
])
def test_note_lines(rendering, length, width_cm, expected):
    assert rendering.note_lines("x" * length, width_cm) == expected
