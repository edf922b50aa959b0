import hashlib
import shutil
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from mycelium_sheets.cli import build_cli
from mycelium_sheets.i18n import set_language
from mycelium_sheets.workbook import read_workbook

from conftest import EXAMPLES, TEMPLATES, libreoffice_convert

PLAN_SHEETS_FR = ["Plan", "Calendrier", "Semences", "Pépinière", "Prévision", "Occupation des planches"]
PLAN_SHEETS_EN = ["Plan", "Calendar", "Seeds", "Nursery", "Forecast", "Bed occupancy"]


def run(language: str, *arguments):
    set_language(language)
    return CliRunner().invoke(build_cli(), ["--lang", language, *arguments])


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("suffix", ["ods", "xlsx"])
def test_plan_example_workbook(tmp_path, suffix):
    source = tmp_path / f"ferme-exemple.{suffix}"
    shutil.copyfile(EXAMPLES / f"ferme-exemple.{suffix}", source)
    before = digest(source)
    output = tmp_path / f"plan.{suffix}"

    result = run("fr", "plan", str(source), "--saison", "2027", "--output", str(output))

    assert result.exit_code == 0, result.output
    assert "successions planifiées" in result.output
    assert digest(source) == before
    workbook = read_workbook(output)
    for name in PLAN_SHEETS_FR:
        assert name in workbook.sheets
    assert workbook.sheets["Plan"].rows[0] == ["Plan de culture"]
    for chart in ("plan-occupation", "plan-prevision"):
        assert (tmp_path / f"{chart}.png").stat().st_size > 0
        assert (tmp_path / f"{chart}.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")


def test_plan_english_template(tmp_path):
    source = tmp_path / "farm.xlsx"
    shutil.copyfile(TEMPLATES / "farm.xlsx", source)

    result = run("en", "plan", str(source), "--season", "2027", "--no-charts")

    assert result.exit_code == 0, result.output
    workbook = read_workbook(source)
    for name in PLAN_SHEETS_EN:
        assert name in workbook.sheets


def _crops_workbook(path: Path, earliest_week) -> Path:
    workbook = openpyxl.Workbook()
    crops = workbook.active
    crops.title = "Cultures"
    crops.append(["Culture", "Mode d'implantation", "Jours jusqu'à récolte", "Compté depuis", "Durée de récolte (jours)",
                  "Espacement sur le rang (cm)", "Rangs par planche", "Rendement (kg/m de planche)",
                  "Plantation au plus tôt (semaine)"])
    crops.append(["Radis", "Semis direct", 28, "Semis", 7, 2, 4, 3, earliest_week])
    beds = workbook.create_sheet("Planches")
    beds.append(["Planche", "Longueur (m)", "Largeur (m)"])
    beds.append(["A1", 20, 0.8])
    targets = workbook.create_sheet("Objectifs")
    targets.append(["Culture", "Première semaine", "Dernière semaine", "Quantité par semaine", "Unité"])
    targets.append(["Radis", "2027-W20", "2027-W22", 6, "kg"])
    workbook.save(path)
    return path


def test_plan_small_workbook(tmp_path):
    source = _crops_workbook(tmp_path / "radis.xlsx", 10)

    result = run("fr", "plan", str(source), "--saison", "2027", "--sans-graphiques")

    assert result.exit_code == 0, result.output
    rows = read_workbook(source).sheets["Plan"].rows
    # 3 weekly successions; 6 kg × 1 week ÷ 3 kg/m = 2 m each
    successions = [row for row in rows[4:] if row and row[0] == "Radis"]
    assert [row[5] for row in successions] == ["2027-W16", "2027-W17", "2027-W18"]
    assert [Decimal(str(row[8])) for row in successions] == [2, 2, 2]


def test_planting_week_outside_season_names_cell(tmp_path):
    source = _crops_workbook(tmp_path / "radis.xlsx", 53)
    before = digest(source)

    result = run("en", "plan", str(source), "--season", "2027", "--no-charts")

    assert result.exit_code == 1
    assert "radis.xlsx, sheet “Cultures”, cell I2" in result.output
    assert "outside the season" in result.output
    assert "(value found: “53”)" in result.output
    assert digest(source) == before


@pytest.mark.libreoffice
def test_libreoffice_opens_plan(tmp_path, soffice):
    source = tmp_path / "ferme-exemple.ods"
    shutil.copyfile(EXAMPLES / "ferme-exemple.ods", source)
    assert run("fr", "plan", str(source), "--saison", "2027").exit_code == 0

    pdf = libreoffice_convert(source, "pdf", tmp_path / "pdf", tmp_path / "profile")

    assert pdf.stat().st_size > 10_000


def test_locked_workbook_leaves_no_chart(tmp_path):
    pytest.importorskip("matplotlib")
    source = tmp_path / "lk.xlsx"
    shutil.copyfile(EXAMPLES / "ferme-exemple.xlsx", source)
    before = digest(source)
    # LibreOffice creates this file beside a workbook it has open
    (tmp_path / ".~lock.lk.xlsx#").write_text("someone,host,1;")

    result = run("fr", "plan", str(source), "--saison", "2027")

    assert result.exit_code == 1
    assert "lk.xlsx" in result.output
    assert digest(source) == before
    assert sorted(path.name for path in tmp_path.iterdir()) == [".~lock.lk.xlsx#", "lk.xlsx"]


def test_unplaced_line_has_one_colon(tmp_path):
    source = tmp_path / "ferme.xlsx"
    shutil.copyfile(EXAMPLES / "ferme-exemple.xlsx", source)
    workbook = openpyxl.load_workbook(source)
    beds = workbook["Planches"]
    # keeping only the first rows of beds leaves too little room, so some successions stay unplaced
    beds.delete_rows(4, beds.max_row)
    workbook.save(source)

    result = run("fr", "plan", str(source), "--saison", "2027", "--no-charts")

    assert result.exit_code == 0, result.output
    unplaced = [line for line in result.output.splitlines() if "non placée" in line]
    assert unplaced, result.output
    for line in unplaced:
        assert " — " in line
        assert line.count(" : ") == 0, line
