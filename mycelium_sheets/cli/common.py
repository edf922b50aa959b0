"""Helpers shared by every command: aliases, error display, logging and progress."""

from __future__ import annotations

import functools
import importlib
import logging
import sys

import click

from ..errors import MyceliumError
from ..i18n import _, ngettext

# click's modules that translate their messages with gettext's module-level
# functions; their French is in locale/fr/click.po.
CLICK_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "termui", "types", "utils")


class AliasedGroup(click.Group):
    """A group whose commands can be called by a French or an English name.

    A command registered with ``aliases=[...]`` in ``add_aliases`` is found
    under each alias; the help lists the main name with its aliases.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.aliases: dict[str, str] = {}

    def add_aliases(self, command_name: str, *aliases: str) -> None:
        for alias in aliases:
            self.aliases[alias] = command_name

    def get_command(self, context, command_name):
        return super().get_command(context, self.aliases.get(command_name, command_name))

    def resolve_command(self, context, args):
        # The name typed (French or English) stays the one shown in usage lines.
        name, command, rest = super().resolve_command(context, args)
        return (args[0] if args and command else name), command, rest

    def format_commands(self, context, formatter):
        rows = []
        reverse: dict[str, list[str]] = {}
        for alias, name in self.aliases.items():
            reverse.setdefault(name, []).append(alias)
        for name in self.list_commands(context):
            command = self.get_command(context, name)
            if command is None or command.hidden:
                continue
            label = name + (" (" + ", ".join(reverse[name]) + ")" if name in reverse else "")
            rows.append((label, command.get_short_help_str(limit=60)))
        if rows:
            with formatter.section(_("Commands")):
                formatter.write_dl(rows)


def translate_click() -> None:
    """Make click's own texts (Usage:, Options, error sentences) use the engine's catalogues.

    click calls the ``gettext`` and ``ngettext`` it imported at module level,
    so pointing those names at the engine's functions translates its help
    and errors into the language in force.
    """
    for name in CLICK_MODULES:
        try:
            module = importlib.import_module(f"click.{name}")
        except ImportError:
            continue
        if hasattr(module, "_"):
            module._ = _
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext


def language_from_argv(arguments: list[str]) -> str | None:
    """Return the value of --lang among the arguments, before click parses them."""
    for index, argument in enumerate(arguments):
        if argument == "--lang" and index + 1 < len(arguments):
            return arguments[index + 1] if arguments[index + 1] in ("fr", "en") else None
        if argument.startswith("--lang="):
            value = argument.split("=", 1)[1]
            return value if value in ("fr", "en") else None
    return None


def configure_logging(verbose: int, debug: bool) -> None:
    level = logging.DEBUG if debug or verbose > 1 else logging.INFO if verbose else logging.WARNING
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr, force=True)


def handle_errors(function):
    """Print a MyceliumError as a sentence and exit non-zero; --debug shows the traceback."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        try:
            return function(*args, **kwargs)
        except MyceliumError as error:
            context = click.get_current_context(silent=True)
            if context is not None and (context.find_root().obj or {}).get("debug"):
                raise
            click.echo(_("Error: {message}").format(message=error), err=True)
            sys.exit(error.exit_code)

    return wrapper


def progress(items, label: str, length: int | None = None):
    """Wrap an iterable in a progress bar shown only on a terminal."""
    if not sys.stderr.isatty():
        return _NoBar(items)
    return click.progressbar(items, label=label, length=length, file=sys.stderr)


class _NoBar:
    def __init__(self, items):
        self.items = items

    def __enter__(self):
        return self.items

    def __exit__(self, *exc):
        return False
