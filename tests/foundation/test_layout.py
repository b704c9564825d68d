"""The source layout holds no links and every import in it resolves on disk; `make` assembles the plugin.

A Windows clone (git's default core.symlinks=false) turns a committed link into a text file, and a
tool that reads imports sees a module that reaches through a link as cut off: so nothing committed is
a link, and each import of the plugin's code names a file that exists in the tree as it is. The folder
QGIS loads is assembled from the sources (scripts/tools/assemble_plugin.py); these tests check it is
a real folder of links, live, cheap to redo, and the one the tests import.
"""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import PLUGIN_DIR, REPO, assemble_plugin

PACKAGE = assemble_plugin.PLUGIN_NAME
# Python the plugin ships, in the folders it lives in on disk.
CODE_FOLDERS = (REPO / PACKAGE, REPO / "processing_algs")
# Top-level folders that are not importable as such: QGIS loads only the plugin package.
NOT_PACKAGES = {"processing_algs", "resources", "sample_layers", "scripts", "tests", "benchmarks"}


def _python_files() -> list[Path]:
    return sorted(p for folder in CODE_FOLDERS for p in folder.rglob("*.py") if "__pycache__" not in p.parts)


def _assembled_packages(root: Path) -> dict[Path, Path]:
    """The one mapping the assembler makes for Python: a source folder of the repository that the plugin folder
    holds as a subpackage (processing_algs/ is tuoli_gw_plugin.processing_algs), as (place in the package -> source)."""
    return {
        root / PACKAGE / name: root / source
        for name, source in assemble_plugin.SHARED_SOURCES.items()
        if (root / source / "__init__.py").is_file()
    }


