"""Which gateway serves an office, built from the ``payment_providers`` registry (never hard-wired)."""

from __future__ import annotations

import hashlib
import json
import threading
from typing import Any

from przystan.offices.enablement import plugin_config
from przystan.payments_contract import PaymentProvider, PaymentProviderError
from przystan.pluginsys.manager import get_plugin_system

SLUG = "payments"


def provider_config(office: Any, name: str) -> dict[str, Any]:
    """The plugin configuration of ``office`` plus the provider's secrets (from GatewayCredentials)."""
    from .models import GatewayCredentials

    config = plugin_config(office, SLUG)
    credentials = GatewayCredentials.objects.filter(office=office, provider=name).first()
    if credentials is not None:
        config["crc"], config["api_key"] = credentials.crc_key, credentials.api_key
    config["office_id"] = office.pk
    return config


def online_provider_name(office: Any) -> str:
    return str(plugin_config(office, SLUG).get("provider") or "przelewy24")


_instances: dict[tuple[int, str, str], PaymentProvider] = {}
_instances_lock = threading.Lock()
MAX_CACHED = 64


def provider_for(office: Any, name: str | None = None) -> PaymentProvider:
    """The provider ``name`` (default: the office's) configured for ``office``.

    Instances are kept per process and per configuration (a changed config or key makes a new one),
    so their HTTP connection pools are reused across requests; they must be thread-safe.
    """
    name = name or online_provider_name(office)
    registry = get_plugin_system().registry("payment_providers")
    if name not in registry:
        raise PaymentProviderError(f"Unknown payment provider '{name}'")
    config = provider_config(office, name)
    digest = hashlib.sha256(json.dumps(config, sort_keys=True, default=str).encode()).hexdigest()
    key = (office.pk, name, digest)
    with _instances_lock:
        provider = _instances.get(key)
        if provider is None:
            if len(_instances) >= MAX_CACHED:
                for old in _instances.values():
                    _close(old)
                _instances.clear()
            provider = registry.get(name).provider_class(config)
            _instances[key] = provider
    return provider


def close(provider: PaymentProvider) -> None:
    """Callers say they are done; cached instances stay open for the next request."""


def _close(provider: PaymentProvider) -> None:
    closer = getattr(provider, "close", None)
    if callable(closer):
        closer()
