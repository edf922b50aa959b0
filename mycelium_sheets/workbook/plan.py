"""Which sheets a write adds, replaces and removes, and the name checks before it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import Location, SheetNameConflictError
from ..i18n import _
from .layout import SheetLayout


@dataclass
class WritePlan:
    """The engine sheets to write and remove, and the marks to record after."""

    layouts: list[SheetLayout]
    removed: list[str]
    marks: list[str]


def plan_write(
    path: Path, existing: list[str], marks: list[str], layouts: list[SheetLayout], remove
) -> WritePlan:
    """Check names and return the plan.

    Raises SheetNameConflictError when a layout or a name to remove is a
    sheet not listed as an engine sheet, since that sheet is the farmer's.
    """
    engine = set(marks)
    names = [layout.name for layout in layouts]
    if len(set(names)) != len(names):
        raise ValueError(f"two engine sheets have the same name: {names}")

    for name in names + list(remove):
        if name in existing and name not in engine:
            raise SheetNameConflictError(
                _("The workbook already has a sheet “{name}” that the engine did not write, so it is not overwritten.").format(
                    name=name
                ),
                location=Location(file=str(path), sheet=name),
                remedy=_("Rename that sheet (for example to “{name} (mine)”) and run again.").format(name=name),
            )

    removed = [name for name in remove if name in existing and name not in names]
    kept_marks = [name for name in marks if name in existing and name not in removed and name not in names]
    return WritePlan(layouts=list(layouts), removed=removed, marks=kept_marks + names)
