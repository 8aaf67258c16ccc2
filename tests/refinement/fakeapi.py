"""A scripted HTTP server on loopback that records requests and answers from a script.

It stands in for OpenAI, TGI and Gemini endpoints: each test scripts the (status, JSON body)
replies in order (the last one repeats) and reads back exactly what the SDKs sent.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Reply = tuple[int, Any]


@dataclass
class Recorded:
    method: str
    path: str
    headers: dict[str, str]
    body: Any


@dataclass
class FakeAPI:
    replies: list[Reply] = field(default_factory=list)
    requests: list[Recorded] = field(default_factory=list)
    responder: Callable[[Recorded], Reply] | None = None
    url: str = ""
    _server: ThreadingHTTPServer | None = None

    def script(self, *replies: Reply) -> None:
        self.replies = list(replies)
        self.requests.clear()
        self.responder = None

    def _next(self, recorded: Recorded) -> Reply:
        if self.responder is not None:
            return self.responder(recorded)
        if len(self.replies) > 1:
            return self.replies.pop(0)
        return self.replies[0] if self.replies else (500, {"error": "no reply scripted"})

    def start(self) -> FakeAPI:
        api = self

        class Handler(BaseHTTPRequestHandler):
            def _handle(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                raw = self.rfile.read(length) if length else b""
                try:
                    body = json.loads(raw) if raw else None
                except ValueError:
                    body = raw.decode("utf-8", "replace")
                recorded = Recorded(self.command, self.path, {k.lower(): v for k, v in self.headers.items()}, body)
                api.requests.append(recorded)
                status, payload = api._next(recorded)
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_POST = _handle  # noqa: N815
            do_GET = _handle  # noqa: N815

            def log_message(self, *args: Any) -> None:
                return

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()


def openai_reply(text: str, prompt_tokens: int = 11, completion_tokens: int = 7, model: str = "gpt-test") -> Reply:
    return (
        200,
        {
            "id": "chatcmpl-1",
            "object": "chat.completion",
            "created": 1,
            "model": model,
            "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}],
            "usage": {
                "prompt_tokens": prompt_tokens,
                "completion_tokens": completion_tokens,
                "total_tokens": prompt_tokens + completion_tokens,
            },
        },
    )


def tgi_reply(text: str, generated_tokens: int = 5) -> Reply:
    return (
        200,
        [
            {
                "generated_text": text,
                "details": {
                    "finish_reason": "eos_token",
                    "generated_tokens": generated_tokens,
                    "seed": 1,
                    "prefill": [],
                    "tokens": [],
                },
            }
        ],
    )


def gemini_reply(text: str) -> Reply:
    return (
        200,
        {
            "candidates": [{"content": {"role": "model", "parts": [{"text": text}]}, "finishReason": "STOP"}],
            "usageMetadata": {"promptTokenCount": 13, "candidatesTokenCount": 9, "totalTokenCount": 22},
            "modelVersion": "gemini-test",
        },
    )


def chat_responder(replies_by_step: Callable[[str], str]) -> Callable[[Recorded], Reply]:
    """An OpenAI responder whose answer depends on the prompt text (for multi-step strategies)."""

    def respond(recorded: Recorded) -> Reply:
        prompt = recorded.body["messages"][-1]["content"]
        return openai_reply(replies_by_step(prompt))

    return respond
