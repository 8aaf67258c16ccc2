"""``gocustom``: the study's extra Go checks, on the tree-sitter syntax tree (never by line regexes).

The study this project reproduces ran CodeQL plus a small custom Go scanner for three weaknesses
CodeQL's default Go suite missed in model-written ``net/http`` code. This engine re-implements that
scanner with a simple *intra-procedural* data flow over the tree-sitter tree: walk each function in
source order, give every variable the set of taint kinds of the expression assigned to it (a
reassignment replaces the set, so ``name = filepath.Base(name)`` cleans ``name``), and look at the
arguments of a few sink calls. No inter-procedural flow, no aliasing; that is the study's scanner.

Checks and their precise scope:

``go/path-injection-custom`` (CWE-22 family, in the catalogue)
    In a handler that receives an upload (it calls ``FormFile``, ``ParseMultipartForm`` or
    ``MultipartReader``, or reads ``MultipartForm``) or a helper handed one (a parameter of a
    ``mime/multipart`` type), a user-controlled file name (an uploaded file's
    ``FileHeader.Filename``, a multipart ``Part.FileName()``, or a request parameter) reaches
    ``filepath.Join``/``path.Join``/``os.Create``/``os.OpenFile``/``os.WriteFile`` without passing
    through ``filepath.Base``/``path.Base`` (or ``filepath.Ext``, which cannot contain a separator).
    A join that is reported is not reported again where its result is opened. Handlers without an
    upload are left to Semgrep's ``go/path-injection`` (which in turn ignores upload names), so the
    two engines do not report the same flow twice.

``go/hardgen/weak-password-hash`` (CWE-327, 328, 916)
    A fast digest (``md5``, ``sha1``, ``sha256``, ``sha512``: ``.Sum*(x)``, or ``h := X.New()`` then
    ``h.Write(x)`` / ``io.WriteString(h, x)``) applied to a password-like value: an identifier or
    field named like pass/password/passwd/pwd/secret (not ``...Hash``/``...Salt``), a value read
    under such a key (``r.FormValue("password")``, ``q.Get("pwd")``, ``os.Getenv("DB_PASSWORD")``),
    or anything assigned from those. Salting
    does not help: a fast hash is still brute-forced at billions of guesses per second.

``go/hardgen/unsafe-deserialization`` (CWE-502)
    Go's decoders never run code or instantiate arbitrary classes, so decoding request data is *not*
    unsafe in itself: ``yaml.Unmarshal`` / ``json.Unmarshal`` into a struct, or into ``interface{}``
    followed by a type assertion, is fine. It is reported only where the payload chooses behaviour:

    * ``encoding/gob`` decoding of request data into an interface-typed target (``interface{}``,
      ``any``, a local interface type, a container of them, or a struct with such a field): the
      sender picks which registered concrete type (and its ``GobDecode``) is instantiated;
    * request data decoded (yaml/json/xml/gob) into a generic container (``interface{}``, ``any``,
      ``map[...]interface{}``, ``[]interface{}``) whose values reach a code-selecting sink:
      the program name of ``exec.Command``/``exec.CommandContext``/``syscall.Exec`` (any argument
      when the program is a shell), ``reflect.Value.MethodByName`` or ``plugin.Open`` (the payload
      names the program, script, method or plug-in to run). A decoded value passed as a plain
      argument to a fixed program is data, not a choice of code, and is not reported.
"""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hardgen.core.catalogue import catalogue, severity
from hardgen.core.findings import FileError, Finding
from hardgen.core.languages import Language, parse_tree
from hardgen.core.logging import get_logger
from hardgen.scanner.engines.base import EngineResult, ScanFile

log = get_logger(__name__)

PATH_RULE = "go/path-injection-custom"
HASH_RULE = "go/hardgen/weak-password-hash"
DESER_RULE = "go/hardgen/unsafe-deserialization"
HASH_CWES = [327, 328, 916]
DESER_CWES = [502]
ENGINE_VERSION = "1.0"
MAX_FILE_BYTES = 2_000_000

