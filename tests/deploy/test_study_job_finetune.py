"""The k8s study Job runs `hardgen study run` against a real JetStream: a study that already names
its fine-tuned models (studies/paper.yaml, the GPU overlay's Job) must publish its ft cells without
calling FineTune, which the Job cannot reach for hosted or TGI models (issue 12: the Job died on
backoffLimit and the ft cells were never published)."""

from __future__ import annotations

import pytest

from hardgen.core.study import StudySpec
from hardgen.core.studyrun import run_study


def _spec(name: str, models: list[str], tuned: dict[str, str]) -> StudySpec:
    return StudySpec.model_validate(
        {
            "name": name,
            "models": models,
            "languages": ["python"],
            "scenarios": [1, 2],
            "strategies": ["raw", "ft"],
            "samples": 1,
            "engines": ["semgrep"],
            "finetune": {"base": "demo", "models": tuned},
        }
    )


async def test_study_naming_its_fine_tuned_model_publishes_ft_cells_without_finetune(nats_server: str) -> None:
    spec = _spec("named-ft", ["tgi/http://tgi"], {"tgi/http://tgi": "tgi/http://tgi@paper-ft"})
    calls: list[str] = []

    async def finetune(study: StudySpec) -> str:
        calls.append(study.name)
        raise RuntimeError("FineTune is not reachable from the study Job")

    report = await run_study(spec, nats_server, finetune=finetune)
    assert calls == []
    assert report.published == 4  # 2 scenarios x (raw, ft), the ft ones carrying the named model
    ft_items = [i for i in spec.items() if i.strategy == "ft"]
    assert {i.options["ft_model"] for i in ft_items} == {"tgi/http://tgi@paper-ft"}


async def test_study_without_a_named_fine_tune_still_asks_modelserve_once(nats_server: str) -> None:
    spec = _spec("local-ft", ["hf/demo"], {})
    calls: list[str] = []

    async def finetune(study: StudySpec) -> str:
        calls.append(study.name)
        return "hf/demo@adapter-1"

    report = await run_study(spec, nats_server, finetune=finetune)
    assert calls == ["local-ft"]
    assert report.published == 4


async def test_unnamed_fine_tune_without_a_finetuner_is_a_clear_error(nats_server: str) -> None:
    with pytest.raises(RuntimeError, match="ft cells need a fine-tuned model"):
        await run_study(_spec("no-ft", ["hf/demo"], {}), nats_server)
