"""Planning a workbook end to end: read, compute, draw the charts, write the engine sheets."""

from __future__ import annotations

import logging
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import MyceliumError
from ..i18n import _, get_language, ngettext
from ..model.farm_data import FarmData
from ..model.units import normalise_label
from .plan import PlanResult, plan_season

logger = logging.getLogger(__name__)

# Input sheets whose errors stop the plan (the sales sheets only matter with orders).
CROP_SHEETS = {"farm", "crops", "beds", "targets", "harvests", "past_plantings", "families"}


@dataclass
class PlanRun:
    """The outcome of ``plan_workbook``: the plan, the file written, the sheet names and the chart files."""

    result: PlanResult
    written: Path
    sheets: list[str]
    charts: list[Path] = field(default_factory=list)
    language: str = "fr"


def workbook_language(data: FarmData) -> str:
    """Return the workbook's language: the farm's setting, else the language of its crops sheet's name."""
    if data.farm and data.farm.language and data.farm.language.strip().lower()[:2] in ("fr", "en"):
        return data.farm.language.strip().lower()[:2]
    name = data.sheet_names.get("crops")
    if name and normalise_label(name) == normalise_label("Cultures"):
        return "fr"
    if name and normalise_label(name) == normalise_label("Crops"):
        return "en"
    return get_language()


def _raise_for_crop_errors(data: FarmData) -> None:
    """Raise the errors found in the crop sheets; a missing sales sheet does not stop a plan."""
    names = {data.sheet_names[key] for key in CROP_SHEETS if key in data.sheet_names}
    errors = [problem for problem in data.errors if problem.location.sheet in names]
    if errors:
        raise MyceliumError(
            ngettext("The workbook has {count} error:", "The workbook has {count} errors:", len(errors)).format(count=len(errors)),
            details=[str(problem) for problem in errors],
            remedy=_("Correct these cells and run the command again."))


def _draw_charts(result: PlanResult, layouts, folder: Path, stem: str, language: str) -> list:
    """Draw the charts into ``folder`` and attach them to the layouts; none without matplotlib."""
    try:
        from .charts import attach_charts, write_charts

        drawn = write_charts(result, folder, stem, language)
    except ImportError as error:
        logger.warning("charts skipped: %s", error)
        return []
    attach_charts(layouts, drawn)
    return drawn


def plan_workbook(path, year: int, *, from_orders: bool = False, output=None, charts: bool = True,
                  language: str | None = None) -> PlanRun:
    """Plan season ``year`` of the workbook at ``path`` and write its engine sheets.

    With ``from_orders`` the weekly demand comes from the order lines and
    AMAP baskets instead of the targets sheet. With ``output`` the result
    goes to that file and the workbook is left unchanged. Charts need
    matplotlib; without it they are skipped with a log message.
    """
    from ..schema.load import load_farm
    from ..workbook import write_engine_sheets
    from ..workbook.save import check_not_locked, check_writable
    from .layouts import plan_layouts

    path = Path(path)
    data = load_farm(path)
    _raise_for_crop_errors(data)
    order_lines = None
    if from_orders:
        from ..orders import collect_order_lines

        order_lines = collect_order_lines(data)

    result = plan_season(data, year, order_lines=order_lines)
    language = language or workbook_language(data)
    layouts = plan_layouts(result, language)

    # A workbook open in LibreOffice or read-only is reported before any
    # chart is drawn, so a refused run leaves no files beside it.
    target = Path(output) if output else path
    check_not_locked(target)
    check_writable(target)

    # A missing output folder is left for write_engine_sheets to report.
    chart_parent = target.parent if target.parent.is_dir() else None
    with tempfile.TemporaryDirectory(prefix=f".{target.stem}.charts-", dir=chart_parent) as folder:
        drawn = _draw_charts(result, layouts, Path(folder), target.stem, language) if charts else []
        written = write_engine_sheets(path, layouts, output=output)

        # The charts reach the workbook's folder only once the workbook is
        # written, so a failed write leaves no chart behind.
        chart_files: list[Path] = []
        for chart in drawn:
            for file in (chart.png, chart.svg):
                final = target.parent / file.name
                shutil.move(file, final)
                chart_files.append(final)

    return PlanRun(result, written, [layout.name for layout in layouts], chart_files, language)
