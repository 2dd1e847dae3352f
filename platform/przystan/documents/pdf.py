"""PDF documents of an office: DejaVu fonts, the office letterhead on every page, vector barcodes.

Other modules describe the body of a document through a :class:`DocumentBuilder` and get bytes back::

    def build(doc: DocumentBuilder) -> None:
        doc.heading(_("Admission certificate"))
        doc.key_value_table([(_("Name"), person.full_name), (_("Centre"), centre.name)])
        doc.qr(check_url)
        doc.signature_line()

    data = render_document(office, title=_("Admission certificate"), language="uk", build=build,
                           reference="HB/2026/00017")

Everything (the builder callback included) runs under ``translation.override(language)``, so lazy
strings and ``gettext`` calls inside ``build`` come out in the document's language. A4 documents carry
the letterhead and "page X of Y" on every page and, when ``reference`` is given, the reference with a
Code128 barcode in the header. :func:`render_card` makes ID-1 cards (85.60 × 53.98 mm), one per page.
"""

from __future__ import annotations

import functools
import io
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal
from xml.sax.saxutils import escape

from django.utils import translation
from django.utils.translation import gettext as _
from reportlab.graphics.barcode.code128 import Code128
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    Image,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from .fonts import BOLD, MONO, REGULAR, register_fonts

__all__ = [
    "A4",
    "CARD_ID1",
    "CARD_ID1_PORTRAIT",
    "DocumentBuilder",
    "Letterhead",
    "render_card",
    "render_document",
]

CARD_ID1 = (85.60 * mm, 53.98 * mm)  # ISO/IEC 7810 ID-1 (bank-card size), landscape
CARD_ID1_PORTRAIT = (CARD_ID1[1], CARD_ID1[0])
PRODUCER = "Przystań"
GREY = colors.Color(0.35, 0.35, 0.35)
RULE = colors.Color(0.6, 0.6, 0.6)

Align = Literal["LEFT", "CENTER", "RIGHT"]
Build = Callable[["DocumentBuilder"], None]


# --------------------------------------------------------------------------- letterhead


@dataclass(frozen=True)
class Letterhead:
    """The lines printed at the top of every page, taken from an office."""

    name: str
    short_name: str
    lines: tuple[str, ...]  # department, street, postal code and city
    contact: str
    extra: tuple[str, ...]  # the office's own letterhead lines

    @classmethod
    def for_office(cls, office: Any) -> Letterhead:
        """Read the letterhead of ``office`` (call under the document's language: labels are translated)."""
        contact = []
        if getattr(office, "phone", ""):
            contact.append(_("phone %(number)s") % {"number": office.phone})
        if getattr(office, "email", ""):
            contact.append(_("e-mail %(address)s") % {"address": office.email})
        if getattr(office, "website", ""):
            contact.append(office.website)
        extra = tuple(
            line.strip() for line in (getattr(office, "letterhead", "") or "").splitlines() if line.strip()
        )
        return cls(
            name=office.name,
            short_name=getattr(office, "short_name", "") or office.name,
            lines=tuple(office.address_lines),
            contact=" · ".join(contact),
            extra=extra,
        )


# --------------------------------------------------------------------------- styles


@dataclass(frozen=True)
class Scale:
    """Font sizes (points) of one document format."""

    body: float
    small: float
    h1: float
    h2: float
    h3: float
    gap: float  # space after a paragraph


A4_SCALE = Scale(body=10, small=8, h1=15, h2=12.5, h3=11, gap=5)
CARD_SCALE = Scale(body=7, small=5.5, h1=9, h2=8, h3=7.5, gap=1.5)


def _styles(scale: Scale) -> dict[str, ParagraphStyle]:
    body = ParagraphStyle(
        "body",
        fontName=REGULAR,
        fontSize=scale.body,
        leading=scale.body * 1.3,
        spaceAfter=scale.gap,
        alignment=TA_LEFT,
    )
    return {
        "body": body,
        "small": ParagraphStyle(
            "small", parent=body, fontSize=scale.small, leading=scale.small * 1.3, textColor=GREY
        ),
        "cell": ParagraphStyle("cell", parent=body, spaceAfter=0),
        "cell-bold": ParagraphStyle("cell-bold", parent=body, fontName=BOLD, spaceAfter=0),
        "h1": ParagraphStyle(
            "h1",
            parent=body,
            fontName=BOLD,
            fontSize=scale.h1,
            leading=scale.h1 * 1.25,
            spaceBefore=scale.gap,
            spaceAfter=scale.gap * 1.5,
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=body,
            fontName=BOLD,
            fontSize=scale.h2,
            leading=scale.h2 * 1.25,
            spaceBefore=scale.gap,
            spaceAfter=scale.gap,
        ),
        "h3": ParagraphStyle(
            "h3",
            parent=body,
            fontName=BOLD,
            fontSize=scale.h3,
            leading=scale.h3 * 1.25,
            spaceBefore=scale.gap * 0.6,
            spaceAfter=scale.gap * 0.6,
        ),
    }


