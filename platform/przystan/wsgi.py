import gc
import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "przystan.settings.production")
django.setup(set_prefix=False)

from przystan.web.stateless import PrzystanWSGIHandler, warm_up_url_patterns  # noqa: E402  (needs the apps loaded)

application = PrzystanWSGIHandler()
# The URLconf (every enabled plugin's routes, Wagtail's admin) is imported on first use: import it
# now, so that the first requests a new worker serves (at a release: hundreds at once) do not wait
# for it, and so that it is frozen with the rest below.
warm_up_url_patterns()
# Everything loaded so far (apps, models, URL patterns, templates) lives as long as the process: keep
# it out of the garbage collector's full passes, which otherwise walk it all and stop every thread
# of the process for ~0.1 s several times a minute under load.
gc.freeze()
