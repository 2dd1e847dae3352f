from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsContentConfig(AppConfig):
    name = "cms_content"
    label = "cms_content"
    verbose_name = _("Information portal")

    def ready(self) -> None:
        from . import signals  # noqa: F401  (cache purge receivers)
