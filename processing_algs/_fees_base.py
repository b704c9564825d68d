"""Shared base of the fee and water-rights algorithms (progressive_surcharge, allocate_water_rights).

``TuoliAlgorithm`` asks subclasses for ``run(parameters, context, feedback)``, but that name shadows
``QgsProcessingAlgorithm.run``, which ``processing.run`` calls from Python with five arguments and
whose answer it expects as ``(results, ok)``. This base tells the two callers apart: inside
``processAlgorithm`` ``run`` is the base's hook and goes to ``compute``; otherwise it is QGIS's and
goes to the C++ ``run``. Remove it once base.py's hook has a name of its own.
"""

from __future__ import annotations

from typing import Any

from qgis.core import QgsProcessingAlgorithm

from .base import TuoliAlgorithm


class FeesAlgorithm(TuoliAlgorithm):
    """Subclasses implement ``compute(parameters, context, feedback)``."""

    _inside_process_algorithm = False

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        self._inside_process_algorithm = True
        try:
            return super().processAlgorithm(parameters, context, feedback)
        finally:
            self._inside_process_algorithm = False

    def run(self, parameters, context, feedback, *args):
        if self._inside_process_algorithm:
            return self.compute(parameters, context, feedback)
        return QgsProcessingAlgorithm.run(self, parameters, context, feedback, *args)

    def compute(self, parameters, context, feedback) -> dict[str, Any]:
        raise NotImplementedError

    def layer_label(self, parameters: dict[str, Any], key: str, source) -> str:
        """How messages name an input: the GeoPackage layer name rather than the file name."""
        value = parameters.get(key)
        if hasattr(value, "name") and callable(value.name):  # a QgsMapLayer passed directly
            return value.name()
        text = str(value or "")
        if "layername=" in text:
            return text.split("layername=", 1)[1].split("|", 1)[0]
        return source.sourceName() or key.lower()