def _text(value: Any) -> str:
    """Plain text of a value for a PDF paragraph (escaped; line breaks kept)."""
    if value is None:
        return ""
    return escape(str(value)).replace("\n", "<br/>")


# --------------------------------------------------------------------------- builder


class DocumentBuilder:
    """Collects the body of a document. All texts are plain text unless ``markup=True``."""

    def __init__(self, width: float, scale: Scale = A4_SCALE) -> None:
        self.width = width  # usable width of the page body, in points
        self.scale = scale
        self.styles = _styles(scale)
        self.story: list[Flowable] = []

    # text -----------------------------------------------------------------
    def heading(self, text: str, level: int = 1) -> None:
        self.story.append(Paragraph(_text(text), self.styles[f"h{min(max(level, 1), 3)}"]))

    def paragraph(self, text: str, *, markup: bool = False, small: bool = False) -> None:
        """A paragraph; ``markup=True`` allows reportlab's inline tags (``<b>``, ``<br/>``) in ``text``."""
        style = self.styles["small" if small else "body"]
        self.story.append(Paragraph(str(text) if markup else _text(text), style))

    # tables ---------------------------------------------------------------
    def key_value_table(self, rows: Iterable[tuple[Any, Any]], *, key_width: float | None = None) -> None:
        """Two columns: a bold label and its value."""
        data = [
            [Paragraph(_text(key), self.styles["cell-bold"]), Paragraph(_text(value), self.styles["cell"])]
            for key, value in rows
        ]
        if not data:
            return
        key_width = key_width if key_width is not None else self.width * 0.35
        table = Table(data, colWidths=[key_width, self.width - key_width], hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
                    *self._cell_padding(),
                ]
            )
        )
        self.story.append(table)
        self.spacer(self.scale.gap / mm * 0.8)

    def table(
        self,
        header: Sequence[Any],
        rows: Iterable[Sequence[Any]],
        *,
        col_widths: Sequence[float] | None = None,
    ) -> None:
        """A table whose bold header row repeats on every page; ``col_widths`` are fractions of the width."""
        data = [[Paragraph(_text(cell), self.styles["cell-bold"]) for cell in header]]
        data += [[Paragraph(_text(cell), self.styles["cell"]) for cell in row] for row in rows]
        columns = len(header)
        fractions = list(col_widths) if col_widths else [1 / columns] * columns
        total = sum(fractions)
        table = Table(
            data, colWidths=[self.width * f / total for f in fractions], repeatRows=1, hAlign="LEFT"
        )
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.92, 0.92, 0.92)),
                    ("GRID", (0, 0), (-1, -1), 0.25, RULE),
                    *self._cell_padding(),
                ]
            )
        )
        self.story.append(table)
        self.spacer(self.scale.gap / mm * 0.8)

    def _cell_padding(self) -> list[tuple[Any, ...]]:
        pad = 3 if self.scale is A4_SCALE else 1
        return [
            ("TOPPADDING", (0, 0), (-1, -1), pad),
            ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
            ("LEFTPADDING", (0, 0), (-1, -1), pad),
            ("RIGHTPADDING", (0, 0), (-1, -1), pad),
        ]

    # layout ---------------------------------------------------------------
    def spacer(self, height_mm: float = 4) -> None:
        self.story.append(Spacer(1, height_mm * mm))

    def page_break(self) -> None:
        self.story.append(PageBreak())

    def columns(self, parts: Sequence[Build], *, widths: Sequence[float] | None = None) -> None:
        """Side-by-side columns; each part fills a sub-builder. ``widths`` are fractions of the width."""
        fractions = list(widths) if widths else [1 / len(parts)] * len(parts)
        total = sum(fractions)
        col_widths = [self.width * f / total for f in fractions]
        cells = []
        for part, width in zip(parts, col_widths, strict=True):
            sub = DocumentBuilder(width, self.scale)
            part(sub)
            cells.append(sub.story)
        table = Table([cells], colWidths=col_widths, hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        self.story.append(table)

    def add(self, flowable: Flowable) -> None:
        """Escape hatch: append any reportlab flowable."""
        self.story.append(flowable)

    # graphics -------------------------------------------------------------
    def code128(
        self,
        value: str,
        *,
        bar_height_mm: float = 12,
        module_mm: float = 0.33,
        human_readable: bool = True,
        align: Align = "LEFT",
    ) -> None:
        """A Code128 barcode (vector) of ``value`` with the value printed under it."""
        self.story.append(
            code128_flowable(
                value,
                bar_height_mm=bar_height_mm,
                module_mm=module_mm,
                human_readable=human_readable,
                font_size=self.scale.small,
                align=align,
            )
        )

    def qr(self, value: str, *, size_mm: float = 30, align: Align = "LEFT") -> None:
        """A QR code (vector, error correction M) of ``value``, ``size_mm`` square with its quiet zone."""
        self.story.append(qr_flowable(value, size_mm=size_mm, align=align))

    def image(
        self,
        source: bytes | str | Path,
        *,
        width_mm: float,
        height_mm: float | None = None,
        align: Align = "LEFT",
    ) -> None:
        """A raster image (e.g. a photo on an ID card) from bytes or a path; keeps the aspect ratio."""
        reader = ImageReader(io.BytesIO(source) if isinstance(source, bytes) else str(source))
        iw, ih = reader.getSize()
        width = width_mm * mm
        height = height_mm * mm if height_mm is not None else width * ih / iw
        flowable = Image(io.BytesIO(source) if isinstance(source, bytes) else str(source), width, height)
        flowable.hAlign = align
        self.story.append(flowable)

    def signature_line(
        self, label: str | None = None, *, width_mm: float = 70, with_date: bool = True
    ) -> None:
        """A line to sign on, captioned ``label`` (default "Signature"), optionally with a date line."""
        caption = Paragraph(_text(label if label is not None else _("Signature")), self.styles["small"])
        line_width = min(width_mm * mm, self.width / (2 if with_date else 1) - 6 * mm)
        cells: list[Any] = [
            ["", ""] if with_date else [""],
            [caption, Paragraph(_text(_("Date")), self.styles["small"])] if with_date else [caption],
        ]
        widths = [line_width, line_width] if with_date else [line_width]
        table = Table(
            cells,
            colWidths=widths,
            rowHeights=[14 * mm if self.scale is A4_SCALE else 6 * mm, None],
            hAlign="RIGHT" if not with_date else "LEFT",
            spaceBefore=4 * mm,
        )
        style = [
            ("LINEBELOW", (0, 0), (0, 0), 0.6, colors.black),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ]
        if with_date:
            style.append(("LINEBELOW", (1, 0), (1, 0), 0.6, colors.black))
            style.append(("LEFTPADDING", (1, 0), (1, -1), 6 * mm))
        table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), REGULAR), *style]))
        self.story.append(KeepTogether([table]))


