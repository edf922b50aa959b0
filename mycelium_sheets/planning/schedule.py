"""The week-by-week work of a plan: what to sow, plant and start harvesting."""

from __future__ import annotations

from dataclasses import dataclass

from ..model.units import normalise_label
from ..model.weeks import IsoWeek
from .successions import Succession

# Tasks in the order they are listed within a week.
TASKS = ("sow_nursery", "sow_direct", "buy_plants", "plant", "harvest_start", "harvest_end")


@dataclass
class Task:
    """One task of one week for one succession."""

    week: IsoWeek
    kind: str  # one of TASKS
    succession: Succession


def weekly_tasks(successions: list[Succession]) -> list[Task]:
    """Return every sowing, planting and harvest task, by week, task kind and crop."""
    tasks: list[Task] = []
    for succession in successions:
        dates = succession.dates
        method = succession.itinerary.method
        if method == "direct":
            tasks.append(Task(dates.planting_week, "sow_direct", succession))
        elif method == "transplant":
            tasks.append(Task(dates.sowing_week, "sow_nursery", succession))
            tasks.append(Task(dates.planting_week, "plant", succession))
        else:
            tasks.append(Task(dates.planting_week, "buy_plants", succession))
            tasks.append(Task(dates.planting_week, "plant", succession))
        tasks.append(Task(dates.first_harvest_week, "harvest_start", succession))
        tasks.append(Task(dates.last_harvest_week, "harvest_end", succession))
    tasks.sort(key=lambda task: (task.week, TASKS.index(task.kind), normalise_label(task.succession.crop), task.succession.number))
    return tasks
