"""The plugin class QGIS instantiates: provider registration and the desktop GUI.

qgis_process calls ``initProcessing()`` only, so it registers the provider and nothing else; the
desktop calls ``initGui()``, which adds the toolbar, the "Check well site" map tool and the
"Load Toli sample project" action. Only ``initGui`` and later touch ``iface``.
"""

from __future__ import annotations

from qgis.core import QgsApplication

from .metadata import PLUGIN_DIR


class TuoliGwPlugin:
    def __init__(self, iface) -> None:
        self.iface = iface
        self.provider = None
        self.gui = None

    def initProcessing(self) -> None:  # noqa: N802
        if self.provider is not None:
            return
        from .i18n import install_translator
        from .provider import TuoliGwProvider

        install_translator()
        self.provider = TuoliGwProvider()
        QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self) -> None:  # noqa: N802
        self.initProcessing()
        from .gui.plugin_gui import PluginGui

        self.gui = PluginGui(self.iface, PLUGIN_DIR)
        self.gui.setup()

    def unload(self) -> None:
        if self.gui is not None:
            self.gui.teardown()
            self.gui = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
