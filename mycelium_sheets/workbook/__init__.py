"""Reading and writing farm workbooks (.ods, .xlsx, .xls, .csv).

Reading goes through python-calamine. Writing splices the engine's sheets
into the existing package and copies every other part byte for byte, so the
farmer's sheets, charts, validations and styles stay exactly as they were.
"""

from .layout import Column, Image, SheetLayout
from .reader import read_workbook
from .table import Sheet, Workbook

__all__ = ["Column", "Image", "Sheet", "SheetLayout", "Workbook", "read_workbook"]
