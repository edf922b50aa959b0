"""The one family of exceptions for everything a user can cause.

Each error carries where the fault is (file, sheet, cell in A1 form), the value
found and what to do about it. The CLI prints ``str(error)`` without a
traceback and the LibreOffice extension shows it in a message box.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .i18n import _, format_number


@dataclass(frozen=True)
class Location:
    """Where a value sits: file, sheet and cell (A1) or row, each optional."""

    file: str | None = None
    sheet: str | None = None
    cell: str | None = None

    def describe(self) -> str:
        parts = []
        if self.file:
            parts.append(Path(self.file).name)
        if self.sheet:
            parts.append(_("sheet “{sheet}”").format(sheet=self.sheet))
        if self.cell:
            parts.append(_("cell {cell}").format(cell=self.cell))
        return ", ".join(parts)


class MyceliumError(Exception):
    """An error the user can fix: it names the place, the value and the remedy."""

    exit_code = 1

    def __init__(
        self,
        message: str,
        *,
        location: Location | None = None,
        value: object = None,
        remedy: str | None = None,
        details: list[str] | None = None,
    ):
        super().__init__(message)
        self.message = message
        self.location = location or Location()
        self.value = value
        self.remedy = remedy
        self.details = details or []

    def __str__(self) -> str:
        lines = []
        where = self.location.describe()
        head = _("{where}: {message}").format(where=where, message=self.message) if where else self.message
        if self.value is not None and self.value != "":
            head += " " + _("(value found: “{value}”)").format(value=format_number(self.value))
        lines.append(head)
        lines.extend(f"  - {detail}" for detail in self.details)
        if self.remedy:
            lines.append(self.remedy)
        return "\n".join(lines)


class FileFormatError(MyceliumError):
    """The file is not a spreadsheet that can be read, or it is damaged."""


class WorkbookLockedError(MyceliumError):
    """The workbook is open in LibreOffice or Excel, so it is not written."""


class WorkbookWriteError(MyceliumError):
    """Saving the workbook failed; the previous version is kept as it was."""


class SheetNameConflictError(MyceliumError):
    """A sheet the farmer made has the name of an engine sheet."""


class SchemaError(MyceliumError):
    """A sheet or a column the engine needs is missing or ambiguous."""


class CellValueError(MyceliumError):
    """A cell contains a value that cannot be read as the column's type."""


class ReferenceNotFoundError(MyceliumError):
    """A cell refers to a product, customer, bed or other row that does not exist."""


class InvoicingError(MyceliumError):
    """An invoice cannot be issued as the law requires."""


class PlanningError(MyceliumError):
    """A crop plan cannot be computed from the given parameters."""


class SemanticDataError(MyceliumError):
    """A DFC document cannot be read or written."""


@dataclass
class Problem:
    """One finding of a check: severity, place, value, reason and remedy."""

    severity: str  # "error" or "warning"
    message: str
    location: Location = field(default_factory=Location)
    value: object = None
    remedy: str | None = None

    def __str__(self) -> str:
        return str(
            MyceliumError(self.message, location=self.location, value=self.value, remedy=self.remedy)
        )

    def to_error(self) -> MyceliumError:
        return CellValueError(self.message, location=self.location, value=self.value, remedy=self.remedy)
