"""docs/workbook.md is the page the schema generates, so it cannot drift."""

import importlib.util

from conftest import ROOT


def test_workbook_reference_page_is_current():
    spec = importlib.util.spec_from_file_location("make_workbook_doc", ROOT / "scripts" / "make_workbook_doc.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    committed = (ROOT / "docs" / "workbook.md").read_text(encoding="utf-8")
    assert committed == module.render(), "run python scripts/make_workbook_doc.py and commit docs/workbook.md"
