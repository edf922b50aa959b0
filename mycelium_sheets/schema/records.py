"""Reading the rows of an input sheet into typed records, collecting problems.

A table sheet has a header row (searched in the first rows, since farmers put
titles above it) and one record per row below it. A fields sheet has a label
in column A and its value in column B. Every value is converted by its
column's type; each value that cannot be read becomes a ``Problem`` naming
its cell, and the record keeps None for it.
"""

from __future__ import annotations

import contextlib
import gc
from dataclasses import dataclass, field

from ..errors import Location, Problem
from ..i18n import _
from ..model.source import Source
from ..model.units import normalise_label
from ..workbook.cells import a1
from ..workbook.table import Sheet
from . import types
from .columns import Column, SheetSpec

HEADER_SEARCH_ROWS = 20

# Distinct raw values whose conversion is kept per column while reading a sheet.
CONVERSION_CACHE_SIZE = 65_536
_NOT_CACHED = object()
_BLANK = object()


@contextlib.contextmanager
def garbage_collection_paused():
    """Pause the cyclic garbage collector while a block creates many lasting objects.

    Reading a million order lines makes millions of records that all stay
    alive, and each automatic collection walks all of them again. On the
    1,000,000-line workbook of ``bench/bench_orders.py`` that was about a
    third of the loading time. These records contain no reference cycles,
    so pausing leaves nothing uncollected. The collector is turned back on
    at the end unless it was already off. The pause is process-wide, so
    other threads collect no cycles meanwhile.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@dataclass(slots=True)
class Record:
    """One row of an input sheet: typed values by column key, and where it came from."""

    values: dict
    source: Source


@dataclass
class SheetRecords:
    """The records of one sheet and the problems found while reading them."""

    spec: SheetSpec
    sheet_name: str
    records: list[Record] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    header_row: int = 0
    columns: dict[str, int] = field(default_factory=dict)


def _label(value) -> str:
    return normalise_label(types.to_text(value)) if not types.is_blank(value) else ""


def _column_names(spec: SheetSpec) -> dict[str, Column]:
    names: dict[str, Column] = {}
    for column in spec.columns:
        for name in column.names():
            names.setdefault(normalise_label(name), column)
    return names


def _match_header(row: list, names: dict[str, Column]) -> dict[int, Column]:
    matched: dict[int, Column] = {}
    for index, value in enumerate(row):
        label = _label(value)
        if not label:
            continue
        column = names.get(label)
        if column is None and "(" in label:
            column = names.get(label.split("(")[0].strip())
        if column is not None:
            matched[index] = column
    return matched


def convert_value(column: Column, value, *, default_year: int | None = None):
    """Convert a cell value to the column's type; raise ``types.CellTypeError``."""
    kind = column.type
    if kind in ("text", "reference"):
        return types.to_text(value)
    if kind == "integer":
        result = types.to_integer(value)
    elif kind in ("decimal", "money"):
        result = types.to_money(value) if kind == "money" else types.to_decimal(value)
    elif kind == "percentage":
        result = types.to_percentage(value)
    elif kind == "date":
        return types.to_date(value)
    elif kind == "week":
        return types.to_week(value, default_year)
    elif kind == "boolean":
        return types.to_boolean(value)
    elif kind == "unit":
        return types.to_unit(value)
    elif kind == "choice":
        choice = column.choice(types.to_text(value))
        if choice is None:
            allowed = ", ".join(choice.label_fr for choice in column.choices)
            raise types.CellTypeError(_("not one of the allowed values"), allowed)
        return choice.code
    else:  # pragma: no cover - TYPES is closed
        raise AssertionError(kind)

    if column.minimum is not None and result < column.minimum:
        raise types.CellTypeError(_("below the minimum"), _("a value of at least {minimum}").format(minimum=column.minimum))
    if column.maximum is not None and result > column.maximum:
        raise types.CellTypeError(_("above the maximum"), _("a value of at most {maximum}").format(maximum=column.maximum))
    return result


