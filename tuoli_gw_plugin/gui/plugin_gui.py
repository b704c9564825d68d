"""Toolbar and menu actions of the plugin in QGIS desktop.

Kept apart from ``plugin.py`` so that nothing on the qgis_process path imports widgets.
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import Qgis, QgsProject
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction

MENU = "&Toli groundwater"


def tr(text: str) -> str:
    return QCoreApplication.translate("TuoliGwPlugin", text)


class PluginGui:
    def __init__(self, iface, plugin_dir: Path) -> None:
        self.iface = iface
        self.plugin_dir = Path(plugin_dir)
        self.actions: list[QAction] = []
        self.toolbar = None
        self.site_checker = None

    def icon(self, name: str) -> QIcon:
        return QIcon(str(self.plugin_dir / "resources" / "icons" / name))

    def setup(self) -> None:
        self.toolbar = self.iface.addToolBar(tr("Toli groundwater"))
        self.toolbar.setObjectName("TuoliGwToolbar")
        self.add_action(self.check_site_action(), toolbar=True)
        sample_action = QAction(self.icon("sample_project.svg"), tr("Load Toli sample project"), self.iface.mainWindow())
        sample_action.triggered.connect(self.load_sample_project)
        self.add_action(sample_action, toolbar=True)

    def check_site_action(self) -> QAction:
        """The "Check well site" map tool, or, without the engine's packages, a button that says what to install."""
        from ..dependencies import CHECK_SITE, missing_dependencies_short

        if not missing_dependencies_short(CHECK_SITE):
            try:
                from .site_checker import SiteChecker

                self.site_checker = SiteChecker(self.iface, self.plugin_dir)
                return self.site_checker.action(self.iface.mainWindow())
            except ImportError:  # a package that imports but is broken: handled like a missing one below
                self.site_checker = None
        action = QAction(self.icon("check_site.svg"), tr("Check well site (Python packages missing)"), self.iface.mainWindow())
        action.setObjectName("TuoliGwCheckSiteMissingPackages")
        action.setToolTip(
            tr("Check well site needs Python packages that are not installed.")
            + "\n" + (missing_dependencies_short(CHECK_SITE) or tr("A Python package of the engine fails to import."))
            + "\n" + tr("Click for how to install them.")
        )
        action.triggered.connect(self.show_missing_packages)
        return action

    def show_missing_packages(self) -> None:
        from ..dependencies import CHECK_SITE, missing_dependencies_message

        message = missing_dependencies_message(CHECK_SITE) or missing_dependencies_message()
        self.iface.messageBar().pushMessage(tr("Check well site"), message, Qgis.Warning, 0)

    def add_action(self, action: QAction, *, toolbar: bool) -> None:
        self.iface.addPluginToMenu(MENU, action)
        if toolbar and self.toolbar is not None:
            self.toolbar.addAction(action)
        self.actions.append(action)

    def load_sample_project(self) -> None:
        project_path = self.plugin_dir / "sample_layers" / "toli_sample.qgz"
        if not project_path.is_file():
            self.iface.messageBar().pushWarning(tr("Toli groundwater"), tr("The sample project is missing: ") + str(project_path))
            return
        QgsProject.instance().read(str(project_path))

    def teardown(self) -> None:
        if self.site_checker is not None:
            self.site_checker.teardown()
            self.site_checker = None
        for action in self.actions:
            self.iface.removePluginMenu(MENU, action)
            if self.toolbar is not None:
                self.toolbar.removeAction(action)
        self.actions.clear()
        if self.toolbar is not None:
            self.toolbar.deleteLater()
            self.toolbar = None
