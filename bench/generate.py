"""Generate farm workbooks for the benchmarks, in .ods and .xlsx.

Sizes: S has 300 products, 200 customers and 30,000 order lines; L has the
same catalogue and 1,000,000 order lines. The sheet names and headers come
from the standard workbook schema. Both formats are written by small
streaming writers of this script, so a million rows never sit in memory as
XML trees.

    python bench/generate.py OUTDIR [S|L ...]
"""

from __future__ import annotations

import datetime
import random
import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mycelium_sheets.schema.standard import sheet_spec  # noqa: E402

SIZES = {"S": 30_000, "L": 1_000_000}
PRODUCTS = 300
CUSTOMERS = 200
UNITS = ("kg", "botte", "pièce", "barquette")


def sheets(order_lines: int, seed: int = 7):
    """Return (sheet name, header, row iterator) for products, customers and orders."""
    rng = random.Random(seed)
    products = [(f"Légume {number:03d}", rng.choice(UNITS), round(rng.uniform(0.5, 12), 2)) for number in range(PRODUCTS)]
    customers = [f"Client {number:03d}" for number in range(CUSTOMERS)]
    start = datetime.date(2027, 1, 4)

    def product_rows():
        # 5.5 % is the reduced VAT rate of fresh vegetables in France.
        for name, unit, price in products:
            yield [name, unit, price, 0.055]

    def customer_rows():
        for name in customers:
            yield [name, "Particulier"]

    def order_rows():
        for line in range(order_lines):
            name, unit, price = products[line * 7919 % PRODUCTS]
            yield [
                start + datetime.timedelta(days=(line // 500) % 360),
                customers[line * 104729 % CUSTOMERS],
                name,
                round(0.5 + (line % 40) * 0.25, 2),
                unit,
                price,
            ]

    product_spec = sheet_spec("products")
    customer_spec = sheet_spec("customers")
    order_spec = sheet_spec("orders")
    return [
        (product_spec.name_fr, [product_spec.column(key).header_fr for key in ("name", "unit", "price", "vat_rate")], product_rows()),
        (customer_spec.name_fr, [customer_spec.column(key).header_fr for key in ("name", "type")], customer_rows()),
        (
            order_spec.name_fr,
            ["Date de livraison", "Client", "Produit", "Quantité", "Unité", "Prix unitaire HT"],
            order_rows(),
        ),
    ]


# --- ODS ---------------------------------------------------------------

_ODS_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content '
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.2">'
    '<office:automatic-styles><number:date-style style:name="N1"><number:day number:style="long"/><number:text>/</number:text>'
    '<number:month number:style="long"/><number:text>/</number:text><number:year/></number:date-style>'
    '<style:style style:name="ce1" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="N1"/>'
    "</office:automatic-styles><office:body><office:spreadsheet>"
)


def _ods_cell(value) -> str:
    if isinstance(value, datetime.date):
        return f'<table:table-cell table:style-name="ce1" office:value-type="date" office:date-value="{value.isoformat()}"><text:p>{value:%d/%m/%Y}</text:p></table:table-cell>'
    if isinstance(value, (int, float)):
        return f'<table:table-cell office:value-type="float" office:value="{value!r}"><text:p>{value!r}</text:p></table:table-cell>'
    return f'<table:table-cell office:value-type="string"><text:p>{escape(value)}</text:p></table:table-cell>'


def write_ods(path: Path, order_lines: int) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", compress_type=zipfile.ZIP_STORED)
        with archive.open("content.xml", "w", force_zip64=True) as member:
            member.write(_ODS_HEAD.encode())
            for name, header, rows in sheets(order_lines):
                member.write(f'<table:table table:name="{escape(name)}"><table:table-column table:number-columns-repeated="{len(header)}"/>'.encode())
                member.write(("<table:table-row>" + "".join(_ods_cell(text) for text in header) + "</table:table-row>").encode())
                batch = []
                for row in rows:
                    batch.append("<table:table-row>" + "".join(_ods_cell(value) for value in row) + "</table:table-row>")
                    if len(batch) == 10_000:
                        member.write("".join(batch).encode())
                        batch = []
                member.write(("".join(batch) + "</table:table>").encode())
            member.write(b"</office:spreadsheet></office:body></office:document-content>")
        archive.writestr(
            "styles.xml",
            '<?xml version="1.0" encoding="UTF-8"?>\n<office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:version="1.2"/>',
        )
        archive.writestr(
            "meta.xml",
            '<?xml version="1.0" encoding="UTF-8"?>\n<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" office:version="1.2"><office:meta/></office:document-meta>',
        )
        archive.writestr(
            "META-INF/manifest.xml",
            '<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
            '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
            '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
            '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>'
            '<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/></manifest:manifest>',
        )


# --- XLSX --------------------------------------------------------------

_EPOCH = datetime.date(1899, 12, 30)
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _column(index: int) -> str:
    return "ABCDEFGHIJ"[index]


def _xlsx_cell(reference: str, value) -> str:
    if isinstance(value, datetime.date):
        return f'<c r="{reference}" s="1"><v>{(value - _EPOCH).days}</v></c>'
    if isinstance(value, (int, float)):
        return f'<c r="{reference}"><v>{value!r}</v></c>'
    return f'<c r="{reference}" t="inlineStr"><is><t>{escape(value)}</t></is></c>'


def write_xlsx(path: Path, order_lines: int) -> None:
    parts = sheets(order_lines)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for number, (name, header, rows) in enumerate(parts, start=1):
            with archive.open(f"xl/worksheets/sheet{number}.xml", "w", force_zip64=True) as member:
                member.write(f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{_MAIN}"><sheetData>'.encode())
                member.write(('<row r="1">' + "".join(_xlsx_cell(f"{_column(i)}1", text) for i, text in enumerate(header)) + "</row>").encode())
                batch = []
                for line, row in enumerate(rows, start=2):
                    cells = "".join(_xlsx_cell(f"{_column(i)}{line}", value) for i, value in enumerate(row))
                    batch.append(f'<row r="{line}">{cells}</row>')
                    if len(batch) == 10_000:
                        member.write("".join(batch).encode())
                        batch = []
                member.write(("".join(batch) + "</sheetData></worksheet>").encode())

        sheet_elements = "".join(
            f'<sheet name="{escape(name)}" sheetId="{number}" r:id="rId{number}"/>' for number, (name, _h, _r) in enumerate(parts, start=1)
        )
        archive.writestr("xl/workbook.xml", f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><sheets>{sheet_elements}</sheets></workbook>')
        rels = "".join(
            f'<Relationship Id="rId{number}" Type="{_REL}/worksheet" Target="worksheets/sheet{number}.xml"/>' for number in range(1, len(parts) + 1)
        )
        rels += f'<Relationship Id="rIdStyles" Type="{_REL}/styles" Target="styles.xml"/>'
        archive.writestr("xl/_rels/workbook.xml.rels", f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>')
        archive.writestr(
            "xl/styles.xml",
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="{_MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>'
            '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
            '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
            '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>',
        )
        archive.writestr("_rels/.rels", f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        overrides = "".join(
            f'<Override PartName="/xl/worksheets/sheet{number}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            for number in range(1, len(parts) + 1)
        )
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
            f"{overrides}</Types>",
        )


def generate(outdir: Path, size: str) -> list[Path]:
    """Write farm-SIZE.ods and farm-SIZE.xlsx into outdir, unless already there."""
    outdir.mkdir(parents=True, exist_ok=True)
    written = []
    for suffix, writer in ((".ods", write_ods), (".xlsx", write_xlsx)):
        path = outdir / f"farm-{size}{suffix}"
        if not path.exists():
            writer(path, SIZES[size])
        written.append(path)
    return written


if __name__ == "__main__":
    for size in sys.argv[2:] or ["S"]:
        print(generate(Path(sys.argv[1]), size))
