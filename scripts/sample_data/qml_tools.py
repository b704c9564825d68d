"""What the style scripts share: a label text format with a white halo, and a QML writer with a stable order.

QGIS writes a style's XML attributes in Qt's hash order, which changes from run to run, so regenerating
an unchanged style used to rewrite every .qml line. ``save_style`` writes the same style byte for byte
every time: attributes sorted (QGIS reads attributes by name, so their order carries no meaning), also
inside the symbol XML that QGIS stores as a string in an attribute, and the random rule keys of a
rule-based renderer replaced by keys derived from the rule's position (a key only has to be unique).
"""

from __future__ import annotations

import uuid
import xml.etree.ElementTree as ET
from pathlib import Path

from qgis.core import QgsTextBufferSettings, QgsTextFormat, QgsVectorLayer
from qgis.PyQt.QtGui import QColor, QFont


def label_format(size: float, font_family: str | None = None) -> QgsTextFormat:
    """Dark label text with a 1 mm white halo, readable over any fill."""
    text = QgsTextFormat()
    if font_family:
        text.setFont(QFont(font_family))
    text.setSize(size)
    text.setColor(QColor("#202020"))
    halo = QgsTextBufferSettings()
    halo.setEnabled(True)
    halo.setSize(1.0)
    halo.setColor(QColor("white"))
    text.setBuffer(halo)
    return text


def _stable_xml_text(text: str) -> str:
    """An XML fragment stored as an attribute value, with its own attributes sorted."""
    try:
        fragment = ET.fromstring(text)
    except ET.ParseError:
        return text
    _sort_attributes(fragment)
    return ET.tostring(fragment, encoding="unicode", short_empty_elements=True)


def _sort_attributes(element: ET.Element) -> None:
    for node in element.iter():
        for name, value in node.attrib.items():
            if value.startswith("<") and value.endswith(">"):
                node.attrib[name] = _stable_xml_text(value)
        if len(node.attrib) > 1:
            ordered = sorted(node.attrib.items())
            node.attrib.clear()
            node.attrib.update(ordered)


def _stable_rule_keys(root: ET.Element, style_name: str) -> None:
    for position, node in enumerate(root.iter()):
        if node.tag in ("rule", "rules") and node.get("key", "").startswith("{"):
            node.set("key", "{" + str(uuid.uuid5(uuid.NAMESPACE_URL, f"{style_name}#{position}")) + "}")


def save_style(layer: QgsVectorLayer, path: Path) -> None:
    """``layer``'s style as QML at ``path``, attributes in a stable order (see the module docstring)."""
    message, saved = layer.saveNamedStyle(str(path))
    if not saved:
        raise RuntimeError(f"could not write the style {path}: {message}")
    text = Path(path).read_text(encoding="utf-8")
    doctype = "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>"
    root = ET.fromstring(text.replace(doctype, ""))
    _stable_rule_keys(root, Path(path).name)
    _sort_attributes(root)
    body = ET.tostring(root, encoding="unicode")
    Path(path).write_text(f"{doctype}\n{body}\n", encoding="utf-8")
