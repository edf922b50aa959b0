"""ImportReport.summary: counts per sheet, rows only when verbose, ignored objects always."""

import pytest

from mycelium_sheets.i18n import set_language
from mycelium_sheets.semantic.import_doc import ImportReport
from mycelium_sheets.semantic.kinds import object_kind


@pytest.fixture(autouse=True)
def english():
    set_language("en")


def sample_report() -> ImportReport:
    report = ImportReport()
    report.add("Products", "product “Radis” (https://x/1)")
    report.add("Products", "product “Ail” (https://x/2)")
    report.add("Customers", "individual customer “Martin” (https://x/3)")
    report.update("Products", "product “Navet” (https://x/4) (price)")
    report.ignored.append("product “Pomme” (https://y/5): supplied by another enterprise, Verger")
    return report


def test_summary_counts_per_sheet():
    text = sample_report().summary()

    # 2 products + 1 customer added, 1 product updated
    assert text.splitlines()[0] == "3 rows added, 1 row updated, 1 object ignored."
    assert "  Products: 2 added, 1 updated" in text
    assert "  Customers: 1 added, 0 updated" in text
    assert "Radis" not in text
    assert "Pomme" in text


def test_summary_verbose_lists_rows():
    text = sample_report().summary(verbose=True)

    assert "  - Products: product “Radis” (https://x/1)" in text
    assert "  - Products: product “Navet” (https://x/4) (price)" in text
    assert "Pomme" in text


@pytest.mark.parametrize("types, language, word", [
    ({"SuppliedProduct"}, "fr", "produit"),
    ({"Person"}, "fr", "client particulier"),
    ({"Enterprise"}, "en", "enterprise"),
    ({"OrderLine"}, "fr", "ligne de commande"),
    ({"SomethingNew"}, "fr", "SomethingNew"),
])
def test_object_kind_words(types, language, word):
    set_language(language)
    assert object_kind(types) == word
