"""The state a strategy chain works on, and the step contract.

Like inspect_ai's solvers, a strategy is a small step that reads and updates one
:class:`SampleState`; a chain such as ``mp+ft`` or ``cot+sast-repair`` runs its steps in order.
Steps come in three kinds, and a chain lists them in this order:

* ``setup``: change how later prompts are sent (``mp`` prepends an instruction, ``ft`` swaps in a
  fine-tuned model);
* ``generate``: build a task prompt and get code (``raw``, ``nep``, ``cot``; at most one per chain);
* ``refine``: improve the code already there (``sast-repair``).

A chain without a generate step gets a plain task prompt after its setup steps (``mp``, ``ft``,
``mp+ft``); a refine step with no code yet gets one first.
"""

from __future__ import annotations

import hashlib
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from hardgen.core.clients.scanner import ScannerUnavailableError
from hardgen.core.extraction import Extracted, extract
from hardgen.core.languages import Language
from hardgen.core.prompts import PromptTemplate, PromptTemplateError, get_template, task_values
from hardgen.core.scenarios import Scenario
from hardgen.refinement.backends.base import Backend, CallContext, CallStats, GenerationParams
from hardgen.refinement.errors import RequestError

if TYPE_CHECKING:
    from hardgen.refinement.scanning import FindingsScanner

StepKind = Literal["setup", "generate", "refine"]

@dataclass(frozen=True, slots=True)
class Task:
    """What to write: a scenario's partial program and task line, or a user's own task text."""

    language: Language
    task: str
    scenario: Scenario | None = None

    @property
    def program(self) -> str:
        return self.scenario.source if self.scenario else ""

    @property
    def prefix(self) -> str:
        return self.scenario.prefix() if self.scenario else ""

    @property
    def suffix(self) -> str:
        return self.scenario.suffix() if self.scenario else ""

    @property
    def number(self) -> int:
        return self.scenario.number if self.scenario else 0

    @property
    def scan_path(self) -> str:
        if self.scenario:
            return f"{self.scenario.id}/{self.scenario.file}"
        return f"prompt/main{self.language.extension}"

    def values(self) -> dict[str, str]:
        """Placeholders every task template may use (the core prompt contract, shared with fine-tuning)."""
        return task_values(self.language, self.task, self.scenario)


@dataclass(slots=True)
class PromptRecord:
    """One prompt exactly as sent, with its reply: what makes a sample reproducible and auditable."""

    step: str
    template: str
    template_version: str
    text: str
    response: str = ""
    stats: CallStats | None = None
    cached: bool = False

    @property
    def id(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()[:16]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "step": self.step,
            "template": self.template,
            "template_version": self.template_version,
            "text": self.text,
            "response": self.response,
            "stats": self.stats.to_dict() if self.stats else None,
            "cached": self.cached,
        }


@dataclass
class SampleState:
    """Everything one sample accumulates while its chain runs."""

    task: Task
    backend: Backend
    params: GenerationParams
    strategy: str
    index: int = 0
    options: dict[str, str] = field(default_factory=dict)
    scanner: FindingsScanner | None = None
    dry_run: bool = False
    preamble: list[str] = field(default_factory=list)
    prompts: list[PromptRecord] = field(default_factory=list)
    template_versions: dict[str, str] = field(default_factory=dict)
    result: Extracted | None = None
    raw_response: str = ""
    findings: list[dict[str, Any]] | None = None  # findings of result.code, when scanned
    notes: dict[str, str] = field(default_factory=dict)

    def use_template(self, name: str) -> PromptTemplate:
        try:
            template = get_template(name)
        except PromptTemplateError as exc:  # a strategy option named a template that does not exist
            raise RequestError(str(exc)) from None
        self.template_versions[template.name] = template.version
        return template

    def context(self, step: str) -> CallContext:
        occurrence = sum(1 for p in self.prompts if p.step == step)
        return CallContext(
            language=self.task.language.value,
            scenario=self.task.number,
            strategy=self.strategy,
            index=self.index,
            step=step,
            occurrence=occurrence,
            scenario_ref=self.task.scenario,
        )

    def with_preamble(self, prompt: str) -> str:
        """A task prompt with the setup steps' instructions in front (``mp``)."""
        if not self.preamble:
            return prompt
        template = self.use_template("mp")
        return str(template.render(instruction="\n".join(self.preamble), prompt=prompt))

    def ask(self, step: str, template: str, prompt: str, *, task_prompt: bool = True) -> str:
        """Send one prompt (with the preamble for task prompts), record it and its reply."""
        text = self.with_preamble(prompt) if task_prompt else prompt
        version = self.template_versions.get(template) or self.use_template(template).version
        record = PromptRecord(step=step, template=template, template_version=version, text=text)
        context = self.context(step)
        self.prompts.append(record)
        if self.dry_run:
            record.response = f"<model response to {step}>"
            return record.response
        completion = self.backend.complete(text, self.params, context)
        record.response = completion.text
        record.stats = completion.stats
        return completion.text

    def accept(self, response: str) -> Extracted:
        """Make ``response`` the sample's current code (extracted, merged, parse-checked)."""
        self.raw_response = response
        self.result = extract(response, self.task.language, self.task.prefix, self.task.suffix)
        self.findings = None
        return self.result

    def generate_task(self, step: str, template_name: str, **extra: str) -> Extracted:
        """Render a task template, send it and accept the reply: what every generate step does."""
        template = self.use_template(template_name)
        self.use_template("request")  # the closing request inside every task template
        prompt = template.render(**(self.task.values() | extra))
        return self.accept(self.ask(step, template_name, prompt))

    def scan(self) -> list[dict[str, Any]]:
        """Findings of the current code (cached until the code changes); needs a scanner."""
        if self.result is None:
            return []
        if self.findings is None:
            if self.scanner is None:
                raise ScannerUnavailableError("no scanner service configured")
            self.findings = self.scanner.scan_code(self.result.code, self.task.language, self.task.scan_path)
        return self.findings

    @property
    def calls(self) -> list[CallStats]:
        return [p.stats for p in self.prompts if p.stats is not None]


class Step(ABC):
    """A strategy step; subclasses set the class attributes and implement :meth:`run`."""

    name: ClassVar[str]
    kind: ClassVar[StepKind]
    description: ClassVar[str]
    from_study: ClassVar[bool] = True
    templates: ClassVar[tuple[str, ...]] = ()
    options: ClassVar[dict[str, str]] = {}
    #: The step cannot run without the scanner (checked before any model call), and the findings of
    #: its last scan are the sample's findings: what ``sast-repair`` declares.
    needs_scanner: ClassVar[bool] = False
    #: The step asks for secure code (``nep``, ``cot``, repair rounds), as opposed to a plain task
    #: prompt; the ``mock/references`` backend answers such prompts with a secure reference.
    hardening: ClassVar[bool] = False

    @abstractmethod
    def run(self, state: SampleState) -> None:
        """Advance ``state`` by this step: ask the model, record the prompt, accept or refine the code."""
