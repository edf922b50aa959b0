"""farmOS harvest logs exported or prepared for its CSV importer.

Columns used: timestamp (the date), name, assets (the crop planted, several
comma-separated), locations, quantity with its units and measure, notes and
status. Pounds and ounces are converted to kilograms; a count of bulbs,
heads or plants becomes pieces. Logs with the status "pending" are planned,
not made, so they are left out and listed.
"""

from __future__ import annotations

from decimal import Decimal

from ...i18n import _
from ...model.money import to_quantity
from ...model.units import find_unit, get_unit
from ...workbook.table import Workbook
from ..plan import ImportPlan
from ..values import clean_text, is_empty
from .common import RowReader, blank_row, describe_mapping, find_table, problem

NAME = "farmos-harvests"
LABEL = "farmOS harvests"
REQUIRED = {"timestamp", "name", "assets", "quantity", "quantity units", "quantity measure"}
# Kilograms per pound and per ounce (international avoirdupois definitions).
IMPERIAL = {"lb": Decimal("0.45359237"), "lbs": Decimal("0.45359237"), "pound": Decimal("0.45359237"),
            "pounds": Decimal("0.45359237"), "oz": Decimal("0.028349523125"), "ounce": Decimal("0.028349523125"),
            "ounces": Decimal("0.028349523125")}


def detect(workbook: Workbook) -> bool:
    return bool(find_table(workbook, REQUIRED))


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def read(workbook: Workbook, default_year: int | None = None) -> ImportPlan:
    """Read every harvest log that was done (or has no status) as a harvest."""
    plan = ImportPlan(str(workbook.path), NAME)
    for found in find_table(workbook, REQUIRED):
        plan.mappings.append(describe_mapping(found, "harvests", {
            "timestamp": "date", "assets": "crop", "locations": "bed", "quantity": "quantity",
            "quantity units": "unit", "notes": "notes",
        }, LABEL))
        for row in found.table.rows:
            if blank_row(found.sheet, row, found.columns):
                continue
            reader = RowReader(plan, found, row, "harvests", default_year=default_year)
            status = clean_text(reader.raw("status") or "").lower()
            if status == "pending":
                plan.ignored.append(reader.location("status"))
                plan.notes.append(_("{where}: the harvest log “{name}” is pending, so it was not imported.").format(
                    where=reader.location("status").describe(), name=clean_text(reader.raw("name") or "")))
                continue
            reader.read("timestamp", "date")
            assets = _split(clean_text(reader.raw("assets") or ""))
            crops = [asset for asset in assets if not asset.isdigit()]
            reader.set("crop", ", ".join(crops) or None, "assets")
            if len(crops) < len(assets):
                problem(plan, "warning", _("an asset given by its farmOS id cannot be named without farmOS"),
                        reader.location("assets"), reader.raw("assets"), _("Add the crop name in the harvests sheet."))
            locations = _split(clean_text(reader.raw("locations") or ""))
            reader.set("bed", ", ".join(locations) or None, "locations")

            quantity = reader.read("quantity", "quantity", store=False)
            units = clean_text(reader.raw("quantity units") or "").lower()
            measure = clean_text(reader.raw("quantity measure") or "").lower()
            unit = find_unit(units) if units else None
            if quantity is not None and units in IMPERIAL:
                quantity, unit = to_quantity(quantity * IMPERIAL[units]), get_unit("kg")
            elif unit is None and measure == "count":
                unit = get_unit("piece")
            elif unit is None and units:
                problem(plan, "error", _("column “{column}”: not a valid unit").format(column="quantity units"),
                        reader.location("quantity units"), reader.raw("quantity units"),
                        _("Enter a unit such as kg, lbs or a count measure."))
            reader.set("quantity", quantity, "quantity")
            reader.set("unit", unit, "quantity units")
            notes = [clean_text(reader.raw(header)) for header in ("name", "notes") if not is_empty(reader.raw(header))]
            reader.set("notes", " — ".join(notes) or None, "notes")
            reader.record()
    return plan
