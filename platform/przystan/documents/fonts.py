"""The DejaVu fonts embedded in every PDF (the PDF base fonts cannot draw ąęłńśźż or Cyrillic).

The TTF files ship in ``fonts/`` next to this module (licence in ``fonts/LICENSE``). They are
registered with reportlab once per process, on first use, under these names:

* ``DejaVu`` (regular) and ``DejaVu-Bold`` — the font family ``DejaVu`` used for all text;
* ``DejaVuMono`` — monospaced, for references and the text under barcodes.
"""

from __future__ import annotations

import threading
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONTS_DIR = Path(__file__).resolve().parent / "fonts"
FAMILY = "DejaVu"
REGULAR = "DejaVu"
BOLD = "DejaVu-Bold"
MONO = "DejaVuMono"

_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf", MONO: "DejaVuSansMono.ttf"}
_registered = False
_lock = threading.Lock()


def register_fonts() -> None:
    """Register the DejaVu fonts with reportlab (idempotent and thread-safe)."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        for name, filename in _FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(FONTS_DIR / filename)))
        # <b> and <i> inside paragraphs map to these faces; there is no italic face, so italic stays upright.
        for bold, italic, face in ((0, 0, REGULAR), (1, 0, BOLD), (0, 1, REGULAR), (1, 1, BOLD)):
            addMapping(FAMILY, bold, italic, face)
        addMapping(MONO, 0, 0, MONO)
        addMapping(MONO, 1, 0, MONO)
        addMapping(MONO, 0, 1, MONO)
        addMapping(MONO, 1, 1, MONO)
        _registered = True
