"""Thumbnails of attachments for the officer: an image scaled down and re-encoded as PNG (which also
drops its metadata), a PDF's first page rendered by poppler's ``pdftoppm`` in a temporary directory
with a time limit. Only content recognised by its magic bytes is rendered; anything else gets no
preview."""

from __future__ import annotations

import io
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from .attachments import sniff

THUMBNAIL_PX = 360
PDFTOPPM_SECONDS = 20
MAX_IMAGE_PIXELS = 80_000_000


def _read(attachment: Any) -> bytes:
    with attachment.file.open("rb") as handle:
        return handle.read()


def image_thumbnail(data: bytes, size: int = THUMBNAIL_PX) -> bytes | None:
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.width * image.height > MAX_IMAGE_PIXELS:
                return None
            image.thumbnail((size, size))
            out = io.BytesIO()
            image.convert("RGB").save(out, format="PNG")
            return out.getvalue()
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        return None


def pdf_first_page(data: bytes, size: int = THUMBNAIL_PX) -> bytes | None:
    """The first page of a PDF as a PNG at most ``size`` pixels on its longer side, else ``None``."""
    with tempfile.TemporaryDirectory(prefix="przystan-preview-") as tmp:
        source = Path(tmp) / "document.pdf"
        source.write_bytes(data)
        target = Path(tmp) / "page"
        try:
            subprocess.run(
                [
                    "pdftoppm",
                    "-f",
                    "1",
                    "-l",
                    "1",
                    "-singlefile",
                    "-png",
                    "-scale-to",
                    str(size),
                    str(source),
                    str(target),
                ],
                check=True,
                capture_output=True,
                timeout=PDFTOPPM_SECONDS,
            )
        except (OSError, subprocess.SubprocessError):
            return None
        page = target.with_suffix(".png")
        return page.read_bytes() if page.exists() else None


def placeholder_png(size: int = THUMBNAIL_PX) -> bytes:
    """A plain page outline, shown when a recognised document cannot be drawn (e.g. a damaged PDF)."""
    from PIL import Image, ImageDraw

    width, height = size * 3 // 4, size
    image = Image.new("RGB", (width, height), "#f2f2f2")
    draw = ImageDraw.Draw(image)
    draw.rectangle((8, 8, width - 9, height - 9), outline="#8a8a8a", width=3)
    for row in range(6):
        y = 40 + row * 30
        draw.line((30, y, width - 30, y), fill="#b5b5b5", width=4)
    draw.line((30, 40, width - 30, height - 40), fill="#8a1c1c", width=4)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def preview_png(attachment: Any) -> bytes | None:
    """A PNG preview of ``attachment`` (image or PDF by content; a page outline when such a file
    cannot be drawn), or ``None`` for content that is no recognised document (never rendered)."""
    try:
        data = _read(attachment)
    except (OSError, ValueError):
        return None
    kind = sniff(data)
    if kind in ("image/jpeg", "image/png"):
        return image_thumbnail(data) or placeholder_png()
    if kind == "application/pdf":
        return pdf_first_page(data) or placeholder_png()
    return None
