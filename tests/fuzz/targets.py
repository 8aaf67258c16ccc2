"""atheris fuzz targets for the two readers of untrusted bytes in the scanner.

``python -m tests.fuzz.targets archive|sarif [libFuzzer flags] [corpus dirs]``. The pytest in
``tests/reliability/test_fuzz.py`` runs each for a few seconds; ``make fuzz`` runs them longer.

* archive: :func:`hardgen.gateway.archive.read_archive` on arbitrary bytes must return files with
  safe relative names or raise :class:`ArchiveError` (400/413), never anything else, and never
  return more than its byte and entry budgets.
* sarif: the codeql engine's SARIF reader on arbitrary text must return findings that point at
  the scanned files with sane positions, or raise ``EngineError`` (a per-batch error), never crash
  the scan.
"""

from __future__ import annotations

import io
import sys
import tarfile
import zipfile
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["hardgen"]):
    from hardgen.core.languages import Language
    from hardgen.gateway.archive import ArchiveError, read_archive
    from hardgen.scanner.engines.base import EngineError, ScanFile
    from hardgen.scanner.engines.codeql import read_sarif

MAX_ENTRIES, MAX_BYTES = 64, 1 << 20
FILES = {"app.py": ScanFile("app.py", Path("/nonexistent/app.py"), Language.PYTHON)}


def fuzz_archive(data: bytes) -> None:
    try:
        files = read_archive(data, max_entries=MAX_ENTRIES, max_bytes=MAX_BYTES)
    except ArchiveError:
        return
    assert len(files) <= MAX_ENTRIES
    assert sum(len(f.content) for f in files) <= MAX_BYTES
    for f in files:
        assert not f.path.startswith("/") and ".." not in f.path.split("/"), f.path


def fuzz_sarif(data: bytes) -> None:
    text = data.decode("utf-8", errors="replace")
    try:
        result = read_sarif(text, FILES)
    except EngineError:
        return
    for finding in result.findings:
        assert finding.path in FILES and finding.start_line >= 1 and finding.end_line >= 1


def seeds(folder: Path) -> None:
    """A few valid inputs, so the fuzzer starts inside the formats rather than at random bytes."""
    folder.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("src/app.py", "import os\n")
        archive.writestr("src/", "")
    (folder / "seed.zip").write_bytes(buffer.getvalue())
    for mode in ("w", "w:gz"):
        buffer = io.BytesIO()
        with tarfile.open(fileobj=buffer, mode=mode) as archive:  # type: ignore[call-overload]
            info = tarfile.TarInfo("pkg/main.go")
            info.size = 12
            archive.addfile(info, io.BytesIO(b"package main"))
        (folder / f"seed{mode.replace(':', '.')}.tar").write_bytes(buffer.getvalue())
    (folder / "seed.sarif").write_text(
        '{"runs": [{"tool": {"driver": {"rules": [{"id": "py/path-injection", "properties": '
        '{"tags": ["security", "external/cwe/cwe-022"]}}]}}, "results": [{"ruleId": "py/path-injection", '
        '"ruleIndex": 0, "message": {"text": "m"}, "locations": [{"physicalLocation": {"artifactLocation": '
        '{"uri": "app.py"}, "region": {"startLine": 3, "endLine": 3, "startColumn": 2}}}]}], "invocations": '
        '[{"toolExecutionNotifications": [{"level": "error", "message": {"text": "x"}, "locations": '
        '[{"physicalLocation": {"artifactLocation": {"uri": "app.py"}}}]}]}]}]}'
    )


TARGETS = {"archive": fuzz_archive, "sarif": fuzz_sarif}


def main() -> None:
    name = sys.argv[1]
    argv = [sys.argv[0], *sys.argv[2:]]
    atheris.Setup(argv, TARGETS[name])
    atheris.Fuzz()


if __name__ == "__main__":
    if sys.argv[1] == "seeds":
        seeds(Path(sys.argv[2]))
    else:
        main()
