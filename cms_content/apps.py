from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsContentConfig(AppConfig):
    name = "cms_content"
    label = "cms_content"
    verbose_name = _("Information portal")

    def ready(self) -> None:
        from . import page_permission_signals, signals  # noqa: F401  (cache purge receivers)

        page_permission_signals.connect()  # Wagtail page permissions follow the access policy
