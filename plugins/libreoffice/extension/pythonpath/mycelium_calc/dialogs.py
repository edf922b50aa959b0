"""Small dialogs built with the UNO dialog model: a delivery date, an invoice period.

In headless mode LibreOffice closes every dialog at once as if Cancel were
pressed, so automated runs pass the date in the menu URL instead
(``…?deliveries&date=2027-06-10``).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from mycelium_sheets.i18n import _

# Dialog units (about a quarter of a character width).
DIALOG_WIDTH = 190
ROW_HEIGHT = 14
OK_BUTTON = 1  # com.sun.star.awt.PushButtonType.OK
CANCEL_BUTTON = 2  # com.sun.star.awt.PushButtonType.CANCEL
# com.sun.star.ui.dialogs.TemplateDescription.FILESAVE_SIMPLE
FILE_SAVE = 1


def _uno_date(day: dt.date):
    import uno

    value = uno.createUnoStruct("com.sun.star.util.Date")
    value.Year, value.Month, value.Day = day.year, day.month, day.day
    return value


def _python_date(value) -> dt.date | None:
    if value is None or value.Year == 0:
        return None
    return dt.date(value.Year, value.Month, value.Day)


def _add(model, kind: str, name: str, x: int, y: int, width: int, height: int, **properties):
    control = model.createInstance(f"com.sun.star.awt.UnoControl{kind}Model")
    control.PositionX, control.PositionY, control.Width, control.Height = x, y, width, height
    for key, value in properties.items():
        setattr(control, key, value)
    model.insertByName(name, control)
    return control


def _add_buttons(model, y: int) -> None:
    _add(model, "Button", "ok", DIALOG_WIDTH - 112, y, 50, 14, Label=_("OK"), PushButtonType=OK_BUTTON, DefaultButton=True)
    _add(model, "Button", "cancel", DIALOG_WIDTH - 58, y, 50, 14, Label=_("Cancel"), PushButtonType=CANCEL_BUTTON)


def _create_dialog(context, model, parent_window):
    """Create the dialog of a model over the parent window; the caller executes and disposes it."""
    manager = context.ServiceManager
    dialog = manager.createInstanceWithContext("com.sun.star.awt.UnoControlDialog", context)
    dialog.setModel(model)
    toolkit = manager.createInstanceWithContext("com.sun.star.awt.Toolkit", context)
    dialog.createPeer(toolkit, parent_window)
    return dialog


def ask_dates(context, parent_window, title: str, prompt: str, fields: list[tuple[str, str, dt.date]]) -> dict[str, dt.date] | None:
    """Show a dialog with one date field per (name, label, default); return the dates, or None on Cancel."""
    manager = context.ServiceManager
    model = manager.createInstanceWithContext("com.sun.star.awt.UnoControlDialogModel", context)
    height = 32 + ROW_HEIGHT * len(fields) + 24
    model.Width, model.Height, model.Title = DIALOG_WIDTH, height, title

    _add(model, "FixedText", "prompt", 8, 6, DIALOG_WIDTH - 16, 20, Label=prompt, MultiLine=True)
    for index, (name, label, default) in enumerate(fields):
        y = 30 + ROW_HEIGHT * index
        _add(model, "FixedText", f"{name}_label", 8, y + 2, 70, 10, Label=label)
        _add(model, "DateField", name, 80, y, 80, 12, Dropdown=True, StrictFormat=True, Date=_uno_date(default))
    _add_buttons(model, height - 20)

    dialog = _create_dialog(context, model, parent_window)
    try:
        if dialog.execute() != OK_BUTTON:
            return None
        dates = {}
        for name, _label, _default in fields:
            value = _python_date(dialog.getControl(name).getDate())
            if value is None:
                return None
            dates[name] = value
        return dates
    finally:
        dialog.dispose()


def ask_period(context, parent_window, default_day: dt.date, issue_date: dt.date) -> dict | None:
    """Ask the period to invoice (the month or the ISO week of a day) and the issue date.

    Return {"kind": "month" or "week", "day": date, "issue_date": date}, or None on Cancel.
    """
    manager = context.ServiceManager
    model = manager.createInstanceWithContext("com.sun.star.awt.UnoControlDialogModel", context)
    model.Width, model.Height, model.Title = DIALOG_WIDTH, 118, _("Generate invoices")

    _add(model, "FixedText", "prompt", 8, 6, DIALOG_WIDTH - 16, 20, MultiLine=True,
         Label=_("Invoice the deliveries of the month, or of the week, that contains this day:"))
    _add(model, "FixedText", "day_label", 8, 32, 70, 10, Label=_("Day"))
    _add(model, "DateField", "day", 80, 30, 80, 12, Dropdown=True, StrictFormat=True, Date=_uno_date(default_day))
    _add(model, "RadioButton", "month", 80, 46, 100, 10, Label=_("the whole month"), State=1)
    _add(model, "RadioButton", "week", 80, 58, 100, 10, Label=_("only that week"), State=0)
    _add(model, "FixedText", "issue_label", 8, 76, 70, 10, Label=_("Issue date"))
    _add(model, "DateField", "issue_date", 80, 74, 80, 12, Dropdown=True, StrictFormat=True, Date=_uno_date(issue_date))
    _add_buttons(model, 98)

    dialog = _create_dialog(context, model, parent_window)
    try:
        if dialog.execute() != OK_BUTTON:
            return None
        day = _python_date(dialog.getControl("day").getDate())
        issued = _python_date(dialog.getControl("issue_date").getDate())
        if day is None or issued is None:
            return None
        kind = "week" if dialog.getControl("week").getState() else "month"
        return {"kind": kind, "day": day, "issue_date": issued}
    finally:
        dialog.dispose()


def previous_month(today: dt.date) -> tuple[dt.date, dt.date]:
    """Return the first and last day of the month before ``today``'s month."""
    last = today.replace(day=1) - dt.timedelta(days=1)
    return last.replace(day=1), last


def ask_save_path(session, default: Path) -> str | None:
    """Ask where to save a file, starting from ``default``; return the chosen path, or None on Cancel."""
    import uno

    picker = session.context.ServiceManager.createInstanceWithArgumentsAndContext(
        "com.sun.star.ui.dialogs.FilePicker", (FILE_SAVE,), session.context)
    if default.parent.is_dir():
        picker.setDisplayDirectory(uno.systemPathToFileUrl(str(default.parent)))
    picker.setDefaultName(default.name)
    picker.appendFilter("JSON-LD (*.jsonld)", "*.jsonld")
    picker.appendFilter("Turtle (*.ttl)", "*.ttl")
    picker.appendFilter("N-Triples (*.nt)", "*.nt")
    if picker.execute() != OK_BUTTON:
        return None
    files = picker.getSelectedFiles()
    return uno.fileUrlToSystemPath(files[0]) if files else None
