"""``python -m hardgen.modelserve.bench``: generated tokens/second at concurrency 1, 4 and 16.

Starts the server in-process on loopback ports (or targets ``--url``), sends TGI ``/generate``
requests with raw-strategy prompts from as many client threads as the concurrency, and counts the
tokens the server reports (``details.generated_tokens``). With continuous batching the figure should
grow with concurrency; without it, it would stay flat.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx


def _prompts(limit: int) -> list[str]:
    from hardgen.core.prompts import raw_prompt
    from hardgen.core.scenarios import load_corpus

    prompts = [raw_prompt(s) for s in load_corpus()]
    return (prompts or ["def main():\n"])[:limit] if limit else prompts


def run_level(url: str, prompts: list[str], concurrency: int, requests: int, max_new_tokens: int) -> dict[str, Any]:
    def one(i: int) -> tuple[int, float]:
        body = {"inputs": prompts[i % len(prompts)],
                "parameters": {"max_new_tokens": max_new_tokens, "details": True, "seed": i,
                               "do_sample": True, "temperature": 0.8}}
        started = time.monotonic()
        r = httpx.post(f"{url}/generate", json=body, timeout=600)
        r.raise_for_status()
        return int(r.json()["details"]["generated_tokens"]), time.monotonic() - started

    started = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(max_workers=concurrency) as pool:
        results = list(pool.map(one, range(requests)))
    wall = time.monotonic() - started
    tokens = sum(t for t, _ in results)
    latencies = sorted(lat for _, lat in results)
    return {
        "concurrency": concurrency,
        "requests": requests,
        "generated_tokens": tokens,
        "seconds": round(wall, 2),
        "tokens_per_second": round(tokens / wall, 1) if wall else 0.0,
        "p50_latency_s": round(latencies[len(latencies) // 2], 2),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hardgen.modelserve.bench", description=__doc__)
    parser.add_argument("--model", default="demo", help="base model (default demo; --tiny when it is missing)")
    parser.add_argument("--tiny", action="store_true", help="benchmark a throwaway tiny model instead")
    parser.add_argument("--url", default=None, help="benchmark a running server (ours or a real TGI)")
    parser.add_argument("--concurrency", default="1,4,16")
    parser.add_argument("--rounds", type=int, default=2, help="requests per level = rounds × concurrency")
    parser.add_argument("--max-new-tokens", type=int, default=64)
    parser.add_argument("--window-ms", type=float, default=10.0)
    parser.add_argument("--threads", type=int, default=0, help="torch threads (0 = default)")
    parser.add_argument("--json", action="store_true", help="print JSON only")
    args = parser.parse_args(argv)

    from hardgen.core.logging import configure_logging

    configure_logging("console", level="WARNING")
    levels = [int(x) for x in args.concurrency.split(",") if x.strip()]
    server = None
    model = args.model
    url = args.url
    if url is None:
        import torch

        from hardgen.modelserve.localmodel import ModelNotFoundError, resolve_model_path
        from hardgen.modelserve.serve import start_server
        from hardgen.modelserve.service import ServeConfig

        if args.threads:
            torch.set_num_threads(args.threads)
        if not args.tiny:
            try:
                resolve_model_path(model)
            except ModelNotFoundError as exc:
                print(f"{exc}; benchmarking a tiny model instead (--tiny)", file=sys.stderr)
                args.tiny = True
        if args.tiny:
            from hardgen.modelserve.demo import build_model

            model = str(Path(tempfile.mkdtemp(prefix="hardgen-bench-")) / "tiny")
            build_model(model, _prompts(0) or ["def main():\n    pass\n"], size="tiny", steps=20)
        server = start_server(ServeConfig(model=model, window_ms=args.window_ms, max_batch=max(levels)),
                              http_port=_free_port())
        url = server.http_url
    prompts = _prompts(0)
    try:
        run_level(url, prompts, 1, 1, 4)  # warm-up
        results = [run_level(url, prompts, c, c * args.rounds, args.max_new_tokens) for c in levels]
    finally:
        if server is not None:
            server.stop()
    if args.json:
        print(json.dumps({"model": model, "results": results}, indent=2))
    else:
        print(f"model: {model}  max_new_tokens: {args.max_new_tokens}  window: {args.window_ms} ms")
        print(f"{'concurrency':>11} {'requests':>8} {'tokens':>7} {'seconds':>8} {'tokens/s':>9} {'p50 s':>6}")
        for r in results:
            print(f"{r['concurrency']:>11} {r['requests']:>8} {r['generated_tokens']:>7} {r['seconds']:>8} "
                  f"{r['tokens_per_second']:>9} {r['p50_latency_s']:>6}")
    return 0


def _free_port() -> int:
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


if __name__ == "__main__":
    sys.exit(main())
