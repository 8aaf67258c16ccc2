"""Conventions every command follows.

* ``--format table|json``: json goes to stdout and nothing else does; tables go to stdout too.
* errors: one line on stderr, no traceback; exit 2 for usage errors, 1 for findings/failure.
* logs: console renderer on stderr (configured once in :func:`hardgen.cli.main.main`).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from enum import StrEnum
from typing import Any, NoReturn

import typer
from rich.console import Console
from rich.table import Table

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2

stdout = Console(soft_wrap=True)
stderr = Console(stderr=True, soft_wrap=True)


class OutputFormat(StrEnum):
    table = "table"
    json = "json"


FormatOption = typer.Option(OutputFormat.table, "--format", "-f", help="table for people, json for programs")


class UsageError(Exception):
    """A user mistake: reported as one line on stderr with exit code 2."""


def fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    """Print ``error: message`` as one line on stderr and exit with ``code``."""
    first_line = " ".join(str(message).split()) or "unknown error"
    sys.stderr.write(f"error: {first_line}\n")
    sys.stderr.flush()
    raise typer.Exit(code)


def gateway_headers() -> dict[str, str]:
    """Headers for a request to the gateway: the API key from ``HARDGEN_API_KEY``, if set."""
    from hardgen.cli.settings import api_key

    key = api_key()
    return {"Authorization": f"Bearer {key}"} if key else {}


def post_gateway(url: str, path: str, body: dict[str, Any], timeout: float) -> Any:
    """POST ``body`` to the gateway at ``url`` and return its JSON answer; one line and an exit
    otherwise: 2 (usage) when the gateway refused the request, 1 when it failed or is unreachable."""
    import httpx

    try:
        response = httpx.post(url.rstrip("/") + path, json=body, headers=gateway_headers(), timeout=timeout)
    except httpx.HTTPError as exc:
        fail(f"cannot reach the gateway at {url}: {type(exc).__name__}", EXIT_FINDINGS)
    if response.status_code >= 400:
        try:
            message = response.json()["error"]["message"]
        except (ValueError, KeyError, TypeError):
            message = response.text[:200]
        code = EXIT_USAGE if response.status_code in (400, 401, 403, 404, 413, 422) else EXIT_FINDINGS
        hint = " (set HARDGEN_API_KEY to a key from `hardgen keys create`)" if response.status_code == 401 else ""
        fail(f"gateway answered {response.status_code}: {message}{hint}", code)
    return response.json()


def print_json(data: Any) -> None:
    """Write JSON to stdout (and only JSON), for ``--format json``."""
    sys.stdout.write(json.dumps(data, indent=2, default=str, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def print_table(title: str | None, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    table = Table(title=title, show_lines=False)
    for column in columns:
        table.add_column(column)
    for row in rows:
        table.add_row(*("" if cell is None else str(cell) for cell in row))
    stdout.print(table)


def emit(
    data: Any,
    fmt: OutputFormat,
    columns: Sequence[str],
    rows: Callable[[], Sequence[Sequence[Any]]],
    title: str | None = None,
) -> None:
    """Print ``data`` as JSON, or ``rows()`` as a rich table, according to ``fmt``."""
    if fmt is OutputFormat.json:
        print_json(data)
    else:
        print_table(title, columns, rows())
