"""The ``plan`` command: successions, beds, seeds, nursery and harvest forecast of a season."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from ..i18n import _, format_number, ngettext
from .common import handle_errors


def register(group: click.Group) -> None:
    @group.command("plan", help=_(
        "Plan a season's crops from the weekly targets: write the Plan, Calendar, Seeds, Nursery, Forecast "
        "and Bed occupancy sheets, and the charts beside the workbook."))
    @click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
    @click.option("--saison", "--season", "season", type=click.IntRange(2000, 2100), default=None, metavar="YEAR",
                  help=_("Season to plan, such as 2027 (default: next year)."))
    @click.option("--depuis-commandes", "--from-orders", "from_orders", is_flag=True,
                  help=_("Take the weekly demand from the orders and AMAP baskets instead of the targets sheet."))
    @click.option("--sans-graphiques", "--no-charts", "no_charts", is_flag=True,
                  help=_("Do not draw the charts."))
    @click.option("--output", "-o", "output", type=click.Path(dir_okay=False, path_type=Path),
                  help=_("Write the result to this file and leave the workbook unchanged."))
    @handle_errors
    def plan_command(path: Path, season: int | None, from_orders: bool, no_charts: bool, output: Path | None) -> None:
        from ..planning.run import plan_workbook

        year = season or dt.date.today().year + 1
        run = plan_workbook(path, year, from_orders=from_orders, output=output, charts=not no_charts)
        result = run.result
        for problem in result.problems:
            click.echo(_("warning: {problem}").format(problem=problem), err=True)

        click.echo(ngettext("{count} succession planned for season {season}.",
                            "{count} successions planned for season {season}.", len(result.successions)).format(
            count=len(result.successions), season=result.season))
        if result.uncovered:
            click.echo(ngettext("{count} target week cannot be covered: see the sheet “{sheet}”.",
                                "{count} target weeks cannot be covered: see the sheet “{sheet}”.", len(result.uncovered)).format(
                count=len(result.uncovered), sheet=run.sheets[0]))
        for item in result.unplaced:
            click.echo(_("{crop} no. {number} ({metres} m) not placed — {reason}").format(
                crop=item.succession.crop, number=item.succession.number, metres=format_number(item.metres),
                reason=item.reason))
        click.echo(_("Sheets written to {path}: {sheets}.").format(path=run.written, sheets=", ".join(run.sheets)))
        if run.charts:
            click.echo(_("Charts: {files}.").format(files=", ".join(str(file) for file in run.charts)))

    group.add_aliases("plan", "planifier")
