"""From weekly demand to successions: when to plant each crop and on how many bed-metres.

The weeks to cover are taken in time order. For the first week not yet
covered, each itinerary of the crop proposes the latest allowed planting
whose harvest includes that week (ideally starting on it). The itinerary
covering the most following target weeks wins, ties going to the first row
of the crops sheet. The succession is then sized on the highest weekly
demand among the weeks it covers:

    bed-metres = max over covered weeks (demand of the week × harvest weeks ÷ yield per bed-metre)

because the yield per bed-metre is the harvest of the whole window, spread
evenly over its ⌈harvest days ÷ 7⌉ weeks.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from decimal import ROUND_CEILING, Decimal
from typing import Callable

from ..errors import Location, Problem
from ..i18n import _, get_language
from ..model.crops import Itinerary
from ..model.units import Unit, convert, get_unit, normalise_label
from ..model.weeks import IsoWeek, week_range
from .demand import CropDemand
from .itinerary import CropDates, crop_dates, days_planting_to_harvest, harvest_week_count, planting_allowed
from .quantities import Quantities, quantities_for

METRE_STEP = Decimal("0.1")


@dataclass
class BedShare:
    """The part of one bed a succession takes: the bed's id and the metres used."""

    bed: str
    metres: Decimal


@dataclass
class Succession:
    """One planting of a crop, sized to cover some target weeks."""

    crop: str
    number: int
    itinerary: Itinerary
    dates: CropDates
    bed_metres: Decimal
    yield_per_metre: Decimal  # over the whole harvest window, in ``unit``
    unit: Unit
    covered_weeks: list[IsoWeek]
    peak_week: IsoWeek
    peak_demand: Decimal
    quantities: Quantities
    beds: list[BedShare] = field(default_factory=list)
    unplaced_reason: str | None = None

    @property
    def weekly_yield_per_metre(self) -> Decimal:
        return self.yield_per_metre / self.dates.harvest_weeks

    @property
    def harvest_weeks(self) -> list[IsoWeek]:
        return week_range(self.dates.first_harvest_week, self.dates.last_harvest_week)

    @property
    def placed_metres(self) -> Decimal:
        return sum((share.metres for share in self.beds), Decimal(0))

    @property
    def unplaced_metres(self) -> Decimal:
        return self.bed_metres - self.placed_metres

    @property
    def family(self) -> str | None:
        return self.itinerary.family


@dataclass
class UncoveredWeek:
    """A target week no succession can harvest, with the reason."""

    crop: str
    week: IsoWeek
    demand: Decimal
    unit: Unit
    reason: str


def yield_per_metre(itinerary: Itinerary, bed_width: Decimal) -> Decimal | None:
    """Return the yield per bed-metre, or per m² times the bed width."""
    if itinerary.yield_per_metre:
        return Decimal(itinerary.yield_per_metre)
    if itinerary.yield_per_m2:
        return Decimal(itinerary.yield_per_m2) * bed_width
    return None


def _best_planting(itinerary: Itinerary, week: IsoWeek) -> CropDates | None:
    """Return the latest allowed planting whose harvest weeks include ``week``."""
    lag_weeks = days_planting_to_harvest(itinerary) // 7
    ideal = week + (-lag_weeks)
    for shift in range(harvest_week_count(itinerary)):
        planting = ideal + (-shift)
        if planting_allowed(itinerary, planting):
            return crop_dates(itinerary, planting)
    return None


def _round_up(value: Decimal, step: Decimal) -> Decimal:
    return (value / step).to_integral_value(rounding=ROUND_CEILING) * step


def plan_successions(
    demand: CropDemand,
    itineraries: list[Itinerary],
    bed_width: Callable[[Itinerary], Decimal],
) -> tuple[list[Succession], list[UncoveredWeek], list[Problem]]:
    """Return the successions covering the crop's weekly demand, and the weeks left uncovered."""
    language = get_language()
    problems: list[Problem] = []
    usable: list[tuple[Itinerary, Decimal, Unit]] = []

    for itinerary in itineraries:
        unit = itinerary.yield_unit or get_unit("kg")
        per_metre = yield_per_metre(itinerary, bed_width(itinerary))
        if per_metre is None or convert(Decimal(1), demand.unit, unit) is None:
            if per_metre is not None:
                location = itinerary.source.location("yield_unit") if itinerary.source else Location()
                problems.append(Problem(
                    "error", _("{crop}: the yield is in {unit} but the targets are in {target}").format(
                        crop=demand.crop, unit=unit.label(language), target=demand.unit.label(language)),
                    location, unit.label(language), _("Use the same unit for the yield and the targets of a crop.")))
            continue
        usable.append((itinerary, per_metre, unit))

    weeks = sorted(week for week, quantity in demand.weeks.items() if quantity > 0)
    successions: list[Succession] = []
    uncovered: list[UncoveredWeek] = []
    index = 0
    while index < len(weeks):
        week = weeks[index]
        best = None
        for itinerary, per_metre, unit in usable:
            dates = _best_planting(itinerary, week)
            if dates is None:
                continue
            end = bisect.bisect_right(weeks, dates.last_harvest_week)
            if best is None or end > best[0]:
                best = (end, itinerary, per_metre, unit, dates)

        if best is None:
            uncovered.append(UncoveredWeek(demand.crop, week, demand.weeks[week], demand.unit, _uncovered_reason(usable, itineraries)))
            index += 1
            continue

        end, itinerary, per_metre, unit, dates = best
        covered = weeks[index:end]
        in_unit = {covered_week: convert(demand.weeks[covered_week], demand.unit, unit) for covered_week in covered}
        peak_week = max(covered, key=lambda covered_week: (in_unit[covered_week], -covered.index(covered_week)))
        metres = _round_up(in_unit[peak_week] * dates.harvest_weeks / per_metre, METRE_STEP)
        successions.append(Succession(
            crop=demand.crop, number=len(successions) + 1, itinerary=itinerary, dates=dates,
            bed_metres=metres, yield_per_metre=per_metre, unit=unit, covered_weeks=covered,
            peak_week=peak_week, peak_demand=in_unit[peak_week], quantities=quantities_for(itinerary, metres)))
        index = end
    return successions, uncovered, problems


def _uncovered_reason(usable, itineraries: list[Itinerary]) -> str:
    if not itineraries:
        return _("no itinerary for this crop in the crops sheet")
    if not usable:
        return _("no itinerary of this crop has a yield in the unit of the targets")
    windows = ", ".join(
        f"{itinerary.earliest_week or 1}–{itinerary.latest_week or 53}" for itinerary, _per_metre, _unit in usable)
    return _("no itinerary harvests this week with a planting in its allowed weeks ({windows})").format(windows=windows)


def crop_key(name: str) -> str:
    return normalise_label(name)
