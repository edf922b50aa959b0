"""Build the default French crop reference from Potaléger's and Qrop's data files.

Usage: python scripts/make_crop_reference.py SOURCE_DIR

SOURCE_DIR holds ``potaleger/`` (itp_joined_especes_familles.csv, familles.csv)
and ``qrop/`` (qrop_default_families.csv, qrop_default_crops.csv), both
GPL-3.0. The script writes ``itineraries.csv`` and ``families.csv`` into
``mycelium_sheets/planning/reference/``.

Conversions, each also stated in the reference's README:

- Potaléger's week S starts on 1 January + 7 × (S − 1) days. Its middle day,
  4 January + 7 × (S − 1) days, always falls in ISO week S, because 4 January
  is in ISO week 1 every year, so the ISO week holding most days of week S is
  ISO week S for S from 1 to 52 in every year.
- Method: sowing and planting weeks → transplant raised on the farm; planting
  only → bought transplant; sowing only → direct sowing. Green manures and
  companion plantings (no harvest duration) are left out.
- Days in nursery = 7 × (planting week − sowing week), days to maturity =
  7 × (harvest week − planting week, or − sowing week for direct sowing),
  counting across the new year; harvest window = 7 × harvest duration in weeks.
- Earliest planting week = Potaléger's planting week (sowing week for direct
  sowing), latest = that week + Potaléger's maximum shift, wrapped to 1..52.
- Rows per bed = the row spacing fitted on a 0.80 m wide bed, rounded, at least 1.
- Seeds per hole (Potaléger allows 7.5) is rounded up to a whole seed.
- Rotation interval: Potaléger's family interval, else Qrop's.
"""

from __future__ import annotations

import csv
import math
import sys
from decimal import Decimal
from pathlib import Path

OUTPUT = Path(__file__).resolve().parents[1] / "mycelium_sheets" / "planning" / "reference"
BED_WIDTH_CM = 80

ENGLISH_CROPS = {
    "Ail": "Garlic", "Aneth": "Dill", "Aubergine": "Eggplant", "Basilic": "Basil", "Betterave": "Beetroot",
    "Blette": "Chard", "Bourrache": "Borage", "Capucine": "Nasturtium", "Carotte": "Carrot",
    "Chicorée frisée": "Curly endive", "Chicorée sauvage": "Wild chicory", "Chou brocoli": "Broccoli",
    "Chou de Bruxelles": "Brussels sprouts", "Chou de Chine": "Chinese cabbage", "Chou frisé": "Kale",
    "Chou pommé": "Cabbage", "Chou-fleur": "Cauliflower", "Chou-rave": "Kohlrabi", "Chénopode": "Lamb's quarters",
    "Concombre": "Cucumber", "Coriandre": "Coriander", "Cosmos": "Cosmos", "Courge": "Winter squash",
    "Courgette": "Zucchini", "Céleri": "Celery", "Echalote": "Shallot", "Epinard": "Spinach", "Fenouil": "Fennel",
    "Fève": "Fava bean", "Haricot": "Bean", "Laitue": "Lettuce", "Maïs": "Sweet corn", "Melon": "Melon",
    "Mâche": "Corn salad", "Navet": "Turnip", "Oignon": "Onion", "Origan": "Oregano", "Panais": "Parsnip",
    "Patate douce": "Sweet potato", "Persil": "Parsley", "Physalis": "Ground cherry", "Poireau": "Leek",
    "Pois": "Pea", "Poivron piment": "Pepper", "Pomme de terre": "Potato", "Potiron": "Pumpkin",
    "Radis": "Radish", "Radis noir": "Black radish", "Ricin": "Castor bean", "Roquette": "Rocket",
    "Salsifis": "Salsify", "Sarriette": "Savory", "Souci": "Pot marigold", "Tagètes": "Marigold",
    "Tomate": "Tomato", "Topinambour": "Jerusalem artichoke", "Tournesol": "Sunflower",
}

ITINERARY_COLUMNS = (
    "itinerary", "crop_fr", "crop_en", "family", "method", "nursery_days", "days_to_maturity", "maturity_basis",
    "harvest_days", "spacing_cm", "rows_per_bed", "yield_per_m2", "seeds_per_gram", "seeds_per_hole",
    "earliest_week", "latest_week", "location",
)


