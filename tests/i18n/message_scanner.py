"""Finds user-facing sentences written as literals in the engine instead of taken from the catalogue.

Looked at: the arguments of ``SomethingError(...)`` / ``EngineNotice(...)`` (message and ``hint``),
``warnings.warn(...)``, what is passed to a log callback (``report(level, message)``) or appended to a
list of messages, warnings, notes, skips, problems or finding rows, and keyword arguments that carry a
sentence (``skipped=``, ``hint=``, ``what=``, ``message=``...). A sentence is a string literal, an
f-string or a ``"...".format()`` whose literal text holds two words or any Chinese: a code such as
``"no_meter"`` or a field name is not one. ``text("key", ...)`` is the catalogue.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

WORDS = re.compile(r"[A-Za-z]{2,}[ ,:;'’()-]+[A-Za-z]{2,}|[\u4e00-\u9fff]")
LIST_NAMES = {
    "messages", "warnings", "notes", "skipped", "rows", "account_rows", "info", "lines", "log", "notices", "reasons", "problems",
}
SENTENCE_KEYWORDS = {"hint", "skipped", "what", "message", "detail", "reason_text", "note"}


@dataclass(frozen=True)
class Literal:
    path: str
    line: int
    where: str
    text: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line} ({self.where}): {self.text!r}"


def literal_text(node: ast.AST) -> str | None:
    """The literal words of a sentence-like expression, None when it holds none."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str))
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("format", "join"):
        return literal_text(node.func.value) if node.func.attr == "format" else None
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
        parts = [literal_text(node.left), literal_text(node.right)]
        return "".join(p for p in parts if p) or None
    if isinstance(node, ast.IfExp):
        parts = [literal_text(node.body), literal_text(node.orelse)]
        return " | ".join(p for p in parts if p) or None
    if isinstance(node, (ast.Tuple, ast.List)):
        parts = [literal_text(e) for e in node.elts]
        return " | ".join(p for p in parts if p and WORDS.search(p)) or None
    if isinstance(node, (ast.ListComp, ast.GeneratorExp)):
        return literal_text(node.elt)
    return None


def is_sentence(node: ast.AST | None) -> str | None:
    if node is None:
        return None
    found = literal_text(node)
    return found if found and WORDS.search(found) else None


def _name(node: ast.AST) -> str:
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Name):
        return node.id
    return ""


def scan_source(source: str, path: str) -> list[Literal]:
    found: list[Literal] = []
    tree = ast.parse(source)

    def report(node: ast.AST, where: str) -> None:
        sentence = is_sentence(node)
        if sentence:
            found.append(Literal(path, node.lineno, where, sentence))

    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            callee = _name(node.func)
            if callee.endswith(("Error", "Notice", "Warning")):  # an exception or notice built, raised or returned
                for argument in node.args:
                    report(argument, callee)
            elif callee in ("report", "say") and len(node.args) >= 2:  # the balance / trend log callbacks (level, message)
                report(node.args[1], f"{callee}()")
            elif callee == "warn":
                for argument in node.args[:1]:
                    report(argument, "warnings.warn")
            elif callee in ("append", "extend", "insert") and isinstance(node.func, ast.Attribute):
                if _name(node.func.value) in LIST_NAMES:
                    for argument in node.args[-1:]:
                        report(argument, f"{_name(node.func.value)}.{callee}")
            for keyword in node.keywords:
                if keyword.arg in SENTENCE_KEYWORDS and callee != "filterwarnings":
                    report(keyword.value, f"{keyword.arg}=")
    return found


def scan(paths: list[Path], root: Path) -> list[Literal]:
    found: list[Literal] = []
    for path in paths:
        found += scan_source(path.read_text(encoding="utf-8"), str(path.relative_to(root)))
    return found
