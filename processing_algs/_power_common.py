"""Shared parts of the item-16 / compliance algorithms (electricity_to_water, compliance_audit).

``TuoliAlgorithm`` asks subclasses for ``run(parameters, context, feedback)``, but that name shadows
``QgsProcessingAlgorithm.run``, which ``processing.run`` calls from Python with other arguments.
These algorithms therefore implement ``compute`` and this class routes ``processAlgorithm`` to it,
keeping the base's behaviour (dependency check, engine errors shown as plain messages) and leaving
QGIS's ``run`` in place (restored below). Drop it once base.py's hook has its own name.
"""

from __future__ import annotations

import re
from typing import Any

from qgis.core import QgsProcessingAlgorithm, QgsProcessingException

from ..dependencies import missing_dependencies_message
from .base import TuoliAlgorithm


class PowerAlgorithm(TuoliAlgorithm):
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        message = missing_dependencies_message()
        if message:
            raise QgsProcessingException(message)
        from ..engine.errors import EngineInputError

        try:
            return self.compute(parameters, context, feedback)
        except EngineInputError as error:
            raise QgsProcessingException(str(error)) from None

    def run(self, parameters, context, feedback, *args):
        """QGIS's own run (what processing.run calls), not the base's hook of the same name."""
        return QgsProcessingAlgorithm.run(self, parameters, context, feedback, *args)

    def compute(self, parameters: dict[str, Any], context, feedback) -> dict[str, Any]:
        raise NotImplementedError


def layer_label(parameters: dict[str, Any], key: str, source, fallback: str) -> str:
    """The name users know a layer by, for messages: the GeoPackage layer name when one is given."""
    raw = parameters.get(key)
    text = raw if isinstance(raw, str) else ""
    if not text and hasattr(raw, "source"):
        try:
            text = raw.source()
        except TypeError:
            text = ""
    match = re.search(r"layername=([^|]+)", text or "")
    if match:
        return match.group(1)
    return (source.sourceName() if source is not None else "") or fallback
