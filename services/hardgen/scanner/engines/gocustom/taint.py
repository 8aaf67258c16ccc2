"""The taint core every ``gocustom`` check shares: one intra-procedural walk per function.

Walk each function in source order and give every variable the set of *taint kinds* of the
expression assigned to it. A reassignment replaces the set (so ``name = filepath.Base(name)``
cleans ``name``), except inside a branch or loop, where it only adds (sanitising in one ``if``
does not clean the value after it). No inter-procedural flow and no aliasing: that is the scope of
the study's script, which this engine re-implements.

Checks (``checks/<name>.py``) plug in through :class:`Check`: they see every call (``on_call``),
every assignment from a call (``on_assign``) and may adjust the taint a call returns
(``call_taint``). Per-function state lives in :attr:`FunctionScan.facts` under the check's id.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, ClassVar

from hardgen.scanner.engines.gocustom import syntax as s

# taint kinds every check may read
UPLOAD = "upload-name"  # FileHeader.Filename / Part.FileName()
PARAM = "request-param"  # query/form/header/path values
BODY = "request-body"  # r.Body, an uploaded file's content
HEADER = "file-header"  # the *multipart.FileHeader itself
PASSWORD = "password"  # noqa: S105 - a taint-kind label, not a credential
REQUEST_DATA = frozenset({PARAM, BODY, UPLOAD})
NAME_TAINT = frozenset({UPLOAD, PARAM})

_PASSWORD_NAME = re.compile(r"(?i)(passw(or)?d|passphrase|passcode|pwd|secret)")
_WORDS = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+")
_NOT_PASSWORD = re.compile(r"(?i)(hash|digest|salt|hint|question|reset|policy|length|field|param|key$|label|valid|ok$)")
_REQUEST_FIELDS = frozenset(
    {
        "URL",
        "Form",
        "PostForm",
        "Header",
        "FormValue",
        "PostFormValue",
        "PathValue",
        "Cookie",
        "Cookies",
        "Referer",
        "UserAgent",
        "RequestURI",
        "MultipartForm",
        "Trailer",
    }
)
_KEYED_READS = frozenset({"Get", "FormValue", "PostFormValue", "Getenv", "LookupEnv"})
_UPLOAD_MARKERS = frozenset({"FormFile", "ParseMultipartForm", "MultipartReader", "MultipartForm"})
_BRANCHES = frozenset(
    {"if_statement", "for_statement", "expression_switch_statement", "type_switch_statement", "select_statement"}
)


def password_name(name: str) -> bool:
    """A name that says "password": ``password``, ``newPwd``, ``user_pass``, ``Secret``...

    ``pass``/``pw`` count only as a whole word of a camelCase or snake_case name, so that
    ``bypass``, ``passport`` or ``compass`` are not passwords.
    """
    if _NOT_PASSWORD.search(name):
        return False
    if _PASSWORD_NAME.search(name):
        return True
    words = {w.lower() for w in _WORDS.findall(name)}
    return bool(words & {"pass", "pw", "pwd"})


@dataclass
class TypeInfo:
    """Package-level type declarations: which names are interfaces, which structs hold one."""

    interfaces: set[str] = field(default_factory=set)
    struct_fields: dict[str, list[str]] = field(default_factory=dict)

    def is_interface(self, type_text: str) -> bool:
        core = type_text
        while core != (stripped := re.sub(r"^(\*|\[\]|map\[[^\]]*\])", "", core)):
            core = stripped
        return core in ("interface{}", "any") or core in self.interfaces or core.startswith("interface{")

    def holds_interface(self, type_text: str) -> bool:
        """True for an interface type, a container of one, or a local struct with such a field."""
        if self.is_interface(type_text):
            return True
        return any(self.is_interface(t) for t in self.struct_fields.get(type_text.lstrip("*"), []))


def type_info(root: Any) -> TypeInfo:
    """The package's interface and struct declarations (one pass over the file)."""
    info = TypeInfo()
    for node in s.walk(root):
        if node.type != "type_spec":
            continue
        name = s.text(node.child_by_field_name("name"))
        type_node = node.child_by_field_name("type")
        if type_node is None:
            continue
        if type_node.type == "interface_type":
            info.interfaces.add(name)
        elif type_node.type == "struct_type":
            info.struct_fields[name] = [
                s.compact(f.child_by_field_name("type"))
                for f in s.walk(type_node)
                if f.type == "field_declaration" and f.child_by_field_name("type") is not None
            ]
    return info


@dataclass
class Report:
    """One finding before it becomes a :class:`hardgen.core.findings.Finding`."""

    check: Check
    node: Any
    message: str


