"""A printed PDF read page by page (pdftotext), and what a signed document must not have on its pages."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

# Section headings as the documents write them: 一、… 七、…, 附件：…, "1. Application" in English.
HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|附件：|\d+\. |Annex: )")
FOOTER = re.compile(r"第\s*(\d+)\s*页\s*共\s*(\d+)\s*页|Page (\d+) of (\d+)")


def page_texts(pdf: Path | str) -> list[str]:
    """The text of each page of ``pdf``, in reading order."""
    if shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None:
        pytest.skip("pdftotext / pdfinfo (poppler-utils) are not installed")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    texts = []
    for n in range(1, pages + 1):
        command = ["pdftotext", "-layout", "-f", str(n), "-l", str(n), str(pdf), "-"]
        texts.append(subprocess.run(command, capture_output=True, text=True, check=True).stdout)
    return texts


def line_positions(pdf: Path | str, number: int) -> tuple[float, list[tuple[str, float]]]:
    """(page height, [(line text, bottom of the line)]) of page ``number``, in points from the top (pdftotext -bbox)."""
    import xml.etree.ElementTree as ET

    command = ["pdftotext", "-bbox-layout", "-f", str(number), "-l", str(number), str(pdf), "-"]
    page = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    root = ET.fromstring(re.sub(r"<!DOCTYPE[^>]*>", "", page).replace('xmlns="http://www.w3.org/1999/xhtml"', ""))
    sheet = root.find(".//page")
    lines = [("".join(w.text or "" for w in line.iter("word")), float(line.get("yMax"))) for line in root.iter("line")]
    return float(sheet.get("height")), lines


def lines_of(page: str) -> list[str]:
    return [line.strip() for line in page.splitlines() if line.strip()]


def body_lines(page: str) -> list[str]:
    """A page's lines without its footer."""
    return [line for line in lines_of(page) if not FOOTER.search(line)]


def page_problems(pdf: Path | str, label: str) -> list[str]:
    """Everything wrong with the pages of a document to be signed: a page without 'page n of m' or without the
    document's id, a heading alone at the foot of a page, a last page holding only a remnant."""
    pages = page_texts(pdf)
    problems = []
    for number, page in enumerate(pages, start=1):
        footer = [FOOTER.search(line) for line in lines_of(page)]
        numbers = [tuple(int(g) for g in m.groups() if g) for m in footer if m]
        if (number, len(pages)) not in numbers:
            problems.append(f"page {number}: no 'page {number} of {len(pages)}'")
        if label not in page.replace("\u3000", " "):
            problems.append(f"page {number}: no {label!r}")
        # A heading alone at the foot: the last text of the page, in its bottom fifth (a figure below a heading is no
        # text, so the heading's place tells whether anything could follow it on the page).
        height, lines = line_positions(pdf, number)
        body = [(text, bottom) for text, bottom in lines if not FOOTER.search(text) and label.replace(" ", "") not in text.replace(" ", "")]
        if body and number < len(pages):
            last, bottom = max(body, key=lambda line: line[1])
            if HEADING.match(last) and bottom > 0.8 * height:
                problems.append(f"page {number} ends with the heading {last!r}")
    if len(pages) > 1:
        last = body_lines(pages[-1])
        if not last or (not HEADING.match(last[0]) and len(last) < 6):
            problems.append(f"the last page holds only a remnant: {last!r}")
    return problems
