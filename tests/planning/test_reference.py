import datetime as dt
import importlib.util
from pathlib import Path

import pytest

from mycelium_sheets.model.weeks import IsoWeek
from mycelium_sheets.planning import default_itineraries
from mycelium_sheets.planning.reference import canonical_family, default_rotation_years, reference_itineraries
from mycelium_sheets.schema.crop_sheets import CROPS

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "make_crop_reference.py"


def load_script():
    spec = importlib.util.spec_from_file_location("make_crop_reference", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("year", range(2020, 2033))
def test_potaleger_week_middle_day_in_iso_week(year):
    # Potaléger's week S runs from 1 January + 7 × (S − 1) days; its 4th day is in ISO week S
    for number in range(1, 53):
        middle = dt.date(year, 1, 1) + dt.timedelta(days=7 * (number - 1) + 3)
        assert IsoWeek.of(middle) == IsoWeek(year, number)


@pytest.mark.parametrize(("row", "expected"), [
    # Aubergine: sown S7, planted S18, harvested from S29 for 4 weeks, shift 7
    ({"IT_plante": "Aubergine", "Espèce": "Aubergine", "Type_planche": "", "S_semis": "7", "S_plantation": "18",
      "S_récolte": "29", "D_récolte": "4", "Décal_max": "7", "Espacement": "70", "Esp_rangs": "60",
      "Nb_graines_plant": "1", "Famille": "Solanaceae", "Rendement_kg_m2": "3", "Nb_graines_g_espece": "250"},
     # 7 × (18 − 7) = 77 days in nursery, 7 × (29 − 18) = 77 days from planting, 28 days of harvest,
     # latest week 18 + 7 = 25, round(80 ÷ 60) = 1 row
     {"method": "transplant", "nursery_days": 77, "days_to_maturity": 77, "maturity_basis": "planting",
      "harvest_days": 28, "earliest_week": 18, "latest_week": 25, "rows_per_bed": 1, "location": "any"}),
    # Chou-rave d'hiver: sown S49, planted S3 of the next year, harvested from S16
    ({"IT_plante": "Chou-rave plant. hiver", "Espèce": "Chou-rave", "Type_planche": "Serre", "S_semis": "49",
      "S_plantation": "3", "S_récolte": "16", "D_récolte": "6", "Décal_max": "11", "Espacement": "20",
      "Esp_rangs": "30", "Nb_graines_plant": "1", "Famille": "Brassicaceae", "Rendement_kg_m2": "3.5",
      "Nb_graines_g_espece": "300"},
     # (3 − 49) mod 52 = 6 weeks = 42 days; (16 − 3) = 13 weeks = 91 days; round(80 ÷ 30) = 3 rows
     {"method": "transplant", "nursery_days": 42, "days_to_maturity": 91, "earliest_week": 3, "latest_week": 14,
      "rows_per_bed": 3, "location": "greenhouse"}),
    # Carotte: direct sowing S14, harvest S27, counted from sowing; 5 seeds a hole
    ({"IT_plante": "Carotte", "Espèce": "Carotte", "Type_planche": "Extérieur", "S_semis": "14", "S_plantation": "",
      "S_récolte": "27", "D_récolte": "5", "Décal_max": "13", "Espacement": "5", "Esp_rangs": "25",
      "Nb_graines_plant": "5", "Famille": "Apiaceae", "Rendement_kg_m2": "3", "Nb_graines_g_espece": "925"},
     {"method": "direct", "nursery_days": None, "days_to_maturity": 91, "maturity_basis": "sowing",
      "earliest_week": 14, "latest_week": 27, "seeds_per_hole": 5, "location": "field"}),
    # Ail d'automne: bought cloves planted S42, harvested S25: latest 42 + 9 = 51
    ({"IT_plante": "Ail", "Espèce": "Ail", "Type_planche": "", "S_semis": "", "S_plantation": "42",
      "S_récolte": "25", "D_récolte": "1", "Décal_max": "12", "Espacement": "12", "Esp_rangs": "30",
      "Nb_graines_plant": "", "Famille": "Alliaceae", "Rendement_kg_m2": "0.85", "Nb_graines_g_espece": ""},
     # (25 − 42) mod 52 = 35 weeks = 245 days; latest (42 + 12) wrapped = 2
     {"method": "bought", "days_to_maturity": 245, "earliest_week": 42, "latest_week": 2}),
])
def test_potaleger_itinerary_conversion(row, expected):
    converted = load_script().convert_itinerary(row)
    for key, value in expected.items():
        assert converted[key] == value, key


def test_green_manure_left_out():
    row = {"IT_plante": "EV", "Espèce": "Mélange", "Type_planche": "", "S_semis": "33", "S_plantation": "",
           "S_récolte": "7", "D_récolte": "", "Décal_max": "9", "Espacement": "", "Esp_rangs": "",
           "Nb_graines_plant": "", "Famille": "", "Rendement_kg_m2": "", "Nb_graines_g_espece": ""}
    assert load_script().convert_itinerary(row) is None


def test_default_itineraries_follow_crops_columns():
    rows = default_itineraries("fr")
    assert len(rows) == len(reference_itineraries())
    assert all(len(row) == len(CROPS.columns) for row in rows)
    keys = [column.key for column in CROPS.columns]
    garlic = next(row for row in rows if row[keys.index("name")] == "Ail plant. automne")
    assert garlic[keys.index("crop")] == "Ail"
    assert garlic[keys.index("family")] == "Alliacées"
    assert garlic[keys.index("method")] == "Plant acheté"
    assert garlic[keys.index("earliest_week")] == 42


def test_default_itineraries_in_english():
    keys = [column.key for column in CROPS.columns]
    garlic = next(row for row in default_itineraries("en") if row[keys.index("name")] == "Ail plant. automne")
    assert garlic[keys.index("crop")] == "Garlic"
    assert garlic[keys.index("family")] == "Alliaceae"
    assert garlic[keys.index("method")] == "Transplant bought"


def test_families_and_rotation():
    assert canonical_family("Alliacées") == "Alliaceae"
    assert canonical_family("brassicaceae") == "Brassicaceae"
    assert canonical_family("Rosacées") == "Rosacées"
    # Potaléger gives 4 years for Alliaceae; Qrop alone gives Chenopodiaceae 3 years
    assert default_rotation_years()["Alliaceae"] == 4
    assert default_rotation_years()["Chenopodiaceae"] == 3


def test_reference_keeps_licence():
    folder = Path(__file__).resolve().parents[2] / "mycelium_sheets" / "planning" / "reference"
    assert "GNU GENERAL PUBLIC LICENSE" in (folder / "COPYING").read_text(encoding="utf-8")
    readme = (folder / "README.md").read_text(encoding="utf-8")
    assert "Potaléger" in readme
    assert "Qrop" in readme
