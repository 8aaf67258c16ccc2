"""Errors of the refinement service, each carrying a one-line message fit for a CLI or an API body.

They are split by who can fix them: the caller (:class:`RequestError`), the operator
(:class:`ConfigError`, e.g. a missing key) or the remote side (:class:`BackendCallError`). A scanner
that cannot answer raises the scanner port's own
:class:`hardgen.core.clients.scanner.ScannerUnavailableError` (one class for every service).
"""

from __future__ import annotations


class RefinementError(Exception):
    """Base class: ``str(exc)`` is always a single line without secrets or prompts."""


class RequestError(RefinementError):
    """The request itself is wrong (unknown strategy, provider, scenario or option)."""


class ConfigError(RefinementError):
    """The service cannot serve this model as configured (missing key, missing adapter)."""


class MissingKeyError(ConfigError):
    """An API key environment variable is not set; the message names the variable."""

    def __init__(self, variable: str) -> None:
        super().__init__(f"{variable} is not set")
        self.variable = variable


class BackendCallError(RefinementError):
    """A model call failed after the retry policy gave up (or failed in a way retries cannot fix)."""

    def __init__(self, message: str, *, retryable: bool = False, status: int | None = None) -> None:
        super().__init__(" ".join(message.split()))
        self.retryable = retryable
        self.status = status