# taint kinds
UPLOAD = "upload-name"  # FileHeader.Filename / Part.FileName()
PARAM = "request-param"  # query/form/header/path values
BODY = "request-body"  # r.Body, uploaded file content
HEADER = "file-header"  # the *multipart.FileHeader itself
PASSWORD = "password"  # noqa: S105 - a taint-kind label, not a credential
DESER = "deserialised"  # a value out of a generic container decoded from request data
REPORTED = "reported"  # a path already reported at filepath.Join
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
_PATH_JOIN = frozenset({("filepath", "Join"), ("path", "Join")})
_FILE_SINKS = frozenset({("os", "Create"), ("os", "OpenFile"), ("os", "WriteFile"), ("ioutil", "WriteFile")})
_NAME_SANITISERS = frozenset({("filepath", "Base"), ("path", "Base"), ("filepath", "Ext"), ("path", "Ext")})
_HASH_PACKAGES = frozenset({"md5", "sha1", "sha256", "sha512"})
_HASH_SUM = re.compile(r"^Sum(224|256|384|512|512_224|512_256)?$")
_HASH_NEW = re.compile(r"^New(224|384|512_224|512_256)?$")
_DECODER_PACKAGES = frozenset({"gob", "yaml", "json", "xml"})
_BRANCHES = frozenset(
    {"if_statement", "for_statement", "expression_switch_statement", "type_switch_statement", "select_statement"}
)
_SHELL = re.compile(r"^((/usr)?/bin/)?(sh|bash|zsh|dash|ksh|ash|busybox|cmd|cmd\.exe|powershell|pwsh)$")
_GENERIC = re.compile(r"^\*?((map\[[^\]]*\]|\[\])*)(interface\{\}|any)$")


def _password_name(name: str) -> bool:
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


def _text(node: Any) -> str:
    return node.text.decode("utf-8", errors="replace") if node is not None else ""


def _compact(node: Any) -> str:
    return re.sub(r"\s+", "", _text(node))


def _qualified(call: Any) -> tuple[str, str] | None:
    """(package or receiver text, member) of a call such as ``filepath.Join(...)``."""
    fn = call.child_by_field_name("function")
    if fn is not None and fn.type == "selector_expression":
        operand = fn.child_by_field_name("operand")
        member = fn.child_by_field_name("field")
        return _text(operand), _text(member)
    return None


def _args(call: Any) -> list[Any]:
    arglist = call.child_by_field_name("arguments")
    return [c for c in arglist.named_children if c.type != "comment"] if arglist is not None else []


def _exprs(node: Any) -> list[Any]:
    if node is None:
        return []
    if node.type == "expression_list":
        return [c for c in node.named_children if c.type != "comment"]
    return [node]


def _base_identifier(node: Any) -> Any:
    """The identifier a selector/call/index chain starts from (``r`` in ``r.URL.Query().Get``)."""
    while node is not None:
        if node.type == "identifier":
            return node
        if node.type == "selector_expression":
            node = node.child_by_field_name("operand")
        elif node.type == "call_expression":
            node = node.child_by_field_name("function")
        elif node.type in ("index_expression", "slice_expression"):
            node = node.child_by_field_name("operand")
        elif node.type == "parenthesized_expression":
            node = node.named_children[0] if node.named_children else None
        else:
            return None
    return None


@dataclass
class _TypeInfo:
    """Package-level type declarations: which names are interfaces, which structs hold one."""

    interfaces: set[str] = field(default_factory=set)
    struct_fields: dict[str, list[str]] = field(default_factory=dict)

    def is_interface(self, type_text: str) -> bool:
        core = re.sub(r"^[*\[\]]*|^map\[[^\]]*\]", "", type_text)
        while core != (stripped := re.sub(r"^(\*|\[\]|map\[[^\]]*\])", "", core)):
            core = stripped
        return core in ("interface{}", "any") or core in self.interfaces or core.startswith("interface{")

    def gob_polymorphic(self, type_text: str) -> bool:
        """True when gob decoding into this type lets the sender choose a concrete type."""
        if self.is_interface(type_text):
            return True
        core = type_text.lstrip("*")
        return any(self.is_interface(t) for t in self.struct_fields.get(core, []))


@dataclass
class _Report:
    rule_id: str
    node: Any
    message: str


