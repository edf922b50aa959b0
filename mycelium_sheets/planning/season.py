"""The growing season a plan is made for: a run of 52 or 53 ISO weeks."""

from __future__ import annotations

from dataclasses import dataclass

from ..model.weeks import IsoWeek, week_range, weeks_in_year


@dataclass(frozen=True)
class Season:
    """The weeks from ``first_week`` to ``last_week``, both included.

    Season 2027 starting in week 1 runs 2027-W01..2027-W52. A farm whose
    season starts in week 36 has season 2027 run 2027-W36..2028-W35, so it
    crosses the new year.
    """

    year: int
    first_week: IsoWeek
    last_week: IsoWeek

    @classmethod
    def of_year(cls, year: int, start_week: int = 1) -> "Season":
        """Return season ``year`` starting at ISO week ``start_week`` of that year."""
        start = IsoWeek(year, min(start_week, weeks_in_year(year)))
        next_start = IsoWeek(year + 1, min(start_week, weeks_in_year(year + 1)))
        return cls(year, start, next_start + (-1))

    def weeks(self) -> list[IsoWeek]:
        return week_range(self.first_week, self.last_week)

    def __contains__(self, week: IsoWeek) -> bool:
        return self.first_week <= week <= self.last_week

    def week_numbers(self) -> set[int]:
        """Return the ISO week numbers that occur in the season (53 only in long years)."""
        return {week.week for week in self.weeks()}

    def __str__(self) -> str:
        return f"{self.first_week}..{self.last_week}"
