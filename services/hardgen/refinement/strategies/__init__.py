"""Hardening strategies, each a small composable step; chains are written ``a+b`` (``mp+ft``).

See :mod:`hardgen.refinement.strategies.base` for the step kinds and the order rules.

A strategy registers itself: every module of this package (other than ``base`` and ``_private``
ones) that defines ``STEP`` is a step, found by :func:`steps`, so adding a strategy is adding one
module (and its template), with no list to edit.
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass
from functools import cache

from hardgen.core.registries import step_order
from hardgen.refinement.errors import RequestError
from hardgen.refinement.strategies.base import SampleState, Step

KIND_ORDER = {"setup": 0, "generate": 1, "refine": 2}
_NOT_STEPS = frozenset({"base"})


@cache
def _discover(search_path: tuple[str, ...]) -> dict[str, type[Step]]:
    """Step name → class for every step module on ``search_path`` (cached per path)."""
    found: dict[str, type[Step]] = {}
    for module in sorted(pkgutil.iter_modules(list(search_path)), key=lambda m: m.name):
        if module.name.startswith("_") or module.name in _NOT_STEPS:
            continue
        step: type[Step] | None = getattr(importlib.import_module(f"{__name__}.{module.name}"), "STEP", None)
        if step is None:
            continue
        if step.name in found:
            raise RuntimeError(f"strategy {step.name!r} is defined twice ({module.name})")
        found[step.name] = step
    listed = step_order()  # the catalogue's order; a step not yet in core's list comes last
    rank = {name: listed.index(name) if name in listed else len(listed) for name in found}
    return dict(sorted(found.items(), key=lambda item: (rank[item[0]], item[0])))


def steps() -> dict[str, type[Step]]:
    """Every registered step by name; the package path is the key, so a module added to it counts."""
    return _discover(tuple(__path__))


def get_step(name: str) -> type[Step]:
    registry = steps()
    step = registry.get(name)
    if step is None:
        raise RequestError(f"unknown strategy {name!r} (strategies: {', '.join(registry)})")
    return step


def all_steps() -> list[type[Step]]:
    return list(steps().values())


@dataclass(frozen=True, slots=True)
class Chain:
    """A validated strategy chain such as ``cot+sast-repair``."""

    steps: tuple[type[Step], ...]

    @property
    def name(self) -> str:
        return "+".join(step.name for step in self.steps)

    @property
    def names(self) -> list[str]:
        return [step.name for step in self.steps]

    def run(self, state: SampleState) -> None:
        """Run every step; add the plain task prompt where the chain has no generate step before it."""
        generated = False
        for step in self.steps:
            if step.kind != "setup" and not generated:
                if step.kind == "refine":
                    state.generate_task(self.default_step_name(), "raw")
                generated = True
            step().run(state)
        if not generated:
            state.generate_task(self.default_step_name(), "raw")

    def default_step_name(self) -> str:
        """Name of the implicit plain prompt: the last setup step (``mp``, ``ft``), else ``raw``."""
        setups = [s.name for s in self.steps if s.kind == "setup"]
        return setups[-1] if setups else "raw"


def parse_chain(text: str) -> Chain:
    """Validate ``a+b+...``: known names, no repeats, setup → generate → refine, one generate step."""
    names = [part.strip().lower() for part in text.split("+")]
    if not text.strip() or any(not n for n in names):
        raise RequestError(f"empty strategy in {text!r} (strategies: {', '.join(steps())})")
    chain_steps = tuple(get_step(n) for n in names)
    if len(set(names)) != len(names):
        raise RequestError(f"strategy chain {text!r} repeats a step")
    kinds = [KIND_ORDER[s.kind] for s in chain_steps]
    if kinds != sorted(kinds):
        raise RequestError(
            f"strategy chain {text!r} is out of order: setup steps (mp, ft) first, then one of raw/nep/cot, "
            "then sast-repair"
        )
    if sum(1 for s in chain_steps if s.kind == "generate") > 1:
        raise RequestError(f"strategy chain {text!r} has more than one of raw, nep, cot")
    return Chain(chain_steps)


__all__ = ["Chain", "SampleState", "Step", "all_steps", "get_step", "parse_chain", "steps"]
