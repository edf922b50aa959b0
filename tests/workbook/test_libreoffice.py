"""Workbooks written by the engine, opened by a real LibreOffice (soffice --convert-to)."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from mycelium_sheets.workbook import write_engine_sheets

from .test_write import copy_fixture, harvest_layout

pytestmark = pytest.mark.libreoffice

# CSV filter options: comma, double quote, UTF-8, from line 1, cells "as shown", all sheets.
CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1"


def convert_to_csv(soffice: str, path: Path, outdir: Path) -> dict[str, str]:
    """Convert every sheet to CSV with LibreOffice and return sheet name → text."""
    profile = Path(tempfile.mkdtemp(prefix="myc-lo-profile-"))
    command = [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", CSV_FILTER, "--outdir", str(outdir), str(path)]
    try:
        # A new profile may make the first start exit with code 81.
        for _attempt in range(3):
            result = subprocess.run(command, capture_output=True, timeout=180)
            files = list(outdir.glob(f"{path.stem}-*.csv"))
            if result.returncode == 0 and files:
                break
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    assert files, result.stderr.decode(errors="replace")
    return {file.stem[len(path.stem) + 1 :]: file.read_text(encoding="utf-8") for file in files}


def test_ods_opens_and_recomputes(tmp_path, soffice):
    path = copy_fixture(tmp_path, "ods")
    write_engine_sheets(path, [harvest_layout()])

    sheets = convert_to_csv(soffice, path, tmp_path / "csv")

    # 10.5 + 20 + 30.5 in B2:B100 of Récolte, and Double = 2 × that.
    assert sheets["Calculs"] == "Total récolte,61\nDouble,122\n"
    assert sheets["Récolte"] == (
        "Produit,Quantité,Prix,Date,Taux\n"
        'Carotte,"10,5","12,30 €",14/03/2027,"5,5 %"\n'
        '"Poireau  x\nligne 2",20,"1\u00a0234,50 €",14/03/2027,"100,0 %"\n'
        'Total,"30,5",,,\n'
    )
    assert sheets["Caché"] == "secret\n"
    assert sheets["Données"].splitlines()[1] == "Carotte,12,2.5,TRUE,14/03/2027,14/03/2027 08:30,25.0%,12.50 €,24,kg"


def test_xlsx_opens_and_recomputes(tmp_path, soffice):
    path = copy_fixture(tmp_path, "xlsx")
    write_engine_sheets(path, [harvest_layout()])

    sheets = convert_to_csv(soffice, path, tmp_path / "csv")

    assert sheets["Calculs"] == "Total récolte,61\nDouble,122\n"
    assert sheets["Récolte"].splitlines()[1] == "Carotte,10.5,12.30 €,14/03/2027,5.5%"
    assert sheets["Caché"] == "secret\n"


@pytest.mark.parametrize("fmt", ["ods", "xlsx"])
def test_removed_sheet_opens(tmp_path, soffice, fmt):
    path = copy_fixture(tmp_path, fmt)
    write_engine_sheets(path, [], remove=["Récolte"])

    sheets = convert_to_csv(soffice, path, tmp_path / "csv")

    assert set(sheets) == {"Données", "Caché", "Calculs"}
