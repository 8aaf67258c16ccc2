"""``nep``: negative example prompting.

First obtain an insecure completion for the task: the model's own ``raw`` output when the scanner
flags it, otherwise the scenario's labelled insecure reference (chosen by sample index). Then send
the task, that insecure code and the instruction not to generate code like it.

Option ``nep_source``: ``auto`` (default, as above), ``reference`` (skip the first model call and
use the labelled reference), ``own`` (always the model's own output, flagged or not). Which source
was used, and why, is recorded in the sample's notes (``nep_example``).
"""

from __future__ import annotations

from hardgen.core.clients.scanner import ScannerUnavailableError
from hardgen.refinement.errors import RequestError
from hardgen.refinement.strategies.base import SampleState, Step

FIRST_STEP = "nep:insecure-example"
SOURCES = ("auto", "reference", "own")


def _reference_example(state: SampleState) -> str | None:
    scenario = state.task.scenario
    if scenario is None or not scenario.insecure:
        return None
    ref = scenario.insecure[state.index % len(scenario.insecure)]
    state.notes["nep_reference"] = ref.file
    return scenario.reference_code(ref)


class NegativeExample(Step):
    name = "nep"
    kind = "generate"
    description = "show an insecure solution (own flagged output, else labelled reference) and forbid code like it"
    templates = ("raw", "nep", "request")
    hardening = True
    options = {"nep_source": "auto | reference | own (where the insecure example comes from)"}

    def run(self, state: SampleState) -> None:
        source = state.options.get("nep_source", "auto")
        if source not in SOURCES:
            raise RequestError(f"nep_source must be one of {', '.join(SOURCES)} (got {source!r})")
        example = None
        if source == "reference" or state.dry_run:
            example = _reference_example(state)
            state.notes["nep_example"] = "reference"
        if example is None:
            own = state.generate_task(FIRST_STEP, "raw")
            example, state.notes["nep_example"] = self._choose(state, own.code, source)
        state.generate_task("nep", "nep", example=example.rstrip())

    @staticmethod
    def _choose(state: SampleState, own_code: str, source: str) -> tuple[str, str]:
        if source == "own":
            return own_code, "own"
        try:
            flagged = bool(state.scan())
            reason = "own output clean"
        except ScannerUnavailableError as exc:
            flagged, reason = False, f"scanner unavailable: {exc}"
        if flagged:
            return own_code, "own (flagged by scanner)"
        reference = _reference_example(state)
        if reference is None:
            return own_code, f"own (no labelled insecure reference; {reason})"
        return reference, f"reference ({reason})"


STEP = NegativeExample
