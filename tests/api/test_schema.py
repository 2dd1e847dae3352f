"""The OpenAPI schema: only our /api/ paths, valid OpenAPI 3, and the public GET endpoints honour it."""

from __future__ import annotations

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from drf_spectacular.validation import validate_schema
from hypothesis import HealthCheck, given, settings

from przystan.testing.fixtures import keeping_test_connection_open

pytestmark = pytest.mark.django_db

CORE_PATHS = {
    "/api/me/": {"get", "patch"},
    "/api/offices/": {"get"},
    "/api/offices/{code}/": {"get"},
    "/api/office-plugins/": {"get"},
    "/api/office-plugins/{slug}/": {"get"},
    "/api/auth/token/": {"post"},
}
HTTP_METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}


def fetch_schema(client) -> dict:
    response = client.get("/api/schema/?format=json")
    assert response.status_code == 200
    return response.json()


def test_schema_lists_our_api_paths_and_nothing_else(client, office):
    paths = fetch_schema(client)["paths"]
    for path, methods in CORE_PATHS.items():
        assert path in paths, path
        assert set(paths[path]) & HTTP_METHODS == methods, path
    outside = [path for path in paths if not path.startswith("/api/") or path.startswith("/api/schema")]
    assert outside == []
    assert not any("admin" in path or "pages" in path for path in paths), (
        "Wagtail's APIs leaked into the schema"
    )
    assert "/api/me/{id}/" not in paths


def test_schema_is_valid_openapi_3(client, office):
    schema = fetch_schema(client)
    assert schema["openapi"].startswith("3.")
    validate_schema(schema)  # drf-spectacular's bundled OpenAPI 3 JSON Schema
    components = schema["components"]["schemas"]

    def refs(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "$ref":
                    yield value
                else:
                    yield from refs(value)
        elif isinstance(node, list):
            for item in node:
                yield from refs(item)

    for ref in refs(schema["paths"]):
        assert ref.startswith("#/components/schemas/") and ref.rsplit("/", 1)[1] in components, ref
    ids = [
        op["operationId"] for item in schema["paths"].values() for m, op in item.items() if m in HTTP_METHODS
    ]
    assert len(ids) == len(set(ids)), "operation ids must be unique"


def test_authenticated_plugin_routes_document_401_403_and_404(client, office):
    persons = fetch_schema(client)["paths"]["/api/serce/persons/"]["get"]
    assert {} not in persons["security"]
    assert {"401", "403", "404"} <= set(persons["responses"])
    assert persons["responses"]["404"]["content"]["application/json"]["schema"]["$ref"].endswith("/Detail")


def test_token_endpoint_is_documented_without_auth_and_with_its_errors(client, office):
    operation = fetch_schema(client)["paths"]["/api/auth/token/"]["post"]
    assert operation["security"] == [{}]
    assert {"200", "400", "429"} <= set(operation["responses"])


@pytest.fixture
def wsgi_app():
    """The real WSGI application, keeping the test's database connection open between requests.

    Django's own test client does the same: it disconnects ``close_old_connections`` while it runs.
    """
    with keeping_test_connection_open():
        yield WSGIHandler()


def test_public_get_endpoints_conform_to_the_schema(office, other_office, enable_plugin, wsgi_app):
    """Schemathesis generates requests for the public GET operations and validates the answers."""
    enable_plugin(office, "serce")
    schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", wsgi_app)
    public = schema.include(method="GET").exclude(path="/api/me/")
    operations = [result.ok().path for result in public.get_all_operations()]
    public_paths = {path for path, methods in CORE_PATHS.items() if "get" in methods and path != "/api/me/"}
    assert public_paths <= set(operations)
    assert "/api/me/" not in operations
    calls: list[tuple[str, int]] = []

    def exercise(operation) -> None:
        @given(case=operation.as_strategy())
        @settings(max_examples=6, deadline=None, database=None, suppress_health_check=list(HealthCheck))
        def run(case):
            response = case.call_and_validate()
            calls.append((case.operation.path, response.status_code))

        run()

    for result in public.get_all_operations():
        exercise(result.ok())  # every operation, so none is left out by chance
    called = {path for path, _status in calls}
    assert set(operations) <= called
    assert all(status < 500 for _path, status in calls)
