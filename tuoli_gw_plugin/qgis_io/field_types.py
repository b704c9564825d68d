"""Field types in the enum this QGIS's QgsField takes: ``QMetaType.Type`` from QGIS 3.38 (which deprecates the
``QVariant.Type`` form), ``QVariant.Type`` before it (QGIS 3.22 knows only that). QGIS 4 runs on PyQt6, which has
no ``QVariant.Type`` at all: the plugin names a field type as ``FieldType.String`` and never ``QVariant.String``.

Both enums number these types alike, so a field QGIS reports in either compares equal to the member here.
"""

from __future__ import annotations

from qgis.core import Qgis

if Qgis.versionInt() >= 33800:
    from qgis.PyQt.QtCore import QMetaType

    class FieldType:
        String = QMetaType.Type.QString
        Int = QMetaType.Type.Int
        LongLong = QMetaType.Type.LongLong
        Double = QMetaType.Type.Double
        Bool = QMetaType.Type.Bool
        Date = QMetaType.Type.QDate
        DateTime = QMetaType.Type.QDateTime
        Invalid = QMetaType.Type.UnknownType

else:
    from qgis.PyQt.QtCore import QVariant

    class FieldType:
        String = QVariant.String
        Int = QVariant.Int
        LongLong = QVariant.LongLong
        Double = QVariant.Double
        Bool = QVariant.Bool
        Date = QVariant.Date
        DateTime = QVariant.DateTime
        Invalid = QVariant.Invalid
