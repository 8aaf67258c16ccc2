"""``.hardgenignore``: paths ``hardgen scan`` does not scan, in gitignore syntax.

The file lives at the scan root (the folder finding paths are relative to, normally the
repository root) and is read with :mod:`pathspec`'s gitignore semantics (``dir/``, ``**``, ``!``
negation, comments), so a pattern means what it would mean in ``.gitignore``. It is for code that
is insecure on purpose or not one's own: rule fixtures, vulnerable examples, generated corpora.
Files named on the command line are subject to it too (pre-commit passes every staged file by
name), and what it leaves out is counted in the scan summary, never silently.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pathspec

IGNORE_FILE = ".hardgenignore"


class IgnoreFileError(ValueError):
    """The ignore file exists but cannot be read or parsed (a usage error: exit 2)."""


@dataclass(frozen=True, slots=True)
class IgnoreRules:
    """The patterns of one ``.hardgenignore`` and the file they came from."""

    source: Path
    spec: pathspec.GitIgnoreSpec
    patterns: int

    def ignored(self, relative: str) -> bool:
        """True when ``relative`` (a '/' path below the scan root) is ignored."""
        return self.spec.match_file(relative)


def load_ignore_rules(root: Path) -> IgnoreRules | None:
    """The rules of ``root/.hardgenignore``, or None when there is no such file."""
    source = root / IGNORE_FILE
    if not source.is_file():
        return None
    try:
        lines = source.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise IgnoreFileError(f"cannot read {source}: {exc}") from None
    try:
        spec = pathspec.GitIgnoreSpec.from_lines(lines)
    except (ValueError, TypeError) as exc:
        raise IgnoreFileError(f"{source}: invalid pattern: {exc}") from None
    patterns = sum(1 for line in lines if line.strip() and not line.lstrip().startswith("#"))
    return IgnoreRules(source=source, spec=spec, patterns=patterns)
