"""Charts of the crop plan, drawn with matplotlib as PNG and SVG files.

matplotlib is imported inside the functions, so the planning core runs
without it (as in LibreOffice's bundled Python, where charts are skipped).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from ..i18n import pick
from ..model.units import normalise_label
from ..workbook.layout import Image, SheetLayout
from .plan import PlanResult
from .reference import family_label

CM_PER_INCH = 2.54


@dataclass
class Chart:
    """One chart written as PNG and SVG, and the engine sheet it belongs in."""

    sheet_key: str
    png: Path
    svg: Path
    width_cm: float
    height_cm: float


def _pyplot():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as pyplot

    return pyplot


def _save(figure, pyplot, folder: Path, name: str, sheet_key: str) -> Chart:
    png, svg = folder / f"{name}.png", folder / f"{name}.svg"
    figure.savefig(png, dpi=120, bbox_inches="tight")
    figure.savefig(svg, bbox_inches="tight")
    width, height = figure.get_size_inches()
    pyplot.close(figure)
    return Chart(sheet_key, png, svg, round(width * CM_PER_INCH, 1), round(height * CM_PER_INCH, 1))


def occupancy_chart(result: PlanResult, folder: Path, name: str, language: str) -> Chart:
    """Draw beds × weeks, each planting as a bar coloured by its family."""
    pyplot = _pyplot()
    first = result.season.first_week
    span = result.season.last_week - first + 1
    beds = [bed.bed for bed in result.beds]
    rows = {normalise_label(bed): index for index, bed in enumerate(beds)}
    families = sorted({occupation.family or "?" for occupation in result.occupations})
    palette = pyplot.get_cmap("tab20")
    colours = {family: palette(index % 20) for index, family in enumerate(families)}

    figure, axes = pyplot.subplots(figsize=(12, max(3, 0.25 * len(beds) + 1.5)))
    for occupation in result.occupations:
        row = rows.get(normalise_label(occupation.bed))
        if row is None:
            continue
        start = max(occupation.first_week - first, 0)
        stop = min(occupation.last_week - first, span - 1)
        if stop < start:
            continue
        axes.broken_barh([(start, stop - start + 1)], (row - 0.4, 0.8), facecolors=colours[occupation.family or "?"],
                         edgecolor="white", linewidth=0.5)
    axes.set_yticks(range(len(beds)), beds)
    axes.invert_yaxis()
    axes.set_xlim(0, span)
    ticks = list(range(0, span, 4))
    axes.set_xticks(ticks, [f"{(first + tick).week:02d}" for tick in ticks])
    axes.set_xlabel(pick("Semaine ISO", "ISO week", language))
    axes.set_title(pick("Occupation des planches, saison {season}", "Bed occupancy, season {season}", language).format(
        season=result.season.year))
    handles = [pyplot.Rectangle((0, 0), 1, 1, color=colours[family]) for family in families]
    labels = [family_label(family, language) if family != "?" else pick("famille inconnue", "unknown family", language)
              for family in families]
    if handles:
        axes.legend(handles, labels, loc="upper left", bbox_to_anchor=(1.01, 1), fontsize="small")
    return _save(figure, pyplot, folder, name, "occupancy")


def forecast_chart(result: PlanResult, folder: Path, name: str, language: str) -> Chart:
    """Draw, per crop, the weekly target as a line and the forecast on beds as bars."""
    pyplot = _pyplot()
    crops: dict[str, list] = {}
    for row in result.forecast:
        crops.setdefault(row.crop, []).append(row)
    count = max(len(crops), 1)
    columns = min(3, count)
    lines = math.ceil(count / columns)
    figure, grid = pyplot.subplots(lines, columns, figsize=(4.2 * columns, 2.6 * lines), squeeze=False)
    first = result.season.first_week

    for axes, (crop, rows) in zip(grid.flat, sorted(crops.items())):
        offsets = [row.week - first for row in rows]
        axes.bar(offsets, [float(row.forecast) for row in rows], width=0.8, color="#6a9f58",
                 label=pick("prévision", "forecast", language))
        axes.step(offsets, [float(row.target) for row in rows], where="mid", color="#c0392b",
                  label=pick("objectif", "target", language))
        axes.set_title(f"{crop} ({rows[0].unit.label(language)})", fontsize="medium")
        axes.set_xlim(-1, result.season.last_week - first + 1)
        ticks = list(range(0, result.season.last_week - first + 1, 8))
        axes.set_xticks(ticks, [f"{(first + tick).week:02d}" for tick in ticks], fontsize="small")
    for axes in list(grid.flat)[len(crops):]:
        axes.set_visible(False)
    if crops:
        grid.flat[0].legend(fontsize="small")
    figure.suptitle(pick("Prévision et objectif par semaine", "Forecast and target per week", language))
    figure.tight_layout()
    return _save(figure, pyplot, folder, name, "forecast")


def write_charts(result: PlanResult, folder: Path, stem: str, language: str) -> list[Chart]:
    """Write the occupancy and forecast charts as ``<stem>-occupation``/``<stem>-prevision`` (.png, .svg)."""
    folder.mkdir(parents=True, exist_ok=True)
    occupancy_name = pick("occupation", "occupancy", language)
    forecast_name = pick("prevision", "forecast", language)
    return [occupancy_chart(result, folder, f"{stem}-{occupancy_name}", language),
            forecast_chart(result, folder, f"{stem}-{forecast_name}", language)]


def attach_charts(layouts: list[SheetLayout], charts: list[Chart]) -> None:
    """Anchor each chart's PNG two rows below the last row of its sheet."""
    by_key = {layout.key: layout for layout in layouts}
    for chart in charts:
        layout = by_key.get(chart.sheet_key)
        if layout is None:
            continue
        layout.images.append(Image(chart.png, len(layout.rows) + 1, 0, chart.width_cm, chart.height_cm))
