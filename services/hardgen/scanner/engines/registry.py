"""Engine registry: names → engine instances, ``--engine`` parsing and the default selection.

Engines are imported lazily and by name so that one missing optional engine (``gocustom`` not yet
shipped, ``codeql`` not installed) never breaks the others.
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Iterable
from functools import cache

from hardgen.core.languages import Language
from hardgen.core.logging import get_logger
from hardgen.scanner.engines.base import Engine
from hardgen.scanner.rulepack import rule_files

log = get_logger(__name__)

#: name → (module, preferred class name). Order = preference when findings are de-duplicated.
ENGINES: dict[str, tuple[str, str]] = {
    "codeql": ("hardgen.scanner.engines.codeql", "CodeQLEngine"),
    "semgrep": ("hardgen.scanner.engines.semgrep", "SemgrepEngine"),
    "gocustom": ("hardgen.scanner.engines.gocustom", "GoCustomEngine"),
    "bandit": ("hardgen.scanner.engines.bandit", "BanditEngine"),
}
DEFAULT_ENGINES = ("semgrep", "gocustom", "bandit")
#: How to get every engine the default selection needs (Semgrep and Bandit come with the extra).
INSTALL_COMMAND = "pip install 'hardgen[scanner]'"
#: What an engine needs installed, for the error that names it.
_NEEDS = {"semgrep": "semgrep", "bandit": "bandit", "gocustom": "the tree-sitter-go package"}


class UnknownEngineError(ValueError):
    """A name in ``--engine`` that is not an engine, or one that cannot run here."""


class EngineMissingError(RuntimeError):
    """An engine that the scanned files' languages need is not installed here.

    Scanning without it would report nothing for those files, which reads as "no weakness"
    (an empty SARIF and exit 0 in CI), so it is an error: CLI exit 2, gRPC FAILED_PRECONDITION,
    HTTP 503, each naming the engine and the install command.
    """


def _find_class(module: object, name: str, preferred: str) -> type | None:
    candidate = getattr(module, preferred, None)
    if inspect.isclass(candidate):
        return candidate
    for _, cls in inspect.getmembers(module, inspect.isclass):
        if getattr(cls, "__module__", "") == getattr(module, "__name__", "") and getattr(cls, "name", None) == name:
            return cls
    return None


@cache
def engine_class(name: str) -> type | None:
    """The engine class for ``name``, or None when its module is absent or broken."""
    if name not in ENGINES:
        return None
    module_name, preferred = ENGINES[name]
    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        log.info("engine.missing", engine=name, reason=str(exc))
        return None
    return _find_class(module, name, preferred)


def create(name: str) -> Engine:
    """A new instance of engine ``name`` (raises :class:`UnknownEngineError`)."""
    cls = engine_class(name)
    if cls is None:
        known = ", ".join(ENGINES)
        raise UnknownEngineError(f"unknown or unavailable engine {name!r} (engines: {known})")
    engine = cls()
    if not isinstance(engine, Engine):
        raise UnknownEngineError(f"engine {name!r} does not implement the engine contract")
    return engine


def available_engines() -> dict[str, bool]:
    """Every known engine and whether it can run on this machine."""
    status: dict[str, bool] = {}
    for name in ENGINES:
        try:
            status[name] = create(name).available()
        except UnknownEngineError:
            status[name] = False
    return status


def parse_engines(spec: str | Iterable[str] | None) -> list[str]:
    """``"semgrep,bandit"`` (or a list, possibly with commas) → validated names, in order.

    Empty → the default selection. ``default`` may appear in the list to extend it.
    """
    if spec is None:
        return []
    parts = [spec] if isinstance(spec, str) else list(spec)
    names: list[str] = []
    for part in parts:
        for raw in part.split(","):
            name = raw.strip().lower()
            if not name:
                continue
            expanded = list(DEFAULT_ENGINES) if name == "default" else [name]
            for item in expanded:
                if item not in ENGINES:
                    raise UnknownEngineError(f"unknown engine {item!r} (engines: {', '.join(ENGINES)})")
                if item not in names:
                    names.append(item)
    return names


def select_engines(names: Iterable[str] | None = None) -> list[Engine]:
    """Engines to run. Named explicitly → each must be available here, else an error;
    default → ``semgrep,gocustom,bandit`` minus those not installed (logged)."""
    wanted = list(names or [])
    explicit = bool(wanted)
    engines: list[Engine] = []
    for name in wanted or DEFAULT_ENGINES:
        try:
            engine = create(name)
        except UnknownEngineError:
            if explicit:
                raise
            continue
        if not engine.available():
            if explicit:
                raise UnknownEngineError(f"engine {name!r} is not available on this machine")
            log.info("engine.unavailable", engine=name)
            continue
        engines.append(engine)
    return engines


def required_engines(language: Language) -> list[str]:
    """Engines of the default selection that ``language`` needs for complete results: Semgrep where
    a rule pack exists for it, Bandit for Python, gocustom (the study's Go checks) for Go."""
    needed = ["semgrep"] if rule_files(language) else []
    if language is Language.PYTHON:
        needed.append("bandit")
    if language is Language.GO:
        needed.append("gocustom")
    return needed


def check_required_engines(languages: Iterable[Language], engines: Iterable[Engine]) -> None:
    """Raise :class:`EngineMissingError` when a language present needs an engine not among ``engines``.

    Call it for the default selection only: engines named explicitly are the user's choice.
    """
    present = {engine.name for engine in engines}
    for language in sorted(set(languages), key=lambda lang: lang.value):
        for name in required_engines(language):
            if name not in present:
                raise EngineMissingError(
                    f"engine {name} is not installed ({_NEEDS[name]}), and scanning {language.value} files needs it: "
                    f"{INSTALL_COMMAND}"
                )


def preference(engine_name: str) -> int:
    """Lower is preferred when two engines report the same weakness on the same line."""
    order = list(ENGINES)
    return order.index(engine_name) if engine_name in order else len(order)
