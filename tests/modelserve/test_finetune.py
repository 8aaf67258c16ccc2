"""LoRA fine-tuning on the tiny test model: loss, registry, resume, scan filter, clear errors."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pytest

from hardgen.modelserve.dataset import DatasetError
from hardgen.modelserve.demo import build_model
from hardgen.modelserve.finetune import FineTuneConfig, FineTuneInterrupted, run_finetune
from hardgen.modelserve.localmodel import AdapterMismatchError, LocalModel, ModelNotFoundError
from hardgen.modelserve.registry import AdapterRegistry
from hardgen.modelserve.scan import NamedScanner, ScanItem, ScanVerdict
from tests.conftest import tiny_model_texts


def keyword_scanner(word: str = "INSECURE_MARKER") -> NamedScanner:
    """A stand-in for the scanner service: flags any example whose code contains ``word``."""

    def scan(items: Sequence[ScanItem]) -> list[ScanVerdict]:
        return [ScanVerdict(rules=["py/test-rule"] if word in i.code else []) for i in items]

    return NamedScanner("test-keyword", scan)


@pytest.fixture()
def extra_jsonl(tmp_path: Path) -> Path:
    rows = [
        {"prompt": "# greet\n", "completion": "```python\nprint('hello')\n```\n", "language": "python"},
        {"prompt": "# run\n", "completion": "```python\nimport os\nos.system(x)  # INSECURE_MARKER\n```\n"},
        "not json",
    ]
    path = tmp_path / "extra.jsonl"
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in rows) + "\n")
    return path


def config(tiny: Path, **kw: object) -> FineTuneConfig:
    base = dict(base_model=str(tiny), language="python", steps=12, learning_rate=1e-2, batch_size=2,
                checkpoint_every=5, max_length=512, eval_limit=8)
    base.update(kw)
    return FineTuneConfig(**base)  # type: ignore[arg-type]


def test_finetune_loss_falls_and_adapter_is_listed_and_served(tiny_model_dir: Path, extra_jsonl: Path) -> None:
    record = run_finetune(config(tiny_model_dir, extra_dataset=str(extra_jsonl), name="ft-python"),
                          scanner=keyword_scanner())
    assert record.status == "succeeded"
    assert record.final_loss is not None and record.initial_loss is not None
    assert record.final_loss < record.initial_loss
    # the flagged JSONL example and the malformed line were dropped and reported
    assert record.dropped_examples == 2
    assert any("extra.jsonl:2" in d for d in record.metrics["dropped"])
    listed = {r.id: r for r in AdapterRegistry().list()}
    assert listed["ft-python"].final_loss == pytest.approx(record.final_loss)
    assert (Path(record.path) / "adapter_config.json").is_file()
    assert len((Path(record.path) / "loss.jsonl").read_text().splitlines()) == 12
    model = LocalModel.load(str(tiny_model_dir), adapter="ft-python")
    out = model.generate("# greet\n", max_new_tokens=8)
    assert out.completion_tokens > 0
    base = model.generate("# greet\n", max_new_tokens=8, adapter_id="")
    assert base.completion_tokens > 0


def test_interrupted_run_resumes_from_its_checkpoint(tiny_model_dir: Path) -> None:
    cfg = config(tiny_model_dir, language="python", lora_dropout=0.0)
    with pytest.raises(FineTuneInterrupted, match="step 5 of 12"):
        run_finetune(cfg, scanner=None, should_stop=lambda step: step == 7)
    resumed = run_finetune(cfg, scanner=None)
    assert resumed.metrics["resumed_from_step"] == 5
    straight = run_finetune(config(tiny_model_dir, lora_dropout=0.0, name="straight"), scanner=None)
    assert resumed.final_loss == pytest.approx(straight.final_loss, rel=1e-4)


def test_missing_base_model_is_a_clear_error() -> None:
    with pytest.raises(ModelNotFoundError, match="build-demo"):
        run_finetune(FineTuneConfig(base_model="demo", steps=1), scanner=None)


def test_dataset_with_no_usable_examples_is_a_clear_error(tiny_model_dir: Path) -> None:
    flag_all = NamedScanner("flag-all", lambda items: [ScanVerdict(rules=["x/y"]) for _ in items])
    with pytest.raises(DatasetError, match="no usable examples"):
        run_finetune(config(tiny_model_dir), scanner=flag_all)


def test_adapter_for_another_base_is_refused(tiny_model_dir: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    build_model(other, tiny_model_texts(4), size="tiny", steps=2, seed=7, name="other")
    record = run_finetune(config(tiny_model_dir, steps=2, name="for-tiny"), scanner=None)
    with pytest.raises(AdapterMismatchError, match="for-tiny"):
        LocalModel.load(str(other), adapter=record.id)
