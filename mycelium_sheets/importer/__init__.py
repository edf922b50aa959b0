"""Importing a farm's existing spreadsheets into the standard workbook.

``plan_import`` reads a source file (a known format, or any spreadsheet by
finding its tables and matching their columns) into an ``ImportPlan``;
``apply_plan`` writes the plan into the standard workbook. Nothing is
written while a value could not be read, unless errors are skipped.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import Location, MyceliumError
from ..i18n import _
from .apply import ApplyResult, apply_plan, prepare
from .plan import ImportPlan, ImportRecord, TableMapping

__all__ = ["ApplyResult", "ImportPlan", "ImportRecord", "TableMapping", "apply_plan", "plan_import", "prepare"]


def plan_import(source, *, sheets: list[str] | None = None, mapping: str | Path | None = None,
                default_year: int | None = None) -> ImportPlan:
    """Read a source file (path or ``Workbook``) into the records it would add to the standard workbook.

    A known format is recognised by its headers and read without questions;
    any other file goes through table detection and column matching, reusing
    the tables of a mapping file when it exists. ``sheets`` limits the
    source sheets read.
    """
    from ..workbook import read_workbook
    from ..workbook.table import Workbook
    from . import formats, generic, mapping_file

    workbook = source if isinstance(source, Workbook) else read_workbook(source)
    if sheets:
        missing = [name for name in sheets if name not in workbook.sheets]
        if missing:
            raise MyceliumError(
                _("The source has no sheet “{sheet}”.").format(sheet=missing[0]),
                location=Location(file=str(workbook.path)),
                remedy=_("Choose one of: {sheets}.").format(sheets=", ".join(workbook.sheets)))

    saved = mapping_file.load_mapping(mapping) if mapping is not None and Path(mapping).exists() else None
    known = formats.find_format(workbook) if not saved else None
    if known is not None:
        plan = known.read(workbook, default_year=default_year)
    else:
        plan = generic.read_generic(workbook, sheets=sheets, saved=saved, default_year=default_year)
    if mapping is not None and saved is None and known is None:
        mapping_file.save_mapping(mapping, plan.mappings)
        plan.notes.append(_("The column mapping was saved to {path}; the next file of the same shape will use it.").format(
            path=mapping))
    return plan
