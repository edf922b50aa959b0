"""write_engine_sheets on copies of the LibreOffice fixtures."""

from __future__ import annotations

import datetime
import errno
import os
import re
import shutil
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest

from mycelium_sheets.errors import FileFormatError, SheetNameConflictError, WorkbookLockedError, WorkbookWriteError
from mycelium_sheets.workbook import Column, Image, SheetLayout, read_workbook, write_engine_sheets
from mycelium_sheets.workbook import save as save_module

FIXTURES = Path(__file__).parent / "fixtures"
FORMATS = ["ods", "xlsx"]


def harvest_layout() -> SheetLayout:
    layout = SheetLayout(
        key="harvest",
        name="Récolte",
        columns=[Column("text", 4), Column("quantity", 2.5), Column("money", 3), Column("date", 3), Column("percent", 2)],
        freeze_rows=1,
        page_breaks=[3],
        landscape=True,
    )
    layout.add_row(["Produit", "Quantité", "Prix", "Date", "Taux"], "header")
    layout.add_row(["Carotte", 10.5, Decimal("12.30"), datetime.date(2027, 3, 14), 0.055])
    layout.add_row(["Poireau  x\nligne 2", 20, 1234.5, datetime.datetime(2027, 3, 14, 8, 30), 1])
    layout.add_row(["Total", 30.5, None, None, None], "total")
    return layout


def copy_fixture(tmp_path: Path, fmt: str) -> Path:
    path = tmp_path / f"ferme.{fmt}"
    shutil.copy(FIXTURES / f"farm.{fmt}", path)
    return path


