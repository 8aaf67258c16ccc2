"""Scan profiles: which query ids a scan reports.

* ``default`` is CodeQL-compatible and nothing more: only query ids that exist in CodeQL (the
  packaged ``codeql-security-severity.csv``), plus the study's Go script checks (``go/study/*``,
  the regular-expression checks the study ran beside CodeQL). Figures computed from a default scan
  are comparable with the study's, which were computed from CodeQL's.
* ``extended`` adds everything else the engines report (the ``*/hardgen/*`` rules: weaknesses
  CodeQL has no query for, such as missing authentication or unrestricted upload).

Membership is derived from the query id alone, in :func:`in_profile`, so that no rule file needs a
profile tag and every engine's results (Semgrep, Go checks, Bandit, CodeQL, imported SARIF) are
filtered by the same rule. Engines always run every rule and the result cache holds the unfiltered
findings; the profile is applied afterwards, so switching profiles never re-runs an engine.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from typing import Protocol, TypeVar

from hardgen.core.catalogue import catalogue


class Profile(StrEnum):
    DEFAULT = "default"
    EXTENDED = "extended"


PROFILES: tuple[str, ...] = tuple(p.value for p in Profile)

#: Query ids under this prefix belong to the study's own Go script and count as CodeQL-compatible.
STUDY_PREFIX = "go/study/"


class UnknownProfileError(ValueError):
    """A profile name that is not one of :data:`PROFILES`."""


def parse_profile(value: str | Profile | None) -> Profile:
    """``"default"`` / ``"extended"`` (any case, None → default); a one-line error otherwise."""
    if isinstance(value, Profile):
        return value
    text = (value or "").strip().lower() or Profile.DEFAULT.value
    try:
        return Profile(text)
    except ValueError:
        raise UnknownProfileError(f"unknown scan profile {value!r} (profiles: {', '.join(PROFILES)})") from None


def is_codeql_compatible(rule_id: str) -> bool:
    """True for a CodeQL query id of the catalogue or one of the study's Go script checks."""
    return rule_id.startswith(STUDY_PREFIX) or catalogue().query(rule_id) is not None


def in_profile(rule_id: str, profile: Profile | str = Profile.DEFAULT) -> bool:
    """Whether a scan with ``profile`` reports findings of ``rule_id``."""
    return parse_profile(profile) is Profile.EXTENDED or is_codeql_compatible(rule_id)


class _HasRuleId(Protocol):
    @property
    def rule_id(self) -> str: ...


T = TypeVar("T", bound=_HasRuleId)


def filter_findings(findings: Iterable[T], profile: Profile | str = Profile.DEFAULT) -> list[T]:
    """The findings ``profile`` reports, in their order."""
    chosen = parse_profile(profile)
    return [f for f in findings if in_profile(f.rule_id, chosen)]
