"""Matching the columns of a found table to a sheet of the standard workbook.

A header matches a column by its French or English name, an alias, or a
usual abbreviation ("Qté", "PU HT", "Désignation", "Px", "Nb"), ignoring
accents, case, punctuation and a unit in brackets. A column whose header
names nothing known is matched by its content (e-mail addresses, units,
dates, postcodes) with a lower confidence. Each match carries its
confidence and how it was made, for the preview.
"""

from __future__ import annotations

import re

from ..i18n import _
from ..model.units import find_unit, normalise_label
from ..schema import INPUT_SHEETS
from ..schema.columns import SheetSpec
from ..workbook.table import Sheet
from .detect import Table
from .plan import ColumnMatch, TableMapping
from .values import is_empty, read_date

# Names farmers and other programs give to the standard columns, beyond the
# aliases of the schema itself. Keys are (sheet key, column key).
EXTRA_NAMES: dict[tuple[str, str], tuple[str, ...]] = {
    ("products", "name"): ("nom du produit", "produit", "intitule", "nom article", "long name", "product"),
    ("products", "reference"): ("reference unique", "code produit", "code", "sku", "ref produit"),
    ("products", "unit"): ("unite", "unite de vente", "unit type", "conditionnement"),
    ("products", "price"): ("pu", "p u", "pu ht", "px", "px ht", "prix ht", "prix h t", "prix unitaire", "prix unitaire ht",
                            "unit price", "producer unit price", "tarif ht"),
    ("products", "vat_rate"): ("taux de tva", "tva", "taux tva", "vat rate", "tax rate"),
    ("products", "organic"): ("bio", "ab", "organic"),
    ("products", "category"): ("categorie", "rayon", "famille", "department", "department for customer"),
    ("products", "average_weight"): ("poids moyen", "poids unitaire", "order average weight", "average weight"),
    ("products", "description"): ("descriptif", "description"),
    ("products", "active"): ("actif", "active", "en vente"),
    ("customers", "name"): ("nom", "nom du client", "client", "raison sociale", "customer name", "long basket name"),
    ("customers", "code"): ("code client", "short basket name", "identifiant"),
    ("customers", "email"): ("e mail", "email", "courriel", "mail", "adresse mail", "adresse e mail"),
    ("customers", "phone"): ("telephone", "tel", "portable", "telephone portable", "phone1", "mobile", "phone"),
    ("customers", "address"): ("adresse", "adresse1", "address", "adresse 1"),
    ("customers", "postcode"): ("code postal", "cp", "zip", "postcode"),
    ("customers", "city"): ("ville", "commune", "localite"),
    ("customers", "vat_number"): ("vat id", "n tva", "numero de tva", "tva intracom"),
    ("orders", "quantity"): ("qte", "qty", "nb", "nombre", "quantite", "qte commandee"),
    ("orders", "price"): ("pu", "p u", "px", "pu ht", "prix unitaire"),
    ("orders", "delivery_date"): ("date", "livraison", "date de livraison", "date livraison", "jour de livraison"),
    ("orders", "customer"): ("client", "nom du client", "acheteur", "customer"),
    ("orders", "product"): ("produit", "designation", "article", "libelle", "product"),
    ("harvests", "date"): ("date", "date de recolte", "timestamp", "jour"),
    ("harvests", "crop"): ("culture", "legume", "espece", "crop"),
    ("harvests", "quantity"): ("quantite", "qte", "poids", "quantity"),
    ("harvests", "bed"): ("planche", "bed", "location", "emplacement"),
    ("stock", "quantity"): ("quantite", "qte", "stock", "disponible", "on hand"),
}

_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_PUNCTUATION = re.compile(r"[.,;:_\-/'’\"«»!?*#°+]+")
_UNIT_WORDS = re.compile(r"\b(?:en|in)?\s*(?:€|eur|euros?|%|kg|g|m|cm|m2|m²)\s*$")
_TAX_INCLUDED = re.compile(r"\bttc\b|t\s*t\s*c|incl(?:uding|\.)?\s*(?:vat|tax)|tax(?:es)? incl")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", re.IGNORECASE)
_POSTCODE = re.compile(r"^\d{5}$")
_PHONE = re.compile(r"^(?:\+33|0)\s*[1-9](?:[\s.]*\d{2}){4}$")

