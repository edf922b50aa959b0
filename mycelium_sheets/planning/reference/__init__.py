"""The default French crop reference: itineraries and families with rotation intervals.

The data comes from Potaléger and Qrop under GPL-3.0 (see README.md and
COPYING in this folder) and is rebuilt by ``scripts/make_crop_reference.py``.
"""

from __future__ import annotations

import csv
import functools
from decimal import Decimal
from pathlib import Path

from ...model.units import normalise_label
from ...schema.choices import LOCATIONS, MATURITY_BASES, PLANTING_METHODS
from ...schema.crop_sheets import CROPS

_FOLDER = Path(__file__).parent


@functools.lru_cache(maxsize=1)
def reference_itineraries() -> tuple[dict, ...]:
    """Return the reference itineraries as read from itineraries.csv (text values)."""
    with open(_FOLDER / "itineraries.csv", encoding="utf-8") as stream:
        return tuple(csv.DictReader(stream))


@functools.lru_cache(maxsize=1)
def reference_families() -> tuple[dict, ...]:
    """Return the families (Latin name, French name, rotation interval in years)."""
    with open(_FOLDER / "families.csv", encoding="utf-8") as stream:
        return tuple(csv.DictReader(stream))


@functools.lru_cache(maxsize=1)
def _family_names() -> dict[str, str]:
    names = {}
    for row in reference_families():
        names[normalise_label(row["family"])] = row["family"]
        names[normalise_label(row["family_fr"])] = row["family"]
    return names


def canonical_family(name: str | None) -> str | None:
    """Return the Latin name of a family given in Latin or French ("Alliacées" → "Alliaceae").

    A family the reference does not know is returned as written.
    """
    if not name:
        return None
    return _family_names().get(normalise_label(name), name.strip())


def family_label(latin: str, language: str) -> str:
    """Return a family's name for the farmer: French in French, Latin in English."""
    if language != "fr":
        return latin
    for row in reference_families():
        if row["family"] == latin:
            return row["family_fr"]
    return latin


def default_rotation_years() -> dict[str, int]:
    """Return the rotation interval in years of each reference family, by Latin name."""
    return {row["family"]: int(row["rotation_years"]) for row in reference_families() if row["rotation_years"]}


def default_crop_families() -> dict[str, str]:
    """Return the Latin family of each reference crop, keyed by its normalised French and English names."""
    families = {}
    for row in reference_itineraries():
        families[normalise_label(row["crop_fr"])] = row["family"]
        families[normalise_label(row["crop_en"])] = row["family"]
    return families


def _choice_label(choices, code: str, language: str) -> str:
    for choice in choices:
        if choice.code == code:
            return choice.label(language)
    raise KeyError(code)


def _number(text: str):
    if not text:
        return None
    value = Decimal(text)
    return int(value) if value == value.to_integral_value() else value


def default_itineraries(language: str) -> list[list]:
    """Return the reference itineraries as rows in the column order of the crops sheet.

    Choices (method, counted from, location) are written as their labels in
    ``language``; crops and families are named in that language. Empty cells
    are None.
    """
    rows = []
    for item in reference_itineraries():
        values = {
            "crop": item["crop_fr"] if language == "fr" else item["crop_en"],
            "family": family_label(item["family"], language),
            "method": _choice_label(PLANTING_METHODS, item["method"], language),
            "maturity_basis": _choice_label(MATURITY_BASES, item["maturity_basis"], language),
            "location": _choice_label(LOCATIONS, item["location"], language),
            "yield_unit": "kg",
            "name": item["itinerary"],
        }
        for key in ("nursery_days", "days_to_maturity", "harvest_days", "spacing_cm", "rows_per_bed", "yield_per_m2",
                    "seeds_per_gram", "seeds_per_hole", "earliest_week", "latest_week"):
            values[key] = _number(item[key])
        rows.append([values.get(column.key) for column in CROPS.columns])
    return rows
