"""The ``gocustom`` checks, found by discovery: every module here that defines ``CHECK``.

Adding a check is one module (``<name>.py`` with a :class:`~hardgen.scanner.engines.gocustom.taint.Check`
instance named ``CHECK``) plus its fixture ``<name>.go`` beside it, annotated like a Semgrep test
file (``// ruleid: <id>`` / ``// ok: <id>`` on the line before); no other file changes.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from functools import cache
from pathlib import Path

from hardgen.scanner.engines.gocustom.taint import Check


@cache
def all_checks() -> tuple[Check, ...]:
    """Every check module's ``CHECK``, in module-name order (stable report order).

    Modules are looked up on the package's ``__path__``, so a directory appended to it (a plug-in
    folder, or a test's temporary one) is searched as well.
    """
    found: list[Check] = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        check = getattr(module, "CHECK", None)
        if isinstance(check, Check):
            found.append(check)
    return tuple(found)


def fixture(check: Check) -> Path:
    """The annotated Go fixture beside a check's module (``<module>.go``)."""
    module = sys.modules[type(check).__module__]
    return Path(str(module.__file__)).with_suffix(".go")


def check_for(rule_id: str) -> Check | None:
    return next((c for c in all_checks() if c.rule_id == rule_id), None)
