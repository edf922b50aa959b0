"""read_workbook on the fixtures made by LibreOffice and openpyxl (see fixtures/make_fixtures.py)."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from mycelium_sheets.workbook import read_workbook

FIXTURES = Path(__file__).parent / "fixtures"

# Row 2 and 3 of "Données" as make_fixtures.py writes them.
ROW_2 = ["Carotte", 12, 2.5, True, datetime.date(2027, 3, 14), datetime.datetime(2027, 3, 14, 8, 30), 0.25, 12.5, 24, "kg"]
ROW_3 = ["Ligne 1\nLigne 2", -3, 0.125, False, datetime.date(2026, 12, 31), datetime.datetime(2026, 12, 31, 23, 45), 0.055, 1234.56, -2.875]


@pytest.mark.parametrize("name", ["farm.ods", "farm.xlsx", "farm.xls"])
def test_values_by_type(name):
    sheet = read_workbook(FIXTURES / name).sheets["Données"]

    assert sheet.rows[1] == ROW_2
    assert sheet.rows[2] == ROW_3
    assert type(sheet.rows[1][3]) is bool
    assert type(sheet.rows[1][4]) is datetime.date
    assert type(sheet.rows[1][5]) is datetime.datetime


@pytest.mark.parametrize("name", ["farm.ods", "farm.xlsx", "farm.xls"])
def test_merged_cells_keep_columns(name):
    sheet = read_workbook(FIXTURES / name).sheets["Données"]

    assert sheet.rows[5] == ["Fusion", None, "après"]
    assert sheet.rows[6] == []
    assert sheet.rows[8] == ["fin"]
    assert len(sheet.rows) == 9


@pytest.mark.parametrize("name", ["farm.ods", "farm.xlsx", "farm.xls"])
def test_hidden_sheet(name):
    workbook = read_workbook(FIXTURES / name)

    assert workbook.sheets["Caché"].hidden is True
    assert workbook.sheets["Données"].hidden is False
    assert list(workbook.sheets) == ["Données", "Caché", "Récolte", "Calculs"]


@pytest.mark.parametrize("name", ["farm.ods", "farm.xlsx"])
def test_formula_results_and_marks(name):
    workbook = read_workbook(FIXTURES / name)

    assert workbook.sheets["Calculs"].rows == [["Total récolte", 3], ["Double", 6]]
    assert workbook.engine_sheets == {"Récolte"}
    assert workbook.warnings == []


def test_engine_marks_from_openpyxl():
    assert read_workbook(FIXTURES / "farm-openpyxl.xlsx").engine_sheets == {"Récolte"}


def test_uncached_formulas_xlsx():
    workbook = read_workbook(FIXTURES / "farm-openpyxl.xlsx")

    cells = sorted((problem.location.sheet, problem.location.cell) for problem in workbook.warnings)
    assert cells == [("Calculs", "B1"), ("Calculs", "B2"), ("Données", "I2"), ("Données", "I3")]
    assert all(problem.severity == "warning" for problem in workbook.warnings)
    assert workbook.sheets["Données"].rows[1][8] is None


def test_uncached_formula_ods():
    workbook = read_workbook(FIXTURES / "uncached.ods")

    assert [(problem.location.sheet, problem.location.cell) for problem in workbook.warnings] == [("Données", "I2")]


def test_uncached_scan_limited_to_sheets():
    workbook = read_workbook(FIXTURES / "farm-openpyxl.xlsx", sheets=["Calculs"])

    assert list(workbook.sheets) == ["Calculs"]
    assert {problem.location.sheet for problem in workbook.warnings} == {"Calculs"}


def test_padded_sheet_trimmed():
    sheet = read_workbook(FIXTURES / "padded.ods").sheets["Données"]

    assert len(sheet.rows) == 9
    assert sheet.width == 10


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_csv_semicolon_decimal_comma_cp1252(tmp_path):
    text = "Produit;Quantité;Prix unitaire HT;Date de livraison;Code\r\nPoireau;3;2,50;14/03/2027;04200\r\n"
    path = _write(tmp_path, "commandes.csv", text.encode("cp1252"))

    workbook = read_workbook(path)

    assert list(workbook.sheets) == ["commandes"]
    rows = workbook.sheets["commandes"].rows
    assert rows[0] == ["Produit", "Quantité", "Prix unitaire HT", "Date de livraison", "Code"]
    assert rows[1] == ["Poireau", 3, 2.5, datetime.date(2027, 3, 14), "04200"]


def test_csv_comma_utf8_bom(tmp_path):
    text = 'Produit,Prix\n"Chou, rouge",1.75\nÉpinard,2\n'
    path = _write(tmp_path, "prix.csv", b"\xef\xbb\xbf" + text.encode("utf-8"))

    rows = read_workbook(path).sheets["prix"].rows

    assert rows == [["Produit", "Prix"], ["Chou, rouge", 1.75], ["Épinard", 2]]


def test_csv_tab_multiline(tmp_path):
    text = 'Client\tNote\nAmap\t"ligne 1\nligne 2"\n'
    path = _write(tmp_path, "clients.csv", text.encode("utf-8"))

    rows = read_workbook(path).sheets["clients"].rows

    assert rows == [["Client", "Note"], ["Amap", "ligne 1\nligne 2"]]
