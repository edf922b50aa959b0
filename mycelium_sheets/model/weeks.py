"""ISO 8601 weeks: the week numbering used everywhere in the engine.

Week 1 is the week with the year's first Thursday, so 28 December is always
in the last week of its ISO year and some years have a week 53 (2026, 2032).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_WEEK_TEXT = re.compile(r"^\s*(\d{4})\s*-?\s*[Ww]\s*(\d{1,2})\s*$")


@dataclass(frozen=True, order=True)
class IsoWeek:
    """An ISO year and week number, ordered in time."""

    year: int
    week: int

    def __post_init__(self) -> None:
        if not 1 <= self.week <= weeks_in_year(self.year):
            raise ValueError(f"week {self.week} does not exist in ISO year {self.year}")

    @classmethod
    def of(cls, day: dt.date) -> "IsoWeek":
        year, week, _ = day.isocalendar()
        return cls(year, week)

    @classmethod
    def parse(cls, text: str) -> "IsoWeek":
        """Parse "2027-W23", "2027W23" or "2027-w23"."""
        match = _WEEK_TEXT.match(text)
        if not match:
            raise ValueError(f"invalid ISO week {text!r}, expected the form 2027-W23")
        return cls(int(match.group(1)), int(match.group(2)))

    def monday(self) -> dt.date:
        return dt.date.fromisocalendar(self.year, self.week, 1)

    def day(self, iso_weekday: int) -> dt.date:
        """Return the date of a weekday of this week (1 = Monday … 7 = Sunday)."""
        return dt.date.fromisocalendar(self.year, self.week, iso_weekday)

    def days(self) -> list[dt.date]:
        return [self.day(weekday) for weekday in range(1, 8)]

    def __add__(self, weeks: int) -> "IsoWeek":
        return IsoWeek.of(self.monday() + dt.timedelta(weeks=weeks))

    def __sub__(self, other):
        if isinstance(other, IsoWeek):
            return (self.monday() - other.monday()).days // 7
        return self + (-other)

    def __str__(self) -> str:
        return f"{self.year}-W{self.week:02d}"


def weeks_in_year(year: int) -> int:
    """Return 52 or 53, the number of ISO weeks of an ISO year."""
    return dt.date(year, 12, 28).isocalendar()[1]


def week_range(first: IsoWeek, last: IsoWeek) -> list[IsoWeek]:
    """Return every week from first to last, both included."""
    return [first + offset for offset in range(last - first + 1)]