class _FunctionScan:
    """One function's walk: variable taint in source order, sinks checked as calls are met."""

    def __init__(self, unit: Any, types: _TypeInfo, reports: list[_Report]) -> None:
        self.unit = unit
        self.types = types
        self.reports = reports
        self.taint: dict[str, set[str]] = {}
        self.declared: dict[str, str] = {}
        self.decoders: dict[str, tuple[str, set[str]]] = {}
        self.hashers: set[str] = set()
        self.requests = self._request_names()
        self.upload_handler = self._receives_upload()

    # ------------------------------------------------------------------ set-up
    def _request_names(self) -> set[str]:
        names: set[str] = set()
        for node in _walk(self.unit):
            if node.type == "parameter_declaration" and _compact(node.child_by_field_name("type")) in (
                "*http.Request",
                "http.Request",
            ):
                names.update(_text(c) for c in node.children_by_field_name("name"))
        return names

    def _receives_upload(self) -> bool:
        """An upload handler, or a helper handed an upload (a ``multipart`` parameter)."""
        for node in _walk(self.unit):
            if node.type == "selector_expression" and _text(node.child_by_field_name("field")) in _UPLOAD_MARKERS:
                base = _base_identifier(node)
                if base is not None and _text(base) in self.requests:
                    return True
            if node.type == "parameter_declaration" and _compact(node.child_by_field_name("type")).lstrip(
                "*[]"
            ).startswith("multipart."):
                return True
        return False

    # ------------------------------------------------------------------ taint of an expression
    def taint_of(self, node: Any) -> set[str]:
        if node is None:
            return set()
        kind = node.type
        found: set[str] = set()
        if kind == "func_literal":
            return found
        if kind == "identifier":
            name = _text(node)
            found |= self.taint.get(name, set())
            if _password_name(name):
                found.add(PASSWORD)
            return found
        if kind == "field_identifier":
            return {PASSWORD} if _password_name(_text(node)) else set()
        if kind in ("interpreted_string_literal", "raw_string_literal", "int_literal", "comment"):
            return set()
        if kind == "selector_expression":
            operand = node.child_by_field_name("operand")
            member = _text(node.child_by_field_name("field"))
            if operand is not None and operand.type == "identifier" and _text(operand) in self.requests:
                if member == "Body":
                    return {BODY}
                if member in _REQUEST_FIELDS:
                    return {PARAM}
                return set()
            found |= self.taint_of(operand)
            if member == "Filename":
                found.add(UPLOAD)
            if _password_name(member):
                found.add(PASSWORD)
            return found
        if kind == "call_expression":
            return self._call_taint(node)
        for child in node.named_children:
            found |= self.taint_of(child)
        return found

    def _call_taint(self, call: Any) -> set[str]:
        qual = _qualified(call)
        args = _args(call)
        found: set[str] = set()
        for arg in args:
            found |= self.taint_of(arg)
        fn = call.child_by_field_name("function")
        if fn is not None and fn.type == "selector_expression":
            operand = fn.child_by_field_name("operand")
            if operand is not None and operand.type == "identifier" and _text(operand) in self.requests:
                found |= self.taint_of(fn)  # a request accessor such as r.FormValue
            else:
                found |= self.taint_of(operand)  # the receiver (a method's name says nothing)
        if qual is None:
            return found
        pkg, member = qual
        base = _base_identifier(fn)
        # a value read under a password-like key: r.FormValue("password"), q.Get("pwd")
        if ((base is not None and _text(base) in self.requests) or member in _KEYED_READS) and any(
            a.type.endswith("string_literal") and _password_name(_text(a).strip('"`')) for a in args[:1]
        ):
            found.add(PASSWORD)
        if member == "FileName" and not args:
            found.add(UPLOAD)
        if pkg == "mux" and member == "Vars":
            found.add(PARAM)
        if (pkg, member) in _NAME_SANITISERS:
            found -= NAME_TAINT | {REPORTED}
        if (pkg, member) in _PATH_JOIN and found & NAME_TAINT and self.upload_handler:
            found.add(REPORTED)
        return found

    # ------------------------------------------------------------------ statements
    def run(self) -> None:
        for node in _walk(self.unit, skip_nested_functions=False):
            kind = node.type
            if kind in ("short_var_declaration", "assignment_statement"):
                self._assign(node)
            elif kind == "var_spec":
                self._var_spec(node)
            elif kind == "range_clause":
                source = self.taint_of(node.child_by_field_name("right"))
                for target in _exprs(node.child_by_field_name("left")):
                    if target.type == "identifier":
                        self.taint[_text(target)] = set(source)
            elif kind == "parameter_declaration":
                type_text = _compact(node.child_by_field_name("type"))
                for name in node.children_by_field_name("name"):
                    self.declared[_text(name)] = type_text
            elif kind == "call_expression":
                self._check_call(node)

    def _assign(self, node: Any) -> None:
        left = _exprs(node.child_by_field_name("left"))
        right = _exprs(node.child_by_field_name("right"))
        operator = _text(node.child_by_field_name("operator")) if node.type == "assignment_statement" else ":="
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
            if lhs.type != "identifier" or _text(lhs) == "_":
                continue
            name = _text(lhs)
            if operator == ":=" or (operator == "=" and not self._conditional(node)):
                self.taint[name] = found
            else:
                self.taint[name] = self.taint.get(name, set()) | found

    def _conditional(self, node: Any) -> bool:
        """True for a statement inside a branch or loop body of the function.

        A reassignment there may not run, so it adds taint but never removes it: sanitising a
        value in one ``if`` branch does not make it clean after the branch.
        """
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
        qual = _qualified(call)
        if qual is None:
            return False
        pkg, member = qual
        names = [_text(n) if n.type == "identifier" else "_" for n in left]
        fn = call.child_by_field_name("function")
        base = _base_identifier(fn)
        if member == "FormFile" and base is not None and _text(base) in self.requests and len(names) >= 2:
            # file, header, err := r.FormFile("f"): content is request data; header.Filename is the name
            self.taint[names[0]] = {BODY}
            self.taint[names[1]] = {HEADER}
            self.taint.pop("_", None)
            return True
        if pkg in _DECODER_PACKAGES and member == "NewDecoder" and names:
            args = _args(call)
            self.decoders[names[0]] = (pkg, self.taint_of(args[0]) if args else set())
        if pkg in _HASH_PACKAGES and _HASH_NEW.match(member) and names:
            self.hashers.add(names[0])
        return False

    def _record_declared(self, lhs: Any, rhs: Any) -> None:
        if lhs.type != "identifier":
            return
        name = _text(lhs)
        if rhs.type == "composite_literal":
            self.declared[name] = _compact(rhs.child_by_field_name("type"))
        elif (
            rhs.type == "unary_expression" and rhs.named_children and rhs.named_children[0].type == "composite_literal"
        ):
            self.declared[name] = "*" + _compact(rhs.named_children[0].child_by_field_name("type"))
        elif rhs.type == "call_expression" and _text(rhs.child_by_field_name("function")) in ("new", "make"):
            args = _args(rhs)
            if args:
                self.declared[name] = ("*" if _text(rhs.child_by_field_name("function")) == "new" else "") + _compact(
                    args[0]
                )

    def _var_spec(self, node: Any) -> None:
        names = [_text(n) for n in node.children_by_field_name("name")]
        type_node = node.child_by_field_name("type")
        values = _exprs(node.child_by_field_name("value"))
        for index, name in enumerate(names):
            if type_node is not None:
                self.declared[name] = _compact(type_node)
            if values:
                value = values[index] if len(values) == len(names) else values[0]
                self.taint[name] = self.taint_of(value)
                if type_node is None:
                    self._record_declared(node.children_by_field_name("name")[index], value)
            else:
                self.taint[name] = set()

    # ------------------------------------------------------------------ sinks
    def _check_call(self, call: Any) -> None:
        qual = _qualified(call)
        args = _args(call)
        if qual is None:
            return
        pkg, member = qual
        if self.upload_handler:
            self._check_path(call, pkg, member, args)
        self._check_hash(call, pkg, member, args)
        self._check_decode(call, pkg, member, args)
        self._check_deser_sink(call, pkg, member, args)

    def _check_path(self, call: Any, pkg: str, member: str, args: list[Any]) -> None:
        if (pkg, member) in _PATH_JOIN:
            if any(self.taint_of(a) & NAME_TAINT for a in args):
                self.reports.append(
                    _Report(
                        PATH_RULE,
                        call,
                        f"{pkg}.{member} builds a path from a user-controlled upload file name without "
                        "filepath.Base; '../' in the name escapes the upload folder.",
                    )
                )
        elif (pkg, member) in _FILE_SINKS and args:
            found = self.taint_of(args[0])
            if found & NAME_TAINT and REPORTED not in found:
                self.reports.append(
                    _Report(
                        PATH_RULE,
                        call,
                        f"{pkg}.{member} opens a path built from a user-controlled upload file name without "
                        "filepath.Base; '../' in the name escapes the upload folder.",
                    )
                )

    def _check_hash(self, call: Any, pkg: str, member: str, args: list[Any]) -> None:
        hashed: Any = None
        label = ""
        if pkg in _HASH_PACKAGES and _HASH_SUM.match(member) and args:
            hashed = args[0]
            label = f"{pkg}.{member}"
        elif member in ("Write", "WriteString") and pkg in self.hashers and args:
            hashed = args[0]
            label = f"{pkg}.{member} on a fast hash"
        elif (
            (pkg, member) in (("io", "WriteString"), ("fmt", "Fprint"), ("fmt", "Fprintf"))
            and len(args) >= 2
            and _text(args[0]) in self.hashers
        ):
            hashed = args[1:]
            label = f"{pkg}.{member} into a fast hash"
        if hashed is None:
            return
        nodes = hashed if isinstance(hashed, list) else [hashed]
        if any(PASSWORD in self.taint_of(n) for n in nodes):
            self.reports.append(
                _Report(
                    HASH_RULE,
                    call,
                    f"{label} hashes a password with a fast digest; "
                    "use bcrypt, scrypt or argon2id (slow, salted) instead.",
                )
            )

    def _decode_target(self, arg: Any) -> str | None:
        if arg.type == "unary_expression" and _text(arg).startswith("&") and arg.named_children:
            inner = arg.named_children[0]
            return _text(inner) if inner.type == "identifier" else None
        return _text(arg) if arg.type == "identifier" else None

    def _check_decode(self, call: Any, pkg: str, member: str, args: list[Any]) -> None:
        decoder: tuple[str, set[str]] | None = None
        target_arg: Any = None
        if member == "Unmarshal" and pkg in _DECODER_PACKAGES and len(args) >= 2:
            decoder, target_arg = (pkg, self.taint_of(args[0])), args[1]
        elif member == "Decode" and args:
            fn = call.child_by_field_name("function")
            operand = fn.child_by_field_name("operand") if fn is not None else None
            if operand is not None and operand.type == "call_expression":
                inner = _qualified(operand)
                inner_args = _args(operand)
                if inner is not None and inner[0] in _DECODER_PACKAGES and inner[1] == "NewDecoder" and inner_args:
                    decoder = (inner[0], self.taint_of(inner_args[0]))
            elif pkg in self.decoders:
                decoder = self.decoders[pkg]
            target_arg = args[0]
        if decoder is None or target_arg is None:
            return
        package, source = decoder
        if not source & (REQUEST_DATA | {HEADER}):
            return
        target = self._decode_target(target_arg)
        if target is None:
            return
        type_text = self.declared.get(target, "")
        if package == "gob" and type_text and self.types.gob_polymorphic(type_text):
            self.reports.append(
                _Report(
                    DESER_RULE,
                    call,
                    f"gob decodes request data into '{target}' of interface type {type_text}: "
                    "the sender chooses which registered type is instantiated.",
                )
            )
        if type_text and _GENERIC.match(type_text):
            self.taint[target] = self.taint.get(target, set()) | {DESER}

    def _check_deser_sink(self, call: Any, pkg: str, member: str, args: list[Any]) -> None:
        if any(DESER in self.taint_of(a) for a in _selecting_arguments(pkg, member, args)):
            self.reports.append(
                _Report(
                    DESER_RULE,
                    call,
                    f"{pkg}.{member} is driven by a value from an untyped payload decoded from the "
                    "request: the payload chooses what runs.",
                )
            )


