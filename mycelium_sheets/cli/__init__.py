"""The ``mycelium`` command: parses arguments and calls the library.

The command tree is built by ``build_cli()`` after the language is chosen, so
that help texts are translated. Each part of the engine registers its
commands from its own module listed in ``COMMAND_MODULES``.
"""

from __future__ import annotations

import importlib
import sys

import click

from .. import __version__
from ..i18n import _, set_language
from .common import AliasedGroup, configure_logging, language_from_argv, translate_click

COMMAND_MODULES = (
    "workbook_commands",
    "orders_commands",
    "invoicing_commands",
    "planning_commands",
    "import_commands",
    "dfc_commands",
)


def build_cli() -> click.Group:
    """Build the command tree in the language in force."""
    translate_click()

    @click.group(cls=AliasedGroup, help=_("Mycélium sheets: the farm workbook engine for market gardeners."))
    @click.option("--lang", type=click.Choice(["fr", "en"]), help=_("Language of messages (default: from the locale)."))
    @click.option("-v", "--verbose", count=True, help=_("Show more details of what is done."))
    @click.option("--debug", is_flag=True, help=_("Show the full traceback of errors."))
    @click.version_option(__version__, "--version", message="mycelium %(version)s")
    @click.pass_context
    def cli(context: click.Context, lang: str | None, verbose: int, debug: bool) -> None:
        context.ensure_object(dict)
        context.obj["debug"] = debug
        configure_logging(verbose, debug)

    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as error:
            if error.name != f"{__name__}.{name}":
                raise
            continue
        module.register(cli)
    return cli


def main(argv: list[str] | None = None) -> None:
    """Entry point of the console script."""
    arguments = sys.argv[1:] if argv is None else argv
    set_language(language_from_argv(arguments))
    build_cli()(args=arguments, prog_name="mycelium")
