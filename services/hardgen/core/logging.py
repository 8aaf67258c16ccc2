"""One structlog configuration for the whole project.

Services log JSON lines (machine-readable, one event per line); the CLI logs to the console
on stderr so that stdout stays clean for ``--format json``. Call :func:`configure_logging`
once at process start; modules just use ``structlog.get_logger(__name__)``.
"""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import MutableMapping
from typing import Any, Literal

import structlog

LogMode = Literal["json", "console"]

_SECRET_KEYS = re.compile(r"(api[_-]?key|authorization|password|secret|token|prompt)$", re.IGNORECASE)
_KEY_SHAPED = re.compile(r"\b(sk-[A-Za-z0-9_\-]{12,}|hg_[A-Za-z0-9_\-]{12,}|AIza[0-9A-Za-z_\-]{20,})\b")


def redact_secrets(_: Any, __: str, event_dict: MutableMapping[str, Any]) -> MutableMapping[str, Any]:
    """Drop values of secret-named fields and mask key-shaped strings anywhere in an event.

    Logs end up in shared systems; a provider key or a user's prompt must never reach them.
    """
    for key in list(event_dict):
        value = event_dict[key]
        if _SECRET_KEYS.search(key) and key not in {"prompt_tokens", "prompt_id", "prompt_ids"}:
            event_dict[key] = "[redacted]"
        elif isinstance(value, str):
            event_dict[key] = _KEY_SHAPED.sub("[redacted]", value)
    return event_dict


class _CurrentStderr:
    """Writes to whatever ``sys.stderr`` is *now*, not what it was when logging was configured.

    Test runners and daemons swap ``sys.stderr``; a logger holding the old (closed) stream would
    turn every later log line into ``ValueError: I/O operation on closed file``.
    """

    def write(self, text: str) -> int:
        return sys.stderr.write(text)

    def flush(self) -> None:
        sys.stderr.flush()


def configure_logging(mode: LogMode | None = None, level: str | None = None) -> None:
    """Configure structlog and the stdlib root logger; safe to call more than once."""
    if mode is None or level is None:  # HARDGEN_LOG_FORMAT / HARDGEN_LOG_LEVEL fill what the caller left open
        from hardgen.core.settings import log_settings

        configured = log_settings()
        mode = mode or configured.log_format or "console"
        level = level or configured.log_level
    level_name = level.upper()
    numeric = getattr(logging, level_name, logging.INFO)
    renderer: Any = (
        structlog.processors.JSONRenderer() if mode == "json" else structlog.dev.ConsoleRenderer(colors=False)
    )
    structlog.configure(
        processors=[
            structlog.contextvars.merge_contextvars,
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="iso", utc=True),
            redact_secrets,
            structlog.processors.format_exc_info,
            renderer,
        ],
        wrapper_class=structlog.make_filtering_bound_logger(numeric),
        logger_factory=structlog.PrintLoggerFactory(file=_CurrentStderr()),  # type: ignore[arg-type]
        cache_logger_on_first_use=False,
    )
    logging.basicConfig(level=max(numeric, logging.WARNING), stream=sys.stderr, format="%(message)s")


def get_logger(name: str | None = None) -> Any:
    """Return a structlog logger (thin wrapper so modules need one import)."""
    return structlog.get_logger(name)
