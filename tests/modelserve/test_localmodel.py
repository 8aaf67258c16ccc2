"""LocalModel on the tiny test model: generation, per-row batching semantics, clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from hardgen.modelserve.localmodel import (
    AdapterNotFoundError,
    GenerationRequest,
    LocalModel,
    ModelNotFoundError,
)


def test_generate_greedy_is_deterministic(tiny_model_dir: Path) -> None:
    model = LocalModel.load(str(tiny_model_dir))
    a = model.generate("from flask import", max_new_tokens=12)
    b = model.generate("from flask import", max_new_tokens=12)
    assert a.text == b.text
    assert a.completion_tokens <= 12
    assert a.prompt_tokens > 0
    assert a.finish_reason in {"length", "eos_token"}
    assert a.latency_ms > 0 and a.peak_memory_bytes > 0


def test_load_reuses_the_base(tiny_model_dir: Path) -> None:
    assert LocalModel.load(str(tiny_model_dir))._base is LocalModel.load(str(tiny_model_dir))._base


def test_batched_rows_match_single_requests(tiny_model_dir: Path) -> None:
    model = LocalModel.load(str(tiny_model_dir))
    rows = [
        GenerationRequest("import os\n", max_new_tokens=8, temperature=0.9, seed=7),
        GenerationRequest("from flask import Flask, request", max_new_tokens=5),
        GenerationRequest("app = ", max_new_tokens=10, temperature=0.9, top_p=0.8, seed=3),
    ]
    batched = model.generate_batch(rows)
    for row, out in zip(rows, batched, strict=True):
        alone = model.generate(row.prompt, max_new_tokens=row.max_new_tokens, temperature=row.temperature,
                               top_p=row.top_p, seed=row.seed)
        assert out.text == alone.text
        assert out.completion_tokens <= row.max_new_tokens


def test_stop_sequence_ends_the_row(tiny_model_dir: Path) -> None:
    model = LocalModel.load(str(tiny_model_dir))
    free = model.generate("import os\n", max_new_tokens=30)
    if not free.text:
        pytest.skip("tiny model emitted EOS at once")
    stop = free.text[len(free.text) // 2 :][:2] or free.text[:1]
    out = model.generate("import os\n", max_new_tokens=30, stop=[stop])
    assert out.finish_reason == "stop_sequence"
    assert out.stop_sequence == stop
    assert stop not in out.text


def test_streaming_callback_sees_every_token(tiny_model_dir: Path) -> None:
    model = LocalModel.load(str(tiny_model_dir))
    pieces: list[str] = []
    out = model.generate("def ", max_new_tokens=10, on_token=lambda _id, piece: pieces.append(piece))
    assert len(pieces) == out.completion_tokens
    assert "".join(pieces) == out.text


def test_missing_base_is_a_clear_error() -> None:
    with pytest.raises(ModelNotFoundError, match="build-demo"):
        LocalModel.load("demo")
    with pytest.raises(ModelNotFoundError, match="not found"):
        LocalModel.load("/nonexistent/model")


def test_unknown_adapter_is_a_clear_error(tiny_model_dir: Path) -> None:
    with pytest.raises(AdapterNotFoundError, match="no-such-adapter"):
        LocalModel.load(str(tiny_model_dir), adapter="no-such-adapter")
    model = LocalModel.load(str(tiny_model_dir))
    with pytest.raises(AdapterNotFoundError):
        model.generate("x", adapter_id="no-such-adapter")


def test_token_budget_keeps_the_prompt_first() -> None:
    from hardgen.modelserve.decoding import token_budget

    assert token_budget(100, 50, 512) == (50, 100)
    assert token_budget(200, 900, 512) == (312, 200)  # a large budget shrinks, the prompt stays whole
    assert token_budget(600, 50, 512) == (50, 462)  # a prompt over the context keeps its end
    assert token_budget(512, 300, 512) == (128, 384)


def test_line_token_bpe_round_trips_and_shortens_code() -> None:
    from hardgen.modelserve.tokenizer import train_bpe_tokenizer
    from tests.conftest import tiny_model_texts

    texts = tiny_model_texts(12)
    plain = train_bpe_tokenizer(texts, 512)
    lines = train_bpe_tokenizer(texts, 512, line_tokens=True)
    for text in texts[:3]:
        assert lines.decode(lines(text)["input_ids"]) == text
    assert sum(len(lines(t)["input_ids"]) for t in texts) < sum(len(plain(t)["input_ids"]) for t in texts)


def test_a_long_prompt_in_the_batch_does_not_cut_the_other_rows(tiny_model_dir: Path) -> None:
    """The batch's budget is what the longest prompt leaves of the context; a short row that would
    write more alone is run again on its own, so batching never changes a row's text."""
    model = LocalModel.load(str(tiny_model_dir))
    short = GenerationRequest("import os\n", max_new_tokens=60, temperature=1.5, seed=11)
    alone = model.generate(short.prompt, max_new_tokens=60, temperature=1.5, seed=11)
    long_prompt = "x = 1\n" * 120
    base = model._base
    room = base.max_positions - len(base.tokenizer(long_prompt, add_special_tokens=False)["input_ids"])
    assert 0 < room < alone.completion_tokens  # the long row leaves the batch less room than `short` uses
    batched = model.generate_batch([short, GenerationRequest(long_prompt, max_new_tokens=60)])
    assert batched[0].text == alone.text and batched[0].completion_tokens == alone.completion_tokens
