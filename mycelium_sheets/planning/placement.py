"""Placing successions on beds: space, greenhouse or field, rotation, contiguity.

Successions are placed in the order of their planting week. Each bed keeps
its free length (in whole centimetres) for every week, so two plantings
share a bed at the same time only while their lengths fit in it. A planting
from the past-plantings sheet that overlaps the season takes its whole bed
for its weeks.

A bed is suitable for a succession when:

- its kind matches the itinerary's location (a greenhouse crop needs a bed
  marked as greenhouse, a field crop a bed that is not);
- no planting of the same family grew on it in the past-plantings sheet
  fewer than the family's rotation interval in years before the season
  (season year − year of that planting's last week < interval);
- it has at least ``MIN_SHARE_CM`` free during every week the succession
  takes it, or the whole remaining length when that is shorter.

Among suitable beds, the shortest run of neighbouring beds (by the beds'
order, in one block) whose free lengths add up to the need is used, the
earliest such run first. When no run covers the need, suitable beds are
filled in order and the rest is listed as not placed, with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal

from ..errors import Location, Problem
from ..i18n import _, format_number
from ..model.crops import Bed, PastPlanting
from ..model.units import normalise_label
from ..model.weeks import IsoWeek
from .season import Season
from .successions import BedShare, Succession

# A succession is not split into pieces shorter than this (1 m), so that no
# bed is cut into slivers too short to work.
MIN_SHARE_CM = 100


@dataclass
class Unplaced:
    """The part of a succession that found no bed, and why."""

    succession: Succession
    metres: Decimal
    reason: str


@dataclass
class Occupation:
    """One crop on one bed for a run of weeks, for the occupancy sheet and chart."""

    bed: str
    crop: str
    family: str | None
    first_week: IsoWeek
    last_week: IsoWeek
    metres: Decimal | None  # None for a past planting, which takes the whole bed


def ordered_beds(beds: list[Bed]) -> list[Bed]:
    """Return the beds in their order on the ground: the order column, then the sheet's order."""
    indexed = list(enumerate(beds))
    indexed.sort(key=lambda pair: (pair[1].position is None, pair[1].position or 0, pair[0]))
    return [bed for _index, bed in indexed]


def _fits_location(bed: Bed, location: str | None) -> bool:
    if location == "greenhouse":
        return bool(bed.greenhouse)
    if location == "field":
        return not bed.greenhouse
    return True


def _to_cm(metres: Decimal) -> int:
    return int((Decimal(metres) * 100).to_integral_value(rounding=ROUND_CEILING))


class BedBoard:
    """The free length of every bed, week by week, over a span of weeks."""

    def __init__(self, beds: list[Bed], first: IsoWeek, last: IsoWeek):
        self.beds = ordered_beds(beds)
        self.first = first
        self.span = last - first + 1
        self.free = [[_to_cm(bed.length_m)] * self.span for bed in self.beds]
        self.index = {normalise_label(bed.bed): position for position, bed in enumerate(self.beds)}

    def slot(self, first: IsoWeek, last: IsoWeek) -> tuple[int, int]:
        """Return the board columns of a run of weeks, clipped to the board."""
        start = max(first - self.first, 0)
        stop = min(last - self.first, self.span - 1)
        return start, stop

    def free_during(self, position: int, start: int, stop: int) -> int:
        """Return the length free on a bed in every column from start to stop (start ≤ stop)."""
        return min(self.free[position][start:stop + 1])

    def take(self, position: int, start: int, stop: int, length_cm: int) -> None:
        row = self.free[position]
        for column in range(start, stop + 1):
            row[column] -= length_cm


