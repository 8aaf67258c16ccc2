"""The scenario corpus is what every prompt, the fine-tuning set and the scanner benchmark stand on."""

from __future__ import annotations

import pytest

from hardgen.core.languages import Language, syntax_errors
from hardgen.core.scenarios import COMPLETION_MARKER, Scenario, load_corpus

CORPUS = load_corpus()
IDS = [s.id for s in CORPUS]


def test_corpus_has_ten_scenarios_in_four_languages() -> None:
    cells = {(s.number, s.language) for s in CORPUS}
    assert cells == {(n, lang) for n in range(1, 11) for lang in Language}
    assert len(CORPUS) == 40


def test_each_scenario_number_keeps_one_name_and_cwe_across_languages() -> None:
    by_number: dict[int, set[tuple[str, int]]] = {}
    for scenario in CORPUS:
        by_number.setdefault(scenario.number, set()).add((scenario.name, scenario.cwe))
    assert all(len(v) == 1 for v in by_number.values()), by_number
    expected_cwes = {1: 22, 2: 89, 3: 200, 4: 434, 5: 502, 6: 306, 7: 522, 8: 78, 9: 798, 10: 79}
    assert {n: next(iter(v))[1] for n, v in by_number.items()} == expected_cwes


@pytest.mark.parametrize("scenario", CORPUS, ids=IDS)
def test_partial_program_parses_and_has_one_marker(scenario: Scenario) -> None:
    source = scenario.source
    assert source.count(COMPLETION_MARKER) == 1, f"{scenario.path}: marker count"
    assert syntax_errors(source, scenario.language) == [], f"{scenario.path} does not parse"
    assert scenario.path.suffix == scenario.language.extension
    assert scenario.task.strip(), "task line is what prompts say"


@pytest.mark.parametrize("scenario", CORPUS, ids=IDS)
def test_references_parse_and_are_labelled(scenario: Scenario) -> None:
    assert len(scenario.insecure) >= 3, f"{scenario.id}: needs ≥3 insecure references"
    assert len(scenario.secure) >= 3, f"{scenario.id}: needs ≥3 secure references"
    prefix = scenario.language.short + "/"
    for ref in scenario.references:
        path = scenario.reference_path(ref)
        assert path.is_file(), f"{path} listed in meta.yaml but missing"
        code = path.read_text(encoding="utf-8")
        assert syntax_errors(code, scenario.language) == [], f"{path} does not parse"
        assert COMPLETION_MARKER not in code, f"{path}: a completion is a whole program"
        assert all(rule.startswith(prefix) for rule in ref.rules), f"{path}: rule of another language"


@pytest.mark.parametrize("scenario", CORPUS, ids=IDS)
def test_reference_variants_differ_from_one_another(scenario: Scenario) -> None:
    bodies = [" ".join(scenario.reference_code(r).split()) for r in scenario.references]
    assert len(set(bodies)) == len(bodies), f"{scenario.id}: duplicate reference completions"


def test_every_completion_file_is_listed() -> None:
    for scenario in CORPUS:
        listed = {scenario.reference_path(r).resolve() for r in scenario.references}
        on_disk = {p.resolve() for p in (scenario.folder / "completions").glob("*") if p.is_file()}
        assert on_disk == listed, f"{scenario.id}: unlisted or missing completion files"
