"""``hardgen generate``, ``hardgen prompt`` and ``hardgen strategies list``.

``generate`` runs the refinement code in this process (the model is called from here; the scanner
service is used for ``--scan``, ``nep`` and ``sast-repair``), or sends the request to a gateway
with ``--gateway URL``. Errors are one line on stderr: exit 2 for a wrong request, 1 when the
model, a key, an endpoint or a service fails (including any sample that failed).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer

from hardgen.cli.common import (
    EXIT_FINDINGS,
    EXIT_USAGE,
    FormatOption,
    OutputFormat,
    emit,
    fail,
    gateway_headers,
    post_gateway,
    print_json,
    stdout,
)
from hardgen.cli.modelserving import ModelServeOption
from hardgen.core.registries import step_order
from hardgen.core.settings import PORTS, service_address

#: ``--strategy`` help from the strategy registry (core/data/registries.yaml, held equal to it by a test)
STRATEGY_HELP = f"{', '.join(step_order())}, or a chain a+b"

strategies_app = typer.Typer(help="The hardening strategies (chain them with '+', e.g. mp+ft).", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.command("generate")(generate)
    app.command("prompt")(prompt)
    app.add_typer(strategies_app, name="strategies")


def parse_options(pairs: list[str]) -> dict[str, str]:
    options: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            fail(f"option {pair!r} is not key=value")
        options[key.strip()] = value
    return options


def _spec(
    scenario: int | None,
    prompt_text: str | None,
    language: str,
    model: str,
    strategy: str,
    n: int,
    seed: int,
    temperature: float,
    max_new_tokens: int,
    scan: bool,
    options: dict[str, str],
) -> Any:
    from hardgen.refinement.service import GenerateSpec

    if (scenario is None) == (prompt_text is None):
        fail("give exactly one of --scenario or --prompt")
    return GenerateSpec(
        language=language,
        model=model,
        strategy=strategy,
        scenario=scenario or 0,
        prompt=prompt_text or "",
        n=n,
        seed=seed,
        temperature=temperature,
        max_new_tokens=max_new_tokens,
        scan=scan,
        options=options,
    )


def _in_process(spec: Any, scanner_address: str, modelserve: str) -> list[dict[str, Any]]:
    from hardgen.cli.modelserving import model_port
    from hardgen.core.clients.scanner import ScannerUnavailableError
    from hardgen.refinement.errors import RefinementError, RequestError
    from hardgen.refinement.scanning import grpc_scanner
    from hardgen.refinement.service import RefinementService

    scanner = None if scanner_address.lower() == "none" else grpc_scanner(scanner_address)
    try:
        samples = RefinementService(scanner, models=model_port(modelserve)).generate(spec)
    except RequestError as exc:
        fail(str(exc), EXIT_USAGE)
    except (RefinementError, ScannerUnavailableError) as exc:
        fail(str(exc), EXIT_FINDINGS)
    return [s.to_dict() for s in samples]


def _via_gateway(url: str, spec: Any) -> list[dict[str, Any]]:
    body: dict[str, Any] = {
        "language": spec.language,
        "model": spec.model,
        "strategy": spec.strategy,
        "n": spec.n,
        "seed": spec.seed,
        "temperature": spec.temperature,
        "max_new_tokens": spec.max_new_tokens,
        "scan": spec.scan,
        "options": spec.options,
    }
    body |= {"scenario": spec.scenario} if spec.scenario else {"prompt": spec.prompt}
    samples: list[dict[str, Any]] = post_gateway(url, "/v1/generations", body, timeout=900.0)["samples"]
    return samples


def _record(path: Path, samples: list[dict[str, Any]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as handle:
        for sample in samples:
            handle.write(json.dumps(sample, ensure_ascii=False) + "\n")


def generate(
    scenario: int | None = typer.Option(None, "--scenario", "-s", help="scenario number 1-10"),
    prompt_text: str | None = typer.Option(None, "--prompt", help="a free-form task instead of a scenario"),
    language: str = typer.Option(..., "--language", "-l", help="python, javascript, java or go"),
    model: str = typer.Option(..., "--model", "-m", help="provider/model: openai/gpt-4.1, hf/demo@adapter, ..."),
    strategy: str = typer.Option("raw", "--strategy", "-S", help=STRATEGY_HELP),
    n: int = typer.Option(1, "-n", help="number of samples"),
    seed: int = typer.Option(0, "--seed"),
    temperature: float = typer.Option(0.2, "--temperature"),
    max_new_tokens: int = typer.Option(512, "--max-new-tokens"),
    scan: bool = typer.Option(False, "--scan", help="scan each sample with the scanner service"),
    option: list[str] = typer.Option([], "--option", "-o", help="key=value (base_url, adapter, repair_rounds, ...)"),
    gateway: str | None = typer.Option(None, "--gateway", help="send the request to this gateway URL instead"),
    scanner: str = typer.Option(
        service_address("scanner", PORTS["scanner_grpc"]), "--scanner", help="scanner gRPC address, or 'none'"
    ),
    record: Path | None = typer.Option(None, "--record", help="append the samples to this JSONL (a replay manifest)"),
    modelserve: str = ModelServeOption,
    fmt: OutputFormat = FormatOption,
) -> None:
    """Generate code for a scenario with a model and a hardening strategy."""
    spec = _spec(
        scenario,
        prompt_text,
        language,
        model,
        strategy,
        n,
        seed,
        temperature,
        max_new_tokens,
        scan,
        parse_options(option),
    )
    samples = _via_gateway(gateway, spec) if gateway else _in_process(spec, scanner, modelserve)
    if record is not None:
        _record(record, samples)
    failed = [s for s in samples if s["error"]]
    if failed and len(failed) == len(samples):
        fail(failed[0]["error"], EXIT_FINDINGS)
    if fmt is OutputFormat.json:
        print_json(samples)
    else:
        _print_samples(samples)
    if failed:
        fail(f"{len(failed)} of {len(samples)} samples failed: {failed[0]['error']}", EXIT_FINDINGS)


def _print_samples(samples: list[dict[str, Any]]) -> None:
    scanned = any(s["scanned"] for s in samples)
    columns = ["#", "id", "strategy", "parses", "merged", "latency ms", "tokens in/out", "attempts"]
    columns += ["findings"] if scanned else []
    rows = []
    for s in samples:
        st = s["stats"]
        row = [
            s["index"],
            s["id"],
            s["strategy"],
            "yes" if s["parses"] else "NO",
            "yes" if s["merged"] else "no",
            f"{st['latency_ms']:.0f}",
            f"{st['prompt_tokens']}/{st['completion_tokens']}",
            st["attempts"],
        ]
        if scanned:
            row.append(", ".join(sorted({f["rule_id"] for f in s["findings"]})) or "none")
        rows.append(row)
    emit(samples, OutputFormat.table, columns, lambda: rows, title=f"{len(samples)} samples")
    for s in samples:
        stdout.print(f"\n── sample {s['index']} ({s['extraction']}) ──", markup=False, highlight=False)
        stdout.print(s["code"] if s["code"] else f"(no code: {s['error']})", markup=False, highlight=False)


def prompt(
    scenario: int | None = typer.Option(None, "--scenario", "-s", help="scenario number 1-10"),
    prompt_text: str | None = typer.Option(None, "--prompt", help="a free-form task instead of a scenario"),
    language: str = typer.Option(..., "--language", "-l", help="python, javascript, java or go"),
    strategy: str = typer.Option("raw", "--strategy", "-S", help=STRATEGY_HELP),
    model: str = typer.Option("mock/references", "--model", "-m", help="only matters for ft (adapter) and mp"),
    option: list[str] = typer.Option([], "--option", "-o", help="key=value strategy options"),
    fmt: OutputFormat = FormatOption,
) -> None:
    """Print the exact prompt(s) a strategy sends, without calling a model.

    A prompt that depends on an earlier reply shows a placeholder for it; nep shows the labelled
    insecure reference as its example.
    """
    from hardgen.refinement.errors import RefinementError
    from hardgen.refinement.service import RefinementService

    spec = _spec(scenario, prompt_text, language, model, strategy, 1, 0, 0.2, 512, False, parse_options(option))
    try:
        records = RefinementService().prompts(spec)
    except RefinementError as exc:
        fail(str(exc), EXIT_USAGE)
    data = [
        {"step": r.step, "template": r.template, "template_version": r.template_version, "id": r.id, "text": r.text}
        for r in records
    ]
    if fmt is OutputFormat.json:
        print_json(data)
        return
    if len(data) == 1:
        stdout.print(data[0]["text"], markup=False, highlight=False)
        return
    for item in data:
        header = f"── step {item['step']} · template {item['template']} v{item['template_version']} ──"
        stdout.print(header, markup=False, highlight=False)
        stdout.print(item["text"] + "\n", markup=False, highlight=False)


@strategies_app.command("list")
def list_strategies(
    gateway: str | None = typer.Option(None, "--gateway", help="ask this gateway instead"),
    fmt: OutputFormat = FormatOption,
) -> None:
    """List the strategies, their kind (setup, generate, refine) and options."""
    rows: list[dict[str, Any]]
    if gateway:
        import httpx

        try:
            response = httpx.get(gateway.rstrip("/") + "/v1/strategies", headers=gateway_headers(), timeout=30.0)
            response.raise_for_status()
        except httpx.HTTPError as exc:
            fail(f"cannot list strategies from {gateway}: {type(exc).__name__}", EXIT_FINDINGS)
        rows = response.json()
    else:
        from hardgen.refinement.service import RefinementService

        rows = [
            {
                "name": s.name,
                "description": s.description,
                "from_study": s.from_study,
                "kind": s.kind,
                "templates": list(s.templates),
                "options": s.options,
            }
            for s in RefinementService().strategies()
        ]
    emit(
        rows,
        fmt,
        ["name", "kind", "study", "description", "options"],
        lambda: [
            [r["name"], r["kind"], "yes" if r["from_study"] else "beyond", r["description"], ", ".join(r["options"])]
            for r in rows
        ],
        title="strategies (chain with '+', e.g. mp+ft, cot+sast-repair)",
    )
