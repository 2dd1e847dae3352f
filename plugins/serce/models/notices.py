"""SMS and e-mail notices sent to persons (in bulk to a filtered group), with delivery status."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class NoticeBatch(models.Model):
    office = models.ForeignKey(
        "offices.Office",
        on_delete=models.PROTECT,
        related_name="serce_notice_batches",
        verbose_name=_("office"),
    )
    notice_type = models.CharField(_("notice"), max_length=100)
    audience = models.JSONField(_("audience filter"), default=dict, blank=True)
    context = models.JSONField(_("message details"), default=dict, blank=True)
    channels = models.JSONField(_("channels"), default=list)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("sent by")
    )
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("notice batch")
        verbose_name_plural = _("notice batches")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        from ..dates import staff_date

        return f"{self.notice_type} {staff_date(self.created_at)}"

    @property
    def label(self) -> str:
        """The notice's name (not its code) and when it was sent, for staff screens."""

        from ..dates import staff_date
        from ..services.notices import KINDS

        kind = KINDS.get(self.notice_type)
        name = str(kind.label) if kind else self.notice_type
        return f"{name} {staff_date(self.created_at)}" if self.created_at else name


class NoticeRecipient(models.Model):
    batch = models.ForeignKey(NoticeBatch, on_delete=models.CASCADE, related_name="recipients")
    person = models.ForeignKey("serce.Person", on_delete=models.CASCADE, related_name="notices")
    message = models.ForeignKey(
        "notifications.OutboundMessage", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    channel = models.CharField(_("channel"), max_length=8)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        verbose_name = _("notice recipient")
        verbose_name_plural = _("notice recipients")

    def __str__(self) -> str:
        return f"{self.person} ({self.channel})"

    def get_channel_display(self) -> str:
        from przystan.notifications.models import Channel

        return str(dict(Channel.choices).get(self.channel, self.channel))
