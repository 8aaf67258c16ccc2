"""Continuous batching: rows join a batch that is already decoding and leave it when they end, a
short request does not wait for a long one, and no row's text depends on its company."""

from __future__ import annotations

import time
from pathlib import Path

from hardgen.modelserve.batcher import DynamicBatcher
from hardgen.modelserve.decoding import DecodeBatch, Row
from hardgen.modelserve.localmodel import GenerationRequest, LocalModel


def no_eos(batch: DecodeBatch) -> DecodeBatch:
    """Rows end by their budget only, so the test knows how many steps each one takes."""
    batch.eos_id = None
    return batch


def alone(model: LocalModel, request: GenerationRequest) -> list[int]:
    batch = no_eos(model.decoder())
    with model.lock:
        row = batch.admit(model.row_spec(request))
        while len(batch):
            batch.step()
    return row.tokens


def test_a_row_joins_mid_decode_and_leaves_before_the_long_one(tiny_model_dir: Path) -> None:
    model = LocalModel.load(str(tiny_model_dir))
    long = GenerationRequest("import os\nimport sys\n", max_new_tokens=40, temperature=0.8, seed=11)
    short = GenerationRequest("from flask import Flask, request\napp = ", max_new_tokens=5, temperature=0.8, seed=5)
    batch = no_eos(model.decoder())
    ended: list[Row] = []
    with model.lock:
        first = batch.admit(model.row_spec(long))
        for _ in range(10):
            ended += batch.step()
        second = batch.admit(model.row_spec(short))  # joins while the first row is decoding
        assert len(batch) == 2
        for _ in range(4):
            ended += batch.step()
        assert ended == [second] and len(batch) == 1  # it left after its 5 tokens, the long row goes on
        while len(batch):
            ended += batch.step()
    assert ended == [second, first]
    assert len(first.tokens) == 40 and len(second.tokens) == 5
    assert first.tokens == alone(model, long) and second.tokens == alone(model, short)


def test_batch_width_follows_the_longest_live_row(tiny_model_dir: Path) -> None:
    model = LocalModel.load(str(tiny_model_dir))
    batch = no_eos(model.decoder())
    with model.lock:
        batch.admit(model.row_spec(GenerationRequest("x = 1\n" * 40, max_new_tokens=3)))  # a long prompt
        batch.admit(model.row_spec(GenerationRequest("y = ", max_new_tokens=120)))
        for _ in range(80):
            batch.step()
        assert len(batch) == 1
        live = batch.live[0]
        # the long prompt's columns were dropped once no live row needed them
        assert batch.width < len(live.kept_ids) + len(live.tokens) + 33


def test_server_answers_a_short_request_before_a_long_one_sent_first(tiny_model_dir: Path) -> None:
    model = LocalModel.load(str(tiny_model_dir))
    long = GenerationRequest("import os\n", max_new_tokens=200, temperature=0.8, seed=1)
    short = GenerationRequest("def ", max_new_tokens=3, temperature=0.8, seed=2)
    assert len(model.generate_batch([long])[0].tokens) > 20  # the tiny model does not end it early
    batcher = DynamicBatcher(model, window_ms=1, max_batch=4)
    try:
        slow = batcher.submit(long)
        time.sleep(0.05)  # the long row is decoding
        quick = batcher.submit(short)
        out = quick.result(timeout=60)
        assert not slow.done()
        assert out.text == model.generate_batch([short])[0].text
        assert slow.result(timeout=120).text == model.generate_batch([long])[0].text
    finally:
        batcher.close()
    assert batcher.stats.max_batch_seen == 2
