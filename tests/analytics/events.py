"""Building and publishing the protobuf events the analytics service consumes (test helpers)."""

from __future__ import annotations

from typing import Any

from hardgen.core.events import MSG_ID_HEADER, SAMPLE_GENERATED, SCAN_COMPLETED, sample_id
from hardgen.v1 import common_pb2, events_pb2


def generated(
    study: str,
    model: str,
    technique: str,
    index: int,
    scenario: int = 1,
    language: str = "python",
    parses: bool = True,
    error: str = "",
) -> events_pb2.SampleGenerated:
    sid = sample_id(study, language, model, scenario, technique, index)
    item = events_pb2.WorkItem(
        id=sid, study=study, language=language, model=model, scenario=scenario, strategy=technique, index=index
    )
    return events_pb2.SampleGenerated(
        sample_id=sid,
        item=item,
        code="x = 1\n",
        code_hash="h",
        parses=parses,
        prompts=[common_pb2.PromptRecord(id=f"p-{technique}", step=technique, template="t", text="write code")],
        stats=common_pb2.CallStats(latency_ms=12.5, prompt_tokens=10, completion_tokens=20),
        error=error,
    )


def scanned(event: events_pb2.SampleGenerated, rules: list[tuple[str, list[int], float]]) -> events_pb2.ScanCompleted:
    return events_pb2.ScanCompleted(
        sample_id=event.sample_id,
        study=event.item.study,
        engines=["semgrep"],
        findings=[
            common_pb2.Finding(rule_id=r, cwes=c, severity=s, path="a.py", start_line=1, engine="semgrep")
            for r, c, s in rules
        ],
    )


async def publish(js: Any, event: Any, msg_id: str | None = None) -> None:
    """Publish with the sample id as Nats-Msg-Id (``msg_id`` overrides it to defeat de-duplication,
    which is how a test makes the consumer see the same event twice)."""
    subject = SAMPLE_GENERATED if isinstance(event, events_pb2.SampleGenerated) else SCAN_COMPLETED
    kind = "gen" if subject == SAMPLE_GENERATED else "scan"
    await js.publish(subject, event.SerializeToString(), headers={MSG_ID_HEADER: msg_id or f"{event.sample_id}:{kind}"})
