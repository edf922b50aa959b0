"""Paths and skips shared by the DFC tests."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).parents[2]
EXAMPLES = REPO / "tests" / "data" / "dfc-examples"
EXAMPLE_WORKBOOK = REPO / "examples" / "ferme-exemple.ods"
TEMPLATE = REPO / "workbook_templates" / "ferme.ods"


def require(condition: bool, reason: str) -> None:
    """Skip when a component is missing, but fail on CI (CI=true), where it must be present."""
    if condition:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(reason + " (required when CI=true)")
    pytest.skip(reason)


@pytest.fixture(autouse=True)
def english_messages():
    from mycelium_sheets.i18n import set_language

    set_language("en")
    yield
