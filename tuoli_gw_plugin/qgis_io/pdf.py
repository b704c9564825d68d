"""Print an engine document (HTML with its figures) to an A4 PDF with Qt: the one PDF printer of the plugin.

The supervision report, the permit decisions and the map tool's *Write permit decision* all print here. Qt
(QTextDocument + QPrinter) draws text through fontconfig, so Chinese prints with the installed Noto CJK font;
without a CJK font a Chinese document stops with a message saying what to install instead of printing empty
boxes. The PDF is printed beside its target and moved onto it when complete (engine.core.output_files).

It runs on Qt 5 (QGIS 3) and Qt 6 (QGIS 4): enums scoped, and QFontDatabase's functions called on an instance on
Qt 5 and on the class on Qt 6 (static there, and PyQt6 cannot make one).
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsProcessingException
from qgis.PyQt.QtCore import QT_VERSION, QCoreApplication

from ..engine.core.messages import register
from ..engine.core.output_files import write_atomically
from .page_breaks import keep_together, pages_used

FOOTER_POINTS = 22.0  # the band below the text for the footer: the document's id, page n of m

register({"document.page_of": ("Page {n} of {m}", "第 {n} 页　共 {m} 页")})


def _font_database():
    """What QFontDatabase's functions are called on: an instance on Qt 5, the class itself on Qt 6."""
    from qgis.PyQt.QtGui import QFontDatabase

    if QT_VERSION < 0x060000:
        return QFontDatabase()
    return QFontDatabase


def cjk_font_families() -> list[str]:
    """Font families Qt (fontconfig) can use for Simplified Chinese, best first."""
    from qgis.PyQt.QtGui import QFontDatabase

    families = _font_database().families(QFontDatabase.WritingSystem.SimplifiedChinese)
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
    from qgis.PyQt.QtCore import QMarginsF
    from qgis.PyQt.QtGui import QPageLayout, QPageSize
    from qgis.PyQt.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    a4, portrait, millimetre = QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QPageLayout.Unit.Millimeter
    printer.setPageLayout(QPageLayout(a4, portrait, QMarginsF(15, 15, 15, 15), millimetre))
    printer.setDocName(document.title)
    printer.setCreator("tuoli_gw_plugin")
    text = _laid_out(document, language, families, printer)
    keep_together(text)
    _print_pages(text, printer, getattr(document, "page_label", "") or document.title, document.language)
    del printer  # closes the file
    # Imported here, not with the module: the engine needs pandas, and the provider must load (and say so) without it.
    from ..engine.documents.pdf_text import repair_pdf_text_mapping

    pdf = Path(path)
    pdf.write_bytes(repair_pdf_text_mapping(pdf.read_bytes()))


def _layout_dpi() -> float:
    """The resolution Qt lays rich text out at without a paint device (the screen's; 96 without one)."""
    from qgis.PyQt.QtGui import QGuiApplication

    screen = QGuiApplication.primaryScreen()
    return float(screen.logicalDotsPerInchY()) if screen is not None else 96.0


def _latin_families() -> list[str]:
    """The installed families of the English documents' font list (Latin faces first)."""

    from ..engine.plotting.style import HTML_FONT_FAMILIES

    installed = set(_font_database().families())
    return [family for family in HTML_FONT_FAMILIES["en"] if family in installed]


def _laid_out(document, language: str, families: list[str], printer):
    """The document's HTML laid out on the printable page less the footer band, at screen resolution."""
    from qgis.PyQt.QtCore import QSizeF, QUrl
    from qgis.PyQt.QtGui import QFont, QImage, QTextDocument

    latin = _latin_families()
    text = QTextDocument()
    # The default font of text the CSS does not reach; Chinese falls back to the CJK font.
    font = QFont(families[0] if language == "zh" and families else (latin or families or ["Sans Serif"])[0])
    font.setPointSizeF(9.5)
    text.setDefaultFont(font)
    for name, png in document.figures.items():
        text.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), QImage.fromData(png, "PNG"))
    text.setHtml(document.html(embed_figures=False))
    page = printer.pageLayout().paintRectPoints()
    dpi = _layout_dpi()
    text.setPageSize(QSizeF(page.width() * dpi / 72, (page.height() - FOOTER_POINTS) * dpi / 72))
    return text


def _print_pages(text, printer, label: str, language: str) -> None:
    """Each page of the laid-out document, with a footer: the document's id, page n of m."""
    from qgis.PyQt.QtCore import QPointF, QRectF, Qt
    from qgis.PyQt.QtGui import QAbstractTextDocumentLayout, QColor, QFont, QPainter, QPalette, QPen

    from ..engine.core.messages import text as words

    size = text.pageSize()
    pages = pages_used(text)
    scale = printer.resolution() / _layout_dpi()
    footer_height = FOOTER_POINTS * _layout_dpi() / 72
    # A Latin face first (Chinese falls back to the CJK font): Qt's PDF writer leaves digits set in Noto CJK out of
    # the text layer, and the id and page numbers must stay searchable.
    footer_font = QFont(_latin_families()[0] if _latin_families() else text.defaultFont().family())
    footer_font.setPixelSize(round(8.0 * _layout_dpi() / 72))  # 8 pt once the painter scales to the printer
    painter = QPainter(printer)
    try:
        for index in range(pages):
            if index:
                printer.newPage()
            painter.save()
            painter.scale(scale, scale)
            view = QRectF(0, index * size.height(), size.width(), size.height())
            painter.save()
            painter.translate(0, -index * size.height())
            painter.setClipRect(view)
            context = QAbstractTextDocumentLayout.PaintContext()
            context.clip = view
            context.palette.setColor(QPalette.ColorRole.Text, Qt.GlobalColor.black)
            text.documentLayout().draw(painter, context)
            painter.restore()
            top = size.height() + footer_height * 0.35
            painter.setPen(QPen(QColor("#999999"), 0.6))
            painter.drawLine(QPointF(0, top), QPointF(size.width(), top))
            painter.setPen(QColor("#444444"))
            painter.setFont(footer_font)
            band = QRectF(0, top + 2, size.width(), footer_height * 0.65)
            painter.drawText(band, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), label)
            page_words = words("document.page_of", language, n=index + 1, m=pages)
            painter.drawText(band, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop), page_words)
            painter.restore()
    finally:
        painter.end()
