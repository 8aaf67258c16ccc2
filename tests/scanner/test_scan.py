"""Batch orchestration with real engines: skipping, decoding, failure isolation, cache, dedup."""

from __future__ import annotations

import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from hardgen.core.findings import Finding
from hardgen.core.languages import Language
from hardgen.scanner.cache import ResultCache
from hardgen.scanner.engines.bandit import BanditEngine
from hardgen.scanner.engines.base import EngineError, EngineResult, EngineTimeoutError, ScanFile
from hardgen.scanner.engines.registry import UnknownEngineError, parse_engines, select_engines
from hardgen.scanner.engines.semgrep import SemgrepEngine
from hardgen.scanner.scan import Scanner, SourceInput
from tests.scanner.conftest import CLEAN_PY, INSECURE_PY

# An analyser outside our code: prints "path:line" for each line holding `eval(`, and dies with a
# segfault-like exit code when it meets a file containing CRASH-ME (as a buggy parser would), or
# hangs on HANG-ME.
_TOOL = r"""
import sys, time
for path in sys.argv[1:]:
    text = open(path, encoding="utf-8").read()
    if "CRASH-ME" in text:
        sys.exit(139)
    if "HANG-ME" in text:
        time.sleep(60)
    for number, line in enumerate(text.splitlines(), 1):
        if "eval(" in line:
            print(f"{path}\t{number}")
"""


class FragileEngine:
    """A third-party-style engine plugin (one external process per batch) used to exercise the
    orchestrator's failure isolation with a real crashing process."""

    name = "fragile"
    languages = frozenset({Language.PYTHON})
    runs = 0

    def available(self) -> bool:
        return True

    def version(self) -> str:
        return "fragile-1"

    def scan(self, files: list[ScanFile], timeout: float) -> EngineResult:
        FragileEngine.runs += 1
        by_path = {str(f.abs_path): f for f in files}
        try:
            proc = subprocess.run(
                [sys.executable, "-c", _TOOL, *by_path], capture_output=True, text=True, timeout=timeout
            )
        except subprocess.TimeoutExpired:
            raise EngineTimeoutError(f"fragile did not finish within {timeout:.1f}s") from None
        if proc.returncode != 0:
            raise EngineError(f"fragile exited {proc.returncode}")
        result = EngineResult()
        for row in proc.stdout.splitlines():
            path, line = row.split("\t")
            result.findings.append(
                Finding(rule_id="py/unsafe-deserialization", cwes=[502], severity=5.0, path=by_path[path].path,
                        start_line=int(line), end_line=int(line), engine="fragile")
            )  # fmt: skip
        return result


def _tag(code: bytes) -> bytes:
    return code + f"# {uuid.uuid4()}\n".encode()


@pytest.fixture
def cache(tmp_path: Path) -> ResultCache:
    return ResultCache(tmp_path / "cache.sqlite")


def test_binary_skipped_non_utf8_and_ignored_names_scanned(rule_pack: Path, cache: ResultCache) -> None:
    latin1 = "# caf\xe9 \xe0 la cr\xe8me\nresult = eval(data)\n".encode("latin-1")
    report = Scanner([SemgrepEngine()], cache=cache).scan(
        [
            SourceInput("pkg/legacy.py", latin1),
            SourceInput("pkg/blob.py", b"\x7fELF\x00\x00\x01eval(x)"),
            SourceInput("pkg/notes.txt", b"eval(x)"),
            # names Semgrep ignores by default (tests/, node_modules/, *.min.js) are still scanned
            SourceInput("tests/node_modules/app.min.js", _tag(b"eval(location.hash)\n")),
            # an upper-case extension is still Python for hardgen, so Semgrep must analyse it too
            SourceInput("LEGACY/TOOL.PY", b"import os\nresult = eval(os.environ['X'])\n"),
        ]
    )
    assert report.skipped == ["pkg/blob.py: binary file", "pkg/notes.txt: unsupported file type"]
    assert report.files_scanned == 3
    assert [(f.path, f.rule_id, f.start_line) for f in report.findings] == [
        ("LEGACY/TOOL.PY", "py/code-injection", 2),
        ("pkg/legacy.py", "py/code-injection", 2),
        ("tests/node_modules/app.min.js", "js/code-injection", 1),
    ]
    assert report.errors == []


