"""``write_engine_sheets``: put the engine's sheets into the farmer's workbook."""

from __future__ import annotations

from pathlib import Path

from ..errors import FileFormatError, Location
from ..i18n import _
from . import ods_writer, xlsx_writer
from .layout import SheetLayout
from .package import WRITE_FORMATS, check_spreadsheet, format_of, open_zip, write_package
from .save import atomic_save


def target_of(path: Path, output) -> tuple[str, Path]:
    """Check the source and output formats and return (format, file to write).

    Raises FileFormatError for a source that cannot be written (.csv, .xls)
    or an output of another format family than the source.
    """
    fmt = check_spreadsheet(path)
    if fmt not in WRITE_FORMATS:
        raise FileFormatError(
            _("The engine can read {suffix} files but not write into them.").format(suffix=path.suffix),
            location=Location(file=str(path)),
            remedy=_("Write the results to a new workbook with --output file.ods (or file.xlsx)."),
        )
    if output is None:
        return fmt, path

    output = Path(output)
    output_format = format_of(output)
    if output_format != fmt:
        raise FileFormatError(
            _("The output {output} is not of the same format as the workbook; converting between .ods and .xlsx is not supported.").format(
                output=output.name
            ),
            location=Location(file=str(path)),
            remedy=_("Give an output file with the extension {suffix}, or convert the workbook first in LibreOffice (File > Save As).").format(
                suffix=path.suffix
            ),
        )
    if output.suffix.lower() != path.suffix.lower():
        # .xlsm keeps its macros only under its own extension, and the reverse.
        raise FileFormatError(
            _("The output {output} must have the same extension as the workbook ({suffix}).").format(
                output=output.name, suffix=path.suffix
            ),
            location=Location(file=str(path)),
            remedy=_("Give an output file ending in {suffix}.").format(suffix=path.suffix),
        )
    return fmt, output


def write_engine_sheets(
    path,
    layouts: list[SheetLayout],
    *,
    output=None,
    remove=(),
    backup: bool = True,
) -> Path:
    """Write (add or replace) engine sheets into an .ods, .xlsx or .xlsm workbook.

    ``remove`` names engine sheets to delete. Sheets not listed in the
    workbook's MyceliumEngineSheets property are never overwritten: such a
    name raises SheetNameConflictError. With ``output`` the result goes to
    another file of the same format and the workbook is left untouched.
    The save is atomic and, unless ``backup`` is false, the previous version
    of the target is kept in ``.mycelium-backups/``. Returns the written path.
    """
    path = Path(path)
    fmt, target = target_of(path, output)
    module = ods_writer if fmt == "ods" else xlsx_writer

    # Everything is computed before the save starts, so a bad layout or a
    # missing picture fails without touching the disk.
    with open_zip(path) as archive:
        changes = module.prepare(path, archive, list(layouts), list(remove))
        return atomic_save(target, lambda handle: write_package(path, archive, handle, changes), backup=backup)
