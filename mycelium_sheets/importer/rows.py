"""Reading the rows of a mapped table into records of the standard workbook."""

from __future__ import annotations

from ..errors import Location, Problem
from ..i18n import _, get_language
from ..schema import sheet_spec
from ..schema.columns import Column, SheetSpec
from ..schema.types import CellTypeError
from ..workbook.cells import a1
from ..workbook.table import Sheet
from .detect import Table
from .plan import ImportRecord, TableMapping
from .values import is_empty, read_cell, unit_count


def cell_problem(file: str, sheet: str, row: int, column: int, spec_column: Column, value, error: CellTypeError) -> Problem:
    """Return the error for a value that cannot be read, naming its cell, the reason and the remedy."""
    return Problem(
        "error",
        _("column “{column}”: {reason}").format(column=spec_column.header(get_language()), reason=error.reason),
        Location(file=file, sheet=sheet, cell=a1(row, column)),
        value,
        _("Enter {expected}, or leave the cell empty.").format(expected=error.expected),
    )


def missing_problem(record: ImportRecord, spec: SheetSpec) -> Problem | None:
    """Return a warning listing the required columns a record leaves empty, or None."""
    missing = [column.header(get_language()) for column in spec.columns
               if column.required and record.values.get(column.key) is None]
    if not missing:
        return None
    return Problem(
        "warning",
        _("incomplete row for the sheet “{sheet}”: {columns} empty").format(
            sheet=spec.name(get_language()), columns=", ".join(missing)),
        record.source, None,
        _("Fill in these cells in the workbook after the import."),
    )


def read_rows(file: str, sheet: Sheet, table: Table, mapping: TableMapping, *,
              default_year: int | None = None) -> tuple[list[ImportRecord], list[Problem]]:
    """Convert every row of a table with its mapping; unreadable values become errors naming their cell."""
    spec = sheet_spec(mapping.target)
    records: list[ImportRecord] = []
    problems: list[Problem] = []
    matches = [match for match in mapping.matches if match.key]
    # The unit is read first, so that "500 g" in a quantity column can be converted to the row's unit.
    matches.sort(key=lambda match: spec.column(match.key).type != "unit")
    mapped = {match.key for match in matches}

    for row in table.rows:
        values: dict = {}
        cells: dict[str, Location] = {}
        row_unit = None
        failed = False
        for match in matches:
            column = spec.column(match.key)
            value = sheet.value(row, match.column)
            cells[match.key] = Location(file=file, sheet=sheet.name, cell=a1(row, match.column))
            try:
                converted, typed_unit = read_cell(column, value, default_year=default_year,
                                                  row_unit=row_unit if column.key == "quantity" else None)
            except CellTypeError as error:
                problems.append(cell_problem(file, sheet.name, row, match.column, column, value, error))
                values[match.key] = None
                failed = True
                continue
            values[match.key] = converted
            if column.type == "unit" and column.key == "unit":
                row_unit = converted
                count = unit_count(value)
                if count is not None and "pieces_per_unit" not in mapped and _has(spec, "pieces_per_unit"):
                    values["pieces_per_unit"] = count
            if typed_unit is not None and _has(spec, "unit") and values.get("unit") is None and column.key != "price":
                values["unit"] = typed_unit

        if all(value is None for value in values.values()) and not any(
            not is_empty(sheet.value(row, match.column)) for match in matches
        ):
            continue
        record = ImportRecord(spec.key, values, Location(file=file, sheet=sheet.name, cell=a1(row, table.first_column)), cells)
        records.append(record)
        # A row with an unreadable value is reported by that error; calling it incomplete as well would repeat it.
        warning = None if failed else missing_problem(record, spec)
        if warning is not None:
            problems.append(warning)
    return records, problems


def _has(spec: SheetSpec, key: str) -> bool:
    return any(column.key == key for column in spec.columns)
