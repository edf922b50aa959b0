"""The ``dfc`` group: export, import and publish Data Food Consortium linked data."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import Location, MyceliumError
from ..i18n import _
from .common import AliasedGroup, handle_errors

_SUFFIX_FORMATS = {".jsonld": "jsonld", ".json": "jsonld", ".ttl": "turtle", ".nt": "ntriples"}


def register(group: click.Group) -> None:
    @group.group("dfc", cls=AliasedGroup,
                 help=_("Publish and read the farm's catalogue and orders as Data Food Consortium (DFC) linked data."))
    def dfc() -> None:
        pass

    @dfc.command("exporter", help=_("Export the farm, catalogue, customers and orders as a DFC document."))
    @click.argument("workbook", type=click.Path(exists=True, dir_okay=False, path_type=Path))
    @click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
                  help=_("File to write, such as catalogue.jsonld."))
    @click.option("--format", "file_format", type=click.Choice(["jsonld", "turtle", "ntriples"]),
                  help=_("Document format (default: from the output file's extension, else jsonld)."))
    @handle_errors
    def export_command(workbook: Path, output: Path, file_format: str | None) -> None:
        from ..schema.load import load_farm
        from ..semantic.export_graph import export_farm

        chosen = file_format or _SUFFIX_FORMATS.get(output.suffix.lower(), "jsonld")
        data = load_farm(workbook)
        document = export_farm(data, output, chosen)
        for warning in document.warnings:
            click.echo(_("warning: {problem}").format(problem=warning), err=True)
        click.echo(_("Wrote {count} triples to {path}.").format(count=len(set(document.triples)), path=output))

    dfc.add_aliases("exporter", "export")

    @dfc.command("importer", help=_("Import a DFC document (JSON-LD or Turtle) into the workbook's sheets."))
    @click.argument("document", type=click.Path(exists=True, dir_okay=False, path_type=Path))
    @click.option("--vers", "--into", "workbook", type=click.Path(exists=True, dir_okay=False, path_type=Path),
                  required=True, help=_("Workbook to fill in (.ods or .xlsx)."))
    @click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
                  help=_("Write the completed workbook to this file instead of the original."))
    @click.option("--rapport", "--report", "report_file", type=click.Path(dir_okay=False, path_type=Path),
                  help=_("Write the full report, every row included, to this file."))
    @handle_errors
    def import_command(document: Path, workbook: Path, output: Path | None, report_file: Path | None) -> None:
        from ..semantic.import_doc import import_document

        report = import_document(document, workbook, output=output)
        verbose = click.get_current_context().find_root().params.get("verbose") or 0
        click.echo(report.summary(verbose=verbose > 0))
        if report_file is not None:
            try:
                report_file.write_text(report.summary(verbose=True) + "\n", encoding="utf-8")
            except OSError as error:
                raise MyceliumError(_("the report cannot be written: {reason}").format(reason=error.strerror),
                                    location=Location(file=str(report_file)),
                                    remedy=_("Give a report file in an existing folder that you may write to.")) from None
            click.echo(_("Full report written to {path}.").format(path=report_file))
        if report.output:
            click.echo(_("Saved {path}.").format(path=report.output))

    dfc.add_aliases("importer", "import")

    @dfc.command("publier", help=_("Publish the farm's DFC graph in a store beside the workbook and, "
                                   "with --sparql, on a SPARQL endpoint."))
    @click.argument("workbook", type=click.Path(exists=True, dir_okay=False, path_type=Path))
    @click.option("--sparql", "endpoint", metavar="URL",
                  help=_("SPARQL 1.1 Graph Store address whose graph of the farm is replaced, "
                         "such as http://127.0.0.1:7878/store."))
    @click.option("--timeout", type=click.FloatRange(min=1), default=30, show_default=True,
                  help=_("Seconds to wait for the SPARQL endpoint."))
    @handle_errors
    def publish_command(workbook: Path, endpoint: str | None, timeout: float) -> None:
        from ..schema.load import load_farm
        from ..semantic.store import publish

        publication = publish(load_farm(workbook), workbook, endpoint=endpoint, timeout=timeout)
        click.echo(_("Stored {count} triples in graph {graph} of {store}.").format(
            count=publication.triples, graph=publication.graph, store=publication.store))
        if publication.endpoint:
            click.echo(_("Replaced graph {graph} on {endpoint}.").format(
                graph=publication.graph, endpoint=publication.endpoint))

    dfc.add_aliases("publier", "publish")
