"""Staff dashboard panel: overdue inquiries to other authorities in the user's cases (with reminders)."""

from __future__ import annotations

from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone

from ..deadlines import DONE
from ..scoping import staff_cases


def overdue_inquiries(request: Any) -> str:
    """Shown to roles that may edit cases; the handler sees the inquiries of the cases in her scope."""
    from ..models import Inquiry

    office = getattr(request, "office", None)
    if office is None:
        return ""
    today = timezone.localdate()
    inquiries = (
        Inquiry.objects.filter(
            case__in=staff_cases(request.user, office, "edit").exclude(stage__in=DONE),
            answered_on__isnull=True,
            due_on__lt=today,
        )
        .select_related("case")
        .prefetch_related("reminders")
        .order_by("due_on", "id")
    )
    rows = list(inquiries[:10])
    if not rows:
        return ""
    return render_to_string(
        "legalisation/staff/letters/panel_inquiries.html", {"rows": rows}, request=request
    )


def letter_templates_panel(request: Any) -> str:
    """For who manages the office's letter templates: how many there are, and the way to them."""
    from ..models import LetterTemplate

    office = getattr(request, "office", None)
    if office is None:
        return ""
    return render_to_string(
        "legalisation/staff/letters/panel_templates.html",
        {"count": LetterTemplate.objects.filter(office=office, active=True).count()},
        request=request,
    )