class Check:
    """One ``gocustom`` check; a module in ``checks/`` exposes an instance as ``CHECK``.

    The hooks default to doing nothing, so a check overrides only what it needs.
    """

    rule_id: ClassVar[str] = ""
    cwes: ClassVar[tuple[int, ...]] = ()

    def call_taint(self, scan: FunctionScan, call: Any, pkg: str, member: str, found: set[str]) -> set[str]:
        """The taint a call returns; ``found`` is the union of its arguments' and receiver's."""
        return found

    def on_assign(self, scan: FunctionScan, names: list[str], call: Any, pkg: str, member: str) -> None:
        """``names := pkg.member(...)`` was met (before the names get their taint)."""

    def on_call(self, scan: FunctionScan, call: Any, pkg: str, member: str, args: list[Any]) -> None:
        """A call ``pkg.member(args)`` was met, in source order."""


class FunctionScan:
    """One function's walk: variable taint in source order; checks look at calls as they are met."""

    def __init__(self, unit: Any, types: TypeInfo, checks: list[Check], reports: list[Report]) -> None:
        self.unit = unit
        self.types = types
        self.checks = checks
        self.reports = reports
        self.taint: dict[str, set[str]] = {}
        self.declared: dict[str, str] = {}
        self.facts: dict[str, Any] = {}
        self.requests = self._request_names()
        self.upload_handler = self._receives_upload()

    def report(self, check: Check, node: Any, message: str) -> None:
        self.reports.append(Report(check, node, message))

    def in_request_handler(self) -> bool:
        """The function has an ``*http.Request`` parameter (a handler or a helper given one)."""
        return bool(self.requests)

    # ------------------------------------------------------------------ set-up
    def _request_names(self) -> set[str]:
        names: set[str] = set()
        for node in s.walk(self.unit):
            if node.type == "parameter_declaration" and s.compact(node.child_by_field_name("type")) in (
                "*http.Request",
                "http.Request",
            ):
                names.update(s.text(c) for c in node.children_by_field_name("name"))
        return names

    def _receives_upload(self) -> bool:
        """An upload handler, or a helper handed an upload (a ``multipart`` parameter)."""
        for node in s.walk(self.unit):
            if node.type == "selector_expression" and s.text(node.child_by_field_name("field")) in _UPLOAD_MARKERS:
                base = s.base_identifier(node)
                if base is not None and s.text(base) in self.requests:
                    return True
            if node.type == "parameter_declaration" and s.compact(node.child_by_field_name("type")).lstrip(
                "*[]"
            ).startswith("multipart."):
                return True
        return False

    # ------------------------------------------------------------------ taint of an expression
    def taint_of(self, node: Any) -> set[str]:
        """The taint kinds of an expression, from the variables and request accessors it uses."""
        if node is None:
            return set()
        kind = node.type
        found: set[str] = set()
        if kind == "func_literal":
            return found
        if kind == "identifier":
            name = s.text(node)
            found |= self.taint.get(name, set())
            if password_name(name):
                found.add(PASSWORD)
            return found
        if kind == "field_identifier":
            return {PASSWORD} if password_name(s.text(node)) else set()
        if kind in ("interpreted_string_literal", "raw_string_literal", "int_literal", "comment"):
            return set()
        if kind == "selector_expression":
            operand = node.child_by_field_name("operand")
            member = s.text(node.child_by_field_name("field"))
            if operand is not None and operand.type == "identifier" and s.text(operand) in self.requests:
                if member == "Body":
                    return {BODY}
                if member in _REQUEST_FIELDS:
                    return {PARAM}
                return set()
            found |= self.taint_of(operand)
            if member == "Filename":
                found.add(UPLOAD)
            if password_name(member):
                found.add(PASSWORD)
            return found
        if kind == "call_expression":
            return self._call_taint(node)
        for child in node.named_children:
            found |= self.taint_of(child)
        return found

    def _call_taint(self, call: Any) -> set[str]:
        qual = s.qualified(call)
        args = s.args(call)
        found: set[str] = set()
        for arg in args:
            found |= self.taint_of(arg)
        fn = call.child_by_field_name("function")
        if fn is not None and fn.type == "selector_expression":
            operand = fn.child_by_field_name("operand")
            if operand is not None and operand.type == "identifier" and s.text(operand) in self.requests:
                found |= self.taint_of(fn)  # a request accessor such as r.FormValue
            else:
                found |= self.taint_of(operand)  # the receiver (a method's name says nothing)
        if qual is None:
            return found
        pkg, member = qual
        base = s.base_identifier(fn)
        # a value read under a password-like key: r.FormValue("password"), q.Get("pwd")
        if ((base is not None and s.text(base) in self.requests) or member in _KEYED_READS) and any(
            s.is_string_literal(a) and password_name(s.string_value(a)) for a in args[:1]
        ):
            found.add(PASSWORD)
        if member == "FileName" and not args:
            found.add(UPLOAD)
        if pkg == "mux" and member == "Vars":
            found.add(PARAM)
        for check in self.checks:
            found = check.call_taint(self, call, pkg, member, found)
        return found

    # ------------------------------------------------------------------ statements
    def run(self) -> None:
        """Walk the function once, in source order."""
        for node in s.walk(self.unit):
            kind = node.type
            if kind in ("short_var_declaration", "assignment_statement"):
                self._assign(node)
            elif kind == "var_spec":
                self._var_spec(node)
            elif kind == "range_clause":
                source = self.taint_of(node.child_by_field_name("right"))
                for target in s.exprs(node.child_by_field_name("left")):
                    if target.type == "identifier":
                        self.taint[s.text(target)] = set(source)
            elif kind == "parameter_declaration":
                type_text = s.compact(node.child_by_field_name("type"))
                for name in node.children_by_field_name("name"):
                    self.declared[s.text(name)] = type_text
            elif kind == "call_expression":
                qual = s.qualified(node)
                if qual is not None:
                    for check in self.checks:
                        check.on_call(self, node, qual[0], qual[1], s.args(node))

    def _assign(self, node: Any) -> None:
        left = s.exprs(node.child_by_field_name("left"))
        right = s.exprs(node.child_by_field_name("right"))
        operator = s.text(node.child_by_field_name("operator")) if node.type == "assignment_statement" else ":="
        if len(right) == 1 and right[0].type == "call_expression" and self._special_call_assign(left, right[0]):
            return
        pairs: list[tuple[Any, set[str]]]
        if len(left) == len(right):
            pairs = [(lhs, self.taint_of(rhs)) for lhs, rhs in zip(left, right, strict=True)]
            for lhs, rhs in zip(left, right, strict=True):
                self._record_declared(lhs, rhs)
        else:
            shared = self.taint_of(right[0]) if right else set()
            pairs = [(lhs, set(shared)) for lhs in left]
        for lhs, found in pairs:
            if lhs.type != "identifier" or s.text(lhs) == "_":
                continue
            name = s.text(lhs)
            if operator == ":=" or (operator == "=" and not self._conditional(node)):
                self.taint[name] = found
            else:
                self.taint[name] = self.taint.get(name, set()) | found

    def _conditional(self, node: Any) -> bool:
        """True for a statement inside a branch or loop body of the function (it may not run)."""
        parent = node.parent
        while parent is not None and parent != self.unit:
            if parent.type in _BRANCHES:
                return True
            parent = parent.parent
        return False

    def _special_call_assign(self, left: list[Any], call: Any) -> bool:
        """Assignments from calls whose results need more than "taint of the arguments".

        Returns True when the assignment is fully handled here.
        """
        qual = s.qualified(call)
        if qual is None:
            return False
        pkg, member = qual
        names = [s.text(n) if n.type == "identifier" else "_" for n in left]
        base = s.base_identifier(call.child_by_field_name("function"))
        if member == "FormFile" and base is not None and s.text(base) in self.requests and len(names) >= 2:
            # file, header, err := r.FormFile("f"): content is request data; header.Filename is the name
            self.taint[names[0]] = {BODY}
            self.taint[names[1]] = {HEADER}
            self.taint.pop("_", None)
            return True
        for check in self.checks:
            check.on_assign(self, names, call, pkg, member)
        return False

    def _record_declared(self, lhs: Any, rhs: Any) -> None:
        if lhs.type != "identifier":
            return
        name = s.text(lhs)
        if rhs.type == "composite_literal":
            self.declared[name] = s.compact(rhs.child_by_field_name("type"))
        elif (
            rhs.type == "unary_expression" and rhs.named_children and rhs.named_children[0].type == "composite_literal"
        ):
            self.declared[name] = "*" + s.compact(rhs.named_children[0].child_by_field_name("type"))
        elif rhs.type == "call_expression" and s.text(rhs.child_by_field_name("function")) in ("new", "make"):
            args = s.args(rhs)
            if args:
                pointer = "*" if s.text(rhs.child_by_field_name("function")) == "new" else ""
                self.declared[name] = pointer + s.compact(args[0])

    def _var_spec(self, node: Any) -> None:
        names = [s.text(n) for n in node.children_by_field_name("name")]
        type_node = node.child_by_field_name("type")
        values = s.exprs(node.child_by_field_name("value"))
        for index, name in enumerate(names):
            if type_node is not None:
                self.declared[name] = s.compact(type_node)
            if values:
                value = values[index] if len(values) == len(names) else values[0]
                self.taint[name] = self.taint_of(value)
                if type_node is None:
                    self._record_declared(node.children_by_field_name("name")[index], value)
            else:
                self.taint[name] = set()
