"""Settings of the information portal (cms_content), layered on ``base`` by every environment module.

Kept apart from ``base`` so the portal's middleware and context processor are reviewed in one place.
"""

import copy

from .base import MIDDLEWARE as _BASE_MIDDLEWARE
from .base import TEMPLATES as _BASE_TEMPLATES
from .env import env_int, env_str

# cached portal pages are answered right after WhiteNoise, before sessions, offices and the database
_AFTER = "whitenoise.middleware.WhiteNoiseMiddleware"
MIDDLEWARE = [
    *_BASE_MIDDLEWARE[: _BASE_MIDDLEWARE.index(_AFTER) + 1],
    "cms_content.cache.PageCacheMiddleware",
    *_BASE_MIDDLEWARE[_BASE_MIDDLEWARE.index(_AFTER) + 1 :],
]
# the accessibility declaration link in every footer (staff pages included)
TEMPLATES = copy.deepcopy(_BASE_TEMPLATES)
TEMPLATES[0]["OPTIONS"]["context_processors"].append("cms_content.context_processors.portal_links")

# legal-acts API (ELI) checked by `manage.py check_legal_acts`; lifetime of cached portal pages
PRZYSTAN_LEGAL_ACTS_API = env_str("LEGAL_ACTS_API", "https://api.sejm.gov.pl/eli")
PRZYSTAN_PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 300)
