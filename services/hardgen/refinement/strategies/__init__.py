"""Hardening strategies, each a small composable step; chains are written ``a+b`` (``mp+ft``).

See :mod:`hardgen.refinement.strategies.base` for the step kinds and the order rules.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from hardgen.refinement.errors import RequestError
from hardgen.refinement.strategies.base import SampleState, Step

MODULES: dict[str, str] = {
    "raw": "raw",
    "nep": "nep",
    "cot": "cot",
    "mp": "mp",
    "ft": "ft",
    "sast-repair": "sast_repair",
}
KIND_ORDER = {"setup": 0, "generate": 1, "refine": 2}


def get_step(name: str) -> type[Step]:
    module = MODULES.get(name)
    if module is None:
        raise RequestError(f"unknown strategy {name!r} (strategies: {', '.join(MODULES)})")
    step: type[Step] = importlib.import_module(f"hardgen.refinement.strategies.{module}").STEP
    return step


def all_steps() -> list[type[Step]]:
    return [get_step(name) for name in MODULES]


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
        raise RequestError(f"empty strategy in {text!r} (strategies: {', '.join(MODULES)})")
    steps = tuple(get_step(n) for n in names)
    if len(set(names)) != len(names):
        raise RequestError(f"strategy chain {text!r} repeats a step")
    kinds = [KIND_ORDER[s.kind] for s in steps]
    if kinds != sorted(kinds):
        raise RequestError(
            f"strategy chain {text!r} is out of order: setup steps (mp, ft) first, then one of raw/nep/cot, "
            "then sast-repair"
        )
    if sum(1 for s in steps if s.kind == "generate") > 1:
        raise RequestError(f"strategy chain {text!r} has more than one of raw, nep, cot")
    return Chain(steps)


__all__ = ["MODULES", "Chain", "SampleState", "Step", "all_steps", "get_step", "parse_chain"]
