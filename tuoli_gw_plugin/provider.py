"""The Processing provider ``tuoli_gw`` ("Toli groundwater").

It lists every algorithm module in ``processing_algs`` so adding an algorithm is adding a module.
Nothing here touches ``iface``: qgis_process loads the provider through ``initProcessing()`` only.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from pathlib import Path

from qgis.core import Qgis, QgsMessageLog, QgsProcessingProvider
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from .metadata import PLUGIN_DIR, plugin_version

PROVIDER_ID = "tuoli_gw"


def algorithm_classes() -> list[type]:
    """Every TuoliAlgorithm subclass defined in the processing_algs package, by module name."""
    # processing_algs is a top-level source folder that the plugin folder QGIS loads (assembled by
    # `make`, or unpacked from the zip) holds as this package's subpackage: found at run time, not on disk here.
    processing_algs = importlib.import_module(f"{__package__}.processing_algs")
    base_class = importlib.import_module(f"{processing_algs.__name__}.base").TuoliAlgorithm

    classes = []
    for module_info in sorted(pkgutil.iter_modules(processing_algs.__path__), key=lambda m: m.name):
        if module_info.name.startswith("_") or module_info.name == "base":
            continue
        try:
            module = importlib.import_module(f"{processing_algs.__name__}.{module_info.name}")
        except Exception as exc:  # one broken module must not hide the others
            QgsMessageLog.logMessage(
                f"Could not load algorithm module {module_info.name}: {exc}", "Toli groundwater", Qgis.Critical
            )
            continue
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, base_class) and cls is not base_class and cls.__module__ == module.__name__:
                classes.append(cls)
    return classes


class TuoliGwProvider(QgsProcessingProvider):
    def id(self) -> str:  # noqa: A003
        return PROVIDER_ID

    def name(self) -> str:
        return QCoreApplication.translate("TuoliGwProvider", "Toli groundwater")

    def longName(self) -> str:  # noqa: N802
        return f"{self.name()} {plugin_version()}"

    def versionInfo(self) -> str:  # noqa: N802
        return plugin_version()

    def icon(self) -> QIcon:
        return QIcon(str(Path(PLUGIN_DIR) / "resources" / "icons" / "tuoli_gw.svg"))

    def loadAlgorithms(self) -> None:  # noqa: N802
        for cls in algorithm_classes():
            self.addAlgorithm(cls())
