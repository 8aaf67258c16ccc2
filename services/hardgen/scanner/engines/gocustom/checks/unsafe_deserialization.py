"""``go/study/unsafe-deserialization`` (CWE-502): the study script's deserialisation check.

Reported, where the decoded data comes from the request (``r.Body``, a value read from it, an
uploaded file, a form or query value):

* ``encoding/gob`` decoding (``gob.NewDecoder(x).Decode(&v)``), whatever the target: gob carries
  type information and instantiates registered types (and their ``GobDecode``) the sender names;
* ``yaml``/``json``/``xml`` decoding (``Unmarshal(data, &v)`` or ``NewDecoder(x).Decode(&v)``)
  into a target that lets the payload choose its shape: ``interface{}``/``any``, a map or slice of
  them, or a local struct with such a field;
* a value read out of such a generic container reaching a call that selects code: the program of
  ``exec.Command``/``exec.CommandContext``/``syscall.Exec`` (every argument when the program is a
  shell), ``plugin.Open`` or ``reflect.Value.MethodByName``.

Not reported: decoding into a concrete struct or scalar, and decoding data that is not from the
request (a local file, a constant).
"""

from __future__ import annotations

import re
from typing import Any

from hardgen.scanner.engines.gocustom import syntax as s
from hardgen.scanner.engines.gocustom.taint import HEADER, REQUEST_DATA, Check, FunctionScan

DESERIALISED = "deserialised"  # a value out of a generic container decoded from request data
_DECODER_PACKAGES = frozenset({"gob", "yaml", "json", "xml"})
_SHELL = re.compile(r"^((/usr)?/bin/)?(sh|bash|zsh|dash|ksh|ash|busybox|cmd|cmd\.exe|powershell|pwsh)$")
# hardgen: ignore[py/redos] each repetition starts with "map[" or "[]" and [^\]]* cannot cross "]": one way to match
_GENERIC = re.compile(r"^\*?((map\[[^\]]*\]|\[\])*)(interface\{\}|any)$")


class UnsafeDeserialization(Check):
    """Request data decoded by gob, or into a container whose shape the payload chooses."""

    rule_id = "go/study/unsafe-deserialization"
    cwes = (502,)

    def _decoders(self, scan: FunctionScan) -> dict[str, tuple[str, set[str]]]:
        decoders: dict[str, tuple[str, set[str]]] = scan.facts.setdefault(self.rule_id, {})
        return decoders

    def on_assign(self, scan: FunctionScan, names: list[str], call: Any, pkg: str, member: str) -> None:
        if pkg in _DECODER_PACKAGES and member == "NewDecoder" and names:
            args = s.args(call)
            self._decoders(scan)[names[0]] = (pkg, scan.taint_of(args[0]) if args else set())

    def on_call(self, scan: FunctionScan, call: Any, pkg: str, member: str, args: list[Any]) -> None:
        self._check_decode(scan, call, pkg, member, args)
        if any(DESERIALISED in scan.taint_of(a) for a in _selecting_arguments(pkg, member, args)):
            scan.report(
                self,
                call,
                f"{pkg}.{member} is driven by a value from an untyped payload decoded from the "
                "request: the payload chooses what runs.",
            )

    def _decoder_of(self, scan: FunctionScan, call: Any, pkg: str, member: str, args: list[Any]) -> Any:
        """(package, taint of the input) of a decoding call, and its target argument."""
        if member == "Unmarshal" and pkg in _DECODER_PACKAGES and len(args) >= 2:
            return (pkg, scan.taint_of(args[0])), args[1]
        if member != "Decode" or not args:
            return None, None
        fn = call.child_by_field_name("function")
        operand = fn.child_by_field_name("operand") if fn is not None else None
        if operand is not None and operand.type == "call_expression":
            inner = s.qualified(operand)
            inner_args = s.args(operand)
            if inner is not None and inner[0] in _DECODER_PACKAGES and inner[1] == "NewDecoder" and inner_args:
                return (inner[0], scan.taint_of(inner_args[0])), args[0]
            return None, None
        decoder = self._decoders(scan).get(pkg)
        return (decoder, args[0]) if decoder is not None else (None, None)

    def _check_decode(self, scan: FunctionScan, call: Any, pkg: str, member: str, args: list[Any]) -> None:
        decoder, target_arg = self._decoder_of(scan, call, pkg, member, args)
        if decoder is None:
            return
        package, source = decoder
        if not source & (REQUEST_DATA | {HEADER}):
            return
        target = _decode_target(target_arg)
        type_text = scan.declared.get(target, "") if target else ""
        if package == "gob":
            scan.report(
                self,
                call,
                "encoding/gob decodes request data: the sender names the registered types (and their "
                "GobDecode methods) that are instantiated.",
            )
        elif type_text and scan.types.holds_interface(type_text):
            scan.report(
                self,
                call,
                f"{package} decodes request data into '{target}' of type {type_text}: the payload, not "
                "the program, chooses the shape of the decoded value.",
            )
        if target and type_text and _GENERIC.match(type_text):
            scan.taint[target] = scan.taint.get(target, set()) | {DESERIALISED}


def _decode_target(arg: Any) -> str | None:
    if arg.type == "unary_expression" and s.text(arg).startswith("&") and arg.named_children:
        inner = arg.named_children[0]
        return s.text(inner) if inner.type == "identifier" else None
    return s.text(arg) if arg.type == "identifier" else None


def _selecting_arguments(pkg: str, member: str, args: list[Any]) -> list[Any]:
    """The arguments of a call that choose *what* runs (not the data it runs on)."""
    if (pkg, member) in (("exec", "Command"), ("exec", "CommandContext")):
        rest = args[1:] if member == "CommandContext" else args
        if not rest:
            return []
        program = s.text(rest[0]).strip('"`')
        return rest if _SHELL.match(program) else rest[:1]
    if (pkg, member) in (("syscall", "Exec"), ("plugin", "Open")) or member == "MethodByName":
        return args[:1]
    return []


CHECK = UnsafeDeserialization()
