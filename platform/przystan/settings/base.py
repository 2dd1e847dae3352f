"""Settings shared by every environment. Environment-specific modules import * from here."""

from __future__ import annotations

from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from .env import env_bool, env_int, env_list, env_str

PACKAGE_DIR = Path(__file__).resolve().parent.parent  # platform/przystan
PROJECT_ROOT = PACKAGE_DIR.parent.parent  # repository root
VAR_DIR = Path(env_str("PRZYSTAN_VAR_DIR", str(PROJECT_ROOT / "var")))
VAR_DIR.mkdir(parents=True, exist_ok=True)  # SQLite database, media, outbox files of a local install

# ---------------------------------------------------------------- profile
# public | internal | all — see przystan.profiles
PRZYSTAN_PROFILE = env_str("PRZYSTAN_PROFILE", "all")

SECRET_KEY = env_str("SECRET_KEY", "dev-only-insecure-key-change-me-0123456789-abcdefghijklmnop")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])

INSTALLED_APPS = [
    # core of Przystań (never imports a plugin)
    "przystan.pluginsys",
    "przystan.offices",
    "przystan.accounts",
    "przystan.audit",
    "przystan.notifications",
    "przystan.documents",
    "przystan.api",
    "przystan.web",
    "przystan.scheduling",
    "przystan.intake",
    # plugins: static and reviewable; discovery of their hooks goes through entry points
    "plugins.serce",
    "plugins.hotel",
    "plugins.legalisation",
    "plugins.payments",
    "plugins.queue_booking",
    # information portal
    "cms_content",
    # wagtail
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.simple_translation",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # third party
    "rest_framework",
    "rest_framework.authtoken",  # only for api/0002, which moves its tokens into przystan.api.ApiToken
    "drf_spectacular",
    "guardian",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_tasks_db",
    # django
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Cache-Control on personal answers, Permissions-Policy (outside sessions: sees the session cookie)
    "przystan.web.privacy.PrivacyHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "przystan.web.locale.PrzystanLocaleMiddleware",
    "przystan.web.badinput.RejectNulMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "przystan.offices.middleware.OfficeMiddleware",
    "przystan.audit.middleware.AuditContextMiddleware",
    "przystan.accounts.middleware.StaffMFAMiddleware",
    "przystan.accounts.middleware.UserLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "przystan.web.middleware.AdminCSPMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # axes must be last
    "axes.middleware.AxesMiddleware",
]

# anonymous API routes contributed with ``stateless=True`` (e.g. booking availability and booking):
# no session, CSRF, user, second factor, messages or login lockout (``przystan.web.stateless``)
PRZYSTAN_STATELESS_MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "przystan.web.privacy.PrivacyHeadersMiddleware",
    "przystan.web.locale.PrzystanLocaleMiddleware",
    "przystan.web.badinput.RejectNulMiddleware",
    "django.middleware.common.CommonMiddleware",
    "przystan.offices.middleware.OfficeMiddleware",
    "przystan.audit.middleware.AuditContextMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
]

ROOT_URLCONF = "przystan.urls"
WSGI_APPLICATION = "przystan.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "przystan.web.context_processors.przystan",
            ],
        },
    },
]

# ---------------------------------------------------------------- database
# DATABASE_URL selects the database; the zero-install default is SQLite under var/.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'przystan.sqlite3'}"),
        conn_max_age=env_int("DB_CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # The demo runs a web server, a task worker and a scheduler on one SQLite file: write-ahead log,
    # writers queue for a lock (IMMEDIATE) and wait for it instead of failing with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": env_str("REDIS_URL")}
        if env_str("REDIS_URL", "")
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "przystan"}
    )
}
CACHES["default"]["KEY_PREFIX"] = env_str("CACHE_KEY_PREFIX", "")
# How many application processes serve this installation (all hosts together). More than one needs a
# shared cache (REDIS_URL) for rate limits and lock-outs: check przystan.W021. Gunicorn's
# WEB_CONCURRENCY is read when PRZYSTAN_PROCESSES is not set.
PRZYSTAN_PROCESSES = env_int("PRZYSTAN_PROCESSES", env_int("WEB_CONCURRENCY", 1))

# ---------------------------------------------------------------- auth
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "guardian.backends.ObjectPermissionBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "web:after-login"
LOGOUT_REDIRECT_URL = "/"
WAGTAILADMIN_LOGIN_URL = "accounts:login"

# django-axes: login throttling
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_USERNAME_FORM_FIELD = "username"
AXES_CLIENT_IP_CALLABLE = "przystan.web.client_ip.client_ip"  # the one client-IP policy, below

# django-otp
OTP_TOTP_ISSUER = "Przystań"

# guardian
ANONYMOUS_USER_NAME = None
GUARDIAN_RAISE_403 = False

# ---------------------------------------------------------------- i18n
LANGUAGE_CODE = "pl"
LANGUAGES = [
    ("pl", "Polski"),
    ("en", "English"),
    ("uk", "Українська"),
    ("ru", "Русский"),
]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Europe/Warsaw"
FORMAT_MODULE_PATH = ["przystan.formats"]  # staff tables: dd.mm.rrrr (HH:MM) in every language
USE_I18N = True
USE_TZ = True

# ---------------------------------------------------------------- static & media
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"
# Personal-data files (attachments, photos, receipts) live apart from MEDIA_ROOT and have no URL.
PRIVATE_MEDIA_ROOT = env_str("PRIVATE_MEDIA_ROOT", str(VAR_DIR / "private"))
PRIVATE_STORAGE = {
    "BACKEND": "przystan.documents.storage.PrivateFileSystemStorage",
    "OPTIONS": {"location": PRIVATE_MEDIA_ROOT},
}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "private": PRIVATE_STORAGE,
}

