"""Helpers shared by the readers of known formats: finding columns by header, reading cells."""

from __future__ import annotations

from dataclasses import dataclass

from ...errors import Location, Problem
from ...i18n import _
from ...model.units import normalise_label
from ...schema import sheet_spec
from ...schema.types import CellTypeError
from ...workbook.cells import a1
from ...workbook.table import Sheet, Workbook
from ..detect import Table, find_tables
from ..plan import ColumnMatch, ImportPlan, ImportRecord, TableMapping
from ..rows import cell_problem, missing_problem
from ..values import clean_text, is_empty, read_cell


def key(header) -> str:
    return normalise_label(str(header or ""))


@dataclass
class Found:
    """A table of a known format: its sheet, the table and the column of each header."""

    sheet: Sheet
    table: Table
    columns: dict[str, int]


def find_table(workbook: Workbook, required: set[str]) -> list[Found]:
    """Return the tables whose normalised headers include all of ``required``."""
    found = []
    for sheet in workbook.sheets.values():
        for table in find_tables(sheet):
            columns = {}
            for column, label in zip(table.columns, table.labels):
                columns.setdefault(key(label), column)
            if required <= set(columns):
                found.append(Found(sheet, table, columns))
    return found


class RowReader:
    """Reads the cells of one source row into typed values, collecting errors with their cell."""

    def __init__(self, plan: ImportPlan, found: Found, row: int, target: str, *, default_year: int | None = None):
        self.plan = plan
        self.found = found
        self.row = row
        self.spec = sheet_spec(target)
        self.default_year = default_year
        self.values: dict = {}
        self.cells: dict[str, Location] = {}
        self.failed = False

    def raw(self, header: str):
        column = self.found.columns.get(header)
        return None if column is None else self.found.sheet.value(self.row, column)

    def text(self, header: str) -> str:
        """Return the cleaned text under ``header``, or "" when the cell is empty or absent."""
        value = self.raw(header)
        return "" if is_empty(value) else clean_text(value)

    def location(self, header: str | None = None) -> Location:
        column = self.found.columns.get(header, self.found.table.first_column) if header else self.found.table.first_column
        return Location(file=self.plan.source, sheet=self.found.sheet.name, cell=a1(self.row, column))

    def read(self, header: str, target_key: str, *, store: bool = True):
        """Read the cell under ``header`` as the target column's type; None when empty or unreadable."""
        column = self.found.columns.get(header)
        if column is None:
            return None
        spec_column = self.spec.column(target_key)
        value = self.found.sheet.value(self.row, column)
        try:
            converted, _unit = read_cell(spec_column, value, default_year=self.default_year)
        except CellTypeError as error:
            self.plan.problems.append(cell_problem(self.plan.source, self.found.sheet.name, self.row, column,
                                                   spec_column, value, error))
            self.failed = True
            return None
        if store and converted is not None:
            self.values[target_key] = converted
            self.cells[target_key] = self.location(header)
        return converted

    def set(self, target_key: str, value, header: str | None = None) -> None:
        if value is not None:
            self.values[target_key] = value
            self.cells[target_key] = self.location(header)

    def record(self, *, warn_missing: bool = True) -> ImportRecord:
        record = ImportRecord(self.spec.key, dict(self.values), self.location(), dict(self.cells))
        self.plan.records.append(record)
        if warn_missing:
            warning = missing_problem(record, self.spec)
            if warning is not None:
                self.plan.problems.append(warning)
        return record


def describe_mapping(found: Found, target: str, keys: dict[str, str | None], reason: str,
                     by_column: dict[int, str] | None = None) -> TableMapping:
    """Return the mapping of a known format's table, shown in the preview.

    ``keys`` maps normalised headers to target columns; a value written
    "stock.quantity" goes to another sheet. ``by_column`` maps sheet columns
    directly, for a header that appears twice.
    """
    matches = []
    reason = _(reason)
    for column, header, label in zip(found.table.columns, found.table.headers, found.table.labels):
        target_key = (by_column or {}).get(column) or keys.get(key(label))
        sheet = None
        if target_key and "." in target_key:
            sheet, target_key = target_key.split(".", 1)
        matches.append(ColumnMatch(column, header, target_key, 1.0 if target_key else 0.0, reason if target_key else "", sheet))
    return TableMapping(found.sheet.name, found.table.header_row, target, matches, list(found.table.headers), "format")


def blank_row(sheet: Sheet, row: int, columns: dict[str, int]) -> bool:
    return all(is_empty(sheet.value(row, column)) for column in columns.values())


def problem(plan: ImportPlan, severity: str, message: str, location: Location, value=None, remedy: str | None = None) -> None:
    plan.problems.append(Problem(severity, message, location, value, remedy))
