"""Viewsets of the core API: the signed-in user, offices, the current office's plugins, API tokens."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import authenticate, user_logged_in
from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.exceptions import APIException, NotFound, PermissionDenied
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from przystan import access
from przystan.api.throttling import ClientIPAnonRateThrottle
from przystan.offices.enablement import enabled_plugins
from przystan.offices.models import Office, PluginEnablement
from przystan.pluginsys.manager import get_plugin_system

from .models import ApiToken
from .serializers import (
    ErrorSerializer,
    MeSerializer,
    OfficePluginSerializer,
    OfficeSerializer,
    TokenRequestSerializer,
    TokenSerializer,
)

# --------------------------------------------------------------------------- me


class MeViewSet(viewsets.GenericViewSet):
    """``/api/me/``: one resource (the signed-in user), not a collection.

    The router only creates a route for a collection when the viewset has ``list``; :meth:`as_view`
    then maps that route's GET to :meth:`profile` and adds PATCH (:meth:`update_profile`). No
    ``/api/me/<pk>/`` route exists because the viewset has no ``retrieve``.
    """

    serializer_class = MeSerializer
    permission_classes = [IsAuthenticated, access.PolicyPermission]
    access_resource = "accounts.profile"
    access_actions = {"profile": "view", "update_profile": "edit", "list": "view"}
    pagination_class = None

    @classmethod
    def as_view(cls, actions: dict[str, str] | None = None, **initkwargs: Any) -> Any:
        if actions == {"get": "list"}:
            actions = {"get": "profile", "patch": "update_profile"}
        return super().as_view(actions, **initkwargs)

    def list(self, request: Request) -> Response:  # only makes the router create /api/me/
        return self.profile(request)

    @extend_schema(
        summary=_("Your profile"),
        description=_("The account you are signed in with: e-mail address, kind of account and preferences."),
        responses={200: MeSerializer},
    )
    def profile(self, request: Request) -> Response:
        return Response(self.get_serializer(request.user).data)

    @extend_schema(
        summary=_("Change your preferred language or phone number"),
        description=_("Only the preferred language and the mobile phone number can be changed here."),
        request=MeSerializer,
        responses={200: MeSerializer, 400: OpenApiResponse(description=_("Invalid values."))},
    )
    def update_profile(self, request: Request) -> Response:
        serializer = self.get_serializer(request.user, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        serializer.save()
        return Response(serializer.data)


# --------------------------------------------------------------------------- offices

SLUG_PATTERN = r"^[-a-zA-Z0-9_]+$"  # what Django's "slug" path converter accepts


@extend_schema_view(
    list=extend_schema(
        summary=_("Offices using Przystań"),
        description=_("Every office with its address, contact, languages and the services it has enabled."),
    ),
    retrieve=extend_schema(
        summary=_("One office"),
        description=_("An office by its code, with the services it has enabled."),
        parameters=[
            OpenApiParameter(
                "code", str, OpenApiParameter.PATH, description=_("The office's code."), pattern=SLUG_PATTERN
            )
        ],
        responses={200: OfficeSerializer, 404: ErrorSerializer},
    ),
)
class OfficeViewSet(viewsets.ReadOnlyModelViewSet):
    """Public directory of offices with the plugins (services) each has enabled."""

    serializer_class = OfficeSerializer
    permission_classes = [AllowAny]
    access_public = True  # the public directory of offices
    lookup_field = "code"
    lookup_value_converter = "slug"
    pagination_class = None

    def get_queryset(self) -> QuerySet[Office]:
        enabled_rows = Prefetch(
            "plugin_settings", queryset=PluginEnablement.objects.filter(enabled=True), to_attr="enabled_rows"
        )
        return Office.objects.prefetch_related(enabled_rows).order_by("name", "code")

    def get_serializer_context(self) -> dict[str, Any]:
        return {
            **super().get_serializer_context(),
            "installed_plugins": frozenset(get_plugin_system().plugins),
        }


# --------------------------------------------------------------------------- plugins of this office

SLUG_PARAMETER = OpenApiParameter(
    "slug", str, OpenApiParameter.PATH, description=_("The plugin's slug."), pattern=SLUG_PATTERN
)


@extend_schema_view(
    list=extend_schema(
        summary=_("Plugins installed here and whether this office has them enabled"),
        description=_("The office is the one serving the host name of the request."),
        responses={200: OfficePluginSerializer(many=True), 404: ErrorSerializer},
    ),
    retrieve=extend_schema(
        summary=_("One installed plugin"),
        description=_("An installed plugin by its slug and whether this office has it enabled."),
        parameters=[SLUG_PARAMETER],
        responses={200: OfficePluginSerializer, 404: ErrorSerializer},
    ),
)
class OfficePluginViewSet(viewsets.GenericViewSet):
    """Installed plugins with their metadata, for the office that serves the request's host."""

    serializer_class = OfficePluginSerializer
    permission_classes = [AllowAny]
    access_public = True  # which services the office offers
    lookup_field = "slug"
    lookup_value_converter = "slug"
    pagination_class = None

    def _office(self) -> Office:
        office = getattr(self.request, "office", None)
        if office is None:
            raise NotFound(_("No office serves this address."))
        return office

    @staticmethod
    def _describe(slug: str, enabled: frozenset[str]) -> dict[str, Any]:
        meta = get_plugin_system().plugins[slug]
        return {
            "slug": meta.slug,
            "name": str(meta.name),
            "version": meta.version,
            "description": str(meta.description),
            "requires": list(meta.requires),
            "enabled": slug in enabled,
        }

    def list(self, request: Request) -> Response:
        enabled = enabled_plugins(self._office())
        items = [self._describe(slug, enabled) for slug in get_plugin_system().slugs]
        return Response(self.get_serializer(items, many=True).data)

    def retrieve(self, request: Request, slug: str) -> Response:
        enabled = enabled_plugins(self._office())
        if slug not in get_plugin_system().plugins:
            raise NotFound(_("No plugin '%(slug)s' is installed.") % {"slug": slug})
        return Response(self.get_serializer(self._describe(slug, enabled)).data)


