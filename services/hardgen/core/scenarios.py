"""The scenario corpus: ten CWE scenarios × four languages, with labelled reference completions.

Layout (one folder per scenario and language)::

    scenarios/<NN>-<slug>/<language>/
        meta.yaml              # id, number, name, cwe, language, framework, file, task, references
        scenario.<ext>         # partial program; the part to complete follows COMPLETION_MARKER
        completions/*.<ext>    # full programs, each listed in meta.yaml with its labels

A reference completion is ``secure: true`` (scanner must report nothing) or carries the
CodeQL-style query ids (``rules``) and CWE ids (``cwes``) it contains.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path

import yaml
from pydantic import BaseModel, Field, ValidationError, field_validator, model_validator

from hardgen.core.languages import Language, parse_language
from hardgen.core.settings import scenarios_dir

COMPLETION_MARKER = "-copilot next line-"


class ScenarioError(ValueError):
    """A scenario that cannot be found or whose files are malformed."""


class ReferenceCompletion(BaseModel):
    file: str = Field(description="path relative to the scenario's language folder")
    secure: bool
    rules: list[str] = Field(default_factory=list, description="query ids present (insecure only)")
    cwes: list[int] = Field(default_factory=list)
    note: str = ""

    @model_validator(mode="after")
    def _labels_match_kind(self) -> ReferenceCompletion:
        if self.secure and (self.rules or self.cwes):
            raise ValueError(f"{self.file}: a secure reference carries no rules or cwes")
        if not self.secure and not (self.rules and self.cwes):
            raise ValueError(f"{self.file}: an insecure reference needs rules and cwes")
        return self


class Scenario(BaseModel):
    id: str
    number: int = Field(ge=1)
    name: str
    cwe: int
    language: Language
    framework: str
    file: str
    task: str
    references: list[ReferenceCompletion] = Field(default_factory=list)
    folder: Path = Field(default=Path(), exclude=True)

    @field_validator("language", mode="before")
    @classmethod
    def _language(cls, value: str) -> Language:
        return parse_language(value)

    @property
    def path(self) -> Path:
        return self.folder / self.file

    @property
    def source(self) -> str:
        return self.path.read_text(encoding="utf-8")

    @property
    def insecure(self) -> list[ReferenceCompletion]:
        return [r for r in self.references if not r.secure]

    @property
    def secure(self) -> list[ReferenceCompletion]:
        return [r for r in self.references if r.secure]

    def reference_path(self, ref: ReferenceCompletion) -> Path:
        return self.folder / ref.file

    def reference_code(self, ref: ReferenceCompletion) -> str:
        return self.reference_path(ref).read_text(encoding="utf-8")

    def prefix(self) -> str:
        """The partial program up to and including the marker line (what a model continues)."""
        head, marker, _ = self.source.partition(COMPLETION_MARKER)
        if not marker:
            raise ScenarioError(f"{self.path}: no completion marker {COMPLETION_MARKER!r}")
        line_end = self.source.find("\n", len(head) + len(marker))
        return self.source if line_end < 0 else self.source[: line_end + 1]

    def suffix(self) -> str:
        """What follows the marker line in the partial program (often empty)."""
        return self.source[len(self.prefix()) :]


def load_scenario(meta_path: Path) -> Scenario:
    try:
        raw = yaml.safe_load(meta_path.read_text(encoding="utf-8"))
        scenario = Scenario.model_validate({**raw, "folder": meta_path.parent})
    except (OSError, yaml.YAMLError, ValidationError, TypeError) as exc:
        raise ScenarioError(f"{meta_path}: {exc}".splitlines()[0]) from exc
    return scenario


@cache
def _load_corpus(root: Path) -> tuple[Scenario, ...]:
    if not root.is_dir():
        raise ScenarioError(f"scenario corpus not found at {root} (set HARDGEN_SCENARIOS)")
    found = [load_scenario(meta) for meta in sorted(root.glob("*/*/meta.yaml"))]
    return tuple(sorted(found, key=lambda s: (s.number, s.language.value)))


def load_corpus(root: Path | None = None) -> list[Scenario]:
    """Every scenario in the corpus, ordered by number then language."""
    return list(_load_corpus((root or scenarios_dir()).resolve()))


def get_scenario(number: int, language: Language | str, root: Path | None = None) -> Scenario:
    """Scenario ``number`` in ``language``; a clear :class:`ScenarioError` when absent."""
    lang = parse_language(language) if isinstance(language, str) else language
    corpus = load_corpus(root)
    for scenario in corpus:
        if scenario.number == number and scenario.language is lang:
            return scenario
    numbers = sorted({s.number for s in corpus})
    raise ScenarioError(f"no scenario {number} in {lang.value} (scenarios: {numbers})")


def filter_scenarios(
    scenarios: Iterable[Scenario], language: Language | None = None, number: int | None = None
) -> list[Scenario]:
    return [
        s for s in scenarios if (language is None or s.language is language) and (number is None or s.number == number)
    ]
