"""Crop itineraries, beds, weekly targets, harvests and the rotation history."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from .source import Source
from .units import Unit
from .weeks import IsoWeek


@dataclass
class Itinerary:
    """How one crop (and variety) is grown: durations, spacing, yield, seeds."""

    crop: str
    method: str  # "direct", "transplant" or "bought"
    days_to_maturity: int
    maturity_basis: str  # "sowing" or "planting"
    harvest_days: int
    spacing_cm: Decimal
    rows_per_bed: int
    variety: str | None = None
    family: str | None = None
    nursery_days: int | None = None
    yield_per_metre: Decimal | None = None
    yield_per_m2: Decimal | None = None
    yield_unit: Unit | None = None
    seeds_per_gram: Decimal | None = None
    germination_rate: Decimal | None = None
    seeds_per_hole: int | None = None
    safety_margin: Decimal | None = None
    nursery_loss: Decimal | None = None
    cells_per_tray: int | None = None
    earliest_week: int | None = None
    latest_week: int | None = None
    location: str | None = None  # "field", "greenhouse" or "any"
    packet_size: Decimal | None = None
    seed_stock: Decimal | None = None
    source: Source | None = None
    name: str | None = None  # the itinerary's own name, such as "Laitue plant. printemps"


@dataclass
class Bed:
    bed: str
    length_m: Decimal
    width_m: Decimal
    block: str | None = None
    greenhouse: bool | None = None
    position: int | None = None
    source: Source | None = None


@dataclass
class Target:
    crop: str
    first_week: IsoWeek
    last_week: IsoWeek
    quantity: Decimal
    unit: Unit
    source: Source | None = None


@dataclass
class Harvest:
    date: dt.date
    crop: str
    quantity: Decimal
    unit: Unit
    bed: str | None = None
    notes: str | None = None
    source: Source | None = None


@dataclass
class PastPlanting:
    bed: str
    crop: str
    first_week: IsoWeek
    last_week: IsoWeek
    family: str | None = None
    source: Source | None = None


@dataclass
class Family:
    family: str
    rotation_years: int | None = None
    source: Source | None = None
