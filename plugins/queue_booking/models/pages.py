"""The Wagtail page that leads to visit booking."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from przystan.offices.pages import PluginPageMixin


class VisitBookingPage(PluginPageMixin, Page):
    """An information page that leads to visit booking; creatable only where the plugin is enabled."""

    plugin_slug = "queue_booking"
    intro = RichTextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = _("visit booking page")
