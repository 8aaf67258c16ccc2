"""The answer half of a training document: what a model is expected to reply to the ``raw`` prompt.

The prompt half is :func:`hardgen.core.prompts.raw_prompt`, the very text the ``raw`` strategy
sends; training on it is what makes a fine-tune (and the demo model) answer the study's prompts.
"""

from __future__ import annotations

from hardgen.core.languages import Language
from hardgen.core.scenarios import Scenario


def _fenced(language: Language, code: str) -> str:
    body = code if code.endswith("\n") else code + "\n"
    return f"```{language.fence_names[0]}\n{body}```"


def completion_text(scenario: Scenario, code: str) -> str:
    """The answer a model should give: the whole program in one fenced block (what ``raw`` asks)."""
    return "\n" + _fenced(scenario.language, code) + "\n"
