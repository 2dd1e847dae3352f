"""Decode the barcodes printed in a PDF: pdftoppm renders each page, zbar (pyzbar) reads the codes."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from PIL import Image
from pyzbar.pyzbar import decode


def pdf_barcodes(pdf: bytes, dpi: int = 300) -> list[set[tuple[str, str]]]:
    """For each page, the set of ``(symbology, text)`` decoded from it."""
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "doc.pdf"
        source.write_bytes(pdf)
        subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(source), str(Path(tmp) / "page")], check=True)
        pages = []
        for image_path in sorted(Path(tmp).glob("page*.png")):
            with Image.open(image_path) as image:
                pages.append({(code.type, code.data.decode("ascii")) for code in decode(image.convert("L"))})
        return pages
