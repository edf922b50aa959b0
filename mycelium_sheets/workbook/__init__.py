"""Reading and writing farm workbooks (.ods, .xlsx, .xlsm, .xls, .csv).

Reading goes through python-calamine. Writing splices the engine's sheets
into the existing package and copies every other part unchanged, so the
farmer's sheets, charts, validations and styles stay as they were.
"""

from .edits import SheetEdits, write_sheet_edits
from .layout import Column, Image, SheetLayout
from .reader import read_workbook
from .table import Sheet, Workbook
from .writer import write_engine_sheets

__all__ = [
    "Column",
    "Image",
    "Sheet",
    "SheetEdits",
    "SheetLayout",
    "Workbook",
    "read_workbook",
    "write_engine_sheets",
    "write_sheet_edits",
]
