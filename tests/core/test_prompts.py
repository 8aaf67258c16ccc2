"""The prompt contract: fine-tuning trains on exactly the prompt the study sends at inference."""

from __future__ import annotations

import pytest

from hardgen.core.prompts import PromptTemplateError, get_template, raw_prompt
from hardgen.core.scenarios import load_corpus
from hardgen.modelserve.dataset import corpus_examples
from hardgen.refinement.service import GenerateSpec, RefinementService


@pytest.mark.parametrize("strategy", ["raw", "ft"])
def test_training_prompt_is_the_prompt_the_study_sends(strategy: str) -> None:
    """A drift here makes a fine-tune learn a prompt the ``raw``/``ft`` cells never send."""
    service = RefinementService()
    trained_on = {example.prompt for example in corpus_examples(None)}
    for scenario in load_corpus():
        spec = GenerateSpec(
            language=scenario.language.value, model="mock/references", strategy=strategy, scenario=scenario.number
        )
        (sent,) = service.prompts(spec)
        assert sent.text == raw_prompt(scenario), scenario.id
        assert sent.text in trained_on, scenario.id


def test_an_unknown_template_or_missing_value_is_a_one_line_error() -> None:
    with pytest.raises(PromptTemplateError, match="no prompt template 'nope'"):
        get_template("nope")
    with pytest.raises(PromptTemplateError, match=r"template raw v\d+ needs 'task_line'"):
        get_template("raw").render()
