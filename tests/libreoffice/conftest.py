"""Fixtures of the LibreOffice extension tests: the built .oxt and running offices.

A test that needs LibreOffice is skipped on a machine without soffice or
python3-uno, but fails when CI=true.
"""

from __future__ import annotations

import importlib.util
import shutil
import sys
import zipfile
from pathlib import Path

import pytest

from mycelium_sheets.i18n import get_language, set_language

from .office import REPOSITORY, Office, OfficeError, install_and_start, is_ci, missing_office_reason

EXTENSION_PYTHONPATH = REPOSITORY / "plugins" / "libreoffice" / "extension" / "pythonpath"
EXAMPLE = REPOSITORY / "examples" / "ferme-exemple.ods"
FIXTURES = REPOSITORY / "tests" / "workbook" / "fixtures"


def load_build_module():
    """Import plugins/libreoffice/build.py, which is a script and not a package module."""
    spec = importlib.util.spec_from_file_location("mycelium_oxt_build", REPOSITORY / "plugins" / "libreoffice" / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def require_office() -> None:
    reason = missing_office_reason()
    if reason is None:
        return
    if is_ci():
        pytest.fail(f"LibreOffice is required in CI: {reason}")
    pytest.skip(reason)


def require_example() -> Path:
    if not EXAMPLE.exists():
        if is_ci():
            pytest.fail(f"the example workbook {EXAMPLE} is missing")
        pytest.skip("the example workbook is not built yet")
    return EXAMPLE


@pytest.fixture(autouse=True)
def english_messages():
    previous = get_language()
    set_language("en")
    yield
    set_language(previous)


@pytest.fixture(scope="session")
def calc_package():
    """Make the extension's mycelium_calc package importable in the test process."""
    if str(EXTENSION_PYTHONPATH) not in sys.path:
        sys.path.insert(0, str(EXTENSION_PYTHONPATH))
    import mycelium_calc

    return mycelium_calc


@pytest.fixture(scope="session")
def oxt(tmp_path_factory) -> Path:
    """The extension built from this checkout."""
    return load_build_module().build(tmp_path_factory.mktemp("dist"))


@pytest.fixture(scope="session")
def unpacked_oxt(oxt, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("oxt")
    with zipfile.ZipFile(oxt) as archive:
        archive.extractall(folder)
    return folder


def _office(oxt: Path, folder: Path, locale: str):
    require_office()
    try:
        office = install_and_start(folder / "profile", oxt, locale=locale)
    except OfficeError as error:
        pytest.fail(str(error))
    return office


@pytest.fixture(scope="session")
def office_en(oxt, tmp_path_factory):
    """A headless LibreOffice with an English interface and the extension installed."""
    office = _office(oxt, tmp_path_factory.mktemp("office-en"), "en-US")
    yield office
    office.stop()


@pytest.fixture(scope="session")
def office_fr(oxt, tmp_path_factory):
    """A headless LibreOffice with a French interface and the extension installed."""
    office = _office(oxt, tmp_path_factory.mktemp("office-fr"), "fr-FR")
    # LibreOffice falls back to English when the French interface
    # (Debian package libreoffice-l10n-fr) is not installed.
    if not office.call("ui-locale")["locale"].startswith("fr"):
        office.stop()
        if is_ci():
            pytest.fail("the French LibreOffice interface is required in CI (install libreoffice-l10n-fr)")
        pytest.skip("the French LibreOffice interface is not installed (libreoffice-l10n-fr)")
    yield office
    office.stop()


def run_menu(office: Office, document: Path, *actions: str, save_as: Path | None = None) -> tuple[dict, list[dict]]:
    """Dispatch menu actions on a document; return the sheets and marks, and the messages shown."""
    before = len(office.messages())
    result = office.call("run", str(document), str(save_as) if save_as else "-", *actions)
    return result, office.messages()[before:]


def copy_to(source: Path, folder: Path, name: str | None = None) -> Path:
    target = folder / (name or source.name)
    shutil.copyfile(source, target)
    return target
