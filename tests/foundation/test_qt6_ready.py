"""The plugin's code has none of the Qt-5-only constructs that QGIS 4 (Qt 6, PyQt6) rejects (issue 24).

No QGIS 4 runs here, so this is a static check of every Python file QGIS loads (the assembled plugin folder). The
patterns are those of QGIS's plugin migration guide and its script (scripts/pyqt5_to_pyqt6/pyqt5_to_pyqt6.py in the
QGIS repository), plus two the script does not flag but which break every PDF on Qt 6:
- PyQt5 imported directly instead of through qgis.PyQt;
- unscoped Qt enums (``Qt.RichText`` instead of ``Qt.TextFormat.RichText``): PyQt6 has only the scoped form, PyQt5
  (5.11 and later) both. The running PyQt5 says which attributes are members of an enum of their class;
- ``QVariant.<type>``, annotations included: PyQt6 has no ``QVariant.Type`` (the migration script even crashes on
  the annotation). Field types come from qgis_io/field_types.py, which picks ``QMetaType`` (QGIS 3.38 and later)
  or ``QVariant`` (before);
- ``exec_()`` and ``print_()``: ``exec()`` and ``print()`` in PyQt6 (PyQt5 5.15 has both names);
- ``QFontDatabase()`` instances: its functions are static in Qt 6, where PyQt6 has no constructor;
- what Qt 6 removed or changed: QRegExp, QDesktopWidget, qApp, ``QFontMetrics.width``, the ``activated[str]``
  overload, compiled ``resources_rc``, ``QDateTime`` from eight numbers, ``QVariant()`` as NULL.
Code in a branch QGIS 4 never takes is not read: the other side of ``if QT_VERSION < 0x060000`` or
``if Qgis.versionInt() >= 33800`` (Qt 5's own way, kept for QGIS 3.22).
"""

from __future__ import annotations

import ast
import configparser
import importlib
import os
from pathlib import Path

from tests.conftest import PLUGIN_DIR

# What QGIS 4 answers to the version checks that guard Qt-5-only branches.
QT6_VERSION = 0x060800
QGIS4_VERSION_INT = 40000
REMOVED_IN_QT6 = {
    "QRegExp": "QRegularExpression",
    "QDesktopWidget": "QScreen (QGuiApplication.screens())",
    "qApp": "QApplication.instance()",
}


def _plugin_sources() -> list[Path]:
    """Every .py file in the plugin folder QGIS loads (its entries are links: followed)."""
    found = []
    for folder, _dirs, files in os.walk(PLUGIN_DIR, followlinks=True):
        found += [Path(folder) / name for name in files if name.endswith(".py")]
    return sorted(found)


class _Qgis4:
    @staticmethod
    def versionInt() -> int:  # noqa: N802 - QGIS's name
        return QGIS4_VERSION_INT


def _taken_on_qgis4(test: ast.expr) -> bool | None:
    """Whether QGIS 4 takes the branch of an ``if`` on QT_VERSION or Qgis.versionInt(); None for any other test."""
    names = {node.id for node in ast.walk(test) if isinstance(node, ast.Name)}
    if not names or not names <= {"QT_VERSION", "Qgis"}:
        return None
    try:
        return bool(eval(compile(ast.Expression(test), "<test>", "eval"), {"QT_VERSION": QT6_VERSION, "Qgis": _Qgis4}))
    except Exception:  # a test this scan cannot evaluate: read both branches
        return None


