"""``hardgen model build-demo|eval``, ``hardgen finetune`` and ``hardgen adapters list``.

Torch and transformers are imported inside the commands so ``hardgen --help`` stays fast.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer

from hardgen.cli.common import EXIT_FINDINGS, FormatOption, OutputFormat, emit, fail, stderr
from hardgen.cli.settings import scanner_or_setting

model_app = typer.Typer(help="The local demo model: build it, measure its raw samples.", no_args_is_help=True)
adapters_app = typer.Typer(help="The adapter registry (LoRA adapters and hosted fine-tunes).", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(model_app, name="model")
    app.add_typer(adapters_app, name="adapters")
    app.command("finetune")(finetune)


def _progress(total: int | None, description: str) -> Any:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    progress = Progress(
        TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
        TextColumn("loss {task.fields[loss]}"), TimeRemainingColumn(), console=stderr, transient=False,
    )
    task = progress.add_task(description, total=total, loss="-")
    return progress, task


@model_app.command("build-demo")
def build_demo_cmd(
    force: bool = typer.Option(False, "--force", help="rebuild even when the demo model exists"),
    epochs: int | None = typer.Option(None, "--epochs", min=1, help="passes over the corpus (default: size preset)"),
    steps: int = typer.Option(
        0, "--steps", min=0, help="optimizer steps instead of epochs (0: epochs; a few make a smoke-test model)"
    ),
    evaluate: bool = typer.Option(False, "--evaluate", help="then measure parse rate and flagged share"),
    full: bool = typer.Option(
        False, "--full", help="train every epoch of the preset (default: stop once parse and flag targets are met)"
    ),
    fmt: OutputFormat = FormatOption,
) -> None:
    """Train the demo model (small GPT-2, from scratch, deterministic) on the scenario corpus.

    With the preset budget, training stops at the first checked epoch whose raw samples meet the
    demo's targets (parse rate, a mix of flagged and clean programs; the in-process scanner
    checks them), usually well before the preset's last epoch; ``--full`` trains every epoch."""
    from hardgen.core.scenarios import ScenarioError
    from hardgen.modelserve.demo import SIZES, build_demo, demo_dir, demo_examples

    path = demo_dir()
    if (path / "hardgen_model.json").is_file() and not force:
        manifest = build_demo()
    else:
        try:
            n = len(demo_examples())
        except ScenarioError as exc:
            fail(str(exc))
        shape = SIZES["demo"]
        total = steps or max(1, -(-n // shape.batch_size)) * (epochs or shape.epochs)
        progress, task = _progress(total, "training demo model")
        from hardgen.cli.scanning import scanner_port

        with progress:
            manifest = build_demo(force=True, epochs=epochs, steps=steps or None, early_stop=not full,
                                  scanner=None if full or epochs or steps else scanner_port(),
                                  on_step=lambda s, loss, lr: progress.update(task, completed=s + 1,
                                                                              loss=f"{loss:.3f}"))
    if evaluate:
        from hardgen.cli.scanning import scanner_port
        from hardgen.modelserve.demo_eval import evaluate as run_eval

        manifest["evaluation"] = run_eval("demo", scanner=scanner_port()).summary()
        (path / "hardgen_model.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    keys = ["name", "parameters", "examples", "steps", "epochs_trained", "stopped_early", "initial_loss", "final_loss",
            "train_seconds", "corpus_hash"]
    emit(manifest | {"path": str(path)}, fmt, ["field", "value"],
         lambda: [[k, manifest.get(k)] for k in keys] + [["path", str(path)], ["reused", manifest.get("reused", False)]]
         + ([["evaluation", json.dumps(manifest["evaluation"])]] if "evaluation" in manifest else []),
         title="demo model")


@model_app.command("eval")
def eval_cmd(
    model: str = typer.Option("demo", "--model", "-m", help="base model name or path"),
    adapter: str | None = typer.Option(None, "--adapter", help="LoRA adapter id"),
    samples: int = typer.Option(1, "--samples", min=1, help="raw samples per scenario"),
    temperature: float = typer.Option(0.0, "--temperature", min=0.0),
    language: str | None = typer.Option(None, "--language", "-l"),
    scan: bool = typer.Option(True, "--scan/--no-scan", help="scan the samples"),
    scanner: str | None = typer.Option(
        None,
        "--scanner",
        callback=scanner_or_setting,
        help="scanner gRPC address (default: HARDGEN_SCANNER_ADDR, else in-process)",
    ),
    fmt: OutputFormat = FormatOption,
) -> None:
    """Generate raw samples for every scenario; report parse rate and share flagged."""
    from hardgen.cli.scanning import scanner_port
    from hardgen.core.clients.scanner import ScannerClientError
    from hardgen.modelserve.demo_eval import evaluate
    from hardgen.modelserve.localmodel import LocalModelError

    try:
        report = evaluate(model, samples=samples, temperature=temperature, language=language, adapter=adapter,
                          scanner=scanner_port(scanner) if scan else None)
    except LocalModelError as exc:
        fail(str(exc))
    except ScannerClientError as exc:
        fail(str(exc), code=EXIT_FINDINGS)
    summary = report.summary()
    emit(summary, fmt, ["language", "samples", "parse rate", "flagged share"],
         lambda: [[k, v["samples"], v["parse_rate"], v["flagged_share"]] for k, v in summary["by_language"].items()]
         + [["all", summary["samples"], summary["parse_rate"], summary["flagged_share"]]],
         title=f"raw samples of {model}")


def finetune(
    base: str = typer.Option("demo", "--base", help="base model name (under the models dir) or path"),
    language: str | None = typer.Option(None, "--language", "-l", help="one language, or all when omitted"),
    steps: int | None = typer.Option(None, "--steps", min=1, help="optimizer steps (overrides --epochs)"),
    epochs: int | None = typer.Option(None, "--epochs", min=1),
    learning_rate: float = typer.Option(2e-3, "--lr", help="learning rate"),
    batch_size: int = typer.Option(4, "--batch-size", min=1),
    lora_r: int = typer.Option(8, "--lora-r", min=1),
    lora_alpha: int = typer.Option(16, "--lora-alpha", min=1),
    lora_dropout: float = typer.Option(0.05, "--lora-dropout", min=0.0, max=1.0),
    target_modules: str | None = typer.Option(None, "--target-modules", help="comma-separated module names"),
    seed: int = typer.Option(42, "--seed"),
    max_length: int = typer.Option(1024, "--max-length", min=16),
    device: str = typer.Option("auto", "--device", help="auto | cpu | cuda"),
    load_in_4bit: bool = typer.Option(False, "--load-in-4bit", help="4-bit base weights (bitsandbytes, CUDA)"),
    name: str | None = typer.Option(None, "--name", help="adapter id (default: derived from base, data, settings)"),
    dataset: Path | None = typer.Option(None, "--dataset", help="extra JSONL of {prompt, completion[, language]}"),
    corpus: bool = typer.Option(True, "--corpus/--no-corpus", help="include the corpus's secure references"),
    no_scan: bool = typer.Option(False, "--no-scan", help="train even when no scanner can check the examples"),
    preset: str | None = typer.Option(None, "--preset", help="study preset: demo, deepseek-r1-distill-32b, "
                                      "gpt-4.1, o4-mini, gemini-2.0-flash"),
    provider: str = typer.Option("local", "--provider", help="local (LoRA) | openai | gemini"),
    model: str | None = typer.Option(None, "--model", help="hosted base model (openai/gemini)"),
    grader: Path | None = typer.Option(None, "--grader", help="grader JSON for reinforcement fine-tunes (o4-mini)"),
    training_uri: str | None = typer.Option(None, "--training-uri", help="gs:// URI of the uploaded dataset (gemini)"),
    force: bool = typer.Option(False, "--force", help="retrain even when this configuration was trained already"),
    fmt: OutputFormat = FormatOption,
) -> None:
    """Fine-tune on the scanned secure references: LoRA locally, or a hosted job (openai, gemini).

    Re-running with the same configuration reuses the registered adapter (one line on stderr says
    so); ``--force`` retrains it."""
    from hardgen.cli.scanning import scanner_port
    from hardgen.core.clients.scanner import ScannerClientError
    from hardgen.modelserve.dataset import DatasetError, build_dataset
    from hardgen.modelserve.finetune import PRESETS, FineTuneConfig, FineTuneError, apply_preset, run_finetune
    from hardgen.modelserve.hosted import HostedFineTuneError
    from hardgen.modelserve.localmodel import LocalModelError
    from hardgen.modelserve.scan import NoScannerError, default_scanner

    if preset and PRESETS.get(preset) is not None and PRESETS[preset].provider != "local":
        provider = PRESETS[preset].provider
    try:
        if provider != "local":
            from hardgen.modelserve.hosted import (
                HostedConfig,
                gemini_finetune,
                hosted_config_from_preset,
                openai_finetune,
            )

            scanner = None if no_scan else default_scanner(local=scanner_port())
            data = build_dataset(language or None, extra_jsonl=dataset, scanner=scanner, include_corpus=corpus)
            grader_json = json.loads(grader.read_text(encoding="utf-8")) if grader else None
            if preset:
                hcfg = hosted_config_from_preset(preset, epochs=epochs, seed=seed, name=name, grader=grader_json,
                                                 model=model, training_uri=training_uri)
            elif model:
                hcfg = HostedConfig(provider=provider, model=model, epochs=epochs, seed=seed, name=name,
                                    grader=grader_json, training_uri=training_uri)
            else:
                fail(f"--provider {provider} needs --model or --preset")
            runner = openai_finetune if provider == "openai" else gemini_finetune
            record = runner(data, hcfg, on_status=lambda s: stderr.print(f"job status: {s}"))
        else:
            cfg = FineTuneConfig(
                base_model=base, language=language or "", steps=steps, epochs=epochs, learning_rate=learning_rate,
                batch_size=batch_size, lora_r=lora_r, lora_alpha=lora_alpha, lora_dropout=lora_dropout,
                target_modules=[m.strip() for m in target_modules.split(",") if m.strip()] if target_modules else None,
                seed=seed, max_length=max_length, device=device, load_in_4bit=load_in_4bit, name=name,
                extra_dataset=str(dataset) if dataset else None, corpus=corpus,
            )
            if preset:
                cfg = apply_preset(cfg, preset)
            progress, task = _progress(None, f"fine-tuning {base}")
            with progress:
                def on_step(step: int, total: int, loss: float) -> None:
                    progress.update(task, total=total, completed=step, loss=f"{loss:.3f}")

                scanner = None if no_scan else default_scanner(local=scanner_port())
                record = run_finetune(cfg, scanner=scanner, on_step=on_step, force=force)
    except (LocalModelError, DatasetError, NoScannerError, FineTuneError, ValueError) as exc:
        fail(str(exc))
    except ScannerClientError as exc:  # the training examples could not be checked: nothing was trained
        fail(str(exc), code=EXIT_FINDINGS)
    except HostedFineTuneError as exc:
        fail(str(exc), code=EXIT_FINDINGS)
    if record.reused:
        stderr.print(f"adapter {record.id} is already trained with this configuration: reused (--force retrains)")
    summary = record.to_dict()
    emit(summary, fmt, ["field", "value"],
         lambda: [[k, summary[k]] for k in ("id", "provider", "base_model", "language", "examples",
                                            "dropped_examples", "initial_loss", "final_loss", "remote_model_id",
                                            "path")],
         title="adapter")


@adapters_app.command("list")
def list_adapters(
    base: str | None = typer.Option(None, "--base", help="only adapters of this base model"),
    fmt: OutputFormat = FormatOption,
) -> None:
    """List registered adapters: id, provider, base model, language, examples, loss before → after."""
    from hardgen.modelserve.registry import AdapterRegistry

    records = AdapterRegistry().list(base)

    def loss(value: float | None) -> str:
        return "" if value is None else f"{value:.3f}"

    emit([r.to_dict() for r in records], fmt,
         ["id", "provider", "base", "language", "status", "examples", "dropped", "loss", "model / path"],
         lambda: [[r.id, r.provider, r.base_model, r.language or "all", r.status, r.examples, r.dropped_examples,
                   f"{loss(r.initial_loss)} → {loss(r.final_loss)}", r.remote_model_id or r.path] for r in records],
         title=f"{len(records)} adapters")
