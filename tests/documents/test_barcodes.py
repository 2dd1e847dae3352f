"""Barcodes for web pages: PNGs decode back to their value; SVGs are inline-ready and labelled."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

import pytest
from PIL import Image
from pyzbar.pyzbar import decode

from przystan.documents.barcodes import code128_png, code128_svg, data_uri, qr_png, qr_svg


def decoded(png: bytes) -> list[tuple[str, str]]:
    return [(symbol.type, symbol.data.decode("utf-8")) for symbol in decode(Image.open(io.BytesIO(png)))]


@pytest.mark.parametrize("value", ["HB-2026-00017", "wsc/ii/17", "0123456789"])
def test_code128_png_decodes_to_its_value(value):
    png = code128_png(value)
    assert png.startswith(b"\x89PNG")
    assert decoded(png) == [("CODE128", value)]


def test_code128_png_without_text_still_decodes():
    assert decoded(code128_png("X-1", text=False)) == [("CODE128", "X-1")]


@pytest.mark.parametrize("value", ["https://przystan.example/sprawa/ABC123", "Ґанна Їжакевич — Zażółć"])
def test_qr_png_decodes_to_its_value(value):
    assert decoded(qr_png(value)) == [("QRCODE", value)]


def test_qr_svg_is_inline_svg_with_an_accessible_name():
    svg = qr_svg("https://przystan.example/", label='Kod "QR" sprawy')
    assert svg.startswith("<svg ")
    root = ET.fromstring(svg)
    assert root.tag.endswith("svg")
    assert root.get("role") == "img"
    assert root.get("aria-label") == 'Kod "QR" sprawy'
    assert root.find("{http://www.w3.org/2000/svg}path") is not None


def test_code128_svg_has_no_xml_declaration():
    svg = code128_svg("HB-1")
    assert svg.startswith("<svg ")
    assert ET.fromstring(svg).tag.endswith("svg")


def test_data_uri_wraps_png():
    png = qr_png("x")
    assert data_uri(png).startswith("data:image/png;base64,iVBOR")
