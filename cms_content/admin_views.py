"""Editors' views in the Wagtail admin: out-of-date translations and pages flagged for legal review."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from .models import InformationPage, ProcedurePage
from .translation_status import translation_report


def unchecked_acts() -> list[object]:
    """Acts whose status the legal-acts check could not confirm at the source (never checked, or the
    last lookup failed): until they are, "every page cites the current texts" cannot be said."""
    from django.db.models import Q

    from .models import LegalAct

    return list(LegalAct.objects.filter(Q(checked_at__isnull=True) | ~Q(check_error="")).order_by("title"))


def superseded_citations() -> list[dict[str, object]]:
    """Every page citing a superseded consolidated text, with the text to cite instead (computed now,
    whether or not the legal-acts check has run since an editor marked a text superseded)."""
    rows: list[dict[str, object]] = []
    for model in (ProcedurePage, InformationPage):
        pages = (
            model.objects.filter(cited_texts__superseded_by__isnull=False)
            .distinct()
            .select_related("locale")
            .prefetch_related("cited_texts__act", "cited_texts__superseded_by")
            .order_by("title")
        )
        for page in pages:
            for cited, instead in page.superseded_citations():
                rows.append({"page": page, "cited": cited, "instead": instead})
    return rows


def translations_overview(request: HttpRequest) -> HttpResponse:
    only_problems = request.GET.get("all") != "1"
    rows = translation_report(only_problems=only_problems)
    flagged = [
        *ProcedurePage.objects.filter(needs_review=True).select_related("locale"),
        *InformationPage.objects.filter(needs_review=True).select_related("locale"),
    ]
    languages = [(code, name) for code, name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
    return TemplateResponse(
        request,
        "cms_content/admin/translations.html",
        {
            "page_title": _("Translations and reviews"),
            "rows": rows,
            "languages": languages,
            "only_problems": only_problems,
            "flagged": flagged,
            "superseded": superseded_citations(),
            "unchecked": unchecked_acts(),
        },
    )
