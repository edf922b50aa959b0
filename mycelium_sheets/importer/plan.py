"""The import plan: records per sheet of the standard workbook, with their source cells.

Every reader (the generic table reader, the wide-form readers and the
readers of known formats) produces an ``ImportPlan``. Nothing is written
until ``apply.apply_plan`` is called, so a dry run and a real run show the
same records and the same problems.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import Location, Problem


@dataclass
class ImportRecord:
    """One row to write into a sheet of the standard workbook.

    ``values`` maps column keys of the target sheet to typed values (Decimal,
    date, Unit, IsoWeek, choice code, text, bool). ``source`` is the row it
    came from and ``cells`` the cell of each value, for error messages.
    """

    sheet: str
    values: dict
    source: Location
    cells: dict[str, Location] = field(default_factory=dict)


@dataclass
class ColumnMatch:
    """How one source column maps to a column of the target sheet.

    ``key`` is None for a column that is not imported. ``confidence`` runs
    from 0 to 1 and ``reason`` tells how the match was made ("name",
    "abbreviation", "content", "mapping file", or a known format's name).
    """

    column: int
    header: str
    key: str | None
    confidence: float
    reason: str
    sheet: str | None = None  # another target sheet than the table's, such as the stock of a product list


@dataclass
class TableMapping:
    """The mapping of one source table to one sheet of the standard workbook."""

    sheet: str  # the source sheet
    header_row: int  # 0-based
    target: str | None  # key of the target sheet, None when nothing matched
    matches: list[ColumnMatch] = field(default_factory=list)
    headers: list[str] = field(default_factory=list)
    kind: str = "table"  # "table", "grid" or "calendar"

    @property
    def confidence(self) -> float:
        used = [match.confidence for match in self.matches if match.key]
        return min(used) if used else 0.0


@dataclass
class ImportPlan:
    """All records read from a source file, the problems found and how its columns were mapped.

    ``problems`` with severity "error" are values that could not be read:
    nothing is written while one remains, unless errors are skipped, and
    then the rows holding them are left out and listed in ``skipped``.
    """

    source: str
    format: str = "generic"
    records: list[ImportRecord] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    mappings: list[TableMapping] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    ignored: list[Location] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [problem for problem in self.problems if problem.severity == "error"]

    def count(self, sheet: str) -> int:
        return sum(1 for record in self.records if record.sheet == sheet)

    def by_sheet(self) -> dict[str, list[ImportRecord]]:
        sheets: dict[str, list[ImportRecord]] = {}
        for record in self.records:
            sheets.setdefault(record.sheet, []).append(record)
        return sheets

    def error_rows(self) -> set[tuple[str | None, str | None, int]]:
        """Return (file, sheet, 0-based row) of every row holding an unreadable value."""
        from ..workbook.cells import parse_a1

        rows = set()
        for problem in self.errors:
            if problem.location.cell:
                rows.add((problem.location.file, problem.location.sheet, parse_a1(problem.location.cell)[0]))
        return rows
