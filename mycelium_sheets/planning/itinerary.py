"""Dates derived from an itinerary and the checks of its parameters.

Every planting starts on the Monday of its planting week. For direct sowing
the planting week is the sowing week. A transplant raised on the farm is sown
``nursery_days`` before planting. Days to maturity count from sowing or from
planting, as the itinerary's ``maturity_basis`` says.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from decimal import Decimal

from ..errors import Location, Problem
from ..i18n import _
from ..model.crops import Itinerary
from ..model.weeks import IsoWeek
from .season import Season


@dataclass(frozen=True)
class CropDates:
    """Sowing, planting and harvest dates of one planting, with their ISO weeks.

    ``sowing`` is None for a bought transplant. Harvest is spread evenly over
    ``harvest_weeks`` ISO weeks starting at the week of the first harvest.
    The bed is taken from ``planting_week`` to ``occupied_until``, the week
    of the last harvest day.
    """

    sowing: dt.date | None
    planting: dt.date
    first_harvest: dt.date
    last_harvest: dt.date
    harvest_weeks: int

    @property
    def sowing_week(self) -> IsoWeek | None:
        return IsoWeek.of(self.sowing) if self.sowing else None

    @property
    def planting_week(self) -> IsoWeek:
        return IsoWeek.of(self.planting)

    @property
    def first_harvest_week(self) -> IsoWeek:
        return IsoWeek.of(self.first_harvest)

    @property
    def last_harvest_week(self) -> IsoWeek:
        return self.first_harvest_week + (self.harvest_weeks - 1)

    @property
    def occupied_until(self) -> IsoWeek:
        return max(IsoWeek.of(self.last_harvest), self.last_harvest_week)


def harvest_week_count(itinerary: Itinerary) -> int:
    """Return the number of ISO weeks the harvest is spread over: ⌈harvest days ÷ 7⌉."""
    return math.ceil(itinerary.harvest_days / 7)


def days_planting_to_harvest(itinerary: Itinerary) -> int:
    """Return the days from planting (or sowing in place) to the first harvest."""
    if itinerary.maturity_basis == "sowing" and itinerary.method != "direct":
        return itinerary.days_to_maturity - (itinerary.nursery_days or 0)
    return itinerary.days_to_maturity


def crop_dates(itinerary: Itinerary, planting_week: IsoWeek) -> CropDates:
    """Return the dates of a planting made on the Monday of ``planting_week``."""
    planting = planting_week.monday()

    if itinerary.method == "direct":
        sowing = planting
    elif itinerary.method == "transplant":
        sowing = planting - dt.timedelta(days=itinerary.nursery_days or 0)
    else:
        sowing = None

    first_harvest = planting + dt.timedelta(days=days_planting_to_harvest(itinerary))
    last_harvest = first_harvest + dt.timedelta(days=itinerary.harvest_days - 1)
    return CropDates(sowing, planting, first_harvest, last_harvest, harvest_week_count(itinerary))


def planting_allowed(itinerary: Itinerary, week: IsoWeek) -> bool:
    """Tell whether a planting in ``week`` falls between the earliest and latest planting weeks.

    The window wraps round the new year when the earliest week is after the
    latest one (earliest 42, latest 9: autumn garlic).
    """
    earliest, latest = itinerary.earliest_week, itinerary.latest_week
    if earliest is None and latest is None:
        return True
    earliest = earliest or 1
    latest = latest or 53
    if earliest <= latest:
        return earliest <= week.week <= latest
    return week.week >= earliest or week.week <= latest


def itinerary_label(itinerary: Itinerary) -> str:
    """Return "crop variety" or "crop" when the variety is empty."""
    return f"{itinerary.crop} {itinerary.variety}" if itinerary.variety else itinerary.crop


def _location(itinerary: Itinerary, key: str) -> Location:
    return itinerary.source.location(key) if itinerary.source else Location(cell=None)


def _error(itinerary: Itinerary, key: str, message: str, value, remedy: str) -> Problem:
    return Problem("error", message, _location(itinerary, key), value, remedy)


def check_itinerary(itinerary: Itinerary, season: Season, *, needs_yield: bool = False) -> list[Problem]:
    """Return an error for each parameter of the itinerary that makes no sense.

    ``needs_yield`` asks for a yield, which a crop with weekly targets needs.
    """
    problems: list[Problem] = []
    label = itinerary_label(itinerary)

    def fail(key: str, message: str, value, remedy: str) -> None:
        problems.append(_error(itinerary, key, f"{label}: {message}", value, remedy))

    if itinerary.spacing_cm is None or itinerary.spacing_cm <= 0:
        fail("spacing_cm", _("the in-row spacing must be more than 0 cm"), itinerary.spacing_cm,
             _("Enter the distance between two plants on a row, in centimetres."))
    if itinerary.rows_per_bed is None or itinerary.rows_per_bed < 1:
        fail("rows_per_bed", _("a bed needs at least 1 row"), itinerary.rows_per_bed,
             _("Enter the number of rows per bed, 1 or more."))
    if itinerary.harvest_days is None or itinerary.harvest_days < 1:
        fail("harvest_days", _("the harvest window must last at least 1 day"), itinerary.harvest_days,
             _("Enter the number of days the crop is harvested, 1 or more."))
    if itinerary.days_to_maturity is None or itinerary.days_to_maturity < 1:
        fail("days_to_maturity", _("the days to maturity must be 1 or more"), itinerary.days_to_maturity,
             _("Enter the days from sowing or planting to the first harvest."))

    if itinerary.method == "transplant" and not itinerary.nursery_days:
        fail("nursery_days", _("a transplant raised on the farm needs its days in nursery"), itinerary.nursery_days,
             _("Enter the days between sowing in trays and planting out, 1 or more."))
    if itinerary.method == "bought" and itinerary.maturity_basis == "sowing" and not itinerary.nursery_days:
        fail("nursery_days", _("a bought transplant counted from sowing needs its days in nursery"),
             itinerary.nursery_days, _("Enter the age of the plants when planted, or count the days from planting."))
    if (itinerary.maturity_basis == "sowing" and itinerary.method != "direct" and itinerary.nursery_days
            and itinerary.days_to_maturity is not None and itinerary.nursery_days >= itinerary.days_to_maturity):
        fail("nursery_days", _("the days in nursery reach the first harvest, counted from sowing"),
             itinerary.nursery_days, _("Check the days to maturity and whether they count from sowing or from planting."))

    _check_fraction(itinerary, "germination_rate", fail, low_open=True, high=Decimal(1))
    _check_fraction(itinerary, "nursery_loss", fail, low_open=False, high=Decimal(1), high_open=True)
    if itinerary.safety_margin is not None and itinerary.safety_margin < 0:
        fail("safety_margin", _("the safety margin cannot be negative"), itinerary.safety_margin,
             _("Enter a percentage such as 10 %, or leave the cell empty."))
    if itinerary.seeds_per_gram is not None and itinerary.seeds_per_gram <= 0:
        fail("seeds_per_gram", _("the seeds per gram must be more than 0"), itinerary.seeds_per_gram,
             _("Enter the number of seeds in one gram, or leave the cell empty."))
    if itinerary.seeds_per_hole is not None and itinerary.seeds_per_hole < 1:
        fail("seeds_per_hole", _("at least 1 seed goes in each hole"), itinerary.seeds_per_hole,
             _("Enter 1 or more, or leave the cell empty for 1."))
    if itinerary.cells_per_tray is not None and itinerary.cells_per_tray < 1:
        fail("cells_per_tray", _("a tray has at least 1 cell"), itinerary.cells_per_tray,
             _("Enter the number of cells of one tray."))

    weeks = season.week_numbers()
    for key in ("earliest_week", "latest_week"):
        value = getattr(itinerary, key)
        if value is not None and value not in weeks:
            fail(key, _("the planting week is outside the season {season}").format(season=season), value,
                 _("Enter a week number between 1 and {last}.").format(last=max(weeks)))

    if needs_yield:
        yields = [itinerary.yield_per_metre, itinerary.yield_per_m2]
        if all(value is None for value in yields):
            fail("yield_per_metre", _("the crop has weekly targets but no yield"), None,
                 _("Enter the yield per bed-metre or per m²."))
        elif any(value is not None and value <= 0 for value in yields):
            key = "yield_per_metre" if itinerary.yield_per_metre is not None else "yield_per_m2"
            fail(key, _("the yield must be more than 0"), getattr(itinerary, key),
                 _("Enter the harvest expected over the whole harvest window."))
    return problems


def _check_fraction(itinerary: Itinerary, key: str, fail, *, low_open: bool, high: Decimal, high_open: bool = False) -> None:
    value = getattr(itinerary, key)
    if value is None:
        return
    too_low = value <= 0 if low_open else value < 0
    too_high = value >= high if high_open else value > high
    if too_low or too_high:
        fail(key, _("the percentage is out of range"), value,
             _("Enter a percentage between 0 % and 100 %, such as 85 %."))
