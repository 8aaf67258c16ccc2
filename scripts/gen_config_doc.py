"""Write the variable table of docs/configuration.md from the settings classes.

``python scripts/gen_config_doc.py`` rewrites the block between the markers;
``tests/core/test_settings_sources.py`` fails when the block differs from what this renders, so the
table cannot drift from the code (a new field is a new row, a renamed variable a changed one).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from pydantic_settings import BaseSettings

from hardgen.analytics.settings import AnalyticsSettings
from hardgen.cli.settings import CliSettings
from hardgen.core.settings import SharedSettings, env_name
from hardgen.gateway.settings import GatewaySettings, KeySettings
from hardgen.modelserve.settings import ModelServeSettings, TrainingSettings
from hardgen.refinement.settings import RUNTIME_VARIABLES, ProviderSettings, RefinementSettings, ScanEngineSettings
from hardgen.scanner.settings import CodeQLSettings, RuleSettings, ScannerSettings, SemgrepSettings

DOC = Path(__file__).resolve().parent.parent / "docs" / "configuration.md"
BEGIN, END = "<!-- settings:begin (scripts/gen_config_doc.py) -->", "<!-- settings:end -->"

#: one settings class per service, plus the CLI's, in the order of the table's "read by" column
READERS: dict[str, type[BaseSettings]] = {
    "gateway": GatewaySettings,
    "refinement": RefinementSettings,
    "modelserve": ModelServeSettings,
    "scanner": ScannerSettings,
    "analytics": AnalyticsSettings,
    "cli": CliSettings,
}

#: groups the CLI also reads, because it runs that code in its own process (local mode, hardgen keys)
IN_PROCESS: tuple[type[BaseSettings], ...] = (
    KeySettings,
    ProviderSettings,
    ScanEngineSettings,
    RuleSettings,
    SemgrepSettings,
    CodeQLSettings,
    TrainingSettings,
)


def _default(info: Any) -> str:
    value = info.default
    if hasattr(value, "get_secret_value"):
        value = value.get_secret_value()
    if value is None or value in ("", ()):
        return ""
    if isinstance(value, tuple):
        return ",".join(value)
    return str(value)


def variables() -> dict[str, dict[str, str]]:
    """Every variable: its default, meaning and which settings classes read it."""
    rows: dict[str, dict[str, str]] = {}
    readers: dict[str, list[str]] = {}
    for reader, cls in READERS.items():
        for field, info in cls.model_fields.items():
            name = env_name(cls, field)
            readers.setdefault(name, []).append(reader)
            rows.setdefault(name, {"default": _default(info), "meaning": info.description or ""})
    for group in IN_PROCESS:
        for field in group.model_fields:
            if "cli" not in readers[env_name(group, field)]:
                readers[env_name(group, field)].append("cli")
    shared = {env_name(SharedSettings, f) for f in SharedSettings.model_fields}
    for name, row in rows.items():
        row["read by"] = "every service, cli" if name in shared else ", ".join(readers[name])
    for name, meaning in RUNTIME_VARIABLES.items():
        rows[name] = {"default": "", "meaning": meaning, "read by": "refinement, cli"}
    return dict(sorted(rows.items()))


def render() -> str:
    lines = [BEGIN, "", "| Variable | Default | Read by | Meaning |", "|---|---|---|---|"]
    for name, row in variables().items():
        default = f"`{row['default']}`" if row["default"] else ""
        meaning = row["meaning"].replace("|", "\\|")
        lines.append(f"| `{name}` | {default} | {row['read by']} | {meaning} |")
    return "\n".join([*lines, "", END])


def rewrite(text: str) -> str:
    start, stop = text.index(BEGIN), text.index(END) + len(END)
    return text[:start] + render() + text[stop:]


def main() -> int:
    DOC.write_text(rewrite(DOC.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"wrote {DOC}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
