"""Prompt templates as versioned data files (``refinement/templates/<name>.yaml``).

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

from hardgen.refinement.errors import RequestError


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
            raise RequestError(f"template {self.name} v{self.version} needs {exc.args[0]!r}") from None


@cache
def get_template(name: str) -> PromptTemplate:
    """Load ``templates/<name>.yaml`` from the package (cached per process)."""
    resource = resources.files("hardgen.refinement").joinpath(f"templates/{name}.yaml")
    try:
        data = yaml.safe_load(resource.read_text("utf-8"))
    except FileNotFoundError:
        raise RequestError(f"no prompt template {name!r}") from None
    return PromptTemplate(
        name=str(data["name"]),
        version=str(data["version"]),
        description=str(data.get("description", "")),
        text=str(data["text"]),
        variants=tuple((k, str(v)) for k, v in data.items() if k not in {"name", "version", "description", "text"}),
    )