# --------------------------------------------------------------------------- tokens


class TokenRateThrottle(ClientIPAnonRateThrottle):
    """Token requests per client address (setting ``PRZYSTAN_API_TOKEN_RATE``, default 10/min)."""

    scope = "auth-token"

    def get_rate(self) -> str:
        return getattr(settings, "PRZYSTAN_API_TOKEN_RATE", "10/min")


class LockedOut(APIException):
    status_code = status.HTTP_429_TOO_MANY_REQUESTS
    default_detail = _("Too many failed sign-in attempts. Sign-in is blocked for a while; try again later.")
    default_code = "locked_out"


class TokenViewSet(mixins.CreateModelMixin, viewsets.GenericViewSet):
    """Exchange an e-mail address and password for an API token (:class:`przystan.api.models.ApiToken`).

    Goes through :func:`django.contrib.auth.authenticate` with the request, so django-axes counts
    failures exactly as for the web log-in form (same username key) and locks out after too many.
    Staff accounts also give their second-factor code (``otp``): their token is marked as issued
    after MFA and lives 8 h; without it (or with a wrong one) they get no token. Every request gets a
    new token; it expires and is revoked when the account's role, kind or password changes.
    """

    serializer_class = TokenRequestSerializer
    authentication_classes: list[Any] = []
    permission_classes = [AllowAny]
    access_public = True  # how API clients sign in
    throttle_classes = [TokenRateThrottle]

    @extend_schema(
        summary=_("Get an API token"),
        description=_(
            "Exchange your e-mail address and password for a token. Repeated failures block sign-in for a "
            "while. Staff accounts also send their two-step verification code. The token expires and is "
            "revoked when the account's role or password changes."
        ),
        request=TokenRequestSerializer,
        responses={
            200: TokenSerializer,
            400: OpenApiResponse(description=_("Wrong e-mail address or password, or e-mail not verified.")),
            403: OpenApiResponse(
                ErrorSerializer, description=_("A staff account without a valid two-step verification code.")
            ),
            429: OpenApiResponse(ErrorSerializer, description=_("Too many attempts.")),
        },
    )
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        from przystan.accounts.forms import username_for_login

        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        http_request = request._request  # axes marks lockouts on Django's request, not DRF's wrapper
        user = authenticate(
            request=http_request,
            username=username_for_login(serializer.validated_data["email"]),
            password=serializer.validated_data["password"],
        )
        if getattr(http_request, "axes_locked_out", False):
            # Answer in JSON ourselves rather than letting AxesMiddleware render its HTML page.
            http_request.axes_locked_out = False
            raise LockedOut()
        if user is None:
            raise serializers.ValidationError(
                {
                    "non_field_errors": [
                        _("Wrong e-mail address or password. The password is case-sensitive.")
                    ]
                },
                code="invalid_login",
            )
        mfa_verified = False
        if getattr(user, "is_office_staff", False):
            from przystan.accounts import mfa

            code = serializer.validated_data.get("otp") or ""
            if not code or mfa.verify(user, code).device is None:
                raise PermissionDenied(
                    _(
                        "Staff accounts get API tokens only with a valid two-step verification code "
                        "(the otp field)."
                    )
                )
            mfa_verified = True
        elif not user.email_verified:
            raise serializers.ValidationError(
                {"non_field_errors": [_("Your e-mail address is not verified yet.")]}, code="unverified"
            )
        user_logged_in.send(sender=type(user), request=http_request, user=user)
        token, key = ApiToken.issue(user, mfa_verified=mfa_verified)
        return Response(
            TokenSerializer({"token": key, "expires_at": token.expires_at}).data, status=status.HTTP_200_OK
        )
