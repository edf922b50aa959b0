"""Generate the standard workbook templates from the schema.

Writes workbook_templates/ferme.xlsx and farm.xlsx with openpyxl, then has
LibreOffice convert them to ferme.ods and farm.ods, so that the .ods files
are the ones LibreOffice itself writes. Run it again after changing
``mycelium_sheets/schema``; tests/test_templates.py checks the committed
files against the schema.

    python scripts/make_templates.py
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from openpyxl import Workbook  # noqa: E402
from openpyxl.styles import Alignment, Font, PatternFill  # noqa: E402
from openpyxl.worksheet.datavalidation import DataValidation  # noqa: E402

from mycelium_sheets.model.units import UNITS  # noqa: E402
from mycelium_sheets.planning.reference import default_itineraries, family_label, reference_families  # noqa: E402
from mycelium_sheets.schema import INPUT_SHEETS  # noqa: E402
from mycelium_sheets.schema.choices import VAT_RATES  # noqa: E402
from mycelium_sheets.schema.columns import Column, SheetSpec  # noqa: E402
from mycelium_sheets.workbook.ods_settings import update_settings  # noqa: E402
from office import convert  # noqa: E402

TEMPLATE_ROWS = 500
TEMPLATES = {"fr": "ferme", "en": "farm"}

NUMBER_FORMATS = {
    "money": '#,##0.00 "€"',
    "percentage": "0.0%",
    "date": "DD/MM/YYYY",
    "decimal": "0.###",
    "integer": "0",
    "week": "@",
    "text": "@",
}

HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="3A6B35")
REQUIRED_FILL = PatternFill("solid", fgColor="2A4D26")
TITLE_FONT = Font(bold=True, size=14)

README_TEXT = {
    "fr": {
        "sheet": "Lisez-moi",
        "title": "Classeur de la ferme — Mycélium sheets",
        "intro": ("Ce classeur est celui de la ferme : les feuilles ci-dessous sont les vôtres et Mycélium ne les modifie jamais. "
                  "Les feuilles calculées (Récolte, Préparation, Tournée, Plan, Factures…) sont ajoutées et réécrites par Mycélium à chaque calcul. "
                  "Les en-têtes en vert foncé sont obligatoires."),
        "columns": ("Feuille", "Colonne", "Obligatoire", "Explication"),
        "yes": "oui",
        "lists": "Listes",
    },
    "en": {
        "sheet": "Read me",
        "title": "Farm workbook — Mycélium sheets",
        "intro": ("This workbook is the farm's: the sheets below are yours and Mycélium never changes them. "
                  "The computed sheets (Harvest list, Packing, Delivery round, Plan, Invoices…) are added and rewritten by Mycélium on every run. "
                  "Headers in dark green are required."),
        "columns": ("Sheet", "Column", "Required", "Explanation"),
        "yes": "yes",
        "lists": "Lists",
    },
}


def cm_to_width(width_cm: float) -> float:
    """Return an Excel column width (characters of the default font) for centimetres."""
    return round(width_cm * 4.6, 1)


def column_help(column: Column, language: str) -> str:
    text = column.help_fr if language == "fr" else column.help_en
    if column.choices:
        labels = " / ".join(choice.label(language) for choice in column.choices)
        text = (text + " " if text else "") + ("Valeurs : " if language == "fr" else "Values: ") + labels
    return text


def add_lists_sheet(book: Workbook, language: str) -> dict[str, str]:
    """Add the hidden sheet of drop-down values and return a range per list name."""
    sheet = book.create_sheet(README_TEXT[language]["lists"])
    lists = {
        "units": [unit.label(language) for unit in UNITS],
        "vat_rates": [float(rate.replace(",", ".").replace(" %", "")) / 100 for rate in VAT_RATES],
    }
    for spec in INPUT_SHEETS:
        for column in spec.columns:
            if column.choices:
                lists[f"{spec.key}.{column.key}"] = [choice.label(language) for choice in column.choices]
    ranges = {}
    for index, (name, values) in enumerate(lists.items()):
        letter = sheet.cell(row=1, column=index + 1).column_letter
        sheet.cell(row=1, column=index + 1, value=name)
        for row, value in enumerate(values, start=2):
            cell = sheet.cell(row=row, column=index + 1, value=value)
            if name == "vat_rates":
                cell.number_format = "0.0%"
        ranges[name] = f"'{sheet.title}'!${letter}$2:${letter}${len(values) + 1}"
    sheet.sheet_state = "hidden"
    return ranges


def validation_for(spec: SheetSpec, column: Column, lists: dict[str, str], sheet_names: dict[str, str]) -> DataValidation | None:
    key = f"{spec.key}.{column.key}"
    if key in lists:
        return DataValidation(type="list", formula1=lists[key], allow_blank=True)
    if column.type == "unit":
        return DataValidation(type="list", formula1=lists["units"], allow_blank=True)
    if column.key == "vat_rate":
        return DataValidation(type="list", formula1=lists["vat_rates"], allow_blank=True)
    if column.type == "reference" and column.reference in sheet_names:
        return DataValidation(type="list", formula1=f"'{sheet_names[column.reference]}'!$A$2:$A${TEMPLATE_ROWS}", allow_blank=True)
    if column.type == "date":
        return DataValidation(type="date", operator="greaterThan", formula1="36526", allow_blank=True)
    return None


def write_table_sheet(sheet, spec: SheetSpec, language: str, lists: dict[str, str], sheet_names: dict[str, str]) -> None:
    for index, column in enumerate(spec.columns, start=1):
        cell = sheet.cell(row=1, column=index, value=column.header(language))
        cell.font = HEADER_FONT
        cell.fill = REQUIRED_FILL if column.required else HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        letter = cell.column_letter
        sheet.column_dimensions[letter].width = cm_to_width(column.width_cm)
        number_format = NUMBER_FORMATS.get(column.type)
        if number_format and number_format != "@":
            for row in range(2, TEMPLATE_ROWS + 1):
                sheet.cell(row=row, column=index).number_format = number_format
        validation = validation_for(spec, column, lists, sheet_names)
        if validation is not None:
            validation.add(f"{letter}2:{letter}{TEMPLATE_ROWS}")
            sheet.add_data_validation(validation)
    sheet.row_dimensions[1].height = 32
    sheet.freeze_panes = "A2"


def write_fields_sheet(sheet, spec: SheetSpec, language: str, lists: dict[str, str]) -> None:
    sheet.column_dimensions["A"].width = cm_to_width(7)
    sheet.column_dimensions["B"].width = cm_to_width(9)
    sheet.column_dimensions["C"].width = cm_to_width(14)
    for row, column in enumerate(spec.columns, start=1):
        label = sheet.cell(row=row, column=1, value=column.header(language))
        label.font = Font(bold=True, color="2A4D26" if column.required else "000000")
        value = sheet.cell(row=row, column=2)
        number_format = NUMBER_FORMATS.get(column.type)
        if number_format and number_format != "@":
            value.number_format = number_format
        help_text = column_help(column, language)
        if help_text:
            sheet.cell(row=row, column=3, value=help_text).font = Font(italic=True, color="666666")
        key = f"{spec.key}.{column.key}"
        if key in lists:
            validation = DataValidation(type="list", formula1=lists[key], allow_blank=True)
            validation.add(f"B{row}")
            sheet.add_data_validation(validation)


def write_reference_rows(sheet, rows) -> None:
    """Fill a sheet below its header with the default crop reference."""
    for row_index, row in enumerate(rows, start=2):
        for column_index, value in enumerate(row, start=1):
            if value is not None and value != "":
                sheet.cell(row=row_index, column=column_index, value=float(value) if hasattr(value, "as_tuple") else value)


def write_readme(sheet, language: str) -> None:
    text = README_TEXT[language]
    sheet.column_dimensions["A"].width = cm_to_width(5)
    sheet.column_dimensions["B"].width = cm_to_width(6)
    sheet.column_dimensions["C"].width = cm_to_width(2.5)
    sheet.column_dimensions["D"].width = cm_to_width(18)
    sheet.cell(row=1, column=1, value=text["title"]).font = TITLE_FONT
    intro = sheet.cell(row=2, column=1, value=text["intro"])
    intro.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.merge_cells("A2:D2")
    sheet.row_dimensions[2].height = 60
    row = 4
    for index, header in enumerate(text["columns"], start=1):
        cell = sheet.cell(row=row, column=index, value=header)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
    for spec in INPUT_SHEETS:
        row += 1
        sheet.cell(row=row, column=1, value=spec.name(language)).font = Font(bold=True)
        sheet.cell(row=row, column=4, value=spec.help_fr if language == "fr" else spec.help_en).alignment = Alignment(wrap_text=True)
        for column in spec.columns:
            row += 1
            sheet.cell(row=row, column=2, value=column.header(language))
            if column.required:
                sheet.cell(row=row, column=3, value=text["yes"])
            sheet.cell(row=row, column=4, value=column_help(column, language)).alignment = Alignment(wrap_text=True)
    sheet.freeze_panes = "A5"


def build_template(language: str) -> Workbook:
    book = Workbook()
    readme = book.active
    readme.title = README_TEXT[language]["sheet"]
    sheet_names = {spec.key: spec.name(language) for spec in INPUT_SHEETS}
    sheets = {spec.key: book.create_sheet(spec.name(language)) for spec in INPUT_SHEETS}
    lists = add_lists_sheet(book, language)

    write_readme(readme, language)
    for spec in INPUT_SHEETS:
        if spec.layout == "fields":
            write_fields_sheet(sheets[spec.key], spec, language, lists)
        else:
            write_table_sheet(sheets[spec.key], spec, language, lists, sheet_names)
    write_reference_rows(sheets["crops"], default_itineraries(language))
    families = [(family_label(row["family"], language), int(row["rotation_years"]) if row["rotation_years"] else None)
                for row in reference_families()]
    write_reference_rows(sheets["families"], families)
    book.properties.creator = "Mycélium sheets"
    book.properties.title = README_TEXT[language]["title"]
    return book


def freeze_ods_headers(path: Path, language: str) -> None:
    """Freeze the header rows in an .ods made by a headless conversion.

    A headless LibreOffice has no view, so its conversion drops the frozen
    panes that the .xlsx had; they are written back into settings.xml.
    """
    frozen = {spec.name(language): 1 for spec in INPUT_SHEETS if spec.layout == "table"}
    frozen[README_TEXT[language]["sheet"]] = 4
    with zipfile.ZipFile(path) as source:
        members = [(info, source.read(info.filename)) for info in source.infolist()]
    temporary = path.with_suffix(".tmp")
    with zipfile.ZipFile(temporary, "w") as target:
        for info, data in members:
            if info.filename == "settings.xml":
                data = update_settings(data, [], frozen)
            target.writestr(info, data)
    temporary.replace(path)


def main() -> None:
    outdir = ROOT / "workbook_templates"
    outdir.mkdir(exist_ok=True)
    for language, stem in TEMPLATES.items():
        xlsx = outdir / f"{stem}.xlsx"
        build_template(language).save(xlsx)
        ods = outdir / f"{stem}.ods"
        ods.unlink(missing_ok=True)
        convert(xlsx, "ods", outdir)
        freeze_ods_headers(ods, language)
        print(f"wrote {xlsx.relative_to(ROOT)} and {ods.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
