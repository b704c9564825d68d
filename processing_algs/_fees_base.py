"""Shared base of the fee and water-rights algorithms (progressive_surcharge, allocate_water_rights).

Subclasses implement ``compute`` (the base class's hook).
"""

from __future__ import annotations

from .base import TuoliAlgorithm


class FeesAlgorithm(TuoliAlgorithm):
    """The fee and water-rights algorithms (kept as a group for shared helpers)."""