def test_engine_crash_on_one_file_yields_an_error_and_the_batch_completes(
    rule_pack: Path, cache: ResultCache
) -> None:
    files = [SourceInput(f"m/f{i}.py", _tag(INSECURE_PY)) for i in range(6)]
    files.insert(3, SourceInput("m/poison.py", _tag(b"# CRASH-ME\nx = eval(y)\n")))
    FragileEngine.runs = 0
    report = Scanner([SemgrepEngine(), FragileEngine()], cache=cache).scan(files)
    assert [(e.path, e.engine) for e in report.errors] == [("m/poison.py", "fragile")]
    assert "fragile exited 139" in report.errors[0].message
    flagged = {(f.path, f.engine) for f in report.findings}
    # every other file analysed by the fragile engine; semgrep still covers all seven
    assert {p for p, e in flagged if e == "fragile"} == {f"m/f{i}.py" for i in range(6)}
    assert ("m/poison.py", "semgrep") in flagged
    assert FragileEngine.runs < 2 * 7  # split the batch, not one process per file


def test_engine_hanging_on_one_file_yields_a_timeout_error_for_it(cache: ResultCache) -> None:
    files = [SourceInput("h/good.py", _tag(INSECURE_PY)), SourceInput("h/stuck.py", _tag(b"# HANG-ME\n"))]
    report = Scanner([FragileEngine()], cache=cache).scan(files, timeout=10)
    assert [(e.path, e.message.split(":")[0]) for e in report.errors] == [("h/stuck.py", "timeout")]
    assert [f.path for f in report.findings] == ["h/good.py"]


def test_rescan_of_unchanged_files_comes_from_the_cache(rule_pack: Path, cache: ResultCache) -> None:
    files = [SourceInput("a/app.py", _tag(INSECURE_PY)), SourceInput("a/lib.py", _tag(CLEAN_PY))]
    scanner = Scanner([SemgrepEngine()], cache=cache)
    first = scanner.scan(files)
    assert first.cache_hits == 0 and first.engine_runs == 1
    second = scanner.scan(files)
    assert second.cache_hits == 2 and second.engine_runs == 0  # no engine process at all
    assert [f.model_dump() for f in second.findings] == [f.model_dump() for f in first.findings]
    # same content under another name: still a hit, reported under the new path
    moved = scanner.scan([SourceInput("b/renamed.py", files[0].content)])
    assert moved.engine_runs == 0 and [f.path for f in moved.findings] == ["b/renamed.py"]
    # an edited file is scanned again
    edited = scanner.scan([SourceInput("a/app.py", files[0].content + b"# edit\n")])
    assert edited.engine_runs == 1


def test_rule_pack_change_invalidates_the_cache(rule_pack: Path, cache: ResultCache) -> None:
    code = _tag(b"import yaml\ncfg = yaml.load(open('c'))\n")
    scanner = Scanner([SemgrepEngine()], cache=cache)
    assert scanner.scan([SourceInput("c.py", code)]).engine_runs == 1
    extra = rule_pack / "python" / "py-extra.yaml"
    extra.write_text(
        "rules:\n  - id: py-extra\n    languages: [python]\n    severity: INFO\n    message: open\n"
        "    metadata: {codeql_id: py/path-injection, cwes: [22]}\n    pattern: open(...)\n"
    )
    try:
        report = scanner.scan([SourceInput("c.py", code)])
    finally:
        extra.unlink()
    assert report.engine_runs == 1 and report.cache_hits == 0
    assert "py/path-injection" in {f.rule_id for f in report.findings}