def _cell_problem(file: str | None, sheet: str, row: int, column_index: int, column: Column,
                  value, error: types.CellTypeError, header: str | None = None) -> Problem:
    # The header as the workbook writes it, so the farmer finds the column.
    header = header or (column.header_fr if _lang_is_fr() else column.header_en)
    return Problem(
        "error",
        _("column “{column}”: {reason}").format(column=header, reason=error.reason),
        Location(file=file, sheet=sheet, cell=a1(row, column_index)),
        value,
        _("Enter {expected}.").format(expected=error.expected),
    )


def _lang_is_fr() -> bool:
    from ..i18n import get_language

    return get_language() == "fr"


def read_table(spec: SheetSpec, sheet: Sheet, file: str | None, *, default_year: int | None = None) -> SheetRecords:
    """Read a table sheet: find its header row, map its columns and convert its rows."""
    result = SheetRecords(spec, sheet.name)
    names = _column_names(spec)

    best_row, best = None, {}
    for row_index, row in enumerate(sheet.rows[:HEADER_SEARCH_ROWS]):
        matched = _match_header(row, names)
        if len(matched) > len(best):
            best_row, best = row_index, matched
    if best_row is None:
        result.problems.append(Problem(
            "error", _("no header row found"), Location(file=file, sheet=sheet.name, cell="A1"), None,
            _("Put the column headers ({headers}) on the first row.").format(
                headers=", ".join(column.header(_current_language()) for column in spec.columns if column.required)),
        ))
        return result
    result.header_row = best_row
    if best_row > 0:
        result.problems.append(Problem(
            "warning", _("the header row is row {row}, not row 1; the rows above it are ignored").format(row=best_row + 1),
            Location(file=file, sheet=sheet.name, cell=a1(best_row, 0)), None, None,
        ))

    for index, column in best.items():
        if column.key in result.columns:
            first = result.columns[column.key]
            result.problems.append(Problem(
                "error",
                _("column “{column}” appears twice, in {first} and {second}").format(
                    column=column.header(_current_language()), first=a1(best_row, first), second=a1(best_row, index)),
                Location(file=file, sheet=sheet.name, cell=a1(best_row, index)),
                sheet.value(best_row, index),
                _("Rename or delete one of the two columns."),
            ))
            continue
        result.columns[column.key] = index

    for column in spec.columns:
        if column.required and column.key not in result.columns:
            result.problems.append(Problem(
                "error", _("required column “{column}” is missing").format(column=column.header(_current_language())),
                Location(file=file, sheet=sheet.name, cell=a1(best_row, 0)), None,
                _("Add a column headed “{header}”.").format(header=column.header(_current_language())),
            ))
    if any(problem.severity == "error" for problem in result.problems):
        return result

    _read_rows(spec, sheet, file, result, default_year)
    return result


def _is_blank_row(row: list) -> bool:
    for value in row:
        if not types.is_blank(value):
            return False
    return True


def _convert_column(column: Column, values: list, default_year: int | None):
    """Convert one column's cells; return the values, the cell errors and the positions of blank cells.

    The result of each distinct raw value is kept, because an order sheet
    repeats a few hundred names, units and dates over thousands of rows. The
    cache key contains the value's type, so that 1, 1.0 and True, which compare
    equal, are still converted apart. Past ``CONVERSION_CACHE_SIZE``
    distinct values the remaining new ones are converted without being kept.
    """
    converted = []
    errors: list[tuple[int, object, types.CellTypeError]] = []
    blanks: list[int] = []
    cache: dict = {}
    for position, value in enumerate(values):
        if value is None:
            converted.append(None)
            blanks.append(position)
            continue
        key = (value.__class__, value)
        try:
            result = cache.get(key, _NOT_CACHED)
        except TypeError:  # an unhashable value, which no reader produces today
            key, result = None, _NOT_CACHED
        if result is _NOT_CACHED:
            if types.is_blank(value):
                result = _BLANK
            else:
                try:
                    result = convert_value(column, value, default_year=default_year)
                except types.CellTypeError as error:
                    result = error
            if key is not None and len(cache) < CONVERSION_CACHE_SIZE:
                cache[key] = result
        if result is _BLANK:
            converted.append(None)
            blanks.append(position)
        elif isinstance(result, types.CellTypeError):
            converted.append(None)
            errors.append((position, value, result))
        else:
            converted.append(result)
    return converted, errors, blanks