@pytest.mark.parametrize("fmt", FORMATS)
def test_engine_sheet_values(tmp_path, fmt):
    path = copy_fixture(tmp_path, fmt)

    write_engine_sheets(path, [harvest_layout()])

    workbook = read_workbook(path)
    assert workbook.sheets["Récolte"].rows == [
        ["Produit", "Quantité", "Prix", "Date", "Taux"],
        ["Carotte", 10.5, 12.3, datetime.date(2027, 3, 14), 0.055],
        ["Poireau  x\nligne 2", 20, 1234.5, datetime.datetime(2027, 3, 14, 8, 30), 1],
        ["Total", 30.5],
    ]
    assert workbook.engine_sheets == {"Récolte"}
    assert list(workbook.sheets) == ["Données", "Caché", "Récolte", "Calculs"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_new_sheet_added_last(tmp_path, fmt):
    path = copy_fixture(tmp_path, fmt)
    layout = SheetLayout(key="packing", name="Colisage d'été & co", columns=[Column("integer", 2)])
    layout.add_row([7])
    layout.add_row([True])

    write_engine_sheets(path, [layout])
    write_engine_sheets(path, [layout])

    workbook = read_workbook(path)
    assert list(workbook.sheets)[-1] == "Colisage d'été & co"
    assert workbook.sheets["Colisage d'été & co"].rows == [[7], [True]]
    assert workbook.engine_sheets == {"Récolte", "Colisage d'été & co"}


@pytest.mark.parametrize("fmt", FORMATS)
def test_remove_engine_sheet(tmp_path, fmt):
    path = copy_fixture(tmp_path, fmt)

    write_engine_sheets(path, [], remove=["Récolte"])

    workbook = read_workbook(path)
    assert list(workbook.sheets) == ["Données", "Caché", "Calculs"]
    assert workbook.engine_sheets == set()


@pytest.mark.parametrize("fmt", FORMATS)
def test_farmer_sheet_never_overwritten(tmp_path, fmt):
    path = copy_fixture(tmp_path, fmt)
    before = path.read_bytes()
    layout = SheetLayout(key="data", name="Données", columns=[Column("text")])

    with pytest.raises(SheetNameConflictError) as error:
        write_engine_sheets(path, [layout])
    with pytest.raises(SheetNameConflictError):
        write_engine_sheets(path, [], remove=["Calculs"])

    assert "Données" in str(error.value)
    assert "Rename" in str(error.value)
    assert path.read_bytes() == before


@pytest.mark.parametrize("fmt", FORMATS)
def test_locked_workbook(tmp_path, fmt):
    path = copy_fixture(tmp_path, fmt)
    before = path.read_bytes()

    for lock in (f".~lock.{path.name}#", f"~${path.name}"):
        (tmp_path / lock).write_text("Marie,host,01.01.2027 10:00;")
        with pytest.raises(WorkbookLockedError) as error:
            write_engine_sheets(path, [harvest_layout()])
        assert "--output" in str(error.value)
        (tmp_path / lock).unlink()

    assert path.read_bytes() == before


@pytest.mark.parametrize("fmt", FORMATS)
def test_output_leaves_source(tmp_path, fmt):
    path = copy_fixture(tmp_path, fmt)
    before = path.read_bytes()
    (tmp_path / f".~lock.{path.name}#").write_text("open in LibreOffice")

    written = write_engine_sheets(path, [harvest_layout()], output=tmp_path / f"copie.{fmt}")

    assert written == tmp_path / f"copie.{fmt}"
    assert path.read_bytes() == before
    assert read_workbook(written).sheets["Récolte"].rows[1][0] == "Carotte"


def test_output_other_format_rejected(tmp_path):
    path = copy_fixture(tmp_path, "ods")

    with pytest.raises(FileFormatError) as error:
        write_engine_sheets(path, [harvest_layout()], output=tmp_path / "copie.xlsx")

    assert "not supported" in str(error.value)
    assert not (tmp_path / "copie.xlsx").exists()


@pytest.mark.parametrize("name", ["farm.xls"])
def test_xls_not_writable(tmp_path, name):
    path = tmp_path / name
    shutil.copy(FIXTURES / name, path)

    with pytest.raises(FileFormatError) as error:
        write_engine_sheets(path, [harvest_layout()])

    assert "--output file.ods" in str(error.value)


def test_csv_not_writable(tmp_path):
    path = tmp_path / "commandes.csv"
    path.write_text("Client;Produit\nAmap;Poireau\n", encoding="utf-8")

    with pytest.raises(FileFormatError) as error:
        write_engine_sheets(path, [harvest_layout()])

    assert "--output file.ods" in str(error.value)


@pytest.mark.parametrize("fmt", FORMATS)
def test_backups_kept_and_pruned(tmp_path, fmt, monkeypatch):
    path = copy_fixture(tmp_path, fmt)
    original = path.read_bytes()
    stamps = iter(datetime.datetime(2027, 1, 1, 8, 0, second) for second in range(12))

    class FixedClock(datetime.datetime):
        @classmethod
        def now(cls, tz=None):
            return next(stamps)

    monkeypatch.setattr(save_module.datetime, "datetime", FixedClock)
    for _ in range(12):
        write_engine_sheets(path, [harvest_layout()])

    backups = sorted(entry.name for entry in (tmp_path / ".mycelium-backups").iterdir())
    assert len(backups) == 10
    assert backups[0] == f"ferme.20270101-080002.{fmt}"
    assert backups[-1] == f"ferme.20270101-080011.{fmt}"
    assert sorted(entry.name for entry in tmp_path.iterdir()) == [".mycelium-backups", path.name]
    assert original != path.read_bytes()


@pytest.mark.parametrize("fmt", FORMATS)
def test_disk_full_leaves_workbook(tmp_path, fmt, monkeypatch):
    path = copy_fixture(tmp_path, fmt)
    before = path.read_bytes()

    def full_disk(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(WorkbookWriteError) as error:
        write_engine_sheets(path, [harvest_layout()])

    assert "disk is full" in str(error.value)
    assert path.read_bytes() == before
    assert [entry.name for entry in tmp_path.iterdir()] == [path.name]


@pytest.mark.parametrize("fmt", FORMATS)
def test_failed_rename_removes_backup(tmp_path, fmt, monkeypatch):
    path = copy_fixture(tmp_path, fmt)
    before = path.read_bytes()

    def refuse(*args, **kwargs):
        raise OSError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(WorkbookWriteError) as error:
        write_engine_sheets(path, [harvest_layout()])

    assert "read-only" in str(error.value)
    assert path.read_bytes() == before
    assert [entry.name for entry in tmp_path.iterdir()] == [path.name]


READ_ONLY_SCRIPT = """
import sys
from mycelium_sheets.errors import WorkbookWriteError
from mycelium_sheets.workbook import write_engine_sheets
from mycelium_sheets.workbook.layout import Column, SheetLayout
try:
    write_engine_sheets(sys.argv[1], [SheetLayout("harvest", "Récolte", [Column("text")], [["Radis"]])])
except WorkbookWriteError as error:
    print("refused:", error)
    sys.exit(3)
"""


@pytest.mark.skipif(os.name != "posix" or os.geteuid() != 0 or shutil.which("setpriv") is None,
                    reason="needs root to run the writer as another user")
def test_read_only_folder_for_another_user():
    # Root writes anywhere, so the writer runs as the user "nobody" on a
    # folder that only root may write to, as a farmer's process would meet
    # a read-only folder.
    import subprocess
    import sys
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="mycelium-ro-"))
    try:
        folder.chmod(0o755)
        path = copy_fixture(folder, "ods")
        path.chmod(0o644)
        before = path.read_bytes()
        root = Path(__file__).resolve().parents[2]
        as_nobody = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", sys.executable]
        environment = {**os.environ, "PYTHONPATH": str(root)}
        probe = subprocess.run([*as_nobody, "-c", "import mycelium_sheets.workbook"],
                               capture_output=True, text=True, cwd="/", env=environment)
        if probe.returncode != 0:
            pytest.skip("the user nobody cannot read this Python installation: " + probe.stderr[-200:])
        result = subprocess.run([*as_nobody, "-c", READ_ONLY_SCRIPT, str(path)],
                                capture_output=True, text=True, cwd="/", env=environment)
        assert result.returncode == 3, result.stdout + result.stderr
        assert "refused:" in result.stdout
        assert path.read_bytes() == before
        assert sorted(entry.name for entry in folder.iterdir()) == [path.name]
    finally:
        shutil.rmtree(folder)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores folder permissions")
