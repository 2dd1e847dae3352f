"""Root URL configuration: built once from the plugin system and the deployment profile."""

from django.conf import settings
from django.conf.urls.static import static

from przystan.routing import build_urlpatterns

urlpatterns = build_urlpatterns()

if settings.DEBUG:
    urlpatterns = static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + urlpatterns
