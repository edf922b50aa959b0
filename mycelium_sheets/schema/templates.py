"""Where the standard workbook templates are and how a new workbook is made."""

from __future__ import annotations

import shutil
from pathlib import Path

from ..errors import MyceliumError
from ..i18n import _

TEMPLATE_STEMS = {"fr": "ferme", "en": "farm"}
FORMATS = ("ods", "xlsx")


def templates_folder() -> Path:
    """Return the folder of the templates: installed with the package, or in the source tree."""
    installed = Path(__file__).resolve().parents[1] / "templates"
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parents[2] / "workbook_templates"


def template_path(language: str, file_format: str) -> Path:
    """Return the template of a language ("fr", "en") and a format ("ods", "xlsx")."""
    if file_format not in FORMATS:
        raise MyceliumError(
            _("unsupported workbook format “{format}”").format(format=file_format),
            remedy=_("Choose ods or xlsx."),
        )
    return templates_folder() / f"{TEMPLATE_STEMS[language]}.{file_format}"


def create_workbook(path: Path, language: str, file_format: str | None = None) -> Path:
    """Create a new standard workbook at ``path`` from the template; never overwrite a file."""
    path = Path(path)
    file_format = file_format or path.suffix.lstrip(".").lower() or "ods"
    if not path.suffix:
        path = path.with_suffix("." + file_format)
    if path.suffix.lstrip(".").lower() != file_format:
        raise MyceliumError(
            _("the file name ends in “{suffix}” but the format asked is {format}").format(suffix=path.suffix, format=file_format),
            remedy=_("Name the file with the .{format} extension or change --format.").format(format=file_format),
        )
    template = template_path(language, file_format)
    if not template.is_file():
        raise MyceliumError(
            _("the template {template} is missing from the installation").format(template=template),
            remedy=_("Reinstall Mycélium sheets."),
        )
    if path.exists():
        raise MyceliumError(
            _("{path} already exists; it is left as it is").format(path=path),
            remedy=_("Choose another file name, or delete or rename the existing file first."),
        )
    if not path.parent.is_dir():
        raise MyceliumError(
            _("the folder {folder} does not exist").format(folder=path.parent),
            remedy=_("Create the folder first or choose another path."),
        )
    try:
        shutil.copyfile(template, path)
    except OSError as error:
        path.unlink(missing_ok=True)
        raise MyceliumError(
            _("could not create {path}: {reason}").format(path=path, reason=error.strerror or error),
            remedy=_("Check that the folder is writable and the disk is not full."),
        ) from error
    return path
