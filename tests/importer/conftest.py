"""Helpers for the importer tests: in-memory workbooks and the sample folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from mycelium_sheets.i18n import set_language
from mycelium_sheets.workbook.table import Sheet, Workbook

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"


@pytest.fixture(autouse=True)
def french():
    """Run every importer test in French, the default language of the workbook."""
    set_language("fr")
    yield
    set_language("fr")


def workbook(*sheets: Sheet, name: str = "source.xlsx") -> Workbook:
    """Return a workbook read from nowhere, holding the given sheets."""
    return Workbook(path=Path(name), format="xlsx", sheets={sheet.name: sheet for sheet in sheets})


@pytest.fixture
def samples() -> Path:
    """The folder of real spreadsheets from other farm software."""
    from tests.conftest import require

    require(SAMPLES.is_dir(), f"the import samples folder {SAMPLES}")
    return SAMPLES
