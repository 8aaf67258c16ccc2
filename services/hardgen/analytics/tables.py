"""Every table of a study, by name: computed from the store, written as CSV and Markdown.

Tables register themselves (``@table`` in any ``rq*.py`` module of this package, see
:mod:`hardgen.analytics.table_registry`); the names and their order come from that registry.
Shared intermediates (cells, group outcomes) are computed once per request, so writing all tables
costs little more than the slowest one.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import hardgen.analytics
from hardgen.analytics import stats
from hardgen.analytics.store import Store
from hardgen.analytics.table import Table
from hardgen.analytics.table_registry import REGISTERED, TableInputs, TableSpec


@cache
def _discover(search_path: tuple[str, ...]) -> tuple[TableSpec, ...]:
    """The specs registered by the ``rq*`` modules on ``search_path``, by module name then definition."""
    package = hardgen.analytics.__name__
    modules = sorted(m.name for m in pkgutil.iter_modules(list(search_path)) if m.name.startswith("rq"))
    for name in modules:
        importlib.import_module(f"{package}.{name}")
    wanted = [f"{package}.{name}" for name in modules]
    specs = [spec for spec in REGISTERED if spec.module in wanted]
    return tuple(sorted(specs, key=lambda spec: wanted.index(spec.module)))


def table_specs() -> tuple[TableSpec, ...]:
    """Every registered table producer (the package path is the key, so a module added to it counts)."""
    return _discover(tuple(hardgen.analytics.__path__))


def table_names() -> tuple[str, ...]:
    """Every table name, in the order tables are computed, listed and written."""
    names = [name for spec in table_specs() for name in spec.names]
    duplicated = sorted({n for n in names if names.count(n) > 1})
    if duplicated:
        raise RuntimeError(f"table(s) registered twice: {', '.join(duplicated)}")
    return tuple(names)


TABLE_NAMES = table_names()


class UnknownStudyError(LookupError):
    pass


class UnknownTableError(LookupError):
    pass


def studies(store: Store) -> list[str]:
    return [r[0] for r in store.query("SELECT name FROM studies ORDER BY name")]


def require_study(store: Store, study: str) -> None:
    if not store.query("SELECT 1 FROM studies WHERE name = ?", [study]):
        known = ", ".join(studies(store)) or "none"
        raise UnknownStudyError(f"unknown study {study!r} (known: {known})")


def compute_tables(
    store: Store,
    study: str,
    names: Iterable[str] | None = None,
    replicates: int = stats.BOOTSTRAP_REPLICATES,
) -> dict[str, Table]:
    """The named tables (default: all) of ``study``, in :func:`table_names` order."""
    known = table_names()
    wanted = list(names) if names is not None else list(known)
    for name in wanted:
        if name not in known:
            raise UnknownTableError(f"unknown table {name!r} (choose from {', '.join(known)})")
    require_study(store, study)
    out: dict[str, Table] = {}
    with store.lock:
        inputs = TableInputs(store.con, study, replicates)
        for spec in table_specs():
            if set(spec.names) & set(wanted):
                out |= spec.compute(inputs)
    return {name: out[name] for name in known if name in wanted}


def write_tables(tables: dict[str, Table], out_dir: str | Path) -> list[Path]:
    """``<name>.csv`` per table plus one ``tables.md`` with every table; returns the files written."""
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, table in tables.items():
        path = folder / f"{name}.csv"
        path.write_text(table.to_csv(), encoding="utf-8")
        written.append(path)
        md = folder / f"{name}.md"
        md.write_text(table.to_markdown(), encoding="utf-8")
        written.append(md)
    summary = folder / "tables.md"
    summary.write_text("\n".join(t.to_markdown() for t in tables.values()), encoding="utf-8")
    written.append(summary)
    return written
