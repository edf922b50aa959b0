"""The mapping file: saved on the first import, reused on the next file of the same shape."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from mycelium_sheets.errors import FileFormatError
from mycelium_sheets.importer import plan_import

HEADER = "Nom;Adresse électronique;Tél.;Ville;Catégorie client\n"


def _write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def test_mapping_round_trip(tmp_path):
    mapping = tmp_path / "clients.json"
    first = plan_import(_write(tmp_path / "janvier.csv", HEADER + "Biocoop Crest;crest@example.org;04 75 00 00 00;Crest;magasin\n"),
                        mapping=mapping)
    assert mapping.exists()
    saved = json.loads(mapping.read_text(encoding="utf-8"))
    [table] = saved["tables"]
    assert table["target"] == "customers"
    assert table["columns"]["Adresse électronique"] == "email"

    # The farmer edits the file by hand to leave the phone column out.
    assert table["columns"]["Tél."] == "phone"
    table["columns"]["Tél."] = None
    mapping.write_text(json.dumps(saved), encoding="utf-8")

    second = plan_import(_write(tmp_path / "fevrier.csv", HEADER + "Le Bistrot;bistrot@example.org;04 75 11 11 11;Die;restaurant\n"),
                         mapping=mapping)
    [record] = second.records
    assert record.values["name"] == "Le Bistrot"
    assert record.values["email"] == "bistrot@example.org"
    assert record.values["type"] == "restaurant"
    assert "phone" not in record.values
    assert {match.reason for match in second.mappings[0].matches if match.key} == {"fichier de correspondance"}
    assert first.records[0].values["phone"] == "04 75 00 00 00"


def test_other_shape_not_reused(tmp_path):
    mapping = tmp_path / "produits.json"
    plan_import(_write(tmp_path / "a.csv", "Produit;Unité;Prix HT;TVA\nRadis;botte;1,5;5,5 %\n"), mapping=mapping)
    plan = plan_import(_write(tmp_path / "b.csv", "Désignation;Px;TVA;Unité\nNavets;2;5,5 %;botte\n"), mapping=mapping)
    # No saved table has these headers, so the mapping is proposed afresh.
    assert plan.records[0].values["price"] == Decimal("2")
    assert {match.reason for match in plan.mappings[0].matches if match.key} != {"fichier de correspondance"}


@pytest.mark.parametrize("content", ["{not json", '{"mycelium_mapping": 99, "tables": []}',
                                     '{"mycelium_mapping": 1, "tables": [{"target": "planets", "columns": {}, "shape": []}]}',
                                     '{"mycelium_mapping": 1, "tables": [{"target": "products", "columns": {"A": "colour"}, "shape": ["a"]}]}'])
def test_bad_mapping_file_rejected(tmp_path, content):
    mapping = _write(tmp_path / "bad.json", content)
    with pytest.raises(FileFormatError) as raised:
        plan_import(_write(tmp_path / "a.csv", "Produit;Prix HT\nRadis;1\n"), mapping=mapping)
    assert "bad.json" in str(raised.value)
