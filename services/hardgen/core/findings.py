"""The one finding model every scanner engine normalises to, and that analytics stores."""

from __future__ import annotations

import hashlib

from pydantic import BaseModel, Field, computed_field

from hardgen.core.catalogue import severity_level


class Finding(BaseModel):
    """A weakness reported by one engine at one place in one file."""

    rule_id: str = Field(description="CodeQL-compatible query id, e.g. py/path-injection")
    cwes: list[int] = Field(default_factory=list)
    severity: float = Field(ge=0.0, le=10.0, description="security-severity from the catalogue")
    message: str = ""
    path: str = Field(description="file path relative to the scan root, '/' separated")
    start_line: int = Field(default=1, ge=1)
    end_line: int = Field(default=1, ge=1)
    start_column: int = Field(default=1, ge=1)
    end_column: int = Field(default=1, ge=1)
    engine: str = ""
    fingerprint: str = ""

    @computed_field  # type: ignore[prop-decorator]
    @property
    def level(self) -> str:
        return severity_level(self.severity)

    def with_fingerprint(self, line_text: str = "") -> Finding:
        """Stable id across runs: rule, file and the normalised text of the flagged line.

        Line numbers are left out on purpose so that a finding keeps its fingerprint when code
        above it moves (the same idea as GitHub's ``primaryLocationLineHash``).
        """
        basis = "\x1f".join([self.rule_id, self.path, " ".join(line_text.split())])
        digest = hashlib.sha256(basis.encode("utf-8")).hexdigest()[:32]
        return self.model_copy(update={"fingerprint": digest})


class FileError(BaseModel):
    """A file that an engine could not analyse (crash, timeout, binary, too large)."""

    path: str
    engine: str
    message: str
