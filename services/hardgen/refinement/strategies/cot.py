"""``cot``: chain-of-thought prompting with the study's seven explicit security steps.

The steps (validate input, prevent buffer overflow, prevent XSS, prevent insecure
deserialisation, sanitise all input, use up-to-date APIs, do not expose private information) are
in ``core/data/templates/cot.yaml`` so that the wording is data with a version, not code.
"""

from __future__ import annotations

from hardgen.refinement.strategies.base import SampleState, Step


class ChainOfThought(Step):
    name = "cot"
    kind = "generate"
    description = "step-by-step security instructions (validate, sanitise, prevent XSS/overflow/deserialisation, ...)"
    templates = ("cot", "request")
    hardening = True

    def run(self, state: SampleState) -> None:
        state.generate_task("cot", "cot")


STEP = ChainOfThought
