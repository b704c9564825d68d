"""Processing algorithms of the ``tuoli_gw`` provider, one module each.

Each module defines one subclass of :class:`~.base.TuoliAlgorithm`, imported and listed by name in the
provider (``tuoli_gw_plugin/provider.py``): adding an algorithm is adding a module and its line there. Modules
whose name starts with ``_`` are shared parts, not algorithms: ``_declarations`` (one line per parameter and
output), ``_screening_common`` (the supply-coverage inputs), ``_dialog_defaults`` (the layers a dialog opens
with).
"""