# ---------------------------------------------------------------- wagtail
WAGTAIL_SITE_NAME = "Przystań"
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True

# ---------------------------------------------------------------- API
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # expiring, revocable tokens (staff: only issued after MFA) and office-bound service credentials
        "przystan.api.authentication.ExpiringTokenAuthentication",
        "przystan.api.authentication.ServiceCredentialAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    # JSON nested past the recursion limit is a 400 (DRF's parser lets RecursionError through)
    "DEFAULT_PARSER_CLASSES": [
        "przystan.api.parsers.SafeJSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_THROTTLE_RATES": {"anon": "60/min", "user": "600/min"},
}
# API tokens (przystan.api.models.ApiToken): lifetime of a staff account's token / of other accounts'
PRZYSTAN_API_TOKEN_STAFF_SECONDS = env_int("PRZYSTAN_API_TOKEN_STAFF_SECONDS", 8 * 3600)
PRZYSTAN_API_TOKEN_PUBLIC_SECONDS = env_int("PRZYSTAN_API_TOKEN_PUBLIC_SECONDS", 30 * 24 * 3600)
SPECTACULAR_SETTINGS = {
    "TITLE": "Przystań API",
    "DESCRIPTION": "API of the Przystań platform. Plugins contribute routes under /api/.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "PREPROCESSING_HOOKS": ["przystan.api.schema.only_api_paths"],
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "przystan.api.schema.document_common_errors",
    ],
    # One name for the portal's four languages wherever a serializer exposes them.
    "ENUM_NAME_OVERRIDES": {"PortalLanguageEnum": "przystan.settings.base.LANGUAGES"},
}

# ---------------------------------------------------------------- tasks
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default", "notifications"],
    }
}

# ---------------------------------------------------------------- mail & SMS
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Przystań <no-reply@przystan.localhost>")
MAILERS = {
    "default": {
        "BACKEND": env_str("EMAIL_BACKEND_PATH", "django.core.mail.backends.console.EmailBackend"),
    }
}
# SMS gateway: console | file | http (see przystan.notifications.gateways)
PRZYSTAN_SMS_GATEWAY = {
    "BACKEND": env_str("SMS_GATEWAY", "console"),
    "URL": env_str("SMS_GATEWAY_URL", ""),
    "TOKEN": env_str("SMS_GATEWAY_TOKEN", ""),
    "SENDER": env_str("SMS_SENDER", "PRZYSTAN"),
    "FILE_DIR": str(VAR_DIR / "sms"),
    "TIMEOUT": 10.0,
}
PRZYSTAN_NOTIFICATION_MAX_ATTEMPTS = env_int("NOTIFICATION_MAX_ATTEMPTS", 6)

# ---------------------------------------------------------------- security
# Client-IP policy (przystan.web.client_ip, docs/security.md "Client IP policy"): with neither set only
# REMOTE_ADDR counts. PRZYSTAN_TRUSTED_PROXIES: CIDRs of the reverse proxies (comma-separated);
# PRZYSTAN_TRUSTED_PROXY_COUNT: how many proxies append to X-Forwarded-For (used without CIDRs).
PRZYSTAN_TRUSTED_PROXIES = env_list("PRZYSTAN_TRUSTED_PROXIES")
PRZYSTAN_TRUSTED_PROXY_COUNT = env_int("PRZYSTAN_TRUSTED_PROXY_COUNT", 0)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Permissions-Policy (przystan.web.privacy): no page of the platform uses a camera, microphone, location,
# sensors, USB/serial/HID/Bluetooth devices, screen capture or the Payment Request API (online payments
# redirect to the gateway's own pages), so every such feature is off for the site and for any frame.
# Only full screen stays allowed for our own pages (the queue's call-next screens on a TV).
PRZYSTAN_PERMISSIONS_POLICY = {
    "accelerometer": [],
    "autoplay": [],
    "bluetooth": [],
    "browsing-topics": [],
    "camera": [],
    "display-capture": [],
    "fullscreen": ["self"],
    "geolocation": [],
    "gyroscope": [],
    "hid": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "publickey-credentials-get": [],
    "screen-wake-lock": [],
    "serial": [],
    "usb": [],
    "xr-spatial-tracking": [],
}
# Content Security Policy (Django's own middleware). The Wagtail admin needs inline styles.
from django.utils.csp import CSP  # noqa: E402

SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF, "data:"],
    "connect-src": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}
PRZYSTAN_ADMIN_CSP = {
    **SECURE_CSP,
    "script-src": [CSP.SELF, CSP.UNSAFE_INLINE, CSP.UNSAFE_EVAL],
    "img-src": [CSP.SELF, "data:", "blob:"],
}

# ---------------------------------------------------------------- project
PRZYSTAN_PLUGIN_ENTRY_POINT_GROUP = "przystan.plugins"
PRZYSTAN_EMAIL_VERIFICATION_MAX_AGE = 60 * 60 * 24 * 3  # seconds
PRZYSTAN_SIGNUP_RATE = env_str("SIGNUP_RATE", "10/h")
PRZYSTAN_SITE_URL = env_str("PRZYSTAN_SITE_URL", "http://127.0.0.1:8000")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"django.request": {"level": "WARNING"}},
}

_ = _  # gettext_lazy kept importable for settings-level labels
DEBUG = env_bool("DEBUG", DEBUG)