def code128_flowable(
    value: str,
    *,
    bar_height_mm: float = 12,
    module_mm: float = 0.33,
    human_readable: bool = True,
    font_size: float = 8,
    align: Align = "LEFT",
) -> Code128:
    register_fonts()
    barcode = Code128(
        value,
        barHeight=bar_height_mm * mm,
        barWidth=module_mm * mm,
        humanReadable=human_readable,
        fontName=MONO,
        fontSize=font_size,
    )
    barcode.hAlign = align
    return barcode


class _QrFlowable(Flowable):
    """A QR code drawing as a flowable (reportlab's QR widget scaled to a square)."""

    def __init__(self, value: str, size: float) -> None:
        super().__init__()
        self.value = value
        self.size = size
        widget = QrCodeWidget(value, barLevel="M")
        x0, y0, x1, y1 = widget.getBounds()
        self.drawing = Drawing(
            size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0], initialFontName=REGULAR
        )
        self.drawing.add(widget)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        self.drawing.drawOn(self.canv, 0, 0)


def qr_flowable(value: str, *, size_mm: float = 30, align: Align = "LEFT") -> Flowable:
    flowable = _QrFlowable(value, size_mm * mm)
    flowable.hAlign = align
    return flowable


# --------------------------------------------------------------------------- page furniture

