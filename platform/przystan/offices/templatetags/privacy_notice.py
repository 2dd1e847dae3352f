"""``{% privacy_notice "<clause>" %}``: the short, layered GDPR art. 13 notice shown next to a form.

``{% dpo_contact %}`` renders the data protection officer's contact (the public footers use it).
"""

from __future__ import annotations

from typing import Any

from django import template
from django.conf import settings

from przystan.offices.privacy_notices import notice

register = template.Library()


def privacy_page_url(context: Any) -> str:
    """The office's full privacy page (the portal's, through its context processor) or the setting."""
    page = context.get("privacy_page")
    url = getattr(page, "url", "") if page else ""
    return url or getattr(settings, "PRZYSTAN_PRIVACY_NOTICE_URL", "")


@register.inclusion_tag("offices/privacy_notice.html", takes_context=True)
def privacy_notice(context: Any, name: str) -> dict[str, Any]:
    office = context.get("office")
    return {
        "office": office,
        "notice": notice(office, name),
        "privacy_url": privacy_page_url(context),
    }


@register.inclusion_tag("offices/dpo_contact.html", takes_context=True)
def dpo_contact(context: Any, link_privacy_page: bool = True) -> dict[str, Any]:
    """The DPO's contact for a footer; ``link_privacy_page=False`` where the footer links it already."""
    url = privacy_page_url(context) if link_privacy_page else ""
    return {"office": context.get("office"), "privacy_url": url}
