"""The built package carries every data file: catalogues, taxonomies, fonts, templates.

An editable install reads the source tree, so the tests would pass even if
``pip install .`` left data files out; this test builds the wheel a user
installs and compares its contents with the source tree.
"""

import shutil
import subprocess
import sys
import zipfile

from conftest import ROOT, TEMPLATES


def build_wheel(folder):
    # The build runs on a copy, so that no build/ folder left in the tree
    # adds stale files, and pip builds in an isolated environment with the
    # setuptools that pyproject.toml requires, as it does for a user.
    source = folder / "source"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(
        ".git", ".ci", "build", "dist", "*.egg-info", "node_modules", "__pycache__", "tests", "bench", "docs"))
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(folder), str(source)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    (wheel,) = folder.glob("mycelium_sheets-*.whl")
    return wheel


def test_wheel_has_every_data_file(tmp_path):
    wheel = build_wheel(tmp_path)
    with zipfile.ZipFile(wheel) as archive:
        packaged = {name for name in archive.namelist() if not name.endswith((".py", ".pyc")) and ".dist-info/" not in name}

    source = {str(path.relative_to(ROOT)) for path in (ROOT / "mycelium_sheets").rglob("*")
              if path.is_file() and path.suffix not in (".py", ".pyc") and "__pycache__" not in path.parts}
    templates = {f"mycelium_sheets/templates/{path.name}" for path in TEMPLATES.iterdir() if path.suffix in (".ods", ".xlsx")}

    assert source - packaged == set()
    assert templates - packaged == set()
    assert any(name.startswith("mycelium_sheets/locale/fr/") for name in packaged)
