"""The ``livraisons``/``deliveries`` command: harvest, packing and round sheets."""

from __future__ import annotations

from pathlib import Path

import click

from ..i18n import _, ngettext
from .common import handle_errors


def _parse_margin(context, parameter, value):
    """Return a margin given in percent ("5", "5,5", "5 %") as a fraction."""
    if value is None:
        return None
    from ..schema.types import CellTypeError, to_decimal

    try:
        percent = to_decimal(value.replace("%", ""))
    except CellTypeError:
        raise click.BadParameter(_("“{value}” is not a percentage; give a number such as 5 for +5 %.").format(value=value)) from None
    if percent < 0 or percent > 100:
        raise click.BadParameter(_("the margin must be between 0 and 100 percent, not {value}.").format(value=value))
    return percent / 100


def _join_days(days) -> str:
    """Write days as "15/06/2027" or "15/06/2027, 16/06/2027 and 17/06/2027"."""
    texts = [day.strftime("%d/%m/%Y") for day in days]
    if len(texts) == 1:
        return texts[0]
    return _("{first} and {last}").format(first=", ".join(texts[:-1]), last=texts[-1])


def _summary(deliveries) -> str:
    lines = len(deliveries.lines)
    customers = len({id(item.customer) for item in deliveries.customers})
    days = _join_days(deliveries.dates)

    # French puts "le" before one date and "les" before several, so the two
    # cases are separate messages ({day} or {days}).
    if len(deliveries.dates) == 1:
        message = ngettext("{lines} order line for {customers} customers on {day}.",
                           "{lines} order lines for {customers} customers on {day}.", lines)
        return message.format(lines=lines, customers=customers, day=days)
    message = ngettext("{lines} order line for {customers} customers on {days}.",
                       "{lines} order lines for {customers} customers on {days}.", lines)
    return message.format(lines=lines, customers=customers, days=days)


def register(group: click.Group) -> None:
    @group.command("livraisons", help=_(
        "Prepare a delivery day or week: write the harvest list, packing lists, delivery round, "
        "summary and shortages sheets into the workbook."))
    @click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
    @click.option("--date", "date", metavar="DD/MM/YYYY",
                  help=_("Delivery date, such as 10/06/2027 or 2027-06-10 (default: the next day with orders)."))
    @click.option("--semaine", "--week", "week", metavar="YYYY-Www", help=_("ISO week whose delivery days are prepared, such as 2027-W23."))
    @click.option("--marge", "--margin", "margin", metavar="PERCENT", callback=_parse_margin,
                  help=_("Percent added to the harvest quantities (default: the farm's harvest margin)."))
    @click.option("--output", "-o", "output", type=click.Path(dir_okay=False, path_type=Path),
                  help=_("Write the result to this file and leave the workbook unchanged."))
    @handle_errors
    def deliveries_command(path: Path, date: str | None, week: str | None, margin, output: Path | None) -> None:
        from ..orders import deliveries_layouts, prepare_deliveries
        from ..workbook import write_engine_sheets

        deliveries = prepare_deliveries(path, date=date, week=week, margin=margin)
        for problem in deliveries.warnings:
            click.echo(_("warning: {problem}").format(problem=problem), err=True)

        layouts = deliveries_layouts(deliveries)
        written = write_engine_sheets(path, layouts, output=output)

        click.echo(_summary(deliveries))
        if deliveries.shortages:
            click.echo(ngettext("{count} product is short: see the sheet “{sheet}”.",
                                "{count} products are short: see the sheet “{sheet}”.", len(deliveries.shortages)).format(
                count=len(deliveries.shortages), sheet=layouts[-1].name))
        click.echo(_("Sheets written to {path}: {sheets}.").format(
            path=written, sheets=", ".join(layout.name for layout in layouts)))

    group.add_aliases("livraisons", "deliveries")
