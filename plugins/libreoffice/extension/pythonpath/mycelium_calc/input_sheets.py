"""Adding the standard input sheets a workbook lacks, with their headers.

A table sheet gets its header row; a fields sheet (such as "Ferme") gets its
labels in column A. Each header carries the column's help as a comment, and
columns with a closed list of values get a drop-down list. These are the
farmer's sheets from then on: they are not marked as engine sheets, and a
sheet that already exists under any of its names is left alone.
"""

from __future__ import annotations

from mycelium_sheets.schema import INPUT_SHEETS, find_sheet_spec
from mycelium_sheets.schema.columns import SheetSpec

from .formats import STYLE_NAMES, ensure_styles


def missing_specs(sheet_names: list[str]) -> list[SheetSpec]:
    """Return the standard input sheets that no sheet of the workbook stands for."""
    present = {spec.key for spec in (find_sheet_spec(name) for name in sheet_names) if spec is not None}
    return [spec for spec in INPUT_SHEETS if spec.key not in present]


def header_rows(spec: SheetSpec, language: str) -> list[list]:
    """Return the rows a new, empty input sheet starts with."""
    if spec.layout == "fields":
        return [[column.header(language), ""] for column in spec.columns]
    return [[column.header(language) for column in spec.columns]]


def column_help(spec: SheetSpec, language: str) -> list[str]:
    return [column.help_fr if language == "fr" else column.help_en for column in spec.columns]


def choice_list(column, language: str) -> str:
    """Return a validation list formula such as ``"Magasin";"AMAP"`` for a choice column."""
    labels = [choice.label(language).replace('"', '""') for choice in column.choices]
    return ";".join(f'"{label}"' for label in labels)


def _add_note(sheet, row: int, column: int, text: str) -> None:
    import uno

    address = uno.createUnoStruct("com.sun.star.table.CellAddress")
    address.Sheet = sheet.getRangeAddress().Sheet
    address.Column, address.Row = column, row
    sheet.getAnnotations().insertNew(address, text)


def _add_choice_validation(sheet, cells, column, language: str) -> None:
    import uno

    validation = cells.Validation
    validation.Type = uno.Enum("com.sun.star.sheet.ValidationType", "LIST")
    validation.ShowList = 1  # com.sun.star.sheet.TableValidationVisibility.UNSORTED
    # A warning, not a stop, because the engine also reads codes and aliases.
    validation.ErrorAlertStyle = uno.Enum("com.sun.star.sheet.ValidationAlertStyle", "WARNING")
    validation.setFormula1(choice_list(column, language))
    cells.Validation = validation


# Rows below the header that get a drop-down list on a new table sheet.
VALIDATED_ROWS = 1000


def add_sheet(document, spec: SheetSpec, language: str) -> str:
    """Insert one input sheet at the end of the document and return its name."""
    sheets = document.getSheets()
    name = spec.name(language)
    sheets.insertNewByName(name, sheets.getCount())
    sheet = sheets.getByName(name)
    rows = header_rows(spec, language)
    width = len(rows[0])
    sheet.getCellRangeByPosition(0, 0, width - 1, len(rows) - 1).setDataArray(tuple(tuple(row) for row in rows))
    helps = column_help(spec, language)
    columns = sheet.getColumns()

    if spec.layout == "fields":
        sheet.getCellRangeByPosition(0, 0, 0, len(rows) - 1).CellStyle = STYLE_NAMES["header"]
        columns.getByIndex(0).Width = 7000
        columns.getByIndex(1).Width = 9000
        for row, text in enumerate(helps):
            if text:
                _add_note(sheet, row, 0, text)
        for row, column in enumerate(spec.columns):
            if column.type == "choice" and column.choices:
                _add_choice_validation(sheet, sheet.getCellByPosition(1, row), column, language)
        return name

    sheet.getCellRangeByPosition(0, 0, width - 1, 0).CellStyle = STYLE_NAMES["header"]
    for index, column in enumerate(spec.columns):
        columns.getByIndex(index).Width = int(column.width_cm * 1000)
        if helps[index]:
            _add_note(sheet, 0, index, helps[index])
        if column.type == "choice" and column.choices:
            cells = sheet.getCellRangeByPosition(index, 1, index, VALIDATED_ROWS)
            _add_choice_validation(sheet, cells, column, language)
    return name


def add_missing_sheets(document, language: str) -> list[str]:
    """Add every missing standard input sheet, as one undo step, and return the names added."""
    specs = missing_specs(list(document.getSheets().getElementNames()))
    if not specs:
        return []
    undo = document.getUndoManager()
    undo.enterUndoContext("Mycélium")
    try:
        ensure_styles(document)
        return [add_sheet(document, spec, language) for spec in specs]
    finally:
        undo.leaveUndoContext()
