"""``mycelium check``: read a workbook and report what is in it and what is wrong."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .errors import Problem
from .i18n import _
from .model.farm_data import FarmData
from .schema.load import load_farm


@dataclass
class CheckReport:
    """The records found per sheet and every problem, errors first."""

    data: FarmData
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [problem for problem in self.problems if problem.severity == "error"]

    def summary_lines(self) -> list[str]:
        data = self.data
        counts = (
            ("products", len(data.products)), ("customers", len(data.customers)),
            ("delivery_points", len(data.delivery_points)), ("orders", len(data.orders)),
            ("subscriptions", len(data.subscriptions)), ("crops", len(data.itineraries)),
            ("beds", len(data.beds)), ("targets", len(data.targets)), ("harvests", len(data.harvests)),
        )
        lines = [_("Farm: {name}").format(name=data.farm.name if data.farm and data.farm.name else "—")]
        for key, count in counts:
            if key in data.sheet_names:
                lines.append(_("{sheet}: {count} rows read").format(sheet=data.sheet_names[key], count=count))
        if data.other_sheets:
            lines.append(_("Other sheets, not read by this check: {names}").format(names=", ".join(data.other_sheets)))
        return lines


def check_workbook(path: str | Path) -> CheckReport:
    """Read a farm workbook and collect every problem, errors before warnings."""
    data = load_farm(Path(path))
    problems = sorted(data.problems, key=lambda problem: problem.severity != "error")
    return CheckReport(data, problems)
