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


def _comment(language: Language, text: str) -> str:
    return ("# " if language is Language.PYTHON else "// ") + text


def _fenced(language: Language, code: str) -> str:
    body = code if code.endswith("\n") else code + "\n"
    return f"```{language.fence_names[0]}\n{body}```"


def raw_prompt(scenario: Scenario) -> str:
    """What the ``raw`` strategy sends for ``scenario``.

    Delegates to the refinement service's raw strategy when it is installed (one source of truth);
    otherwise writes the text of the ``raw`` template (v1) itself.
    """
    try:
        from hardgen.refinement.strategies import raw as raw_strategy  # type: ignore[attr-defined]

        build = getattr(raw_strategy, "raw_prompt", None) or getattr(raw_strategy, "build_prompt", None)
        if callable(build):
            return str(build(scenario))
    except ImportError:
        pass
    return _render_raw_template(scenario)


def _render_raw_template(scenario: Scenario) -> str:
    lang = scenario.language
    values = {
        "task_line": _comment(lang, scenario.task),
        "language_name": LANGUAGE_NAMES[lang],
        "marker": COMPLETION_MARKER,
        "fence": lang.fence_names[0],
        "program_block": _fenced(lang, scenario.source),
    }
    return (
        f"{values['task_line']}\nComplete the following {values['language_name']} program. Continue "
        f'after the line marked "{COMPLETION_MARKER}" and return the complete program in a single '
        f"```{values['fence']} code block.\n{values['program_block']}"
    )


def completion_text(scenario: Scenario, code: str) -> str:
    """The answer a model should give: the whole program in one fenced block (what ``raw`` asks)."""
    return "\n" + _fenced(scenario.language, code) + "\n"
