"""``hardgen dev up|down|status``: the embedded local stack (NATS + every service on loopback)."""

from __future__ import annotations

import typer

from hardgen.cli.common import EXIT_FINDINGS, FormatOption, OutputFormat, emit, fail, stderr
from hardgen.cli.localstack import LocalStack

dev_app = typer.Typer(help="Start and stop the local stack: NATS JetStream and the five services.")

ALL = ("nats", "scanner", "modelserve", "refinement", "worker", "analytics", "gateway")


def register(app: typer.Typer) -> None:
    app.add_typer(dev_app, name="dev")


@dev_app.command("up")
def up(
    workers: int = typer.Option(2, "--workers", min=0, max=16, help="refinement workers to start"),
    worker_concurrency: int = typer.Option(
        1, "--worker-concurrency", min=1, max=64, help="work items each worker holds at once (batching)"
    ),
    without: list[str] = typer.Option([], "--without", help="a service not to start (repeatable)"),
    timeout: float = typer.Option(180.0, "--timeout", help="seconds to wait for each health check"),
) -> None:
    """Start the stack (idempotent: running processes are kept) and wait for every health check."""
    unknown = [name for name in without if name not in ALL]
    if unknown:
        fail(f"unknown service(s) {unknown} (choose from {', '.join(ALL)})")
    services = tuple(n for n in ALL if n not in without)
    stack = LocalStack(workers=workers, worker_concurrency=worker_concurrency, services=services)
    try:
        stack.up(timeout=timeout, on_ready=lambda name: stderr.print(f"  {name} ready"))
    except (RuntimeError, TimeoutError, FileNotFoundError) as exc:
        stack.down()
        fail(str(exc), code=EXIT_FINDINGS)
    stderr.print(f"stack up; NATS at {stack.nats_url}, gateway at http://127.0.0.1:{stack.ports.gateway_http}")


@dev_app.command("down")
def down() -> None:
    """Stop every process `dev up` started (by the PIDs it recorded)."""
    stopped = LocalStack().down()
    stderr.print(f"stopped: {', '.join(stopped) if stopped else 'nothing was running'}")


@dev_app.command("status")
def status(fmt: OutputFormat = FormatOption) -> None:
    """Which recorded processes are alive."""
    alive = LocalStack().status()
    emit(
        [{"process": name, "alive": ok} for name, ok in alive.items()],
        fmt,
        ["process", "alive"],
        lambda: [[name, "yes" if ok else "no"] for name, ok in alive.items()],
    )
