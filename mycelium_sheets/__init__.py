"""Mycélium sheets: the farm workbook engine for market gardeners."""

__version__ = "0.1.0"
