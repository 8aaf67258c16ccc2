"""Entry point of the ``hardgen`` command.

Each command group lives in its own module of this package and exposes ``register(app)``;
heavy imports (torch, semgrep, duckdb) stay inside the commands so ``hardgen --help`` is fast.
"""

from __future__ import annotations

import importlib
import sys

import typer

from hardgen import __version__
from hardgen.cli.common import EXIT_USAGE, UsageError
from hardgen.cli.settings import load_cli_settings
from hardgen.core.logging import configure_logging

# Command modules in the order they appear in --help. Add a module here to add a command group.
COMMAND_MODULES = [
    "scenarios",
    "generate",
    "scan",
    "fix",
    "study",
    "dev",
    "corpus",
    "analyze",
    "model",
    "keys",
]

app = typer.Typer(
    name="hardgen",
    help="Measure and harden the security of LLM-generated code.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"hardgen {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="print the version"),
) -> None:
    """hardgen: scanner, refinement strategies, LoRA serving and analytics for LLM-written code."""


for _name in COMMAND_MODULES:
    importlib.import_module(f"hardgen.cli.{_name}").register(app)


def main() -> None:
    """Run the CLI with console logging on stderr and one-line errors (exit 2 on misuse)."""
    try:  # recent typer vendors click as typer._click; older releases use click itself
        from typer._click import exceptions as click  # type: ignore[import-not-found]
    except ImportError:  # pragma: no cover - depends on the installed typer
        from click import exceptions as click  # type: ignore[no-redef]

    settings = load_cli_settings()  # a bad HARDGEN_* value: one line, exit 2, before any command
    configure_logging("console", settings.log_level)
    try:
        code = app(standalone_mode=False)
    except (UsageError, click.UsageError) as exc:
        message = exc.format_message() if isinstance(exc, click.UsageError) else str(exc)
        sys.stderr.write("error: " + " ".join(message.split()) + "\n")
        sys.exit(EXIT_USAGE)
    except typer.Abort:  # typer's vendored click has no exceptions.Abort: naming it crashed here
        sys.stderr.write("error: aborted\n")
        sys.exit(130)
    except click.ClickException as exc:
        sys.stderr.write("error: " + " ".join(exc.format_message().split()) + "\n")
        sys.exit(exc.exit_code)
    except Exception as exc:  # noqa: BLE001 - the CLI's promise: one line on stderr, never a traceback
        sys.stderr.write(f"error: {type(exc).__name__}: {' '.join(str(exc).split())[:300]}\n")
        sys.exit(1)
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":
    main()
