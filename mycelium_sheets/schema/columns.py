"""Definitions of the standard workbook: sheets, columns and allowed values."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model.units import normalise_label

# Column types, each with a converter in ``schema.types``.
TYPES = (
    "text", "integer", "decimal", "money", "percentage", "date",
    "week", "unit", "boolean", "choice", "reference",
)


@dataclass(frozen=True)
class Choice:
    """An allowed value: its code in the engine and its French and English labels."""

    code: str
    label_fr: str
    label_en: str
    aliases: tuple[str, ...] = ()

    def label(self, language: str) -> str:
        return self.label_fr if language == "fr" else self.label_en

    def names(self) -> tuple[str, ...]:
        return (self.code, self.label_fr, self.label_en, *self.aliases)


@dataclass(frozen=True)
class Column:
    """One column of an input sheet.

    ``reference`` names the sheet key whose first column this one refers to
    (a product, a customer, a bed). ``help_fr``/``help_en`` are shown in the
    "Lisez-moi" sheet.
    """

    key: str
    header_fr: str
    header_en: str
    type: str = "text"
    required: bool = False
    choices: tuple[Choice, ...] = ()
    reference: str | None = None
    aliases: tuple[str, ...] = ()
    help_fr: str = ""
    help_en: str = ""
    width_cm: float = 3.0
    minimum: float | None = None
    maximum: float | None = None

    def __post_init__(self) -> None:
        if self.type not in TYPES:
            raise ValueError(f"unknown column type {self.type!r} for {self.key}")

    def header(self, language: str) -> str:
        return self.header_fr if language == "fr" else self.header_en

    def names(self) -> tuple[str, ...]:
        return (self.header_fr, self.header_en, self.key, *self.aliases)

    def choice(self, text: str) -> Choice | None:
        """Return the choice a label names, ignoring case and accents."""
        wanted = normalise_label(text)
        for choice in self.choices:
            if wanted in {normalise_label(name) for name in choice.names()}:
                return choice
        return None


@dataclass(frozen=True)
class SheetSpec:
    """One input sheet of the standard workbook.

    ``layout`` is "table" (a header row, then one record a row) or
    "fields" (a label in column A and its value in column B, one field a row).
    """

    key: str
    name_fr: str
    name_en: str
    columns: tuple[Column, ...]
    layout: str = "table"
    required: bool = False
    aliases: tuple[str, ...] = ()
    help_fr: str = ""
    help_en: str = ""
    example_rows: tuple[tuple, ...] = field(default=())

    def name(self, language: str) -> str:
        return self.name_fr if language == "fr" else self.name_en

    def names(self) -> tuple[str, ...]:
        return (self.name_fr, self.name_en, self.key, *self.aliases)

    def column(self, key: str) -> Column:
        for column in self.columns:
            if column.key == key:
                return column
        raise KeyError(key)
