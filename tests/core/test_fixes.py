"""What makes a fix verified and how it is delivered: finding comparison, diffs, SARIF replacements."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from hardgen.core.fixes import (
    FileFix,
    FixOutcome,
    apply_replacements,
    exit_code,
    remaining_findings,
    replacements,
    replacements_from_sarif,
    sarif_fix,
)


def finding(rule: str, line: int) -> dict[str, Any]:
    return {"rule_id": rule, "start_line": line}


def test_findings_compare_by_rule_and_count_not_by_line() -> None:
    before = [finding("py/sql-injection", 10), finding("py/sql-injection", 14), finding("py/flask-debug", 30)]
    # the code moved: one injection left (on another line), debug gone, a new weakness in
    after = [finding("py/sql-injection", 3), finding("py/path-injection", 8)]
    remaining, introduced = remaining_findings(before, after)
    assert [f["rule_id"] for f in remaining] == ["py/sql-injection"]
    assert introduced == [finding("py/path-injection", 8)]
    # the same rule reported more often than before is new too
    _, more = remaining_findings([finding("js/xss", 1)], [finding("js/xss", 1), finding("js/xss", 9)])
    assert more == [finding("js/xss", 9)]


def test_exit_code_is_zero_only_when_no_finding_remains() -> None:
    fixed = FileFix("a.py", FixOutcome.fixed, fixed_code="x = 1\n", findings=[finding("py/x", 1)])
    assert exit_code([fixed, FileFix("b.txt", FixOutcome.unsupported), FileFix("c.py", FixOutcome.clean)]) == 0
    assert exit_code([FileFix("blob.py", FixOutcome.skipped, "binary file")]) == 0  # nothing was found in it
    assert exit_code([fixed, FileFix("d.py", FixOutcome.partially_fixed, findings=[finding("py/x", 1)])]) == 1
    assert exit_code([FileFix("e.py", FixOutcome.skipped, "model error", findings=[finding("py/x", 1)])]) == 1


def test_diff_has_git_paths_and_marks_a_missing_final_newline() -> None:
    fix = FileFix("src/a.py", FixOutcome.fixed, original_code="a = 1\nb = 2", fixed_code="a = 1\nb = 3")
    diff = fix.diff()
    assert diff.startswith("--- a/src/a.py\n+++ b/src/a.py\n")
    assert "\\ No newline at end of file\n" in diff and diff.endswith("\n")


lines = st.lists(st.sampled_from(["a\n", "b\n", "c\n", "\n", "x = 1\n", "    return y\n"]), max_size=12)


@settings(max_examples=300, deadline=None)
@given(lines, lines, st.booleans(), st.booleans())
def test_sarif_replacements_turn_the_original_into_the_fix(
    before: list[str], after: list[str], cut_before: bool, cut_after: bool
) -> None:
    old, new = "".join(before), "".join(after)
    old = old[:-1] if cut_before and old else old  # files without a final newline
    new = new[:-1] if cut_after and new else new
    edits = replacements(old, new)
    assert apply_replacements(old, edits) == new
    fix = FileFix("a.py", FixOutcome.fixed, "r", original_code=old, fixed_code=new)
    assert apply_replacements(old, replacements_from_sarif(sarif_fix(fix, "a.py"))) == new
    for edit in edits:  # the character range says the same as the line range
        assert old[edit.char_offset : edit.char_offset + edit.char_length] == "".join(
            old.splitlines(keepends=True)[edit.start_line - 1 : edit.end_line - 1]
        )