def test_read_only_folder(tmp_path):
    path = copy_fixture(tmp_path, "ods")
    before = path.read_bytes()
    tmp_path.chmod(0o555)
    try:
        with pytest.raises(WorkbookWriteError):
            write_engine_sheets(path, [harvest_layout()])
    finally:
        tmp_path.chmod(0o755)
    assert path.read_bytes() == before


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _ods_tables(content: bytes) -> dict[str, bytes]:
    tables = re.findall(rb'(<table:table table:name="([^"]*)".*?</table:table>)', content, re.S)
    return {name.decode(): element for element, name in tables}


def test_ods_preserves_other_parts(tmp_path):
    path = copy_fixture(tmp_path, "ods")
    before = _members(path)
    layout = harvest_layout()
    layout.landscape = False

    write_engine_sheets(path, [layout])

    after = _members(path)
    changed = {name for name in before if before[name] != after.get(name)}
    assert changed == {"content.xml", "meta.xml", "settings.xml"}
    assert set(after) == set(before)

    old_tables = _ods_tables(before["content.xml"])
    new_tables = _ods_tables(after["content.xml"])
    for name in ("Données", "Caché"):
        assert new_tables[name] == old_tables[name]
    assert new_tables["Récolte"] != old_tables["Récolte"]

    # Calculs only loses the cached result of the formula that reads Récolte.
    assert b'office:value="3"' in old_tables["Calculs"]
    assert b'office:value="3"' not in new_tables["Calculs"]
    assert 'table:formula="of:=SUM([$Récolte.B2:.B100])"'.encode() in new_tables["Calculs"]
    assert b'office:value="6"' in new_tables["Calculs"]
    assert after["settings.xml"].startswith(before["settings.xml"][:200])

    # The farmer's frozen header row on Données keeps its settings entry.
    frozen = re.compile(rb'<config:config-item-map-entry config:name="Donn\xc3\xa9es">.*?</config:config-item-map-entry>', re.S)
    (kept,) = frozen.findall(before["settings.xml"])
    assert b'"VerticalSplitPosition" config:type="int">1<' in kept
    assert frozen.findall(after["settings.xml"]) == [kept]


def test_ods_landscape_only_adds_to_styles(tmp_path):
    path = copy_fixture(tmp_path, "ods")
    before = _members(path)["styles.xml"]

    write_engine_sheets(path, [harvest_layout()])

    after = _members(path)["styles.xml"]
    stripped = re.sub(rb'<style:page-layout style:name="myc-pm-landscape">.*?</style:page-layout>', b"", after)
    stripped = stripped.replace(b'<style:master-page style:name="myc-landscape" style:page-layout-name="myc-pm-landscape"/>', b"")
    assert stripped == before