class _Scanner(ast.NodeVisitor):
    def __init__(self):
        self.qt_names: dict[str, object] = {}  # names bound to a qgis.PyQt/PyQt5 object in this file
        self.findings: list[tuple[int, str]] = []

    def _say(self, node: ast.AST, text: str) -> None:
        self.findings.append((node.lineno, text))

    # -- imports: which names are Qt's, and PyQt5 imported directly ------------------------------------
    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            if alias.name.split(".")[0] == "PyQt5":
                self._say(node, f"import {alias.name}: import through qgis.PyQt")
            if alias.name == "resources_rc" or alias.name.endswith(".resources_rc"):
                self._say(node, "compiled resources (resources_rc) are gone in Qt 6: load files by path")
            if alias.name.startswith("qgis.PyQt."):
                self.qt_names[alias.asname or alias.name] = importlib.import_module(alias.name)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        module = node.module or ""
        if module.split(".")[0] == "PyQt5":
            self._say(node, f"from {module} import ...: import through qgis.PyQt")
        for alias in node.names:
            if alias.name == "resources_rc":
                self._say(node, "compiled resources (resources_rc) are gone in Qt 6: load files by path")
            if alias.name in REMOVED_IN_QT6 and module.startswith(("qgis.PyQt", "PyQt5")):
                self._say(node, f"{alias.name} is removed in Qt 6: use {REMOVED_IN_QT6[alias.name]}")
        if module == "qgis.PyQt" or module.startswith(("qgis.PyQt.", "PyQt5")):
            source = importlib.import_module(module.replace("PyQt5", "qgis.PyQt", 1) if module.startswith("PyQt5") else module)
            for alias in node.names:
                if hasattr(source, alias.name):
                    self.qt_names[alias.asname or alias.name] = getattr(source, alias.name)
        self.generic_visit(node)

    # -- attribute access: unscoped enums and QVariant's types -----------------------------------------
    def _resolve(self, node: ast.AST) -> object | None:
        if isinstance(node, ast.Name):
            return self.qt_names.get(node.id)
        if isinstance(node, ast.Attribute):
            owner = self._resolve(node.value)
            return getattr(owner, node.attr, None) if owner is not None else None
        return None

    def visit_Attribute(self, node: ast.Attribute) -> None:
        owner = self._resolve(node.value)
        if owner is not None and getattr(owner, "__name__", "") == "QVariant" and node.attr != "__init__":
            member = getattr(owner, node.attr, None)
            if node.attr == "Type" or type(member).__name__ == "Type":
                self._say(node, f"QVariant.{node.attr}: PyQt6 has no QVariant.Type; use qgis_io.field_types")
        elif isinstance(owner, type) and type(owner).__name__ != "enumtype":
            member = getattr(owner, node.attr, None)
            if type(type(member)).__name__ == "enumtype":  # a member of one of the class's enums, reached unscoped
                scoped = f"{owner.__name__}.{type(member).__name__}.{node.attr}"
                self._say(node, f"{owner.__name__}.{node.attr}: unscoped enum, PyQt6 needs {scoped}")
        self.generic_visit(node)

    # -- calls and definitions -------------------------------------------------------------------------
    def visit_Call(self, node: ast.Call) -> None:
        function = node.func
        if isinstance(function, ast.Attribute) and function.attr in ("exec_", "print_"):
            self._say(node, f".{function.attr}(): PyQt6 has only .{function.attr[:-1]}()")
        if isinstance(function, ast.Attribute) and function.attr == "width" and isinstance(function.value, ast.Call):
            inner = function.value.func
            if (isinstance(inner, ast.Attribute) and inner.attr == "fontMetrics") or (
                isinstance(inner, ast.Name) and inner.id in ("QFontMetrics", "QFontMetricsF")
            ):
                self._say(node, "QFontMetrics.width() is removed in Qt 6: horizontalAdvance()")
        if isinstance(function, ast.Name) and function.id in self.qt_names:
            if function.id == "QFontDatabase":
                self._say(node, "QFontDatabase(): its functions are static in Qt 6 and PyQt6 cannot make one")
            if function.id == "QDateTime" and len(node.args) == 8:
                self._say(node, "QDateTime(y, m, d, h, min, s, ms, spec) is gone in Qt 6: QDateTime(QDate(...), QTime(...))")
            if function.id == "QVariant" and not node.args:
                self._say(node, "QVariant() as a null value: use qgis.core's NULL")
        self.generic_visit(node)

    # -- branches QGIS 4 never takes -------------------------------------------------------------------
    def _visit_taken(self, node, branches: tuple[list, list]) -> None:
        taken = _taken_on_qgis4(node.test)
        if taken is None:
            self.generic_visit(node)
            return
        for child in branches[0] if taken else branches[1]:
            self.visit(child)

    def visit_If(self, node: ast.If) -> None:
        self._visit_taken(node, (node.body, node.orelse))

    def visit_IfExp(self, node: ast.IfExp) -> None:
        self._visit_taken(node, ([node.body], [node.orelse]))

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        if node.name == "exec_":
            self._say(node, "def exec_: PyQt6 calls exec()")
        self.generic_visit(node)

    def visit_Subscript(self, node: ast.Subscript) -> None:
        if isinstance(node.value, ast.Attribute) and node.value.attr == "activated":
            if isinstance(node.slice, ast.Name) and node.slice.id == "str":
                self._say(node, "activated[str] is removed in Qt 6: textActivated")
        self.generic_visit(node)