def _module_on_disk(folder: Path, dotted: str, root: Path = REPO) -> Path | None:
    """The module file ``dotted`` names below ``folder`` (x.py or x/__init__.py), if it exists, where the plugin
    folder QGIS loads has it (a subpackage the assembler maps is looked up in its source folder)."""
    path = folder.joinpath(*dotted.split(".")) if dotted else folder
    for place, source in _assembled_packages(root).items():
        if path == place or place in path.parents:
            path = source / path.relative_to(place)
    for candidate in (path.with_suffix(".py"), path / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _unresolved_imports(path: Path, root: Path = REPO) -> list[str]:
    """Each import of the plugin's own code in ``path`` that names no file in the tree under ``root``."""
    problems = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        where = f"{path.relative_to(root)}:{getattr(node, 'lineno', '?')}"
        if isinstance(node, ast.ImportFrom) and node.level:
            folder = path.parent
            for _ in range(node.level - 1):
                folder = folder.parent
            if node.module:
                targets = [node.module]
            else:  # from . import a, b: each name is a module of that folder
                targets = [alias.name for alias in node.names]
            for target in targets:
                if _module_on_disk(folder, target, root) is None:
                    problems.append(f"{where}: {'.' * node.level}{node.module or target} is not in {folder.relative_to(root)}/")
            continue
        if isinstance(node, ast.ImportFrom):
            names = [node.module or ""]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            continue
        for name in names:
            top = name.split(".")[0]
            if top in NOT_PACKAGES:
                problems.append(f"{where}: {name} is a top-level folder, not a package: import it as {PACKAGE}.… or relatively")
            elif top == PACKAGE and _module_on_disk(root, name, root) is None:
                problems.append(f"{where}: {name} names no file under {PACKAGE}/")
    return problems


def test_plugin_code_is_found():
    names = {p.name for p in _python_files()}
    assert {"provider.py", "frames.py", "base.py", "rules.py", "screen_well_sites.py"} <= names


def test_every_import_of_plugin_code_resolves_on_disk():
    problems = [problem for path in _python_files() for problem in _unresolved_imports(path)]
    assert not problems, "\n".join(problems)


def test_the_resolver_catches_an_import_through_a_link(tmp_path):
    """The guard itself: processing_algs reaching the plugin with `..` only worked through the old link."""
    for folder in (PACKAGE, "processing_algs"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "__init__.py").write_text("")
    (tmp_path / PACKAGE / "qgis_bridge.py").write_text("")
    module = tmp_path / "processing_algs" / "probe.py"
    module.write_text(
        "from ..qgis_bridge import source_to_frame\n"
        "from tuoli_gw_plugin.qgis_bridge import qgis_value\n"
        "from . import missing_sibling\n"
        "import processing_algs.probe\n"
    )
    problems = _unresolved_imports(module, tmp_path)
    assert len(problems) == 3, problems
    assert "..qgis_bridge" in problems[0] and "missing_sibling" in problems[1] and "not a package" in problems[2]


def test_the_resolver_knows_the_one_mapping_the_assembler_makes(tmp_path):
    """The provider imports the algorithms as the plugin folder holds them: tuoli_gw_plugin.processing_algs."""
    for folder in (PACKAGE, "processing_algs"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "__init__.py").write_text("")
    (tmp_path / "processing_algs" / "base.py").write_text("")
    module = tmp_path / PACKAGE / "provider.py"
    module.write_text(
        "from .processing_algs.base import TuoliAlgorithm\n"
        "from tuoli_gw_plugin.processing_algs import base\n"
        "from .processing_algs.missing import Nothing\n"
        "from .resources import rules\n"
    )
    problems = _unresolved_imports(module, tmp_path)
    assert len(problems) == 2, problems
    assert "processing_algs.missing" in problems[0] and ".resources" in problems[1]


def test_no_committed_symlinks():
    if shutil.which("git") is None or not (REPO / ".git").exists():
        pytest.skip("not a git checkout")
    listed = subprocess.run(["git", "ls-files", "-s"], cwd=REPO, capture_output=True, text=True, check=True).stdout
    links = [line.split("\t", 1)[1] for line in listed.splitlines() if line.startswith("120000 ")]
    assert not links, f"committed symlinks: {links}"


def test_no_links_in_the_plugin_sources():
    sources = assemble_plugin.plugin_contents(REPO).values()
    links = [p for source in sources for p in [source, *(source.rglob("*") if source.is_dir() else [])] if p.is_symlink()]
    assert not links, f"links in the sources: {links}"


# -- the assembled plugin folder -------------------------------------------------------------------
def test_tests_import_the_plugin_from_the_assembled_folder():
    from tuoli_gw_plugin.metadata import PLUGIN_DIR as IMPORTED_FROM

    assert IMPORTED_FROM == PLUGIN_DIR
    assert PLUGIN_DIR.is_dir() and not PLUGIN_DIR.is_symlink()
    assert (IMPORTED_FROM / "processing_algs" / "base.py").is_file()
    assert (IMPORTED_FROM / "resources" / "rules" / "toli_rules.json").is_file()


def test_assembled_folder_holds_links_to_every_plugin_entry():
    contents = assemble_plugin.plugin_contents(REPO)
    assert {"__init__.py", "engine", "processing_algs", "resources", "sample_layers", "metadata.txt", "LICENSE"} <= set(contents)
    entries = {entry.name: entry for entry in PLUGIN_DIR.iterdir() if entry.name != "__pycache__"}
    assert set(entries) == set(contents)
    for name, entry in entries.items():
        assert entry.is_symlink(), name
        assert entry.resolve() == contents[name].resolve(), name


def _fake_repo(root: Path) -> Path:
    (root / PACKAGE / "engine").mkdir(parents=True)
    (root / PACKAGE / "__init__.py").write_text("")
    (root / PACKAGE / "__pycache__").mkdir()
    for folder in ("processing_algs", "resources", "sample_layers", "docs/algorithms"):
        (root / folder).mkdir(parents=True)
        (root / folder / "a.txt").write_text(folder)
    for name in ("metadata.txt", "LICENSE", "requirements.txt"):
        (root / name).write_text(name)
    return root


def test_assembly_is_live_idempotent_and_follows_new_and_removed_files(tmp_path):
    repo = _fake_repo(tmp_path / "repo")
    plugins = tmp_path / "build" / "plugins"
    target = assemble_plugin.assemble(plugins, repo)
    assert target == plugins / PACKAGE and target.is_dir() and not target.is_symlink()
    names = sorted(os.listdir(target))
    assert names == sorted(["__init__.py", "engine", "processing_algs", "resources", "sample_layers",
                            "metadata.txt", "LICENSE", "requirements.txt", "help"])
    assert all((target / n).is_symlink() for n in names)

    (repo / "resources" / "a.txt").write_text("edited")
    assert (target / "resources" / "a.txt").read_text() == "edited", "an edited source is live"

    before = {n: os.lstat(target / n).st_ino for n in names}
    assemble_plugin.assemble(plugins, repo)
    assert {n: os.lstat(target / n).st_ino for n in os.listdir(target)} == before, "a second run changes nothing"

    (repo / PACKAGE / "new_module.py").write_text("")
    assemble_plugin.assemble(plugins, repo)
    assert (target / "new_module.py").is_symlink()
    (repo / PACKAGE / "new_module.py").unlink()
    assemble_plugin.assemble(plugins, repo)
    assert not os.path.lexists(target / "new_module.py")


def test_assembly_replaces_the_old_link_to_the_whole_package(tmp_path):
    repo = _fake_repo(tmp_path / "repo")
    plugins = tmp_path / "build" / "plugins"
    plugins.mkdir(parents=True)
    (plugins / PACKAGE).symlink_to(repo / PACKAGE)
    target = assemble_plugin.assemble(plugins, repo)
    assert not target.is_symlink() and (target / "processing_algs").is_symlink()
    assert sorted(os.listdir(repo / PACKAGE)) == ["__init__.py", "__pycache__", "engine"], "the sources are untouched"
