"""Bulk SMS/e-mail notices to a filtered group, with an SMS length and cost preview and delivery status."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import ngettext

from przystan import access as policy

from .. import access
from ..forms import NoticeForm
from ..models import NoticeBatch, Person
from ..services import notices
from .common import serce_view

NOTICE = "serce.notice"
LANGUAGES = dict(Person.Language.choices)


@serce_view(NOTICE, "view")
def notice_compose(request: HttpRequest) -> HttpResponse:
    centres = access.staff_centres(request.user, request.office)
    form = NoticeForm(request.POST or None, centres=centres)
    context = {
        "form": form,
        "nav": "notices",
        "batches": policy.visible(
            request.user, "view", NOTICE, NoticeBatch.objects.all(), office=request.office
        )[:20],
        "can_send": policy.allows(request.user, "edit", NOTICE, office=request.office),
    }
    if request.method == "POST":
        policy.require(request, "edit", NOTICE)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        persons = access.visible_persons(request.user, request.office, "edit")
        group = notices.audience(
            persons,
            centre=data["centre"],
            outside=data["outside"],
            nationality=data["nationality"],
            language=data["language"],
            with_children=data["with_children"],
        )
        message_context = form.message_context()
        if "send" in request.POST:
            audience_filter = {
                "centre": data["centre"].code if data["centre"] else "",
                "outside": data["outside"],
                "nationality": data["nationality"],
                "language": data["language"],
                "with_children": data["with_children"],
            }
            batch = notices.send_bulk(
                request.office,
                data["notice_type"],
                group,
                message_context,
                form.channels(),
                request.user,
                audience_filter,
            )
            queued = batch.recipients.count()
            messages.success(
                request,
                ngettext("%(count)d message was queued.", "%(count)d messages were queued.", queued)
                % {"count": queued},
            )
            return redirect("serce:notice-batch", pk=batch.pk)
        preview = notices.preview(request.office, data["notice_type"], message_context)
        for row in preview:
            row["recipients"] = (
                group.filter(language=row["language"]).exclude(phone="").count() if data["send_sms"] else 0
            )
            row["total_cost_grosze"] = row["recipients"] * row["cost_grosze"]
            row["language_label"] = LANGUAGES.get(row["language"], row["language"])
        context.update({"preview": preview, "recipient_count": group.count()})
    return render(request, "serce/notices.html", context)


@serce_view(NOTICE, "view")
def notice_batch(request: HttpRequest, pk: int) -> HttpResponse:
    batch = policy.get_or_404(request, "view", NOTICE, NoticeBatch.objects.all(), pk=pk)
    recipients = batch.recipients.select_related("person", "message")[:500]
    return render(
        request,
        "serce/notice_batch.html",
        {
            "batch": batch,
            "recipients": recipients,
            "summary": notices.delivery_summary_labels(batch),
            "nav": "notices",
        },
    )
