"""Turn a model's reply into a program: pick the code, merge it into the partial program, check it parses.

Models answer in many shapes: a fenced block with the whole program, a fenced block with only the
missing body, several blocks (code plus a usage example), no fence at all, or a block cut off by the
token limit. The rules, in order:

1. the longest fenced block labelled with the language; else the longest unlabelled block; else an
   unterminated block running to the end of the reply; else the whole reply;
2. if that code is a whole program (it repeats most of the partial program's lines) it is kept as is,
   otherwise it is the completion and is merged as ``prefix + completion + suffix`` (re-indented to
   the marker line when the model dropped the indentation); if it restates a line of the partial
   program (the function header) it replaces the prefix from there; if only ``prefix + completion``
   parses, the model closed the blocks itself and that is used;
3. the result is parsed with tree-sitter and the flag recorded; non-parsing code is kept, never dropped.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass

from hardgen.core.languages import Language, parses
from hardgen.core.scenarios import COMPLETION_MARKER

_FENCE = re.compile(r"^[ \t]*```[ \t]*([A-Za-z0-9_+#.-]*)[^\n]*\n(.*?)^[ \t]*```", re.DOTALL | re.MULTILINE)
_OPEN_FENCE = re.compile(r"^[ \t]*```[ \t]*([A-Za-z0-9_+#.-]*)[^\n]*\n", re.MULTILINE)
_THINK = re.compile(r"<think>.*?</think>", re.DOTALL | re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Extracted:
    """The code of one reply: ``snippet`` as taken from the reply, ``code`` as the final program."""

    code: str
    snippet: str
    method: str  # fenced:<lang> | fenced | fenced-unterminated | whole | empty
    merged: bool
    parses: bool


def extract_snippet(reply: str, language: Language) -> tuple[str, str]:
    """(code, method) from a reply; reasoning blocks (``<think>``) are ignored."""
    text = _THINK.sub("", reply)
    blocks = [(m.group(1).lower(), m.group(2)) for m in _FENCE.finditer(text)]
    labelled = [body for label, body in blocks if label in language.fence_names]
    if labelled:
        return max(labelled, key=len).rstrip() + "\n", f"fenced:{language.value}"
    unlabelled = [body for label, body in blocks if not label]
    if unlabelled:
        return max(unlabelled, key=len).rstrip() + "\n", "fenced"
    if not blocks:
        opened = _OPEN_FENCE.search(text)
        if opened:
            return text[opened.end() :].rstrip() + "\n", "fenced-unterminated"
    stripped = text.strip()
    if not stripped:
        return "", "empty"
    return stripped + "\n", "whole"


def _significant_lines(code: str) -> list[str]:
    return [
        line.strip()
        for line in code.splitlines()
        if line.strip() and COMPLETION_MARKER not in line and not line.strip().startswith(("#", "//", '"""'))
    ]


def is_whole_program(snippet: str, prefix: str) -> bool:
    """True when the snippet repeats at least half of the prefix's significant lines."""
    wanted = _significant_lines(prefix)
    if not wanted:
        return False
    have = {line.strip() for line in snippet.splitlines()}
    return sum(1 for line in wanted if line in have) * 2 >= len(wanted)


def _marker_indent(prefix: str) -> str:
    for line in reversed(prefix.splitlines()):
        if COMPLETION_MARKER in line:
            return line[: len(line) - len(line.lstrip())]
    return ""


def _reindent(snippet: str, indent: str) -> str:
    lines = [line for line in snippet.splitlines() if line.strip()]
    if not lines or not indent:
        return snippet
    current = min(len(line) - len(line.lstrip()) for line in lines)
    if current >= len(indent):
        return snippet
    return textwrap.indent(textwrap.dedent(snippet), indent)


def _overlap(snippet: str, prefix: str) -> tuple[int, int] | None:
    """(offset in prefix, offset in snippet) when the snippet's first code line restates a line of
    the partial program (typically the function header): the snippet then replaces the prefix from
    that line on, instead of being appended after the marker."""
    significant = set(_significant_lines(prefix))
    offset = 0
    for line in snippet.splitlines(keepends=True):
        key = line.strip()
        if key and not key.startswith(("#", "//")):
            if key not in significant:
                return None
            position = 0
            for prefix_line in prefix.splitlines(keepends=True):
                if prefix_line.strip() == key:
                    return position, offset
                position += len(prefix_line)
            return None
        offset += len(line)
    return None


_CLOSERS = re.compile(r"^[\s})\];,]*$")


def _rest_of_suffix(suffix: str, code: str) -> str:
    """The suffix without its leading closing lines (``});``), for code that closed its own blocks;
    empty when the code already carries the rest too (the model repeated the whole tail)."""
    lines = suffix.splitlines(keepends=True)
    while lines and _CLOSERS.match(lines[0]) and lines[0].strip():
        lines.pop(0)
    rest = "".join(lines)
    if not rest.strip():
        return ""
    first = rest.strip().splitlines()[0].strip()
    return "" if first in {line.strip() for line in code.splitlines()} else rest


def merge(snippet: str, prefix: str, suffix: str, language: Language) -> str:
    """Merge a completion into the partial program; the first candidate that parses wins.

    Candidates, in order: the snippet replacing the prefix from the line it restates (with the
    suffix, then with only the part of the suffix after its closing lines), then
    ``prefix + completion + suffix`` and ``prefix + completion + rest of suffix`` (the model closed
    the blocks itself). With none parsing, ``prefix + completion + suffix``.
    """
    candidates: list[str] = []
    overlap = _overlap(snippet, prefix)
    if overlap is not None:
        head = prefix[: overlap[0]] + snippet[overlap[1] :]
        candidates += [head + suffix, head + _rest_of_suffix(suffix, head)] if suffix.strip() else [head + suffix]
    body = _reindent(snippet, _marker_indent(prefix))
    if body and not body.endswith("\n"):
        body += "\n"
    plain = prefix + body + suffix
    candidates += [plain, prefix + body + _rest_of_suffix(suffix, body)] if suffix.strip() else [plain]
    for candidate in candidates:
        if parses(candidate, language):
            return candidate
    return plain


def extract(reply: str, language: Language, prefix: str = "", suffix: str = "") -> Extracted:
    """Extract, merge into the partial program (when there is one) and parse-check a reply."""
    snippet, method = extract_snippet(reply, language)
    merged = False
    code = snippet
    if prefix and snippet and not is_whole_program(snippet, prefix):
        code = merge(snippet, prefix, suffix, language)
        merged = True
    return Extracted(
        code=code, snippet=snippet, method=method, merged=merged, parses=bool(code) and parses(code, language)
    )
