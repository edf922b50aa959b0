"""Known export and import formats of other farm software, read without questions.

Each module has ``NAME``, ``LABEL``, ``detect(workbook) -> bool`` and
``read(workbook, default_year=None) -> ImportPlan``. A format is recognised
by its exact column headers, so an ordinary spreadsheet never takes a
format's path by accident.
"""

from __future__ import annotations

from ...workbook.table import Workbook
from . import (cagette_members, cagette_products, farmos_harvests, ofn_products, otf_crop_plan, otf_customers,
               otf_products, repanier)

FORMATS = (otf_crop_plan, otf_products, otf_customers, cagette_products, cagette_members, farmos_harvests,
           ofn_products, repanier)


def find_format(workbook: Workbook):
    """Return the module of the known format a workbook is in, or None."""
    for module in FORMATS:
        if module.detect(workbook):
            return module
    return None


def format_by_name(name: str):
    """Return the module of a format named on the command line; raise KeyError when unknown."""
    for module in FORMATS:
        if module.NAME == name:
            return module
    raise KeyError(name)
