"""Saving a table mapping as JSON and reusing it for the next file of the same shape.

The file records, for each imported table, the source sheet, the header
row, the target sheet and the target column of each header. A table of a
later file reuses an entry when its headers are the same once normalised,
so the next month's export imports with no questions. The file is plain
JSON that a person can edit to correct a match: set a header's value to
null to leave that column out.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..errors import FileFormatError, Location
from ..i18n import _
from ..schema import sheet_spec
from .detect import Table
from .matching import normalise_header
from .plan import ColumnMatch, TableMapping

VERSION = 1


def shape(headers: list[str]) -> list[str]:
    """Return the normalised headers that identify a table's shape."""
    return [normalise_header(header) for header in headers]


def to_json(mappings: list[TableMapping]) -> dict:
    tables = []
    for mapping in mappings:
        if mapping.target is None:
            continue
        tables.append({
            "sheet": mapping.sheet,
            "header_row": mapping.header_row + 1,
            "kind": mapping.kind,
            "target": mapping.target,
            "columns": {match.header: match.key for match in mapping.matches},
            "shape": shape(mapping.headers),
        })
    return {"mycelium_mapping": VERSION, "tables": tables}


def save_mapping(path: str | Path, mappings: list[TableMapping]) -> Path:
    """Write the mappings of an import to a JSON file."""
    path = Path(path)
    path.write_text(json.dumps(to_json(mappings), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


def load_mapping(path: str | Path) -> list[dict]:
    """Read a mapping file; raise FileFormatError naming the fault when it is not one."""
    path = Path(path)
    location = Location(file=str(path))
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FileFormatError(_("The mapping file does not exist."), location=location,
                              remedy=_("Check the path, or run the import once to create it.")) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise FileFormatError(_("The mapping file is not valid JSON: {error}").format(error=error), location=location,
                              remedy=_("Delete it and run the import again to write a new one.")) from None
    if not isinstance(data, dict) or data.get("mycelium_mapping") != VERSION or not isinstance(data.get("tables"), list):
        raise FileFormatError(_("The file is not a mapping file of this version."), location=location,
                              remedy=_("Delete it and run the import again to write a new one."))
    for entry in data["tables"]:
        _check_entry(entry, location)
    return data["tables"]


def _check_entry(entry, location: Location) -> None:
    if not isinstance(entry, dict) or not isinstance(entry.get("columns"), dict) or not isinstance(entry.get("shape"), list):
        raise FileFormatError(_("A table of the mapping file lacks its columns or its shape."), location=location,
                              remedy=_("Delete it and run the import again to write a new one."))
    try:
        spec = sheet_spec(entry.get("target"))
    except KeyError:
        raise FileFormatError(_("The mapping file names an unknown sheet."), location=location, value=entry.get("target"),
                              remedy=_("Use a sheet key such as products, customers or orders.")) from None
    known = {column.key for column in spec.columns}
    for header, key in entry["columns"].items():
        if key is not None and key not in known:
            raise FileFormatError(
                _("The mapping file maps “{header}” to an unknown column.").format(header=header),
                location=location, value=key,
                remedy=_("Use one of: {keys}.").format(keys=", ".join(sorted(known))))


def reuse(entries: list[dict], table: Table) -> TableMapping | None:
    """Return the saved mapping of a table of the same shape, or None."""
    headers = table.headers
    wanted = shape(headers)
    for entry in entries:
        if entry["shape"] != wanted:
            continue
        columns = {normalise_header(header): key for header, key in entry["columns"].items()}
        matches = []
        for column, header in zip(table.columns, headers):
            key = columns.get(normalise_header(header))
            matches.append(ColumnMatch(column, header, key, 1.0 if key else 0.0, _("mapping file") if key else ""))
        return TableMapping(table.sheet, table.header_row, entry["target"], matches, list(headers), entry.get("kind", "table"))
    return None
