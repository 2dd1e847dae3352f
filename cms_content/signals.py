"""Publishing, unpublishing, moving or deleting a page purges its cached copies in every language.

Changes outside the page tree that pages show (plugins enabled, office details, fees) arrive as
``public_content_changed`` and drop the whole cache: they are rare, and any page may show them.
"""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

from przystan.offices.signals import public_content_changed

from .cache import purge_everything, purge_page_ids, purge_pages


@receiver(page_published)
@receiver(page_unpublished)
def purge_on_publish(sender: Any, instance: Any, **kwargs: Any) -> None:
    purge_pages([instance])


@receiver(post_page_move)
def purge_on_move(sender: Any, instance: Any, **kwargs: Any) -> None:
    purge_pages([instance])


@receiver(post_delete)
def purge_on_delete(sender: Any, instance: Any, **kwargs: Any) -> None:
    from wagtail.models import Page

    if isinstance(instance, Page):
        purge_page_ids([instance.pk])


@receiver(public_content_changed)
def purge_on_public_content_change(sender: Any, office_id: int | None = None, **kwargs: Any) -> None:
    purge_everything()
