"""The committed templates match the schema and LibreOffice opens them."""

import zipfile

import pytest
from openpyxl import load_workbook

from mycelium_sheets.schema import INPUT_SHEETS
from mycelium_sheets.schema.load import load_farm
from mycelium_sheets.workbook import read_workbook

from conftest import TEMPLATES, libreoffice_convert

TEMPLATE_FILES = [("fr", "ferme.ods"), ("fr", "ferme.xlsx"), ("en", "farm.ods"), ("en", "farm.xlsx")]


@pytest.mark.parametrize("language, name", TEMPLATE_FILES)
def test_template_has_every_sheet_and_header(language, name):
    book = read_workbook(TEMPLATES / name)
    for spec in INPUT_SHEETS:
        sheet = book.sheets[spec.name(language)]
        if spec.layout == "fields":
            labels = [row[0] for row in sheet.rows if row]
            assert labels == [column.header(language) for column in spec.columns]
        else:
            assert sheet.rows[0] == [column.header(language) for column in spec.columns]


@pytest.mark.parametrize("language, name", TEMPLATE_FILES)
def test_template_loads_with_no_error(language, name):
    data = load_farm(TEMPLATES / name)
    assert data.errors == []
    assert set(data.sheet_names) == {spec.key for spec in INPUT_SHEETS}


@pytest.mark.parametrize("name, sheet", [("ferme.xlsx", "Produits"), ("farm.xlsx", "Products")])
def test_xlsx_template_layout(name, sheet):
    book = load_workbook(TEMPLATES / name)
    products = book[sheet]
    assert products.freeze_panes == "A2"
    assert products["A1"].font.bold
    assert products["D2"].number_format == '#,##0.00 "€"'  # the price column
    validated = {str(validation.sqref) for validation in products.data_validations.dataValidation}
    assert "C2:C500" in validated  # units
    assert "F2:F500" in validated  # VAT rates


@pytest.mark.parametrize("name", ["ferme.ods", "farm.ods"])
def test_ods_template_keeps_validation_and_frozen_header(name):
    with zipfile.ZipFile(TEMPLATES / name) as package:
        content = package.read("content.xml").decode("utf-8")
        settings = package.read("settings.xml").decode("utf-8")
    assert "table:content-validation " in content
    assert 'config:name="VerticalSplitPosition"' in settings


@pytest.mark.parametrize("name", ["ferme.ods", "ferme.xlsx", "farm.ods", "farm.xlsx"])
def test_libreoffice_opens_template(name, tmp_path):
    converted = libreoffice_convert(TEMPLATES / name, "pdf", tmp_path, tmp_path / "profile")
    assert converted.stat().st_size > 1000
    assert converted.read_bytes().startswith(b"%PDF")
