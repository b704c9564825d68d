"""QGIS entry point of the Toli groundwater supervision plugin.

``classFactory`` only imports and returns the plugin class, so that loading the plugin (and
qgis_process, which calls ``initProcessing()`` only) stays cheap and never touches ``iface``
until the desktop asks for the GUI.
"""


def classFactory(iface):  # noqa: N802 - name fixed by QGIS
    from .plugin import TuoliGwPlugin

    return TuoliGwPlugin(iface)
