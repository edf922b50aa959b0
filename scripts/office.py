"""Run a headless LibreOffice to convert files, with a throwaway profile."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path


def find_soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(source: Path, target_format: str, outdir: Path) -> Path:
    """Convert a file with LibreOffice (for example xlsx to ods) and return the new path.

    soffice exits with code 81 on the first start of a new profile, so the
    conversion is tried a second time when the output is missing.
    """
    soffice = find_soffice()
    if soffice is None:
        raise RuntimeError("LibreOffice (soffice) is needed to make the .ods files")
    target = outdir / (source.stem + "." + target_format)
    with tempfile.TemporaryDirectory(prefix="mycelium-lo-") as profile:
        for _ in range(3):
            subprocess.run(
                [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                 "--convert-to", target_format, "--outdir", str(outdir), str(source)],
                check=False, capture_output=True, timeout=180,
            )
            if target.exists():
                return target
    raise RuntimeError(f"LibreOffice did not convert {source}")
