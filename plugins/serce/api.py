"""REST API of the register: ``/api/serce/persons/`` (search, read, create, update) and ``/api/serce/imports/``."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.parsers import JSONParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response

from przystan import access as policy
from przystan.audit.mixins import AuditedApiReadsMixin

from . import access
from .models import ImportRun, Person
from .services.pobyt_import import ImportFormatError, import_rows, parse
from .services.search import search_persons


class PersonSerializer(serializers.ModelSerializer):
    class Meta:
        model = Person
        fields = [
            "id",
            "register_number",
            "pobyt_id",
            "first_name",
            "last_name",
            "first_name_native",
            "last_name_native",
            "name_variants",
            "date_of_birth",
            "place_of_birth",
            "nationality",
            "sex",
            "language",
            "phone",
            "email",
            "household",
            "household_role",
            "status",
        ]
        read_only_fields = ["id", "register_number", "household"]

    #: Contact details, shown only to those who may read the person's sensitive data.
    SENSITIVE = ("phone", "email")

    def to_representation(self, instance: Person) -> dict[str, Any]:
        data = super().to_representation(instance)
        request = self.context.get("request")
        user = getattr(request, "user", None)
        office = getattr(request, "office", None)
        if not policy.allows(user, "read_sensitive", access.PERSON, instance, office=office):
            for name in self.SENSITIVE:
                data.pop(name, None)
        return data


class ImportRunSerializer(serializers.ModelSerializer):
    class Meta:
        model = ImportRun
        fields = [
            "id",
            "filename",
            "file_format",
            "created_at",
            "created",
            "updated",
            "unchanged",
            "conflicts",
            "errors",
        ]


def _office(request: Request) -> Any:
    office = getattr(request, "office", None)
    if office is None:
        raise NotFound()
    return office


class PersonViewSet(
    AuditedApiReadsMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """Persons the caller may see; ``?q=`` searches by name fragment (any script), register number or identifier.

    Every person it returns (read, list, search) is recorded in the audit log as read.
    """

    serializer_class = PersonSerializer
    permission_classes = [policy.PolicyPermission]
    access_resource = access.PERSON

    def get_queryset(self) -> Any:
        office = _office(self.request)
        if self.action in ("retrieve", "update", "partial_update"):
            # one record: the object permission decides (outside the user's centres: 403, audited)
            return Person.objects.filter(office=office)
        return access.visible_persons(self.request.user, office).order_by("pk")

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        query = request.query_params.get("q", "")
        if query:
            result = search_persons(self.get_queryset(), query)
            self.audit_reads(result.persons, reason="api search")
            return Response(
                {"results": PersonSerializer(result.persons, many=True).data, "more": result.more}
            )
        return super().list(request, *args, **kwargs)

    def perform_create(self, serializer: Any) -> None:
        if policy.widest_scope(self.request.user, "edit", access.PERSON) != policy.Scope.OFFICE:
            from rest_framework.exceptions import PermissionDenied

            raise PermissionDenied(
                _("Staff of a centre register new residents on the register's page, with their centre.")
            )
        serializer.save(office=_office(self.request))

    def perform_update(self, serializer: Any) -> None:
        serializer.save()


class ImportViewSet(
    mixins.CreateModelMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """POST a Pobyt v.2 export: JSON body (``{"format": "pobyt-v2-persons", "persons": [...]}``) or a CSV/JSON file."""

    serializer_class = ImportRunSerializer
    permission_classes = [policy.PolicyPermission]
    access_resource = "serce.import"
    access_actions = {"create": "manage"}
    parser_classes = [JSONParser, MultiPartParser]

    def get_queryset(self) -> Any:
        return policy.visible(
            self.request.user, "view", "serce.import", ImportRun.objects.all(), office=_office(self.request)
        )

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        upload = request.FILES.get("file")
        try:
            if upload is not None:
                file_format = "json" if upload.name.lower().endswith(".json") else "csv"
                rows = parse(upload.read(), file_format)
                name = upload.name
            else:
                import json

                rows = parse(json.dumps(request.data).encode(), "json")
                file_format, name = "json", "api"
        except ImportFormatError as exc:
            raise ValidationError({"file": [str(exc)]}) from None
        run = import_rows(_office(request), rows, user=request.user, filename=name, file_format=file_format)
        return Response(ImportRunSerializer(run).data, status=status.HTTP_201_CREATED)
