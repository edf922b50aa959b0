"""Small farm records for the planning tests, with only the fields each test needs."""

from __future__ import annotations

from decimal import Decimal

from mycelium_sheets.model.crops import Bed, Itinerary, PastPlanting, Target
from mycelium_sheets.model.farm_data import FarmData
from mycelium_sheets.model.source import Source
from mycelium_sheets.model.units import get_unit
from mycelium_sheets.model.weeks import IsoWeek
from mycelium_sheets.schema.crop_sheets import CROPS

# The crops sheet's columns in the standard order: key → 0-based column index.
CROP_COLUMNS = {column.key: index for index, column in enumerate(CROPS.columns)}


def crop_source(row: int = 4) -> Source:
    return Source(file="ferme.ods", sheet="Cultures", row=row, columns=CROP_COLUMNS)


def itinerary(**overrides) -> Itinerary:
    """Return a lettuce transplant: 28 days in nursery, harvest 42 days after planting for 14 days."""
    values = dict(
        crop="Laitue", method="transplant", nursery_days=28, days_to_maturity=42, maturity_basis="planting",
        harvest_days=14, spacing_cm=Decimal(30), rows_per_bed=3, yield_per_metre=Decimal(6), family="Asteraceae",
        source=crop_source(),
    )
    values.update(overrides)
    return Itinerary(**values)


def bed(name: str, length: str = "30", *, block: str = "A", greenhouse: bool = False, width: str = "0.8", position=None) -> Bed:
    return Bed(name, Decimal(length), Decimal(width), block=block, greenhouse=greenhouse, position=position)


def week(text: str) -> IsoWeek:
    return IsoWeek.parse(text)


def target(crop: str, first: str, last: str, quantity: str, unit: str = "kg") -> Target:
    return Target(crop, week(first), week(last), Decimal(quantity), get_unit(unit))


def past(bed_name: str, crop: str, first: str, last: str, family: str | None = None) -> PastPlanting:
    return PastPlanting(bed_name, crop, week(first), week(last), family=family)


def farm(itineraries, beds, targets, **others) -> FarmData:
    return FarmData(itineraries=list(itineraries), beds=list(beds), targets=list(targets), **others)
