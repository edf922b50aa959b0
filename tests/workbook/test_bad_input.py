"""Files that are not readable workbooks raise FileFormatError and stay unchanged."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

from mycelium_sheets.errors import FileFormatError
from mycelium_sheets.workbook import SheetLayout, Column, read_workbook, write_engine_sheets

FIXTURES = Path(__file__).parent / "fixtures"


def _layout() -> SheetLayout:
    layout = SheetLayout(key="harvest", name="Récolte", columns=[Column("text")])
    layout.add_row(["Carotte"])
    return layout


def _check_rejected(path: Path, *words: str) -> FileFormatError:
    before = path.read_bytes() if path.exists() else None
    with pytest.raises(FileFormatError) as read_error:
        read_workbook(path)
    with pytest.raises(FileFormatError):
        write_engine_sheets(path, [_layout()])

    message = str(read_error.value)
    assert path.name in message
    for word in words:
        assert word in message
    assert read_error.value.remedy
    if before is not None:
        assert path.read_bytes() == before
    assert sorted(entry.name for entry in path.parent.iterdir()) == sorted([path.name] if before is not None else [])
    return read_error.value


def test_missing_file(tmp_path):
    _check_rejected(tmp_path / "absent.ods", "not found")


def test_unknown_extension(tmp_path):
    path = tmp_path / "ferme.numbers"
    path.write_bytes(b"data")
    _check_rejected(path, ".numbers")


def test_excel_owner_file(tmp_path):
    # Excel writes a small "~$" file holding the user's name while the workbook is open.
    path = tmp_path / "~$ferme.xlsx"
    path.write_bytes(b"\x05Marie" + b" " * 48 + b"\x05\x00M\x00a\x00r\x00i\x00e\x00" + b"\x00" * 100)
    _check_rejected(path, "lock file")


def test_pdf_renamed_ods(tmp_path):
    path = tmp_path / "factures.ods"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n")
    _check_rejected(path, "not a spreadsheet")


def test_encrypted_xlsx(tmp_path):
    # An encrypted .xlsx is an OLE2 compound file with an EncryptionInfo stream.
    path = tmp_path / "secret.xlsx"
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    path.write_bytes(header + "EncryptionInfo".encode("utf-16-le") + b"\x00" * 1024)
    _check_rejected(path, "password")


def test_encrypted_ods(tmp_path):
    path = tmp_path / "secret.ods"
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">'
        '<manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="AAAA"/></manifest:file-entry></manifest:manifest>'
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", b"\x8a\x01encrypted bytes")
        archive.writestr("META-INF/manifest.xml", manifest)
    _check_rejected(path, "password")


def test_truncated_zip(tmp_path):
    path = tmp_path / "coupé.xlsx"
    data = (FIXTURES / "farm.xlsx").read_bytes()
    path.write_bytes(data[: len(data) // 2])
    _check_rejected(path, "damaged")


def test_zip_bomb_refused(tmp_path):
    # 200 MiB of zeros compress to about 200 KiB: far beyond any real XML ratio.
    path = tmp_path / "bombe.ods"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", compress_type=zipfile.ZIP_STORED)
        with archive.open("content.xml", "w", force_zip64=True) as member:
            block = b"\x00" * (1024 * 1024)
            for _ in range(200):
                member.write(block)
    error = _check_rejected(path, "content.xml")
    assert "209715200" in str(error)


def test_xlsx_named_xls(tmp_path):
    path = tmp_path / "ferme.xls"
    shutil.copy(FIXTURES / "farm.xlsx", path)
    _check_rejected(path, ".xlsx")


def test_ods_named_xlsx(tmp_path):
    path = tmp_path / "ferme.xlsx"
    shutil.copy(FIXTURES / "farm.ods", path)
    _check_rejected(path, ".ods")
