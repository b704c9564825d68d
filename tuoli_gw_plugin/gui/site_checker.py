"""The "Check well site" map tool and its panel, for permit reviewers.

The reviewer clicks the map; the panel shows at once the verdict, the reasons, the legal basis,
the distance to the nearest public supply pipe, the zone and the township. The verdict comes from
the same engine as ``tuoli_gw:screen_well_sites``: layers are converted and indexed once (when
picked or edited), so a click only runs a point query.
"""

from __future__ import annotations

import html
import time
from pathlib import Path

from qgis.core import (
    QgsFieldProxyModel,
    QgsMapLayerProxyModel,
    QgsPointXY,
    QgsProject,
    QgsSettings,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.gui import (
    QgsDoubleSpinBox,
    QgsFieldComboBox,
    QgsMapLayerComboBox,
    QgsMapToolEmitPoint,
    QgsVertexMarker,
)
from qgis.PyQt.QtCore import QCoreApplication, Qt, pyqtSignal
from qgis.PyQt.QtGui import QColor, QIcon
from qgis.PyQt.QtWidgets import (
    QAction,
    QComboBox,
    QDockWidget,
    QFormLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..engine.core.messages import code_word
from ..engine.core.rules import load_rules
from ..engine.plotting.style import VERDICT_COLOURS
from ..i18n import interface_language
from ..qgis_io.frames import source_to_frame

# Names of the sample layers (and common variants), tried first to pick layers automatically.
LAYER_NAME_HINTS = {
    "zones": ("overextraction_zones", "over_extraction_zones", "超采区", "zones"),
    "pipes": ("supply_pipes", "供水管网", "pipes"),
    "areas": ("supply_areas", "供水覆盖范围", "supply_coverage"),
    "townships": ("townships", "乡镇", "township"),
}
# Field names (sample first, then common variants) that identify a layer's role and fill the field pickers.
FIELD_HINTS = {
    "zone_grade": ("grade", "zone_grade", "超采等级", "等级"),
    "zone_name": ("zone_name", "name", "名称", "超采区名称"),
    "township_name": ("name_zh", "township", "乡镇", "乡镇名称", "name"),
    "remaining": ("remaining_m3", "remaining", "剩余水量"),
}
# A layer with none of the sample names is taken for a role only when it has the role's fields:
# never "the first polygon layer" (farmland parcels are not zones).
LAYER_FIELD_HINTS = {"zones": ("zone_grade",), "townships": ("township_name", "remaining")}
ERROR_COLOUR = "#922b21"
# Where 'Write permit decision' writes (QgsSettings key) and its default, a folder under the home directory.
PERMIT_FOLDER_KEY = "tuoli_gw/permit_decision_folder"
DEFAULT_PERMIT_FOLDER = Path.home() / "tuoli_gw_permit_decisions"
EXISTING_WELL_HINTS = ("wells", "机电井", "取水井", "existing_wells")


def tr(text: str) -> str:
    return QCoreApplication.translate("SiteChecker", text)


def verdict_word(verdict: str) -> str:
    """The verdict in the interface language, from the engine's catalogue (the codes stay English in layers and results)."""
    return code_word("verdict", verdict, interface_language())


def reason_words(codes: str | None) -> str:
    """Reason codes as the engine's words in the interface language; an English reader also sees each code, as in the
    output layer (a Chinese reader sees words only)."""
    language = interface_language()
    parts = [code.strip() for code in (codes or "").split(";") if code.strip()]
    if language == "zh":
        return "；".join(code_word("reason", code, language) for code in parts)
    return "; ".join(f"{word} ({code})" if (word := code_word("reason", code, language)) != code else code for code in parts)


def _geometry_of(geometry_filter) -> int:
    return QgsWkbTypes.LineGeometry if geometry_filter == QgsMapLayerProxyModel.LineLayer else QgsWkbTypes.PolygonGeometry


def _project_layers(geometry_filter) -> list[QgsVectorLayer]:
    return [
        layer
        for layer in QgsProject.instance().mapLayers().values()
        if isinstance(layer, QgsVectorLayer) and layer.isValid() and layer.geometryType() == _geometry_of(geometry_filter)
    ]


def find_field(layer: QgsVectorLayer | None, hints: tuple[str, ...]) -> str | None:
    """The layer's field matching the first hint that matches (case-insensitive), or None."""
    if layer is None:
        return None
    names = {name.lower(): name for name in layer.fields().names()}
    for hint in hints:
        if hint.lower() in names:
            return names[hint.lower()]
    return None


def find_layer(kind: str, geometry_filter, taken: tuple[QgsVectorLayer, ...] = ()) -> QgsVectorLayer | None:
    """The project layer for ``kind``: by its sample name first, else by the fields that role needs."""
    layers = [layer for layer in _project_layers(geometry_filter) if layer not in taken]
    for hint in LAYER_NAME_HINTS[kind]:
        for layer in layers:
            source_name = layer.source().split("layername=")[-1].split("|")[0]
            if hint.lower() in (layer.name().lower(), source_name.lower()):
                return layer
    field_kinds = LAYER_FIELD_HINTS.get(kind)
    if field_kinds:
        for layer in layers:
            if all(find_field(layer, FIELD_HINTS[field_kind]) for field_kind in field_kinds):
                return layer
    return None


class SiteCheckPanel(QWidget):
    """Layer and field pickers, coverage distance and the verdict of the last click."""

    settings_changed = pyqtSignal()  # layers, fields, coverage distance: the layers are prepared again
    site_inputs_changed = pyqtSignal()  # the kind of well or the requested volume: the last site is checked again

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("TuoliGwSiteCheckPanel")
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.zones_combo = self._layer_combo(QgsMapLayerProxyModel.PolygonLayer)
        self.grade_field_combo = self._field_combo(self.zones_combo, "zone_grade", allow_empty=False)
        self.zone_name_field_combo = self._field_combo(self.zones_combo, "zone_name", allow_empty=True)
        self.pipes_combo = self._layer_combo(QgsMapLayerProxyModel.LineLayer)
        self.areas_combo = self._layer_combo(QgsMapLayerProxyModel.PolygonLayer)
        self.townships_combo = self._layer_combo(QgsMapLayerProxyModel.PolygonLayer)
        self.township_name_field_combo = self._field_combo(self.townships_combo, "township_name", allow_empty=False)
        self.remaining_field_combo = self._field_combo(self.townships_combo, "remaining", allow_empty=True)
        self.remaining_field_combo.setFilters(QgsFieldProxyModel.Numeric)
        self.distance_spin = QgsDoubleSpinBox()
        self.distance_spin.setRange(0, 100000)
        self.distance_spin.setDecimals(0)
        self.distance_spin.setSuffix(" m")
        self.distance_spin.valueChanged.connect(self.settings_changed)
        self.use_combo = QComboBox()
        # Item 13 bans new self-supplied wells only, so the kind of well decides inside supply coverage: the uses and
        # whether each is a 自备井 come from the rules file's lists, as every other tool reads them.
        self.fill_uses(load_rules())
        self.use_combo.currentIndexChanged.connect(self.site_inputs_changed)
        # The requested volume: compared with the township's remaining quota (item 8) when given, and the Theis rate of
        # 'Write permit decision'. 0 shows 'not given': the site is then screened without it, and the panel says so.
        self.requested_spin = QgsDoubleSpinBox()
        self.requested_spin.setRange(0, 100_000_000)
        self.requested_spin.setDecimals(0)
        self.requested_spin.setSuffix(" m³/a")
        self.requested_spin.setSpecialValueText(tr("not given"))
        self.requested_spin.setClearValue(0)
        self.requested_spin.setValue(0)
        self.requested_spin.valueChanged.connect(self.site_inputs_changed)
        self.existing_wells_combo = QgsMapLayerComboBox()
        self.existing_wells_combo.setFilters(QgsMapLayerProxyModel.PointLayer)
        self.existing_wells_combo.setAllowEmptyLayer(True)
        self.existing_wells_combo.setLayer(None)
        form.addRow(tr("Over-extraction zones"), self.zones_combo)
        form.addRow(tr("Zone grade field"), self.grade_field_combo)
        form.addRow(tr("Zone name field"), self.zone_name_field_combo)
        form.addRow(tr("Supply pipes"), self.pipes_combo)
        form.addRow(tr("Coverage distance"), self.distance_spin)
        form.addRow(tr("Supply areas"), self.areas_combo)
        form.addRow(tr("Townships (red line)"), self.townships_combo)
        form.addRow(tr("Township name field"), self.township_name_field_combo)
        form.addRow(tr("Remaining quota field (m³)"), self.remaining_field_combo)
        form.addRow(tr("Proposed use"), self.use_combo)
        form.addRow(tr("Requested volume"), self.requested_spin)
        form.addRow(tr("Existing wells (interference)"), self.existing_wells_combo)
        layout.addLayout(form)
        self.verdict_label = QLabel()
        self.verdict_label.setObjectName("verdict")
        self.verdict_label.setTextFormat(Qt.TextFormat.RichText)  # always rich text, so escaped entities render as characters
        self.verdict_label.setWordWrap(True)
        layout.addWidget(self.verdict_label)
        self.details = QTextBrowser()
        self.details.setObjectName("details")
        self.details.setLineWrapMode(QTextBrowser.LineWrapMode.WidgetWidth)
        layout.addWidget(self.details, 1)
        self.write_button = QPushButton(tr("Write permit decision"))
        self.write_button.setObjectName("write_permit_decision")
        self.write_button.setToolTip(tr("Write the decision document (PDF and HTML) for the last clicked site"))
        layout.addWidget(self.write_button)
        self.written_label = QLabel()
        self.written_label.setObjectName("written")
        self.written_label.setTextFormat(Qt.TextFormat.RichText)
        self.written_label.setWordWrap(True)
        self.written_label.setOpenExternalLinks(True)
        layout.addWidget(self.written_label)
        self.last_result: dict | None = None
        self.reset()

    def fill_uses(self, rules) -> None:
        """The kinds of well a reviewer can choose: each use code the rules file's screening.well_types lists, said in
        words with whether it is a 自备井 by those lists (irrigation is not, unless the county's rules say so)."""
        from ..engine.screening.well_kind import USE_CODES, kind_words, use_words, well_type_words

        language = interface_language()
        kinds = well_type_words(rules)
        self.use_combo.clear()
        for use in USE_CODES:
            if use in kinds and use != "self_supplied":
                self.use_combo.addItem(f"{use_words(use, language)} — {kind_words(kinds[use], language)}", use)
        self.use_combo.addItem(tr("kind not known"), None)

    def requested_m3(self) -> float | None:
        """The requested volume the reviewer gave, or None ('not given')."""
        value = float(self.requested_spin.value())
        return value if value > 0 else None

    def _layer_combo(self, geometry_filter) -> QgsMapLayerComboBox:
        combo = QgsMapLayerComboBox()
        combo.setFilters(geometry_filter)
        combo.setAllowEmptyLayer(True)  # empty rather than a guessed layer
        combo.setLayer(None)
        combo.layerChanged.connect(self.settings_changed)
        return combo

    def _field_combo(self, layer_combo: QgsMapLayerComboBox, kind: str, *, allow_empty: bool) -> QgsFieldComboBox:
        combo = QgsFieldComboBox()
        combo.setAllowEmptyFieldName(True)  # a required field left empty is reported, not guessed
        combo.setProperty("required", not allow_empty)

        def follow_layer(layer) -> None:
            combo.setLayer(layer)
            combo.setField(find_field(layer, FIELD_HINTS[kind]) or "")

        layer_combo.layerChanged.connect(follow_layer)
        combo.fieldChanged.connect(self.settings_changed)
        return combo

    def pick_layers_from_project(self) -> None:
        """Choose each layer by its sample name or, failing that, by the fields its role needs."""
        taken: list[QgsVectorLayer] = []
        for key, combo, geometry_filter in (
            ("zones", self.zones_combo, QgsMapLayerProxyModel.PolygonLayer),
            ("townships", self.townships_combo, QgsMapLayerProxyModel.PolygonLayer),
            ("areas", self.areas_combo, QgsMapLayerProxyModel.PolygonLayer),
            ("pipes", self.pipes_combo, QgsMapLayerProxyModel.LineLayer),
        ):
            layer = find_layer(key, geometry_filter, tuple(taken))
            combo.setLayer(layer)
            if layer is not None:
                taken.append(layer)
        if self.existing_wells_combo.currentLayer() is None:
            points = [layer for layer in QgsProject.instance().mapLayers().values()
                      if isinstance(layer, QgsVectorLayer) and layer.isValid() and layer.geometryType() == QgsWkbTypes.PointGeometry]
            for hint in EXISTING_WELL_HINTS:
                chosen = [layer for layer in points if hint.lower() in (layer.name().lower(),
                                                                     layer.source().split("layername=")[-1].split("|")[0].lower())]
                if chosen:
                    self.existing_wells_combo.setLayer(chosen[0])
                    break
        if self.zones_combo.currentLayer() is None:
            self.show_message(
                tr("No over-extraction zones layer was found"),
                tr("No layer is named like the sample's zones or has a zone grade field (grade / 超采等级). "
                   "Pick the over-extraction zones layer and its grade field above."),
            )
        else:
            self.reset()

    def reset(self) -> None:
        """Forget the last verdict (a new project, new layers)."""
        self.last_result = None
        self.verdict_label.setText(html.escape(tr("Click the map to check a well site.")))
        self.details.clear()
        self.write_button.setEnabled(False)

    def show_message(self, title: str, text: str = "") -> None:
        """A problem in words: the title bold in the label, the explanation wrapped below it."""
        self.last_result = None
        self.write_button.setEnabled(False)
        self.verdict_label.setText(f'<span style="font-weight:bold; color:{ERROR_COLOUR}">{html.escape(title)}</span>')
        self.details.setHtml(f"<p>{html.escape(text)}</p>" if text else "")

    def show_result(self, result: dict, elapsed_ms: float) -> None:
        self.last_result = result
        self.write_button.setEnabled(True)
        self.written_label.clear()
        verdict = verdict_word(result["verdict"]) if result.get("verdict") else tr("no verdict")
        colour = VERDICT_COLOURS.get(result.get("verdict") or "", "#555555")
        self.verdict_label.setText(
            f'<span style="font-size:15pt; font-weight:bold; color:{colour}">{html.escape(verdict.upper())}</span>'
        )
        from ..engine.documents.permit_document import zone_words
        from ..engine.screening.well_kind import kind_words

        language = interface_language()
        distance = result.get("supply_distance_m")
        requested = result.get("requested_m3")
        rows = [
            (tr("Reasons"), reason_words(result.get("reasons")) or "—"),
            (tr("Legal basis"), result.get("basis") or "—"),
            (tr("Kind of well (item 13)"), kind_words(result.get("well_type"), language)),
            (tr("Requested volume"), tr("{volume} m³/a, compared with the township's remaining quota (item 8)").format(
                volume=f"{requested:,.0f}") if requested else tr("not given: not compared with the township's remaining quota (item 8)")),
            (tr("Nearest supply pipe"), "—" if distance is None else f"{distance:,.1f} m"),
            (tr("In supply coverage"), tr("yes") if result.get("in_supply_coverage") else tr("no")),
            (tr("Zone"), zone_words(result.get("zone_name"), result.get("zone_grade"), language)),
            (tr("Township"), result.get("township") or "—"),
            (tr("Checked in"), f"{elapsed_ms:.1f} ms"),
        ]
        self.details.setHtml(
            "<table cellpadding='3'>"
            + "".join(f"<tr><td valign='top'><b>{html.escape(k)}</b></td><td>{html.escape(str(v))}</td></tr>" for k, v in rows)
            + "</table>"
        )


class SiteCheckError(Exception):
    """A problem with the panel's choices, already in the user's language: a title and what to do."""

    def __init__(self, title: str, text: str) -> None:
        super().__init__(f"{title}: {text}")
        self.title = title
        self.text = text


class SiteCheckTool(QgsMapToolEmitPoint):
    """Map tool: each click is handed to the checker."""

    def __init__(self, canvas, checker: SiteChecker) -> None:
        super().__init__(canvas)
        self.checker = checker
        self.canvasClicked.connect(self._clicked)

    def _clicked(self, point: QgsPointXY, _button) -> None:
        self.checker.check_point(point)


class SiteChecker:
    """Owns the map tool, the dock panel and the prepared (indexed) screening layers."""

    def __init__(self, iface, plugin_dir: Path, *, canvas=None, parent=None) -> None:
        self.iface = iface
        self.canvas = canvas if canvas is not None else iface.mapCanvas()
        self.plugin_dir = Path(plugin_dir)
        self.panel = SiteCheckPanel(parent)
        self.dock: QDockWidget | None = None
        self.tool = SiteCheckTool(self.canvas, self)
        self.marker: QgsVertexMarker | None = None
        self._prepared = None
        self._watched_layers: list[QgsVectorLayer] = []
        self._action: QAction | None = None
        self.panel.settings_changed.connect(self.invalidate)
        # The verdict shown is always the one of the kind and volume now in the panel, as the decision will be written.
        self.panel.site_inputs_changed.connect(self.recheck)
        self.panel.write_button.clicked.connect(self.write_permit_decision)
        self._last_point: QgsPointXY | None = None
        default_distance = self.default_coverage_distance()
        self.panel.distance_spin.setClearValue(default_distance)
        self.panel.distance_spin.setValue(default_distance)
        QgsProject.instance().readProject.connect(self._project_loaded)
        QgsProject.instance().cleared.connect(self._project_cleared)
        QgsProject.instance().layersAdded.connect(self._layers_added)
        QgsProject.instance().layersWillBeRemoved.connect(self._layers_removed)

    @staticmethod
    def default_coverage_distance() -> float:
        return load_rules().value("screening", "default_coverage_distance_m")

    # -- desktop wiring ------------------------------------------------------------------------
    def action(self, parent) -> QAction:
        self._action = QAction(QIcon(str(self.plugin_dir / "resources" / "icons" / "check_site.svg")), tr("Check well site"), parent)
        self._action.setCheckable(True)
        self._action.toggled.connect(self._toggled)
        self.tool.setAction(self._action)
        return self._action

    def _toggled(self, checked: bool) -> None:
        if checked:
            self.activate()
        elif self.canvas.mapTool() is self.tool:
            self.canvas.unsetMapTool(self.tool)

    def activate(self) -> None:
        if self.iface is not None and self.dock is None:
            self.dock = QDockWidget(tr("Check well site"), self.iface.mainWindow())
            self.dock.setObjectName("TuoliGwSiteCheckDock")
            self.dock.setWidget(self.panel)
            self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        if self.dock is not None:
            self.dock.show()
        if self.panel.zones_combo.currentLayer() is None:
            self.panel.pick_layers_from_project()
        self.canvas.setMapTool(self.tool)

    def teardown(self) -> None:
        for signal, slot in (
            (QgsProject.instance().readProject, self._project_loaded),
            (QgsProject.instance().cleared, self._project_cleared),
            (QgsProject.instance().layersAdded, self._layers_added),
            (QgsProject.instance().layersWillBeRemoved, self._layers_removed),
        ):
            try:
                signal.disconnect(slot)
            except TypeError:
                pass
        if self.canvas.mapTool() is self.tool:
            self.canvas.unsetMapTool(self.tool)
        self._remove_marker()
        if self.dock is not None and self.iface is not None:
            self.iface.removeDockWidget(self.dock)
            self.dock.deleteLater()
            self.dock = None

    def _project_loaded(self, *_args) -> None:
        self._forget_last_check()
        self.panel.pick_layers_from_project()

    def _project_cleared(self) -> None:
        # A verdict and a marker from the previous project must not pass for one on the new project.
        self._forget_last_check()

    def _forget_last_check(self) -> None:
        self._remove_marker()
        self._watch([])
        self.invalidate()
        self.panel.reset()

    def _layers_added(self, _layers) -> None:
        if self.panel.zones_combo.currentLayer() is None:
            self.panel.pick_layers_from_project()

    def _layers_removed(self, _layer_ids) -> None:
        self._watch([])
        self.invalidate()

    # -- preparation (once per layer choice or edit) -------------------------------------------
    def invalidate(self, *_args) -> None:
        self._prepared = None

    def _watch(self, layers: list[QgsVectorLayer]) -> None:
        for layer in self._watched_layers:
            try:
                layer.dataChanged.disconnect(self.invalidate)
            except (TypeError, RuntimeError):
                pass
        self._watched_layers = layers
        for layer in layers:
            layer.dataChanged.connect(self.invalidate)

    def prepared(self):
        """The indexed screening layers; built on first use after any change."""
        if self._prepared is not None:
            return self._prepared
        from ..engine.screening.well_sites import prepare_screening

        panel = self.panel
        zones_layer = panel.zones_combo.currentLayer()
        pipes_layer = panel.pipes_combo.currentLayer()
        areas_layer = panel.areas_combo.currentLayer()
        townships_layer = panel.townships_combo.currentLayer()
        if zones_layer is None:
            raise SiteCheckError(tr("No over-extraction zones layer"), tr("Pick the over-extraction zones layer in the panel."))
        if pipes_layer is None and areas_layer is None:
            raise SiteCheckError(tr("No supply layer"), tr("Pick a supply pipes layer or a supply areas layer in the panel."))
        grade_field = panel.grade_field_combo.currentField()
        if not grade_field:
            raise SiteCheckError(
                tr("Choose the zone grade field"),
                tr("Layer '{layer}' needs a field with the zone grade (severe / general, 严重 / 一般): choose it in "
                   "the panel's 'Zone grade field'.").format(layer=zones_layer.name()),
            )
        township_name_field = panel.township_name_field_combo.currentField()
        if townships_layer is not None and not township_name_field:
            raise SiteCheckError(
                tr("Choose the township name field"),
                tr("Layer '{layer}' needs a field with the township name: choose it in the panel's "
                   "'Township name field'.").format(layer=townships_layer.name()),
            )
        for layer in (zones_layer, pipes_layer, areas_layer, townships_layer):
            if layer is not None and not layer.crs().isValid():
                raise SiteCheckError(
                    tr("A layer has no coordinate reference system"),
                    tr("Layer '{layer}' has no CRS, so distances cannot be measured: set it in Layer Properties ▸ Source.").format(
                        layer=layer.name()
                    ),
                )

        def frame(layer):
            return None if layer is None else source_to_frame(layer, layer.name())

        self._prepared = prepare_screening(
            frame(zones_layer),
            grade_field=grade_field,
            name_field=panel.zone_name_field_combo.currentField() or None,
            pipes=frame(pipes_layer),
            supply_areas=frame(areas_layer),
            coverage_distance_m=panel.distance_spin.value() if pipes_layer is not None else None,
            townships=frame(townships_layer),
            township_name_field=township_name_field or "name_zh",
            remaining_field=panel.remaining_field_combo.currentField() or None,
            rules=load_rules(),
            layer_names={
                "zones": zones_layer.name(),
                "pipes": pipes_layer.name() if pipes_layer else "",
                "areas": areas_layer.name() if areas_layer else "",
                "townships": townships_layer.name() if townships_layer else "",
            },
        )
        self._watch([layer for layer in (zones_layer, pipes_layer, areas_layer, townships_layer) if layer is not None])
        return self._prepared

    # -- a click --------------------------------------------------------------------------------
    def recheck(self, *_args) -> None:
        """Check the last site again (the reviewer changed the kind of well or the requested volume)."""
        if self._last_point is not None and self.panel.last_result is not None:
            self.check_point(self._last_point)

    def check_point(self, point: QgsPointXY) -> dict | None:
        from ..engine.core.errors import EngineInputError
        from ..engine.core.messages import speaking
        from ..engine.screening.well_sites import screen_point
        from ..qgis_io.frames import crs_to_pyproj_text

        started = time.perf_counter()
        try:
            # The engine's messages (a layer it cannot use, a CRS it cannot read) in the interface language.
            with speaking(interface_language()):
                prepared = self.prepared()
                crs_text = crs_to_pyproj_text(self.canvas.mapSettings().destinationCrs(), tr("map canvas"))
                requested = self.panel.requested_m3()
                result = screen_point(
                    prepared, point.x(), point.y(), crs_text, use=self.panel.use_combo.currentData(), language=interface_language(),
                    requested_m3=requested,
                )
                result["requested_m3"] = requested
        except SiteCheckError as error:
            self._remove_marker()
            self.panel.show_message(error.title, error.text)
            return None
        except (EngineInputError, ValueError) as error:
            # A title from the panel, the engine's details (in the interface language) below.
            self._remove_marker()
            self.panel.show_message(tr("The layers cannot be screened"), str(error))
            return None
        except Exception as error:  # noqa: BLE001 - the QgsProcessingException of a CRS-less canvas
            self._remove_marker()
            self.panel.show_message(tr("The site cannot be checked"), str(error))
            return None
        elapsed_ms = (time.perf_counter() - started) * 1000.0
        self._last_point = QgsPointXY(point)
        self.panel.show_result(result, elapsed_ms)
        self._mark(point, result.get("verdict"))
        return result

    # -- the decision document for the last click ----------------------------------------------
    @staticmethod
    def permit_folder() -> Path:
        """The folder 'Write permit decision' writes into (QgsSettings key PERMIT_FOLDER_KEY)."""
        return Path(str(QgsSettings().value(PERMIT_FOLDER_KEY, str(DEFAULT_PERMIT_FOLDER))))

    def write_permit_decision(self) -> Path | None:
        """Write the decision (PDF and HTML) for the last clicked site; announce it in the panel. Returns the PDF path."""
        from ..engine.core.errors import EngineInputError

        if self._last_point is None or self.panel.last_result is None:
            self.panel.show_message(tr("No site checked yet"), tr("Click the map first, then write the decision for that site."))
            return None
        if self.panel.requested_m3() is None:
            self.panel.show_message(
                tr("No requested volume"),
                tr("Give the requested annual volume (m³/a) in the panel: the decision compares it with the township's remaining "
                   "quota (item 8) and computes the drawdown from it. Then click the site again."),
            )
            return None
        try:
            pdf = self._write_decision(self._last_point)
        except SiteCheckError as error:
            self.panel.show_message(error.title, error.text)
            return None
        except (EngineInputError, ValueError, OSError) as error:
            self.panel.show_message(tr("The decision could not be written"), str(error))
            return None
        except Exception as error:  # noqa: BLE001 - e.g. the printer's QgsProcessingException (no CJK font)
            self.panel.show_message(tr("The decision could not be written"), str(error))
            return None
        link = html.escape(pdf.as_uri())
        self.panel.written_label.setText(
            html.escape(tr("Decision written:")) + f' <a href="{link}">{html.escape(str(pdf))}</a>'
        )
        if self.iface is not None:
            from qgis.core import Qgis
            from qgis.PyQt.QtCore import QUrl
            from qgis.PyQt.QtGui import QDesktopServices

            self.iface.messageBar().pushMessage(tr("Check well site"), tr("Decision written: {path}").format(path=pdf), Qgis.Success, 8)
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(pdf)))
        return pdf

    def _write_decision(self, point: QgsPointXY) -> Path:
        import datetime as dt

        import geopandas as gpd
        import shapely

        from ..engine.core.messages import speaking
        from ..engine.core.output_files import write_atomically
        from ..engine.documents.permit_document import build_decision_document
        from ..engine.permit.decision import (
            TheisSettings,
            decide_permits,
            safe_file_stem,
        )
        from ..engine.permit.theis import DEFAULT_RADIUS_M, DEFAULT_STORATIVITY, DEFAULT_TRANSMISSIVITY_M2_PER_DAY
        from ..qgis_io.frames import crs_to_pyproj_text
        from ..qgis_io.pdf import print_pdf

        language = interface_language()
        with speaking(language):  # the engine's messages, if the layers cannot be prepared, in the interface language
            prepared = self.prepared()
        crs_text = crs_to_pyproj_text(self.canvas.mapSettings().destinationCrs(), tr("map canvas"))
        application_id = f"site-{dt.datetime.now():%Y%m%d-%H%M%S}"
        application = gpd.GeoDataFrame(
            {"app_id": [application_id], "use": [self.panel.use_combo.currentData()],
             "requested_m3": [self.panel.requested_m3()]},
            geometry=[shapely.Point(point.x(), point.y())], crs=crs_text,
        )
        wells_layer = self.panel.existing_wells_combo.currentLayer()
        wells = None if wells_layer is None else source_to_frame(wells_layer, wells_layer.name())
        wells_id = find_field(wells_layer, ("well_id", "id", "井编号")) if wells_layer is not None else None
        # Only pumping wells are interfered wells: the status field, where the layer has one (as the algorithm's default).
        wells_status = find_field(wells_layer, ("status", "状态", "井状态")) if wells_layer is not None else None
        # The permit decision's own defaults: the pumping days of the use (rules file), as the algorithm takes them.
        settings = TheisSettings(DEFAULT_TRANSMISSIVITY_M2_PER_DAY, DEFAULT_STORATIVITY, None, DEFAULT_RADIUS_M)
        rules = load_rules()
        prepared.layer_names["wells"] = tr("clicked site")
        if wells_layer is not None:
            prepared.layer_names["existing_wells"] = wells_layer.name()
        with speaking(language):
            batch = decide_permits(
                prepared, application, settings, rules, id_field="app_id", requested_field="requested_m3", use_field="use",
                existing_wells=wells, existing_id_field=wells_id, existing_status_field=wells_status, language=language,
            )
            document = build_decision_document(batch.decisions[0], batch, prepared, rules, language=language,
                                               has_existing_wells=wells is not None)
        folder = self.permit_folder()
        folder.mkdir(parents=True, exist_ok=True)
        stem = safe_file_stem(application_id)
        page = document.html(embed_figures=True)
        write_atomically(folder / f"{stem}.html", lambda temporary: temporary.write_text(page, encoding="utf-8"), layer_label=str(folder))
        pdf = folder / f"{stem}.pdf"
        print_pdf(document, str(pdf), language)
        return pdf

    def _mark(self, point: QgsPointXY, verdict: str | None) -> None:
        self._remove_marker()
        self.marker = QgsVertexMarker(self.canvas)
        self.marker.setCenter(point)
        self.marker.setIconType(QgsVertexMarker.ICON_CIRCLE)
        self.marker.setIconSize(14)
        self.marker.setPenWidth(3)
        self.marker.setColor(QColor(VERDICT_COLOURS.get(verdict or "", "#555555")))

    def _remove_marker(self) -> None:
        if self.marker is not None:
            self.canvas.scene().removeItem(self.marker)
            self.marker = None
