"""Importing any spreadsheet: find its tables, match their columns, read their rows."""

from __future__ import annotations

from ..errors import Location
from ..i18n import _
from ..workbook.cells import a1
from ..workbook.table import Workbook
from . import mapping_file, wide
from .detect import find_tables
from .matching import propose_mapping
from .plan import ImportPlan
from .rows import read_rows


def read_generic(workbook: Workbook, *, sheets: list[str] | None = None, saved: list[dict] | None = None,
                 default_year: int | None = None) -> ImportPlan:
    """Read every table of the chosen sheets into records of the standard workbook.

    ``saved`` contains the entries of a mapping file; a table of the same shape
    takes its saved mapping instead of a proposed one. A table that matches
    no sheet is listed in the plan's notes, never imported by a guess.
    """
    file = str(workbook.path)
    plan = ImportPlan(file)
    for name, sheet in workbook.sheets.items():
        if sheets is not None and name not in sheets:
            continue
        if sheet.hidden and sheets is None:
            plan.notes.append(_("Sheet “{sheet}” is hidden and was not read.").format(sheet=name))
            continue
        for table in find_tables(sheet):
            mapping = mapping_file.reuse(saved, table) if saved else None
            if mapping is None:
                mapping = wide.propose_wide(sheet, table) or propose_mapping(sheet, table)
            plan.mappings.append(mapping)
            where = Location(file=file, sheet=name, cell=a1(table.header_row, table.first_column))
            if mapping.target is None:
                plan.notes.append(_("{where}: the table headed “{headers}” matches no sheet of the workbook and was not imported.").format(
                    where=where.describe(), headers=", ".join(header for header in table.headers[:4] if header)))
                continue
            for row in table.footer_rows:
                plan.ignored.append(Location(file=file, sheet=name, cell=a1(row, table.first_column)))
            if mapping.kind == "table":
                records, problems = read_rows(file, sheet, table, mapping, default_year=default_year)
            else:
                records, problems = wide.read_wide(file, sheet, table, mapping, default_year=default_year)
            plan.records.extend(records)
            plan.problems.extend(problems)
    return plan
