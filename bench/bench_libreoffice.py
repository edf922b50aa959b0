"""Time the Calc menu actions against the command line on the example workbook.

Each menu action is dispatched in a headless LibreOffice with the extension
installed. It is timed from the dispatch to its return, which covers reading
the open document with getDataArray, computing and writing the sheets with
setDataArray.
The same work through the library, as ``mycelium`` does it, reads the file
with python-calamine and writes the sheets into the file. Prints a Markdown
table of the best of N runs.

Usage: ``python bench/bench_libreoffice.py [RUNS]`` (needs soffice and python3-uno).
"""

from __future__ import annotations

import datetime as dt
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPOSITORY))
sys.path.insert(0, str(REPOSITORY / "plugins" / "libreoffice"))

from build import build  # noqa: E402
from mycelium_sheets.i18n import set_language  # noqa: E402
from tests.libreoffice.office import install_and_start  # noqa: E402

EXAMPLE = REPOSITORY / "examples" / "ferme-exemple.ods"


def cli_check(path: Path) -> None:
    from mycelium_sheets.schema.load import load_farm

    load_farm(path)


def cli_deliveries(path: Path) -> None:
    from mycelium_sheets.orders import deliveries_layouts, prepare_deliveries
    from mycelium_sheets.workbook import write_engine_sheets

    write_engine_sheets(path, deliveries_layouts(prepare_deliveries(path, date="2027-06-10")), backup=False)


def cli_plan(path: Path) -> None:
    from mycelium_sheets.planning.run import plan_workbook

    plan_workbook(path, 2027, charts=False)


CASES = (
    ("Check workbook", "check", cli_check),
    ("Prepare deliveries of 10/06/2027", "deliveries&date=2027-06-10", cli_deliveries),
    ("Compute the 2027 crop plan", "plan&season=2027", cli_plan),
)


def best_cli(function, folder: Path, runs: int) -> float:
    times = []
    for run in range(runs):
        path = folder / f"cli-{run}.ods"
        shutil.copyfile(EXAMPLE, path)
        started = time.perf_counter()
        function(path)
        times.append(time.perf_counter() - started)
    return min(times)


def best_menu(office, action: str, folder: Path, runs: int) -> float:
    times = []
    for run in range(runs):
        path = folder / f"menu-{run}.ods"
        shutil.copyfile(EXAMPLE, path)
        times.append(office.call("run", str(path), "-", action)["timings"][0])
    return min(times)


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    set_language("en")
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        office = install_and_start(folder / "profile", build(folder / "dist"))
        try:
            rows = [(label, best_menu(office, action, folder, runs), best_cli(function, folder, runs))
                    for label, action, function in CASES]
        finally:
            office.stop()

    print(f"Example workbook, best of {runs} runs, {dt.date.today().isoformat()}, Python {platform.python_version()}, "
          f"{platform.machine()}.\n")
    print("| Action | Calc menu (s) | Command line library (s) |")
    print("|---|---|---|")
    for label, menu, cli in rows:
        print(f"| {label} | {menu:.2f} | {cli:.2f} |")


if __name__ == "__main__":
    main()
