"""The Ouvretaferme crop-plan import format: one series (a planting) per row, several seasons.

Columns used: season, series_name, mode (open-field or greenhouse),
use (bed or block), species, variety_name, planting_type (sowing,
young-plant, young-plant-bought), seeds_per_hole, young_plants_tray
("Plaque de 100"), sowing_date, planting_date, first_harvest_date,
last_harvest_date, bed_rows, bed_spacing_plants or block_spacing_plants (cm),
harvest_unit (kg, unit, bunch) and yield_expected_area (harvest unit per m²).

Each series becomes a row of "Historique des cultures" (what grew, from the
week it took its place to the week of its last harvest). Series that share
crop, variety, method, place and every duration and spacing make one
itinerary of "Cultures", whose planting window spans the weeks those series
were planted (or sown in place).
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from ...errors import Location
from ...i18n import _
from ...model.money import decimal_from
from ...model.units import find_unit
from ...model.weeks import IsoWeek
from ...schema import sheet_spec
from ...schema.types import CellTypeError
from ...workbook.table import Workbook
from ..plan import ImportPlan, ImportRecord
from ..rows import missing_problem
from ..values import is_empty, read_date
from .common import Found, RowReader, blank_row, describe_mapping, find_table, problem

NAME = "otf-crop-plan"
LABEL = "Ouvretaferme crop plan"
REQUIRED = {"season", "series_name", "species", "planting_type", "sowing_date", "planting_date",
            "first_harvest_date", "last_harvest_date"}
METHODS = {"sowing": "direct", "young-plant": "transplant", "young-plant-bought": "bought"}
LOCATIONS = {"open-field": "field", "greenhouse": "greenhouse"}
BED_COLUMNS = ("bed", "beds", "place", "places", "planche", "planches")
_TRAY = re.compile(r"(\d+)")
_SERIES_WEEK = re.compile(r"\s+S\d{1,2}$")

# Columns of the itinerary that must be equal for two series to share it.
ITINERARY_KEYS = ("crop", "variety", "method", "location", "nursery_days", "days_to_maturity", "maturity_basis",
                  "harvest_days", "spacing_cm", "rows_per_bed", "yield_per_m2", "yield_unit", "seeds_per_hole",
                  "cells_per_tray")


def detect(workbook: Workbook) -> bool:
    return bool(find_table(workbook, REQUIRED))


def _tidy(number: Decimal | None) -> Decimal | None:
    """Round away the binary noise of a float read from the file (0.30000000000000004 → 0.3)."""
    if number is None:
        return None
    tidy = decimal_from(round(float(number), 6))
    return tidy.quantize(Decimal(1)) if tidy == tidy.to_integral_value() else tidy.normalize()


def _tell_apart(itineraries: list[dict]) -> None:
    """Add the variety, then a number, to itinerary names that are still shared."""
    for extra in ("variety", None):
        counts: dict = {}
        for values in itineraries:
            counts[values.get("name")] = counts.get(values.get("name"), 0) + 1
        seen: dict = {}
        for values in itineraries:
            name = values.get("name")
            if not name or counts[name] < 2:
                continue
            seen[name] = seen.get(name, 0) + 1
            if extra and values.get(extra):
                values["name"] = f"{name} ({values[extra]})"
            elif not extra:
                values["name"] = f"{name} ({seen[name]})"


def _itinerary_name(series_name) -> str:
    """Return a series name without its week mark: "Chou fleur Leocen S23" → "Chou fleur Leocen"."""
    return _SERIES_WEEK.sub("", str(series_name or "")).strip()


def _date(reader: RowReader, header: str) -> dt.date | None:
    value = reader.raw(header)
    if is_empty(value):
        return None
    try:
        return read_date(value)
    except CellTypeError as error:
        problem(reader.plan, "error", _("column “{column}”: {reason}").format(column=header, reason=error.reason),
                reader.location(header), value, _("Enter {expected}.").format(expected=error.expected))
        reader.failed = True
        return None


def _choice(reader: RowReader, header: str, table: dict[str, str]) -> str | None:
    value = reader.raw(header)
    if is_empty(value):
        return None
    code = table.get(str(value).strip())
    if code is None:
        problem(reader.plan, "error", _("column “{column}”: not one of the allowed values").format(column=header),
                reader.location(header), value, _("Enter one of: {values}.").format(values=", ".join(table)))
        reader.failed = True
    return code


def _series(plan: ImportPlan, found: Found, row: int) -> tuple[dict, dict, Location] | None:
    """Read one series into itinerary values and past-planting values; None when a value is unreadable."""
    itinerary = RowReader(plan, found, row, "crops")
    itinerary.read("species", "crop")
    itinerary.read("variety_name", "variety")
    method = _choice(itinerary, "planting_type", METHODS)
    location = _choice(itinerary, "mode", LOCATIONS)
    itinerary.set("method", method, "planting_type")
    itinerary.set("location", location, "mode")

    sowing = _date(itinerary, "sowing_date")
    planting = _date(itinerary, "planting_date")
    first = _date(itinerary, "first_harvest_date")
    last = _date(itinerary, "last_harvest_date")
    planted_out = method in ("transplant", "bought")
    start = planting if planted_out else sowing
    if method is not None:
        itinerary.set("maturity_basis", "planting" if planted_out else "sowing")
    if method == "transplant" and sowing and planting:
        itinerary.set("nursery_days", (planting - sowing).days, "planting_date")
    if start and first:
        if first <= start:
            problem(plan, "error", _("the first harvest is not after the sowing or planting date"),
                    itinerary.location("first_harvest_date"), first.isoformat(),
                    _("Correct the dates of the series."))
            itinerary.failed = True
        else:
            itinerary.set("days_to_maturity", (first - start).days, "first_harvest_date")
    if first and last:
        if last < first:
            problem(plan, "error", _("the last harvest is before the first harvest"),
                    itinerary.location("last_harvest_date"), last.isoformat(), _("Correct the dates of the series."))
            itinerary.failed = True
        else:
            # Both harvest days count: a series harvested once has a window of one day.
            itinerary.set("harvest_days", (last - first).days + 1, "last_harvest_date")

    use = str(itinerary.raw("use") or "bed").strip()
    spacing_header = "block_spacing_plants" if use == "block" else "bed_spacing_plants"
    spacing = itinerary.read(spacing_header, "spacing_cm", store=False)
    itinerary.set("spacing_cm", _tidy(spacing), spacing_header)
    if use != "block":
        rows = itinerary.read("bed_rows", "rows_per_bed", store=False)
        itinerary.set("rows_per_bed", rows, "bed_rows")
    itinerary.set("yield_per_m2", _tidy(itinerary.read("yield_expected_area", "yield_per_m2", store=False)),
                  "yield_expected_area")
    unit = itinerary.raw("harvest_unit")
    if not is_empty(unit):
        found_unit = find_unit(str(unit))
        if found_unit is None:
            problem(plan, "error", _("column “{column}”: not a valid unit").format(column="harvest_unit"),
                    itinerary.location("harvest_unit"), unit, _("Enter kg, unit or bunch."))
            itinerary.failed = True
        itinerary.set("yield_unit", found_unit, "harvest_unit")
    itinerary.read("seeds_per_hole", "seeds_per_hole")
    tray = itinerary.raw("young_plants_tray")
    if not is_empty(tray):
        match = _TRAY.search(str(tray))
        if match:
            itinerary.set("cells_per_tray", int(match.group(1)), "young_plants_tray")
        else:
            problem(plan, "error", _("column “{column}”: no number of cells").format(column="young_plants_tray"),
                    itinerary.location("young_plants_tray"), tray, _("Enter the tray as “Plaque de 100”."))
            itinerary.failed = True

    if itinerary.failed:
        return None
    bed = None
    for header in BED_COLUMNS:
        if not is_empty(itinerary.raw(header)):
            bed = str(itinerary.raw(header)).strip()
            break
    past = {
        "bed": bed or str(itinerary.raw("series_name") or "").strip() or None,
        "crop": itinerary.values.get("crop"),
        "first_week": IsoWeek.of(start) if start else None,
        "last_week": IsoWeek.of(last) if last else None,
        "start": start,
        "has_bed": bed is not None,
    }
    return itinerary.values, past, itinerary.location()


def read(workbook: Workbook, default_year: int | None = None) -> ImportPlan:
    """Read every series of the crop plan into itineraries and past plantings."""
    plan = ImportPlan(str(workbook.path), NAME)
    itineraries: dict[tuple, dict] = {}
    no_bed = 0
    for found in find_table(workbook, REQUIRED):
        plan.mappings.append(describe_mapping(found, "crops", {
            "species": "crop", "variety_name": "variety", "planting_type": "method", "mode": "location",
            "bed_spacing_plants": "spacing_cm", "block_spacing_plants": "spacing_cm", "bed_rows": "rows_per_bed",
            "yield_expected_area": "yield_per_m2", "harvest_unit": "yield_unit", "seeds_per_hole": "seeds_per_hole",
            "young_plants_tray": "cells_per_tray", "sowing_date": "nursery_days", "planting_date": "days_to_maturity",
            "first_harvest_date": "days_to_maturity", "last_harvest_date": "harvest_days",
        }, LABEL))
        for row in found.table.rows:
            if blank_row(found.sheet, row, found.columns):
                continue
            series = _series(plan, found, row)
            if series is None:
                continue
            values, past, location = series
            key = tuple(str(values.get(name)) for name in ITINERARY_KEYS)
            entry = itineraries.setdefault(key, {"values": values, "location": location, "weeks": [],
                                                 "name": _itinerary_name(found.sheet.value(row, found.columns["series_name"]))})
            if past["start"]:
                entry["weeks"].append(past["start"].isocalendar()[1])
            no_bed += not past.pop("has_bed")
            past.pop("start")
            reader = RowReader(plan, found, row, "past_plantings")
            for name, value in past.items():
                reader.set(name, value, "series_name" if name == "bed" else None)
            reader.record(warn_missing=False)

    names: dict[str, int] = {}
    for entry in itineraries.values():
        names[entry["name"]] = names.get(entry["name"], 0) + 1
    for entry in itineraries.values():
        values = dict(entry["values"])
        if entry["weeks"]:
            # NOTE: a window that wraps over the new year (planted in December
            # and January) comes out as the whole span from week 1 to 52.
            values["earliest_week"] = min(entry["weeks"])
            values["latest_week"] = max(entry["weeks"])
        name = entry["name"]
        if names.get(name, 0) > 1 and entry["weeks"]:
            # Several itineraries of one series name (spring and autumn) are distinguished by their planting weeks.
            first, last = values["earliest_week"], values["latest_week"]
            name = f"{name} S{first}" if first == last else f"{name} S{first}-S{last}"
        values["name"] = name or None
        entry["record"] = values

    _tell_apart([entry["record"] for entry in itineraries.values()])
    for entry in itineraries.values():
        values = entry["record"]
        record = ImportRecord("crops", values, entry["location"], {})
        plan.records.append(record)
        warning = missing_problem(record, sheet_spec("crops"))
        if warning is not None:
            plan.problems.append(warning)

    if no_bed:
        plan.notes.append(_(
            "The crop plan names no bed for {count} series: their series name is written in the “Planche” column "
            "of “Historique des cultures”. Replace it with the bed where each series grew, for the rotation checks."
        ).format(count=no_bed))
    return plan
