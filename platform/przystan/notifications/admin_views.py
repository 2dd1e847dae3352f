"""Staff views of the outbox beyond listing: retry a failed message, send a test message."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import FormView, TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from przystan import access

from .delivery import schedule
from .errors import NotificationError
from .forms import SendTestForm
from .hooks import TEST_MESSAGE
from .models import OutboundMessage, Status

RESOURCE = "notifications.outbox"


def visible_messages(user: Any, action: str = "view") -> Any:
    """Outbox rows the policy lets ``user`` see (or ``manage``): their office's; every office's for
    platform administrators."""
    rows = OutboundMessage.objects.select_related("office")
    return access.visible(user, action, RESOURCE, rows)


def may_manage(request: HttpRequest) -> bool:
    """Retry and test sending (``notifications.outbox``: manage)."""
    return access.allows(request.user, "manage", RESOURCE)


def retry_message(message: OutboundMessage) -> None:
    """Put a failed or dead message back in line for a fresh series of attempts."""
    message.status = Status.QUEUED
    message.attempts = 0
    message.next_attempt_at = timezone.now()
    message.save(update_fields=["status", "attempts", "next_attempt_at"])
    schedule(message)


class RetryView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "notifications/admin/confirm_retry.html"
    page_title = gettext_lazy("Retry sending")
    header_icon = "mail"
    index_url_name = ""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        access.require(request, "manage", RESOURCE)
        self.object = get_object_or_404(visible_messages(request.user, "manage"), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self) -> str:
        return str(self.object)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(object=self.object, index_url=reverse(self.index_url_name))
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not self.object.can_retry:
            messages.error(request, _("Only failed messages can be retried."))
        else:
            retry_message(self.object)
            messages.success(request, _("The message is queued for sending again."))
        return HttpResponseRedirect(reverse(self.index_url_name))


class SendTestView(WagtailAdminTemplateMixin, FormView):
    template_name = "notifications/admin/send_test.html"
    form_class = SendTestForm
    page_title = gettext_lazy("Send a test message")
    header_icon = "mail"
    index_url_name = ""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        access.require(request, "manage", RESOURCE)
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self) -> dict[str, Any]:
        user = self.request.user
        return {
            "email": user.email,
            "phone": getattr(user, "phone", ""),
            "language": getattr(user, "preferred_language", "pl"),
        }

    def form_valid(self, form: SendTestForm) -> HttpResponse:
        from .service import notify

        user = self.request.user
        office = getattr(user, "home_office", None) or getattr(self.request, "office", None)
        channels = tuple(
            c
            for c, value in (("email", form.cleaned_data["email"]), ("sms", form.cleaned_data["phone"]))
            if value
        )
        try:
            sent = notify(
                TEST_MESSAGE,
                office=office,
                email=form.cleaned_data["email"] or None,
                phone=form.cleaned_data["phone"] or None,
                language=form.cleaned_data["language"],
                channels=channels,
                context={
                    "office_name": str(office) if office else "Przystań",
                    "sent_by": user.get_full_name() or user.email,
                },
            )
        except NotificationError as exc:
            form.add_error(None, str(exc))
            return self.form_invalid(form)
        messages.success(
            self.request,
            ngettext("%(count)d test message queued.", "%(count)d test messages queued.", len(sent))
            % {"count": len(sent)},
        )
        return HttpResponseRedirect(reverse(self.index_url_name))
