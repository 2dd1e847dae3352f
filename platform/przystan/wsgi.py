import gc
import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "przystan.settings.production")
django.setup(set_prefix=False)

from przystan.web.stateless import PrzystanWSGIHandler  # noqa: E402  (needs the apps loaded)

application = PrzystanWSGIHandler()
# Everything loaded so far (apps, models, URL patterns, templates) lives as long as the process: keep
# it out of the garbage collector's full passes, which otherwise walk it all and stop every thread
# of the process for ~0.1 s several times a minute under load.
gc.freeze()
