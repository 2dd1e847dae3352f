"""A fee added, changed or removed is shown on procedure pages: tell whoever caches public pages."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from przystan.offices.signals import public_content_changed

from .models import Fee


@receiver(post_save, sender=Fee)
@receiver(post_delete, sender=Fee)
def fee_changed(sender: Any, instance: Fee, **kwargs: Any) -> None:
    public_content_changed.send(sender=Fee, office_id=instance.office_id)
