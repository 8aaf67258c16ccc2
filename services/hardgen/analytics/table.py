"""A computed table and its three renderings (CSV, Markdown, JSON).

Undefined values (an improvement over zero raw weaknesses, a Cramér's V of a 1×n table) are
``None``: an empty CSV cell, ``null`` in JSON and ``n/a`` in Markdown, never a crash or an infinity.
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

FORMATS = ("csv", "json", "markdown")


@dataclass(slots=True)
class Table:
    name: str
    title: str
    columns: list[str]
    rows: list[tuple[Any, ...]] = field(default_factory=list)
    note: str = ""

    def records(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, (_clean(v) for v in row), strict=True)) for row in self.rows]

    def column(self, name: str) -> list[Any]:
        i = self.columns.index(name)
        return [row[i] for row in self.rows]

    def to_csv(self) -> str:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(self.columns)
        for row in self.rows:
            writer.writerow(["" if (v := _clean(c)) is None else _csv_value(v) for c in row])
        return buffer.getvalue()

    def to_json(self) -> str:
        return json.dumps(
            {"name": self.name, "title": self.title, "columns": self.columns, "rows": self.records()},
            default=str,
        )

    def to_markdown(self) -> str:
        lines = [f"### {self.title}", ""]
        if self.note:
            lines += [self.note, ""]
        lines.append("| " + " | ".join(self.columns) + " |")
        lines.append("|" + "|".join("---" for _ in self.columns) + "|")
        for row in self.rows:
            lines.append("| " + " | ".join(_md_value(_clean(v)) for v in row) + " |")
        if not self.rows:
            lines.append("| " + " | ".join("" for _ in self.columns) + " |")
        return "\n".join(lines) + "\n"

    def render(self, fmt: str) -> str:
        if fmt == "csv":
            return self.to_csv()
        if fmt == "json":
            return self.to_json()
        if fmt in {"markdown", "md"}:
            return self.to_markdown()
        raise ValueError(f"unknown table format {fmt!r} (choose from {', '.join(FORMATS)})")


def _clean(value: Any) -> Any:
    """NaN/inf → None; numpy scalars → Python numbers; lists stay lists."""
    if value is None:
        return None
    if hasattr(value, "item") and not isinstance(value, list | tuple | str):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def _csv_value(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 6)
    if isinstance(value, list | tuple):
        return " ".join(str(v) for v in value)
    return value


def _md_value(value: Any) -> str:
    if value is None:
        return "n/a"
    if isinstance(value, float):
        return f"{value:.3g}" if abs(value) < 1e-3 and value != 0 else f"{value:.2f}"
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(value).replace("|", "\\|")


def rows_of(cursor_rows: Sequence[Sequence[Any]]) -> list[tuple[Any, ...]]:
    return [tuple(r) for r in cursor_rows]