def weeks_between(first: int, last: int) -> int:
    """Return the weeks from week ``first`` to week ``last`` of Potaléger's 52-week year."""
    return (last - first) % 52


def wrap_week(week: int) -> int:
    return (week - 1) % 52 + 1


def number(text: str) -> Decimal | None:
    return Decimal(text) if text.strip() else None


def plain(value) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return str(value)


def french_family(latin: str, qrop_names: dict[str, str]) -> str:
    """Return Qrop's French family name, else the Latin one with -aceae written -acées."""
    if latin in qrop_names:
        return qrop_names[latin]
    return latin[:-5] + "acées" if latin.endswith("aceae") else latin


def convert_itinerary(row: dict) -> dict | None:
    """Return one reference row from a Potaléger itinerary, or None for one with no harvest."""
    sowing, planting, harvest = (int(row[key]) if row[key] else None for key in ("S_semis", "S_plantation", "S_récolte"))
    if not row["D_récolte"] or harvest is None or not row["Espacement"] or not row["Famille"]:
        return None

    if sowing and planting:
        method, basis, start = "transplant", "planting", planting
        nursery = 7 * weeks_between(sowing, planting)
    elif planting:
        method, basis, start, nursery = "bought", "planting", planting, None
    else:
        method, basis, start, nursery = "direct", "sowing", sowing, None

    row_spacing = Decimal(row["Esp_rangs"]) if row["Esp_rangs"] else None
    rows = max(1, round(BED_WIDTH_CM / row_spacing)) if row_spacing else 1
    per_hole = math.ceil(Decimal(row["Nb_graines_plant"])) if row["Nb_graines_plant"] else None
    shift = int(row["Décal_max"] or 0)
    location = {"Serre": "greenhouse", "Extérieur": "field"}.get(row["Type_planche"], "any")
    return {
        "itinerary": row["IT_plante"],
        "crop_fr": row["Espèce"],
        "crop_en": ENGLISH_CROPS.get(row["Espèce"], row["Espèce"]),
        "family": row["Famille"],
        "method": method,
        "nursery_days": nursery,
        "days_to_maturity": 7 * weeks_between(start, harvest),
        "maturity_basis": basis,
        "harvest_days": 7 * int(row["D_récolte"]),
        "spacing_cm": number(row["Espacement"]),
        "rows_per_bed": rows,
        "yield_per_m2": number(row["Rendement_kg_m2"]),
        "seeds_per_gram": number(row["Nb_graines_g_espece"]),
        "seeds_per_hole": per_hole,
        "earliest_week": start,
        "latest_week": wrap_week(start + shift),
        "location": location,
    }


def main(source: Path) -> None:
    potaleger = source / "potaleger"
    qrop = source / "qrop"
    with open(qrop / "qrop_default_families.csv", encoding="utf-8") as stream:
        qrop_families = list(csv.DictReader(stream))
    qrop_names = {row["family"]: row["family_fr"] for row in qrop_families}

    with open(potaleger / "itp_joined_especes_familles.csv", encoding="utf-8") as stream:
        rows = [converted for converted in map(convert_itinerary, csv.DictReader(stream)) if converted]
    rows.sort(key=lambda row: (row["crop_fr"], row["earliest_week"]))

    intervals: dict[str, str] = {row["family"]: row["rotation_interval_years"] for row in qrop_families}
    with open(potaleger / "familles.csv", encoding="utf-8") as stream:
        for row in csv.DictReader(stream):
            if row["Intervalle"] and row["Famille"].endswith("aceae"):
                intervals[row["Famille"]] = plain(Decimal(row["Intervalle"]))

    used = sorted({row["family"] for row in rows} | set(qrop_names))
    OUTPUT.mkdir(parents=True, exist_ok=True)
    with open(OUTPUT / "itineraries.csv", "w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(ITINERARY_COLUMNS)
        for row in rows:
            writer.writerow([plain(row[column]) for column in ITINERARY_COLUMNS])
    with open(OUTPUT / "families.csv", "w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(("family", "family_fr", "rotation_years"))
        for family in used:
            writer.writerow((family, french_family(family, qrop_names), intervals.get(family, "")))
    print(f"{len(rows)} itineraries and {len(used)} families written to {OUTPUT}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__.split("\n\n")[1])
    main(Path(sys.argv[1]))