def test_a_broken_rule_file_does_not_stop_the_pack(rule_pack: Path, cache: ResultCache) -> None:
    broken = rule_pack / "python" / "py-broken.yaml"
    broken.write_text("rules:\n  - id: py-broken\n    languages: [python]\n    message: no severity\n"
                      "    pattern: exec(...)\n")  # fmt: skip
    try:
        report = Scanner([SemgrepEngine()], cache=cache).scan([SourceInput("p.py", _tag(INSECURE_PY))])
    finally:
        broken.unlink()
    assert [f.rule_id for f in report.findings] == ["py/code-injection"]
    assert report.errors == [] and report.engine_runs == 1


def test_same_weakness_from_two_engines_is_reported_once(rule_pack: Path, cache: ResultCache) -> None:
    code = _tag(b"import yaml\n\ndef load(text):\n    return yaml.load(text)\n")
    report = Scanner([SemgrepEngine(), BanditEngine()], cache=cache).scan([SourceInput("cfg.py", code)])
    assert [(f.rule_id, f.start_line, f.engine) for f in report.findings] == [
        ("py/unsafe-deserialization", 4, "semgrep")
    ]


def test_bandit_keeps_only_codeql_equivalent_checks(cache: ResultCache) -> None:
    code = _tag(
        b"import hashlib, subprocess, yaml\n"
        b"def etag(body):\n    return hashlib.md5(body).hexdigest()\n"  # no CodeQL counterpart: dropped
        b"def listing():\n    return subprocess.call('ls -l', shell=True)\n"  # literal command: dropped
        b"def run(cmd):\n    return subprocess.call('ls ' + cmd, shell=True)\n"
        b"def parse(text):\n    return yaml.load(text)\n"
    )
    report = Scanner([BanditEngine()], cache=cache).scan([SourceInput("b.py", code)])
    assert [(f.rule_id, f.start_line, f.cwes) for f in report.findings] == [
        ("py/command-line-injection", 7, [78, 88]),
        ("py/unsafe-deserialization", 9, [502]),
    ]
    assert all(f.severity == 9.8 and f.level == "critical" for f in report.findings)


def test_engine_selection() -> None:
    assert parse_engines("semgrep, bandit") == ["semgrep", "bandit"]
    assert parse_engines(["semgrep", "default"])[:2] == ["semgrep", "gocustom"]
    with pytest.raises(UnknownEngineError, match="unknown engine 'sonar'"):
        parse_engines("sonar")
    default = [e.name for e in select_engines()]
    assert default[0] == "semgrep" and "bandit" in default and "codeql" not in default


def test_dedup_merges_one_weakness_but_keeps_distinct_codeql_queries() -> None:
    from hardgen.scanner.dedup import deduplicate

    def at(rule: str, cwes: list[int], engine: str, line: int = 7) -> Finding:
        return Finding(rule_id=rule, cwes=cwes, severity=7.5, path="up.go", start_line=line, engine=engine)

    findings = [
        at("go/path-injection-custom", [22], "gocustom"),
        at("go/path-injection", [22, 23, 36, 73, 99], "semgrep"),
        at("go/hardgen/weak-hash", [916], "gocustom"),  # not a CodeQL query: same family as semgrep's
        at("go/weak-sensitive-data-hashing", [327, 328, 916], "semgrep"),
        at("go/path-injection", [22], "codeql"),  # the same query from CodeQL wins over Semgrep
        at("go/path-injection", [22], "semgrep", line=9),
    ]
    kept = sorted((f.rule_id, f.engine, f.start_line) for f in deduplicate(findings))
    assert kept == [
        ("go/path-injection", "codeql", 7),
        ("go/path-injection", "semgrep", 9),
        ("go/path-injection-custom", "gocustom", 7),
        ("go/weak-sensitive-data-hashing", "semgrep", 7),
    ]
