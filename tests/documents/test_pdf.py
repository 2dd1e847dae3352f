"""PDF documents: Polish and Cyrillic text, embedded fonts, decodable barcodes, letterhead on every page."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm

from przystan.documents.http import pdf_response
from przystan.documents.pdf import DocumentBuilder, render_card, render_document

pytestmark = pytest.mark.django_db

POLISH = "Zażółć gęślą jaźń"
UKRAINIAN = "Ґанна Їжакевич"
RUSSIAN = "Съешь же ещё этих мягких французских булок"
REFERENCE = "WSC-II-S.6151.17.2026"


@pytest.fixture
def letterheaded_office(office):
    office.phone = "+48 22 695 60 00"
    office.letterhead = "Oddział Legalizacji Pobytu\nPlac Bankowy 3/5, pokój 12"
    office.save()
    return office


def write(tmp_path: Path, data: bytes, name: str = "document.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def pdftotext(path: Path, page: int | None = None) -> str:
    pages = ["-f", str(page), "-l", str(page)] if page else []
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", *pages, str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def zbar_values(path: Path, tmp_path: Path, dpi: int = 200) -> list[str]:
    prefix = tmp_path / path.stem
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(path), str(prefix)], check=True)
    values: list[str] = []
    for png in sorted(tmp_path.glob(f"{path.stem}*.png")):
        result = subprocess.run(
            ["zbarimg", "--raw", "-q", "-Sdisable", "-Scode128.enable", "-Sqrcode.enable", str(png)],
            capture_output=True,
            text=True,
        )
        values += [line for line in result.stdout.splitlines() if line]
    return values


def font_resources(reader: PdfReader) -> list[dict]:
    fonts = []
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            fonts.append(font.get_object())
    return fonts


def multilingual_body(doc: DocumentBuilder) -> None:
    doc.heading(POLISH)
    doc.paragraph(UKRAINIAN)
    doc.paragraph(RUSSIAN)
    doc.paragraph("Plain text, not markup: a < b & c > d <b>")
    doc.key_value_table([("Imię i nazwisko", UKRAINIAN), ("Obywatelstwo", "Україна")])


def test_polish_and_cyrillic_text_comes_back_from_pypdf_and_pdftotext(letterheaded_office, tmp_path):
    data = render_document(letterheaded_office, title=POLISH, language="pl", build=multilingual_body)
    pypdf_text = PdfReader(io.BytesIO(data)).pages[0].extract_text()
    poppler_text = pdftotext(write(tmp_path, data))
    for expected in (
        POLISH,
        UKRAINIAN,
        RUSSIAN,
        "a < b & c > d <b>",
        "Україна",
        "Wydział Spraw Cudzoziemców",
    ):
        assert expected in pypdf_text
        assert expected in poppler_text


def test_only_embedded_dejavu_subsets_are_used(letterheaded_office):
    def body(doc: DocumentBuilder) -> None:
        multilingual_body(doc)
        doc.table(["Lp.", "Nazwa"], [[1, POLISH], [2, RUSSIAN]])
        doc.code128("ABC-123")
        doc.qr("https://example.org/")
        doc.signature_line()

    reader = PdfReader(
        io.BytesIO(
            render_document(
                letterheaded_office, title="Fonty", language="pl", build=body, reference=REFERENCE
            )
        )
    )
    fonts = font_resources(reader)
    names = {str(font["/BaseFont"]) for font in fonts}
    assert names, "the document uses no fonts at all"
    for font in fonts:
        base = str(font["/BaseFont"])
        assert "DejaVu" in base, f"{base} is not a DejaVu font"
        assert base[1:8].endswith("+") and base[1:7].isupper(), f"{base} is not a subset"
        assert "/FontFile2" in font["/FontDescriptor"].get_object(), f"{base} is not embedded"
        assert "/ToUnicode" in font, f"{base} has no ToUnicode map (text would not be extractable)"
    assert any(name.endswith("DejaVuSans") for name in names)
    assert any(name.endswith("DejaVuSans-Bold") for name in names)
    assert not any(base14 in name for name in names for base14 in ("Helvetica", "Times", "Courier"))


def test_code128_and_qr_codes_decode_with_zbar(letterheaded_office, tmp_path):
    ticket = "HB-2026-00017"
    link = "https://przystan.example/sprawa/ABC123?kod=Zażółć"

    def body(doc: DocumentBuilder) -> None:
        doc.paragraph(POLISH)
        doc.code128(ticket)
        doc.qr(link)

    path = write(
        tmp_path,
        render_document(letterheaded_office, title="Kody", language="pl", build=body, reference=REFERENCE),
    )
    values = zbar_values(path, tmp_path)
    assert sorted(values) == sorted([REFERENCE, ticket, link])


def test_barcodes_decode_with_pyzbar_too(letterheaded_office, tmp_path):
    from PIL import Image
    from pyzbar.pyzbar import decode

    def body(doc: DocumentBuilder) -> None:
        doc.code128("PYZBAR-42")
        doc.qr("Ґанна Їжакевич")

    path = write(tmp_path, render_document(letterheaded_office, title="Kody", language="uk", build=body))
    subprocess.run(
        ["pdftoppm", "-r", "200", "-png", "-singlefile", str(path), str(tmp_path / "page")], check=True
    )
    decoded = {
        (symbol.type, symbol.data.decode("utf-8")) for symbol in decode(Image.open(tmp_path / "page.png"))
    }
    assert decoded == {("CODE128", "PYZBAR-42"), ("QRCODE", "Ґанна Їжакевич")}


def three_pages(doc: DocumentBuilder) -> None:
    for number in range(1, 4):
        doc.heading(f"Rozdział {number}")
        doc.paragraph(POLISH)
        if number < 3:
            doc.page_break()


@pytest.mark.parametrize(
    ("language", "numbering"),
    [
        ("uk", "Сторінка {page} з {pages}"),
        ("pl", "Strona {page} z {pages}"),
        ("ru", "Страница {page} из {pages}"),
        ("en", "Page {page} of {pages}"),
    ],
)
def test_letterhead_and_translated_page_numbers_on_every_page(
    letterheaded_office, tmp_path, language, numbering
):
    data = render_document(
        letterheaded_office, title="Trzy strony", language=language, build=three_pages, reference=REFERENCE
    )
    reader = PdfReader(io.BytesIO(data))
    path = write(tmp_path, data)
    assert len(reader.pages) == 3
    for number in range(1, 4):
        for text in (reader.pages[number - 1].extract_text(), pdftotext(path, number)):
            for line in (
                letterheaded_office.name,
                "Wydział Spraw Cudzoziemców",
                "ul. Marszałkowska 3/5",
                "00-624 Warszawa",
                letterheaded_office.email,
                "+48 22 695 60 00",
                "Oddział Legalizacji Pobytu",
                "Plac Bankowy 3/5, pokój 12",
                REFERENCE,
            ):
                assert line in text, f"{line!r} missing on page {number}"
            assert numbering.format(page=number, pages=3) in text
            assert f"Rozdział {number}" in text


def test_builder_runs_in_the_document_language(letterheaded_office):
    def body(doc: DocumentBuilder) -> None:
        doc.signature_line()

    text = (
        PdfReader(io.BytesIO(render_document(letterheaded_office, title="Підпис", language="uk", build=body)))
        .pages[0]
        .extract_text()
    )
    assert "Підпис" in text
    assert "Дата" in text
    assert "тел. +48 22 695 60 00" in text


def test_metadata_names_title_author_and_language(letterheaded_office):
    data = render_document(
        letterheaded_office,
        title=f"Zaświadczenie — {UKRAINIAN}",
        language="uk",
        build=multilingual_body,
        reference=REFERENCE,
    )
    reader = PdfReader(io.BytesIO(data))
    assert reader.metadata.title == f"Zaświadczenie — {UKRAINIAN}"
    assert reader.metadata.author == letterheaded_office.name
    assert reader.trailer["/Root"]["/Lang"] == "uk"


def test_id1_card_pages_have_card_dimensions_and_a_readable_barcode(letterheaded_office, tmp_path):
    def cards(doc: DocumentBuilder) -> None:
        for number in ("C-000001", "C-000002"):
            doc.paragraph(UKRAINIAN)
            doc.code128(number, bar_height_mm=8, module_mm=0.3)
            if number.endswith("1"):
                doc.page_break()

    data = render_card(letterheaded_office, title="Karta", language="pl", build=cards)
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 2
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert width / mm == pytest.approx(85.60, abs=0.01)
        assert height / mm == pytest.approx(53.98, abs=0.01)
        assert letterheaded_office.short_name in page.extract_text()
    path = write(tmp_path, data, "cards.pdf")
    assert zbar_values(path, tmp_path, dpi=300) == ["C-000001", "C-000002"]

    portrait = PdfReader(
        io.BytesIO(
            render_card(
                letterheaded_office,
                title="Karta",
                language="pl",
                build=lambda doc: doc.paragraph(POLISH),
                orientation="portrait",
            )
        )
    )
    box = portrait.pages[0].mediabox
    assert (float(box.width) / mm, float(box.height) / mm) == pytest.approx((53.98, 85.60), abs=0.01)


def test_documents_render_concurrently_in_threads(letterheaded_office):
    from concurrent.futures import ThreadPoolExecutor

    def render(number: int) -> str:
        def body(doc: DocumentBuilder) -> None:
            doc.paragraph(f"{UKRAINIAN} {number}")

        data = render_document(letterheaded_office, title=str(number), language="ru", build=body)
        return PdfReader(io.BytesIO(data)).pages[0].extract_text()

    with ThreadPoolExecutor(max_workers=4) as pool:
        texts = list(pool.map(render, range(8)))
    for number, text in enumerate(texts):
        assert f"{UKRAINIAN} {number}" in text
        assert "Страница 1 из 1" in text


def test_pdf_response_is_not_cached():
    response = pdf_response(b"%PDF-1.4 test", "karta Ґанна.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "private, no-store"
    assert response["Content-Disposition"].startswith("inline;")
    assert "filename*=utf-8''karta%20%D2%90%D0%B0%D0%BD%D0%BD%D0%B0.pdf" in response["Content-Disposition"]
