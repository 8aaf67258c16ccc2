"""Does a candidate fix parse? tree-sitter first, then the language's own compiler front end.

tree-sitter is lenient in places where the real toolchains are not (Python's indentation and
``return`` outside a function, Java's and Go's stricter grammars), so a fix is also checked with
the toolchain where it is installed: ``python -m py_compile``, ``node --check``, ``javac`` stopped
after parsing (one file, so unresolved imports and symbols are not errors) and ``gofmt -e``.
Each runs on a copy in a temporary folder; none of them executes the code (py_compile only
compiles, ``node --check`` only parses, javac stops before code generation, gofmt only formats).
A missing tool is skipped, not an error: the check is as strict as the machine allows.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from hardgen.core.languages import Language, parses, syntax_errors

TIMEOUT_SECONDS = 30.0


@dataclass(frozen=True, slots=True)
class ParseCheck:
    ok: bool
    reason: str = ""  # first line of the error when not ok
    tools: tuple[str, ...] = ()  # the checks that ran (tree-sitter plus the toolchain ones)


def _toolchain(language: Language, file: Path) -> tuple[str, list[str]] | None:
    """(tool name, argv) for the language's syntax check, or None when the tool is missing."""
    if language is Language.PYTHON:
        return "py_compile", [sys.executable, "-I", "-m", "py_compile", str(file)]
    if language is Language.JAVASCRIPT:
        node = shutil.which("node")
        return ("node --check", [node, "--check", str(file)]) if node else None
    if language is Language.JAVA:
        javac = shutil.which("javac")
        if not javac:
            return None
        return "javac", [
            javac,
            "-XDshould-stop.ifNoError=PARSE",
            "-proc:none",
            "-d",
            str(file.parent / "out"),
            str(file),
        ]
    gofmt = shutil.which("gofmt")
    return ("gofmt -e", [gofmt, "-e", "-l", str(file)]) if gofmt else None


def _file_name(path: str, language: Language) -> str:
    """The original file name (javac wants a public class's file name), with the language's extension."""
    name = PurePosixPath(path.replace("\\", "/")).name or "main"
    return name if name.endswith(language.extension) else f"main{language.extension}"


def _first_error(output: str, file: Path) -> str:
    for line in output.splitlines():
        text = line.replace(str(file.parent) + "/", "").strip()
        if text and not text.startswith(("Traceback", "^")):
            return text[:200]
    return "syntax error"


def check_parses(code: str, language: Language, path: str = "") -> ParseCheck:
    """tree-sitter, then the toolchain's syntax check on a temporary copy of ``code``."""
    if not code.strip():
        return ParseCheck(False, "empty program", ("tree-sitter",))
    if not parses(code, language):
        errors = syntax_errors(code, language, limit=1)
        where = f" at line {errors[0][0]}" if errors else ""
        return ParseCheck(False, f"tree-sitter: syntax error{where}", ("tree-sitter",))
    with tempfile.TemporaryDirectory(prefix="hardgen-fixcheck-") as tmp:
        file = Path(tmp) / _file_name(path, language)
        file.write_text(code, encoding="utf-8")
        tool = _toolchain(language, file)
        if tool is None:
            return ParseCheck(True, "", ("tree-sitter",))
        name, argv = tool
        try:
            done = subprocess.run(  # noqa: S603 - fixed argv, the file is data for a compiler front end
                argv, capture_output=True, text=True, timeout=TIMEOUT_SECONDS, cwd=tmp, check=False
            )
        except subprocess.TimeoutExpired:
            return ParseCheck(False, f"{name}: no answer within {TIMEOUT_SECONDS:.0f}s", ("tree-sitter", name))
        except OSError as exc:
            return ParseCheck(True, f"{name} not runnable ({exc.strerror}); tree-sitter only", ("tree-sitter",))
        if done.returncode != 0:
            return ParseCheck(False, f"{name}: {_first_error(done.stderr or done.stdout, file)}", ("tree-sitter", name))
        return ParseCheck(True, "", ("tree-sitter", name))
