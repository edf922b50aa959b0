"""Fixtures shared by every test folder.

A test that needs a real component (LibreOffice, node, an Oxigraph server)
calls ``require(...)``: on a developer's machine without it the test is
skipped, but under CI (CI=true) a missing component fails the test.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
EXAMPLES = ROOT / "examples"
TEMPLATES = ROOT / "workbook_templates"


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("true", "1", "yes")


def require(available: bool, what: str) -> None:
    """Skip the test when a component is missing, or fail under CI."""
    if available:
        return
    if in_ci():
        pytest.fail(f"{what} is required in CI but is not available")
    pytest.skip(f"{what} is not available on this machine")


def soffice_path() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


@pytest.fixture(scope="session")
def soffice() -> str:
    """The path of LibreOffice's soffice."""
    path = soffice_path()
    require(path is not None, "LibreOffice (soffice)")
    return path


def libreoffice_convert(source: Path, target_format: str, outdir: Path, profile: Path) -> Path:
    """Convert a file with headless LibreOffice and return the converted file.

    ``target_format`` is a LibreOffice filter spec such as "csv" or
    'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1'
    (the last field -1 exports every sheet to its own file).
    soffice exits with code 81 on the first start of a new profile, so the
    conversion is retried.
    """
    soffice = soffice_path()
    require(soffice is not None, "LibreOffice (soffice)")
    extension = target_format.split(":")[0]
    for _ in range(3):
        result = subprocess.run(
            [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
             "--convert-to", target_format, "--outdir", str(outdir), str(source)],
            capture_output=True, text=True, timeout=300,
        )
        produced = sorted(outdir.glob(f"{source.stem}*.{extension}"))
        if produced:
            return produced[0]
    raise AssertionError(f"LibreOffice did not convert {source}: {result.stdout} {result.stderr}")


@pytest.fixture
def example_copy(tmp_path):
    """Return a function that copies the example workbook (ods or xlsx) into tmp_path."""

    def copy(suffix: str = "ods") -> Path:
        target = tmp_path / f"ferme-exemple.{suffix}"
        shutil.copyfile(EXAMPLES / f"ferme-exemple.{suffix}", target)
        return target

    return copy
