"""Package layout that pyproject.toml cannot express alone.

The workbook templates live at the top of the source tree, in
workbook_templates/, and are installed as the data package
mycelium_sheets.templates.
"""

from setuptools import find_namespace_packages, setup

# Namespace discovery also finds the data folders without __init__.py
# (locale/fr, semantic/data, invoicing/fonts, …), so that the package-data
# patterns of pyproject.toml install their files.
setup(
    packages=find_namespace_packages(include=["mycelium_sheets", "mycelium_sheets.*"]) + ["mycelium_sheets.templates"],
    package_dir={"mycelium_sheets.templates": "workbook_templates"},
    package_data={"mycelium_sheets.templates": ["*.ods", "*.xlsx"]},
)
