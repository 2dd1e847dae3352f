"""Serializers of the core API. Every field is listed explicitly: nothing leaks when a model grows."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from przystan.accounts.validators import normalize_phone, validate_phone
from przystan.offices.models import Office


class MeSerializer(serializers.ModelSerializer):
    """The signed-in user's own profile. Only the language and the phone number can be changed."""

    preferred_language = serializers.ChoiceField(choices=settings.LANGUAGES, label=_("Preferred language"))

    class Meta:
        model = get_user_model()
        fields = ["email", "kind", "preferred_language", "phone", "email_verified"]
        read_only_fields = ["email", "kind", "email_verified"]

    def validate_phone(self, value: str) -> str:
        try:
            validate_phone(value)
        except DjangoValidationError as exc:
            raise serializers.ValidationError(list(exc.messages)) from exc
        return normalize_phone(value)


class AddressSerializer(serializers.Serializer):
    street = serializers.CharField()
    postal_code = serializers.CharField()
    city = serializers.CharField()
    lines = serializers.ListField(
        child=serializers.CharField(), help_text=_("The address as printed, line by line.")
    )


class ContactSerializer(serializers.Serializer):
    email = serializers.EmailField()
    phone = serializers.CharField(allow_blank=True)
    website = serializers.CharField(allow_blank=True)


class OfficeSerializer(serializers.ModelSerializer):
    """An office as the public sees it: where it is, how to reach it, what it offers."""

    address = serializers.SerializerMethodField()
    contact = serializers.SerializerMethodField()
    languages = serializers.ListField(
        child=serializers.CharField(), help_text=_("Languages the office serves.")
    )
    enabled_plugins = serializers.SerializerMethodField(
        help_text=_("Slugs of the plugins (services) enabled for this office.")
    )

    class Meta:
        model = Office
        fields = [
            "code",
            "name",
            "short_name",
            "department",
            "address",
            "contact",
            "languages",
            "enabled_plugins",
        ]

    @extend_schema_field(AddressSerializer)
    def get_address(self, office: Office) -> dict[str, Any]:
        return {
            "street": office.street,
            "postal_code": office.postal_code,
            "city": office.city,
            "lines": office.address_lines,
        }

    @extend_schema_field(ContactSerializer)
    def get_contact(self, office: Office) -> dict[str, str]:
        return {"email": office.email, "phone": office.phone, "website": office.website}

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_enabled_plugins(self, office: Office) -> list[str]:
        installed = self.context.get("installed_plugins")
        rows = getattr(office, "enabled_rows", None)
        if rows is None or installed is None:
            from przystan.offices.enablement import enabled_plugins

            return sorted(enabled_plugins(office))
        return sorted(row.plugin for row in rows if row.plugin in installed)


class OfficePluginSerializer(serializers.Serializer):
    """An installed plugin and whether the current office has it enabled."""

    slug = serializers.CharField()
    name = serializers.CharField()
    version = serializers.CharField()
    description = serializers.CharField()
    requires = serializers.ListField(child=serializers.CharField(), help_text=_("Plugins this one needs."))
    enabled = serializers.BooleanField(help_text=_("Whether the office serving this address has it enabled."))


class TokenRequestSerializer(serializers.Serializer):
    email = serializers.CharField(label=_("E-mail address"), max_length=254)
    password = serializers.CharField(
        label=_("Password"),
        max_length=4096,
        trim_whitespace=False,
        style={"input_type": "password"},
        write_only=True,
    )
    otp = serializers.CharField(
        label=_("Two-step verification code"),
        max_length=32,
        required=False,
        allow_blank=True,
        write_only=True,
        help_text=_("Staff accounts only: the code of your authenticator app or a backup code."),
    )


class TokenSerializer(serializers.Serializer):
    token = serializers.CharField(help_text=_("Send it as the header 'Authorization: Token <token>'."))
    expires_at = serializers.DateTimeField(help_text=_("The token stops working at this time."))


class ErrorSerializer(serializers.Serializer):
    """An error: a message in the language of the request."""

    detail = serializers.CharField()
