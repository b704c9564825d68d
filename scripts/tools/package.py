"""Build the installable plugin zip: one top folder ``tuoli_gw_plugin/`` with all QGIS needs.

The zip holds the entries of ``assemble_plugin.plugin_contents()`` (the same list ``make`` assembles
into ``build/plugins/tuoli_gw_plugin/``), stored as real files, so Plugins ▸ Install from ZIP gets one
self-contained folder.

``package.py ZIP`` builds it for local use (Install from ZIP) whatever metadata.txt says;
``package.py --release ZIP`` (``make release``) builds the zip for upload to plugins.qgis.org and
refuses while ``metadata.txt`` still has placeholder addresses, which the repository rejects.
"""

from __future__ import annotations

import argparse
import configparser
import os
import subprocess
import sys
import zipfile
from pathlib import Path

from assemble_plugin import NOT_PLUGIN, PLUGIN_NAME, REPO, plugin_contents

SKIP_SUFFIXES = {".pyc", ".pyo", ".ts"}  # .ts translation sources ship compiled as .qm
# Build products that git ignores but the plugin needs: the compiled translations.
SHIPPED_BUILD_PRODUCTS = {".qm"}
REQUIRED = ("metadata.txt", "LICENSE", "__init__.py", "requirements.txt", "resources/rules/toli_rules.json")
# plugins.qgis.org needs real addresses in these; the example.org ones only serve local builds.
RELEASE_FIELDS = ("email", "tracker", "repository", "homepage")
PLACEHOLDER_MARKS = ("example.org", "example.com", "example.net", "localhost")


def placeholder_fields(metadata_path: Path) -> list[str]:
    """The RELEASE_FIELDS of metadata.txt that are missing or still placeholders."""
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(metadata_path, encoding="utf-8")
    general = parser["general"] if parser.has_section("general") else {}
    bad = []
    for name in RELEASE_FIELDS:
        value = str(general.get(name, "")).strip().lower()
        if not value or any(mark in value for mark in PLACEHOLDER_MARKS):
            bad.append(name)
    return bad


def walk_order(name: str) -> tuple:
    """Sort key giving the order a walk of the plugin folder gives: a folder's files, then its sub-folders."""
    *folders, file_name = name.split("/")
    return (*((1, folder) for folder in folders), (0, file_name))


def git_ignored(paths: list[Path], repo: Path = REPO) -> set[Path]:
    """The paths git ignores in ``repo`` (left-over GDAL .aux.xml, caches...); none when git is absent.

    A zip built from a source tree without git (a tarball) ships what is there; in a checkout, only what
    the repository tracks or builds on purpose (SHIPPED_BUILD_PRODUCTS) goes into the zip.
    """
    inside = [p for p in paths if p.resolve().is_relative_to(repo.resolve())]
    if not inside:
        return set()
    relative = "\0".join(str(p.resolve().relative_to(repo.resolve())) for p in inside)
    try:
        result = subprocess.run(
            ["git", "-C", str(repo), "check-ignore", "-z", "--stdin"],
            input=relative, capture_output=True, text=True, check=False,
        )
    except OSError:  # git not installed
        return set()
    if result.returncode not in (0, 1):  # 1 = nothing ignored; 128 = not a git checkout
        return set()
    return {(repo.resolve() / name).resolve() for name in result.stdout.split("\0") if name}


def plugin_files(repo: Path = REPO) -> list[tuple[Path, str]]:
    """(file on disk, name in the zip) for every file to ship."""
    files = []
    for entry, source in plugin_contents(repo).items():
        if source.is_file():
            if source.suffix not in SKIP_SUFFIXES:
                files.append((source, f"{PLUGIN_NAME}/{entry}"))
            continue
        for root, dirs, names in os.walk(source, followlinks=True):
            dirs[:] = sorted(d for d in dirs if d not in NOT_PLUGIN)
            for name in sorted(names):
                path = Path(root) / name
                if path.suffix in SKIP_SUFFIXES:
                    continue
                relative = (Path(entry) / path.relative_to(source)).as_posix()
                files.append((path, f"{PLUGIN_NAME}/{relative}"))
    ignored = git_ignored([path for path, _ in files], repo)
    files = [(path, name) for path, name in files
             if path.suffix in SHIPPED_BUILD_PRODUCTS or path.resolve() not in ignored]
    return sorted(files, key=lambda item: walk_order(item[1]))


def build(zip_path: Path) -> Path:
    files = plugin_files()
    names = {name for _, name in files}
    missing = [r for r in REQUIRED if f"{PLUGIN_NAME}/{r}" not in names]
    if missing:
        sys.exit(f"Cannot package: missing {', '.join(missing)} in the plugin's sources under {REPO}")
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    partial = zip_path.with_suffix(".zip.partial")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path, name in files:
            archive.write(path, name)
    partial.replace(zip_path)  # never leave a half-written zip that looks complete
    size_mb = zip_path.stat().st_size / 1e6
    print(f"wrote {zip_path} ({len(files)} files, {size_mb:.1f} MB)")
    return zip_path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("zip", nargs="?", default=str(Path("dist") / f"{PLUGIN_NAME}.zip"), help="zip to write")
    parser.add_argument("--release", action="store_true", help="for upload: refuse placeholder metadata")
    parser.add_argument("--metadata", default=str(REPO / "metadata.txt"), help=argparse.SUPPRESS)  # tests only
    arguments = parser.parse_args(argv)
    if arguments.release:
        bad = placeholder_fields(Path(arguments.metadata))
        if bad:
            print(
                f"Refusing to build a release zip: metadata.txt has placeholder or missing {', '.join(bad)} "
                f"(example.org addresses). Put the real addresses in {arguments.metadata}; plugins.qgis.org "
                "rejects placeholders. For a local zip use 'make package'.",
                file=sys.stderr,
            )
            return 2
    build(REPO / arguments.zip)
    return 0


if __name__ == "__main__":
    sys.exit(main())
