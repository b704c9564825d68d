"""The Processing provider ``tuoli_gw`` ("Toli groundwater"): the algorithms it lists, by name.

An algorithm is added by writing its module in ``processing_algs/`` and one import and one entry here
(tests/foundation/test_provider.py checks that every module of ``processing_algs/`` is listed). In the plugin
folder QGIS loads, ``processing_algs/`` is this package's subpackage (scripts/tools/assemble_plugin.py), so it
is imported as one. Nothing here touches ``iface``: qgis_process loads the provider through
``initProcessing()`` only.
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from .metadata import PLUGIN_DIR, plugin_version
from .processing_algs.abstraction_recharge_balance import AbstractionRechargeBalanceAlgorithm
from .processing_algs.allocate_water_rights import AllocateWaterRightsAlgorithm
from .processing_algs.compliance_audit import ComplianceAuditAlgorithm
from .processing_algs.electricity_to_water import ElectricityToWaterAlgorithm
from .processing_algs.import_well_register import ImportWellRegisterAlgorithm
from .processing_algs.permit_decision import PermitDecisionAlgorithm
from .processing_algs.progressive_surcharge import ProgressiveSurchargeAlgorithm
from .processing_algs.reduction_plan import ReductionPlanAlgorithm
from .processing_algs.screen_well_sites import ScreenWellSitesAlgorithm
from .processing_algs.self_supplied_closure_list import SelfSuppliedClosureListAlgorithm
from .processing_algs.supervision_report import SupervisionReportAlgorithm
from .processing_algs.water_level_trend import WaterLevelTrendAlgorithm

PROVIDER_ID = "tuoli_gw"
ALGORITHMS = (
    AbstractionRechargeBalanceAlgorithm,
    AllocateWaterRightsAlgorithm,
    ComplianceAuditAlgorithm,
    ElectricityToWaterAlgorithm,
    ImportWellRegisterAlgorithm,
    PermitDecisionAlgorithm,
    ProgressiveSurchargeAlgorithm,
    ReductionPlanAlgorithm,
    ScreenWellSitesAlgorithm,
    SelfSuppliedClosureListAlgorithm,
    SupervisionReportAlgorithm,
    WaterLevelTrendAlgorithm,
)


def algorithm_classes() -> list[type]:
    """Every algorithm class of the provider, in the order of their names."""
    return list(ALGORITHMS)


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