NAME_CONFIDENCE = 1.0
BRACKET_CONFIDENCE = 0.95
WORDS_CONFIDENCE = 0.7
CONTENT_CONFIDENCE = 0.5

# The sheets a found table can be imported into: the farm sheet is a form of
# fields, not a table, so it is not offered.
TARGET_SHEETS = tuple(spec for spec in INPUT_SHEETS if spec.layout == "table")


def normalise_header(text: str) -> str:
    """Return a header without accents, case, punctuation and a unit in brackets or at the end."""
    label = normalise_label(_BRACKETS.sub(" ", str(text)))
    label = _PUNCTUATION.sub(" ", label)
    label = " ".join(label.split())
    stripped = _UNIT_WORDS.sub("", label).strip()
    return stripped or label


def _names(spec: SheetSpec) -> dict[str, list[str]]:
    names: dict[str, list[str]] = {}
    for column in spec.columns:
        candidates = list(column.names()) + list(EXTRA_NAMES.get((spec.key, column.key), ()))
        names[column.key] = list(dict.fromkeys(normalise_header(name) for name in candidates if name))
    return names


def match_header(header: str, spec: SheetSpec) -> tuple[str | None, float, str]:
    """Return the column key a header names in a sheet, its confidence and how it matched.

    A price including VAT ("Prix TTC") never matches a price column, which
    contains prices excluding VAT. Taking one for the other would be wrong by
    the VAT rate on every invoice.
    """
    if not header.strip():
        return None, 0.0, ""
    if _TAX_INCLUDED.search(normalise_label(header)):
        return None, 0.0, ""
    plain = normalise_label(header)
    normal = normalise_header(header)
    best: tuple[str | None, float, str] = (None, 0.0, "")
    for key, names in _names(spec).items():
        for name in names:
            if not name:
                continue
            if name == _PUNCTUATION.sub(" ", plain).strip() or name == normal and "(" not in header:
                candidate = (key, NAME_CONFIDENCE, _("name"))
            elif name == normal:
                candidate = (key, BRACKET_CONFIDENCE, _("name"))
            elif len(name) >= 3 and re.search(rf"(?:^| ){re.escape(name)}(?: |$)", normal):
                # Every word of the name appears in the header, as in "Nom du produit bio".
                candidate = (key, WORDS_CONFIDENCE * min(1.0, 0.5 + len(name) / max(len(normal), 1)), _("words"))
            else:
                continue
            if candidate[1] > best[1]:
                best = candidate
    return best


def _sample(sheet: Sheet, table: Table, column: int, limit: int = 50) -> list:
    values = []
    for row in table.rows:
        value = sheet.value(row, column)
        if not is_empty(value):
            values.append(value)
            if len(values) >= limit:
                break
    return values


def _content_kind(values: list) -> str | None:
    """Return what most values of a column are: email, postcode, phone, unit or date."""
    if not values:
        return None
    texts = [str(value).strip() for value in values]
    share = 0.8 * len(values)
    if sum(bool(_EMAIL.match(text)) for text in texts) >= share:
        return "email"
    if sum(bool(_POSTCODE.match(text)) for text in texts) >= share:
        return "postcode"
    if sum(bool(_PHONE.match(text)) for text in texts) >= share:
        return "phone"
    if sum(isinstance(value, str) and find_unit(value) is not None for value in values) >= share:
        return "unit"
    dates = 0
    for value in values:
        try:
            read_date(value, default_year=2000)
            dates += 1
        except ValueError:
            pass
    if dates >= share:
        return "date"
    return None


def _content_key(kind: str, spec: SheetSpec, taken: set[str]) -> str | None:
    for column in spec.columns:
        if column.key in taken:
            continue
        if kind == "date" and column.type == "date":
            return column.key
        if kind == "unit" and column.type == "unit":
            return column.key
        if kind in ("email", "postcode", "phone") and column.key == kind:
            return column.key
    return None


