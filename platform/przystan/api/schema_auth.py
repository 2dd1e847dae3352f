"""OpenAPI security schemes of the API's own authentication classes (drf-spectacular extensions)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.extensions import OpenApiAuthenticationExtension


class ExpiringTokenScheme(OpenApiAuthenticationExtension):
    target_class = "przystan.api.authentication.ExpiringTokenAuthentication"
    name = "tokenAuth"

    def get_security_definition(self, auto_schema: Any) -> dict[str, Any]:
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": 'Token-based authentication with required prefix "Token" (POST /api/auth/token/).',
        }


class ServiceCredentialScheme(OpenApiAuthenticationExtension):
    target_class = "przystan.api.authentication.ServiceCredentialAuthentication"
    name = "serviceCredential"

    def get_security_definition(self, auto_schema: Any) -> dict[str, Any]:
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": 'An office\'s service credential: "Service <id>.<secret>", only for the operations '
            "of its scopes.",
        }
