"""The prompt contract: versioned templates (``core/data/templates/<name>.yaml``) and the task values.

It lives in core because two services must build the exact same text: refinement sends these
prompts at inference, and modelserve trains fine-tunes (and the demo model) on them. A copy in
either service would drift and a fine-tune would learn a prompt the study never sends.

Templates are data, not code, so that a wording change is a reviewable diff with a version bump,
and every sample records the (name, version) of each template it used. Placeholders use
:class:`string.Template` (``$name``) because code inserted into prompts is full of braces.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from string import Template
from typing import Any

import yaml

from hardgen.core.languages import Language
from hardgen.core.scenarios import COMPLETION_MARKER, Scenario

LANGUAGE_NAMES = {
    Language.PYTHON: "Python",
    Language.JAVASCRIPT: "JavaScript",
    Language.JAVA: "Java",
    Language.GO: "Go",
}


class PromptTemplateError(ValueError):
    """A template does not exist or lacks a value it needs; the message names which."""


@dataclass(frozen=True, slots=True)
class PromptTemplate:
    name: str
    version: str
    description: str
    text: str
    variants: tuple[tuple[str, str], ...] = ()

    def render(self, variant: str = "text", **values: Any) -> str:
        """Fill the placeholders of ``text`` (or of a named variant such as ``freeform``)."""
        body = self.text if variant == "text" else dict(self.variants)[variant]
        try:
            return Template(body).substitute(values)
        except KeyError as exc:
            raise PromptTemplateError(f"template {self.name} v{self.version} needs {exc.args[0]!r}") from None


@cache
def get_template(name: str) -> PromptTemplate:
    """Load ``data/templates/<name>.yaml`` from the package (cached per process)."""
    resource = resources.files("hardgen.core").joinpath(f"data/templates/{name}.yaml")
    try:
        data = yaml.safe_load(resource.read_text("utf-8"))
    except FileNotFoundError:
        raise PromptTemplateError(f"no prompt template {name!r}") from None
    return PromptTemplate(
        name=str(data["name"]),
        version=str(data["version"]),
        description=str(data.get("description", "")),
        text=str(data["text"]),
        variants=tuple((k, str(v)) for k, v in data.items() if k not in {"name", "version", "description", "text"}),
    )


def task_values(language: Language, task: str, scenario: Scenario | None = None) -> dict[str, str]:
    """Placeholders every task template may use: a scenario's partial program, or a free-form task."""
    fence = language.fence_names[0]
    request = get_template("request")
    common = {"language_name": LANGUAGE_NAMES[language], "fence": fence, "marker": COMPLETION_MARKER}
    if scenario:
        block = f"\n```{fence}\n{scenario.source.rstrip()}\n```"
        return common | {
            "task_line": f"Task: {task}",
            "request": request.render(**common),
            "program_block": block,
        }
    return common | {
        "task_line": f"Task: {task}",
        "request": request.render("freeform", **common),
        "program_block": "",
    }


def raw_prompt(scenario: Scenario) -> str:
    """What the ``raw`` strategy sends for ``scenario``: the prompt a fine-tune must be trained on."""
    return get_template("raw").render(**task_values(scenario.language, scenario.task, scenario))
