"""Fixtures shared by every test folder."""

from __future__ import annotations

import os
import shutil

import pytest


@pytest.fixture(scope="session")
def soffice() -> str:
    """Return the path of LibreOffice's soffice; skip without it, fail when CI=true."""
    path = shutil.which("soffice") or shutil.which("libreoffice")
    if path is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("soffice (LibreOffice) is required when CI=true but was not found on PATH")
        pytest.skip("soffice (LibreOffice) is not installed")
    return path
