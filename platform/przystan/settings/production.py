"""Production: every secret from the environment, HTTPS only, hardened cookies and headers."""

from .base import *  # noqa: F403
from .env import env_bool, env_int, env_list, env_str
from .portal import *  # noqa: F403  (information portal: page cache, footer link, legal-acts API)

DEBUG = False
SECRET_KEY = env_str("SECRET_KEY")  # required, no default
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# X-Forwarded-Proto is believed only from a declared proxy (PRZYSTAN_TRUSTED_PROXIES or
# PRZYSTAN_TRUSTED_PROXY_COUNT, see base.py): the same declaration that makes X-Forwarded-For count.
# Behind a TLS-terminating proxy that is not declared, SECURE_SSL_REDIRECT redirects forever: declare it.
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https")
    if PRZYSTAN_TRUSTED_PROXIES or PRZYSTAN_TRUSTED_PROXY_COUNT  # noqa: F405
    else None
)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_AGE = 60 * 60 * 8
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# seconds each process remembers host -> site, office and enabled plugins (0: look up every request)
PRZYSTAN_OFFICE_CACHE_SECONDS = env_int("OFFICE_CACHE_SECONDS", 5)
# seconds a public anonymous answer that changes at request rate (e.g. slot availability) may be reused
PRZYSTAN_PUBLIC_ANSWER_SECONDS = env_int("PUBLIC_ANSWER_SECONDS", 1)

# Attachments of applications: ClamAV (clamd) by default; uploads are refused while it cannot answer.
# The EICAR-only test scanner of development is flagged by the deploy check legalisation.W001.
LEGALISATION_ATTACHMENT_SCANNER = env_str(
    "LEGALISATION_ATTACHMENT_SCANNER", "plugins.legalisation.attachments.clamd_scanner"
)
LEGALISATION_CLAMD_ADDRESS = env_str("LEGALISATION_CLAMD_ADDRESS", "tcp://127.0.0.1:3310")

STORAGES = {  # noqa: F405
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    "private": PRIVATE_STORAGE,  # noqa: F405
}
MAILERS = {
    "default": {
        "BACKEND": env_str("EMAIL_BACKEND_PATH", "django.core.mail.backends.smtp.EmailBackend"),
        "OPTIONS": {
            "host": env_str("EMAIL_HOST", "localhost"),
            "port": env_int("EMAIL_PORT", 25),
            "use_tls": env_bool("EMAIL_USE_TLS", False),
        },
    }
}
