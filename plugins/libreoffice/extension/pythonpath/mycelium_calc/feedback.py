"""What the farmer sees while an action runs: message boxes and status bar progress.

Every message box is also appended to ``mycelium-sheets/messages.jsonl`` in
the LibreOffice user profile, and every unexpected error with its traceback
to ``mycelium-sheets/errors.log``, so that a farmer can send them when asking
for help. In headless mode LibreOffice closes message boxes at once, so the
file is also how the tests read what was shown.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from pathlib import Path

logger = logging.getLogger("mycelium_calc")

# com.sun.star.awt.MessageBoxType values, by the kinds of message shown.
_BOX_TYPES = {"info": "INFOBOX", "warning": "WARNINGBOX", "error": "ERRORBOX", "question": "QUERYBOX"}
# A message box taller than the screen cannot be closed with the mouse, so
# long lists are cut and the rest is counted.
MAX_MESSAGE_LINES = 40


def profile_folder(context) -> Path | None:
    """Return the ``mycelium-sheets`` folder of the LibreOffice user profile, created if needed."""
    import uno

    try:
        substitution = context.ServiceManager.createInstanceWithContext("com.sun.star.util.PathSubstitution", context)
        user_url = substitution.substituteVariables("$(user)", True)
        folder = Path(uno.fileUrlToSystemPath(user_url)) / "mycelium-sheets"
        folder.mkdir(parents=True, exist_ok=True)
        return folder
    except Exception:  # the log is a help, never a reason for an action to fail
        logger.exception("cannot find the LibreOffice user profile folder")
        return None


def configure_log(context) -> None:
    """Send this package's log records to ``errors.log`` in the user profile, once."""
    if logger.handlers:
        return
    folder = profile_folder(context)
    if folder is None:
        return
    handler = logging.FileHandler(folder / "errors.log", encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)


def cut_lines(text: str, limit: int = MAX_MESSAGE_LINES, more: str = "… {count}") -> str:
    """Return text cut to ``limit`` lines, ending with ``more`` filled with the number of lines left out."""
    lines = text.splitlines()
    if len(lines) <= limit:
        return text
    return "\n".join(lines[: limit - 1] + [more.format(count=len(lines) - limit + 1)])


class Feedback:
    """Message boxes and the status bar indicator of one document window."""

    def __init__(self, context, frame=None):
        self.context = context
        self.frame = frame
        self.indicator = None

    def _record(self, kind: str, title: str, text: str) -> None:
        folder = profile_folder(self.context)
        if folder is None:
            return
        entry = {"time": dt.datetime.now().isoformat(timespec="seconds"), "kind": kind, "title": title, "message": text}
        with open(folder / "messages.jsonl", "a", encoding="utf-8") as log:
            log.write(json.dumps(entry, ensure_ascii=False) + "\n")

    def show(self, kind: str, title: str, text: str) -> int:
        """Show a message box of a kind ("info", "warning", "error", "question") and return the button pressed."""
        import uno

        self._record(kind, title, text)
        toolkit = self.context.ServiceManager.createInstanceWithContext("com.sun.star.awt.Toolkit", self.context)
        parent = self.frame.getContainerWindow() if self.frame is not None else toolkit.getDesktopWindow()
        box_type = uno.Enum("com.sun.star.awt.MessageBoxType", _BOX_TYPES[kind])
        buttons = 3 if kind == "question" else 1  # MessageBoxButtons.BUTTONS_YES_NO or BUTTONS_OK
        box = toolkit.createMessageBox(parent, box_type, buttons, title, text)
        try:
            return box.execute()
        finally:
            box.dispose()

    def start(self, text: str, steps: int) -> None:
        """Show text and an empty progress bar in the status bar."""
        if self.frame is None:
            return
        try:
            self.indicator = self.frame.createStatusIndicator()
            self.indicator.start(text, steps)
        except Exception:  # a frame without a status bar, such as a hidden one
            self.indicator = None

    def step(self, value: int, text: str | None = None) -> None:
        if self.indicator is not None:
            if text is not None:
                self.indicator.setText(text)
            self.indicator.setValue(value)

    def end(self) -> None:
        if self.indicator is not None:
            self.indicator.end()
            self.indicator = None
