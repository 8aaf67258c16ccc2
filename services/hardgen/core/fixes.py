"""What a verified fix is, shared by refinement (which makes fixes), the gateway and the CLI.

A fix is offered only when it is *verified*: the candidate parses, every finding it was asked to
fix is gone, and no new finding appears. This module holds the per-file outcome that every
service reports in the same shape, the finding comparison that decides "gone" and "new", and the
text operations on a verified fix (unified diff, SARIF-style line replacements and applying them),
so the CLI, the gateway and the benchmark cannot disagree on any of them.

Findings are compared by rule id, counted: a fix moves code, so line numbers and the flagged
line's text (the fingerprint) change even when the weakness is untouched. A rule that still
reports as often as before has not been fixed; one that reports more often than before is new.
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class FixOutcome(StrEnum):
    """How one file came out of ``hardgen fix``."""

    fixed = "fixed"  # a verified candidate removes every finding and adds none
    partially_fixed = "partially_fixed"  # the best verified-safe candidate removes some, not all
    unfixable = "unfixable"  # no candidate removed a finding without breaking or adding one
    clean = "clean"  # nothing to fix: the scanner reports no finding
    skipped = "skipped"  # binary, not UTF-8, too large, unreadable, or the model failed
    unsupported = "unsupported"  # a language hardgen does not scan


#: Outcomes that leave no finding behind (exit 0 when every file has one of them).
RESOLVED = frozenset({FixOutcome.fixed, FixOutcome.clean, FixOutcome.unsupported})


def rule_counts(findings: Iterable[Mapping[str, Any]]) -> Counter[str]:
    return Counter(str(f["rule_id"]) for f in findings)


def remaining_findings(
    original: list[dict[str, Any]], candidate: list[dict[str, Any]]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(original findings still there, candidate findings that are new), compared by rule id.

    For a rule reported ``a`` times before and ``b`` times after: ``min(a, b)`` originals remain and
    ``b - a`` of the candidate's (the last ones) are new.
    """
    before, after = rule_counts(original), rule_counts(candidate)
    remaining: list[dict[str, Any]] = []
    kept: Counter[str] = Counter()
    for finding in original:
        rule = str(finding["rule_id"])
        if kept[rule] < after[rule]:
            remaining.append(finding)
            kept[rule] += 1
    introduced: list[dict[str, Any]] = []
    seen: Counter[str] = Counter()
    for finding in candidate:
        rule = str(finding["rule_id"])
        seen[rule] += 1
        if seen[rule] > before[rule]:
            introduced.append(finding)
    return remaining, introduced


@dataclass(slots=True)
class Attempt:
    """One model answer and why it was kept or rejected."""

    round: int
    verdict: str  # accepted | partial | rejected
    reason: str
    parses: bool
    remaining: int = 0  # findings it was asked to fix that are still there
    introduced: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "round": self.round,
            "verdict": self.verdict,
            "reason": self.reason,
            "parses": self.parses,
            "remaining": self.remaining,
            "introduced": self.introduced,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Attempt:
        return cls(
            round=int(data["round"]),
            verdict=str(data["verdict"]),
            reason=str(data["reason"]),
            parses=bool(data["parses"]),
            remaining=int(data.get("remaining", 0)),
            introduced=list(data.get("introduced", [])),
        )


@dataclass(slots=True)
class FileFix:
    """The outcome for one file; ``fixed_code`` is set only for a verified candidate."""

    path: str
    outcome: FixOutcome
    reason: str = ""
    language: str = ""
    original_code: str = ""
    fixed_code: str = ""  # the accepted fix (outcome fixed) or the best partial one
    findings: list[dict[str, Any]] = field(default_factory=list)  # before the fix
    remaining: list[dict[str, Any]] = field(default_factory=list)  # after the kept candidate
    attempts: list[Attempt] = field(default_factory=list)
    model_calls: int = 0
    tokens: int = 0
    seconds: float = 0.0

    @property
    def accepted(self) -> bool:
        """True when the fix may be offered and applied (every finding gone, none added)."""
        return self.outcome is FixOutcome.fixed and bool(self.fixed_code)

    @property
    def introduced_in_rejected(self) -> int:
        return sum(len(a.introduced) for a in self.attempts if a.verdict == "rejected")

    def diff(self) -> str:
        """Unified diff of the accepted fix (or the partial one); empty when there is none."""
        return unified_diff(self.path, self.original_code, self.fixed_code) if self.fixed_code else ""

    def to_dict(self, include_code: bool = False) -> dict[str, Any]:
        data: dict[str, Any] = {
            "path": self.path,
            "language": self.language,
            "outcome": self.outcome.value,
            "reason": self.reason,
            "findings": self.findings,
            "remaining": self.remaining,
            "attempts": [a.to_dict() for a in self.attempts],
            "model_calls": self.model_calls,
            "tokens": self.tokens,
            "seconds": round(self.seconds, 3),
            "diff": self.diff(),
        }
        if include_code:
            data |= {"original_code": self.original_code, "fixed_code": self.fixed_code}
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> FileFix:
        return cls(
            path=str(data["path"]),
            outcome=FixOutcome(str(data["outcome"])),
            reason=str(data.get("reason", "")),
            language=str(data.get("language", "")),
            original_code=str(data.get("original_code", "")),
            fixed_code=str(data.get("fixed_code", "")),
            findings=list(data.get("findings", [])),
            remaining=list(data.get("remaining", [])),
            attempts=[Attempt.from_dict(a) for a in data.get("attempts", [])],
            model_calls=int(data.get("model_calls", 0)),
            tokens=int(data.get("tokens", 0)),
            seconds=float(data.get("seconds", 0.0)),
        )


