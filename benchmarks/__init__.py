"""Benchmark harness for tuoli_gw_plugin: synthetic county-to-province loads, each case timed
side by side with what a user would otherwise run. Entry point: ``python -m benchmarks.run``
(``make bench``); ``BENCH_QUICK=1`` runs small sizes for a quick check. Not a test suite.
"""

import sys
from pathlib import Path


def _import_plugin_as_qgis_does() -> None:
    """``python -m benchmarks.…`` puts the repository top first on sys.path, where the bare package folder
    lacks processing_algs/ and resources/: put the assembled plugin folder ahead of it."""
    sys.path.append(str(Path(__file__).resolve().parents[1] / "scripts" / "tools"))
    from assemble_plugin import import_assembled_plugin

    import_assembled_plugin()


_import_plugin_as_qgis_does()
