"""Print the requirement lines of hardgen's core dependencies plus the given extras, from
pyproject.toml, so an image can install its third-party dependencies in a layer that does not
change when only the code does (``python requirements.py pyproject.toml scanner > req.txt``).
Extras that name other extras (``hardgen[a,b]``) are expanded. Standard library only: it runs on
the bare base image before any venv exists."""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path


def requirements(pyproject: Path, extras: list[str]) -> list[str]:
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    optional: dict[str, list[str]] = project.get("optional-dependencies", {})
    lines: list[str] = list(project["dependencies"])
    pending, seen = list(extras), set()
    while pending:
        extra = pending.pop()
        if extra in seen or not extra:
            continue
        if extra not in optional:
            raise SystemExit(f"error: pyproject.toml has no extra {extra!r}")
        seen.add(extra)
        for line in optional[extra]:
            own = re.fullmatch(r"\s*hardgen\[([\w,\s-]+)\]\s*", line)
            if own:
                pending.extend(e.strip() for e in own.group(1).split(","))
            else:
                lines.append(line)
    return list(dict.fromkeys(lines))


if __name__ == "__main__":
    if len(sys.argv) < 2:
        raise SystemExit("usage: requirements.py PYPROJECT [EXTRA ...]")
    print("\n".join(requirements(Path(sys.argv[1]), sys.argv[2:])))
