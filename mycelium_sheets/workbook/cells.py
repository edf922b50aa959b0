"""A1 cell references."""

from __future__ import annotations

import re

_A1 = re.compile(r"^\$?([A-Za-z]{1,3})\$?(\d+)$")


def column_letter(column: int) -> str:
    """Return the letters of a 0-based column index (0 → A, 26 → AA)."""
    if column < 0:
        raise ValueError(f"column index must be 0 or more, not {column}")
    letters = ""
    column += 1
    while column:
        column, remainder = divmod(column - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def column_index(letters: str) -> int:
    """Return the 0-based index of column letters (A → 0, AA → 26)."""
    index = 0
    for char in letters.upper():
        if not "A" <= char <= "Z":
            raise ValueError(f"invalid column letters {letters!r}")
        index = index * 26 + ord(char) - 64
    return index - 1


def a1(row: int, column: int) -> str:
    """Return the A1 reference of a 0-based (row, column) pair."""
    return f"{column_letter(column)}{row + 1}"


def parse_a1(reference: str) -> tuple[int, int]:
    """Return the 0-based (row, column) of an A1 reference such as B12 or $B$12."""
    match = _A1.match(reference.strip())
    if not match:
        raise ValueError(f"invalid cell reference {reference!r}")
    return int(match.group(2)) - 1, column_index(match.group(1))
