"""Small helpers over the tree-sitter Go syntax tree, shared by the taint core and the checks."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any


def text(node: Any) -> str:
    """The source text of ``node`` ("" for None), decoded leniently so a bad byte never stops a scan."""
    return node.text.decode("utf-8", errors="replace") if node is not None else ""


def compact(node: Any) -> str:
    """Source text without white space, for comparing type expressions such as ``map[string] any``."""
    return re.sub(r"\s+", "", text(node))


def qualified(call: Any) -> tuple[str, str] | None:
    """(package or receiver text, member) of a call such as ``filepath.Join(...)``; None for ``f(x)``."""
    fn = call.child_by_field_name("function")
    if fn is not None and fn.type == "selector_expression":
        return text(fn.child_by_field_name("operand")), text(fn.child_by_field_name("field"))
    return None


def args(call: Any) -> list[Any]:
    """The argument expressions of a call, comments left out."""
    arglist = call.child_by_field_name("arguments")
    return [c for c in arglist.named_children if c.type != "comment"] if arglist is not None else []


def exprs(node: Any) -> list[Any]:
    """The expressions of an ``expression_list`` (or the one expression itself)."""
    if node is None:
        return []
    if node.type == "expression_list":
        return [c for c in node.named_children if c.type != "comment"]
    return [node]


def base_identifier(node: Any) -> Any:
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


def walk(node: Any, skip_nested_functions: bool = False) -> Iterator[Any]:
    """Pre-order (source-order) walk of the tree below ``node``."""
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        children = current.children
        if skip_nested_functions and current is not node:
            children = [c for c in children if c.type != "func_literal"]
        stack.extend(reversed(children))


def units(root: Any) -> list[Any]:
    """Functions to analyse: declarations, methods, and function literals outside any of them."""
    found: list[Any] = []
    stack = [root]
    while stack:
        node = stack.pop()
        if node.type in ("function_declaration", "method_declaration", "func_literal"):
            found.append(node)
            continue
        stack.extend(node.children)
    return found


def is_string_literal(node: Any) -> bool:
    return node is not None and node.type in ("interpreted_string_literal", "raw_string_literal")


def string_value(node: Any) -> str:
    """The value of a string literal node, quotes removed (escapes are left as written)."""
    return text(node)[1:-1]
