"""The one client-IP policy of Przystań: which address a request comes from.

Every per-address decision asks :func:`client_ip`: django-axes lock-outs (``AXES_CLIENT_IP_CALLABLE``),
DRF throttles (:class:`przystan.api.throttling.ClientIPThrottleMixin`), the form rate limits
(``przystan.accounts.antispam``), the audit log, the payment-notification allowlist and the booking
limits of plugins.

Configuration (settings, read from the environment in ``settings/base.py``):

``PRZYSTAN_TRUSTED_PROXIES``
    CIDR networks of the reverse proxies in front of the application (e.g. ``10.0.0.0/24``). A request
    whose TCP peer (``REMOTE_ADDR``) is not in them is taken at its peer address and its
    ``X-Forwarded-For`` is ignored. Otherwise the chain ``X-Forwarded-For`` + peer is read from the
    right, skipping trusted proxies; the first address that is not a trusted proxy is the client.
``PRZYSTAN_TRUSTED_PROXY_COUNT``
    The number of proxies in front of the application, each appending the address it saw to
    ``X-Forwarded-For`` (nginx ``$proxy_add_x_forwarded_for``). The client is the address the
    outermost proxy saw: the n-th entry from the right of ``X-Forwarded-For`` + peer (parsed and
    picked by django-ipware). Weaker than CIDRs: a request that reaches the application directly,
    bypassing the proxies, can choose its address. Used only when no CIDRs are configured.

With neither, only ``REMOTE_ADDR`` counts and every forwarding header is ignored: a client can never
pick its own address by sending ``X-Forwarded-For``.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

from django.conf import settings
from ipware import get_client_ip
from python_ipware.modern.parsers import parse_ip, split_proxy_chain

FORWARDED_FOR = "HTTP_X_FORWARDED_FOR"
Network = ipaddress.IPv4Network | ipaddress.IPv6Network
Address = ipaddress.IPv4Address | ipaddress.IPv6Address


@dataclass(frozen=True)
class ProxyPolicy:
    count: int
    networks: tuple[Network, ...]

    @property
    def behind_proxy(self) -> bool:
        return bool(self.networks) or self.count > 0

    def trusts(self, address: Address) -> bool:
        return any(address.version == net.version and address in net for net in self.networks)


def parse_networks(values: Any) -> tuple[Network, ...]:
    """``["10.0.0.0/8", "192.0.2.1"]`` (or one comma-separated string) -> networks; ValueError if invalid."""
    if isinstance(values, str):
        values = values.split(",")
    networks = []
    for value in values or ():
        text = str(value).strip()
        if text:
            networks.append(ipaddress.ip_network(text, strict=False))
    return tuple(networks)


def proxy_count_setting() -> int:
    return int(getattr(settings, "PRZYSTAN_TRUSTED_PROXY_COUNT", 0) or 0)


def proxy_networks_setting() -> Any:
    return getattr(settings, "PRZYSTAN_TRUSTED_PROXIES", ()) or ()


_cache: dict[tuple[int, str], ProxyPolicy] = {}


def policy() -> ProxyPolicy:
    """The configured policy (parsed once per distinct configuration; settings may change in tests)."""
    count, raw = proxy_count_setting(), proxy_networks_setting()
    key = (count, repr(raw))
    found = _cache.get(key)
    if found is None:
        found = _cache[key] = ProxyPolicy(count=max(count, 0), networks=parse_networks(raw))
    return found


def client_ip(request: Any) -> str | None:
    """The client's address under the configured policy, or ``None`` if the peer address is unusable."""
    remote = parse_ip(request.META.get("REMOTE_ADDR", ""))
    if remote is None:
        return None
    rules = policy()
    if not rules.behind_proxy:
        return str(remote)
    forwarded = str(request.META.get(FORWARDED_FOR, "") or "")
    if rules.networks:
        return str(_walk_trusted(forwarded, remote, rules))
    return _nth_from_right(forwarded, remote, rules.count)


def _walk_trusted(forwarded: str, remote: Address, rules: ProxyPolicy) -> Address:
    if not rules.trusts(remote):
        return remote  # did not come through a trusted proxy: its headers mean nothing
    chain = [*(split_proxy_chain(forwarded) or []), remote]
    for hop in reversed(chain):
        if not rules.trusts(hop):
            return hop
    return chain[0]


def _nth_from_right(forwarded: str, remote: Address, count: int) -> str:
    chain = f"{forwarded}, {remote}" if forwarded.strip() else str(remote)
    meta = SimpleNamespace(META={FORWARDED_FOR: chain})
    found, _routable = get_client_ip(
        meta,  # type: ignore[arg-type]  (ipware reads only .META)
        proxy_count=count,
        request_header_order=[FORWARDED_FOR],
        strict=False,
    )
    # Fewer hops than proxies: the request did not pass all of them; take the peer.
    return found or str(remote)


def client_ip_or_unknown(request: Any) -> str:
    """:func:`client_ip` for use as a bucket key (``"unknown"`` when there is no usable address)."""
    return client_ip(request) or "unknown"