PageDecorator = Callable[[Canvas, int, int], None]


def _canvas_with_totals(decorate: PageDecorator) -> type[Canvas]:
    """A canvas that holds pages back until the end, so that each page can say "page X of Y"."""

    class TotalsCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held_pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab API
            self._held_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._held_pages)
            for number, state in enumerate(self._held_pages, start=1):
                self.__dict__.update(state)
                decorate(self, number, total)
                super().showPage()
            super().save()

    return TotalsCanvas


@dataclass(frozen=True)
class _A4Layout:
    page_width: float
    page_height: float
    margin: float
    header_lines: list[tuple[str, str, float]]  # (text, font, size), top to bottom
    header_bottom: float  # y of the rule under the header
    reference: str | None
    reference_label: str
    reference_barcode: Code128 | None


HEADER_TOP_MM = 12
NAME_SIZE = 10.5
LINE_SIZE = 8.5
FOOTER_Y_MM = 10


def _a4_layout(letterhead: Letterhead, reference: str | None, pagesize: tuple[float, float]) -> _A4Layout:
    width, height = pagesize
    margin = 20 * mm
    barcode = None
    block = 0.0
    if reference:
        barcode = code128_flowable(reference, bar_height_mm=9, module_mm=0.3, font_size=7)
        block = barcode.wrap(width, height)[0] + 6 * mm
    text_width = width - 2 * margin - block
    lines: list[tuple[str, str, float]] = []
    for text in simpleSplit(letterhead.name, BOLD, NAME_SIZE, text_width):
        lines.append((text, BOLD, NAME_SIZE))
    for source in (*letterhead.lines, letterhead.contact, *letterhead.extra):
        for text in simpleSplit(source, REGULAR, LINE_SIZE, text_width) if source else []:
            lines.append((text, REGULAR, LINE_SIZE))
    used = sum(size * 1.25 for _text, _font, size in lines)
    min_block = 22 * mm if reference else 0
    header_bottom = height - HEADER_TOP_MM * mm - max(used, min_block) - 3 * mm
    return _A4Layout(width, height, margin, lines, header_bottom, reference, _("Document no."), barcode)


def _draw_a4_header(layout: _A4Layout) -> Callable[[Canvas, Any], None]:
    def draw(canvas: Canvas, doc: Any) -> None:
        canvas.saveState()
        y = layout.page_height - HEADER_TOP_MM * mm
        for text, font, size in layout.header_lines:
            y -= size
            canvas.setFont(font, size)
            canvas.setFillColor(colors.black if font == BOLD else GREY)
            canvas.drawString(layout.margin, y, text)
            y -= size * 0.25
        if layout.reference_barcode is not None:
            right = layout.page_width - layout.margin
            top = layout.page_height - HEADER_TOP_MM * mm
            canvas.setFillColor(GREY)
            canvas.setFont(REGULAR, 7)
            canvas.drawRightString(right, top - 7, layout.reference_label)
            barcode = layout.reference_barcode
            bw, bh = barcode.wrap(layout.page_width, layout.page_height)
            canvas.setFillColor(colors.black)
            barcode.drawOn(canvas, right - bw, top - 10 - bh)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(
            layout.margin, layout.header_bottom, layout.page_width - layout.margin, layout.header_bottom
        )
        canvas.restoreState()

    return draw


def _draw_a4_footer(layout: _A4Layout) -> PageDecorator:
    def draw(canvas: Canvas, number: int, total: int) -> None:
        canvas.saveState()
        y = FOOTER_Y_MM * mm
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(layout.margin, y + 10, layout.page_width - layout.margin, y + 10)
        canvas.setFillColor(GREY)
        if layout.reference:
            canvas.setFont(MONO, 8)
            canvas.drawString(layout.margin, y, layout.reference)
        canvas.setFont(REGULAR, 8)
        canvas.drawRightString(
            layout.page_width - layout.margin,
            y,
            _("Page %(page)s of %(pages)s") % {"page": number, "pages": total},
        )
        canvas.restoreState()

    return draw


def _doc_template(
    buffer: io.BytesIO,
    *,
    pagesize: tuple[float, float],
    title: str,
    author: str,
    subject: str,
    language: str,
    reference: str | None,
) -> BaseDocTemplate:
    return BaseDocTemplate(
        buffer,
        pagesize=pagesize,
        title=title,
        author=author,
        subject=subject,
        creator=PRODUCER,
        producer=PRODUCER,
        keywords=[reference] if reference else [],
        lang=language,
        initialFontName=REGULAR,
        initialFontSize=10,
        initialLeading=12,
    )


