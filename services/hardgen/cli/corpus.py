"""``hardgen corpus import``: load a corpus generated elsewhere into the analytics store."""

from __future__ import annotations

from pathlib import Path

import typer

from hardgen.cli.common import EXIT_FINDINGS, FormatOption, OutputFormat, fail, print_json, print_table, stdout

corpus_app = typer.Typer(
    help="Import a corpus of generated code (JSONL manifest) into the analytics store.", no_args_is_help=True
)


def register(app: typer.Typer) -> None:
    app.add_typer(corpus_app, name="corpus")


@corpus_app.command("import")
def import_corpus(
    manifest: Path = typer.Argument(..., help="JSONL manifest: language, model, scenario, technique, sample, path"),
    study: str = typer.Option(..., "--study", "-s", help="study name to import into"),
    scan: bool = typer.Option(False, "--scan", help="scan the files with the scanner"),
    labels: bool = typer.Option(False, "--labels", help="take the manifest's recorded findings (default)"),
    scanner: str | None = typer.Option(
        None, "--scanner", envvar="HARDGEN_SCANNER_ADDR", help="scanner gRPC address (default: in-process)"
    ),
    db: Path | None = typer.Option(None, "--db", help="DuckDB file (default: HARDGEN_DB)"),
    fmt: OutputFormat = FormatOption,
) -> None:
    """Import MANIFEST into STUDY. Malformed lines are reported and skipped (exit 1); the valid
    lines commit together; importing the same file again changes nothing."""
    if scan and labels:
        fail("choose one of --scan and --labels")
    if not study.strip():
        fail("--study must not be empty")
    if not manifest.is_file():
        fail(f"manifest not found: {manifest}")
    import duckdb

    from hardgen.analytics.corpus import ManifestError, import_manifest
    from hardgen.analytics.scanning import ScannerUnavailableError, grpc_scan_function, local_scan_function
    from hardgen.analytics.store import Store

    try:
        scan_function = None
        if scan:
            scan_function = grpc_scan_function(scanner) if scanner else local_scan_function()
        with Store(db) as store:
            result = import_manifest(store, manifest, study.strip(), "scan" if scan else "labels", scan_function)
    except (ManifestError, ScannerUnavailableError) as exc:
        fail(str(exc), EXIT_FINDINGS)
    except (OSError, duckdb.Error) as exc:  # e.g. the file is locked by a running analytics service
        fail(f"cannot write the analytics store: {exc}", EXIT_FINDINGS)
    data = result.as_dict()
    if fmt is OutputFormat.json:
        print_json(data)
    else:
        if result.already_imported:
            stdout.print(f"{manifest} is already imported into {study}: nothing to do")
        else:
            stdout.print(
                f"imported {result.imported} samples ({result.findings} findings) into {study}; "
                f"{result.existing} already present, {len(result.errors)} malformed lines skipped"
            )
        if result.errors:
            print_table("malformed lines", ["line", "error"], [[e.line, e.message] for e in result.errors])
    if result.errors:
        raise typer.Exit(EXIT_FINDINGS)