def map_table(sheet: Sheet, table: Table, spec: SheetSpec) -> TableMapping:
    """Match every column of a table to the columns of one sheet of the standard workbook."""
    mapping = TableMapping(sheet.name, table.header_row, spec.key, headers=list(table.headers))
    taken: dict[str, int] = {}
    candidates = []
    for position, (column, header) in enumerate(zip(table.columns, table.headers)):
        key, confidence, reason = match_header(header, spec)
        if key is None and table.labels[position] != header:
            key, confidence, reason = match_header(table.labels[position], spec)
        candidates.append((column, header, key, confidence, reason))

    # A match on a word of the header gives way to clear content: "Adresse
    # électronique" holding e-mail addresses is the e-mail, not the address.
    for position, (column, header, key, confidence, reason) in enumerate(candidates):
        if key is None or confidence >= BRACKET_CONFIDENCE:
            continue
        kind = _content_kind(_sample(sheet, table, column))
        content_key = _content_key(kind, spec, set()) if kind in ("email", "postcode", "phone") else None
        if content_key is not None and content_key != key:
            candidates[position] = (column, header, content_key, CONTENT_CONFIDENCE, _("content"))

    # Best matches claim their column first, so "Prix HT" beats "Prix TTC" for the price.
    matches: dict[int, ColumnMatch] = {}
    for column, header, key, confidence, reason in sorted(candidates, key=lambda item: -item[3]):
        if key is not None and key not in taken:
            taken[key] = column
            matches[column] = ColumnMatch(column, header, key, confidence, reason)
        elif key is not None:
            matches[column] = ColumnMatch(column, header, None, 0.0,
                                          _("same column as {header}").format(header=_header_of(candidates, taken[key])))
        else:
            matches[column] = ColumnMatch(column, header, None, 0.0, "")

    for column, match in matches.items():
        if match.key is not None or match.reason:
            continue
        kind = _content_kind(_sample(sheet, table, column))
        key = _content_key(kind, spec, set(taken)) if kind else None
        if key is not None:
            taken[key] = column
            matches[column] = ColumnMatch(column, match.header, key, CONTENT_CONFIDENCE, _("content"))

    mapping.matches = [matches[column] for column in table.columns]
    return mapping


def _header_of(candidates, column: int) -> str:
    for candidate in candidates:
        if candidate[0] == column:
            return candidate[1]
    return ""


def _name_from_description(mapping: TableMapping, spec: SheetSpec) -> None:
    """Use a "Description" column as the name when the table has no name column, as invoice lines do."""
    keys = {match.key for match in mapping.matches}
    if "name" in keys or "description" not in keys or spec.columns[0].key != "name":
        return
    for match in mapping.matches:
        if match.key == "description":
            match.key = "name"
            match.confidence = WORDS_CONFIDENCE
            match.reason = _("description used as the name")


def score(mapping: TableMapping, spec: SheetSpec) -> float:
    """Rate how well a mapping fits its sheet: matched confidence, with required columns counting double."""
    required = {column.key for column in spec.columns if column.required}
    total = 0.0
    for match in mapping.matches:
        if match.key:
            total += match.confidence * (2 if match.key in required else 1)
    missing = required - {match.key for match in mapping.matches if match.key}
    return total - 0.5 * len(missing)


def propose_mapping(sheet: Sheet, table: Table, targets: tuple[SheetSpec, ...] = TARGET_SHEETS) -> TableMapping:
    """Return the mapping of a table to the sheet it fits best, or one with no target.

    A table needs at least two matched columns, one of them by name, to be
    imported at all; anything less would be a guess.
    """
    best, best_score = None, 0.0
    for spec in targets:
        mapping = map_table(sheet, table, spec)
        _name_from_description(mapping, spec)
        by_name = [match for match in mapping.matches if match.key and match.reason != _("content")]
        if len(by_name) < 2:
            continue
        value = score(mapping, spec)
        if value > best_score:
            best, best_score = mapping, value
    if best is None:
        return TableMapping(sheet.name, table.header_row, None, headers=list(table.headers),
                            matches=[ColumnMatch(column, header, None, 0.0, "") for column, header in zip(table.columns, table.headers)])
    return best
