"""``gemini/<model>``: Google Gemini through the ``google-genai`` SDK.

Key from ``GEMINI_API_KEY`` (or ``GOOGLE_API_KEY``). ``base_url`` (option or ``GEMINI_BASE_URL``)
points the SDK at another endpoint, which is how the tests reach a loopback server speaking the
REST API. The SDK's retries are disabled so the shared policy in :class:`Backend` applies.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

from hardgen.refinement.backends._http import classify
from hardgen.refinement.backends.base import Backend, CallContext, GenerationParams, RawCompletion
from hardgen.refinement.errors import MissingKeyError


class GeminiBackend(Backend):
    provider = "gemini"
    default_concurrency = 8
    known_options = frozenset({"base_url", "api_key_env"})

    @property
    def base_url(self) -> str | None:
        return self.options.get("base_url") or self.settings.gemini_base_url or None

    @property
    def endpoint(self) -> str:
        return self.base_url or "https://generativelanguage.googleapis.com"

    def version(self) -> str:
        from google import genai

        return f"google-genai {getattr(genai, '__version__', '?')}"

    def _api_key(self) -> str:
        variable = self.options.get("api_key_env", "GEMINI_API_KEY")
        value = self.settings.secret(variable) or (
            self.settings.secret("GOOGLE_API_KEY") if variable == "GEMINI_API_KEY" else None
        )
        if not value:
            raise MissingKeyError(variable)
        return value

    def prepare(self) -> None:
        self._api_key()

    @cached_property
    def client(self) -> Any:
        from google import genai
        from google.genai import types

        http = types.HttpOptions(
            base_url=self.base_url,
            timeout=int(self.timeout * 1000),
            retry_options=types.HttpRetryOptions(attempts=1),
        )
        return genai.Client(api_key=self._api_key(), http_options=http)

    def _call(self, prompt: str, params: GenerationParams, context: CallContext) -> RawCompletion:
        from google.genai import types

        self.prepare()
        config = types.GenerateContentConfig(
            temperature=params.temperature,
            top_p=params.top_p,
            max_output_tokens=params.max_new_tokens,
            seed=params.seed,
            stop_sequences=list(params.stop) or None,
        )
        try:
            response = self.client.models.generate_content(model=self.model, contents=prompt, config=config)
        except Exception as exc:  # noqa: BLE001 - classified into one retry-aware error
            raise classify(exc, self.endpoint) from None
        usage = getattr(response, "usage_metadata", None)
        candidates = getattr(response, "candidates", None) or []
        finish = getattr(candidates[0], "finish_reason", "") if candidates else ""
        return RawCompletion(
            text=response.text or "",
            prompt_tokens=int(getattr(usage, "prompt_token_count", 0) or 0),
            completion_tokens=int(getattr(usage, "candidates_token_count", 0) or 0),
            finish_reason=str(getattr(finish, "value", finish) or ""),
            model=str(getattr(response, "model_version", "") or self.model),
        )


BACKEND = GeminiBackend
