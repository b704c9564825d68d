"""Processing door ``tuoli_gw:import_well_register``: a county well register (机井登记表) to checked wells.

Reads parameters, lets the engine (:mod:`tuoli_gw_plugin.engine.registers.importer`) read the file and decide each
row, and writes the wells and the refused rows. Nothing is decided here.
"""

from __future__ import annotations

from typing import Any

from qgis.core import QgsCoordinateReferenceSystem, QgsWkbTypes

from tuoli_gw_plugin.qgis_io import frames as bridge

from ._declarations import ANY_LAYER, POINTS, REGISTERS, RULES, Choice, Crs, DataFile, Result, Sink, Text
from .base import TuoliAlgorithm


class ImportWellRegisterAlgorithm(TuoliAlgorithm):
    """Turns the county's well register as it is kept — an Excel workbook (XLSX, XLS, ODS), a CSV in UTF-8 or GBK, or
    a DBF — into a point layer of wells with the field names the other tools of this plugin use (well_id, use,
    permit_no, permit_m3, metered_m3, power_account, status …), in CGCS2000 / 3-degree Gauss-Kruger CM 84E (EPSG:4537).

    The header row is found by its words, in Chinese or English (井号/机井编号, 取水许可证号, 用途/取水用途, 许可水量,
    年取水量, 电表户号, 状态, X/Y, 经度/纬度, 东坐标/北坐标 …), below any title rows. Coordinates may be decimal
    degrees, 度分秒, or Gauss-Krüger metres with or without the zone prefix 28; which of X and Y is the northing is
    decided from the county's extent, row by row, and said so. Full-width digits, a unit after a number, spaces
    between digit groups and a decimal comma are cleaned where the reading is unambiguous and listed in import_fixes.

    Every row is either imported or listed in the refused rows with every reason: no well id, no coordinates,
    coordinates that are not in the county whichever way they are read, a number or date that cannot be read, a
    well id on several rows that differ (rows that say the same are imported once). The log gives rows in, imported,
    fixed, refused and the CRS decided. Status words: the register's 在用/停用/已注销/封井 …, and the rules file's
    screening.closure_list.inactive_status lists, as active / stopped / deregistered / sealed.
    """

    NAME = "import_well_register"
    READS_POSITIONS = False  # its input is a file, not a layer
    DISPLAY_NAME = "Import well register (机井登记表)"
    GROUP_ID, GROUP = REGISTERS
    PARAMETERS = (
        DataFile(
            "INPUT", "Well register file (XLSX, XLS, ODS, CSV, DBF)",
            "The register as kept; a title row above the header is fine.",
            file_filter="Well registers (*.xlsx *.xls *.ods *.csv *.txt *.dbf)",
        ),
        Text("SHEET", "Sheet (empty = the first sheet with a register header)", optional=True),
        Choice(
            "ENCODING", "Text encoding of a CSV or DBF",
            "Automatic: UTF-8 when the bytes are UTF-8, else GB18030 (which reads GBK); a DBF's .cpg is checked. A "
            "named encoding is checked too: bytes it cannot read are an error naming the rows.",
            options=("Automatic (UTF-8, else GBK/GB18030)", "UTF-8 (Unicode)", "GBK (Chinese Windows)", "GB18030 (national standard)"),
            values=("", "utf-8", "gbk", "gb18030"),
        ),
        Crs(
            "METRES_CRS", "CRS of coordinates in metres (empty = EPSG:4537)",
            "Empty: CGCS2000 / 3-degree Gauss-Kruger CM 84E; eastings with the zone prefix 28 are read as EPSG:4516 "
            "would. Give Beijing 1954 or Xian 1980 here when the register is in one of them.",
            optional=True,
        ),
        Crs(
            "DEGREES_CRS", "CRS of coordinates in degrees (empty = the datum of the metres' CRS)",
            "Empty: the geographic CRS of the metres' CRS (CGCS2000, EPSG:4490, by default).",
            optional=True,
        ),
        RULES,
        Sink("OUTPUT", "Wells", "The imported wells: the plugin's field names, register_row and import_fixes.", geometry=POINTS),
        Sink("REJECTS", "Refused rows", "register_row, well_id and every reason.", geometry=ANY_LAYER),
    )
    RESULTS = (
        Result("ROWS_IN", "Rows in the register"),
        Result("IMPORTED", "Wells imported"),
        Result("FIXED", "Imported rows with a fix"),
        Result("REFUSED", "Rows refused"),
        Result("CRS_DECIDED", "How the coordinates were read", text=True),
    )

    def compute(self, parameters: dict[str, Any], context, feedback) -> dict[str, Any]:
        from tuoli_gw_plugin.engine.registers.importer import import_register

        def crs_text(key: str) -> str | None:
            crs = self.parameterAsCrs(parameters, key, context)
            return bridge.crs_to_pyproj_text(crs, key) if crs.isValid() else None

        result = import_register(
            self.parameterAsFile(parameters, "INPUT", context),
            sheet=self.text(parameters, "SHEET", context),
            encoding=self.choice(parameters, "ENCODING", context) or None,
            metres_crs=crs_text("METRES_CRS"),
            degrees_crs=crs_text("DEGREES_CRS"),
            status_words=self.rules(parameters, context).get("screening", "closure_list").get("inactive_status", {}),
        )
        self.report_messages(feedback, info=result.report)
        self.stop_if_cancelled(feedback)

        fields = bridge.frame_fields(result.wells)
        sink, dest_id = self.required_sink(
            parameters, "OUTPUT", context, fields, QgsWkbTypes.Point, QgsCoordinateReferenceSystem("EPSG:4537")
        )
        bridge.write_frame(result.wells, sink, fields, feedback=feedback)
        reject_fields = bridge.frame_fields(result.rejects)
        rejects_sink, rejects_id = self.required_sink(
            parameters, "REJECTS", context, reject_fields, QgsWkbTypes.NoGeometry, QgsCoordinateReferenceSystem()
        )
        bridge.write_frame(result.rejects, rejects_sink, reject_fields, feedback=feedback)
        for row in result.rejects.itertuples():
            feedback.pushWarning(self.tr("Row {row} refused: {reason}").format(row=row.register_row, reason=row.reason))
        return {
            "OUTPUT": dest_id, "REJECTS": rejects_id, "ROWS_IN": result.rows_in, "IMPORTED": result.imported,
            "FIXED": result.fixed, "REFUSED": result.refused, "CRS_DECIDED": result.crs_decided,
        }
