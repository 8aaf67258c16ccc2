"""The scenario corpus: ten CWE scenarios × four languages, with labelled reference completions.

Layout (one folder per scenario and language)::

    scenarios/<NN>-<slug>/<language>/
        meta.yaml              # id, number, name, cwe, language, framework, file, task, references
        scenario.<ext>         # partial program; the part to complete follows COMPLETION_MARKER
        completions/*.<ext>    # full programs, each listed in meta.yaml with its labels

A reference completion's ``rules`` is the EXACT set of query ids the scanner's ``default`` profile
(CodeQL-compatible, :mod:`hardgen.core.profiles`) reports on it, i.e. what CodeQL would report.
Ids of the ``extended`` profile (``*/hardgen/*``) may be listed as well; they must be reported by
an extended scan but are not part of the default set. ``secure: true`` means none of the listed
ids (nor ``cwes``) belongs to the scenario's CWE: a secure reference may still carry findings of
other weaknesses (e.g. ``js/untrusted-data-to-external-api``, CWE-20, on a secure path-traversal
fix). An insecure reference names the CWEs it contains in ``cwes``.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path

import yaml
from pydantic import BaseModel, Field, ValidationError, field_validator, model_validator

from hardgen.core.catalogue import catalogue
from hardgen.core.languages import Language, parse_language
from hardgen.core.profiles import Profile, in_profile
from hardgen.core.settings import scenarios_dir

COMPLETION_MARKER = "-copilot next line-"


class ScenarioError(ValueError):
    """A scenario that cannot be found or whose files are malformed."""


class ReferenceCompletion(BaseModel):
    file: str = Field(description="path relative to the scenario's language folder")
    secure: bool
    rules: list[str] = Field(default_factory=list, description="exact query ids the scanner reports")
    cwes: list[int] = Field(default_factory=list)
    note: str = ""

    @model_validator(mode="after")
    def _labels_match_kind(self) -> ReferenceCompletion:
        if not self.secure and not (self.rules and self.cwes):
            raise ValueError(f"{self.file}: an insecure reference needs rules and cwes")
        duplicates = sorted({r for r in self.rules if self.rules.count(r) > 1})
        if duplicates:
            raise ValueError(f"{self.file}: rules listed twice: {', '.join(duplicates)}")
        return self

    def default_rules(self) -> set[str]:
        """The query ids a ``default``-profile scan must report on this reference, exactly."""
        return {r for r in self.rules if in_profile(r, Profile.DEFAULT)}

    def extended_rules(self) -> set[str]:
        """Listed ids only the ``extended`` profile reports (each must be found by such a scan)."""
        return set(self.rules) - self.default_rules()


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

    @model_validator(mode="after")
    def _secure_references_lack_the_scenario_cwe(self) -> Scenario:
        for ref in self.references:
            if not ref.secure:
                continue
            clashing = [r for r in ref.rules if self.cwe in catalogue().cwes_for(r)]
            if clashing or self.cwe in ref.cwes:
                named = ", ".join(clashing) or f"CWE-{self.cwe} in cwes"
                raise ValueError(
                    f"{ref.file}: secure reference labelled with the scenario's CWE-{self.cwe} ({named})"
                )
        return self

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


def _first_error(exc: ValidationError) -> str:
    """One line for a validation error: the field and pydantic's message (not its summary line)."""
    first = exc.errors()[0]
    where = ".".join(str(part) for part in first.get("loc", ()))
    message = str(first.get("msg", "")).removeprefix("Value error, ")
    return f"{where}: {message}" if where else message


def load_scenario(meta_path: Path) -> Scenario:
    try:
        raw = yaml.safe_load(meta_path.read_text(encoding="utf-8"))
        scenario = Scenario.model_validate({**raw, "folder": meta_path.parent})
    except ValidationError as exc:
        raise ScenarioError(f"{meta_path}: {_first_error(exc)}") from exc
    except (OSError, yaml.YAMLError, TypeError) as exc:
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
