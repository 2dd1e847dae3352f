"""Words of a PDF with their boxes (poppler's ``pdftotext -bbox``) and the pairs of words that overlap."""

from __future__ import annotations

import subprocess
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Word:
    page: int
    text: str
    x0: float
    y0: float
    x1: float
    y1: float

    def overlaps(self, other: Word, tolerance: float = 0.2) -> bool:
        return (
            self.page == other.page
            and min(self.x1, other.x1) - max(self.x0, other.x0) > tolerance
            and min(self.y1, other.y1) - max(self.y0, other.y0) > tolerance
        )


def pdf_words(data: bytes) -> list[Word]:
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "doc.pdf"
        source.write_bytes(data)
        html = subprocess.run(
            ["pdftotext", "-bbox", str(source), "-"], check=True, capture_output=True
        ).stdout.decode()
    root = ET.fromstring(html.replace("<!DOCTYPE", "<!-- ").replace('.dtd">', '.dtd" -->'))
    words = []
    for number, page in enumerate(root.iter("{http://www.w3.org/1999/xhtml}page"), start=1):
        for word in page.iter("{http://www.w3.org/1999/xhtml}word"):
            words.append(
                Word(
                    number,
                    word.text or "",
                    *(float(word.get(k)) for k in ("xMin", "yMin", "xMax", "yMax")),
                )
            )
    return words


def overlapping(words: list[Word]) -> list[tuple[Word, Word]]:
    return [(a, b) for i, a in enumerate(words) for b in words[i + 1 :] if a.overlaps(b)]


def page_count(data: bytes) -> int:
    return len({word.page for word in pdf_words(data)})