def exit_code(fixes: Iterable[FileFix]) -> int:
    """0 when every finding was fixed (or there were none), else 1: the CLI's and CI's signal."""
    return 0 if all(f.outcome in RESOLVED or (f.outcome is FixOutcome.skipped and not f.findings) for f in fixes) else 1


def unified_diff(path: str, before: str, after: str) -> str:
    """``git apply``-able unified diff of one file (``a/`` and ``b/`` prefixes)."""
    lines = difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True), f"a/{path}", f"b/{path}"
    )
    out = []
    for line in lines:
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)


@dataclass(frozen=True, slots=True)
class Replacement:
    """Replace lines ``start_line`` .. ``end_line - 1`` (1-based; equal for an insertion) with ``text``.

    In SARIF terms the deleted region runs from column 1 of ``start_line`` to column 1 of
    ``end_line``, so whole lines including their line ends are replaced; ``char_offset`` and
    ``char_length`` say the same in characters.
    """

    start_line: int
    end_line: int
    char_offset: int
    char_length: int
    text: str


def replacements(before: str, after: str) -> list[Replacement]:
    """The line-level edits that turn ``before`` into ``after``, in file order, not overlapping."""
    old = before.splitlines(keepends=True)
    new = after.splitlines(keepends=True)
    offsets = [0]
    for line in old:
        offsets.append(offsets[-1] + len(line))
    edits = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        edits.append(Replacement(i1 + 1, i2 + 1, offsets[i1], offsets[i2] - offsets[i1], "".join(new[j1:j2])))
    return edits


def apply_replacements(text: str, edits: Iterable[Replacement]) -> str:
    """Apply line replacements (as a SARIF consumer would); raises ValueError when they do not fit."""
    lines = text.splitlines(keepends=True)
    out: list[str] = []
    cursor = 1
    for edit in sorted(edits, key=lambda e: e.start_line):
        if edit.start_line < cursor or edit.end_line < edit.start_line or edit.end_line > len(lines) + 1:
            raise ValueError(f"replacement of lines {edit.start_line}-{edit.end_line} does not fit the file")
        out.extend(lines[cursor - 1 : edit.start_line - 1])
        out.append(edit.text)
        cursor = edit.end_line
    out.extend(lines[cursor - 1 :])
    return "".join(out)


def sarif_fix(fix: FileFix, uri: str, uri_base_id: str = "%SRCROOT%") -> dict[str, Any]:
    """A SARIF 2.1.0 ``fix`` object for an accepted fix: one artifact change, whole-line replacements
    (columns and character offsets both given, so consumers of either kind apply it the same)."""
    edits = replacements(fix.original_code, fix.fixed_code)
    return {
        "description": {"text": f"hardgen fix: {fix.reason}"},
        "artifactChanges": [
            {
                "artifactLocation": {"uri": uri, "uriBaseId": uri_base_id},
                "replacements": [
                    {
                        "deletedRegion": {
                            "startLine": e.start_line,
                            "startColumn": 1,
                            "endLine": e.end_line,
                            "endColumn": 1,
                            "charOffset": e.char_offset,
                            "charLength": e.char_length,
                        },
                        "insertedContent": {"text": e.text},
                    }
                    for e in edits
                ],
            }
        ],
    }


def replacements_from_sarif(fix: Mapping[str, Any]) -> list[Replacement]:
    """The replacements of a SARIF ``fix`` (its first artifact change), e.g. to apply a suggestion."""
    out = []
    for item in fix["artifactChanges"][0]["replacements"]:
        region = item["deletedRegion"]
        text = str(item.get("insertedContent", {}).get("text", ""))
        out.append(
            Replacement(
                int(region["startLine"]),
                int(region["endLine"]),
                int(region.get("charOffset", -1)),
                int(region.get("charLength", 0)),
                text,
            )
        )
    return out
