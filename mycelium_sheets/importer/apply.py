"""Writing an import plan into the standard workbook.

The target is made from the template when it does not exist (French or
English from the language in force, .xlsx when its name ends so). Records
are appended under the last row of their sheet with
``workbook.write_sheet_edits``, which saves atomically and keeps every
other sheet byte for byte. A record already in the sheet is not appended
again, so importing a file twice adds nothing the second time. Products,
customers, delivery points, beds and families are the same when their
reference or name is. In the other sheets, rows are the same when every
imported column has the same value.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from ..errors import CellValueError, Location, MyceliumError, SchemaError
from ..i18n import _, get_language, ngettext
from ..model.units import Unit, normalise_label
from ..model.weeks import IsoWeek
from ..schema import find_sheet_spec, sheet_spec
from ..schema.columns import Column, SheetSpec
from ..schema.records import read_table
from ..workbook.table import Sheet, Workbook
from .plan import ImportPlan, ImportRecord
from .values import strip_emoji

# Columns that name a record on their own: a second record with the same
# value is the same thing. Other sheets compare every imported column.
NAME_KEYS = {
    "products": ("reference", "name"),
    "customers": ("code", "name"),
    "delivery_points": ("name",),
    "beds": ("bed",),
    "families": ("family",),
}
ERRORS_SHOWN = 50


@dataclass
class ApplyResult:
    """The rows an import appended (or would append in a dry run), sheet by sheet, and those it left out."""

    target: Path
    created: bool = False
    written: bool = False
    language: str = "fr"
    appended: dict[str, list[list]] = field(default_factory=dict)
    already_present: dict[str, int] = field(default_factory=dict)
    repeated_in_source: dict[str, int] = field(default_factory=dict)
    skipped_rows: list[Location] = field(default_factory=list)
    dropped_columns: dict[str, list[str]] = field(default_factory=dict)
    output: Path | None = None  # the file written instead of the target, which is then left unchanged

    def count(self, sheet_name: str) -> int:
        return len(self.appended.get(sheet_name, []))


def workbook_language(workbook: Workbook) -> str:
    """Return "fr" or "en": the language of the workbook's product sheet, else the one in force."""
    for name in workbook.sheets:
        spec = find_sheet_spec(name)
        if spec is not None and spec.layout == "table":
            if normalise_label(name) == normalise_label(spec.name_fr) and spec.name_fr != spec.name_en:
                return "fr"
            if normalise_label(name) == normalise_label(spec.name_en) and spec.name_fr != spec.name_en:
                return "en"
    return get_language()


def cell_value(column: Column, value, language: str):
    """Return a typed value in the form a person reads in the standard workbook."""
    if value is None:
        return None
    if isinstance(value, Unit):
        return value.label(language)
    if isinstance(value, IsoWeek):
        return str(value)
    if column.type == "choice":
        for choice in column.choices:
            if choice.code == value:
                return choice.label(language)
        return str(value)
    if isinstance(value, Decimal) and column.type == "integer":
        return int(value)
    if isinstance(value, (bool, int, Decimal, dt.date, str)):
        return value
    return str(value)


