"""The vendored engine runs on a Python with the standard library only.

The script below runs with ``-S -I`` (no site-packages, no user site, no
PYTHONPATH) and the unpacked extension's ``pythonpath/`` as the only other
entry of ``sys.path``, as in a stock LibreOffice on Windows or macOS.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent('''
    import datetime as dt
    import importlib
    import json
    import pathlib
    import sys

    folder = pathlib.Path(sys.argv[1])
    sys.path.insert(0, str(folder))
    report = {"site": [entry for entry in sys.path if "site-packages" in entry or "dist-packages" in entry]}

    for name in ("click", "rdflib", "openpyxl", "python_calamine", "fpdf", "lxml", "pandas"):
        try:
            importlib.import_module(name)
            report.setdefault("third_party", []).append(name)
        except ImportError:
            pass

    failed = {}
    modules = []
    for path in sorted(folder.rglob("*.py")):
        name = ".".join(path.relative_to(folder).with_suffix("").parts)
        if name.endswith(".__init__"):
            name = name[: -len(".__init__")]
        modules.append(name)
        try:
            importlib.import_module(name)
        except Exception as error:
            failed[name] = repr(error)
    report["modules"] = len(modules)
    report["failed"] = failed

    import mycelium_sheets
    from mycelium_sheets.i18n import set_language
    from mycelium_sheets.orders import deliveries_layouts, prepare_deliveries
    from mycelium_sheets.schema.load import load_farm
    from mycelium_sheets.workbook.table import Sheet, Workbook
    from mycelium_calc.rendering import layout_array

    set_language("en")
    report["engine"] = mycelium_sheets.__file__
    sheets = {
        "Farm": [["Farm name", "Ferme des Essais"], ["Address", "1 chemin des Prés"], ["Postcode", "26400"],
                 ["City", "Crest"], ["SIREN", "123456782"], ["VAT regime", "franchise"]],
        "Products": [["Product", "Unit", "Price excl. VAT", "VAT rate"],
                     ["Carrot", "kg", 2.5, 0.055], ["Radish", "bunch", 1.2, 0.055]],
        "Customers": [["Customer", "Type"], ["Anne Martin", "individual"]],
        "Orders": [["Delivery date", "Customer", "Product", "Quantity"],
                   [dt.date(2027, 6, 10), "Anne Martin", "Carrot", 3.0],
                   [dt.date(2027, 6, 10), "Anne Martin", "Radish", 2.0]],
    }
    workbook = Workbook(path=pathlib.Path("essai.ods"), format="ods",
                        sheets={name: Sheet(name, rows) for name, rows in sheets.items()})
    data = load_farm(workbook)
    report["errors"] = [str(problem) for problem in data.errors]
    deliveries = prepare_deliveries(data, date=dt.date(2027, 6, 10))
    layouts = deliveries_layouts(deliveries, "en")
    harvest = {row[0]: row for row in layout_array(layouts[0]) if row and isinstance(row[0], str)}
    report["harvest"] = {name: [value for value in harvest[name] if isinstance(value, float)]
                         for name in ("Carrot", "Radish") if name in harvest}
    print(json.dumps(report))
''')


def _run_isolated(folder):
    completed = subprocess.run(
        [sys.executable, "-S", "-I", "-c", SCRIPT, str(folder)],
        capture_output=True, text=True, timeout=120,
    )
    assert completed.returncode == 0, completed.stderr
    return json.loads(completed.stdout.strip().splitlines()[-1])


def test_vendored_modules_import_on_bare_python(unpacked_oxt):
    report = _run_isolated(unpacked_oxt / "pythonpath")

    assert report["site"] == []
    assert report.get("third_party", []) == []
    assert report["modules"] > 50
    assert report["failed"] == {}


def test_vendored_engine_is_used(unpacked_oxt):
    report = _run_isolated(unpacked_oxt / "pythonpath")
    assert report["engine"].startswith(str(unpacked_oxt / "pythonpath"))


def test_vendored_engine_prepares_deliveries(unpacked_oxt):
    report = _run_isolated(unpacked_oxt / "pythonpath")

    assert report["errors"] == []
    # 3 kg of carrots and 2 bunches of radishes ordered, no harvest margin set.
    assert 3.0 in report["harvest"]["Carrot"]
    assert 2.0 in report["harvest"]["Radish"]
