"""Signals of the offices app.

``public_content_changed`` says that data shown on an office's public pages changed outside the page
tree — a plugin enabled or disabled, the office's address or bank accounts edited, a fee amount
changed. Whoever caches public pages (the information portal) listens and drops its copies. Plugins
send it with ``public_content_changed.send(sender=..., office_id=office.pk)``.
"""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal, receiver

from .models import Office, OfficeClosure, PluginEnablement

public_content_changed = Signal()  # kwargs: office_id (None: every office)


@receiver(post_save, sender=PluginEnablement)
@receiver(post_delete, sender=PluginEnablement)
def _enablement_changed(sender: Any, instance: PluginEnablement, **kwargs: Any) -> None:
    public_content_changed.send(sender=PluginEnablement, office_id=instance.office_id)


@receiver(post_save, sender=Office)
def _office_changed(sender: Any, instance: Office, **kwargs: Any) -> None:
    public_content_changed.send(sender=Office, office_id=instance.pk)


@receiver(post_save, sender=Office)
def _install_default_closures(
    sender: Any, instance: Office, created: bool, raw: bool = False, **kwargs: Any
) -> None:
    """A new office starts with the designated days off every government office has (seed data)."""
    if created and not raw:
        from .closure_defaults import install

        install(instance)


@receiver(post_save, sender=OfficeClosure)
@receiver(post_delete, sender=OfficeClosure)
def _closure_changed(sender: Any, instance: OfficeClosure, **kwargs: Any) -> None:
    public_content_changed.send(sender=OfficeClosure, office_id=instance.office_id)  # opening hours
