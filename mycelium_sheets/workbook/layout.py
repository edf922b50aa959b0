"""Engine sheets as the engine lays them out, independent of the file format.

The ODS and XLSX writers and the LibreOffice extension all render a
``SheetLayout``: the values row by row, a number format per column, the kind
of each special row (title, header, total) for styling, page breaks and the
print range. Cell values are ``None``, ``str``, ``int``, ``Decimal``,
``float``, ``bool``, ``datetime.date`` or ``datetime.datetime``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

# Number formats a column or a cell can have.
FORMATS = (
    "text",  # left-aligned text
    "integer",  # 0
    "quantity",  # 0.### (quantities keep 3 decimals)
    "decimal",  # 0.00
    "money",  # # ##0.00 €
    "percent",  # 0.0 %
    "date",  # dd/mm/yyyy
    "week",  # ISO week text such as 2027-W23
    "tick",  # an empty box for ticking by hand when printed
)

# Kinds of rows that are styled differently.
ROW_KINDS = ("title", "subtitle", "header", "subtotal", "total", "note", "blank")


@dataclass
class Column:
    """One column of an engine sheet: its number format and width in centimetres."""

    format: str = "text"
    width_cm: float = 3.0

    def __post_init__(self) -> None:
        if self.format not in FORMATS:
            raise ValueError(f"unknown column format {self.format!r}")


@dataclass
class Image:
    """A picture (PNG) anchored at a cell of an engine sheet."""

    path: Path
    row: int
    column: int
    width_cm: float
    height_cm: float


@dataclass
class SheetLayout:
    """An engine sheet ready to be written.

    ``key`` is the stable identifier of the sheet in the engine (for example
    ``"harvest"``) and ``name`` the name the farmer sees, in the workbook's
    language. Row and column indices are 0-based.
    """

    key: str
    name: str
    columns: list[Column]
    rows: list[list] = field(default_factory=list)
    row_kinds: dict[int, str] = field(default_factory=dict)
    cell_formats: dict[tuple[int, int], str] = field(default_factory=dict)
    page_breaks: list[int] = field(default_factory=list)
    freeze_rows: int = 0
    print_range: tuple[int, int, int, int] | None = None
    landscape: bool = False
    images: list[Image] = field(default_factory=list)

    def add_row(self, values: list, kind: str | None = None) -> int:
        """Append a row, optionally of a special kind, and return its index."""
        if kind is not None and kind not in ROW_KINDS:
            raise ValueError(f"unknown row kind {kind!r}")
        self.rows.append(list(values))
        index = len(self.rows) - 1
        if kind:
            self.row_kinds[index] = kind
        return index

    def format_of(self, row: int, column: int) -> str:
        """Return the number format of a cell: its own, else its column's."""
        if (row, column) in self.cell_formats:
            return self.cell_formats[(row, column)]
        if row in self.row_kinds and self.row_kinds[row] in ("title", "subtitle", "header", "note"):
            return "text"
        if column < len(self.columns):
            return self.columns[column].format
        return "text"

    @property
    def width(self) -> int:
        return max([len(self.columns)] + [len(row) for row in self.rows])

    def full_print_range(self) -> tuple[int, int, int, int]:
        """Return (first row, first column, last row, last column) to print."""
        if self.print_range:
            return self.print_range
        return (0, 0, max(len(self.rows) - 1, 0), max(self.width - 1, 0))
