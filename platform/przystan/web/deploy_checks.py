"""Deploy checks (``manage.py check --deploy``) for how the installation is put behind proxies and
scaled out (docs/security.md, "Deployment checks").

* przystan.W021: more than one application process (``PRZYSTAN_PROCESSES``, else gunicorn's
  ``WEB_CONCURRENCY``) but a process-local cache: rate limits, throttles and lock-out counters would
  be per process (set ``REDIS_URL``).
* przystan.E022: ``PRZYSTAN_TRUSTED_PROXIES`` holds something that is not an address or CIDR, or
  ``PRZYSTAN_TRUSTED_PROXY_COUNT`` is negative.
* przystan.W023: forwarded headers are believed (``SECURE_PROXY_SSL_HEADER``, ``USE_X_FORWARDED_HOST``,
  ``USE_X_FORWARDED_PORT``) but no trusted proxy is declared: every client would share the proxy's
  address in rate limits and lock-outs, and any client could claim to be on HTTPS.
* przystan.W024: both a proxy count and proxy CIDRs are declared. The CIDRs win and the count is
  ignored; say one thing.
* przystan.W025: a trusted-proxy network covers every address (``0.0.0.0/0``, ``::/0``): any client
  could choose its address with ``X-Forwarded-For``.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

from .client_ip import parse_networks, proxy_count_setting, proxy_networks_setting

PROCESS_LOCAL_CACHES = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
    "django.core.cache.backends.filebased.FileBasedCache",
)
PROXY_HINT = (
    "Set PRZYSTAN_TRUSTED_PROXIES to the proxies' CIDRs (or PRZYSTAN_TRUSTED_PROXY_COUNT to how many "
    "proxies append to X-Forwarded-For); docs/security.md, Client IP policy."
)


@register(Tags.security, Tags.caches, deploy=True)
def check_shared_cache_for_processes(app_configs: Any = None, **kwargs: Any) -> list[Any]:
    processes = int(getattr(settings, "PRZYSTAN_PROCESSES", 1) or 1)
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if processes > 1 and backend in PROCESS_LOCAL_CACHES:
        return [
            Warning(
                f"{processes} application processes are configured (PRZYSTAN_PROCESSES / WEB_CONCURRENCY) "
                f"but the cache is process-local ({backend.rsplit('.', 1)[-1]}): rate limits, API throttles "
                "and sign-in lock-out counters would be kept per process.",
                hint="Set REDIS_URL so every process shares one cache.",
                id="przystan.W021",
            )
        ]
    return []


@register(Tags.security, deploy=True)
def check_proxy_configuration(app_configs: Any = None, **kwargs: Any) -> list[Any]:
    problems: list[Any] = []
    count = proxy_count_setting()
    try:
        networks = parse_networks(proxy_networks_setting())
    except ValueError as exc:
        return [Error(f"PRZYSTAN_TRUSTED_PROXIES is invalid: {exc}", hint=PROXY_HINT, id="przystan.E022")]
    if count < 0:
        problems.append(
            Error("PRZYSTAN_TRUSTED_PROXY_COUNT must not be negative.", hint=PROXY_HINT, id="przystan.E022")
        )
    trusting = [
        name
        for name, value in (
            ("SECURE_PROXY_SSL_HEADER", getattr(settings, "SECURE_PROXY_SSL_HEADER", None)),
            ("USE_X_FORWARDED_HOST", getattr(settings, "USE_X_FORWARDED_HOST", False)),
            ("USE_X_FORWARDED_PORT", getattr(settings, "USE_X_FORWARDED_PORT", False)),
        )
        if value
    ]
    if trusting and not networks and count <= 0:
        problems.append(
            Warning(
                f"{', '.join(trusting)} trust headers set by a reverse proxy, but no trusted proxy is "
                "declared: rate limits and lock-outs would see every client at the proxy's address (or "
                "clients reaching the application directly could forge those headers).",
                hint=PROXY_HINT,
                id="przystan.W023",
            )
        )
    if networks and count > 0:
        problems.append(
            Warning(
                "Both PRZYSTAN_TRUSTED_PROXIES and PRZYSTAN_TRUSTED_PROXY_COUNT are set: the CIDRs decide "
                "and the count is ignored.",
                hint="Keep only PRZYSTAN_TRUSTED_PROXIES (the stronger of the two).",
                id="przystan.W024",
            )
        )
    everything = [str(net) for net in networks if net.prefixlen == 0]
    if everything:
        problems.append(
            Warning(
                f"PRZYSTAN_TRUSTED_PROXIES trusts every address ({', '.join(everything)}): any client could "
                "choose its address with X-Forwarded-For.",
                hint="List only the networks of your proxies.",
                id="przystan.W025",
            )
        )
    return problems
