"""Commands on the workbook itself: ``init`` and ``check``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..i18n import _, get_language, ngettext
from .common import handle_errors


def register(group: click.Group) -> None:
    @group.command("init", help=_("Create a new standard farm workbook from the template."))
    @click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
    @click.option("--lang", "language", type=click.Choice(["fr", "en"]),
                  help=_("Language of the sheet names and headers (default: the language of messages)."))
    @click.option("--format", "file_format", type=click.Choice(["ods", "xlsx"]),
                  help=_("File format (default: from the file name, else ods)."))
    @handle_errors
    def init_command(path: Path, language: str | None, file_format: str | None) -> None:
        from ..schema.templates import create_workbook

        created = create_workbook(path, language or get_language(), file_format)
        click.echo(_("Created {path}. Fill in the sheet “{sheet}” first.").format(
            path=created, sheet="Ferme" if (language or get_language()) == "fr" else "Farm"))

    group.add_aliases("init", "creer", "créer")

    @group.command("check", help=_("Check a farm workbook and list every problem with its sheet and cell."))
    @click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
    @handle_errors
    def check_command(path: Path) -> None:
        from ..checks import check_workbook

        report = check_workbook(path)
        for line in report.summary_lines():
            click.echo(line)
        for problem in report.problems:
            if problem.severity == "error":
                click.echo(_("error: {problem}").format(problem=problem))
            else:
                click.echo(_("warning: {problem}").format(problem=problem))
        if report.errors:
            click.echo(ngettext("{count} error found.", "{count} errors found.", len(report.errors)).format(
                count=len(report.errors)), err=True)
            sys.exit(1)
        click.echo(_("No error found."))

    group.add_aliases("check", "verifier", "vérifier")
