"""``make agreement`` (:mod:`hardgen.scanner.agreement`): the rule packs' regression corpus.

The real corpus (``rules/<language>/agreement/``) is scanned once with the real packs and the
default profile; a query that falls below its recorded recall or precision, or a recorded query
with fewer than five expecting programs or near-misses, fails. The command itself (header parsing,
figures, ``--record``, errors) is checked on a small corpus against the scanner tests' own rule
pack, with real Semgrep.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from hardgen.core.languages import Language
from hardgen.scanner import agreement
from hardgen.scanner.agreement import AgreementError, QueryScore, parse_program
from hardgen.scanner.cache import ResultCache
from hardgen.scanner.scan import Scanner, ScanReport
from tests.scanner.conftest import packaged_rules_active

# -- the real corpus ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def real_corpus(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[list[agreement.Program], ScanReport, dict[str, QueryScore]]]:
    with packaged_rules_active():  # the real packs, not the test pack
        programs = agreement.load_programs(Language)
        scanner = Scanner(cache=ResultCache(tmp_path_factory.mktemp("corpus") / "cache.sqlite"))
        report = agreement.scan_programs(programs, scanner)
        yield programs, report, agreement.score(programs, report)


def _corpus_languages() -> list[Language]:
    return [lang for lang in Language if any(agreement.corpus_dir(lang).glob(f"*{lang.extension}"))]


@pytest.mark.parametrize("language", _corpus_languages(), ids=lambda lang: lang.value)
def test_no_query_drops_below_its_recorded_figures(
    real_corpus: tuple[list[agreement.Program], ScanReport, dict[str, QueryScore]], language: Language
) -> None:
    programs, report, scores = real_corpus
    errors = [e for e in agreement.engine_errors(report) if e.startswith(f"{language.value}/")]
    assert not errors, errors
    recorded = agreement.read_baseline(language)
    assert recorded, f"no baseline for {language.value}: run make agreement ARGS='--language {language.value} --record'"
    assert not agreement.regressions(scores, recorded)
    assert not agreement.thin_queries(recorded, scores, [p for p in programs if p.language is language])


# -- the command on a corpus of our own --------------------------------------------------------------

FIRE = "# hardgen-expect: py/code-injection\n\ndef handler(q):\n    return eval(q)\n"
FIRE_TWO = "# hardgen-expect: py/code-injection\n\ndef handler(q):\n    return eval(q.strip())\n"
MISSED = "# hardgen-expect: py/code-injection\n\ndef handler(q):\n    return exec(q)\n"
NEAR = "# hardgen-expect: none\n# hardgen-near-miss: py/code-injection\n\ndef handler(q):\n    return len(q)\n"
FALSE_POSITIVE = "# hardgen-expect: none\n\ndef handler(q):\n    return eval('1 + 1')\n"


@pytest.fixture()
def own_corpus(rule_pack: Path, tmp_path: Path) -> Path:
    folder = rule_pack / "python" / "agreement"
    folder.mkdir(exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    programs = {"fire-a.py": FIRE, "fire-b.py": FIRE_TWO, "missed.py": MISSED, "ok-near.py": NEAR,
                "ok-constant.py": FALSE_POSITIVE}  # fmt: skip
    for name, text in programs.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _run(*args: str, cache: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HARDGEN_CACHE": str(cache)}
    cmd = [sys.executable, "-m", "hardgen.scanner.agreement", *args]
    return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300, check=False)


def test_make_agreement_prints_per_query_figures_and_records_them(own_corpus: Path, tmp_path: Path) -> None:
    done = _run("--language", "python", "--format", "json", "--record", cache=tmp_path)
    assert done.returncode == 0, done.stderr
    document = json.loads(done.stdout)
    by_query = {q["query"]: q for q in document["queries"]}
    code = by_query["py/code-injection"]
    assert (code["support"], code["near_misses"], code["tp"], code["fp"], code["fn"]) == (3, 1, 2, 1, 1)
    assert code["recall"] == pytest.approx(2 / 3, abs=1e-3) and code["precision"] == pytest.approx(2 / 3, abs=1e-3)
    assert code["misses"] == ["missed.py"] and code["false_positives"] == ["ok-constant.py"]
    assert document["profile"] == "default" and document["programs"] == 5
    baseline = json.loads((own_corpus / "baseline.json").read_text(encoding="utf-8"))
    assert baseline["queries"]["py/code-injection"]["recall"] == pytest.approx(2 / 3, abs=1e-3)

    table = _run("--language", "python", cache=tmp_path)
    assert table.returncode == 0 and "py/code-injection" in table.stdout and "0.67" in table.stdout
    assert "missed    py/code-injection in python/missed.py" in table.stdout


def test_a_drop_below_the_recorded_figures_and_a_thin_query_are_reported(own_corpus: Path) -> None:
    programs = agreement.load_programs([Language.PYTHON])
    scores = agreement.score(programs, agreement.scan_programs(programs, Scanner(use_cache=False)))
    recorded = {"py/code-injection": {"support": 3, "near_misses": 1, "recall": 1.0, "precision": 0.5}}
    assert agreement.regressions(scores, recorded) == ["py/code-injection: recall 0.67 < recorded 1.00"]
    assert agreement.thin_queries(recorded, scores, programs) == [
        "py/code-injection: 3 expecting programs and 1 near-misses (need 5 each)"
    ]
    # expected only beside another query, with no near-miss and no program of its own: not ported
    incidental = {"py/code-injection": {"support": 3, "near_misses": 0, "recall": 1.0, "precision": 0.5}}
    assert agreement.thin_queries(incidental, scores, programs) == []
    named = [p for p in programs if p.path.name != "fire-a.py"]
    named.append(agreement.Program(own_corpus / "code-injection-fire-a.py", Language.PYTHON, frozenset(), frozenset()))
    assert agreement.ported_queries(incidental, named) == {"py/code-injection"}
    gone = {"py/sql-injection": {"support": 5, "near_misses": 5, "recall": 0.8, "precision": 1.0}}
    assert agreement.regressions(scores, gone) == [
        "py/sql-injection: no expecting programs any more (recorded recall 0.80)"
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("def handler(q):\n    return q\n", "line 1 must be '# hardgen-expect: <query-id>, ...'"),
        ("// hardgen-expect: py/code-injection\n", "line 1 must be '# hardgen-expect:"),
        ("# hardgen-expect: code injection\n", "hardgen-expect needs query ids separated by commas or 'none'"),
        ("# hardgen-expect: py/a,\n", "hardgen-expect needs query ids"),
        ("# hardgen-expect: none\n#hardgen-near-miss: py/a\n", "line 2 must be '# hardgen-near-miss: <query-id>, ...'"),
        ("# hardgen-expect: py/a\n# hardgen-near-miss: py/a\n", "py/a both expected and a near-miss"),
    ],
)
def test_a_malformed_header_is_a_one_line_error_naming_the_file(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "prog.py"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(AgreementError) as caught:
        parse_program(path)
    assert str(caught.value).startswith(f"{path}:") and message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_headers_in_the_languages_comment_syntax(tmp_path: Path) -> None:
    path = tmp_path / "h.go"
    path.write_text("// hardgen-expect: go/path-injection, go/study/path-traversal\n// hardgen-near-miss: go/x\n")
    program = parse_program(path)
    assert program.expect == {"go/path-injection", "go/study/path-traversal"} and program.near_miss == {"go/x"}
    assert program.language is Language.GO and program.key == "go/h.go"


def test_a_malformed_corpus_file_exits_2_with_one_line(own_corpus: Path, tmp_path: Path) -> None:
    (own_corpus / "broken.py").write_text("import os\n", encoding="utf-8")
    done = _run("--language", "python", cache=tmp_path)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.strip().count("\n") == 0 and "broken.py:1: line 1 must be" in done.stderr
    unknown = _run("--language", "cobol", cache=tmp_path)
    assert unknown.returncode == 2 and "cobol" in unknown.stderr
