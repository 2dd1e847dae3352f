"""DRF authentication: expiring account tokens and office-bound service credentials.

``Authorization: Token <key>`` — an :class:`~przystan.api.models.ApiToken`: refused once expired or
revoked, for an inactive account, and for a staff account unless the token was issued after a
second factor (a session's second factor is enforced by ``StaffMFAMiddleware``; a token carries its
own). ``Authorization: Service <id>.<secret>`` — a
:class:`~przystan.api.models.ServiceCredential`: only the routes and actions in its scopes, only at
its office's host, every use audited.
"""

from __future__ import annotations

import datetime as dt
import hmac
import uuid
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication, get_authorization_header

from .models import ApiToken, ServiceCredential, hash_secret

LAST_USED_PRECISION = dt.timedelta(minutes=1)  # at most one write per token per minute


def _credentials(request: Any, keyword: str) -> str | None:
    parts = get_authorization_header(request).split()
    if not parts or parts[0].lower() != keyword.lower().encode():
        return None
    if len(parts) != 2:
        raise exceptions.AuthenticationFailed(_("Invalid authorization header."))
    try:
        return parts[1].decode()
    except UnicodeError:
        raise exceptions.AuthenticationFailed(_("Invalid authorization header.")) from None


class ExpiringTokenAuthentication(BaseAuthentication):
    keyword = "Token"

    def authenticate(self, request: Any) -> tuple[Any, ApiToken] | None:
        key = _credentials(request, self.keyword)
        if key is None:
            return None
        token = ApiToken.objects.select_related("user").filter(key_hash=hash_secret(key)).first()
        if token is None or token.revoked_at is not None:
            raise exceptions.AuthenticationFailed(_("Invalid or revoked token."))
        now = timezone.now()
        if token.expires_at <= now:
            raise exceptions.AuthenticationFailed(_("The token has expired; get a new one."))
        user = token.user
        if not user.is_active:
            raise exceptions.AuthenticationFailed(_("The account is deactivated."))
        if getattr(user, "is_office_staff", False) and not token.mfa_verified:
            raise exceptions.AuthenticationFailed(
                _(
                    "This is a staff account and the token was issued without two-step verification; "
                    "get a new token with your second-factor code."
                )
            )
        user.is_verified = lambda: token.mfa_verified  # as django_otp's middleware does for sessions
        if token.last_used_at is None or now - token.last_used_at > LAST_USED_PRECISION:
            ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        return user, token

    def authenticate_header(self, request: Any) -> str:
        return self.keyword


class ServicePrincipal:
    """``request.user`` of a service call: an office's machine, holding no role; the access policy gives
    it the office-wide grants its credential's scopes name (:meth:`policy_grants`)."""

    is_authenticated = True
    is_anonymous = False
    is_active = True
    is_staff = False
    is_superuser = False
    is_office_staff = False
    pk = None
    id = None

    def __init__(self, credential: ServiceCredential) -> None:
        self.credential = credential
        self.home_office_id = credential.office_id

    def policy_grants(self) -> list[Any]:
        """What the access policy lets this machine do: for every API route in the credential's
        scopes, the actions of that route's resource within the credential's own office. The
        authentication already refused any route or action outside the scopes, so the route decides
        which of those actions a call can reach."""
        cached = getattr(self, "_grants", None)
        if cached is None:
            from przystan.access import Grant, Scope
            from przystan.access.table import policy_table
            from przystan.pluginsys.manager import get_plugin_system

            routes = {scope.partition(":")[0] for scope in self.credential.scopes}
            cached = []
            for route in get_plugin_system().registry("api_routes"):
                resource = getattr(route.viewset, "access_resource", "")
                if route.name in routes and resource:
                    actions = policy_table().resource(resource).actions
                    cached.append(
                        Grant(role="service", resource=resource, actions=actions, scope=Scope.OFFICE)
                    )
            self._grants = cached
        return cached

    def get_username(self) -> str:
        return f"service:{self.credential.name}"

    def __str__(self) -> str:
        return self.get_username()

    def has_perm(self, perm: str, obj: Any = None) -> bool:
        return False

    def has_perms(self, perms: Any, obj: Any = None) -> bool:
        return False

    def is_verified(self) -> bool:
        return False


class ServiceCredentialAuthentication(BaseAuthentication):
    keyword = "Service"

    def authenticate(self, request: Any) -> tuple[ServicePrincipal, ServiceCredential] | None:
        value = _credentials(request, self.keyword)
        if value is None:
            return None
        public_id, _dot, secret = value.partition(".")
        credential = None
        try:
            credential_id = uuid.UUID(public_id)
        except ValueError:
            credential_id = None
        if secret and credential_id is not None:
            credential = (
                ServiceCredential.objects.select_related("office").filter(public_id=credential_id).first()
            )
        if credential is None or not hmac.compare_digest(credential.secret_hash, hash_secret(secret)):
            raise exceptions.AuthenticationFailed(_("Invalid service credential."))
        if not credential.is_usable:
            raise exceptions.AuthenticationFailed(_("The service credential is revoked or expired."))
        view = (getattr(request, "parser_context", None) or {}).get("view")
        route = getattr(view, "basename", None) or ""
        action = getattr(view, "action", None)
        office = getattr(request._request, "office", None)
        from .audit import record_service_call

        if office is None or office.pk != credential.office_id or not credential.allows(route, action):
            record_service_call(request._request, credential, route, action, allowed=False)
            raise exceptions.PermissionDenied(_("This service credential may not do this here."))
        record_service_call(request._request, credential, route, action, allowed=True)
        ServiceCredential.objects.filter(pk=credential.pk).update(last_used_at=timezone.now())
        return ServicePrincipal(credential), credential

    def authenticate_header(self, request: Any) -> str:
        return self.keyword