def _selecting_arguments(pkg: str, member: str, args: list[Any]) -> list[Any]:
    """The arguments of a call that choose *what* runs (not the data it runs on).

    ``exec.Command(name, args...)``: the program name, or every argument when the program is a
    shell (``sh -c <script>``); ``exec.CommandContext`` likewise after the context;
    ``syscall.Exec``: the path; ``plugin.Open``: the plug-in; ``Value.MethodByName``: the method.
    """
    if (pkg, member) in (("exec", "Command"), ("exec", "CommandContext")):
        rest = args[1:] if member == "CommandContext" else args
        if not rest:
            return []
        program = _text(rest[0]).strip('"`')
        return rest if _SHELL.match(program) else rest[:1]
    if (pkg, member) in (("syscall", "Exec"), ("plugin", "Open")) or member == "MethodByName":
        return args[:1]
    return []


def _walk(node: Any, skip_nested_functions: bool = False) -> Iterator[Any]:
    """Pre-order (source-order) walk of the tree below ``node``."""
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        children = current.children
        if skip_nested_functions and current is not node:
            children = [c for c in children if c.type != "func_literal"]
        stack.extend(reversed(children))


def _type_info(root: Any) -> _TypeInfo:
    info = _TypeInfo()
    for node in _walk(root):
        if node.type != "type_spec":
            continue
        name = _text(node.child_by_field_name("name"))
        type_node = node.child_by_field_name("type")
        if type_node is None:
            continue
        if type_node.type == "interface_type":
            info.interfaces.add(name)
        elif type_node.type == "struct_type":
            info.struct_fields[name] = [
                _compact(f.child_by_field_name("type"))
                for f in _walk(type_node)
                if f.type == "field_declaration" and f.child_by_field_name("type") is not None
            ]
    return info


