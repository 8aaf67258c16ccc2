"""``ft``: the plain task prompt, sent to a fine-tuned model.

The fine-tuned model is named by the model spec itself (``hf/demo@<adapter>``,
``tgi/<url>@<adapter>``), by the option ``adapter`` (a LoRA adapter id from modelserve), or by the
option ``ft_model`` (a provider fine-tune id, e.g. ``ft:gpt-4.1:org::abc``). Replay and mock backends
answer as recorded/defined, so ``ft`` passes through them.
"""

from __future__ import annotations

from hardgen.refinement.errors import RequestError
from hardgen.refinement.strategies.base import SampleState, Step

PASSTHROUGH = ("replay", "mock")


def fine_tuned(state: SampleState) -> str:
    """Switch ``state.backend`` to the fine-tuned variant; returns a description for the notes."""
    backend = state.backend
    adapter = state.options.get("adapter", "")
    ft_model = state.options.get("ft_model", "")
    if ft_model:
        state.backend = backend.with_model(ft_model)
        return f"{backend.provider}/{ft_model}"
    if adapter:
        state.backend = backend.with_adapter(adapter)
        return state.backend.name
    if "@" in backend.model or backend.provider in PASSTHROUGH:
        return backend.name
    raise RequestError(
        "ft needs a fine-tuned model: use hf/<base>@<adapter>, tgi/<url>@<adapter>, "
        "option adapter=<id> or option ft_model=<provider fine-tune id>"
    )


class FineTuned(Step):
    name = "ft"
    kind = "setup"
    description = "plain prompt to a fine-tuned model (LoRA adapter or provider fine-tune id)"
    templates = ("raw", "request")
    options = {"adapter": "LoRA adapter id (hf/tgi)", "ft_model": "provider fine-tune model id"}

    def run(self, state: SampleState) -> None:
        state.notes["ft_model"] = fine_tuned(state)


STEP = FineTuned
