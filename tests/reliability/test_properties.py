"""Property-based tests (Hypothesis) on the parsers and writers that meet untrusted input:
model replies, archives uploaded to the scanner, corpus manifests, SARIF output, prompt builders.
Each property is what a user relies on: bad input gives a clear error, never a crash or a loss."""

from __future__ import annotations

import io
import json
import tarfile
import warnings
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hardgen.core.findings import FileError, Finding
from hardgen.core.languages import Language
from hardgen.core.scenarios import get_scenario

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
LANGUAGES = st.sampled_from(list(Language))
CODE_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="`\x00"), min_size=1, max_size=300
)


# --- code extraction --------------------------------------------------------------------------


@FAST
@given(reply=st.text(max_size=600), language=LANGUAGES)
def test_extraction_never_raises_and_reports_a_known_method(reply: str, language: Language) -> None:
    from hardgen.core.extraction import extract

    scenario = get_scenario(1, language)
    result = extract(reply, language, scenario.prefix(), scenario.suffix())
    assert result.method in {f"fenced:{language.value}", "fenced", "fenced-unterminated", "whole", "empty"}
    assert result.code.strip() or not result.parses, "nothing extracted never counts as parsing"
    if not reply.strip():
        assert result.code == "" and not result.parses


@FAST
@given(body=CODE_TEXT, chatter=st.text(alphabet="abc xyz.,\n", max_size=80), language=LANGUAGES)
def test_a_fenced_block_for_the_language_is_taken_verbatim(body: str, chatter: str, language: Language) -> None:
    from hardgen.core.extraction import extract_snippet

    reply = f"{chatter}\n```{language.fence_names[0]}\n{body}\n```\n{chatter}"
    snippet, method = extract_snippet(reply, language)
    assert method == f"fenced:{language.value}"
    assert snippet == body.rstrip() + "\n"


# --- SARIF writer -----------------------------------------------------------------------------

PATHS = st.lists(st.sampled_from(["a.py", "src/b.js", "pkg/Main.java", "cmd/x.go", "dir with space/ü.py"]), min_size=1)
FINDINGS = st.builds(
    Finding,
    rule_id=st.sampled_from(["py/path-injection", "js/sql-injection", "go/hardgen/weak-password-hash", "java/xss"]),
    cwes=st.lists(st.integers(min_value=1, max_value=1400), max_size=4),
    severity=st.floats(min_value=0.0, max_value=10.0, allow_nan=False),
    message=st.text(max_size=120),
    path=st.sampled_from(["a.py", "src/b.js", "pkg/Main.java", "cmd/x.go", "dir with space/ü.py"]),
    start_line=st.integers(min_value=1, max_value=5000),
    end_line=st.integers(min_value=1, max_value=5000),
    engine=st.sampled_from(["semgrep", "gocustom", "bandit"]),
)


@FAST
@given(findings=st.lists(FINDINGS, max_size=25), mode=st.sampled_from(["merged", "per-engine"]))
def test_sarif_output_always_validates_and_keeps_every_finding(findings: list[Finding], mode: str) -> None:
    from hardgen.scanner.sarif import to_sarif, validate

    errors = [FileError(path="broken.py", engine="semgrep", message="parse error")]
    document = to_sarif([f.with_fingerprint() for f in findings], errors, mode=mode)  # type: ignore[arg-type]
    validate(document)
    json.dumps(document)  # serialisable as is
    results = [r for run in document["runs"] for r in run["results"]]
    assert len(results) == len(findings)
    for result in results:
        uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert not uri.startswith("/") and ".." not in uri.split("/")


# --- archive unpacking ------------------------------------------------------------------------


@FAST
@given(data=st.binary(max_size=2048))
def test_arbitrary_bytes_are_rejected_with_an_archive_error_or_read(data: bytes) -> None:
    from hardgen.gateway.archive import MAX_UNPACKED_BYTES, ArchiveError, read_archive

    try:
        files = read_archive(data)
    except ArchiveError:
        return
    # what was read stays inside the scan root and within the unpacking budget
    assert all(f.path and not f.path.startswith("/") and ".." not in f.path.split("/") for f in files)
    assert sum(len(f.content) for f in files) <= MAX_UNPACKED_BYTES


NAMES = st.lists(
    st.text(alphabet="abcd./_-", min_size=1, max_size=24).filter(lambda n: n.strip("/") != ""), min_size=1, max_size=8
)


@FAST
@given(names=NAMES, as_zip=st.booleans())
def test_archive_members_never_escape_the_scan_root(names: list[str], as_zip: bool) -> None:
    from hardgen.gateway.archive import ArchiveError, read_archive

    buffer = io.BytesIO()
    if as_zip:
        with warnings.catch_warnings(), zipfile.ZipFile(buffer, "w") as archive:
            warnings.simplefilter("ignore")  # duplicate names are part of the attack surface
            for name in names:
                archive.writestr(name, "x = 1\n")
    else:
        with tarfile.open(fileobj=buffer, mode="w") as archive:
            for name in names:
                info = tarfile.TarInfo(name)
                info.size = 6
                archive.addfile(info, io.BytesIO(b"x = 1\n"))
    try:
        files = read_archive(buffer.getvalue())
    except ArchiveError:
        return
    for item in files:
        path = item[0] if isinstance(item, tuple) else item.path
        parts = Path(path).parts
        assert not Path(path).is_absolute() and ".." not in parts


# --- corpus manifests -------------------------------------------------------------------------

ONE_LINE = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), max_size=80)


@FAST
@given(lines=st.lists(st.one_of(ONE_LINE, st.just("{}"), st.just("[1,2]")), min_size=1, max_size=12))
def test_malformed_manifest_lines_are_reported_by_number_and_skipped(lines: list[str], tmp_path_factory) -> None:  # type: ignore[no-untyped-def]
    from hardgen.analytics.corpus import import_manifest
    from hardgen.analytics.store import Store

    folder = tmp_path_factory.mktemp("manifest")
    (folder / "a.py").write_text("import os\n")
    good = json.dumps(
        {"language": "python", "model": "m", "scenario": 1, "technique": "raw", "sample": 0, "path": "a.py"}
    )
    text = "\n".join([good, *lines])
    manifest = folder / "m.jsonl"
    manifest.write_text(text)
    with Store(folder / "db.duckdb") as store:
        result = import_manifest(store, manifest, "prop")
        assert result.imported == 1
        reported = {e.line for e in result.errors}
        assert reported <= set(range(2, len(lines) + 2))
        count = store.query("SELECT count(*) FROM samples WHERE study = 'prop'")[0][0]
        assert count == 1


# --- strategy prompt builders -----------------------------------------------------------------


@FAST
@given(
    task=st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=200).filter(
        lambda t: t.strip() != ""
    ),
    strategy=st.sampled_from(["raw", "cot", "mp", "nep"]),
    language=LANGUAGES,
)
def test_every_prompt_carries_the_users_task(task: str, strategy: str, language: Language) -> None:
    from hardgen.refinement.service import GenerateSpec, RefinementService

    spec = GenerateSpec(language=language.value, model="mock/references", strategy=strategy, prompt=task)
    prompts = RefinementService().prompts(spec)
    assert prompts, strategy
    assert any(task.strip() in p.text for p in prompts)
