"""Services meet only through ``hardgen.core``, the gRPC contracts and NATS (docs/architecture.md).

Core depends on no service, and only the CLI (the local mode of every service) imports the CLI.

A service that imports another service's package couples their releases and their images (the
modelserve image needed Semgrep because it imported the scanner). This walks every module of every
service with ``ast``, so an import hidden inside a function, behind ``TYPE_CHECKING`` or spelled as
``importlib.import_module("hardgen.x")`` counts too, and names each offender as file:line.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "services" / "hardgen"
SERVICES = ("gateway", "refinement", "modelserve", "scanner", "analytics")
_DYNAMIC_IMPORTERS = {"import_module", "__import__"}


def imported_modules(tree: ast.AST, package: str) -> list[tuple[int, str]]:
    """(line, absolute module name) of every import in ``tree``, at any depth.

    ``package`` is the dotted package the module lives in, to resolve relative imports. String
    arguments of ``importlib.import_module``/``__import__`` count as imports: they are how code
    reaches a package while hiding it from a plain grep.
    """
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                parent = ".".join(parts[: len(parts) - node.level + 1])
                base = f"{parent}.{base}" if base else parent
            if base.count(".") >= 1:  # ``from hardgen.x.y import name``: the module is enough
                found.append((node.lineno, base))
            else:  # ``from hardgen import scanner``: the names are the modules
                found += [(node.lineno, f"{base}.{alias.name}") for alias in node.names]
        elif isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
            if name in _DYNAMIC_IMPORTERS and node.args:
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    found.append((node.lineno, first.value))
    return found


def foreign_package(module: str, own: str) -> str | None:
    """The package ``module`` belongs to when ``own`` may not import it, else None.

    A service may import core, the stubs, itself and third-party code; core may import no service
    (it is what services share, so it cannot depend on one); nobody but the CLI imports the CLI.
    """
    parts = module.split(".")
    if len(parts) < 2 or parts[0] != "hardgen" or parts[1] == own:
        return None
    if parts[1] in SERVICES or parts[1] == "cli":
        return parts[1]
    return None


def boundary_violations(root: Path = PACKAGE) -> list[str]:
    """``file:line: <package> imports <module>`` for every forbidden import under ``root``."""
    violations: set[str] = set()
    for owner in (*SERVICES, "core"):
        for path in sorted((root / owner).rglob("*.py")):
            relative = path.relative_to(root.parent)
            package = ".".join(relative.with_suffix("").parts[:-1])
            tree = ast.parse(path.read_text("utf-8"), filename=str(path))
            for line, module in imported_modules(tree, package):
                other = foreign_package(module, owner)
                if other:
                    violations.add(f"{relative}:{line}: {owner} imports hardgen.{other} ({module})")
    return sorted(violations)


def test_no_service_imports_another_service_and_core_imports_none() -> None:
    violations = boundary_violations()
    assert not violations, "services must meet only through hardgen.core:\n" + "\n".join(violations)


def test_the_walk_sees_hidden_and_relative_imports(tmp_path: Path) -> None:
    """The walker must catch the spellings that slipped past review before, or the rule is hollow."""
    service = tmp_path / "hardgen" / "modelserve"
    (service / "sub").mkdir(parents=True)
    (service / "ok.py").write_text("import hardgen.core.languages\nfrom hardgen.modelserve import registry\n")
    (service / "sub" / "bad.py").write_text(
        "import importlib\n"
        "def f():\n"
        "    from hardgen.scanner.scan import scan_inputs\n"
        "    return importlib.import_module('hardgen.analytics.store')\n"
        "from ...refinement import templates\n"
        "from hardgen import gateway\n"
    )
    (tmp_path / "hardgen" / "core").mkdir()
    (tmp_path / "hardgen" / "core" / "study.py").write_text("from hardgen.cli.localstack import LocalStack\n")
    (service / "ok.py").write_text(
        (service / "ok.py").read_text() + "import hardgen.v1.scanner_pb2\nimportlib.import_module('tree_sitter_go')\n"
    )
    for other in SERVICES:
        (tmp_path / "hardgen" / other).mkdir(exist_ok=True)
    assert boundary_violations(tmp_path / "hardgen") == [
        "hardgen/core/study.py:1: core imports hardgen.cli (hardgen.cli.localstack)",
        "hardgen/modelserve/sub/bad.py:3: modelserve imports hardgen.scanner (hardgen.scanner.scan)",
        "hardgen/modelserve/sub/bad.py:4: modelserve imports hardgen.analytics (hardgen.analytics.store)",
        "hardgen/modelserve/sub/bad.py:5: modelserve imports hardgen.refinement (hardgen.refinement)",
        "hardgen/modelserve/sub/bad.py:6: modelserve imports hardgen.gateway (hardgen.gateway)",
    ]


def _core_module(module: str) -> str | None:
    """``hardgen.core.x`` (or ``hardgen.core.clients.x``) that ``module`` lies in, else None."""
    parts = module.split(".")
    if len(parts) < 3 or parts[:2] != ["hardgen", "core"]:
        return None
    return ".".join(parts[:4] if parts[2] == "clients" and len(parts) > 3 else parts[:3])


def core_users(root: Path = PACKAGE) -> dict[str, set[str]]:
    """core module → the packages (services and the CLI) that use it, directly or through another
    core module."""
    users: dict[str, set[str]] = {}
    needs: dict[str, set[str]] = {}  # core module → the core modules it imports
    for owner in (*SERVICES, "cli", "core"):
        for path in sorted((root / owner).rglob("*.py")):
            relative = path.relative_to(root.parent).with_suffix("")
            me = ".".join(relative.parts)
            for _, module in imported_modules(ast.parse(path.read_text("utf-8")), ".".join(relative.parts[:-1])):
                used = _core_module(module)
                if used is None:
                    continue
                if owner != "core":
                    users.setdefault(used, set()).add(owner)
                elif (mine := _core_module(me)) not in (None, used):
                    needs.setdefault(str(mine), set()).add(used)
    for path in (root / "core").rglob("*.py"):
        if path.stem != "__init__":
            users.setdefault(str(_core_module(".".join(path.relative_to(root.parent).with_suffix("").parts))), set())
    changed = True
    while changed:  # a user of a core module also uses what that module imports
        changed = False
        for module, imported in needs.items():
            for other in imported:
                before = len(users.setdefault(other, set()))
                users[other] |= users.get(module, set())
                changed |= len(users[other]) != before
    return users


def test_core_holds_only_what_two_packages_share() -> None:
    """core is what services share (the CLI, the local mode of every service, counts as one user);
    a module only one service uses belongs to that service."""
    lonely = {module: sorted(used) for module, used in core_users().items() if len(used) < 2}
    assert not lonely, f"core modules with fewer than two users (move them to their owner): {lonely}"


def test_the_core_walk_sees_use_through_another_core_module(tmp_path: Path) -> None:
    root = tmp_path / "hardgen"
    for package in (*SERVICES, "cli", "core"):
        (root / package).mkdir(parents=True)
    (root / "core" / "shared.py").write_text("from hardgen.core.helper import y\n")
    (root / "core" / "helper.py").write_text("")
    (root / "core" / "lonely.py").write_text("")
    (root / "scanner" / "a.py").write_text("from hardgen.core.shared import x\n")
    (root / "cli" / "b.py").write_text("import hardgen.core.shared\nfrom hardgen.core.lonely import z\n")
    assert core_users(root) == {
        "hardgen.core.shared": {"scanner", "cli"},
        "hardgen.core.helper": {"scanner", "cli"},
        "hardgen.core.lonely": {"cli"},
    }
