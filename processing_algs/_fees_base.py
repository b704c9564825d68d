"""Shared base of the fee and water-rights algorithms (progressive_surcharge, allocate_water_rights).

Subclasses implement ``compute`` (the base class's hook); this adds how messages name an input.
"""

from __future__ import annotations

from typing import Any

from .base import TuoliAlgorithm


class FeesAlgorithm(TuoliAlgorithm):
    """TuoliAlgorithm plus :meth:`layer_label`."""

    def layer_label(self, parameters: dict[str, Any], key: str, source) -> str:
        """How messages name an input: the GeoPackage layer name rather than the file name."""
        value = parameters.get(key)
        if hasattr(value, "name") and callable(value.name):  # a QgsMapLayer passed directly
            return value.name()
        text = str(value or "")
        if "layername=" in text:
            return text.split("layername=", 1)[1].split("|", 1)[0]
        return source.sourceName() or key.lower()
