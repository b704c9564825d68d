"""Print an engine document (HTML with its figures) to an A4 PDF with Qt: the one PDF printer of the plugin.

The supervision report, the permit decisions and the map tool's *Write permit decision* all print here. Qt
(QTextDocument + QPrinter) draws text through fontconfig, so Chinese prints with the installed Noto CJK font;
without a CJK font a Chinese document stops with a message saying what to install instead of printing empty
boxes. The PDF is printed beside its target and moved onto it when complete (engine.core.output_files).
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsProcessingException
from qgis.PyQt.QtCore import QCoreApplication

from ..engine.core.output_files import write_atomically


def cjk_font_families() -> list[str]:
    """Font families Qt (fontconfig) can use for Simplified Chinese, best first."""
    from qgis.PyQt.QtGui import QFontDatabase

    families = QFontDatabase().families(QFontDatabase.SimplifiedChinese)
    preferred = [f for f in families if f.startswith(("Noto Sans CJK SC", "Source Han Sans SC", "Noto Sans CJK"))]
    return preferred + [f for f in families if f not in preferred]


def print_pdf(document, path: str, language: str) -> None:
    """Print the document's HTML to an A4 PDF with Qt, figures handed over as document resources; the PDF is
    printed beside ``path`` and moved onto it when complete (a failed print leaves what was there)."""
    families = cjk_font_families()
    if not families and language == "zh":
        raise QgsProcessingException(
            QCoreApplication.translate(
                "TuoliAlgorithm",
                "No font with Chinese glyphs is installed for Qt, so the Chinese PDF would print empty boxes. Install the "
                "Noto CJK fonts (Debian/Ubuntu: sudo apt-get install fonts-noto-cjk) and run again, or choose LANGUAGE = English.",
            )
        )
    write_atomically(path, lambda temporary: _print_pdf_to(document, temporary, language, families), layer_label="OUTPUT_PDF")


def _print_pdf_to(document, path: Path, language: str, families: list[str]) -> None:
    from qgis.PyQt.QtCore import QMarginsF, QSizeF, QUrl
    from qgis.PyQt.QtGui import QFont, QFontDatabase, QImage, QPageLayout, QPageSize, QTextDocument
    from qgis.PyQt.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.HighResolution)
    printer.setOutputFormat(QPrinter.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize.A4), QPageLayout.Portrait, QMarginsF(15, 15, 15, 15), QPageLayout.Millimeter))
    printer.setDocName(document.title)
    printer.setCreator("tuoli_gw_plugin")
    from ..engine.documents.supervision_report import FONT_FAMILIES  # here: the engine needs pandas, the provider must load without

    installed = set(QFontDatabase().families())
    latin = [f for f in FONT_FAMILIES["en"] if f in installed]
    text = QTextDocument()
    # The default font of text the CSS does not reach; Chinese falls back to the CJK font.
    font = QFont(families[0] if language == "zh" and families else (latin or families or ["Sans Serif"])[0])
    font.setPointSizeF(9.5)
    text.setDefaultFont(font)
    for name, png in document.figures.items():
        text.addResource(QTextDocument.ImageResource, QUrl(name), QImage.fromData(png, "PNG"))
    text.setHtml(document.html(embed_figures=False))
    # Lay the text out on the printable width at screen resolution; print_ scales it to the printer.
    page = printer.pageLayout().paintRectPoints()
    text.setPageSize(QSizeF(page.width() * 96 / 72, page.height() * 96 / 72))
    text.print_(printer)
    del printer  # closes the file
    from ..engine.documents.supervision_report import repair_pdf_text_mapping

    pdf = Path(path)
    pdf.write_bytes(repair_pdf_text_mapping(pdf.read_bytes()))
