"""Where a printed page ends: headings kept with what follows, no page holding only a remnant.

Qt's rich-text layout (QTextDocument) breaks pages line by line and honours only ``page-break-before/after:
always``; it knows no ``page-break-after: avoid``, widows or orphans. So the printer lays the document out,
looks at where its paragraphs and tables fall, and puts a page break before whatever would otherwise be cut
badly, one at a time, until nothing is:

* a heading whose first lines of content (or the table a short paragraph introduces) start on the next page
  moves there with them;
* a short paragraph (a few lines) split over two pages moves whole;
* a short table (a few rows) split over two pages moves whole, with the heading or note leading to it;
* a last page holding only a remnant (a line or two, the end of a table) takes the whole last section along.

Breaks are only ever added, never removed, so the loop ends.
"""

from __future__ import annotations

from dataclasses import dataclass

from qgis.PyQt.QtGui import QTextBlock, QTextCursor, QTextDocument, QTextFormat, QTextTable

SHORT_PARAGRAPH_LINES = 4  # a paragraph of at most this many lines is never split over two pages
SHORT_TABLE_ROWS = 8  # nor a table of at most this many body rows
REMNANT_SHARE = 0.25  # a last page filled less than this, not starting with a heading, holds a remnant
MAX_PASSES = 60


@dataclass
class Item:
    """A top-level paragraph or table of the document, with where it lies (document coordinates)."""

    block: QTextBlock | None
    table: QTextTable | None
    top: float
    bottom: float
    first_bottom: float  # bottom of its first line (paragraph) or first body row (table)

    @property
    def is_heading(self) -> bool:
        return self.block is not None and self.block.blockFormat().headingLevel() > 0

    @property
    def lines(self) -> int:
        return self.block.layout().lineCount() if self.block is not None else 0

    @property
    def rows(self) -> int:
        if self.table is None:
            return 0
        return self.table.rows() - self.table.format().headerRowCount()


def items(document: QTextDocument) -> list[Item]:
    """The top-level paragraphs and tables that hold something (Qt's empty paragraphs between tables left out)."""
    layout = document.documentLayout()
    found: list[Item] = []
    iterator = document.rootFrame().begin()
    while not iterator.atEnd():
        frame = iterator.currentFrame()
        if isinstance(frame, QTextTable):
            rect = layout.frameBoundingRect(frame)
            first_row = min(frame.format().headerRowCount(), frame.rows() - 1)
            cell_block = frame.cellAt(max(first_row, 0), 0).firstCursorPosition().block()
            first = layout.blockBoundingRect(cell_block).bottom()
            found.append(Item(None, frame, rect.top(), rect.bottom(), first))
        elif frame is None:
            block = iterator.currentBlock()
            if block.isValid() and _holds_something(block):
                rect = layout.blockBoundingRect(block)
                line = block.layout().lineAt(0)
                first = rect.top() + (line.y() + line.height() if line.isValid() else rect.height())
                found.append(Item(block, None, rect.top(), rect.bottom(), first))
        iterator += 1
    return found


def _holds_something(block: QTextBlock) -> bool:
    # An image is the object replacement character; an empty paragraph is only layout.
    return bool(block.text().strip())


def page_of(y: float, page_height: float) -> int:
    return int(max(y, 0.0) // page_height)


def pages_used(document: QTextDocument) -> int:
    """Pages that hold something: a trailing page with nothing but Qt's closing empty paragraph is not printed."""
    height = document.pageSize().height()
    found = items(document)
    return page_of(found[-1].bottom - 0.5, height) + 1 if found else 1


def _break_before(item: Item) -> None:
    if item.table is not None:
        table_format = item.table.format()
        table_format.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        item.table.setFormat(table_format)
        return
    cursor = QTextCursor(item.block)
    block_format = item.block.blockFormat()
    block_format.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    cursor.setBlockFormat(block_format)


def _has_break(item: Item) -> bool:
    policy = item.table.format().pageBreakPolicy() if item.table is not None else item.block.blockFormat().pageBreakPolicy()
    return bool(policy & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)


def _content_start(found: list[Item], heading: int) -> float:
    """Where the content a heading leads in must have begun on its page: the first line after it, or, when a
    short paragraph or two introduce a table, the table's first row."""
    lines = 0
    for item in found[heading + 1:]:
        if item.table is not None:
            return item.first_bottom
        if item.is_heading:
            break
        lines += item.lines
        if lines > SHORT_PARAGRAPH_LINES + 2:
            break
    return found[heading + 1].first_bottom


def _lead(found: list[Item], index: int) -> int:
    """The first item to move with ``found[index]``: the heading and the short paragraphs leading to it, else
    a short note just before it."""
    lines = 0
    for start in range(index - 1, -1, -1):
        if found[start].is_heading:
            return start
        if found[start].table is not None:
            break
        lines += found[start].lines
        if lines > SHORT_PARAGRAPH_LINES + 2:
            break
    if index > 0 and found[index - 1].block is not None and not found[index - 1].is_heading and found[index - 1].lines <= 2:
        return index - 1
    return index


def next_break(document: QTextDocument) -> Item | None:
    """The first item a page break should go before, or None when every page ends well."""
    height = document.pageSize().height()
    found = items(document)
    for index, item in enumerate(found):
        first_page, last_page = page_of(item.top, height), page_of(item.bottom - 0.5, height)
        if item.bottom - item.top >= height:
            continue  # taller than a page: it must be split anyway
        if item.is_heading and index + 1 < len(found) and not _has_break(item):
            if page_of(_content_start(found, index) - 0.5, height) != first_page:
                return item
        if first_page == last_page or _has_break(item):
            continue
        short = (item.block is not None and not item.is_heading and item.lines <= SHORT_PARAGRAPH_LINES) or (
            item.table is not None and item.rows <= SHORT_TABLE_ROWS
        )
        if short:
            lead = found[_lead(found, index)]
            if lead is item or not any(_has_break(other) for other in found[_lead(found, index):index + 1]):
                return lead
            # already moved to the top of a page with its lead and still too long: it is split there
    return _remnant_break(found, height)


def _remnant_break(found: list[Item], height: float) -> Item | None:
    """Before the last section's heading when the last page holds only a remnant of it."""
    if not found:
        return None
    last_page = page_of(found[-1].bottom - 0.5, height)
    if last_page == 0:
        return None
    on_last = [item for item in found if page_of(item.bottom - 0.5, height) == last_page]
    starts_there = page_of(on_last[0].top, height) == last_page
    if starts_there and on_last[0].is_heading:
        return None
    filled = found[-1].bottom - last_page * height
    if filled >= REMNANT_SHARE * height:
        return None
    headings = [item for item in found if item.is_heading and page_of(item.top, height) < last_page]
    if not headings or _has_break(headings[-1]):
        return None
    if found[-1].bottom - headings[-1].top >= height:
        return None  # the last section is longer than a page: moving it would leave its own remnant
    return headings[-1]


def keep_together(document: QTextDocument) -> int:
    """Add the page breaks the document needs (see the module's docstring); returns how many."""
    added = 0
    for _ in range(MAX_PASSES):
        item = next_break(document)
        if item is None:
            break
        _break_before(item)
        added += 1
    return added
