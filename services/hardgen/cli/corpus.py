"""``hardgen corpus import``: load a corpus generated elsewhere into the analytics store."""

from __future__ import annotations

from pathlib import Path

import typer

from hardgen.cli.common import EXIT_FINDINGS, FormatOption, OutputFormat, fail, print_json, print_table, stdout
from hardgen.cli.settings import scanner_or_setting

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
    sarif: Path | None = typer.Option(
        None, "--sarif", help="take the findings from this SARIF 2.1.0 log (e.g. CodeQL's), matched to samples by path"
    ),
    sarif_root: Path | None = typer.Option(
        None, "--sarif-root", help="folder the SARIF's relative paths are relative to (default: the manifest's)"
    ),
    scanner: str | None = typer.Option(
        None,
        "--scanner",
        callback=scanner_or_setting,
        help="scanner gRPC address (default: HARDGEN_SCANNER_ADDR, else in-process)",
    ),
    db: Path | None = typer.Option(None, "--db", help="DuckDB file (default: HARDGEN_DB)"),
    fmt: OutputFormat = FormatOption,
) -> None:
    """Import MANIFEST into STUDY. Malformed lines are reported and skipped (exit 1); the valid
    lines commit together; importing the same file again changes nothing. With --sarif, a result
    that matches no sample or a malformed log is a usage error (exit 2) and nothing is imported."""
    if sum([scan, labels, sarif is not None]) > 1:
        fail("choose one of --scan, --labels and --sarif")
    if sarif is not None and not sarif.is_file():
        fail(f"SARIF file not found: {sarif}")
    if sarif_root is not None and (sarif is None or not sarif_root.is_dir()):
        fail("--sarif-root needs --sarif and an existing folder")
    if not study.strip():
        fail("--study must not be empty")
    if not manifest.is_file():
        fail(f"manifest not found: {manifest}")
    import duckdb

    from hardgen.analytics.corpus import ManifestError, Mode, import_manifest
    from hardgen.analytics.sarif_import import SarifImportError
    from hardgen.analytics.scanning import scan_function
    from hardgen.analytics.store import Store
    from hardgen.cli.scanning import scanner_port

    try:
        scan_with = None
        if scan:
            scan_with = scan_function(scanner_port(scanner))
        mode: Mode = "sarif" if sarif is not None else "scan" if scan else "labels"
        with Store(db) as store:
            result = import_manifest(
                store, manifest, study.strip(), mode, scan_with, sarif=sarif, sarif_root=sarif_root
            )
    except SarifImportError as exc:
        fail(str(exc))
    except ManifestError as exc:
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
            if result.sarif is not None:
                log = result.sarif
                stdout.print(
                    f"findings from {log.provenance} ({log.path}): {len(log.findings)} security results; "
                    f"{log.not_security} non-security, {log.suppressed} suppressed, {log.not_failures} not failures"
                )
        if result.errors:
            print_table("malformed lines", ["line", "error"], [[e.line, e.message] for e in result.errors])
    if result.errors:
        raise typer.Exit(EXIT_FINDINGS)
