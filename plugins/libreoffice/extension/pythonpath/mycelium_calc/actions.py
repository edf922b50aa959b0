"""The menu actions: each reads the open document, runs the engine and writes or reports.

Every action calls the same library functions as the ``mycelium`` command,
on a ``Workbook`` read from the live document instead of a file. Errors the
farmer can fix (``MyceliumError``) are shown in a message box naming the
sheet and cell, and that cell is selected. Anything else is logged with its
traceback in the profile's ``mycelium-sheets/errors.log`` and reported as an
unexpected error.
"""

from __future__ import annotations

import datetime as dt
import importlib
import logging

from mycelium_sheets.errors import MyceliumError
from mycelium_sheets.i18n import _, set_language

from .feedback import Feedback, configure_log, cut_lines, profile_folder
from .menu import MENU_ENTRIES, parse_argument
from .session import Session, current_document, ui_language

logger = logging.getLogger("mycelium_calc")


class EngineNotAvailable(Exception):
    """The engine an action needs is not part of this version of the extension."""


def engine_function(module: str, name: str):
    """Return ``mycelium_sheets.MODULE.NAME``, or raise EngineNotAvailable."""
    try:
        imported = importlib.import_module(f"mycelium_sheets.{module}")
    except ImportError as error:
        raise EngineNotAvailable(f"mycelium_sheets.{module}") from error
    function = getattr(imported, name, None)
    if function is None:
        raise EngineNotAvailable(f"mycelium_sheets.{module}.{name}")
    return function


def action_label(action: str) -> str:
    for entry in MENU_ENTRIES:
        if entry.action == action:
            return (entry.label_fr if _is_french() else entry.label_en).rstrip("…")
    return action


def _is_french() -> bool:
    from mycelium_sheets.i18n import get_language

    return get_language() == "fr"


def select_cell(session: Session, sheet_name: str | None, cell: str | None) -> None:
    """Show the farmer the sheet and cell of a problem."""
    if not sheet_name or session.document is None:
        return
    sheets = session.document.getSheets()
    controller = session.document.getCurrentController()
    if controller is None or not sheets.hasByName(sheet_name):
        return
    sheet = sheets.getByName(sheet_name)
    controller.setActiveSheet(sheet)
    if cell:
        try:
            controller.select(sheet.getCellRangeByName(cell))
        except Exception:  # a cell outside the sheet, such as a stale location
            logger.warning("cannot select cell %s of sheet %s", cell, sheet_name)


def run_action(context, argument: str) -> None:
    """Run the action named by a menu URL's argument, reporting every outcome in a message box."""
    from . import commands

    configure_log(context)
    action, options = parse_argument(argument)
    language = set_language(ui_language(context))
    document, frame = current_document(context)
    feedback = Feedback(context, frame)
    session = Session(context, document, frame, feedback, language)
    title = "Mycélium — " + action_label(action)
    handler = commands.ACTIONS.get(action)

    if handler is None:
        feedback.show("error", "Mycélium", _("Unknown action “{action}”.").format(action=action))
        return
    if document is None and action != "about":
        feedback.show("error", title, _("Open a spreadsheet first: this action works on the workbook in the current window."))
        return

    try:
        handler(session, options)
    except EngineNotAvailable as missing:
        logger.info("action %s: %s is not in this version", action, missing)
        feedback.show("info", title, _("“{action}” is not available in this version of Mycélium sheets.").format(
            action=action_label(action)))
    except MyceliumError as error:
        feedback.end()
        select_cell(session, error.location.sheet, error.location.cell)
        feedback.show("error", title, cut_lines(str(error), more=_("… and {count} more lines")))
    except Exception:
        logger.exception("action %s failed", action)
        folder = profile_folder(context)
        where = str(folder / "errors.log") if folder is not None else "errors.log"
        feedback.show("error", title, _(
            "An unexpected error stopped the action. Edit ▸ Undo takes back any change it made. "
            "The details are in {path}: please send this file to the developers.").format(path=where))
    finally:
        feedback.end()


def parse_date(text: str, option: str) -> dt.date:
    """Read a date option of a menu URL written as YYYY-MM-DD."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise MyceliumError(
            _("the option “{option}” is not a date").format(option=option), value=text,
            remedy=_("Write the date as YYYY-MM-DD, for example 2027-06-10."),
        ) from None
