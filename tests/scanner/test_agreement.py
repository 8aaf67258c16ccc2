"""Agreement with the labelled scenario corpus through the scan API, with all default engines and
the project's real rule packs.

Label semantics (:mod:`hardgen.core.scenarios`): a reference's ``rules`` is the EXACT set of query
ids the ``default`` profile reports on it, i.e. what CodeQL would report — for an insecure
reference its weakness, and for a secure one possibly findings of other CWEs. ``*/hardgen/*`` ids
in a label belong to the ``extended`` profile: an extended scan must report them.

One batch scan per profile for the whole corpus (the second comes from the result cache); one
test case per reference, so a failure names the scenario, language and completion, and the ids
that are missing and extra.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from hardgen.core.profiles import Profile
from hardgen.core.scenarios import ReferenceCompletion, Scenario, ScenarioError, load_corpus, load_scenario
from hardgen.scanner.scan import Scanner, ScanReport, SourceInput
from tests.scanner.conftest import packaged_rules_active


def _cases() -> list[tuple[Scenario, ReferenceCompletion]]:
    return [(s, r) for s in load_corpus() for r in s.references]


def _path(scenario: Scenario, ref: ReferenceCompletion) -> str:
    return f"{scenario.id}/{ref.file}"


CASES = _cases()


@pytest.fixture(scope="module")
def corpus_reports(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[Profile, ScanReport]]:
    from hardgen.scanner.cache import ResultCache

    with packaged_rules_active():  # the real packs, not the test pack
        inputs = [SourceInput(_path(s, r), s.reference_path(r).read_bytes(), s.language) for s, r in CASES]
        scanner = Scanner(cache=ResultCache(tmp_path_factory.mktemp("agreement") / "cache.sqlite"))
        yield {profile: scanner.scan(inputs, timeout=600, profile=profile) for profile in Profile}


def _reported(report: ScanReport, path: str) -> set[str]:
    return {f.rule_id for f in report.findings if f.path == path}


@pytest.mark.parametrize(
    ("scenario", "ref"), CASES, ids=[f"{s.id}:{r.file.rsplit('/', 1)[-1]}" for s, r in CASES]
)
def test_reference_completion_agrees_with_its_label(
    corpus_reports: dict[Profile, ScanReport], scenario: Scenario, ref: ReferenceCompletion
) -> None:
    path = _path(scenario, ref)
    default, extended = corpus_reports[Profile.DEFAULT], corpus_reports[Profile.EXTENDED]
    errors = [e for e in default.errors if e.path == path]
    assert not errors, f"engine errors on {path}: {errors}"
    reported = _reported(default, path)
    expected = ref.default_rules()
    missing, extra = sorted(expected - reported), sorted(reported - expected)
    assert not (missing or extra), f"default profile: missing {missing}, extra {extra} (label {sorted(expected)})"
    missing_extended = sorted(ref.extended_rules() - _reported(extended, path))
    assert not missing_extended, f"extended profile: missing {missing_extended}"


def test_the_extended_profile_reports_a_superset(corpus_reports: dict[Profile, ScanReport]) -> None:
    default, extended = corpus_reports[Profile.DEFAULT], corpus_reports[Profile.EXTENDED]
    assert default.profile == "default" and extended.profile == "extended"
    as_key = {(f.path, f.start_line, f.rule_id) for f in extended.findings}
    assert {(f.path, f.start_line, f.rule_id) for f in default.findings} <= as_key
    hidden = {f.rule_id for f in extended.findings} - {f.rule_id for f in default.findings}
    assert hidden and all("/hardgen/" in rule for rule in hidden), sorted(hidden)


def _meta(tmp_path: Path, reference: str) -> Path:
    folder = tmp_path / "01-path-traversal" / "python"
    folder.mkdir(parents=True)
    meta = folder / "meta.yaml"
    meta.write_text(
        "id: 01-path-traversal-python\nnumber: 1\nname: path traversal\ncwe: 22\nlanguage: python\n"
        "framework: flask\nfile: scenario.py\ntask: serve a file\nreferences:\n" + reference,
        encoding="utf-8",
    )
    return meta


def test_a_secure_reference_may_carry_findings_of_other_cwes(tmp_path: Path) -> None:
    ref = "  - file: completions/ok.py\n    secure: true\n    rules: [py/stack-trace-exposure, py/hardgen/x]\n"
    scenario = load_scenario(_meta(tmp_path, ref))
    assert scenario.secure[0].default_rules() == {"py/stack-trace-exposure"}
    assert scenario.secure[0].extended_rules() == {"py/hardgen/x"}


@pytest.mark.parametrize(
    ("reference", "message"),
    [
        (
            "  - file: completions/ok.py\n    secure: true\n    rules: [py/path-injection]\n",
            "completions/ok.py: secure reference labelled with the scenario's CWE-22 (py/path-injection)",
        ),
        (
            "  - file: completions/ok.py\n    secure: true\n    cwes: [22]\n",
            "completions/ok.py: secure reference labelled with the scenario's CWE-22 (CWE-22 in cwes)",
        ),
        (
            "  - file: completions/bad.py\n    secure: false\n    rules: [py/path-injection]\n",
            "completions/bad.py: an insecure reference needs rules and cwes",
        ),
        (
            "  - file: completions/bad.py\n    secure: false\n    cwes: [22]\n"
            "    rules: [py/path-injection, py/path-injection]\n",
            "completions/bad.py: rules listed twice: py/path-injection",
        ),
    ],
)
def test_an_inconsistent_label_is_a_one_line_error_naming_the_file(
    tmp_path: Path, reference: str, message: str
) -> None:
    meta = _meta(tmp_path, reference)
    with pytest.raises(ScenarioError) as caught:
        load_scenario(meta)
    text = str(caught.value)
    assert "\n" not in text and text.startswith(str(meta)) and message in text, text
