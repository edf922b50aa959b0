"""Where a record came from, so that any later error can name its cell."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import Location
from ..workbook.cells import a1


@dataclass(frozen=True)
class Source:
    """A record's file, sheet, 0-based row and the column index of each field."""

    file: str | None
    sheet: str
    row: int
    columns: dict = field(default_factory=dict, hash=False, compare=False)
    field_rows: dict | None = field(default=None, hash=False, compare=False)

    def location(self, key: str | None = None) -> Location:
        """Return the location of a field's cell, or of the row's first cell.

        In a fields sheet (label in column A, value in column B) each field
        has its own row, given by ``field_rows``; a field with no row yet
        points at the sheet only.
        """
        if self.field_rows is not None:
            if key in self.field_rows:
                return Location(file=self.file, sheet=self.sheet, cell=a1(self.field_rows[key], 1))
            return Location(file=self.file, sheet=self.sheet)
        column = self.columns.get(key, 0) if key else 0
        return Location(file=self.file, sheet=self.sheet, cell=a1(self.row, column))
