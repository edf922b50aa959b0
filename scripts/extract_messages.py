"""List the translatable messages of the package that have no French translation.

    python scripts/extract_messages.py            # print the missing ones as .po entries
    python scripts/extract_messages.py --check    # exit 1 when some are missing

A message is the string literal passed to ``_()`` or the first two passed
to ``ngettext()``.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from mycelium_sheets.i18n import parse_po  # noqa: E402


def messages_in(path: Path) -> list[tuple[str, int]]:
    """Return (message, line) for every translatable literal of a Python file."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
            continue
        count = {"_": 1, "ngettext": 2}.get(node.func.id, 0)
        for argument in node.args[:count]:
            if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                found.append((argument.value, node.lineno))
    return found


def missing_translations(language: str = "fr") -> list[tuple[str, str]]:
    catalogue: dict[str, str] = {}
    for po_file in sorted((ROOT / "mycelium_sheets" / "locale" / language).glob("*.po")):
        catalogue.update(parse_po(po_file.read_text(encoding="utf-8")))
    missing = []
    seen = set()
    for path in sorted((ROOT / "mycelium_sheets").rglob("*.py")):
        for message, line in messages_in(path):
            if message not in catalogue and message not in seen:
                seen.add(message)
                missing.append((message, f"{path.relative_to(ROOT)}:{line}"))
    return missing


def po_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def main() -> None:
    missing = missing_translations()
    if "--check" in sys.argv:
        for message, where in missing:
            print(f"{where}: no French translation for {message!r}")
        sys.exit(1 if missing else 0)
    for message, where in missing:
        print(f"#: {where}\nmsgid {po_string(message)}\nmsgstr \"\"\n")


if __name__ == "__main__":
    main()
