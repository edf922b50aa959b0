"""The standard farm workbook: its sheets, columns, types and checks."""

from .columns import Choice, Column, SheetSpec
from .standard import INPUT_SHEETS, find_sheet_spec, sheet_spec

__all__ = ["Choice", "Column", "SheetSpec", "INPUT_SHEETS", "find_sheet_spec", "sheet_spec"]