def _units(root: Any) -> list[Any]:
    """Functions to analyse: declarations, methods, and function literals outside any of them."""
    units: list[Any] = []
    stack = [root]
    while stack:
        node = stack.pop()
        if node.type in ("function_declaration", "method_declaration", "func_literal"):
            units.append(node)
            continue
        stack.extend(node.children)
    return units


def analyse_source(code: bytes) -> list[_Report]:
    """All reports for one Go file; raises ``ValueError`` when the file does not parse."""
    tree = parse_tree(code, Language.GO)
    root = tree.root_node
    if root.has_error:
        line = next((n.start_point[0] + 1 for n in _walk(root) if n.type == "ERROR" or n.is_missing), 1)
        raise ValueError(f"Go syntax error near line {line}")
    types = _type_info(root)
    reports: list[_Report] = []
    for unit in _units(root):
        _FunctionScan(unit, types, reports).run()
    unique: dict[tuple[str, int, int], _Report] = {}
    for report in reports:
        unique.setdefault((report.rule_id, report.node.start_byte, report.node.end_byte), report)
    return sorted(unique.values(), key=lambda r: (r.node.start_byte, r.rule_id))


def _cwes(rule_id: str) -> list[int]:
    if rule_id == HASH_RULE:
        return list(HASH_CWES)
    if rule_id == DESER_RULE:
        return list(DESER_CWES)
    return catalogue().cwes_for(rule_id) or [22]


