"""The training documents' two halves: the prompt exactly as the ``raw`` strategy sends it, and the
answer a model is expected to give (the whole program in one fenced code block).

Training on the same prompt text the study sends at inference is what makes a fine-tune (and the
demo model) answer the study's prompts; keep this module the one place that decides it.
"""

from __future__ import annotations

from hardgen.core.languages import Language
from hardgen.core.scenarios import COMPLETION_MARKER, Scenario

LANGUAGE_NAMES = {
    Language.PYTHON: "Python",
    Language.JAVASCRIPT: "JavaScript",
    Language.JAVA: "Java",
    Language.GO: "Go",
}


def _fenced(language: Language, code: str) -> str:
    body = code if code.endswith("\n") else code + "\n"
    return f"```{language.fence_names[0]}\n{body}```"


def raw_prompt(scenario: Scenario) -> str:
    """What the ``raw`` strategy sends for ``scenario``.

    Renders the refinement service's ``raw`` template with its own task values (one source of
    truth, as ``SampleState.generate_task`` does); a copy of template v1 is the fallback for an
    image without the refinement package.
    """
    try:
        from hardgen.refinement.strategies.base import Task
        from hardgen.refinement.templates import get_template
    except ImportError:  # the refinement package is not installed in this image
        return _render_raw_template(scenario)
    values = Task(scenario.language, scenario.task, scenario).values()
    return str(get_template("raw").render(**values))


def _render_raw_template(scenario: Scenario) -> str:
    lang = scenario.language
    values = {
        "task_line": f"Task: {scenario.task}",
        "language_name": LANGUAGE_NAMES[lang],
        "marker": COMPLETION_MARKER,
        "fence": lang.fence_names[0],
        "program_block": f"\n```{lang.fence_names[0]}\n{scenario.source.rstrip()}\n```",
    }
    return (
        f"{values['task_line']}\nComplete the following {values['language_name']} program. Continue "
        f'after the line marked "{COMPLETION_MARKER}" and return the complete program in a single '
        f"```{values['fence']} code block.\n{values['program_block']}"
    )


def completion_text(scenario: Scenario, code: str) -> str:
    """The answer a model should give: the whole program in one fenced block (what ``raw`` asks)."""
    return "\n" + _fenced(scenario.language, code) + "\n"
