"""drf-spectacular hooks: keep only our own ``/api/`` endpoints and document plugin availability."""

from __future__ import annotations

from typing import Any

DETAIL = "Detail"  # {"detail": "..."}: how DRF and the plugin gate answer errors


def only_api_paths(
    endpoints: list[tuple[str, str, str, Any]], **kwargs: Any
) -> list[tuple[str, str, str, Any]]:
    """Preprocessing: Wagtail has internal APIs too; the schema describes ``/api/`` only."""
    return [
        endpoint
        for endpoint in endpoints
        if endpoint[0].startswith("/api/") and not endpoint[0].startswith("/api/schema")
    ]


def plugin_route_prefixes() -> list[str]:
    """``/api/<prefix>/`` of every route a (non-core) plugin contributes."""
    from przystan.pluginsys.manager import get_plugin_system

    return [
        f"/api/{route.prefix.strip('/')}/"
        for route in get_plugin_system().registry("api_routes")
        if not route.plugin.startswith("core.")
    ]


def _detail_response(description: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{DETAIL}"}}},
    }


def _operations(result: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [
        (path, operation)
        for path, item in result.get("paths", {}).items()
        for operation in item.values()
        if isinstance(operation, dict) and "responses" in operation
    ]


def document_common_errors(result: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
    """Postprocessing: the error answers every operation can give, so clients (and schemathesis) know them.

    * an operation that needs authentication answers 401 without credentials and 403 without permission;
    * a plugin route answers 404 where the office has not enabled the plugin.
    """
    result.setdefault("components", {}).setdefault("schemas", {})[DETAIL] = {
        "type": "object",
        "properties": {"detail": {"type": "string"}},
        "required": ["detail"],
    }
    plugin_prefixes = tuple(plugin_route_prefixes())
    for path, operation in _operations(result):
        responses = operation["responses"]
        if {} not in operation.get("security", [{}]):
            responses.setdefault("401", _detail_response("Authentication credentials were not provided."))
            responses.setdefault("403", _detail_response("Not allowed for this account."))
        if plugin_prefixes and path.startswith(plugin_prefixes):
            responses.setdefault(
                "404", _detail_response("Not found, or the plugin is not enabled for this office.")
            )
    return result
