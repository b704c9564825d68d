"""Collect every user-visible string of the plugin and merge it into the Qt translation sources.

Usage: ``.venv/bin/python scripts/docs/update_translations.py [--check]``

Two sources of strings, each with the translation context Qt looks it up under:
- the running provider: every algorithm is instantiated in a headless QgsApplication and its
  display name, group, introduction, the label and help sentence of each declared parameter and
  output (``processing_algs/_declarations.py``), parameter and output descriptions and enum options
  are read (context = the algorithm's class name, as ``TuoliAlgorithm.tr`` uses);
- a scan of the Python sources for ``self.tr("…")`` (context = the enclosing class),
  ``<module>.tr("…")`` helpers whose module ``tr`` calls ``QCoreApplication.translate("Ctx", …)``,
  ``alg.tr("…")`` in helper modules (context = every algorithm class whose module imports the
  helper), and literal ``QCoreApplication.translate("Ctx", "…")`` calls.

Merging into ``resources/i18n/tuoli_gw_zh-Hans.ts`` keeps every existing translation; a new string
gets the translation of the same source text in another context when there is one (same words,
same meaning) and is otherwise added empty and ``unfinished``; strings no longer in the code are
kept as ``vanished`` (lrelease leaves them out, a translator can reuse them). ``--check`` only
reports and exits 1 when a string has no translation. Then ``make translations`` compiles the .qm.
"""

from __future__ import annotations

import argparse
import ast
import os
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PACKAGE = REPO / "tuoli_gw_plugin"
ALGORITHMS = REPO / "processing_algs"
TS_FILES = {"zh-Hans": REPO / "resources" / "i18n" / "tuoli_gw_zh-Hans.ts"}
SKIP_DIRS = {"engine", "__pycache__"}  # the engine is QGIS-free: its texts are bilingual dictionaries

Message = tuple[str, str]  # (context, source)


# -- scanning the sources --------------------------------------------------------------------------
def _literal(node: ast.AST) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _module_tr_context(tree: ast.Module) -> str | None:
    """The context of a module-level ``def tr(text)`` that calls QCoreApplication.translate("Ctx", text)."""
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == "tr":
            for call in ast.walk(node):
                if isinstance(call, ast.Call) and getattr(call.func, "attr", "") == "translate" and call.args:
                    return _literal(call.args[0])
    return None


def _python_files() -> list[Path]:
    files = [p for p in ALGORITHMS.glob("*.py")]
    for path in PACKAGE.rglob("*.py"):
        parts = set(path.relative_to(PACKAGE).parts)
        if parts & SKIP_DIRS:
            continue
        files.append(path)
    return sorted(files)


