"""Shared parts of the item-16 / compliance algorithms (electricity_to_water, compliance_audit)."""

from __future__ import annotations

from .base import TuoliAlgorithm


class PowerAlgorithm(TuoliAlgorithm):
    """The well-electricity and audit algorithms (kept as a group for shared helpers)."""
