"""The fine-tune work item of the study contract (core.studyrun): its id, encoding and decoding."""

from __future__ import annotations

import pytest

from hardgen.core.study import StudySpec
from hardgen.core.studyrun import (
    decode_finetune_work,
    finetune_id,
    finetune_request,
    finetune_work,
    tuned_model,
    untuned_ft_items,
)
from hardgen.v1 import events_pb2


def spec(name: str = "s", models: list[str] | None = None, **finetune: object) -> StudySpec:
    return StudySpec.model_validate(
        {
            "name": name,
            "models": models or ["hf/demo"],
            "languages": ["python"],
            "scenarios": [1, 2],
            "strategies": ["raw", "ft"],
            "samples": 1,
            "finetune": {"base": "demo", "steps": 20} | finetune,
        }
    )


def test_the_item_round_trips_and_carries_the_study_config() -> None:
    work = finetune_work(spec(lora_r=4))
    back = decode_finetune_work(work.SerializeToString())
    assert back == work
    assert (back.study, back.request.base_model, back.request.steps, back.request.lora_r) == ("s", "demo", 20, 4)
    assert back.request.name == ""  # the adapter id derives from the configuration: reusable


def test_the_id_is_the_same_for_the_same_study_and_config_only() -> None:
    first, again = finetune_work(spec()), finetune_work(spec())
    assert first.id == again.id  # a re-post is a JetStream duplicate
    assert finetune_work(spec(steps=21)).id != first.id
    assert finetune_work(spec(base="other")).id != first.id
    assert finetune_work(spec(name="t")).id != first.id
    assert finetune_id("s", finetune_request(spec())) == first.id


def test_decoding_refuses_garbage_and_incomplete_or_forged_items() -> None:
    with pytest.raises(ValueError, match="not a FineTuneWork"):
        decode_finetune_work(b"\xff\xff\xff")
    with pytest.raises(ValueError, match="without id"):
        decode_finetune_work(events_pb2.FineTuneWork(study="s").SerializeToString())
    forged = finetune_work(spec())
    forged.request.steps = 99_999  # a body whose configuration no longer matches its id
    with pytest.raises(ValueError, match="does not match"):
        decode_finetune_work(forged.SerializeToString())


def test_only_ft_cells_without_a_named_model_wait_for_the_adapter() -> None:
    study = StudySpec.model_validate(
        spec(models=["hf/demo", "openai/gpt-4.1"]).model_dump()
        | {"finetune": {"base": "demo", "models": {"openai/gpt-4.1": "openai/ft:gpt-4.1:x"}}}
    )
    waiting = untuned_ft_items(study)
    assert {(i.model, i.strategy) for i in waiting} == {("hf/demo", "ft")}
    assert len(waiting) == 2  # two scenarios, one sample each
    assert tuned_model(finetune_request(study), "demo-all-abc") == "hf/demo@demo-all-abc"
