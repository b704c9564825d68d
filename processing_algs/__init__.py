"""Processing algorithms of the ``tuoli_gw`` provider, one module each.

Each module defines one subclass of :class:`~.base.TuoliAlgorithm`; the provider finds them by
listing this package, so adding an algorithm is adding a module. Modules whose name starts with
``_`` are shared parts, not algorithms: ``_declarations`` (one line per parameter and output),
``_screening_common`` (the supply-coverage inputs), ``_dialog_defaults`` (the layers a dialog opens with).
"""
