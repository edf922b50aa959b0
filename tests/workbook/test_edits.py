"""write_sheet_edits: rows appended and cells set in the farmer's sheets."""

from __future__ import annotations

import datetime
import re
import shutil
import zipfile
from pathlib import Path

import pytest

from mycelium_sheets.errors import SchemaError
from mycelium_sheets.workbook import SheetEdits, read_workbook, write_sheet_edits

FIXTURES = Path(__file__).parent / "fixtures"


def _edits() -> dict[str, SheetEdits]:
    return {
        "Données": SheetEdits(
            append=[["Chou", 3, 1.5, True, datetime.date(2027, 4, 1)], ["Radis", 1]],
            set_cells={(1, 0): "Carottes", (0, 12): "Nouveau"},
        )
    }


@pytest.mark.parametrize("name", ["farm.ods", "farm.xlsx", "padded.ods"])
def test_append_and_set(tmp_path, name):
    path = tmp_path / name
    shutil.copy(FIXTURES / name, path)

    write_sheet_edits(path, _edits())

    rows = read_workbook(path).sheets["Données"].rows
    assert rows[0][12] == "Nouveau"
    assert rows[1][:3] == ["Carottes", 12, 2.5]
    assert rows[8] == ["fin"]
    assert rows[9] == ["Chou", 3, 1.5, True, datetime.date(2027, 4, 1)]
    assert rows[10] == ["Radis", 1]
    assert len(rows) == 11


@pytest.mark.parametrize("fmt", ["ods", "xlsx"])
def test_other_sheets_untouched(tmp_path, fmt):
    path = tmp_path / f"farm.{fmt}"
    shutil.copy(FIXTURES / f"farm.{fmt}", path)
    with zipfile.ZipFile(path) as archive:
        before = {name: archive.read(name) for name in archive.namelist()}

    write_sheet_edits(path, _edits())

    with zipfile.ZipFile(path) as archive:
        after = {name: archive.read(name) for name in archive.namelist()}
    changed = {name for name in before if before[name] != after[name]}
    assert changed == ({"content.xml"} if fmt == "ods" else {"xl/worksheets/sheet1.xml"})
    if fmt == "ods":
        for sheet in ("Caché", "Récolte", "Calculs"):
            pattern = re.compile(('<table:table table:name="' + sheet + '".*?</table:table>').encode(), re.S)
            assert pattern.search(after["content.xml"]).group(0) == pattern.search(before["content.xml"]).group(0)


def test_appended_cell_keeps_column_style(tmp_path):
    path = tmp_path / "farm.ods"
    shutil.copy(FIXTURES / "farm.ods", path)

    write_sheet_edits(path, {"Données": SheetEdits(set_cells={(1, 4): datetime.date(2027, 5, 2)})})

    with zipfile.ZipFile(path) as archive:
        content = archive.read("content.xml")
    assert b'table:style-name="ce4" office:value-type="date" office:date-value="2027-05-02"' in content


def test_missing_sheet(tmp_path):
    path = tmp_path / "farm.xlsx"
    shutil.copy(FIXTURES / "farm.xlsx", path)
    before = path.read_bytes()

    with pytest.raises(SchemaError) as error:
        write_sheet_edits(path, {"Commandes": SheetEdits(append=[["x"]])})

    assert "Commandes" in str(error.value)
    assert path.read_bytes() == before
