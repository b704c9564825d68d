"""Load the plugin's translation for the QGIS user locale (Simplified Chinese or English).

QGIS stores the interface language in the setting ``locale/userLocale`` ("zh", "zh_CN", "zh-Hans",
"en_US", …). Any Chinese variant loads ``resources/i18n/tuoli_gw_zh-Hans.qm``; anything else keeps
the English source strings. Called from ``initProcessing()`` so qgis_process speaks Chinese too.
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsApplication, QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator

from .metadata import PLUGIN_DIR

I18N_DIR = Path(PLUGIN_DIR) / "resources" / "i18n"
_installed: list[QTranslator] = []


def user_locale() -> str:
    """The QGIS interface locale: the running translation, else the user's override, else the system's."""
    app = QgsApplication.instance()
    translation = app.translation() if app is not None and hasattr(app, "translation") else ""
    if translation:
        return str(translation)
    settings = QgsSettings()
    if str(settings.value("locale/overrideFlag", False)).lower() in ("true", "1"):
        value = settings.value("locale/userLocale", "") or ""
        if value:
            return str(value)
    return QLocale.system().name()


def language_for(locale: str) -> str:
    """'zh-Hans' for any Chinese locale, else 'en'."""
    normalised = locale.replace("-", "_").lower()
    return "zh-Hans" if normalised == "zh" or normalised.startswith("zh_") else "en"


def interface_language() -> str:
    """'zh' under a Chinese QGIS interface (zh, zh_CN, zh-Hans…), else 'en': the language the engine speaks
    where the interface decides (the map tool, an algorithm without a LANGUAGE parameter, dialog defaults)."""
    return "zh" if language_for(user_locale()) == "zh-Hans" else "en"


def install_translator(locale: str | None = None) -> str:
    """Install the translator for ``locale`` (the user's when None); returns the language used."""
    language = language_for(locale if locale is not None else user_locale())
    remove_translators()
    if language == "en":
        return language
    qm = I18N_DIR / f"tuoli_gw_{language}.qm"
    translator = QTranslator()
    if qm.is_file() and translator.load(str(qm)):
        QCoreApplication.installTranslator(translator)
        _installed.append(translator)
        return language
    return "en"


def remove_translators() -> None:
    while _installed:
        QCoreApplication.removeTranslator(_installed.pop())
