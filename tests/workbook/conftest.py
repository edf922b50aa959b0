"""The workbook tests check English messages, whatever the machine's locale."""

from __future__ import annotations

import pytest

from mycelium_sheets.i18n import get_language, set_language


@pytest.fixture(autouse=True)
def english_messages():
    previous = get_language()
    set_language("en")
    yield
    set_language(previous)
