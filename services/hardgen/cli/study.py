"""``hardgen study run|status``: run a study grid over NATS JetStream and follow it live."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Any

import typer

from hardgen.cli.common import EXIT_FINDINGS, FormatOption, OutputFormat, emit, fail, stderr
from hardgen.core.progress import StudyProgress, study_progress
from hardgen.core.settings import PORTS, nats_url, service_address
from hardgen.core.study import StudyError, load_study
from hardgen.core.studypublish import run_study

study_app = typer.Typer(help="Run a study (models × languages × scenarios × strategies) and follow it.")


def register(app: typer.Typer) -> None:
    app.add_typer(study_app, name="study")


COLUMNS = ["model", "language", "scenario", "strategy", "done", "failed", "pending", "stored", "total"]
AnalyticsOption = typer.Option(None, "--analytics", help="analytics gRPC address (default HARDGEN_ANALYTICS_ADDR)")


def _status_rows(status: StudyProgress) -> list[list[Any]]:
    return [
        [c.model, c.language, c.scenario, c.strategy, c.done, c.failed, c.pending, _stored(c.stored), c.total]
        for c in status.cells
    ]


def _stored(value: int | None) -> str | int:
    return "?" if value is None else value


def _title(status: StudyProgress) -> str:
    line = (
        f"study {status.study}: {status.done} done, {status.failed} failed, {status.in_flight} in flight, "
        f"{_stored(status.stored)} stored by analytics of {status.total}"
    )
    line += f"; {_finetune_line(status)}" if status.finetune else ""
    return line + (f" ({status.analytics_error})" if status.analytics_error else "")


def _finetune_line(status: StudyProgress) -> str:
    """``fine-tune: training`` — the state of the adapter the study's ft cells wait for."""
    ft = status.finetune
    if ft is None:
        return ""
    line = f"fine-tune: {ft.state}"
    if ft.state == "done":
        line += f" ({ft.model}{', reused' if ft.reused else ''})"
    elif ft.error:
        line += f" ({ft.error[:120]})"
    return line


def _stuck(status: StudyProgress) -> bool:
    """The fine-tune failed and every other cell has its outcomes: nothing more will happen."""
    if status.finetune is None or status.finetune.state != "failed":
        return False
    return all(c.pending == 0 for c in status.cells if "ft" not in c.strategy.split("+"))


def _progress(study: str, url: str, analytics: str | None) -> StudyProgress:
    return asyncio.run(study_progress(study, url, analytics or service_address("analytics", PORTS["analytics_grpc"])))


def follow(
    study: str,
    url: str,
    total: int,
    poll: float = 1.0,
    timeout: float | None = None,
    analytics: str | None = None,
) -> StudyProgress:
    """Live progress bars (rich, on stderr) until the study is finished: every sample has an
    outcome and analytics stores it. Stops at ``timeout``, or once every outcome is in while
    analytics cannot be reached (the returned status says so and is not ``finished``)."""
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
            status = _progress(study, url, analytics)
            per_strategy: dict[str, list[int]] = {}
            for cell in status.cells:
                acc = per_strategy.setdefault(cell.strategy, [0, 0])
                acc[0] += cell.done + cell.failed
                acc[1] += cell.total
            for name, (done, cell_total) in per_strategy.items():
                if name not in strategies:
                    strategies[name] = progress.add_task(f"  {name}", total=cell_total, detail="")
                progress.update(strategies[name], completed=done)
            progress.update(
                overall,
                completed=status.done + status.failed,
                detail=(
                    f"done {status.done} · failed {status.failed} · in flight {status.in_flight} · "
                    f"stored {_stored(status.stored)}"
                    + (f" · {_finetune_line(status)}" if status.finetune else "")
                ),
            )
            if status.finished or (status.complete and status.analytics_error) or _stuck(status):
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
    analytics: str = AnalyticsOption,
    timeout: float = typer.Option(None, "--timeout", help="stop following after this many seconds"),
    fmt: OutputFormat = FormatOption,
) -> None:
    """Publish one work item per sample to JetStream; workers generate, scan and report.

    ``ft`` cells that need a LoRA adapter follow one fine-tune work item that modelserve
    (``--finetune-worker``) trains and acks; progress shows ``fine-tune: pending|training|done|failed``."""
    try:
        spec = load_study(file)
    except StudyError as exc:
        fail(str(exc))
    url = nats or nats_url()
    try:
        report = asyncio.run(run_study(spec, url, resume=resume))
    except ConnectionError as exc:
        fail(str(exc), code=EXIT_FINDINGS)
    finetune = {"queued": " · fine-tune queued for the ft cells", "done": " · fine-tuned model reused"}
    stderr.print(
        f"study {spec.name}: {spec.total_samples} samples · published {report.published} · "
        f"already done {report.skipped_done} · duplicates dropped {report.duplicates}"
        + finetune.get(report.finetune, "")
    )
    status = (
        follow(spec.name, url, spec.total_samples, timeout=timeout, analytics=analytics)
        if wait
        else _progress(spec.name, url, analytics)
    )
    emit(
        status.as_dict() | {"published": report.published, "skipped_done": report.skipped_done},
        fmt,
        COLUMNS,
        lambda: _status_rows(status),
        title=_title(status),
    )
    if wait and not status.finished:
        raise typer.Exit(EXIT_FINDINGS)


@study_app.command("status")
def status_cmd(
    study: str = typer.Argument(..., help="study name (its id)"),
    nats: str = typer.Option(None, "--nats", help="NATS URL (default HARDGEN_NATS_URL)"),
    analytics: str = AnalyticsOption,
    wait: bool = typer.Option(
        False, "--wait", help="poll until finished: every sample has an outcome and analytics stores it"
    ),
    timeout: float = typer.Option(600.0, "--timeout", help="with --wait: give up after this many seconds (exit 1)"),
    fmt: OutputFormat = FormatOption,
) -> None:
    """Done / failed / pending per cell (workers' outcomes) and samples stored by analytics — the
    same object as the gateway's GET /v1/studies/{study}/status."""
    url = nats or nats_url()
    deadline = time.monotonic() + timeout
    while True:
        try:
            status = _progress(study, url, analytics)
        except LookupError as exc:
            fail(str(exc).strip("'\""))
        except ConnectionError as exc:
            fail(str(exc), code=EXIT_FINDINGS)
        if not wait or status.finished or _stuck(status) or time.monotonic() >= deadline:
            break
        time.sleep(1.0)
    emit(status.as_dict(), fmt, COLUMNS, lambda: _status_rows(status), title=_title(status))
    if wait and not status.finished:
        why = "cannot finish (its fine-tune failed)" if _stuck(status) else f"is not finished after {timeout:.0f}s"
        stderr.print(f"study {study} {why}: {_title(status)}")
        raise typer.Exit(EXIT_FINDINGS)
