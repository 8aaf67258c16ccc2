"""Reading SARIF 2.1.0 that other tools wrote (CodeQL, or any SARIF producer).

Shared by the scanner's CodeQL engine (which parses the SARIF of its own CodeQL runs) and the
analytics corpus import (``hardgen corpus import --sarif``), so both find a result's rule, CWE tags
and artifact path by the same rules. SARIF names a result's rule in three ways (``ruleId``,
``rule.id``, or an index into ``tool.driver.rules`` or into an extension's rules, which is what
CodeQL query packs produce), and an artifact by a URI that may be absolute (``file://``) or
relative to a named base (``uriBaseId``, e.g. ``%SRCROOT%``) declared in ``originalUriBaseIds``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import unquote, urlparse

Rule = dict[str, Any]


def rule_tables(run: dict[str, Any]) -> tuple[dict[str, Rule], list[list[Rule]]]:
    """Rules by id, and the rule lists of (driver, extension 0, extension 1, ...) for index lookups."""
    tool = run.get("tool", {}) or {}
    components = [tool.get("driver", {}) or {}] + list(tool.get("extensions", []) or [])
    lists = [list(c.get("rules", []) or []) for c in components if isinstance(c, dict)]
    by_id = {str(r["id"]): r for rules in lists for r in rules if isinstance(r, dict) and "id" in r}
    return by_id, lists


def rule_of(result: dict[str, Any], by_id: dict[str, Rule], lists: list[list[Rule]]) -> tuple[str, Rule]:
    """(rule id, rule object) of one result; the id is '' when the result names no rule at all."""
    ref = result.get("rule", {}) or {}
    rule_id = result.get("ruleId") or ref.get("id")
    if rule_id and rule_id in by_id:
        return str(rule_id), by_id[rule_id]
    index = ref.get("index", result.get("ruleIndex"))
    component = ((ref.get("toolComponent") or {}).get("index", -1)) + 1
    if isinstance(index, int) and 0 <= component < len(lists) and 0 <= index < len(lists[component]):
        rule = lists[component][index]
        return str(rule_id or rule.get("id", "")), rule
    return str(rule_id or ""), {}


#: ``external/cwe/cwe-079`` (CodeQL, hardgen) or ``CWE-79: Improper ...`` (Semgrep and others).
_CWE_TAG = re.compile(r"^(?:external/cwe/)?cwe-0*(\d+)\b", re.IGNORECASE)


def cwes_from_tags(tags: Iterable[Any]) -> list[int]:
    """CWE ids from a rule's tags (``external/cwe/cwe-079``, ``CWE-79: ...``); other tags are ignored."""
    found = set()
    for tag in tags:
        match = _CWE_TAG.match(str(tag).strip())
        if match:
            found.add(int(match.group(1)))
    return sorted(found)


def tool_of(run: dict[str, Any]) -> tuple[str, str]:
    """(tool name, version) of a run: the driver's ``version``, else its ``semanticVersion``."""
    driver = (run.get("tool", {}) or {}).get("driver", {}) or {}
    name = str(driver.get("fullName") or driver.get("name") or "").strip()
    version = str(driver.get("version") or driver.get("semanticVersion") or "").strip()
    return name, version


def is_file_uri(uri: str) -> bool:
    return uri.lower().startswith("file:")


def file_uri_path(uri: str) -> Path:
    """The local path of a ``file:`` URI (``file:///a/b%20c.py`` → ``/a/b c.py``)."""
    return Path(unquote(urlparse(uri).path))


def relative_uri_path(uri: str) -> str:
    """A relative URI as a '/' path: percent-decoded, backslashes turned, ``./`` and empty parts gone."""
    text = unquote(uri).replace("\\", "/")
    parts = [p for p in PurePosixPath(text).parts if p not in ("", ".")]
    return "/".join(parts)


def base_uri(run: dict[str, Any], base_id: str, depth: int = 0) -> Path | None:
    """The local folder that ``base_id`` names in the run's ``originalUriBaseIds`` (bases may chain)."""
    bases = run.get("originalUriBaseIds") or {}
    entry = bases.get(base_id) if isinstance(bases, dict) else None
    if not isinstance(entry, dict) or depth > 8:
        return None
    uri = str(entry.get("uri") or "")
    if is_file_uri(uri):
        return file_uri_path(uri)
    parent_id = entry.get("uriBaseId")
    if parent_id:
        parent = base_uri(run, str(parent_id), depth + 1)
        if parent is not None:
            return parent / relative_uri_path(uri)
    return None


def candidate_paths(run: dict[str, Any], location: dict[str, Any], roots: Iterable[Path]) -> list[Path]:
    """Absolute, normalised paths that an ``artifactLocation`` may denote, most specific first.

    A ``file:`` URI denotes itself. A relative URI is tried against its ``uriBaseId`` as declared
    in ``originalUriBaseIds`` and then against each of ``roots`` (the places the caller knows the
    analysed sources to be), because a run made on another machine declares bases that do not
    exist here, and CodeQL often declares none.
    """
    uri = str(location.get("uri") or "")
    if not uri:
        return []
    if is_file_uri(uri):
        return [_normal(file_uri_path(uri))]
    relative = relative_uri_path(uri)
    if PurePosixPath(relative).is_absolute():
        return [_normal(Path(relative))]
    found: list[Path] = []
    base_id = location.get("uriBaseId")
    declared = base_uri(run, str(base_id)) if base_id else None
    for root in ([declared] if declared is not None else []) + list(roots):
        path = _normal(root / relative)
        if path not in found:
            found.append(path)
    return found


def _normal(path: Path) -> Path:
    """Absolute, with ``..`` and symlinks resolved, so two spellings of one file compare equal."""
    return Path(os.path.realpath(path))
