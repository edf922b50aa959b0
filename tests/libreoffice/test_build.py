"""The .oxt package: its files, its menu, and what is vendored into pythonpath/."""

from __future__ import annotations

import re
import zipfile
import xml.etree.ElementTree as ElementTree

import pytest

from mycelium_sheets import __version__

from .conftest import load_build_module

OOR = "{http://openoffice.org/2001/registry}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
MANIFEST = "{http://openoffice.org/2001/manifest}"


def test_oxt_name_has_version(oxt):
    assert oxt.name == f"mycelium-sheets-{__version__}.oxt"


def test_oxt_is_plain_zip_with_manifest(oxt):
    with zipfile.ZipFile(oxt) as archive:
        names = set(archive.namelist())
        manifest = ElementTree.fromstring(archive.read("META-INF/manifest.xml"))

    entries = {entry.get(f"{MANIFEST}full-path"): entry.get(f"{MANIFEST}media-type") for entry in manifest}
    assert entries["mycelium_menu.py"] == "application/vnd.sun.star.uno-component;type=Python"
    assert entries["Addons.xcu"] == "application/vnd.sun.star.configuration-data"
    assert {"description.xml", "mycelium_menu.py", "Addons.xcu"} <= names


def test_description_carries_version(oxt):
    with zipfile.ZipFile(oxt) as archive:
        description = archive.read("description.xml").decode("utf-8")
    assert f'<version value="{__version__}"/>' in description
    assert "@VERSION@" not in description


def _menu_items(oxt) -> list[dict]:
    with zipfile.ZipFile(oxt) as archive:
        root = ElementTree.fromstring(archive.read("Addons.xcu"))
    items = []
    for node in root.iter("node"):
        url = node.find(f"prop[@{OOR}name='URL']/value")
        if url is None or url.text == "private:separator":
            continue
        titles = {value.get(XML_LANG): value.text for value in node.findall(f"prop[@{OOR}name='Title']/value")}
        items.append({"url": url.text, **titles})
    return items


@pytest.mark.parametrize("action, french, english", [
    ("check", "Vérifier le classeur", "Check workbook"),
    ("add_sheets", "Ajouter les feuilles manquantes", "Add missing sheets"),
    ("deliveries", "Préparer les livraisons…", "Prepare deliveries…"),
    ("plan", "Calculer le plan de culture", "Compute the crop plan"),
    ("invoices", "Générer les factures…", "Generate invoices…"),
    ("dfc", "Exporter en données DFC…", "Export DFC data…"),
    ("about", "À propos de Mycélium", "About Mycélium"),
])
def test_menu_item_labels(oxt, action, french, english):
    items = {item["url"]: item for item in _menu_items(oxt)}
    item = items[f"service:org.mycelium_sheets.CalcMenu?{action}"]
    assert item["fr"] == french
    assert item["en-US"] == english


def test_menu_has_seven_actions(oxt):
    assert len(_menu_items(oxt)) == 7


def test_engine_vendored_without_cli(oxt):
    with zipfile.ZipFile(oxt) as archive:
        names = archive.namelist()
    assert "pythonpath/mycelium_sheets/schema/load.py" in names
    assert "pythonpath/mycelium_sheets/orders/deliveries.py" in names
    assert not [name for name in names if name.startswith("pythonpath/mycelium_sheets/cli/")]
    assert not [name for name in names if name.endswith(".pyc") or "__pycache__" in name]


def test_translations_vendored(oxt):
    with zipfile.ZipFile(oxt) as archive:
        names = archive.namelist()
    assert "pythonpath/mycelium_sheets/locale/fr/libreoffice.po" in names


def test_build_is_reproducible(tmp_path):
    build = load_build_module()
    first = build.build(tmp_path / "one").read_bytes()
    second = build.build(tmp_path / "two").read_bytes()
    assert first == second


@pytest.mark.parametrize("source, expected", [
    ("import json\nimport os.path\n", set()),
    ("import click\n", {"click"}),
    ("from rdflib import Graph\n", {"rdflib"}),
    # Imported when a function runs, not when the module loads.
    ("def export():\n    import rdflib\n", set()),
    ("try:\n    import lxml.etree\nexcept ImportError:\n    pass\n", {"lxml"}),
    ("class Writer:\n    import fpdf\n", {"fpdf"}),
    ("from . import units\nfrom ..errors import Location\n", set()),
    ("from mycelium_sheets.errors import Location\n", set()),
])
def test_third_party_imports(tmp_path, source, expected):
    module = tmp_path / "module.py"
    module.write_text(source, encoding="utf-8")
    assert load_build_module().third_party_imports(module) == expected


def test_addons_xcu_is_well_formed():
    text = load_build_module().addons_xcu()
    root = ElementTree.fromstring(text)
    assert root.get(f"{OOR}name") == "Addons"
    assert re.search(r"<value>com\.sun\.star\.sheet\.SpreadsheetDocument</value>", text)
