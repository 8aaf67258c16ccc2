"""``tgi/<url-or-name>[@adapter]``: a text-generation-inference server via ``huggingface_hub``.

The model part is a URL (``tgi/http://gpu-pool:8080``) or a Hub model name; ``@adapter`` after the
last ``/`` (or the ``adapter_id`` option) selects a LoRA adapter that TGI serves next to the base
model, which is how ``ft`` reaches fine-tuned adapters on the GPU pool. ``HF_TOKEN`` is sent when set.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

from hardgen.refinement.backends._http import classify
from hardgen.refinement.backends.base import Backend, CallContext, GenerationParams, RawCompletion
from hardgen.refinement.settings import ProviderSettings


def split_adapter(model: str) -> tuple[str, str]:
    """``"http://h:8080@sql-lora"`` → ``("http://h:8080", "sql-lora")``; '@' only counts after the last '/'."""
    head, slash, tail = model.rpartition("/")
    if "@" in tail:
        name, _, adapter = tail.partition("@")
        return f"{head}{slash}{name}", adapter
    return model, ""


class TGIBackend(Backend):
    provider = "tgi"
    default_concurrency = 4
    known_options = frozenset({"adapter_id"})

    def __init__(self, model: str, options: Any = None, settings: ProviderSettings | None = None) -> None:
        super().__init__(model, options, settings)
        self.target, adapter = split_adapter(model)
        self.adapter_id = self.options.get("adapter_id") or adapter

    def version(self) -> str:
        import huggingface_hub

        return f"huggingface_hub {huggingface_hub.__version__}"

    def with_adapter(self, adapter: str) -> Backend:
        return TGIBackend(self.target, {**self.options, "adapter_id": adapter}, self.settings)

    @cached_property
    def client(self) -> Any:
        from huggingface_hub import InferenceClient

        token = self.settings.hf_token.get_secret_value() or None
        return InferenceClient(model=self.target, token=token, timeout=self.timeout)

    def _call(self, prompt: str, params: GenerationParams, context: CallContext) -> RawCompletion:
        sample = params.temperature > 0
        try:
            output = self.client.text_generation(
                prompt,
                details=True,
                max_new_tokens=params.max_new_tokens,
                do_sample=sample,
                temperature=params.temperature if sample else None,
                top_p=params.top_p if sample and 0 < params.top_p < 1 else None,
                seed=params.seed,
                stop=list(params.stop) or None,
                adapter_id=self.adapter_id or None,
            )
        except Exception as exc:  # noqa: BLE001 - classified into one retry-aware error
            raise classify(exc, self.target) from None
        details = getattr(output, "details", None)
        prefill = getattr(details, "prefill", None) or []
        finish = getattr(details, "finish_reason", "") if details is not None else ""
        return RawCompletion(
            text=getattr(output, "generated_text", output if isinstance(output, str) else ""),
            prompt_tokens=len(prefill),
            completion_tokens=int(getattr(details, "generated_tokens", 0) or 0),
            finish_reason=str(getattr(finish, "value", finish) or ""),
            model=f"{self.target}@{self.adapter_id}" if self.adapter_id else self.target,
        )


BACKEND = TGIBackend