def test_xlsx_preserves_other_parts(tmp_path):
    path = copy_fixture(tmp_path, "xlsx")
    before = _members(path)

    write_engine_sheets(path, [harvest_layout()])

    after = _members(path)
    changed = {name for name in before if before[name] != after.get(name)}
    # sheet3 is Récolte, sheet4 is Calculs whose formula reads Récolte.
    assert changed == {
        "xl/workbook.xml",
        "xl/styles.xml",
        "docProps/custom.xml",
        "xl/worksheets/sheet3.xml",
        "xl/worksheets/sheet4.xml",
    }
    assert set(after) == set(before)
    assert b"<v>3</v>" not in after["xl/worksheets/sheet4.xml"]
    assert after["xl/styles.xml"].startswith(before["xl/styles.xml"][: before["xl/styles.xml"].index(b"<numFmts")])


@pytest.mark.parametrize("fmt", FORMATS)
def test_styles_do_not_grow(tmp_path, fmt):
    path = copy_fixture(tmp_path, fmt)

    write_engine_sheets(path, [harvest_layout()])
    first = _members(path)
    write_engine_sheets(path, [harvest_layout()])
    second = _members(path)

    part = "content.xml" if fmt == "ods" else "xl/styles.xml"
    assert len(second[part]) == len(first[part])
    if fmt == "ods":
        assert second["styles.xml"] == first["styles.xml"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_image_added(tmp_path, fmt):
    path = copy_fixture(tmp_path, fmt)
    picture = tmp_path / "plan.png"
    picture.write_bytes(_png_bytes())
    layout = harvest_layout()
    layout.images.append(Image(path=picture, row=5, column=1, width_cm=4, height_cm=3))

    write_engine_sheets(path, [layout])
    members = _members(path)

    assert [name for name, data in members.items() if data == picture.read_bytes()]
    write_engine_sheets(path, [harvest_layout()])
    assert not [name for name, data in _members(path).items() if data == picture.read_bytes()]


def _png_bytes() -> bytes:
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    pixels = zlib.compress(b"\x00\xff\x00\x00" * 1)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def test_openpyxl_reopens_xlsx_with_added_sheet(tmp_path):
    # openpyxl declares the relationships prefix on each <sheet> element and
    # not on the root, so an added sheet must declare it too.
    import shutil

    from openpyxl import load_workbook

    from mycelium_sheets.workbook import write_engine_sheets
    from mycelium_sheets.workbook.layout import Column, SheetLayout

    path = tmp_path / "ferme.xlsx"
    shutil.copyfile(Path(__file__).parents[2] / "workbook_templates" / "ferme.xlsx", path)
    write_engine_sheets(path, [SheetLayout("harvest", "Récolte", [Column("text")], [["Radis"]])], backup=False)

    book = load_workbook(path)
    assert book["Récolte"]["A1"].value == "Radis"
    assert "Produits" in book.sheetnames


def test_read_only_workbook_is_not_written(tmp_path):
    # Root may write any file, so the engine reads the permission bits: a
    # farmer who made the workbook read-only means it to stay as it is.
    path = copy_fixture(tmp_path, "ods")
    path.chmod(0o444)
    before = path.read_bytes()
    with pytest.raises(WorkbookWriteError) as error:
        write_engine_sheets(path, [harvest_layout()])
    assert "read-only" in str(error.value)
    assert path.read_bytes() == before
    assert sorted(entry.name for entry in tmp_path.iterdir()) == [path.name]


@pytest.mark.parametrize("fmt", FORMATS)
def test_output_file_gets_the_usual_mode(tmp_path, fmt):
    # A new file is created with the mode of any new file of the user
    # (0o666 less the umask), not the 0o600 of a temporary file.
    path = copy_fixture(tmp_path, fmt)
    output = tmp_path / f"out.{fmt}"
    previous = os.umask(0o022)
    try:
        write_engine_sheets(path, [harvest_layout()], output=output)
    finally:
        os.umask(previous)
    assert output.stat().st_mode & 0o777 == 0o644
