"""Agreement with the labelled corpus through the scan API, with all default engines and the
project's real rule packs: every insecure reference completion is flagged with each of its
labelled query ids, and no secure reference completion is flagged at all.

One batch scan for the whole corpus (as the benchmark does); one test case per reference, so a
failure names the scenario, language and completion.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from hardgen.core.scenarios import ReferenceCompletion, Scenario, load_corpus
from hardgen.scanner.scan import Scanner, ScanReport, SourceInput


def _cases() -> list[tuple[Scenario, ReferenceCompletion]]:
    return [(s, r) for s in load_corpus() for r in s.references]


def _path(scenario: Scenario, ref: ReferenceCompletion) -> str:
    return f"{scenario.id}/{ref.file}"


CASES = _cases()


@pytest.fixture(scope="module")
def corpus_report(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ScanReport]:
    from hardgen.scanner.cache import ResultCache

    saved = os.environ.pop("HARDGEN_RULES", None)  # the real packs, not the test pack
    try:
        inputs = [SourceInput(_path(s, r), s.reference_path(r).read_bytes(), s.language) for s, r in CASES]
        cache = ResultCache(tmp_path_factory.mktemp("agreement") / "cache.sqlite")
        yield Scanner(cache=cache).scan(inputs, timeout=600)
    finally:
        if saved is not None:
            os.environ["HARDGEN_RULES"] = saved


@pytest.mark.parametrize(
    ("scenario", "ref"), CASES, ids=[f"{s.id}:{r.file.rsplit('/', 1)[-1]}" for s, r in CASES]
)
def test_reference_completion_agrees_with_its_label(
    corpus_report: ScanReport, scenario: Scenario, ref: ReferenceCompletion
) -> None:
    path = _path(scenario, ref)
    errors = [e for e in corpus_report.errors if e.path == path]
    assert not errors, f"engine errors on {path}: {errors}"
    found = [f for f in corpus_report.findings if f.path == path]
    if ref.secure:
        assert found == [], f"secure reference flagged: {[(f.rule_id, f.start_line, f.engine) for f in found]}"
    else:
        reported = {f.rule_id for f in found}
        missing = sorted(set(ref.rules) - reported)
        assert not missing, f"labelled {ref.rules}, reported {sorted(reported)}"
        assert set(ref.cwes) & {c for f in found for c in f.cwes}, f"none of CWEs {ref.cwes} reported"
