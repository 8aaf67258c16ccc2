"""``hardgen scenarios list|show``: browse the scenario corpus."""

from __future__ import annotations

from typing import Any

import typer

from hardgen.cli.common import FormatOption, OutputFormat, emit, fail, print_json, stdout
from hardgen.core.languages import UnknownLanguageError, parse_language
from hardgen.core.scenarios import Scenario, ScenarioError, get_scenario, load_corpus
from hardgen.core.settings import project_root

scenarios_app = typer.Typer(help="Browse the scenario corpus (10 CWE scenarios × 4 languages).", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(scenarios_app, name="scenarios")


def scenario_summary(scenario: Scenario) -> dict[str, Any]:
    try:
        path = scenario.path.relative_to(project_root())
    except ValueError:
        path = scenario.path
    return {
        "id": scenario.id,
        "number": scenario.number,
        "name": scenario.name,
        "cwe": scenario.cwe,
        "language": scenario.language.value,
        "framework": scenario.framework,
        "path": str(path),
        "insecure": len(scenario.insecure),
        "secure": len(scenario.secure),
    }


@scenarios_app.command("list")
def list_scenarios(
    language: str | None = typer.Option(None, "--language", "-l", help="python, javascript, java or go"),
    fmt: OutputFormat = FormatOption,
) -> None:
    """List every scenario (one row per scenario and language)."""
    try:
        lang = parse_language(language) if language else None
        corpus = load_corpus()
    except (UnknownLanguageError, ScenarioError) as exc:
        fail(str(exc))
    rows = [scenario_summary(s) for s in corpus if lang is None or s.language is lang]
    emit(
        rows,
        fmt,
        ["#", "name", "CWE", "language", "framework", "insecure", "secure", "path"],
        lambda: [
            [r["number"], r["name"], r["cwe"], r["language"], r["framework"], r["insecure"], r["secure"], r["path"]]
            for r in rows
        ],
        title=f"{len(rows)} scenarios",
    )


@scenarios_app.command("show")
def show_scenario(
    number: int = typer.Argument(..., help="scenario number 1-10"),
    language: str = typer.Option(..., "--language", "-l", help="python, javascript, java or go"),
    fmt: OutputFormat = FormatOption,
) -> None:
    """Show one scenario: task line, partial program and its reference completions."""
    try:
        scenario = get_scenario(number, language)
    except (UnknownLanguageError, ScenarioError) as exc:
        fail(str(exc))
    summary = scenario_summary(scenario)
    if fmt is OutputFormat.json:
        print_json(
            summary
            | {
                "task": scenario.task,
                "source": scenario.source,
                "references": [r.model_dump() for r in scenario.references],
            }
        )
        return
    stdout.print(f"[bold]{scenario.number}. {scenario.name}[/] (CWE-{scenario.cwe}, {scenario.language.value})")
    stdout.print(f"task: {scenario.task}")
    stdout.print(f"file: {summary['path']}\n")
    stdout.print(scenario.source, markup=False, highlight=False)
    for ref in scenario.references:
        label = "secure" if ref.secure else "insecure: " + ", ".join(ref.rules)
        stdout.print(f"  {ref.file}  [{label}]", markup=False)