def _algorithm_classes_by_helper() -> dict[str, list[str]]:
    """Helper module name (``_screening_common``) -> algorithm classes whose module imports it."""
    users: dict[str, list[str]] = defaultdict(list)
    for path in ALGORITHMS.glob("*.py"):
        if path.name.startswith("_") or path.name == "base.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = {
            alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom)
            for alias in node.names
            if alias.name.startswith("_")
        } | {node.module.split(".")[-1] for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
        classes = [node.name for node in tree.body if isinstance(node, ast.ClassDef)]
        for name in imported:
            users[name].extend(classes)
    return users


def scan_sources() -> dict[Message, set[str]]:
    """(context, source) -> locations 'path:line' of the literal tr() calls."""
    found: dict[Message, set[str]] = defaultdict(set)
    helper_users = _algorithm_classes_by_helper()
    all_algorithms = sorted({name for names in helper_users.values() for name in names})
    for path in _python_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        module_context = _module_tr_context(tree)
        location_base = path.relative_to(REPO).as_posix()

        stack: list[tuple[ast.AST, str | None]] = [(tree, None)]
        while stack:
            node, class_name = stack.pop()
            if isinstance(node, ast.ClassDef):
                class_name = node.name
            if isinstance(node, ast.Call):
                contexts: list[str] = []
                text = _literal(node.args[0]) if node.args else None
                func = node.func
                if isinstance(func, ast.Name) and func.id == "tr" and module_context:
                    contexts = [module_context]
                elif isinstance(func, ast.Attribute) and func.attr == "tr":
                    owner = func.value.id if isinstance(func.value, ast.Name) else ""
                    if owner == "self" and class_name == "TuoliAlgorithm":  # the base: every algorithm's context
                        contexts = all_algorithms
                    elif owner == "self" and class_name:
                        contexts = [class_name]
                    elif path.parent == ALGORITHMS and path.stem.startswith("_"):
                        contexts = helper_users.get(path.stem, [])
                elif isinstance(func, ast.Attribute) and func.attr == "translate" and len(node.args) >= 2:
                    context, text = _literal(node.args[0]), _literal(node.args[1])
                    contexts = [context] if context else []
                if text:
                    for context in contexts:
                        found[(context, text)].add(f"{location_base}:{node.lineno}")
            stack.extend((child, class_name) for child in ast.iter_child_nodes(node))
    return found


# -- reading the running provider ------------------------------------------------------------------
def provider_strings() -> dict[Message, set[str]]:
    """The strings the instantiated algorithms show, in English (no translator installed)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QGIS_CUSTOM_CONFIG_PATH", tempfile.mkdtemp(prefix="tuoli_gw_i18n_"))
    sys.path.append(str(REPO / "scripts" / "tools"))
    from assemble_plugin import import_assembled_plugin

    import_assembled_plugin()  # the plugin as QGIS loads it, with processing_algs/ and resources/
    from qgis.core import QgsApplication, QgsProcessingParameterEnum

    app = QgsApplication.instance()
    if app is None:
        QgsApplication.setPrefixPath("/usr", True)
        app = QgsApplication([], False)
        app.initQgis()
    from tuoli_gw_plugin.i18n import remove_translators
    from tuoli_gw_plugin.provider import algorithm_classes

    remove_translators()
    found: dict[Message, set[str]] = defaultdict(set)
    found[("TuoliGwProvider", "Toli groundwater")].add("tuoli_gw_plugin/provider.py")
    for cls in algorithm_classes():
        context = cls.__name__
        where = f"processing_algs/{cls.__module__.split('.')[-1]}.py"
        algorithm = cls()
        algorithm.initAlgorithm({})
        texts = algorithm.translatable_texts()  # name, group, intro, every declared label and help sentence
        for parameter in algorithm.parameterDefinitions():
            texts.append(parameter.description())
            if isinstance(parameter, QgsProcessingParameterEnum):
                texts.extend(parameter.options())
        texts.extend(output.description() for output in algorithm.outputDefinitions())
        for text in texts:
            if text and any(ch.isalpha() and ch.isascii() for ch in text):  # nothing to translate in '中文'
                found[(context, text)].add(where)
    return found


# -- the .ts file ----------------------------------------------------------------------------------
def read_ts(path: Path) -> dict[Message, tuple[str, str | None]]:
    """(context, source) -> (translation, type attribute or None)."""
    if not path.is_file():
        return {}
    entries = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            entries[(name, message.findtext("source") or "")] = (
                (translation.text or "") if translation is not None else "",
                translation.get("type") if translation is not None else "unfinished",
            )
    return entries


def write_ts(path: Path, language: str, messages: dict[Message, tuple[str, str | None, set[str]]]) -> None:
    root = ET.Element("TS", version="2.1", language=language.replace("-", "_"), sourcelanguage="en")
    by_context: dict[str, list] = defaultdict(list)
    for (context, source), (translation, kind, locations) in messages.items():
        by_context[context].append((source, translation, kind, locations))
    for context in sorted(by_context):
        node = ET.SubElement(root, "context")
        ET.SubElement(node, "name").text = context
        for source, translation, kind, locations in sorted(by_context[context], key=lambda m: m[0]):
            message = ET.SubElement(node, "message")
            for location in sorted(locations):
                filename, _, line = location.partition(":")
                attributes = {"filename": f"../../{filename}"}
                if line:
                    attributes["line"] = line
                ET.SubElement(message, "location", attributes)
            ET.SubElement(message, "source").text = source
            translated = ET.SubElement(message, "translation")
            translated.text = translation
            if kind:
                translated.set("type", kind)
    ET.indent(root, space="    ")
    path.parent.mkdir(parents=True, exist_ok=True)
    text = ET.tostring(root, encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + text + "\n", encoding="utf-8")


def merge(current: dict[Message, set[str]], existing: dict[Message, tuple[str, str | None]]):
    by_source: dict[str, str] = {}
    for (_, source), (translation, kind) in existing.items():
        if translation and kind in (None, "unfinished"):
            by_source.setdefault(source, translation)
    merged, new, reused = {}, 0, 0
    for key, locations in current.items():
        if key in existing:
            translation, kind = existing[key]
            merged[key] = (translation, None if kind in ("vanished", "obsolete") and translation else kind, locations)
        elif key[1] in by_source:
            merged[key] = (by_source[key[1]], None, locations)
            reused += 1
        else:
            merged[key] = ("", "unfinished", locations)
            new += 1
    vanished = 0
    for key, (translation, _kind) in existing.items():
        if key not in current and translation:
            merged[key] = (translation, "vanished", set())
            vanished += 1
    return merged, new, reused, vanished


def collect() -> dict[Message, set[str]]:
    strings = scan_sources()
    for key, locations in provider_strings().items():
        strings.setdefault(key, set()).update(locations)
    return strings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report untranslated strings, write nothing")
    args = parser.parse_args()
    strings = collect()
    status = 0
    for language, path in TS_FILES.items():
        merged, new, reused, vanished = merge(strings, read_ts(path))
        untranslated = sorted(key for key, (translation, kind, _) in merged.items() if kind != "vanished" and not translation)
        print(
            f"{path.relative_to(REPO)}: {len(strings)} strings, {new} new, {reused} filled from the same text elsewhere, "
            f"{vanished} vanished, {len(untranslated)} untranslated"
        )
        for context, source in untranslated[:50]:
            print(f"  untranslated [{context}] {source[:100]!r}")
        if args.check:
            status = 1 if untranslated else status
        else:
            write_ts(path, language, merged)
    return status


if __name__ == "__main__":
    sys.exit(main())
