"""``sast-repair`` (beyond the study): scan the code, feed the findings back, regenerate; up to k rounds.

Stops as soon as the scanner reports the code clean. Option ``repair_rounds`` (default 3) bounds
the rounds. Needs the scanner service; with none reachable the sample fails with a one-line error
rather than pretending the code was checked.
"""

from __future__ import annotations

from typing import Any

from hardgen.refinement.errors import RequestError
from hardgen.refinement.strategies.base import SampleState, Step

DEFAULT_ROUNDS = 3


def describe_findings(findings: list[dict[str, Any]]) -> str:
    """One line per finding: location, rule, CWEs and message (what the model needs to fix it)."""
    lines = []
    for f in findings:
        cwes = ", ".join(f"CWE-{c}" for c in f.get("cwes", []))
        message = " ".join(str(f.get("message", "")).split())
        lines.append(f"- line {f.get('start_line', '?')}: {f.get('rule_id', '?')} ({cwes}): {message}")
    return "\n".join(lines)


class SastRepair(Step):
    name = "sast-repair"
    kind = "refine"
    from_study = False
    description = "scan, feed the findings back and regenerate, up to k rounds, until the scanner reports clean"
    templates = ("sast-repair",)
    needs_scanner = True
    hardening = True
    options = {"repair_rounds": f"maximum repair rounds (default {DEFAULT_ROUNDS})"}

    def run(self, state: SampleState) -> None:
        try:
            rounds = int(state.options.get("repair_rounds", DEFAULT_ROUNDS))
        except ValueError:
            raise RequestError("repair_rounds must be an integer") from None
        if rounds < 0 or rounds > 10:
            raise RequestError("repair_rounds must be between 0 and 10")
        template = state.use_template("sast-repair")
        if state.dry_run:
            return
        done = 0
        for number in range(1, rounds + 1):
            findings = state.scan()
            if not findings or state.result is None:
                break
            prompt = template.render(
                **(state.task.values() | {"findings": describe_findings(findings), "code": state.result.code.rstrip()})
            )
            state.accept(state.ask(f"sast-repair:round-{number}", "sast-repair", prompt))
            done = number
        clean = not state.scan()
        state.notes["sast_repair_rounds"] = str(done)
        state.notes["sast_repair_clean"] = "true" if clean else "false"


STEP = SastRepair
