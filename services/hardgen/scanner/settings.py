"""Scanner settings: rule packs, engine limits and the CodeQL binary, from ``HARDGEN_*`` variables.

The engines are also used in-process (``hardgen scan``, the CLI's local mode), so each engine
takes the small group it needs and reads it when it is built; ``python -m hardgen.scanner``
builds :class:`ScannerSettings` once and hands the parts down.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, field_validator

from hardgen.core.settings import HardgenSettings, SharedSettings

#: the rule packs shipped in the package (``HARDGEN_RULES`` points elsewhere)
PACKAGED_RULES = Path(__file__).resolve().parent / "rules"


class RuleSettings(HardgenSettings):
    rules: Path | None = Field(default=None, description="rule packs root (default: the packaged rules/)")

    @property
    def rules_dir(self) -> Path:
        return self.rules or PACKAGED_RULES


class SemgrepSettings(HardgenSettings):
    semgrep_file_timeout: float = Field(
        default=10.0, gt=0, description="seconds per rule and file before Semgrep skips it"
    )
    semgrep_max_bytes: int = Field(
        default=5 * 1024 * 1024, ge=1, description="larger files are not analysed (a FileError)"
    )
    semgrep_jobs: int = Field(default=0, ge=0, description="Semgrep --jobs (0: Semgrep's default)")
    semgrep_native: bool = Field(
        default=True,
        description=(
            "run Semgrep's native front end (scan --experimental): same engine and results, ~2 s less "
            "start-up per run; falls back to the Python front end when it fails"
        ),
    )


class CodeQLSettings(HardgenSettings):
    codeql: str = Field(default="", description="CodeQL CLI (path or command; default: codeql on PATH)")
    codeql_suite: str = Field(default="code-scanning", description="CodeQL query suite name")

    @field_validator("codeql_suite", mode="before")
    @classmethod
    def _blank_is_default(cls, value: object) -> object:
        return "code-scanning" if isinstance(value, str) and not value.strip() else value


class ScannerSettings(SharedSettings, RuleSettings, SemgrepSettings, CodeQLSettings):
    """Everything ``python -m hardgen.scanner`` reads."""

    scanner_concurrency: int = Field(default=2, ge=1, description="scans run at once (more requests wait)")
