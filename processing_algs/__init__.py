"""Processing algorithms of the ``tuoli_gw`` provider, one module each.

Each module defines one subclass of :class:`~.base.TuoliAlgorithm`; the provider finds them by
listing this package, so adding an algorithm is adding a module.
"""
