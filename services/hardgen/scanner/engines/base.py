"""The contract every scanner engine implements.

An engine receives a *batch* of files (never one process per file), returns normalised
:class:`~hardgen.core.findings.Finding` objects for the files it understands, and reports a
:class:`~hardgen.core.findings.FileError` for any file it could not analyse, so the rest of the
batch still completes. Engines never execute or import the code they analyse.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, runtime_checkable

from hardgen.core.findings import FileError, Finding
from hardgen.core.languages import Language


@dataclass(frozen=True, slots=True)
class ScanFile:
    """One file of a batch: where it is on disk, how findings name it, its language."""

    path: str  # relative to the scan root, '/' separated: what findings and SARIF report
    abs_path: Path  # a real file on disk the engine may read (engines read, never run it)
    language: Language


@dataclass(slots=True)
class EngineResult:
    findings: list[Finding] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)


class EngineUnavailableError(RuntimeError):
    """The engine's tool is not installed here (e.g. no ``codeql`` on PATH)."""


class EngineError(RuntimeError):
    """The engine failed on the batch as a whole (crash, unreadable output).

    The orchestrator answers by splitting the batch, so that the one file that makes the tool
    fail ends up with a :class:`FileError` and every other file is still analysed.
    """


class EngineConfigError(EngineError):
    """The engine cannot run with its configuration (e.g. a broken rule file), whatever the files.

    Not answered by splitting the batch (that would only multiply failing runs): every file of the
    batch gets an error naming the cause.
    """


class EngineTimeoutError(EngineError):
    """The engine did not finish the batch within the time it was given."""


@runtime_checkable
class Engine(Protocol):
    name: str
    languages: frozenset[Language]

    def available(self) -> bool:
        """True when the engine can run on this machine."""
        ...

    def version(self) -> str:
        """Tool + rule-pack version; part of the result-cache key."""
        ...

    def scan(self, files: list[ScanFile], timeout: float) -> EngineResult:
        """Analyse the files it supports (others are ignored) within ``timeout`` seconds."""
        ...