def _read_rows(spec: SheetSpec, sheet: Sheet, file: str | None, result: SheetRecords,
               default_year: int | None) -> None:
    """Convert the rows below the header into records, one column at a time."""
    row_indexes = [row_index for row_index in range(result.header_row + 1, len(sheet.rows))
                   if not _is_blank_row(sheet.rows[row_index])]
    rows = [sheet.rows[row_index] for row_index in row_indexes]

    # Problems are sorted back into the order of a row-by-row reading: by
    # row, then cell errors before empty required cells, then by column.
    problems: list[tuple[int, int, int, Problem]] = []
    columns_values = []
    for order, column in enumerate(spec.columns):
        index = result.columns.get(column.key)
        if index is None:
            # An absent column is optional, since a missing required one
            # stops read_table before the rows.
            columns_values.append([None] * len(rows))
            continue
        raw = [row[index] if index < len(row) else None for row in rows]
        converted, errors, blanks = _convert_column(column, raw, default_year)
        columns_values.append(converted)
        header = types.to_text(sheet.value(result.header_row, index)) or column.header(_current_language())
        for position, value, error in errors:
            problems.append((position, 0, order, _cell_problem(file, sheet.name, row_indexes[position], index, column,
                                                               value, error, header)))
        if column.required:
            for position in blanks:
                problems.append((position, 1, order, Problem(
                    "error", _("required value “{column}” is empty").format(column=header),
                    Location(file=file, sheet=sheet.name, cell=a1(row_indexes[position], index)), None,
                    _("Fill in the cell or delete the row."),
                )))
    problems.sort(key=lambda item: item[:3])
    result.problems.extend(problem for *_order, problem in problems)

    keys = [column.key for column in spec.columns]
    columns = result.columns
    sheet_name = sheet.name
    result.records = [
        Record(dict(zip(keys, values)), Source(file, sheet_name, row_index, columns))
        for row_index, values in zip(row_indexes, zip(*columns_values))
    ] if keys else [Record({}, Source(file, sheet_name, row_index, columns)) for row_index in row_indexes]


def read_fields(spec: SheetSpec, sheet: Sheet, file: str | None) -> SheetRecords:
    """Read a fields sheet: a label in column A and its value in column B."""
    result = SheetRecords(spec, sheet.name)
    names = _column_names(spec)
    values: dict = {column.key: None for column in spec.columns}
    rows: dict[str, int] = {}

    for row_index, row in enumerate(sheet.rows):
        label = _label(row[0]) if row else ""
        column = names.get(label) or (names.get(label.split("(")[0].strip()) if "(" in label else None)
        if column is None:
            continue
        if column.key in rows:
            result.problems.append(Problem(
                "error", _("the field “{field}” appears twice, on rows {first} and {second}").format(
                    field=column.header(_current_language()), first=rows[column.key] + 1, second=row_index + 1),
                Location(file=file, sheet=sheet.name, cell=a1(row_index, 0)), None,
                _("Delete one of the two rows."),
            ))
            continue
        rows[column.key] = row_index
        value = row[1] if len(row) > 1 else None
        if types.is_blank(value):
            continue
        try:
            values[column.key] = convert_value(column, value)
        except types.CellTypeError as error:
            result.problems.append(_cell_problem(file, sheet.name, row_index, 1, column, value, error,
                                                 types.to_text(row[0])))

    for column in spec.columns:
        if column.required and values[column.key] is None and not any(
            problem.location.cell == a1(rows.get(column.key, 0), 1) for problem in result.problems
        ):
            row_index = rows.get(column.key)
            # An empty farm detail stops only the commands that need it (an
            # invoice needs the SIREN, a delivery list does not), which
            # report it as an error themselves.
            result.problems.append(Problem(
                "warning", _("required field “{field}” is empty").format(field=column.header(_current_language())),
                Location(file=file, sheet=sheet.name, cell=a1(row_index, 1) if row_index is not None else None), None,
                _("Fill in “{field}” in column B.").format(field=column.header(_current_language()))
                if row_index is not None else
                _("Add a row with “{field}” in column A and its value in column B.").format(field=column.header(_current_language())),
            ))
    result.columns = {key: 1 for key in rows}
    result.records.append(Record(values, Source(file, sheet.name, 0, {}, field_rows=rows)))
    return result


def _current_language() -> str:
    from ..i18n import get_language

    return get_language()
