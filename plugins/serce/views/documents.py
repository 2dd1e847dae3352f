"""PDF printouts of a person's record and the photo; every one is a read of the person, audited."""

from __future__ import annotations

from pathlib import PurePath

from django.http import Http404, HttpRequest, HttpResponse

from przystan import access as policy
from przystan.audit.api import record_event, record_read
from przystan.documents.http import pdf_response

from .. import access
from ..forms import PHOTO_TYPES
from ..models import Benefit
from ..services import printouts
from .common import serce_view


def _language(request: HttpRequest) -> str:
    language = request.GET.get("lang", "pl")
    return language if language in ("pl", "en", "uk", "ru") else "pl"


@serce_view("serce.person", "view")
def person_photo(request: HttpRequest, pk: int) -> HttpResponse:
    """The person's photo, only to staff who may see this person (per centre); every read is audited."""
    person = access.person_for(request, pk, "view")
    content = printouts.photo_bytes(person)
    if content is None:
        raise Http404
    record_read(person, request=request, reason="serce photo")
    response = HttpResponse(
        content, content_type=PHOTO_TYPES.get(PurePath(person.photo.name).suffix.lower(), "image/jpeg")
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Disposition"] = "inline"
    return response


@serce_view("serce.person", "view")
def person_card(request: HttpRequest, pk: int) -> HttpResponse:
    person = access.person_for(request, pk, "view")
    record_event("export", person, request=request, reason="register card")
    return pdf_response(
        printouts.person_card(person, _language(request)), f"karta-{person.register_number}.pdf"
    )


@serce_view("serce.person", "view")
def residence_certificate(request: HttpRequest, pk: int) -> HttpResponse:
    person = access.person_for(request, pk, "view")
    record_event("export", person, request=request, reason="residence certificate")
    return pdf_response(
        printouts.residence_certificate(person, _language(request)),
        f"zaswiadczenie-{person.register_number}.pdf",
    )


@serce_view("serce.benefit", "view")
def benefit_decision(request: HttpRequest, pk: int, benefit: int) -> HttpResponse:
    person = access.person_for(request, pk, "view")
    item = policy.get_or_404(
        request, "view", "serce.benefit", Benefit.objects.filter(person=person), pk=benefit
    )
    record_event("export", item, request=request, reason="benefit decision")
    return pdf_response(
        printouts.benefit_decision(item, _language(request)),
        f"decyzja-{person.register_number}-{item.pk}.pdf",
    )