# --------------------------------------------------------------------------- entry points


# reportlab's TrueType fonts keep subsetting state per font object, shared by every thread of the
# process; two documents built at once (gthread/uvicorn workers) corrupt it (IndexError in
# ``makeSubset``). Documents are therefore built one at a time per process.
_RENDER_LOCK = threading.RLock()


def _one_at_a_time[F: Callable[..., Any]](func: F) -> F:
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        with _RENDER_LOCK:
            return func(*args, **kwargs)

    return wrapper  # type: ignore[return-value]


@_one_at_a_time
def render_document(
    office: Any,
    *,
    title: str,
    language: str,
    build: Build,
    reference: str | None = None,
    subject: str | None = None,
    pagesize: tuple[float, float] = A4,
) -> bytes:
    """Render a letterheaded document of ``office`` in ``language``; ``build`` fills the body."""
    register_fonts()
    with translation.override(language):
        title = str(title)
        letterhead = Letterhead.for_office(office)
        layout = _a4_layout(letterhead, reference, pagesize)
        buffer = io.BytesIO()
        doc = _doc_template(
            buffer,
            pagesize=pagesize,
            title=title,
            author=letterhead.name,
            subject=str(subject) if subject else title,
            language=language,
            reference=reference,
        )
        frame_top = layout.header_bottom - 6 * mm
        frame_bottom = FOOTER_Y_MM * mm + 16
        frame = Frame(
            layout.margin,
            frame_bottom,
            pagesize[0] - 2 * layout.margin,
            frame_top - frame_bottom,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="body",
        )
        doc.addPageTemplates([PageTemplate(id="letterhead", frames=[frame], onPage=_draw_a4_header(layout))])
        builder = DocumentBuilder(pagesize[0] - 2 * layout.margin, A4_SCALE)
        build(builder)
        story = builder.story or [Spacer(1, 1)]
        doc.build(story, canvasmaker=_canvas_with_totals(_draw_a4_footer(layout)))
    return buffer.getvalue()


@_one_at_a_time
def render_card(
    office: Any,
    *,
    title: str,
    language: str,
    build: Build,
    reference: str | None = None,
    orientation: Literal["landscape", "portrait"] = "landscape",
) -> bytes:
    """Render ID-1 cards (85.60 × 53.98 mm), one per page: the office's short name on top, then the body.

    Call ``builder.page_break()`` between cards to print several in one file. The card layout is the
    caller's (e.g. ``builder.columns`` for photo and data, ``builder.code128`` for the card number);
    ``reference`` only goes into the PDF keywords.
    """
    register_fonts()
    pagesize = CARD_ID1 if orientation == "landscape" else CARD_ID1_PORTRAIT
    margin = 3 * mm
    strip = 5 * mm
    with translation.override(language):
        title = str(title)
        letterhead = Letterhead.for_office(office)
        buffer = io.BytesIO()
        doc = _doc_template(
            buffer,
            pagesize=pagesize,
            title=title,
            author=letterhead.name,
            subject=title,
            language=language,
            reference=reference,
        )

        def draw_strip(canvas: Canvas, doc: Any) -> None:
            canvas.saveState()
            canvas.setFont(BOLD, 6.5)
            canvas.setFillColor(colors.black)
            name = simpleSplit(letterhead.short_name, BOLD, 6.5, pagesize[0] - 2 * margin)[:1]
            canvas.drawString(margin, pagesize[1] - margin - 6.5, name[0] if name else "")
            canvas.setStrokeColor(RULE)
            canvas.setLineWidth(0.4)
            canvas.line(
                margin,
                pagesize[1] - margin - strip + 1,
                pagesize[0] - margin,
                pagesize[1] - margin - strip + 1,
            )
            canvas.restoreState()

        frame = Frame(
            margin,
            margin,
            pagesize[0] - 2 * margin,
            pagesize[1] - 2 * margin - strip,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="card",
        )
        doc.addPageTemplates([PageTemplate(id="card", frames=[frame], onPage=draw_strip)])
        builder = DocumentBuilder(pagesize[0] - 2 * margin, CARD_SCALE)
        build(builder)
        doc.build(builder.story or [Spacer(1, 1)])
    return buffer.getvalue()
