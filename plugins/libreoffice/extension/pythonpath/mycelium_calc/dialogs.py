"""Small dialogs built with the UNO dialog model: a delivery date, an invoice period.

In headless mode LibreOffice closes every dialog at once as if Cancel were
pressed, so automated runs pass the date in the menu URL instead
(``…?deliveries&date=2027-06-10``).
"""

from __future__ import annotations

import datetime as dt

from mycelium_sheets.i18n import _

# Dialog units (about a quarter of a character width).
DIALOG_WIDTH = 190
ROW_HEIGHT = 14
OK_BUTTON = 1  # com.sun.star.awt.PushButtonType.OK
CANCEL_BUTTON = 2  # com.sun.star.awt.PushButtonType.CANCEL


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
    button_y = height - 20
    _add(model, "Button", "ok", DIALOG_WIDTH - 112, button_y, 50, 14, Label=_("OK"), PushButtonType=OK_BUTTON, DefaultButton=True)
    _add(model, "Button", "cancel", DIALOG_WIDTH - 58, button_y, 50, 14, Label=_("Cancel"), PushButtonType=CANCEL_BUTTON)

    dialog = manager.createInstanceWithContext("com.sun.star.awt.UnoControlDialog", context)
    dialog.setModel(model)
    toolkit = manager.createInstanceWithContext("com.sun.star.awt.Toolkit", context)
    dialog.createPeer(toolkit, parent_window)
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


def previous_month(today: dt.date) -> tuple[dt.date, dt.date]:
    """Return the first and last day of the month before ``today``'s month."""
    last = today.replace(day=1) - dt.timedelta(days=1)
    return last.replace(day=1), last
