"""Where the abstraction-against-allowable chart used to live; it is drawn by :mod:`.plotting.charts`.

Kept as an import path only, for the balance algorithm that imports ``engine.charts.balance_chart``.
"""

from .plotting.charts import balance_chart

__all__ = ["balance_chart"]
