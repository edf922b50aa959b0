"""Finding tables in sheets written by people: titles, totals, two-row headers, several tables."""

from __future__ import annotations

import openpyxl

from mycelium_sheets.importer.detect import find_tables
from mycelium_sheets.workbook import read_workbook
from mycelium_sheets.workbook.table import Sheet


def test_header_below_title_and_notes():
    sheet = Sheet("Catalogue", [
        ["Catalogue de printemps 2027"],
        ["Prix valables jusqu'au 30 juin"],
        [],
        ["Désignation", "Unité", "PU HT", "TVA"],
        ["Radis", "botte", "1,50", "5,5 %"],
        ["Carottes", "kg", "2,80", "5,5 %"],
        ["Total", None, "4,30"],
        ["Remarque : prix départ ferme"],
    ])
    [table] = find_tables(sheet)
    assert table.header_row == 3
    assert table.headers == ["Désignation", "Unité", "PU HT", "TVA"]
    assert table.rows == [4, 5]
    assert table.footer_rows == [6, 7]
    assert "Catalogue de printemps 2027" in table.title


def test_two_row_header_merged(tmp_path):
    # A crafted .xlsx: "Semaine 12" merged over "lun" and "mar".
    path = tmp_path / "grille.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Grille"
    sheet.append(["Produit", "Semaine 12", None, "Semaine 13", None])
    sheet.append([None, "lun", "mar", "lun", "mar"])
    sheet.append(["Radis", 4, 2, None, 3])
    sheet.merge_cells("B1:C1")
    sheet.merge_cells("D1:E1")
    book.save(path)

    [table] = find_tables(read_workbook(path).sheets["Grille"])
    assert table.header_rows == [0, 1]
    assert table.headers == ["Produit", "Semaine 12 lun", "Semaine 12 mar", "Semaine 13 lun", "Semaine 13 mar"]
    assert table.groups[1:] == ["Semaine 12", "Semaine 12", "Semaine 13", "Semaine 13"]
    assert table.rows == [2]


def test_two_tables_stacked():
    sheet = Sheet("Feuille", [
        ["Client", "Courriel"],
        ["Biocoop Crest", "crest@example.org"],
        [],
        ["Produit", "Prix HT", "Unité"],
        ["Radis", 1.5, "botte"],
        ["Navets", 2.0, "botte"],
    ])
    tables = find_tables(sheet)
    assert [table.header_row for table in tables] == [0, 3]
    assert [table.rows for table in tables] == [[1], [4, 5]]


def test_two_tables_side_by_side():
    sheet = Sheet("Feuille", [
        ["Client", "Courriel", None, "Produit", "Prix HT"],
        ["Biocoop", "b@example.org", None, "Radis", 1.5],
        ["Resto", "r@example.org", None, "Navets", 2.0],
    ])
    tables = find_tables(sheet)
    assert [table.headers for table in tables] == [["Client", "Courriel"], ["Produit", "Prix HT"]]
    assert tables[1].first_column == 3


def test_rows_after_blank_row_continue_table():
    sheet = Sheet("Produits", [
        ["Produit", "Prix HT", "Unité"],
        ["Radis", 1.5, "botte"],
        [],
        ["Navets", 2.0, "botte"],
    ])
    [table] = find_tables(sheet)
    assert table.rows == [1, 3]


def test_sheet_without_table():
    sheet = Sheet("Notes", [["Penser à commander les plants"], ["Appeler la Biocoop"]])
    assert find_tables(sheet) == []
