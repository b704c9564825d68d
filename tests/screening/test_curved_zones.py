"""Curved zone polygons (circular arcs, e.g. from CAD) are screened, not a traceback (issue 13, item 11).

A severe zone drawn as a CURVEPOLYGON circle of radius 1 000 m: a well 990 m from its centre is inside it,
one 1 010 m away is outside (the 1°-segment approximation moves the boundary by at most 4 cm).
"""

from __future__ import annotations

from pathlib import Path

import pyogrio
import pytest
from osgeo import ogr, osr

from tests.robustness.runner import RecordingFeedback, run_processing

pytestmark = pytest.mark.qgis
CX, CY = 480000.0, 5090000.0


def _layer(dataset, name: str, geometry_type: int, rows: list[tuple[dict, str]]) -> None:
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4537)
    layer = dataset.CreateLayer(name, srs, geometry_type)
    for field_name in rows[0][0]:
        layer.CreateField(ogr.FieldDefn(field_name, ogr.OFTString))
    for attributes, wkt in rows:
        feature = ogr.Feature(layer.GetLayerDefn())
        for key, value in attributes.items():
            feature.SetField(key, value)
        feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(feature)


def test_a_circular_severe_zone_is_linearised_and_screened(qgis_app, tmp_path: Path):
    gpkg = tmp_path / "curved.gpkg"
    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(str(gpkg))
    circle = f"CURVEPOLYGON(CIRCULARSTRING({CX - 1000} {CY}, {CX + 1000} {CY}, {CX - 1000} {CY}))"
    _layer(dataset, "zones", ogr.wkbCurvePolygon, [({"zone_name": "Akbiri", "grade": "severe"}, circle)])
    _layer(dataset, "wells", ogr.wkbPoint, [
        ({"well_id": "inside_990m"}, f"POINT ({CX + 990} {CY})"),
        ({"well_id": "outside_1010m"}, f"POINT ({CX} {CY + 1010})"),
    ])
    _layer(dataset, "pipes", ogr.wkbLineString, [({"pipe_id": "P1"}, f"LINESTRING ({CX + 50000} {CY - 5000}, {CX + 60000} {CY + 5000})")])
    dataset = None
    feedback = RecordingFeedback()
    outcome = run_processing("screen_well_sites", {
        "INPUT": f"{gpkg}|layername=wells", "ZONES": f"{gpkg}|layername=zones", "SUPPLY_PIPES": f"{gpkg}|layername=pipes",
        "OUTPUT": str(tmp_path / "out.gpkg"),
    }, feedback)
    assert outcome.ok, outcome.message
    # (The log line is asserted on the bridge below: with pyogrio loaded first, GDAL may hand QGIS the arcs
    # already as segments, and then there is nothing to say.)
    verdicts = dict(zip(*pyogrio.read_dataframe(tmp_path / "out.gpkg")[["well_id", "verdict"]].T.values))
    assert verdicts == {"inside_990m": "prohibited", "outside_1010m": "allowed"}



def test_the_bridge_linearises_arcs_and_says_so(qgis_app):
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    from tuoli_gw_plugin.qgis_io.frames import source_to_frame

    layer = QgsVectorLayer("CurvePolygon?crs=EPSG:4537&field=zone_name:string", "zones", "memory")
    feature = QgsFeature(layer.fields())
    feature.setAttributes(["Akbiri"])
    feature.setGeometry(QgsGeometry.fromWkt(f"CURVEPOLYGON(CIRCULARSTRING({CX - 1000} {CY}, {CX + 1000} {CY}, {CX - 1000} {CY}))"))
    assert layer.dataProvider().addFeatures([feature])
    feedback = RecordingFeedback()
    frame = source_to_frame(layer, "zones", field_names=["zone_name"], feedback=feedback)
    assert "zones': 1 curved geometry" in feedback.log
    import math

    # Segments at most 1° of arc apart: the area of the 360-gon within 0.01 % of the circle's.
    assert frame.geometry.iloc[0].area == pytest.approx(math.pi * 1000**2, rel=1e-4)
