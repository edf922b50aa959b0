"""Atomic saving, backups and lock detection for workbooks.

A save writes a temporary file in the workbook's folder, flushes and fsyncs
it, copies the previous version to ``.mycelium-backups/`` beside the
workbook, then renames the temporary file over the workbook with
``os.replace``. Any failure removes the temporary file and the new backup,
so the workbook and its folder stay as they were.
"""

from __future__ import annotations

import datetime
import errno
import os
import re
import shutil
import stat
import tempfile
from pathlib import Path
from typing import BinaryIO, Callable

from ..errors import Location, WorkbookLockedError, WorkbookWriteError
from ..i18n import _

BACKUP_FOLDER = ".mycelium-backups"
BACKUPS_KEPT = 10


def lock_files(path: Path) -> list[Path]:
    """Return the lock files LibreOffice and Excel would create for a workbook."""
    names = [f".~lock.{path.name}#", f"~${path.name}"]
    # Excel replaces the first two characters of long names instead of prefixing.
    if len(path.stem) > 6:
        names.append(f"~${path.name[2:]}")
    return [path.with_name(name) for name in names]


def check_not_locked(path: Path) -> None:
    """Raise WorkbookLockedError when the workbook is open in LibreOffice or Excel."""
    for lock in lock_files(path):
        if lock.exists():
            raise WorkbookLockedError(
                _("The workbook is open in LibreOffice or Excel (lock file “{lock}” found), so it was not changed.").format(
                    lock=lock.name
                ),
                location=Location(file=str(path)),
                remedy=_("Close the workbook and run the command again, or write to another file with --output where "
                         "the command offers it. If no program has it open, delete the lock file."),
            )


def check_writable(path: Path) -> None:
    """Raise WorkbookWriteError when the workbook file is marked read-only.

    The permission bits are read rather than ``os.access``, because root may
    write any file: a farmer who made the file read-only means it to stay
    as it is, whoever runs the command.
    """
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return
    if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise WorkbookWriteError(
            _("The workbook is read-only, so it was not changed."),
            location=Location(file=str(path)),
            remedy=_("Make the file writable (in its properties) and run the command again, or write to another "
                     "file with --output where the command offers it."),
        )


def new_file_mode() -> int:
    """Return the mode a new file gets from the process umask (0o644 for the usual 0o022)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def backup_name(path: Path, now: datetime.datetime) -> str:
    return f"{path.stem}.{now:%Y%m%d-%H%M%S}{path.suffix}"


def _backup_pattern(path: Path) -> re.Pattern:
    return re.compile(re.escape(path.stem) + r"\.\d{8}-\d{6}(?:-\d+)?" + re.escape(path.suffix) + "$")


def _make_backup(path: Path) -> tuple[Path, bool]:
    """Copy the workbook into the backup folder, return the copy and whether the folder is new."""
    folder = path.parent / BACKUP_FOLDER
    created = not folder.exists()
    folder.mkdir(exist_ok=True)
    now = datetime.datetime.now()
    target = folder / backup_name(path, now)
    counter = 2
    while target.exists():
        target = folder / f"{path.stem}.{now:%Y%m%d-%H%M%S}-{counter}{path.suffix}"
        counter += 1
    shutil.copy2(path, target)
    return target, created


def prune_backups(path: Path, keep: int = BACKUPS_KEPT) -> None:
    """Delete the oldest backups of a workbook beyond the ``keep`` newest."""
    folder = path.parent / BACKUP_FOLDER
    if not folder.is_dir():
        return
    pattern = _backup_pattern(path)
    backups = sorted(entry for entry in folder.iterdir() if pattern.match(entry.name))
    for old in backups[:-keep] if keep else backups:
        try:
            old.unlink()
        except OSError:
            # An old backup that cannot be deleted does not make the save fail.
            pass


def write_error(path: Path, error: OSError) -> WorkbookWriteError:
    """Return the WorkbookWriteError for an OSError, with a remedy for its cause."""
    if error.errno == errno.ENOSPC:
        remedy = _("The disk is full. Free some space and run the command again, or write to another disk with "
                   "--output where the command offers it.")
    elif error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        remedy = _("The folder or the file is read-only. Check its permissions, or write elsewhere with --output "
                   "where the command offers it.")
    else:
        remedy = _("Check that the folder exists and is writable, or write elsewhere with --output where the "
                   "command offers it.")
    return WorkbookWriteError(
        _("The workbook could not be saved ({reason}); the previous version is unchanged.").format(
            reason=error.strerror or error
        ),
        location=Location(file=str(path)),
        remedy=remedy,
    )


def atomic_save(target: Path, write: Callable[[BinaryIO], None], *, backup: bool = True) -> Path:
    """Write a file through ``write`` and put it in place atomically.

    When ``backup`` is true and the target exists, its previous version is
    copied to the backup folder first, keeping the last ``BACKUPS_KEPT``.
    Raises WorkbookLockedError when the target is open, WorkbookWriteError on
    any OS failure; errors raised by ``write`` itself propagate unchanged.
    """
    target = Path(target)
    check_not_locked(target)
    check_writable(target)

    temporary: Path | None = None
    backup_copy: Path | None = None
    backup_folder_created = False
    try:
        handle = tempfile.NamedTemporaryFile(
            dir=target.parent, prefix=f".{target.name}.", suffix=".mycelium-tmp", delete=False
        )
        temporary = Path(handle.name)
        with handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())

        if target.exists():
            shutil.copymode(target, temporary)
        else:
            # A temporary file is private (0o600); the new workbook gets the
            # mode any new file of this user would have.
            os.chmod(temporary, new_file_mode())
        if target.exists():
            if backup:
                backup_copy, backup_folder_created = _make_backup(target)
        os.replace(temporary, target)
        temporary = None
        _sync_folder(target.parent)
    except OSError as error:
        _undo(temporary, backup_copy, backup_folder_created)
        raise write_error(target, error) from None
    except BaseException:
        _undo(temporary, backup_copy, backup_folder_created)
        raise

    if backup:
        prune_backups(target)
    return target


def _undo(temporary: Path | None, backup_copy: Path | None, folder_created: bool) -> None:
    for leftover in (temporary, backup_copy):
        if leftover is not None:
            try:
                leftover.unlink()
            except OSError:
                pass
    if folder_created and backup_copy is not None:
        try:
            backup_copy.parent.rmdir()
        except OSError:
            pass


def _sync_folder(folder: Path) -> None:
    # Makes the rename durable; not available on every platform (Windows).
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
