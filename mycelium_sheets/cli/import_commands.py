"""The ``importer``/``import`` command: bring an existing spreadsheet into the standard workbook."""

from __future__ import annotations

from pathlib import Path

import click

from ..i18n import _
from .common import handle_errors


def register(group: click.Group) -> None:
    @group.command("importer", help=_(
        "Import the customers, products, orders and crop plans of an existing spreadsheet (.ods, .xlsx, .xls, .csv) "
        "into the standard workbook. Nothing is written while a value cannot be read."))
    @click.argument("source", type=click.Path(dir_okay=False, exists=True, path_type=Path))
    @click.option("--vers", "--into", "target", type=click.Path(dir_okay=False, path_type=Path),
                  help=_("Standard workbook to fill; created from the template when it does not exist."))
    @click.option("--essai", "--dry-run", "dry_run", is_flag=True,
                  help=_("Show the mapping and a preview without changing the workbook."))
    @click.option("--correspondance", "--mapping", "mapping", type=click.Path(dir_okay=False, path_type=Path),
                  help=_("Mapping file (JSON): reused when it exists, written otherwise."))
    @click.option("--ignorer-erreurs", "--skip-errors", "skip_errors", is_flag=True,
                  help=_("Import the readable rows and list the rows left out."))
    @click.option("--feuille", "--sheet", "sheets", multiple=True,
                  help=_("Read only this sheet of the source (repeat for several)."))
    @click.option("--sortie", "--output", "-o", "output", type=click.Path(dir_okay=False, path_type=Path),
                  help=_("Write the result to this file and leave the workbook unchanged."))
    @click.option("--annee", "--year", "year", type=click.IntRange(1900, 2200),
                  help=_("Year of dates and week numbers written without one, such as “mardi 3 juin” or S23."))
    @handle_errors
    def import_command(source: Path, target: Path | None, dry_run: bool, mapping: Path | None, skip_errors: bool,
                       sheets: tuple[str, ...], year: int | None, output: Path | None) -> None:
        from ..importer import apply_plan, plan_import
        from ..importer.report import describe_mappings, ignored, outcome, preview, warnings

        if target is None and not dry_run:
            raise click.UsageError(_("Give the workbook to fill with --vers (--into), or add --essai (--dry-run)."))

        plan = plan_import(source, sheets=list(sheets) or None, mapping=mapping, default_year=year)
        if plan.format != "generic":
            click.echo(_("Format recognised: {format}.").format(format=plan.format))
        for line in describe_mappings(plan):
            click.echo(line)
        if dry_run:
            for line in preview(plan):
                click.echo(line)
        for note in plan.notes + ignored(plan):
            click.echo(note)
        for line in warnings(plan):
            click.echo(line, err=True)
        if not plan.records:
            click.echo(_("No table of the source matches a sheet of the workbook: nothing to import."))
            return

        result = apply_plan(plan, target, skip_errors=skip_errors, dry_run=dry_run, output=output)
        for line in outcome(result, dry_run):
            click.echo(line)

    group.add_aliases("importer", "import")
