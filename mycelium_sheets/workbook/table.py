"""The workbook as read: sheets of rows of plain Python values.

Readers for every format produce these objects. Values are ``None``, ``str``,
``int``, ``float``, ``bool``, ``datetime.date``, ``datetime.datetime`` or
``datetime.time``; a formula cell holds its cached result. Rows stop at the
last cell with content and trailing empty rows are dropped, so a sheet padded
to a million rows costs nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Location, Problem
from .cells import a1


@dataclass
class Sheet:
    """One sheet: its name, its rows and whether it is hidden."""

    name: str
    rows: list[list] = field(default_factory=list)
    hidden: bool = False
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)

    def value(self, row: int, column: int):
        """Return the value at a 0-based position, None outside the data."""
        if row < len(self.rows) and column < len(self.rows[row]):
            return self.rows[row][column]
        return None

    @property
    def width(self) -> int:
        return max((len(row) for row in self.rows), default=0)


@dataclass
class Workbook:
    """A workbook as read from a file.

    ``engine_sheets`` holds the names of the sheets the engine wrote, read
    from the document property that marks them; ``warnings`` lists what the
    reader noticed (such as a formula with no cached result).
    """

    path: Path
    format: str
    sheets: dict[str, Sheet] = field(default_factory=dict)
    engine_sheets: set[str] = field(default_factory=set)
    warnings: list[Problem] = field(default_factory=list)

    def sheet(self, name: str) -> Sheet | None:
        return self.sheets.get(name)

    def location(self, sheet: str, row: int | None = None, column: int | None = None) -> Location:
        """Return the location of a sheet or of a 0-based cell in it."""
        cell = a1(row, column) if row is not None and column is not None else None
        return Location(file=str(self.path), sheet=sheet, cell=cell)
