"""A study's work item becomes a generation request: the study's scan profile reaches the
repair feedback's scans, never the model backend's options."""

from __future__ import annotations

from hardgen.core.study import SCAN_PROFILE_OPTION, WorkItemSpec
from hardgen.refinement.worker import generate_spec


def item(**options: str) -> WorkItemSpec:
    return WorkItemSpec(
        id="s1", study="demo", language="python", model="openai/gpt-4.1", scenario=1, strategy="sast-repair",
        index=0, seed=7, temperature=0.2, max_new_tokens=256, options=options,
    )  # fmt: skip


def test_the_study_profile_goes_to_the_scans_not_the_backend() -> None:
    spec = generate_spec(item(**{SCAN_PROFILE_OPTION: "extended", "repair_rounds": "2"}))
    assert spec.profile == "extended"
    assert SCAN_PROFILE_OPTION not in spec.options and spec.options["repair_rounds"] == "2"
    assert spec.options["study"] == "demo" and spec.seed == 7


def test_no_profile_means_the_scanner_default_and_ft_model_loses_its_provider() -> None:
    spec = generate_spec(item(ft_model="openai/ft:gpt-4.1:org::abc"))
    assert spec.profile == "" and spec.options["ft_model"] == "ft:gpt-4.1:org::abc"
    assert "ft_model" not in generate_spec(item(ft_model="")).options