def _same(value) -> str:
    """Return a value's comparison form: numbers by value, text without case, accents and emoji."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, float, Decimal)):
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        return str(number.normalize()) if number else "0"
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return normalise_label(strip_emoji(str(value)))


def _identities(spec: SheetSpec, values: dict, keys: tuple[str, ...] | None) -> set[tuple]:
    """Return the identities of a row: one per naming column it fills, or one over all its columns."""
    names = NAME_KEYS.get(spec.key)
    if names:
        return {(name, _same(values.get(name))) for name in names if _same(values.get(name))}
    keys = keys if keys is not None else tuple(sorted(values))
    return {tuple((key, _same(values.get(key))) for key in keys)}


def _existing_identities(spec: SheetSpec, sheet: Sheet, header_row: int, columns: dict[str, int],
                         keys_per_record: set[tuple[str, ...]], language: str) -> set[tuple]:
    identities: set[tuple] = set()
    for row in sheet.rows[header_row + 1:]:
        values = {key: (row[index] if index < len(row) else None) for key, index in columns.items()}
        if all(value is None or value == "" for value in values.values()):
            continue
        if spec.key in NAME_KEYS:
            identities |= _identities(spec, values, None)
        else:
            for keys in keys_per_record:
                identities |= _identities(spec, values, keys)
    return identities


def _target_sheets(workbook: Workbook) -> dict[str, str]:
    sheets: dict[str, str] = {}
    for name in workbook.sheets:
        if name in workbook.engine_sheets:
            continue
        spec = find_sheet_spec(name)
        if spec is not None:
            sheets.setdefault(spec.key, name)
    return sheets


def _keep(record: ImportRecord, error_rows: set) -> bool:
    from ..workbook.cells import parse_a1

    locations = [record.source, *record.cells.values()]
    for location in locations:
        if location.cell and (location.file, location.sheet, parse_a1(location.cell)[0]) in error_rows:
            return False
    return True


def check_errors(plan: ImportPlan) -> None:
    """Raise CellValueError listing every unreadable value with its cell."""
    errors = plan.errors
    if not errors:
        return
    details = [str(problem).replace("\n", " — ") for problem in errors[:ERRORS_SHOWN]]
    if len(errors) > ERRORS_SHOWN:
        details.append(_("… and {count} more").format(count=len(errors) - ERRORS_SHOWN))
    raise CellValueError(
        ngettext("{count} value could not be read, so nothing was imported:",
                 "{count} values could not be read, so nothing was imported:", len(errors)).format(count=len(errors)),
        location=Location(file=plan.source),
        details=details,
        remedy=_("Correct these cells in the source file and import again, or add --ignorer-erreurs "
                 "(--skip-errors) to import the other rows and leave these out."),
    )


def prepare(plan: ImportPlan, workbook: Workbook, *, skip_errors: bool = False, result: ApplyResult | None = None) -> ApplyResult:
    """Work out the rows to append to each sheet of a workbook, without writing anything."""
    if not skip_errors:
        check_errors(plan)
    result = result or ApplyResult(Path(workbook.path))
    language = workbook_language(workbook)
    result.language = language
    error_rows = plan.error_rows()
    result.skipped_rows = [Location(file=file, sheet=sheet, cell=f"A{row + 1}") for file, sheet, row in sorted(
        error_rows, key=lambda item: (str(item[1]), item[2]))] if skip_errors else []

    sheets = _target_sheets(workbook)
    for key, records in plan.by_sheet().items():
        spec = sheet_spec(key)
        if key not in sheets:
            raise SchemaError(
                _("The workbook has no sheet “{sheet}” to import into.").format(sheet=spec.name(language)),
                location=Location(file=str(workbook.path)),
                remedy=_("Add the sheet “{sheet}” with its headers, copied from the template, and import again.").format(
                    sheet=spec.name(language)))
        name = sheets[key]
        sheet = workbook.sheets[name]
        layout = read_table(spec, sheet, str(workbook.path))
        columns = layout.columns
        if not columns:
            raise SchemaError(
                _("The sheet “{sheet}” has no header row the import can fill.").format(sheet=name),
                location=Location(file=str(workbook.path), sheet=name, cell="A1"),
                remedy=_("Put the column headers of the template on its first row."))

        kept = [record for record in records if not skip_errors or _keep(record, error_rows)]
        keys = {tuple(sorted(key for key, value in record.values.items() if value is not None)) for record in kept}
        seen = _existing_identities(spec, sheet, layout.header_row, columns, keys, language)
        width = max(columns.values()) + 1
        rows = []
        already = 0
        repeated = 0
        in_source: set[tuple] = set()
        dropped: set[str] = set()
        for record in kept:
            # Compare in the written form, the form the existing rows were read in.
            written = {key: cell_value(spec.column(key), value, language)
                       for key, value in record.values.items() if value is not None}
            identities = _identities(spec, written, tuple(sorted(written)))
            if identities & seen:
                already += 1
                continue
            if spec.key in NAME_KEYS:
                seen |= identities
            elif identities & in_source:
                # Two equal order or harvest lines in one file may both be
                # real, so both are kept and counted; the deliveries then
                # warn about them rather than merging them silently.
                repeated += 1
            in_source |= identities
            row = [None] * width
            for column_key, value in written.items():
                if column_key not in columns:
                    dropped.add(spec.column(column_key).header(language))
                    continue
                row[columns[column_key]] = value
            rows.append(row)
        result.appended[name] = rows
        result.already_present[name] = already
        if repeated:
            result.repeated_in_source[name] = repeated
        if dropped:
            result.dropped_columns[name] = sorted(dropped)
    return result


def apply_plan(plan: ImportPlan, target: str | Path | None, *, skip_errors: bool = False, dry_run: bool = False,
               output: str | Path | None = None) -> ApplyResult:
    """Write an import plan into a standard workbook, creating it from the template if needed.

    With ``output`` the target plus the imported rows are written to that
    file, of the same format, and the target is left unchanged. A target that
    does not exist yet is then created from the template at ``output`` only.
    Raises CellValueError when values could not be read and ``skip_errors``
    is False, and SchemaError when the workbook lacks a sheet to fill. In a
    dry run nothing is created or written, and the result shows what would
    be. A dry run with no target previews against the template.
    """
    from ..schema.templates import create_workbook, template_path
    from ..workbook import read_workbook

    if target is None and not dry_run:
        raise ValueError("a target workbook is needed unless dry_run is set")
    target = Path(target) if target is not None else None
    output = _output_file(target, output)
    for file in (target, output):
        if file is not None and file.suffix.lower() not in (".ods", ".xlsx"):
            raise MyceliumError(
                _("The workbook to fill must be an .ods or .xlsx file."), location=Location(file=str(file)),
                remedy=_("Give a workbook such as ferme.ods; the import creates it from the template when it does not exist."))
    if not skip_errors:
        check_errors(plan)
    result = ApplyResult(target or Path(template_path(get_language(), "ods").name), output=output)

    # Without a target on disk, the new workbook is made where the result goes.
    created_at = output if output is not None else target
    if target is not None and target.exists():
        workbook = read_workbook(target)
    else:
        language = get_language()
        file_format = "xlsx" if created_at is not None and created_at.suffix.lower() == ".xlsx" else "ods"
        if dry_run:
            workbook = read_workbook(template_path(language, file_format))
        else:
            _check_new_file(created_at)
            create_workbook(created_at, language, file_format)
            result.created = True
            result.target = created_at
            workbook = read_workbook(created_at)

    try:
        prepare(plan, workbook, skip_errors=skip_errors, result=result)
    except Exception:
        if result.created:
            # The new workbook contains nothing yet: remove it rather than leave an empty copy behind.
            created_at.unlink(missing_ok=True)
        raise
    if dry_run:
        return result

    from ..workbook import SheetEdits, write_sheet_edits

    edits = {name: SheetEdits(append=rows) for name, rows in result.appended.items() if rows}
    if result.created:
        # The new workbook is its own output, so it is edited in place.
        if edits:
            write_sheet_edits(created_at, edits, backup=False)
            result.written = True
    elif edits or output is not None:
        # With --output the file is written even with nothing new, so the user finds it where they asked.
        write_sheet_edits(target, edits, output=output)
        result.written = True
    return result


def _output_file(target: Path | None, output) -> Path | None:
    """Return the output file, or None when it is missing or is the target itself."""
    if output is None:
        return None
    output = Path(output)
    if target is not None and output.resolve() == target.resolve():
        return None
    return output


def _check_new_file(path: Path) -> None:
    if not path.parent.is_dir():
        raise MyceliumError(
            _("The folder {folder} does not exist.").format(folder=path.parent), location=Location(file=str(path)),
            remedy=_("Create the folder or give a workbook in an existing folder."))
