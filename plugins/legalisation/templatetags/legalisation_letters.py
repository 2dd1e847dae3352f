"""``{% letters_panel case %}``: the letters of a case on the staff case page."""

from __future__ import annotations

from typing import Any

from django import template

from przystan import access

from ..policy import CASE

register = template.Library()


@register.inclusion_tag("legalisation/staff/letters/_panel.html", takes_context=True)
def letters_panel(context: Any, case: Any) -> dict[str, Any]:
    from ..models import InquiryReminder

    request = context["request"]
    user, office = request.user, request.office
    return {
        "case": case,
        "letters": case.letters.prefetch_related("dispatches"),
        "overdue_reminders": InquiryReminder.objects.filter(
            inquiry__case=case, inquiry__answered_on__isnull=True
        ).select_related("inquiry", "dispatch"),
        "can_read": access.allows(user, "read_sensitive", CASE, case, office=office),
        "can_issue": access.allows(user, "edit", CASE, case, office=office),
    }
