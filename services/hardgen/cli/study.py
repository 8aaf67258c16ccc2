"""``hardgen study run|status``: run a study grid over NATS JetStream and follow it live."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Any

import typer

from hardgen.cli.common import EXIT_FINDINGS, FormatOption, OutputFormat, emit, fail, print_json, stderr
from hardgen.core.settings import PORTS, nats_url, service_address
from hardgen.core.study import StudyError, load_study
from hardgen.core.studyrun import StudyStatus, modelserve_finetuner, run_study, study_status

study_app = typer.Typer(help="Run a study (models × languages × scenarios × strategies) and follow it.")


def register(app: typer.Typer) -> None:
    app.add_typer(study_app, name="study")


def _status_rows(status: StudyStatus) -> list[list[Any]]:
    data = status.as_dict()
    return [
        [c["model"], c["language"], c["scenario"], c["strategy"], c["done"], c["failed"], c["total"]]
        for c in data["cells"]
    ]


def follow(study: str, url: str, total: int, poll: float = 1.0, timeout: float | None = None) -> StudyStatus:
    """Live progress bars (rich, on stderr) until every sample has an outcome."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    started = time.monotonic()
    with Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[detail]}"),
        TimeElapsedColumn(),
        console=stderr,
        transient=False,
    ) as progress:
        overall = progress.add_task(study, total=total, detail="")
        strategies: dict[str, Any] = {}
        while True:
            status = asyncio.run(study_status(study, url))
            per_strategy: dict[str, list[int]] = {}
            for cell, total_cell in status.cell_totals.items():
                counts = status.per_cell.get(cell)
                done = (counts["done"] + counts["failed"]) if counts else 0
                acc = per_strategy.setdefault(cell[3], [0, 0])
                acc[0] += done
                acc[1] += total_cell
            for name, (done, cell_total) in per_strategy.items():
                if name not in strategies:
                    strategies[name] = progress.add_task(f"  {name}", total=cell_total, detail="")
                progress.update(strategies[name], completed=done)
            progress.update(
                overall,
                completed=status.done + status.failed,
                detail=f"done {status.done} · failed {status.failed} · in flight {status.in_flight}",
            )
            if status.finished:
                return status
            if timeout is not None and time.monotonic() - started > timeout:
                return status
            time.sleep(poll)


@study_app.command("run")
def run(
    file: Path = typer.Argument(..., help="study YAML (studies/*.yaml)"),
    resume: bool = typer.Option(False, "--resume", help="skip samples that already have an outcome"),
    wait: bool = typer.Option(True, "--wait/--no-wait", help="follow progress until the study finishes"),
    nats: str = typer.Option(None, "--nats", help="NATS URL (default HARDGEN_NATS_URL)"),
    modelserve: str = typer.Option(None, "--modelserve", help="modelserve gRPC address for the ft step"),
    timeout: float = typer.Option(None, "--timeout", help="stop following after this many seconds"),
    fmt: OutputFormat = FormatOption,
) -> None:
    """Publish one work item per sample to JetStream; workers generate, scan and report."""
    try:
        spec = load_study(file)
    except StudyError as exc:
        fail(str(exc))
    url = nats or nats_url()
    ms_address = modelserve or service_address("modelserve", PORTS["modelserve_grpc"])
    try:
        report = asyncio.run(
            run_study(spec, url, resume=resume, finetune=modelserve_finetuner(ms_address, announce=stderr.print))
        )
    except (ConnectionError, RuntimeError) as exc:
        fail(str(exc), code=EXIT_FINDINGS)
    stderr.print(
        f"study {spec.name}: {spec.total_samples} samples · published {report.published} · "
        f"already done {report.skipped_done} · duplicates dropped {report.duplicates}"
    )
    status = (
        follow(spec.name, url, spec.total_samples, timeout=timeout)
        if wait
        else asyncio.run(study_status(spec.name, url))
    )
    emit(
        status.as_dict() | {"published": report.published, "skipped_done": report.skipped_done},
        fmt,
        ["model", "language", "scenario", "strategy", "done", "failed", "total"],
        lambda: _status_rows(status),
        title=f"study {spec.name}: {status.done} done, {status.failed} failed of {status.total}",
    )
    if wait and not status.finished:
        raise typer.Exit(EXIT_FINDINGS)


@study_app.command("status")
def status_cmd(
    study: str = typer.Argument(..., help="study name (its id)"),
    nats: str = typer.Option(None, "--nats", help="NATS URL (default HARDGEN_NATS_URL)"),
    fmt: OutputFormat = FormatOption,
) -> None:
    """Done / failed / in flight per cell of a study."""
    try:
        status = asyncio.run(study_status(study, nats or nats_url()))
    except LookupError as exc:
        fail(str(exc).strip("'\""))
    except ConnectionError as exc:
        fail(str(exc), code=EXIT_FINDINGS)
    if fmt is OutputFormat.json:
        print_json(status.as_dict())
        return
    emit(
        status.as_dict(),
        fmt,
        ["model", "language", "scenario", "strategy", "done", "failed", "total"],
        lambda: _status_rows(status),
        title=(
            f"study {study}: {status.done} done, {status.failed} failed, {status.in_flight} in flight of {status.total}"
        ),
    )
