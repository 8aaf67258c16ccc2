"""``raw``: the scenario's partial program and task line, nothing else (the study's baseline)."""

from __future__ import annotations

from hardgen.refinement.strategies.base import SampleState, Step


class Raw(Step):
    name = "raw"
    kind = "generate"
    description = "the scenario's partial program and task line only (baseline)"
    templates = ("raw", "request")

    def run(self, state: SampleState) -> None:
        state.generate_task("raw", "raw")


STEP = Raw
