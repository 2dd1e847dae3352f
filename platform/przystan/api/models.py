"""API credentials: expiring, revocable tokens of accounts and service credentials of machines.

Neither keeps its secret: only a SHA-256 of it (the secrets are 256-bit random, so a plain hash is
enough and a lookup by hash stays one index probe). The secret is shown once, when it is issued.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
import uuid
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

STAFF_TOKEN_SECONDS = 8 * 3600
PUBLIC_TOKEN_SECONDS = 30 * 24 * 3600


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def token_lifetime(user: Any) -> dt.timedelta:
    """``PRZYSTAN_API_TOKEN_STAFF_SECONDS`` (8 h) for staff, ``…_PUBLIC_SECONDS`` (30 days) for others."""
    if getattr(user, "is_office_staff", False):
        return dt.timedelta(
            seconds=getattr(settings, "PRZYSTAN_API_TOKEN_STAFF_SECONDS", STAFF_TOKEN_SECONDS)
        )
    return dt.timedelta(seconds=getattr(settings, "PRZYSTAN_API_TOKEN_PUBLIC_SECONDS", PUBLIC_TOKEN_SECONDS))


class ApiTokenQuerySet(models.QuerySet):
    def active(self) -> ApiTokenQuerySet:
        return self.filter(revoked_at__isnull=True, expires_at__gt=timezone.now())

    def revoke(self, reason: str) -> int:
        return self.filter(revoked_at__isnull=True).update(revoked_at=timezone.now(), revoked_reason=reason)


class ApiToken(models.Model):
    """A token of an account (``Authorization: Token <key>``), issued by ``POST /api/auth/token/``.

    It expires (:func:`token_lifetime`) and is revoked when the account's kind, staff flags, groups
    or password change or the account is deactivated (:mod:`przystan.api.receivers`). A staff
    account's token works only if it was issued after a second factor (``mfa_verified``).
    """

    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="przystan_api_tokens"
    )
    created_at = models.DateTimeField(_("issued at"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires at"))
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)
    mfa_verified = models.BooleanField(_("issued after two-step verification"), default=False)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_reason = models.CharField(_("why revoked"), max_length=60, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"API token #{self.pk} of user #{self.user_id}"

    @classmethod
    def issue(cls, user: Any, *, mfa_verified: bool = False) -> tuple[ApiToken, str]:
        """A new token for ``user`` and its key (returned once, never stored)."""
        key = secrets.token_hex(20)
        token = cls.objects.create(
            key_hash=hash_secret(key),
            user=user,
            expires_at=timezone.now() + token_lifetime(user),
            mfa_verified=mfa_verified,
        )
        return token, key


class ServiceCredential(models.Model):
    """A machine's credential for one office (``Authorization: Service <id>.<secret>``).

    ``scopes`` lists what it may call: API route names (``"booking-check-ins"``, every action) or
    route name and action (``"booking-check-ins:create"``). Every use is audited.
    """

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("name"), max_length=100)
    office = models.ForeignKey(
        "offices.Office",
        on_delete=models.CASCADE,
        related_name="service_credentials",
        verbose_name=_("office"),
    )
    scopes = models.JSONField(_("allowed operations"), default=list)
    secret_hash = models.CharField(max_length=64, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires at"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("revoked by"),
    )

    class Meta:
        verbose_name = _("service credential")
        verbose_name_plural = _("service credentials")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.public_id})"

    @classmethod
    def issue(
        cls, *, name: str, office: Any, scopes: list[str], created_by: Any, expires_at: Any = None
    ) -> tuple[ServiceCredential, str]:
        """A new credential and its ``Authorization`` value's ``<id>.<secret>`` (shown once)."""
        secret = secrets.token_urlsafe(32)
        credential = cls.objects.create(
            name=name,
            office=office,
            scopes=list(scopes),
            secret_hash=hash_secret(secret),
            created_by=created_by,
            expires_at=expires_at,
        )
        return credential, f"{credential.public_id}.{secret}"

    @property
    def is_usable(self) -> bool:
        return self.revoked_at is None and (self.expires_at is None or self.expires_at > timezone.now())

    def allows(self, route: str, action: str | None) -> bool:
        return route in self.scopes or (action is not None and f"{route}:{action}" in self.scopes)
