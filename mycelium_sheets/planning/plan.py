"""The whole crop plan of a season, from the farm's workbook data."""

from __future__ import annotations

import dataclasses
import statistics
from dataclasses import dataclass, field
from decimal import Decimal

from ..errors import PlanningError, Problem
from ..i18n import _, ngettext
from ..model.crops import Bed, Itinerary
from ..model.farm_data import FarmData
from ..model.units import normalise_label
from .demand import CropDemand, demand_from_order_lines, demand_from_targets
from .forecast import ForecastRow, forecast_rows
from .itinerary import check_itinerary
from .placement import Occupation, Unplaced, place_successions
from .reference import canonical_family, default_crop_families, default_rotation_years
from .season import Season
from .seeds import NurserySowing, SeedOrder, nursery_sowings, seed_orders
from .successions import Succession, UncoveredWeek, plan_successions

# Bed width used to turn a yield per m² into a yield per bed-metre when the
# farm has no bed of the itinerary's kind (a common French bed is 0.80 m wide).
DEFAULT_BED_WIDTH = Decimal("0.8")


@dataclass
class PlanResult:
    """Everything computed for a season: successions, placements, forecast, seeds, nursery."""

    season: Season
    demands: dict[str, CropDemand]
    successions: list[Succession]
    uncovered: list[UncoveredWeek]
    unplaced: list[Unplaced]
    occupations: list[Occupation]
    forecast: list[ForecastRow]
    seeds: list[SeedOrder]
    nursery: list[NurserySowing]
    beds: list[Bed]
    problems: list[Problem] = field(default_factory=list)


def season_for(data: FarmData, year: int) -> Season:
    """Return season ``year``, starting at the week of the farm's season start if it is set."""
    start = data.farm.season_start if data.farm else None
    return Season.of_year(year, start.week if start else 1)


def bed_width_for(beds: list[Bed]):
    """Return a function giving the median width of the beds an itinerary may use."""
    greenhouse = [bed.width_m for bed in beds if bed.greenhouse]
    field_beds = [bed.width_m for bed in beds if not bed.greenhouse]
    every = [bed.width_m for bed in beds]

    def width(itinerary: Itinerary) -> Decimal:
        widths = {"greenhouse": greenhouse, "field": field_beds}.get(itinerary.location, every)
        return Decimal(statistics.median(widths)) if widths else DEFAULT_BED_WIDTH

    return width


def rotation_intervals(data: FarmData) -> dict[str, int]:
    """Return the rotation interval per normalised Latin family: the families sheet over the reference."""
    intervals = {normalise_label(name): years for name, years in default_rotation_years().items()}
    for family in data.families:
        if family.rotation_years is not None:
            intervals[normalise_label(canonical_family(family.family))] = family.rotation_years
    return intervals


def crop_families(data: FarmData) -> dict[str, str]:
    """Return the Latin family per normalised crop name: the crops sheet over the reference."""
    families = dict(default_crop_families())
    for itinerary in data.itineraries:
        if itinerary.family:
            families[normalise_label(itinerary.crop)] = canonical_family(itinerary.family)
    return families


def _with_family(itinerary: Itinerary, families: dict[str, str]) -> Itinerary:
    family = canonical_family(itinerary.family) or families.get(normalise_label(itinerary.crop))
    return dataclasses.replace(itinerary, family=family) if family != itinerary.family else itinerary


def plan_season(data: FarmData, year: int, *, order_lines=None) -> PlanResult:
    """Compute the crop plan of season ``year``.

    The weekly demand comes from the targets sheet, or from ``order_lines``
    (order lines with ``product.crop``, ``delivery_date``, ``quantity``) when
    given. Raises ``PlanningError`` listing every parameter that makes no
    sense, each with its cell.
    """
    season = season_for(data, year)
    if order_lines is None:
        demands, problems = demand_from_targets(data.targets, season)
    else:
        yield_units = {}
        for itinerary in data.itineraries:
            if itinerary.yield_unit:
                yield_units.setdefault(normalise_label(itinerary.crop), itinerary.yield_unit)
        demands, problems = demand_from_order_lines(order_lines, season, yield_units)

    for itinerary in data.itineraries:
        problems.extend(check_itinerary(itinerary, season, needs_yield=normalise_label(itinerary.crop) in demands))
    errors = [problem for problem in problems if problem.severity == "error"]
    if errors:
        raise PlanningError(
            ngettext("The crop plan cannot be computed, {count} parameter makes no sense:",
                     "The crop plan cannot be computed, {count} parameters make no sense:", len(errors)).format(count=len(errors)),
            details=[str(problem) for problem in errors],
            remedy=_("Correct these cells and run the plan again."))

    families = crop_families(data)
    itineraries: dict[str, list[Itinerary]] = {}
    for itinerary in data.itineraries:
        itineraries.setdefault(normalise_label(itinerary.crop), []).append(_with_family(itinerary, families))

    width = bed_width_for(data.beds)
    successions: list[Succession] = []
    uncovered: list[UncoveredWeek] = []
    for key, demand in sorted(demands.items()):
        crop_successions, crop_uncovered, crop_problems = plan_successions(demand, itineraries.get(key, []), width)
        successions.extend(crop_successions)
        uncovered.extend(crop_uncovered)
        problems.extend(crop_problems)
    errors = [problem for problem in problems if problem.severity == "error"]
    if errors:
        raise PlanningError(_("The yields and the targets do not match:"), details=[str(problem) for problem in errors],
                            remedy=_("Correct these cells and run the plan again."))

    past_plantings = [dataclasses.replace(planting, family=canonical_family(planting.family)) for planting in data.past_plantings]
    unplaced, occupations, placement_problems = place_successions(
        successions, data.beds, season, past_plantings=past_plantings,
        rotation_years=rotation_intervals(data), crop_families=families)
    problems.extend(placement_problems)

    return PlanResult(
        season=season, demands=demands, successions=successions, uncovered=uncovered, unplaced=unplaced,
        occupations=occupations, forecast=forecast_rows(successions, demands, season, data.harvests),
        seeds=seed_orders(successions), nursery=nursery_sowings(successions), beds=data.beds, problems=problems)