def place_successions(
    successions: list[Succession],
    beds: list[Bed],
    season: Season,
    *,
    past_plantings: list[PastPlanting] = (),
    rotation_years: dict[str, int] | None = None,
    crop_families: dict[str, str] | None = None,
) -> tuple[list[Unplaced], list[Occupation], list[Problem]]:
    """Give each succession its beds (in ``Succession.beds``) and list what could not be placed.

    ``rotation_years`` maps a normalised family name to its interval in years
    and ``crop_families`` a normalised crop name to its family, for past
    plantings whose family cell is empty.
    """
    rotation_years = rotation_years or {}
    crop_families = crop_families or {}
    problems: list[Problem] = []
    unplaced: list[Unplaced] = []
    occupations: list[Occupation] = []

    first = min([season.first_week] + [succession.dates.planting_week for succession in successions])
    last = max([season.last_week] + [succession.dates.occupied_until for succession in successions])
    board = BedBoard(beds, first, last)

    past_years = _record_past_plantings(board, past_plantings, crop_families, occupations, problems)

    order = sorted(successions, key=lambda item: (item.dates.planting_week, normalise_label(item.crop), item.number))
    for succession in order:
        succession.beds = []
        need_cm = _to_cm(succession.bed_metres)
        start, stop = board.slot(succession.dates.planting_week, succession.dates.occupied_until)
        family = normalise_label(succession.family) if succession.family else None
        interval = rotation_years.get(family, 0) if family else 0

        located = [position for position, bed in enumerate(board.beds)
                   if _fits_location(bed, succession.itinerary.location)]
        # NOTE: only the past-plantings sheet counts for rotation, so successions
        # placed earlier in this season do not block a bed for their family.
        rotated = [position for position in located
                   if not (family and interval and season.year - past_years[position].get(family, -10**6) < interval)]
        free = {position: board.free_during(position, start, stop) for position in rotated}
        minimum = min(need_cm, MIN_SHARE_CM)
        usable = {position for position, length in free.items() if length >= minimum}

        chosen = _shortest_run(board, usable, free, need_cm) or [position for position in rotated if position in usable]
        remaining = need_cm
        for position in chosen:
            if remaining <= 0:
                break
            length = min(free[position], remaining)
            board.take(position, start, stop, length)
            remaining -= length
            bed = board.beds[position]
            metres = Decimal(length) / 100
            succession.beds.append(BedShare(bed.bed, metres))
            occupations.append(Occupation(bed.bed, succession.crop, succession.family,
                                          succession.dates.planting_week, succession.dates.occupied_until, metres))

        if remaining > 0:
            longest = max((_to_cm(board.beds[position].length_m) for position in rotated), default=0)
            reason = _unplaced_reason(succession, located, rotated, interval, remaining, minimum if longest < minimum else None)
            succession.unplaced_reason = reason
            unplaced.append(Unplaced(succession, Decimal(remaining) / 100, reason))
    return unplaced, occupations, problems


def _record_past_plantings(board: BedBoard, past_plantings, crop_families, occupations, problems) -> list[dict[str, int]]:
    """Block the beds still taken by past plantings and return, per bed, the last year of each family."""
    years: list[dict[str, int]] = [{} for _bed in board.beds]
    for planting in past_plantings:
        position = board.index.get(normalise_label(planting.bed))
        if position is None:
            location = planting.source.location("bed") if planting.source else Location()
            problems.append(Problem("warning", _("unknown bed, not found in the beds sheet"), location, planting.bed,
                                    _("Correct the bed's id or add the bed to the beds sheet.")))
            continue

        family = planting.family or crop_families.get(normalise_label(planting.crop))
        if family:
            key = normalise_label(family)
            years[position][key] = max(years[position].get(key, planting.last_week.year), planting.last_week.year)

        if planting.last_week >= board.first and planting.first_week <= board.first + (board.span - 1):
            start, stop = board.slot(planting.first_week, planting.last_week)
            board.take(position, start, stop, board.free_during(position, start, stop))
            occupations.append(Occupation(board.beds[position].bed, planting.crop, family,
                                          planting.first_week, planting.last_week, None))
    return years


def _shortest_run(board: BedBoard, usable: set[int], free: dict[int, int], need_cm: int) -> list[int] | None:
    """Return the fewest neighbouring usable beds of one block whose free lengths reach ``need_cm``."""
    best: list[int] | None = None
    for start in sorted(usable):
        total = 0
        run: list[int] = []
        block = board.beds[start].block
        for position in range(start, len(board.beds)):
            if position not in usable or board.beds[position].block != block:
                break
            run.append(position)
            total += free[position]
            if total >= need_cm:
                if best is None or len(run) < len(best):
                    best = list(run)
                break
        if best is not None and len(best) == 1:
            break
    return best


def _unplaced_reason(succession: Succession, located: list[int], rotated: list[int], interval: int, remaining_cm: int,
                     too_short_cm: int | None) -> str:
    location = succession.itinerary.location
    if not located:
        if location == "greenhouse":
            return _("no bed is marked as greenhouse")
        if location == "field":
            return _("no field bed, because every bed is marked as greenhouse")
        return _("the beds sheet is empty")
    if not rotated:
        return _("the family {family} grew on every suitable bed less than {years} years before the season").format(
            family=succession.family, years=interval)
    if too_short_cm:
        return _("{metres} m missing, because every suitable bed is shorter than {minimum} m").format(
            metres=format_number(Decimal(remaining_cm) / 100), minimum=format_number(Decimal(too_short_cm) / 100))
    return _("{metres} m missing, because the suitable beds are full between {first} and {last}").format(
        metres=format_number(Decimal(remaining_cm) / 100), first=succession.dates.planting_week, last=succession.dates.occupied_until)