def qt5_only_constructs(source: str) -> list[tuple[int, str]]:
    """(line, what and the Qt 6 form) for every Qt-5-only construct in ``source`` that QGIS 4 would run."""
    scanner = _Scanner()
    scanner.visit(ast.parse(source))
    return sorted(scanner.findings)


def test_the_plugin_has_no_qt5_only_construct():
    sources = _plugin_sources()
    assert len(sources) > 30 and any(path.name == "plugin.py" for path in sources)  # the whole plugin was read
    findings = []
    for path in sources:
        for line, text in qt5_only_constructs(path.read_text(encoding="utf-8")):
            findings.append(f"{path.relative_to(PLUGIN_DIR)}:{line}: {text}")
    assert not findings, "Qt-5-only constructs (QGIS 4 runs on Qt 6):\n" + "\n".join(findings)


BAD = '''
from PyQt5.QtCore import QRegExp
from qgis.PyQt.QtCore import Qt, QVariant, QDateTime
from qgis.PyQt.QtGui import QFontDatabase, QTextDocument
from qgis.PyQt import QtCore
import resources_rc

def exec_(self):
    dialog.exec_()
    text = QTextDocument()
    text.print_(printer)
    families = QFontDatabase().families(QFontDatabase.SimplifiedChinese)
    label.setTextFormat(Qt.RichText)
    label.setAlignment(QtCore.Qt.AlignLeft)
    width = label.fontMetrics().width("x")
    combo.activated[str].connect(slot)
    when = QDateTime(2024, 12, 3, 0, 0, 0, 0, Qt.UTC)
    empty = QVariant()

def new_field(name: str, variant_type: QVariant.Type):
    return QgsField(name, QVariant.String)
'''

GOOD = '''
from qgis.PyQt.QtCore import Qt, QDate, QDateTime, QTime
from qgis.PyQt.QtGui import QFontDatabase, QTextDocument
from qgis.PyQt.QtWidgets import QFormLayout

def show(dialog, label, layout, printer):
    dialog.exec()
    QTextDocument().print(printer)
    families = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    when = QDateTime(QDate(2024, 12, 3), QTime(0, 0), Qt.TimeSpec.UTC)
'''


def test_the_scan_finds_each_pattern():
    found = "\n".join(text for _line, text in qt5_only_constructs(BAD))
    for expected in ("from PyQt5.QtCore", "QRegExp is removed", "resources_rc", "def exec_", ".exec_()", ".print_()",
                     "QFontDatabase()", "QFontDatabase.SimplifiedChinese: unscoped enum, PyQt6 needs "
                     "QFontDatabase.WritingSystem.SimplifiedChinese", "Qt.RichText: unscoped enum, PyQt6 needs Qt.TextFormat.RichText",
                     "Qt.AlignLeft: unscoped enum", "Qt.UTC: unscoped enum", "horizontalAdvance", "textActivated",
                     "QDateTime(y, m, d", "QVariant() as a null", "QVariant.Type: PyQt6 has no", "QVariant.String: PyQt6 has no"):
        assert expected in found, expected
    assert qt5_only_constructs(GOOD) == []


QT5_BRANCHES = """
from qgis.core import Qgis
from qgis.PyQt.QtCore import QT_VERSION, QVariant
from qgis.PyQt.QtGui import QFontDatabase

if Qgis.versionInt() >= 33800{extra}:
    from qgis.PyQt.QtCore import QMetaType
    STRING = QMetaType.Type.QString
else:
    STRING = QVariant.String
database = QFontDatabase() if QT_VERSION < 0x060000 else QFontDatabase
if QT_VERSION >= 0x060000:
    database = QFontDatabase()
"""


def test_branches_qgis4_never_takes_are_not_read_and_the_others_are():
    findings = qt5_only_constructs(QT5_BRANCHES.format(extra=""))
    assert [line for line, _text in findings] == [13], findings  # only the QFontDatabase() QGIS 4 would run
    # A test the scan cannot decide: both branches are read.
    undecided = qt5_only_constructs(QT5_BRANCHES.format(extra=" and unknown_flag"))
    assert [line for line, _text in undecided] == [10, 13], undecided


def test_metadata_offers_the_plugin_to_qgis_4():
    """No maximum means 3.99 to the plugin manager; a Qt 6 build refuses a plugin without supportsQt6."""
    metadata = configparser.ConfigParser(interpolation=None)
    metadata.read(PLUGIN_DIR / "metadata.txt", encoding="utf-8")
    general = metadata["general"]
    assert general["qgisMinimumVersion"] == "3.22" and general["qgisMaximumVersion"] == "4.99"
    assert general["supportsQt6"] == "True"
