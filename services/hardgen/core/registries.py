"""The names of refinement's strategies and model providers, readable without importing refinement.

A study file (validated in core) and the gateway's provider allow-list must reject an unknown name
early, yet core and the gateway may not import the refinement service. The names therefore live in
``core/data/registries.yaml``; a test holds that file equal to refinement's discovered registries,
so it cannot drift from them.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

import yaml


@cache
def _names() -> dict[str, tuple[str, ...]]:
    text = resources.files("hardgen.core").joinpath("data/registries.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    return {key: tuple(str(v) for v in values) for key, values in data.items()}


def known_steps() -> frozenset[str]:
    """Every strategy step name (``raw``, ``sast-repair``, ...), as refinement registers them."""
    return frozenset(_names()["strategy_steps"])


def step_order() -> tuple[str, ...]:
    """The step names in the order they are listed to users (the study's techniques first)."""
    return _names()["strategy_steps"]


def known_providers() -> tuple[str, ...]:
    """Every model provider (``openai``, ``mock``, ...), as refinement registers them."""
    return _names()["model_providers"]
