"""``mycelium check``: read a workbook and report what is in it and what is wrong."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .errors import Problem
from .i18n import _, ngettext
from .model.farm_data import FarmData
from .schema.load import load_farm


@dataclass
class CheckReport:
    """The records found per sheet and every problem, errors first."""

    data: FarmData
    problems: list[Problem] = field(default_factory=list)
    other_lines: dict[str, int] = field(default_factory=dict)

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
        for key, usable in counts:
            if key not in data.sheet_names:
                continue
            sheet = data.sheet_names[key]
            rows = data.row_counts.get(key, usable)
            faulty = len({problem.location.cell[1:].lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ") if problem.location.cell else ""
                          for problem in self.errors if problem.location.sheet == sheet and problem.location.cell})
            if faulty:
                lines.append(ngettext("{sheet}: {count} row read, {faulty} with an error",
                                      "{sheet}: {count} rows read, {faulty} with an error", rows).format(
                    sheet=sheet, count=rows, faulty=faulty))
            else:
                lines.append(ngettext("{sheet}: {count} row read", "{sheet}: {count} rows read", rows).format(
                    sheet=sheet, count=rows))
        for sheet, count in self.other_lines.items():
            lines.append(_("{sheet}: {count} order lines read").format(sheet=sheet, count=count))
        unread = [name for name in data.other_sheets if name not in self.other_lines]
        if unread:
            lines.append(_("Other sheets, not read by this check: {names}").format(names=", ".join(unread)))
        return lines


def check_workbook(path: str | Path) -> CheckReport:
    """Read a farm workbook and collect every problem, errors before warnings.

    Besides the input sheets, the orders are collected as the deliveries
    would collect them (weekly grid sheets, AMAP baskets, duplicates), so
    a problem that ``livraisons`` would report is reported here first.
    """
    data = load_farm(Path(path))
    report = CheckReport(data, list(data.problems))
    report.problems.extend(_order_problems(report))
    report.problems.extend(_customer_problems(data))
    report.problems.sort(key=lambda problem: problem.severity != "error")
    return report


def _order_problems(report: CheckReport) -> list[Problem]:
    from .orders import collect_orders

    collected = collect_orders(report.data)
    listed = report.data.sheet_names.get("orders")
    for line in collected.lines:
        sheet = line.source.sheet if line.source else None
        if sheet and sheet != listed:
            report.other_lines[sheet] = report.other_lines.get(sheet, 0) + 1
    known = {(problem.location, problem.message) for problem in report.problems}
    return [problem for problem in collected.problems if (problem.location, problem.message) not in known]


def _customer_problems(data: FarmData) -> list[Problem]:
    problems = []
    ordering = {id(line.customer) for line in data.orders}
    for customer in data.customers:
        if customer.delivery_point is None and id(customer) in ordering and customer.source is not None:
            problems.append(Problem(
                "warning",
                _("“{customer}” has no delivery point, so this customer is listed apart in the delivery round").format(
                    customer=customer.name),
                customer.source.location("delivery_point"), None,
                _("Choose a delivery point in the sheet “{sheet}”.").format(sheet=data.sheet_names.get("customers", "Clients")),
            ))
    return problems
