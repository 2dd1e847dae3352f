"""The printed ticket of a checked-in visitor: an ID-1 card with the number, its barcode and the time.

The number is printed once, large, above the barcode; the barcode carries no human-readable line of
its own (reportlab draws that line below the flowable's box, where it overlapped the next text).
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from przystan.documents.fonts import BOLD
from przystan.documents.pdf import render_card

from .models import Booking

NUMBER_SIZE = 18  # points: readable from arm's length at the counter
BAR_HEIGHT_MM = 8


def ticket_pdf_bytes(office: Any, booking: Booking) -> bytes:
    """The ticket card of ``booking`` in the visitor's language."""
    number_style = ParagraphStyle(
        "ticket-number", fontName=BOLD, fontSize=NUMBER_SIZE, leading=NUMBER_SIZE * 1.2, spaceAfter=2
    )

    def build(doc: Any) -> None:
        doc.paragraph(_("Your ticket"), small=True)
        doc.add(Paragraph(booking.ticket_number, number_style))
        doc.code128(booking.ticket_number, bar_height_mm=BAR_HEIGHT_MM, human_readable=False)
        doc.spacer(1.5)
        doc.paragraph(
            _("%(service)s · booked for %(time)s")
            % {
                "service": booking.service_type,
                "time": timezone.localtime(booking.slot.starts_at).strftime("%H:%M"),
            },
            small=True,
        )
        doc.paragraph(_("Wait until your number is shown on the screen."), small=True)

    return render_card(
        office, title=_("Ticket"), language=booking.language, build=build, reference=booking.ticket_number
    )