class GoCustomEngine:
    """The ``gocustom`` engine (implements :class:`hardgen.scanner.engines.base.Engine`)."""

    name = "gocustom"
    languages = frozenset({Language.GO})

    def available(self) -> bool:
        """Needs only the tree-sitter Go grammar, which is a dependency of hardgen.core."""
        try:
            import tree_sitter_go  # noqa: F401
        except ImportError:
            return False
        return True

    def version(self) -> str:
        """Engine version plus a digest of this module, so any change to a check busts the cache."""
        digest = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:12]
        return f"gocustom-{ENGINE_VERSION}+{digest}"

    def scan(self, files: list[ScanFile], timeout: float) -> EngineResult:
        """Analyse every Go file of the batch; one bad file becomes a FileError, the rest go on."""
        result = EngineResult()
        deadline = time.monotonic() + timeout
        for scan_file in files:
            if scan_file.language is not Language.GO:
                continue
            if time.monotonic() > deadline:
                result.errors.append(
                    FileError(path=scan_file.path, engine=self.name, message=f"timeout after {timeout:.0f}s")
                )
                continue
            try:
                result.findings.extend(self.scan_file(scan_file))
            except Exception as exc:  # one file must never stop the batch
                log.warning("gocustom.file_failed", path=scan_file.path, error=str(exc))
                result.errors.append(
                    FileError(path=scan_file.path, engine=self.name, message=str(exc) or type(exc).__name__)
                )
        return result

    def scan_file(self, scan_file: ScanFile) -> list[Finding]:
        """Findings for one file (raises on unreadable or unparsable input)."""
        code = scan_file.abs_path.read_bytes()
        if len(code) > MAX_FILE_BYTES:
            raise ValueError(f"file too large for gocustom ({len(code)} bytes)")
        if b"\x00" in code[:8192]:
            raise ValueError("binary file")
        lines = code.decode("utf-8", errors="replace").splitlines()
        findings: list[Finding] = []
        for report in analyse_source(code):
            start_row, start_col = report.node.start_point
            end_row, end_col = report.node.end_point
            cwes = _cwes(report.rule_id)
            finding = Finding(
                rule_id=report.rule_id,
                cwes=cwes,
                severity=severity(report.rule_id, cwes, Language.GO),
                message=report.message,
                path=scan_file.path,
                start_line=start_row + 1,
                end_line=end_row + 1,
                start_column=start_col + 1,
                end_column=end_col + 1,
                engine=self.name,
            )
            line_text = lines[start_row] if start_row < len(lines) else ""
            findings.append(finding.with_fingerprint(line_text))
        return findings
