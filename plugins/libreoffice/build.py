"""Build the LibreOffice extension ``dist/mycelium-sheets-VERSION.oxt``.

An .oxt file is a plain zip, so this needs neither LibreOffice nor any
package outside the standard library. The pure-Python engine
``mycelium_sheets`` is copied into the extension's ``pythonpath/`` folder,
which LibreOffice adds to the ``sys.path`` of its bundled Python. The
command line (``cli/``, which needs click) and every module that imports a
third-party package when it is loaded are left out, because a stock
LibreOffice Python has only the standard library.

Usage: ``python plugins/libreoffice/build.py [--output FOLDER]``
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
REPOSITORY = HERE.parents[1]
SOURCE = HERE / "extension"
ENGINE = REPOSITORY / "mycelium_sheets"

# Folders of the engine that never go into the extension.
EXCLUDED_FOLDERS = {"cli", "__pycache__"}
EXCLUDED_SUFFIXES = {".pyc", ".pyo"}

# A fixed date for every zip entry, so that two builds of the same tree give
# the same bytes.
ZIP_DATE = (2020, 1, 1, 0, 0, 0)

sys.path.insert(0, str(SOURCE / "pythonpath"))
from mycelium_calc.menu import IMPLEMENTATION_NAME, MENU_ENTRIES, MENU_TITLE, SPREADSHEET_CONTEXT  # noqa: E402


def engine_version() -> str:
    """Return ``__version__`` of mycelium_sheets, read without importing the package."""
    text = (ENGINE / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__\s*=\s*["\']([^"\']+)["\']', text, re.M)
    if not match:
        raise SystemExit(f"no __version__ found in {ENGINE / '__init__.py'}")
    return match.group(1)


def _loaded_imports(tree: ast.Module) -> set[str]:
    """Return the top-level packages a module imports when it is loaded.

    Imports inside functions run only when the function is called, so they
    are not counted; imports in class bodies, ``if`` and ``try`` blocks are.
    """
    names: set[str] = set()
    pending: list[ast.AST] = list(tree.body)
    while pending:
        node = pending.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            continue
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
        pending.extend(ast.iter_child_nodes(node))
    return names


def third_party_imports(path: Path) -> set[str]:
    """Return the packages outside the standard library that a module needs at load time."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return {
        name for name in _loaded_imports(tree)
        if name not in sys.stdlib_module_names and name != "mycelium_sheets"
    }


def engine_files() -> tuple[list[Path], dict[Path, set[str]]]:
    """Return the engine files to vendor and the modules left out with their imports."""
    vendored: list[Path] = []
    left_out: dict[Path, set[str]] = {}
    for path in sorted(ENGINE.rglob("*")):
        relative = path.relative_to(ENGINE)
        if path.is_dir() or EXCLUDED_FOLDERS.intersection(relative.parts) or path.suffix in EXCLUDED_SUFFIXES:
            continue
        # Editors and atomic writers leave hidden temporary files for a moment.
        if path.name.startswith("."):
            continue
        if path.suffix == ".py":
            needed = third_party_imports(path)
            if needed:
                left_out[relative] = needed
                continue
        vendored.append(path)
    return vendored, left_out


def _localised_values(french: str, english: str) -> str:
    return (
        f'<value xml:lang="fr">{escape(french)}</value>'
        f'<value xml:lang="en-US">{escape(english)}</value>'
    )


def _menu_item(name: str, url: str, title: str) -> str:
    return (
        f'<node oor:name="{name}" oor:op="replace">'
        f'<prop oor:name="URL" oor:type="xs:string"><value>{escape(url)}</value></prop>'
        f'<prop oor:name="Title" oor:type="xs:string">{title}</prop>'
        '<prop oor:name="Target" oor:type="xs:string"><value>_self</value></prop>'
        f'<prop oor:name="Context" oor:type="xs:string"><value>{SPREADSHEET_CONTEXT}</value></prop>'
        "</node>\n"
    )


def addons_xcu() -> str:
    """Return Addons.xcu: a "Mycélium" menu in Calc's menu bar with French and English labels."""
    items = []
    for index, entry in enumerate(MENU_ENTRIES, start=1):
        if entry.separator_before and index > 1:
            items.append(_menu_item(f"m{index:02d}a", "private:separator", "<value/>"))
        items.append(_menu_item(f"m{index:02d}", entry.url, _localised_values(entry.label_fr, entry.label_en)))
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<oor:component-data xmlns:oor="http://openoffice.org/2001/registry" '
        'xmlns:xs="http://www.w3.org/2001/XMLSchema" oor:name="Addons" oor:package="org.openoffice.Office">\n'
        '<node oor:name="AddonUI"><node oor:name="OfficeMenuBar">\n'
        f'<node oor:name="{IMPLEMENTATION_NAME}" oor:op="replace">\n'
        f'<prop oor:name="Title" oor:type="xs:string">{_localised_values(MENU_TITLE, MENU_TITLE)}</prop>\n'
        f'<prop oor:name="Context" oor:type="xs:string"><value>{SPREADSHEET_CONTEXT}</value></prop>\n'
        '<node oor:name="Submenu">\n'
        + "".join(items)
        + "</node>\n</node>\n</node></node>\n</oor:component-data>\n"
    )


def _write(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    archive.writestr(info, data)


def build(output_folder: Path) -> Path:
    """Write the .oxt into ``output_folder`` and return its path."""
    version = engine_version()
    target = output_folder / f"mycelium-sheets-{version}.oxt"
    output_folder.mkdir(parents=True, exist_ok=True)
    vendored, left_out = engine_files()
    for relative, needed in sorted(left_out.items()):
        print(f"left out mycelium_sheets/{relative}: imports {', '.join(sorted(needed))} when loaded", file=sys.stderr)

    # Written under a temporary name first, so an interrupted build never
    # leaves a truncated .oxt that looks complete.
    partial = target.with_name(target.name + ".part")
    with zipfile.ZipFile(partial, "w") as archive:
        for path in sorted(SOURCE.rglob("*")):
            relative = path.relative_to(SOURCE)
            if path.is_dir() or "__pycache__" in relative.parts or path.suffix in EXCLUDED_SUFFIXES:
                continue
            data = path.read_bytes()
            if relative.as_posix() == "description.xml":
                data = data.replace(b"@VERSION@", version.encode())
            _write(archive, relative.as_posix(), data)
        _write(archive, "Addons.xcu", addons_xcu().encode("utf-8"))
        for path in vendored:
            _write(archive, "pythonpath/mycelium_sheets/" + path.relative_to(ENGINE).as_posix(), path.read_bytes())
        _write(archive, "LICENSE-NOTICE.txt", (
            "Mycélium sheets is free software under the GNU Affero General Public License, "
            "version 3 or any later version (AGPL-3.0-or-later).\n"
        ).encode("utf-8"))
    partial.replace(target)
    return target


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Build the Mycélium sheets LibreOffice extension (.oxt).")
    parser.add_argument("--output", type=Path, default=REPOSITORY / "dist", help="folder to write the .oxt into (default: dist/)")
    arguments = parser.parse_args(argv)
    print(build(arguments.output))


if __name__ == "__main__":
    main()
