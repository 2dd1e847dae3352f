"""Messages between the foreigner and the office, and requests to supplement (wezwania)."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Message(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey("legalisation.Case", on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    from_office = models.BooleanField(default=False)
    body = models.TextField(_("message"))
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.case_id}: {self.created_at}"


class SupplementRequest(models.Model):
    """A request to complete documents or pay; the legal clock is paused while it is open."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey("legalisation.Case", on_delete=models.CASCADE, related_name="supplements")
    text = models.TextField(_("what is missing"))
    due_date = models.DateField(_("deadline"))
    requested_on = models.DateField()
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    answered_on = models.DateField(null=True, blank=True)
    answer_text = models.TextField(blank=True)

    class Meta:
        ordering = ["requested_on", "id"]

    def __str__(self) -> str:
        return f"{self.case_id}: {self.due_date}"

    @property
    def is_open(self) -> bool:
        return self.answered_on is None
