"""The core runs on the standard library alone, as in LibreOffice's bundled Python."""

import subprocess
import sys

from conftest import EXAMPLES, ROOT

# Compiled or heavy packages that LibreOffice's Python on Windows and macOS
# does not have; importing any of them from the core must fail the test.
BLOCKED = ["pandas", "numpy", "lxml", "PIL", "fpdf", "rdflib", "pyshacl", "pyoxigraph",
           "openpyxl", "python_calamine", "xlrd", "click", "matplotlib", "facturx"]

CORE_MODULES = ["mycelium_sheets.model.units", "mycelium_sheets.model.weeks", "mycelium_sheets.model.money",
                "mycelium_sheets.schema", "mycelium_sheets.schema.load", "mycelium_sheets.errors",
                "mycelium_sheets.workbook.layout", "mycelium_sheets.workbook.table", "mycelium_sheets.checks"]

SCRIPT = """
import sys
blocked = set(sys.argv[1].split(","))

class Blocker:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in blocked:
            raise ImportError("blocked in this test: " + name)
        return None

sys.meta_path.insert(0, Blocker())
import importlib
for module in sys.argv[2].split(","):
    importlib.import_module(module)
print("ok")
"""


def test_core_imports_without_third_party_packages():
    result = subprocess.run([sys.executable, "-c", SCRIPT, ",".join(BLOCKED), ",".join(CORE_MODULES)],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_example_is_present():
    assert (EXAMPLES / "ferme-exemple.ods").is_file()
