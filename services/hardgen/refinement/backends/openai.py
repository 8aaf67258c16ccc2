"""``openai/<model>``: OpenAI Chat Completions, or any OpenAI-compatible server via ``base_url``.

The SDK's own retries are switched off (``max_retries=0``) so that :class:`Backend` applies the one
retry policy and counts attempts. Reasoning models (o-series, gpt-5) reject sampling parameters, so
temperature/top_p are only sent to models that accept them.
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import Any

from hardgen.refinement.backends._http import classify
from hardgen.refinement.backends.base import (
    Backend,
    CallContext,
    GenerationParams,
    RawCompletion,
    require_env,
)

_REASONING = re.compile(r"^(o\d|gpt-5)", re.IGNORECASE)


class OpenAIBackend(Backend):
    provider = "openai"
    default_concurrency = 8
    known_options = frozenset({"base_url", "api_key_env", "max_tokens_param", "sampling"})

    @property
    def base_url(self) -> str | None:
        return self.options.get("base_url") or self.settings.openai_base_url or None

    @property
    def endpoint(self) -> str:
        return self.base_url or "https://api.openai.com/v1"

    def version(self) -> str:
        import openai

        return f"openai-python {openai.__version__}"

    def _api_key(self) -> str:
        variable = self.options.get("api_key_env", "OPENAI_API_KEY")
        if self.base_url and not self.settings.secret(variable):
            return "not-needed"  # local OpenAI-compatible servers (vLLM, Ollama) take any key
        return require_env(variable, self.settings)

    def prepare(self) -> None:
        self._api_key()

    @cached_property
    def client(self) -> Any:
        import openai

        return openai.OpenAI(api_key=self._api_key(), base_url=self.base_url, max_retries=0, timeout=self.timeout)

    def _sampling(self) -> bool:
        flag = self.options.get("sampling")
        if flag is not None:
            return flag.lower() in {"1", "true", "yes"}
        return not _REASONING.match(self.model)

    def _call(self, prompt: str, params: GenerationParams, context: CallContext) -> RawCompletion:
        self.prepare()
        token_param = self.options.get("max_tokens_param", "max_tokens" if self.base_url else "max_completion_tokens")
        kwargs: dict[str, Any] = {
            "model": self.model,
            "messages": [{"role": "user", "content": prompt}],
            token_param: params.max_new_tokens,
            "seed": params.seed,
        }
        if self._sampling():
            kwargs["temperature"] = params.temperature
            kwargs["top_p"] = params.top_p
        if params.stop:
            kwargs["stop"] = list(params.stop)
        try:
            response = self.client.chat.completions.create(**kwargs)
        except Exception as exc:  # noqa: BLE001 - classified into one retry-aware error
            raise classify(exc, self.endpoint) from None
        choice = response.choices[0] if response.choices else None
        usage = getattr(response, "usage", None)
        return RawCompletion(
            text=(choice.message.content or "") if choice else "",
            prompt_tokens=int(getattr(usage, "prompt_tokens", 0) or 0),
            completion_tokens=int(getattr(usage, "completion_tokens", 0) or 0),
            finish_reason=str(getattr(choice, "finish_reason", "") or ""),
            model=str(getattr(response, "model", "") or self.model),
        )


BACKEND = OpenAIBackend
