"""Development and `przystan demo`: SQLite by default, debug on, console e-mail and SMS."""

from .base import *  # noqa: F403
from .env import env_bool
from .portal import *  # noqa: F403  (information portal: page cache, footer link, legal-acts API)

DEBUG = env_bool("DEBUG", True)
ALLOWED_HOSTS = ["*"]
STORAGES = {  # noqa: F405
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# the demo's MOS simulator signs with this key; a real installation sets LEGALISATION_MOS_KEYS
# ("kid:secret,…") in the environment instead (see plugins/legalisation/README.md)
LEGALISATION_MOS_KEYS = {"mos-demo": "demo-only-mos-signing-key"}
