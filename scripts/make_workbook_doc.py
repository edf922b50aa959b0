"""Write docs/workbook.md, the reference of the standard workbook, from the schema.

    python scripts/make_workbook_doc.py

tests/core/test_workbook_doc.py fails when the committed page differs from
what this script writes, so the page cannot drift from the schema.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from mycelium_sheets.schema import INPUT_SHEETS  # noqa: E402
from mycelium_sheets.schema.engine_sheets import ENGINE_SHEETS  # noqa: E402

TYPE_NAMES = {
    "fr": {"text": "texte", "integer": "entier", "decimal": "nombre", "money": "montant (€)", "percentage": "pourcentage",
           "date": "date", "week": "semaine ISO", "unit": "unité", "boolean": "VRAI/FAUX", "choice": "liste",
           "reference": "nom d'une autre feuille"},
    "en": {"text": "text", "integer": "whole number", "decimal": "number", "money": "amount (€)", "percentage": "percentage",
           "date": "date", "week": "ISO week", "unit": "unit", "boolean": "TRUE/FALSE", "choice": "list",
           "reference": "name from another sheet"},
}

TEXT = {
    "fr": {
        "title": "Le classeur standard",
        "intro": ("Le classeur de la ferme a des feuilles de saisie, qui appartiennent au maraîcher, et des feuilles "
                  "calculées, que Mycélium réécrit à chaque calcul. Les noms de feuilles et d'en-têtes sont acceptés en "
                  "français et en anglais, sans tenir compte des majuscules ni des accents, ainsi que les variantes "
                  "indiquées. La ligne d'en-têtes peut être précédée de titres : elle est cherchée dans les 20 premières lignes."),
        "input": "Feuilles de saisie",
        "engine": "Feuilles calculées",
        "engine_intro": ("Ces noms sont réservés : Mycélium réécrit ces feuilles à chaque calcul et les marque dans la propriété "
                         "de document « MyceliumEngineSheets ». Une feuille du maraîcher qui porte l'un de ces noms n'est jamais "
                         "écrasée : la commande s'arrête et demande de la renommer."),
        "columns": ("Colonne", "Type", "Obligatoire", "Autres noms acceptés", "Explication"),
        "yes": "oui",
        "values": "Valeurs",
        "other": "Autres noms de la feuille",
    },
    "en": {
        "title": "The standard workbook",
        "intro": ("The farm workbook has input sheets, which belong to the farmer, and computed sheets, which Mycélium "
                  "rewrites on every run. Sheet names and headers are accepted in French and in English, ignoring case "
                  "and accents, and so are the variants listed. Titles may stand above the header row: it is searched "
                  "in the first 20 rows."),
        "input": "Input sheets",
        "engine": "Computed sheets",
        "engine_intro": ("These names are reserved: Mycélium rewrites these sheets on every run and marks them in the "
                         "document property “MyceliumEngineSheets”. A farmer's sheet with one of these names is never "
                         "overwritten: the command stops and asks to rename it."),
        "columns": ("Column", "Type", "Required", "Other names accepted", "Explanation"),
        "yes": "yes",
        "values": "Values",
        "other": "Other names of the sheet",
    },
}


def cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def section(language: str) -> list[str]:
    text = TEXT[language]
    lines = [f"## {text['title']}", "", text["intro"], "", f"### {text['input']}", ""]
    for spec in INPUT_SHEETS:
        lines += [f"#### {spec.name(language)}", "", spec.help_fr if language == "fr" else spec.help_en, ""]
        if spec.aliases:
            other = spec.name_en if language == "fr" else spec.name_fr
            lines += [f"{text['other']} : " if language == "fr" else f"{text['other']}: "]
            lines[-1] += ", ".join([other, *spec.aliases])
            lines.append("")
        lines += ["| " + " | ".join(text["columns"]) + " |", "|" + "---|" * len(text["columns"])]
        for column in spec.columns:
            other = column.header_en if language == "fr" else column.header_fr
            aliases = ", ".join(dict.fromkeys([other, *column.aliases]))
            explanation = column.help_fr if language == "fr" else column.help_en
            if column.choices:
                labels = " / ".join(choice.label(language) for choice in column.choices)
                explanation = (explanation + " " if explanation else "") + f"{text['values']} : {labels}" if language == "fr" \
                    else (explanation + " " if explanation else "") + f"{text['values']}: {labels}"
            lines.append("| " + " | ".join(cell(value) for value in (
                column.header(language), TYPE_NAMES[language][column.type], text["yes"] if column.required else "",
                aliases, explanation)) + " |")
        lines.append("")
    lines += [f"### {text['engine']}", "", text["engine_intro"], ""]
    lines += ["| Français | English |", "|---|---|"]
    lines += [f"| {sheet.name_fr} | {sheet.name_en} |" for sheet in ENGINE_SHEETS]
    lines.append("")
    return lines


def render() -> str:
    lines = ["# Classeur standard / Standard workbook", "",
             "*Page générée depuis le schéma par `scripts/make_workbook_doc.py`. "
             "Generated from the schema by `scripts/make_workbook_doc.py`.*", ""]
    lines += section("fr") + section("en")
    return "\n".join(lines)


def main() -> None:
    target = ROOT / "docs" / "workbook.md"
    target.parent.mkdir(exist_ok=True)
    target.write_text(render(), encoding="utf-8")
    print(f"wrote {target.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
