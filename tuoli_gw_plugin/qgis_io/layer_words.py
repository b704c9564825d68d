"""A written layer's fields and legend in the run's language, stored with its style; field names and values unchanged.

Each field the plugin knows gets its header as the alias (``engine.core.field_words``), each coded field a value map
from its codes to words (the attribute table, the identify panel and the forms show the words, the data keep the
code), each number field a display precision (whole m³, yuan to the fen), and the legend labels of the style are
said in the run's language: a category of a coded field by the words of its code, any other label written
``English | 中文`` in the shipped QML by its half in that language.
"""

from __future__ import annotations

import math
from typing import Any

from qgis.core import QgsEditorWidgetSetup, QgsVectorLayer

from ..engine.core.field_words import alias, decimals, is_coded, known_codes, value_words

BILINGUAL_SEPARATOR = " | "


def _register_code_words() -> None:
    """Import the engine modules that register the words of the codes the outputs hold (a layer written by one
    algorithm may carry another's codes: the balance carries the water-level grades)."""
    from ..engine.balance import abstraction_recharge, trend  # noqa: F401
    from ..engine.bookkeeping import audit, electricity, surcharge  # noqa: F401
    from ..engine.permit import decision  # noqa: F401
    from ..engine.reduction import plan  # noqa: F401
    from ..engine.registers import vocabulary  # noqa: F401
    from ..engine.screening import well_sites  # noqa: F401

    try:  # the kinds of well and the uses, where that module is part of the engine
        from ..engine.screening import well_kind  # noqa: F401
    except ImportError:
        pass


def stored_text(value: Any) -> str | None:
    """A value as QGIS compares it in a value map (QVariant::toString): true/false, 1 for 1.0."""
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if math.isnan(value):
            return None
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def bilingual_half(label: str, language: str) -> str:
    """``'severe | 严重超采'`` -> its half in ``language``; a label without the separator as it is."""
    if BILINGUAL_SEPARATOR not in label:
        return label
    english, _, chinese = label.partition(BILINGUAL_SEPARATOR)
    return (chinese if language == "zh" else english).strip() or label


def present_values(frame) -> dict[str, list]:
    """The values each coded column of ``frame`` holds (None for missing), as ``apply_layer_words`` takes them for
    a layer written from that frame: one pass over each column in memory instead of a scan of the written file."""
    import pandas as pd

    try:
        _register_code_words()
    except ImportError:  # an engine room whose package is missing (rasterio): QGIS reads the values from the layer
        return {}
    present = {}
    for name in frame.columns:
        if is_coded(str(name)):
            present[str(name)] = [_python(value) for value in pd.unique(frame[name])]
    return present


def _python(value: Any) -> Any:
    """A frame's value as QGIS hands it over: a Python scalar (numpy's bool_ would read 'True', QGIS's bool 'true'),
    None for a missing one."""
    import numpy as np
    import pandas as pd

    if pd.isna(value):
        return None
    return value.item() if isinstance(value, np.generic) else value


def apply_layer_words(layer: QgsVectorLayer, language: str, present: dict[str, list] | None = None, **params: object) -> None:
    """Aliases, value maps, precisions and legend labels of ``layer`` in ``language`` ('zh' or 'en'). ``present``: the
    values of the coded fields, when the caller knows them (present_values); else QGIS reads them from the layer."""
    _register_code_words()
    for index, field in enumerate(layer.fields()):
        name = field.name()
        header = alias(name, language)
        if header:
            layer.setFieldAlias(index, header)
        if is_coded(name):
            held = present[name] if present is not None and name in present else layer.uniqueValues(index)
            # Sorted: QGIS hands its values over in no particular order (a set), a frame in the order of its rows.
            held_codes = sorted(code for code in (stored_text(v) for v in held) if code)
            codes = [v for v in dict.fromkeys([*held_codes, *known_codes(name)]) if v]
            words = value_words(name, codes, language, **params)
            if words:
                entries = [{said: code} for code, said in words.items()]
                layer.setEditorWidgetSetup(index, QgsEditorWidgetSetup("ValueMap", {"map": entries}))
        elif field.isNumeric() and decimals(name) is not None:
            places = decimals(name)
            config = {"Precision": places, "Min": -1e15, "Max": 1e15, "Step": 10 ** -places, "AllowNull": True, "Style": "SpinBox"}
            layer.setEditorWidgetSetup(index, QgsEditorWidgetSetup("Range", config))
    renderer = layer.renderer()
    if renderer is not None:
        _relabel(renderer, language, params)


def _relabel(renderer, language: str, params: dict) -> None:
    kind = renderer.type()
    if kind in ("pointCluster", "pointDisplacement") and renderer.embeddedRenderer() is not None:
        _relabel(renderer.embeddedRenderer(), language, params)
    elif kind == "categorizedSymbol":
        attribute = renderer.classAttribute()
        for position, category in enumerate(renderer.categories()):
            code = stored_text(category.value())
            said = value_words(attribute, [code], language, **params).get(code) if code and is_coded(attribute) else None
            renderer.updateCategoryLabel(position, said or bilingual_half(category.label(), language))
    elif kind == "graduatedSymbol":
        for position, band in enumerate(renderer.ranges()):
            renderer.updateRangeLabel(position, bilingual_half(band.label(), language))
    elif kind == "RuleRenderer":
        for rule in renderer.rootRule().descendants():
            rule.setLabel(bilingual_half(rule.label(), language))
