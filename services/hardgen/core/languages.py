"""The four languages of the study, their file extensions and a tree-sitter parse check.

The parse check exists so that a strategy cannot "win" by emitting broken code: every sample
records whether it parses. Code is only parsed, never executed or imported.
"""

from __future__ import annotations

from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any


class Language(StrEnum):
    PYTHON = "python"
    JAVASCRIPT = "javascript"
    JAVA = "java"
    GO = "go"

    @property
    def extension(self) -> str:
        return EXTENSIONS[self]

    @property
    def short(self) -> str:
        """CodeQL's query-id prefix (``py/``, ``js/``, ``java/``, ``go/``)."""
        return {"python": "py", "javascript": "js", "java": "java", "go": "go"}[self.value]

    @property
    def fence_names(self) -> tuple[str, ...]:
        """Names a Markdown code fence may carry for this language."""
        return {
            "python": ("python", "py", "python3"),
            "javascript": ("javascript", "js", "node", "nodejs", "jsx"),
            "java": ("java",),
            "go": ("go", "golang"),
        }[self.value]


EXTENSIONS: dict[Language, str] = {
    Language.PYTHON: ".py",
    Language.JAVASCRIPT: ".js",
    Language.JAVA: ".java",
    Language.GO: ".go",
}
_BY_EXTENSION = {ext: lang for lang, ext in EXTENSIONS.items()} | {
    ".mjs": Language.JAVASCRIPT,
    ".cjs": Language.JAVASCRIPT,
}
_BY_PREFIX = {lang.short: lang for lang in Language}


class UnknownLanguageError(ValueError):
    """Raised for a language name hardgen does not support."""


def parse_language(name: str) -> Language:
    """Accept ``python``/``py``, ``javascript``/``js``, ``java``, ``go``/``golang`` (any case)."""
    key = name.strip().lower()
    aliases = {"py": "python", "js": "javascript", "node": "javascript", "golang": "go"}
    key = aliases.get(key, key)
    try:
        return Language(key)
    except ValueError:
        choices = ", ".join(lang.value for lang in Language)
        raise UnknownLanguageError(f"unknown language {name!r} (choose from {choices})") from None


def language_for_path(path: str | Path) -> Language | None:
    """Language by file extension, or None for files hardgen does not scan."""
    return _BY_EXTENSION.get(Path(path).suffix.lower())


def language_for_rule(rule_id: str) -> Language | None:
    """Language of a CodeQL-style query id such as ``py/path-injection``."""
    return _BY_PREFIX.get(rule_id.split("/", 1)[0])


@cache
def _parser(language: Language) -> Any:
    import importlib

    import tree_sitter

    grammar = importlib.import_module(f"tree_sitter_{language.value}")
    return tree_sitter.Parser(tree_sitter.Language(grammar.language()))


def parse_tree(code: str | bytes, language: Language) -> Any:
    """Parse ``code`` with the language's tree-sitter grammar and return the tree."""
    data = code.encode("utf-8", errors="replace") if isinstance(code, str) else code
    return _parser(language).parse(data)


def syntax_errors(code: str | bytes, language: Language, limit: int = 5) -> list[tuple[int, int]]:
    """(line, column) of the first ``limit`` ERROR or MISSING nodes, 1-based lines."""
    tree = parse_tree(code, language)
    found: list[tuple[int, int]] = []
    cursor = [tree.root_node]
    while cursor and len(found) < limit:
        node = cursor.pop()
        if node.type == "ERROR" or node.is_missing:
            found.append((node.start_point[0] + 1, node.start_point[1]))
            continue
        if node.has_error:
            cursor.extend(reversed(node.children))
    return found


def parses(code: str | bytes, language: Language) -> bool:
    """True when the code parses without syntax errors in its language."""
    return not parse_tree(code, language).root_node.has_error
