"""Barcodes for web pages and e-mails (raster PNG, inline SVG). PDFs draw their own vector codes.

* :func:`code128_png` / :func:`code128_svg` — Code128 (python-barcode), e.g. a visit ticket number;
* :func:`qr_png` / :func:`qr_svg` — QR codes (qrcode), e.g. a link to a case-status page;
* :func:`data_uri` — embed a PNG in ``<img src>`` (the CSP allows ``data:`` images).
"""

from __future__ import annotations

import base64
import io
from xml.sax.saxutils import quoteattr

import barcode
import qrcode
import qrcode.image.svg
from barcode.writer import ImageWriter, SVGWriter
from qrcode.constants import ERROR_CORRECT_M

from .fonts import FONTS_DIR


def _code128_options(module_mm: float, height_mm: float, text: bool) -> dict[str, object]:
    return {
        "module_width": module_mm,
        "module_height": height_mm,
        "quiet_zone": 10 * module_mm,
        "write_text": text,
        "font_size": 8,
        "text_distance": 3,
    }


def code128_png(
    value: str, *, module_mm: float = 0.33, height_mm: float = 12, text: bool = True, dpi: int = 300
) -> bytes:
    """PNG of a Code128 barcode of ``value`` (with the value printed under it unless ``text=False``)."""
    writer = ImageWriter(format="PNG", dpi=dpi)
    writer.font_path = str(FONTS_DIR / "DejaVuSansMono.ttf")
    code = barcode.get("code128", value, writer=writer)
    out = io.BytesIO()
    code.write(out, options=_code128_options(module_mm, height_mm, text))
    return out.getvalue()


def code128_svg(value: str, *, module_mm: float = 0.33, height_mm: float = 12, text: bool = True) -> str:
    """Inline ``<svg>`` of a Code128 barcode of ``value`` (no XML declaration)."""
    code = barcode.get("code128", value, writer=SVGWriter())
    out = io.BytesIO()
    code.write(out, options=_code128_options(module_mm, height_mm, text))
    return _inline_svg(out.getvalue().decode("utf-8"))


def _qr(value: str, border: int) -> qrcode.QRCode:
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=border)
    code.add_data(value)
    code.make(fit=True)
    return code


def qr_png(value: str, *, box_size: int = 8, border: int = 4) -> bytes:
    """PNG of a QR code of ``value`` (``box_size`` pixels per module, ``border`` modules of quiet zone)."""
    code = _qr(value, border)
    code.box_size = box_size
    out = io.BytesIO()
    code.make_image().save(out, format="PNG")
    return out.getvalue()


def qr_svg(value: str, *, label: str | None = None, border: int = 4) -> str:
    """Inline ``<svg>`` of a QR code of ``value``; ``label`` becomes its accessible name (``role="img"``)."""
    image = _qr(value, border).make_image(image_factory=qrcode.image.svg.SvgPathFillImage)
    svg = _inline_svg(image.to_string(encoding="unicode"))
    if label:
        svg = svg.replace("<svg ", f'<svg role="img" aria-label={quoteattr(label)} ', 1)
    return svg


def _inline_svg(document: str) -> str:
    """Drop the XML declaration, DOCTYPE and comments so the SVG can go straight into HTML."""
    start = document.find("<svg")
    return document[start:] if start >= 0 else document


def data_uri(png: bytes) -> str:
    """A ``data:image/png;base64,...`` URI for ``png``."""
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")
