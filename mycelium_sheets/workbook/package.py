"""Safe opening of spreadsheet files: format detection and zip checks.

Every reader and writer goes through ``check_spreadsheet`` before touching a
file, so a PDF renamed .ods, an Excel owner file, an encrypted workbook, a
damaged zip or a zip bomb raises a ``FileFormatError`` naming the file and
the remedy instead of a traceback.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from ..errors import FileFormatError, Location
from ..i18n import _

# Formats by file suffix. "zip" formats can be written, the others only read.
READ_SUFFIXES = {".ods": "ods", ".xlsx": "xlsx", ".xlsm": "xlsx", ".xls": "xls", ".csv": "csv"}
WRITE_FORMATS = ("ods", "xlsx")

# NOTE: a farm workbook with a million order lines makes a content.xml of
# about 300 MB, so one part may declare up to 2 GiB. A part that expands more
# than 1000 times its compressed size is refused above 64 MiB: real XML
# compresses 10 to 50 times, repeated-row padding stays small.
MAX_PART_SIZE = 2 * 1024**3
MAX_TOTAL_SIZE = 4 * 1024**3
MAX_RATIO = 1000
RATIO_CHECK_FROM = 64 * 1024**2

_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"
_ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"


def _error(path: Path, message: str, remedy: str) -> FileFormatError:
    return FileFormatError(message, location=Location(file=str(path)), remedy=remedy)


def format_of(path: Path) -> str:
    """Return the format ("ods", "xlsx", "xls" or "csv") chosen by the suffix."""
    fmt = READ_SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        raise _error(
            path,
            _("The file extension “{suffix}” is not a spreadsheet format the engine reads.").format(
                suffix=path.suffix or "(none)"
            ),
            _("Save the workbook as .ods (LibreOffice), .xlsx (Excel) or .csv and try again."),
        )
    return fmt


def check_spreadsheet(path: Path) -> str:
    """Check that a file exists and is a readable spreadsheet, return its format.

    Raises FileFormatError for a missing file, an unknown suffix, a lock or
    owner file, a file of another kind, an encrypted workbook, a damaged zip
    or a zip whose declared sizes are too large.
    """
    path = Path(path)
    if not path.exists():
        raise _error(
            path,
            _("The file was not found."),
            _("Check the path and the file name, then try again."),
        )
    if path.is_dir():
        raise _error(path, _("This is a folder, not a spreadsheet file."), _("Give the path of a workbook file."))
    if path.name.startswith(("~$", ".~lock.")):
        raise _error(
            path,
            _("This is the lock file that Excel or LibreOffice creates while a workbook is open, not a workbook."),
            _("Give the workbook itself, whose name does not start with “~$” or “.~lock.”."),
        )

    fmt = format_of(path)
    if fmt == "csv":
        return fmt

    with open(path, "rb") as handle:
        head = handle.read(8)

    if head.startswith(_OLE2_MAGIC):
        if fmt == "xls":
            return fmt
        # An encrypted .xlsx or .ods is an OLE2 compound file holding an
        # EncryptionInfo stream (ECMA-376 part 2, "Encryption").
        raise _error(
            path,
            _("The workbook is protected by a password (encrypted), so it cannot be read."),
            _("Open it in LibreOffice or Excel, remove the password (File > Properties or Save As without password), save it and try again."),
        )

    if fmt == "xls":
        if head.startswith(_ZIP_MAGIC):
            raise _error(
                path,
                _("The file is named .xls but is an .xlsx or .ods workbook."),
                _("Rename it with the .xlsx or .ods extension, or save it again from the spreadsheet program."),
            )
        raise _not_a_spreadsheet(path)

    if not head.startswith(_ZIP_MAGIC):
        raise _not_a_spreadsheet(path)

    with open_zip(path) as archive:
        _check_zip(path, archive, fmt)
    return fmt


def _not_a_spreadsheet(path: Path) -> FileFormatError:
    return _error(
        path,
        _("The file is not a spreadsheet (its content does not match its “{suffix}” extension).").format(
            suffix=path.suffix
        ),
        _("Open the file in LibreOffice or Excel and save it as .ods or .xlsx, or give the right file."),
    )


def open_zip(path: Path) -> zipfile.ZipFile:
    """Open a zip package, turning a damaged or truncated archive into FileFormatError."""
    try:
        return zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as error:
        raise _error(
            path,
            _("The workbook is damaged: its zip structure cannot be read ({reason}).").format(reason=error),
            _("Restore it from a backup (see the .mycelium-backups folder beside it), or open it in LibreOffice, which may repair it, and save it again."),
        ) from None


def _check_zip(path: Path, archive: zipfile.ZipFile, fmt: str) -> None:
    names = set(archive.namelist())
    total = 0
    for info in archive.infolist():
        total += info.file_size
        expands_too_much = (
            info.file_size > RATIO_CHECK_FROM and info.file_size > MAX_RATIO * max(info.compress_size, 1)
        )
        if info.file_size > MAX_PART_SIZE or total > MAX_TOTAL_SIZE or expands_too_much:
            raise _error(
                path,
                _("The workbook declares a part “{part}” of {size} bytes, more than a spreadsheet can reasonably hold.").format(
                    part=info.filename, size=info.file_size
                ),
                _("The file is damaged or is not a real workbook. Open it in LibreOffice, save it again and retry."),
            )

    if fmt == "ods":
        if "content.xml" not in names:
            raise _missing_part(path, "content.xml")
        if "mimetype" in names and read_part(path, archive, "mimetype", 200).strip() != _ODS_MIMETYPE:
            raise _not_a_spreadsheet(path)
        manifest = read_part(path, archive, "META-INF/manifest.xml") if "META-INF/manifest.xml" in names else b""
        if b"encryption-data" in manifest:
            raise _error(
                path,
                _("The workbook is protected by a password (encrypted), so it cannot be read."),
                _("Open it in LibreOffice, remove the password (File > Properties > Security, or Save As without password), save it and try again."),
            )
    else:
        if "xl/workbook.xml" not in names:
            if "content.xml" in names:
                raise _error(
                    path,
                    _("The file is named {suffix} but is an OpenDocument (.ods) workbook.").format(suffix=path.suffix),
                    _("Rename it with the .ods extension and try again."),
                )
            raise _missing_part(path, "xl/workbook.xml")


def _missing_part(path: Path, part: str) -> FileFormatError:
    return _error(
        path,
        _("The workbook is damaged or not a spreadsheet: its part “{part}” is missing.").format(part=part),
        _("Open it in LibreOffice or Excel and save it again as .ods or .xlsx."),
    )


def read_part(path: Path, archive: zipfile.ZipFile, name: str, limit: int = MAX_PART_SIZE) -> bytes:
    """Read one zip member, at most ``limit`` bytes, as FileFormatError on damage.

    zipfile stops at the size the central directory declares, and
    ``_check_zip`` has bounded that size, so memory stays capped.
    """
    try:
        with archive.open(name) as member:
            data = member.read(limit + 1)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, zlib_error()) as error:
        raise _error(
            path,
            _("The workbook is damaged: its part “{part}” cannot be read ({reason}).").format(part=name, reason=error),
            _("Restore it from a backup (see the .mycelium-backups folder beside it), or open it in LibreOffice, which may repair it, and save it again."),
        ) from None
    if len(data) > limit:
        raise _error(
            path,
            _("The workbook part “{part}” is larger than {limit} bytes.").format(part=name, limit=limit),
            _("The file is damaged or is not a real workbook. Open it in LibreOffice, save it again and retry."),
        )
    return data


def zlib_error() -> type[Exception]:
    import zlib

    return zlib.error


def iter_part_chunks(path: Path, archive: zipfile.ZipFile, name: str, boundary: bytes, size: int = 16 * 1024**2):
    """Yield a zip member in pieces of about ``size`` bytes that end just after ``boundary``.

    Cutting after a closing tag such as ``</row>`` keeps each element that
    ends with it whole, so a pattern scan never gets half an element.
    """
    carry = b""
    try:
        with archive.open(name) as member:
            while True:
                block = member.read(size)
                if not block:
                    break
                data = carry + block
                cut = data.rfind(boundary)
                if cut < 0:
                    carry = data
                    continue
                cut += len(boundary)
                carry = data[cut:]
                yield data[:cut]
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, zlib_error()) as error:
        raise _error(
            path,
            _("The workbook is damaged: its part “{part}” cannot be read ({reason}).").format(part=name, reason=error),
            _("Restore it from a backup (see the .mycelium-backups folder beside it), or open it in LibreOffice, which may repair it, and save it again."),
        ) from None
    if carry:
        yield carry


def write_package(
    path: Path,
    archive: zipfile.ZipFile,
    handle,
    changes: dict[str, bytes | None],
) -> None:
    """Write a copy of ``archive`` to ``handle`` with some members changed.

    A member mapped to bytes is replaced (or added at the end when new), a
    member mapped to None is left out, every other member keeps its content,
    its date and its compression (``mimetype`` of an ODS file stays first and
    stored, as ODF requires).
    """
    with zipfile.ZipFile(handle, "w", allowZip64=True) as output:
        for info in archive.infolist():
            if info.filename in changes:
                data = changes[info.filename]
                if data is None:
                    continue
            else:
                data = read_part(path, archive, info.filename)
            copy = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            copy.compress_type = info.compress_type
            copy.external_attr = info.external_attr
            output.writestr(copy, data, compresslevel=_level(len(data)))

        existing = set(archive.namelist())
        for name, data in changes.items():
            if name in existing or data is None:
                continue
            output.writestr(name, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=_level(len(data)))


def _level(size: int) -> int:
    # Large parts get a faster, slightly weaker compression to keep saves quick.
    return 1 if size > 8 * 1024**2 else 6
