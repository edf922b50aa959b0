import shutil

from click.testing import CliRunner

from mycelium_sheets.cli import build_cli
from mycelium_sheets.i18n import set_language

from .conftest import EXAMPLE_WORKBOOK, TEMPLATE, require


def run(*args):
    set_language("en")
    return CliRunner().invoke(build_cli(), list(args), catch_exceptions=False)


def test_export_import_publish_commands(tmp_path):
    require(EXAMPLE_WORKBOOK.exists() and TEMPLATE.exists(), "example workbook or template is missing")
    workbook = tmp_path / "ferme.ods"
    shutil.copy(EXAMPLE_WORKBOOK, workbook)
    output = tmp_path / "catalogue.ttl"

    result = run("dfc", "export", str(workbook), "-o", str(output))
    assert result.exit_code == 0, result.output
    assert output.read_text(encoding="utf-8").startswith("@prefix dfc-b:")

    empty = tmp_path / "vide.ods"
    shutil.copy(TEMPLATE, empty)
    result = run("dfc", "importer", str(output), "--vers", str(empty))
    assert result.exit_code == 0, result.output
    assert "rows added" in result.output

    result = run("dfc", "publier", str(workbook))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "ferme.ods.dfc-store").is_dir()


def test_export_refuses_missing_file(tmp_path):
    result = run("dfc", "exporter", str(tmp_path / "absent.ods"), "-o", str(tmp_path / "x.jsonld"))
    assert result.exit_code != 0


def test_import_of_broken_document_leaves_workbook(tmp_path):
    require(TEMPLATE.exists(), "template is missing")
    workbook = tmp_path / "ferme.ods"
    shutil.copy(TEMPLATE, workbook)
    before = workbook.read_bytes()
    document = tmp_path / "broken.jsonld"
    document.write_text("{not json", encoding="utf-8")
    result = run("dfc", "import", str(document), "--into", str(workbook))
    assert result.exit_code == 1
    assert "not valid JSON" in result.output
    assert workbook.read_bytes() == before


def run_in(language, *args):
    set_language(language)
    return CliRunner().invoke(build_cli(), ["--lang", language, *args], catch_exceptions=False)


def test_import_prints_counts_per_sheet(tmp_path):
    require(EXAMPLE_WORKBOOK.exists() and TEMPLATE.exists(), "example workbook or template is missing")
    workbook = tmp_path / "ferme.ods"
    shutil.copy(EXAMPLE_WORKBOOK, workbook)
    document = tmp_path / "catalogue.ttl"
    assert run("dfc", "export", str(workbook), "-o", str(document)).exit_code == 0
    empty, verbose_copy = tmp_path / "vide.ods", tmp_path / "vide2.ods"
    shutil.copy(TEMPLATE, empty)
    shutil.copy(TEMPLATE, verbose_copy)
    report = tmp_path / "rapport.txt"

    short = run_in("fr", "dfc", "importer", str(document), "--vers", str(empty), "--rapport", str(report))
    full = run_in("fr", "-v", "dfc", "importer", str(document), "--vers", str(verbose_copy))

    assert short.exit_code == 0, short.output
    assert full.exit_code == 0, full.output
    # one count line per sheet instead of one line per product, customer and order line
    assert len(short.output.splitlines()) < 20
    assert "Produits : " in short.output
    assert len(full.output.splitlines()) > 100
    assert "produit « " in full.output
    assert len(report.read_text(encoding="utf-8").splitlines()) > 100
    for text in (short.output, full.output):
        assert "SuppliedProduct" not in text
        assert "Person " not in text
