"""Every strategy's prompt has its defining content; chains compose; sast-repair stops when clean."""

from __future__ import annotations

from pathlib import Path

import pytest

from hardgen.core.scenarios import get_scenario
from hardgen.core.settings import cache_dir
from hardgen.refinement.errors import RequestError
from hardgen.refinement.scanning import grpc_scanner
from hardgen.refinement.service import GenerateSpec, RefinementService
from hardgen.refinement.strategies import parse_chain
from tests.refinement.fakeapi import FakeAPI, chat_responder

SCENARIO = get_scenario(1, "python")
INSECURE = SCENARIO.reference_code(SCENARIO.insecure[0])
SECURE = SCENARIO.reference_code(SCENARIO.secure[0])
COT_STEPS = (
    "Validate input",
    "Prevent buffer overflow",
    "Prevent cross-site scripting",
    "Prevent insecure deserialisation",
    "Sanitise all input",
    "Use up-to-date APIs",
    "Do not expose private information",
)


def prompts(strategy: str, model: str = "mock/references", **options: str) -> dict[str, str]:
    spec = GenerateSpec(language="python", model=model, strategy=strategy, scenario=1, options=options)
    return {p.step: p.text for p in RefinementService().prompts(spec)}


def test_raw_is_partial_program_and_task_line_only() -> None:
    text = prompts("raw")["raw"]
    assert f"Task: {SCENARIO.task}" in text
    assert SCENARIO.source.rstrip() in text and "-copilot next line-" in text
    assert "Step 1" not in text and "insecure" not in text.lower()


def test_cot_has_the_seven_security_steps_in_order() -> None:
    text = prompts("cot")["cot"]
    positions = [text.index(step) for step in COT_STEPS]
    assert positions == sorted(positions)
    assert "step by step" in text and SCENARIO.source.rstrip() in text


def test_nep_shows_insecure_code_and_forbids_it() -> None:
    text = prompts("nep")["nep"]
    assert INSECURE.rstrip() in text
    assert "Do not generate code like the example above" in text
    assert f"Task: {SCENARIO.task}" in text


def test_mp_asks_for_an_instruction_then_prepends_it() -> None:
    got = prompts("mp")
    assert "maximises the security" in got["mp:meta"] and "Python" in got["mp:meta"]
    assert got["mp"].startswith("<model response to mp:meta>\n\nTask:")


def test_free_form_prompt_has_no_program_block() -> None:
    spec = GenerateSpec(language="go", model="mock/references", strategy="cot", prompt="Write a TCP echo server.")
    (record,) = RefinementService().prompts(spec)
    assert "Task: Write a TCP echo server." in record.text and "-copilot next line-" not in record.text
    assert "```go code block" in record.text


@pytest.mark.parametrize(
    ("chain", "message"),
    [
        ("cot+mp", "out of order"),
        ("raw+cot", "more than one"),
        ("mp+mp", "repeats"),
        ("cot+bogus", "unknown strategy 'bogus'"),
        ("", "empty strategy"),
    ],
)
def test_bad_chains_are_rejected(chain: str, message: str) -> None:
    with pytest.raises(RequestError, match=message):
        parse_chain(chain)


def test_samples_record_prompts_templates_and_provenance() -> None:
    (sample,) = RefinementService().generate(
        GenerateSpec(language="python", model="mock/references", strategy="cot", scenario=1, seed=5)
    )
    assert sample.error == "" and sample.parses and sample.strategy == "cot" and sample.seed == 5
    assert sample.template_versions == {"cot": "1", "request": "1"}
    (prompt,) = sample.prompts
    assert prompt.step == "cot" and prompt.response == sample.raw_response and prompt.stats is not None
    assert sample.code.strip() == SECURE.strip() and sample.extraction == "fenced:python"
    again = RefinementService().generate(
        GenerateSpec(language="python", model="mock/references", strategy="cot", scenario=1, seed=5)
    )[0]
    assert again.id == sample.id


def test_mp_instruction_is_cached_per_model_and_language(api: FakeAPI) -> None:
    asked: list[str] = []

    def answer(prompt: str) -> str:
        if "maximises the security" in prompt:
            asked.append(prompt)
            return '"Always validate input and use parameterised queries."'
        return f"```python\n{SECURE}```"

    api.responder = chat_responder(answer)
    spec = GenerateSpec(
        language="python", model="openai/gpt-4.1", strategy="mp", scenario=1, n=3, options={"base_url": api.url}
    )
    samples = RefinementService().generate(spec)
    assert len(asked) == 1, "one meta prompt per (model, language)"
    task_prompts = [
        r.body["messages"][0]["content"] for r in api.requests if "Task:" in r.body["messages"][0]["content"]
    ]
    assert len(task_prompts) == 3
    assert all(p.startswith("Always validate input and use parameterised queries.\n\nTask:") for p in task_prompts)
    assert sorted(s.notes["mp_instruction"] for s in samples) == ["asked", "cached", "cached"]
    cached = list((cache_dir() / "refinement" / "mp").glob("*.json"))
    assert len(cached) == 1 and "parameterised" in cached[0].read_text()


