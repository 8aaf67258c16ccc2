"""How a table registers itself: ``@table("name")`` on a function of a ``rq*.py`` module.

:mod:`hardgen.analytics.tables` finds every ``rq*`` module of this package and computes the tables
they register, so adding a table is adding one decorated function (or one ``rq*.py`` module), with
no list of names to keep in step; a plain ``query(con, study)`` registers with :func:`store_table`.
A function receives :class:`TableInputs`, whose :meth:`load`
computes an intermediate shared by several tables (an RQ's cells or outcomes) once per request.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from hardgen.analytics.table import Table

T = TypeVar("T")


@dataclass
class TableInputs:
    """What a table is computed from: the store's connection, the study and the bootstrap size."""

    con: Any
    study: str
    replicates: int
    _loaded: dict[Callable[[Any, str], Any], Any] = field(default_factory=dict)

    def load(self, loader: Callable[[Any, str], T]) -> T:
        """``loader(con, study)``, computed once however many tables of the request use it."""
        if loader not in self._loaded:
            self._loaded[loader] = loader(self.con, self.study)
        result: T = self._loaded[loader]
        return result


Producer = Callable[[TableInputs], "Table | tuple[Table, ...]"]


@dataclass(frozen=True, slots=True)
class TableSpec:
    """One registered producer; several ``names`` when one computation yields several tables."""

    names: tuple[str, ...]
    produce: Producer
    module: str

    def compute(self, inputs: TableInputs) -> dict[str, Table]:
        produced = self.produce(inputs)
        tables = produced if isinstance(produced, tuple) else (produced,)
        if len(tables) != len(self.names):
            raise RuntimeError(f"{self.module} produced {len(tables)} tables for {', '.join(self.names)}")
        return dict(zip(self.names, tables, strict=True))


REGISTERED: list[TableSpec] = []


def table(*names: str) -> Callable[[Producer], Producer]:
    """Register the decorated function as the producer of the tables ``names`` (in that order)."""

    def register(produce: Producer) -> Producer:
        REGISTERED.append(TableSpec(names, produce, produce.__module__))
        return produce

    return register


def store_table(name: str, query: Callable[[Any, str], Table]) -> None:
    """Register ``query(con, study)`` as the producer of table ``name``: a table read straight from
    the store needs no wrapper function of its own."""
    REGISTERED.append(TableSpec((name,), lambda inputs: query(inputs.con, inputs.study), query.__module__))
