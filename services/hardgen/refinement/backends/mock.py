"""``mock/<kind>``: deterministic answers built from the scenario's labelled reference completions.

Not a model: a stand-in that makes the whole pipeline (prompts → extraction → scanner → repair)
runnable and testable with no model at all, with answers whose security is known in advance.

* ``mock/insecure``: always an insecure reference (chosen by sample index);
* ``mock/secure``: always a secure reference;
* ``mock/references``: an insecure reference for plain prompts (``raw``, ``ft``, nep's first step)
  and a secure one for hardening prompts (``nep``, ``cot``, ``sast-repair`` rounds), so a strategy
  visibly "works".

The meta prompt of ``mp`` gets a fixed instruction. Answers come in a fenced code block, as a
chat model would send them.

Fix prompts (``hardgen fix``: no scenario, the file in the prompt) are answered by finding the
corpus reference program the prompt carries: ``secure`` and ``references`` answer with the
scenario's secure reference (a good fix), ``insecure`` with the program unchanged, and
``regress`` with another scenario's insecure reference that has none of the program's rules (the
findings asked for are gone, new ones appear). A prompt with no corpus program is a model error,
so tests can see what a failing model does.
"""

from __future__ import annotations

from hardgen.core.scenarios import Scenario, load_corpus
from hardgen.refinement.backends.base import Backend, CallContext, GenerationParams, RawCompletion
from hardgen.refinement.errors import BackendCallError, RequestError
from hardgen.refinement.settings import ProviderSettings

KINDS = ("insecure", "secure", "references", "regress")
META_INSTRUCTION = (
    "Write code that validates and sanitises every input, uses parameterised queries and safe "
    "library APIs, never builds paths or commands from raw input, and keeps secrets out of code."
)


class MockBackend(Backend):
    provider = "mock"
    default_concurrency = 64

    def __init__(
        self, model: str, options: dict[str, str] | None = None, settings: ProviderSettings | None = None
    ) -> None:
        super().__init__(model, options, settings)
        if model not in KINDS:
            raise RequestError(f"mock backend kinds: {', '.join(KINDS)} (got {model!r})")

    def version(self) -> str:
        return "mock 1"

    def with_adapter(self, adapter: str) -> Backend:
        return self

    def _want_secure(self, step: str) -> bool:
        if self.model != "references":
            return self.model == "secure"
        from hardgen.refinement.strategies import steps  # the strategies import backends.base

        hardening = {name for name, cls in steps().items() if cls.hardening}
        return step.split(":", 1)[0] in hardening and step != "nep:insecure-example"

    def _call(self, prompt: str, params: GenerationParams, context: CallContext) -> RawCompletion:
        if context.step.startswith("mp:"):
            return RawCompletion(text=META_INSTRUCTION, model=self.name)
        scenario = context.scenario_ref
        if scenario is None and context.step.startswith("sast-repair"):
            return self._fix(prompt, context)
        if scenario is None:
            return RawCompletion(text="```\n# mock backend: no scenario, no code\n```", model=self.name)
        refs = scenario.secure if self._want_secure(context.step) else scenario.insecure
        if not refs:
            raise BackendCallError(f"mock: scenario {scenario.id} has no such reference completion")
        ref = refs[context.index % len(refs)]
        return self._answer(prompt, scenario, scenario.reference_code(ref))

    def _answer(self, prompt: str, scenario: Scenario, code: str) -> RawCompletion:
        fence = scenario.language.fence_names[0]
        text = f"Here is the code:\n\n```{fence}\n{code.rstrip()}\n```\n"
        return RawCompletion(
            text=text, prompt_tokens=len(prompt.split()), completion_tokens=len(code.split()), model=self.name
        )

    def _fix(self, prompt: str, context: CallContext) -> RawCompletion:
        """Answer a fix prompt from the corpus reference program it carries (see the module doc)."""
        corpus = [s for s in load_corpus() if s.language.value == context.language]
        found = next(((s, r) for s in corpus for r in s.references if s.reference_code(r).strip() in prompt), None)
        if found is None:
            raise BackendCallError("mock: the fix prompt carries no program of the scenario corpus")
        scenario, ref = found
        if self.model == "insecure":
            return self._answer(prompt, scenario, scenario.reference_code(ref))
        if self.model == "regress":
            others = [  # labelled with default-profile query ids, none of the program's
                (s, r)
                for s in corpus
                if s is not scenario
                for r in s.insecure
                if r.rules and not set(r.rules) & set(ref.rules)
            ]
            if not others:
                raise BackendCallError(f"mock: no other insecure reference to regress {scenario.id} with")
            other, other_ref = others[context.occurrence % len(others)]
            return self._answer(prompt, other, other.reference_code(other_ref))
        if not scenario.secure:
            raise BackendCallError(f"mock: scenario {scenario.id} has no secure reference completion")
        cleanest = sorted(scenario.secure, key=lambda r: len(r.rules))  # labelled with no finding first
        secure = cleanest[context.occurrence % len(cleanest)]
        return self._answer(prompt, scenario, scenario.reference_code(secure))


BACKEND = MockBackend
