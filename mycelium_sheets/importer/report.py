"""Text shown to the farmer about an import: the mapping with confidences, a preview and the outcome."""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from decimal import Decimal

from ..i18n import _, format_number, get_language, ngettext
from ..model.money import to_cents
from ..schema import sheet_spec
from .apply import ApplyResult, cell_value
from .plan import ImportPlan

PREVIEW_ROWS = 5
CELLS_LISTED = 10


def _percent(confidence: float) -> str:
    return f"{round(confidence * 100)} %"


def display_value(column, value, language: str) -> str:
    """Return a value as the farmer reads it: 5,5 % for a rate, oui/non, a decimal comma in French."""
    if isinstance(value, bool):
        return (_("yes") if value else _("no"))
    shown = cell_value(column, value, language)
    if column.type == "percentage":
        text = format((Decimal(shown) * 100).normalize(), "f") + " %"
    elif isinstance(shown, Decimal) and column.type == "money":
        text = format(to_cents(shown), "f")
    elif isinstance(shown, Decimal):
        text = format_number(shown, language)
    elif isinstance(shown, (dt.date,)):
        return shown.strftime("%d/%m/%Y") if language == "fr" else shown.isoformat()
    else:
        return str(shown)
    return text.replace(".", ",") if language == "fr" else text


def describe_mappings(plan: ImportPlan) -> list[str]:
    """Return one line per table found, then one per column: where it goes, with confidence and how."""
    language = get_language()
    lines = []
    for mapping in plan.mappings:
        if mapping.target is None:
            continue
        spec = sheet_spec(mapping.target)
        lines.append(_("Sheet “{source}”, header on row {row} → sheet “{target}”:").format(
            source=mapping.sheet, row=mapping.header_row + 1, target=spec.name(language)))
        for match in mapping.matches:
            header = match.header or "—"
            if match.key:
                column_spec = sheet_spec(match.sheet) if match.sheet else spec
                column = column_spec.column(match.key).header(language)
                if match.sheet:
                    column = f"{column_spec.name(language)} › {column}"
                lines.append("  " + _("{header} → {column} ({confidence}, {reason})").format(
                    header=header, column=column,
                    confidence=_percent(match.confidence), reason=match.reason))
            else:
                reason = f" ({match.reason})" if match.reason else ""
                lines.append("  " + _("{header} → not imported").format(header=header) + reason)
    return lines


def preview(plan: ImportPlan, rows: int = PREVIEW_ROWS) -> list[str]:
    """Return the first records of each target sheet as they would be written."""
    language = get_language()
    lines = []
    for key, records in plan.by_sheet().items():
        spec = sheet_spec(key)
        lines.append(ngettext("{sheet}: {count} row, first ones:", "{sheet}: {count} rows, first ones:", len(records)).format(
            sheet=spec.name(language), count=len(records)))
        for record in records[:rows]:
            cells = []
            for column in spec.columns:
                value = record.values.get(column.key)
                if value is not None:
                    cells.append(_("{column}: {value}").format(column=column.header(language),
                                                                value=display_value(column, value, language)))
            # French puts a space before the semicolon too.
            lines.append("  " + _("; ").join(cells))
    return lines


def warnings(plan: ImportPlan) -> list[str]:
    """Return the warnings grouped by message, each with the first cells it concerns."""
    groups: OrderedDict[str, list[str]] = OrderedDict()
    for problem in plan.problems:
        if problem.severity != "warning":
            continue
        where = problem.location.cell or problem.location.sheet or ""
        groups.setdefault(problem.message, []).append(f"{problem.location.sheet} {where}".strip())
    lines = []
    for message, cells in groups.items():
        shown = ", ".join(cells[:CELLS_LISTED]) + (" …" if len(cells) > CELLS_LISTED else "")
        lines.append(_("warning ({count}×): {message} — {cells}").format(count=len(cells), message=message, cells=shown))
    return lines


def ignored(plan: ImportPlan) -> list[str]:
    """Return the rows found under tables and left out (totals, remarks, planned logs), by cell."""
    if not plan.ignored:
        return []
    cells = ", ".join(f"{location.sheet} {location.cell}" for location in plan.ignored[:CELLS_LISTED])
    if len(plan.ignored) > CELLS_LISTED:
        cells += " …"
    return [ngettext("{count} row left out (total or remark): {cells}",
                     "{count} rows left out (totals or remarks): {cells}", len(plan.ignored)).format(
        count=len(plan.ignored), cells=cells)]


def outcome(result: ApplyResult, dry_run: bool) -> list[str]:
    """Return what was (or would be) appended to each sheet, what was already there and what was skipped."""
    lines = []
    for sheet, rows in result.appended.items():
        already = result.already_present.get(sheet, 0)
        if dry_run:
            line = ngettext("{sheet}: {count} row would be added", "{sheet}: {count} rows would be added", len(rows))
        else:
            line = ngettext("{sheet}: {count} row added", "{sheet}: {count} rows added", len(rows))
        line = line.format(sheet=sheet, count=len(rows))
        if already:
            line += ", " + ngettext("{count} already present", "{count} already present", already).format(count=already)
        repeated = result.repeated_in_source.get(sheet, 0)
        if repeated:
            line += ", " + ngettext("{count} repeats an identical row of the source and is kept: check it",
                                    "{count} repeat identical rows of the source and are kept: check them",
                                    repeated).format(count=repeated)
        lines.append(line + ".")
    for sheet, columns in result.dropped_columns.items():
        lines.append(_("The sheet “{sheet}” has no column {columns}: these values were not written.").format(
            sheet=sheet, columns=", ".join(f"“{column}”" for column in columns)))
    if result.skipped_rows:
        lines.append(ngettext("{count} row skipped because of unreadable values:",
                              "{count} rows skipped because of unreadable values:", len(result.skipped_rows)).format(
            count=len(result.skipped_rows)))
        lines.extend("  " + location.describe() for location in result.skipped_rows)
    if dry_run:
        lines.append(_("Dry run: the workbook was not changed."))
    elif result.created:
        lines.append(_("Workbook {path} created from the template.").format(path=result.target))
    elif result.output is not None and result.written:
        lines.append(_("Result written to {output}; {target} was not changed.").format(
            output=result.output, target=result.target))
    return lines
