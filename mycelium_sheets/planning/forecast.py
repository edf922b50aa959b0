"""Weekly harvest forecast per crop, beside the target and the harvests made.

A succession placed on P bed-metres with a yield of Y per bed-metre over n
harvest weeks yields P × Y ÷ n in each of those weeks. The planned forecast
uses the metres the succession needs, the forecast the metres actually
placed on beds, so that what found no bed shows as a gap.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Iterable

from ..model.crops import Harvest
from ..model.money import to_quantity
from ..model.units import Unit, convert, normalise_label
from ..model.weeks import IsoWeek
from .demand import CropDemand
from .season import Season
from .successions import Succession


@dataclass
class ForecastRow:
    """One crop in one week: target, planned and placed forecast, harvests made."""

    crop: str
    week: IsoWeek
    unit: Unit
    target: Decimal
    planned: Decimal
    forecast: Decimal
    harvested: Decimal | None = None

    @property
    def gap(self) -> Decimal:
        """Forecast minus target: negative when the beds will not yield enough."""
        return self.forecast - self.target


@dataclass(frozen=True)
class HarvestFlow:
    """A quantity harvested each week over a run of weeks, from one planting."""

    crop: str
    unit: Unit
    weeks: tuple[IsoWeek, ...]
    weekly_quantity: Decimal


def succession_flows(succession: Succession) -> tuple[HarvestFlow, HarvestFlow]:
    """Return the planned flow (metres needed) and the placed flow (metres on beds) of a succession."""
    weeks = tuple(succession.harvest_weeks)
    per_metre = succession.weekly_yield_per_metre
    return (
        HarvestFlow(succession.crop, succession.unit, weeks, succession.bed_metres * per_metre),
        HarvestFlow(succession.crop, succession.unit, weeks, succession.placed_metres * per_metre),
    )


def weekly_totals(flows: Iterable[HarvestFlow], units: dict[str, Unit] | None = None) -> dict[tuple[str, IsoWeek], Decimal]:
    """Add up flows per normalised crop name and week, converted to the crop's unit in ``units`` if given."""
    totals: dict[tuple[str, IsoWeek], Decimal] = {}
    for flow in flows:
        key = normalise_label(flow.crop)
        quantity = flow.weekly_quantity
        if units and key in units:
            quantity = convert(quantity, flow.unit, units[key])
            if quantity is None:
                continue
        for week in flow.weeks:
            totals[(key, week)] = totals.get((key, week), Decimal(0)) + quantity
    return totals


def harvested_totals(harvests: list[Harvest], units: dict[str, Unit]) -> dict[tuple[str, IsoWeek], Decimal]:
    """Add up the harvests made per crop and ISO week, in each crop's unit; other units are skipped."""
    totals: dict[tuple[str, IsoWeek], Decimal] = {}
    for harvest in harvests:
        key = normalise_label(harvest.crop)
        unit = units.get(key)
        quantity = convert(harvest.quantity, harvest.unit, unit) if unit else None
        if quantity is None:
            continue
        week = IsoWeek.of(harvest.date)
        totals[(key, week)] = totals.get((key, week), Decimal(0)) + quantity
    return totals


def forecast_rows(
    successions: list[Succession],
    demands: dict[str, CropDemand],
    season: Season,
    harvests: list[Harvest] = (),
) -> list[ForecastRow]:
    """Return a row per crop and season week with a target, a forecast or a harvest, by crop then week."""
    planned_flows, placed_flows = [], []
    crops: dict[str, tuple[str, Unit]] = {key: (demand.crop, demand.unit) for key, demand in demands.items()}
    for succession in successions:
        planned, placed = succession_flows(succession)
        planned_flows.append(planned)
        placed_flows.append(placed)
        crops.setdefault(normalise_label(succession.crop), (succession.crop, succession.unit))

    units = {key: unit for key, (_crop, unit) in crops.items()}
    planned_totals = weekly_totals(planned_flows, units)
    placed_totals = weekly_totals(placed_flows, units)
    done = harvested_totals(list(harvests), units)

    rows = []
    for key, (crop, unit) in sorted(crops.items()):
        demand = demands.get(key)
        for week in season.weeks():
            target = demand.weeks.get(week, Decimal(0)) if demand else Decimal(0)
            planned = planned_totals.get((key, week), Decimal(0))
            placed = placed_totals.get((key, week), Decimal(0))
            harvested = done.get((key, week))
            if not (target or planned or placed or harvested):
                continue
            rows.append(ForecastRow(crop, week, unit, to_quantity(target), to_quantity(planned),
                                    to_quantity(placed), to_quantity(harvested) if harvested is not None else None))
    return rows