def test_ft_needs_a_fine_tuned_model() -> None:
    spec = GenerateSpec(language="python", model="openai/gpt-4.1", strategy="ft", scenario=1, options={"base_url": "x"})
    with pytest.raises(RequestError, match="ft needs a fine-tuned model"):
        RefinementService().generate(spec)


def test_ft_uses_provider_fine_tune_id(api: FakeAPI) -> None:
    api.responder = chat_responder(lambda _: f"```python\n{SECURE}```")
    spec = GenerateSpec(
        language="python",
        model="openai/gpt-4.1",
        strategy="mp+ft",
        scenario=1,
        options={"base_url": api.url, "ft_model": "ft:gpt-4.1:org::abc"},
    )
    (sample,) = RefinementService().generate(spec)
    assert [p.step for p in sample.prompts] == ["mp:meta", "ft"]
    assert api.requests[0].body["model"] == "gpt-4.1", "mp asks the base model (mp runs before ft)"
    assert api.requests[-1].body["model"] == "ft:gpt-4.1:org::abc"
    assert sample.notes["ft_model"] == "openai/ft:gpt-4.1:org::abc"


def test_ft_with_a_lora_adapter_on_the_tiny_model(tiny_model_dir: Path, tiny_adapter: Path) -> None:
    spec = GenerateSpec(
        language="python",
        model=f"hf/{tiny_model_dir}",
        strategy="ft",
        scenario=1,
        max_new_tokens=8,
        options={"adapter": str(tiny_adapter)},
    )
    from hardgen.modelserve.inprocess import InProcessModelServe

    (sample,) = RefinementService(models=InProcessModelServe()).generate(spec)
    assert sample.error == ""
    assert sample.stats.model.endswith(f"@{tiny_adapter}") and sample.stats.completion_tokens > 0


def test_nep_uses_own_output_when_the_scanner_flags_it(scanner_address: str) -> None:
    service = RefinementService(grpc_scanner(scanner_address, engines=["semgrep"]))
    (sample,) = service.generate(GenerateSpec(language="python", model="mock/insecure", strategy="nep", scenario=1))
    assert sample.notes["nep_example"] == "own (flagged by scanner)"
    first, second = sample.prompts
    assert first.step == "nep:insecure-example" and second.step == "nep"
    assert 'open("images/" + filename' in second.text


def test_nep_falls_back_to_the_labelled_reference_when_own_output_is_clean(scanner_address: str) -> None:
    service = RefinementService(grpc_scanner(scanner_address, engines=["semgrep"]))
    (sample,) = service.generate(GenerateSpec(language="python", model="mock/secure", strategy="nep", scenario=1))
    assert sample.notes["nep_example"] == "reference (own output clean)"
    assert INSECURE.rstrip() in sample.prompts[-1].text


def test_sast_repair_stops_when_the_scanner_reports_clean(scanner_address: str) -> None:
    service = RefinementService(grpc_scanner(scanner_address, engines=["semgrep"]))
    spec = GenerateSpec(
        language="python",
        model="mock/references",
        strategy="sast-repair",
        scenario=1,
        scan=True,
        options={"repair_rounds": "3"},
    )
    (sample,) = service.generate(spec)
    assert [p.step for p in sample.prompts] == ["raw", "sast-repair:round-1"]
    repair = sample.prompts[1].text
    assert "py/path-injection" in repair and "CWE-22" in repair and 'open("images/" + filename' in repair
    assert sample.notes == {"sast_repair_rounds": "1", "sast_repair_clean": "true"}
    assert sample.scanned and sample.findings == []


def test_sast_repair_gives_up_after_k_rounds(scanner_address: str) -> None:
    service = RefinementService(grpc_scanner(scanner_address, engines=["semgrep"]))
    spec = GenerateSpec(
        language="python", model="mock/insecure", strategy="cot+sast-repair", scenario=1, options={"repair_rounds": "2"}
    )
    (sample,) = service.generate(spec)
    assert [p.step for p in sample.prompts] == ["cot", "sast-repair:round-1", "sast-repair:round-2"]
    assert sample.notes["sast_repair_clean"] == "false"
    assert [f["rule_id"] for f in sample.findings] == ["py/path-injection"]


def test_sast_repair_without_scanner_fails_the_request_clearly() -> None:
    from hardgen.core.clients.scanner import ScannerUnavailableError

    service = RefinementService(grpc_scanner("127.0.0.1:1"))
    with pytest.raises(ScannerUnavailableError, match="sast-repair needs the scanner service at 127.0.0.1:1"):
        service.generate(GenerateSpec(language="python", model="mock/insecure", strategy="sast-repair", scenario=1))
