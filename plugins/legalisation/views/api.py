"""DRF API: ``/api/legalisation/cases/`` (the cases the user is a party to; public profile),
``/api/legalisation/officer/cases/`` (the officer's scoped list; internal profile) and
``/api/legalisation/status/`` (case number + PIN, no account, throttled)."""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import APIException, NotFound
from rest_framework.parsers import BaseParser
from rest_framework.request import Request
from rest_framework.response import Response

from przystan import access
from przystan.api.throttling import ClientIPAnonRateThrottle
from przystan.audit.mixins import AuditedApiReadsMixin

from ..application_types import type_name
from ..deadlines import clock_for
from ..models import Attachment, Case, Message
from ..pins import PinCheck, check_status_pin, pin_locked_message
from ..policy import CASE, INTAKE
from ..scoping import party_cases, staff_cases
from ..stages import stage
from .apply import serve_attachment


class CaseSerializer(serializers.ModelSerializer):
    application_type_name = serializers.SerializerMethodField()
    stage_name = serializers.SerializerMethodField()
    stage_meaning = serializers.SerializerMethodField()
    next_action = serializers.SerializerMethodField()
    clock_paused = serializers.BooleanField(read_only=True)

    class Meta:
        model = Case
        fields = [
            "number",
            "application_type",
            "application_type_name",
            "stage",
            "stage_name",
            "stage_meaning",
            "next_action",
            "filed_at",
            "legal_deadline",
            "clock_paused",
            "mos_number",
        ]
        read_only_fields = fields

    def get_application_type_name(self, case: Case) -> str:
        return type_name(case.application_type)

    def get_stage_name(self, case: Case) -> str:
        return str(stage(case.stage).name)

    def get_stage_meaning(self, case: Case) -> str:
        return str(stage(case.stage).meaning)

    def get_next_action(self, case: Case) -> str:
        return str(stage(case.stage).next_action)


class MessageSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)

    class Meta:
        model = Message
        fields = ["id", "from_office", "body", "created_at", "read_at"]
        read_only_fields = fields


class CaseViewSet(
    AuditedApiReadsMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """The cases the caller is a party to (the person or the employer); served on the public profile.

    Access is the policy's ``legalisation.case`` (own scope); a case outside it is not found (404).
    Every case, message and attachment it returns is recorded in the audit log as read.
    """

    serializer_class = CaseSerializer
    permission_classes = [access.PolicyPermission]
    access_resource = CASE
    access_actions = {"messages": "read_sensitive", "message": "read_sensitive"}
    lookup_field = "number"
    lookup_value_converter = "str"

    def get_queryset(self) -> Any:
        return party_cases(self.request.user, getattr(self.request, "office", None)).order_by(
            "-filed_at", "id"
        )

    def may_read_messages(self, case: Case) -> bool:
        """Only the case's own person reads its messages (an employer does not)."""
        return case.applicant_id == self.request.user.pk

    def may_read_attachment(self, case: Case, attachment: Attachment) -> bool:
        return case.applicant_id == self.request.user.pk or attachment.kind == "employer_annex"

    def _case_messages(self, case: Case) -> Any:
        if not self.may_read_messages(case):
            raise NotFound
        return case.messages.all()

    @extend_schema(responses={200: MessageSerializer(many=True)}, summary=_("Messages of a case"))
    @action(detail=True, methods=["get"])
    def messages(self, request: Request, number: str | None = None) -> Response:
        found = list(self._case_messages(self.get_object()))
        self.audit_reads(found, reason="api messages")
        return Response(MessageSerializer(found, many=True).data)

    @extend_schema(responses={200: MessageSerializer}, summary=_("One message of a case"))
    @action(detail=True, methods=["get"], url_path="messages/<uuid:message_id>", url_name="message")
    def message(self, request: Request, number: str | None = None, message_id: Any = None) -> Response:
        found = self._case_messages(self.get_object()).filter(public_id=message_id).first()
        if found is None:
            raise NotFound
        self.audit_reads([found], reason="api message")
        return Response(MessageSerializer(found).data)

    @extend_schema(
        responses={(200, "application/octet-stream"): OpenApiTypes.BINARY},
        summary=_("Download an attachment of a case"),
    )
    @action(detail=True, methods=["get"], url_path="attachments/<uuid:attachment_id>", url_name="attachment")
    def attachment(self, request: Request, number: str | None = None, attachment_id: Any = None) -> Any:
        case = self.get_object()
        found = (
            Attachment.objects.filter(public_id=attachment_id)
            .filter(Q(case=case) | Q(application__case=case))
            .first()
        )
        if found is None or not self.may_read_attachment(case, found):
            raise NotFound
        self.audit_reads([found], reason="api attachment download")
        return serve_attachment(found)


class OfficerCaseViewSet(CaseViewSet):
    """The officer's cases: the office's cases within the caller's scope of ``legalisation.case``
    (supervisor: all, officer: their teams' and own); served on the internal profile only. Messages
    and attachments need ``read_sensitive`` (a queue officer sees the case, not its documents)."""

    access_actions = {
        "messages": "read_sensitive",
        "message": "read_sensitive",
        "attachment": "read_sensitive",
    }
    permission_classes = [access.StaffPolicyPermission]

    def get_queryset(self) -> Any:
        action = "read_sensitive" if self.access_actions.get(getattr(self, "action", "")) else "view"
        return staff_cases(self.request.user, getattr(self.request, "office", None), action).order_by(
            "legal_deadline", "id"
        )

    def may_read_messages(self, case: Case) -> bool:
        return True

    def may_read_attachment(self, case: Case, attachment: Attachment) -> bool:
        return True


class StatusRequestSerializer(serializers.Serializer):
    number = serializers.CharField(max_length=40)
    pin = serializers.CharField(max_length=10)


class StatusSerializer(serializers.Serializer):
    number = serializers.CharField()
    stage = serializers.CharField()
    stage_name = serializers.CharField()
    stage_meaning = serializers.CharField()
    next_action = serializers.CharField()
    legal_deadline = serializers.DateField(allow_null=True)
    clock_paused = serializers.BooleanField()


class StatusThrottle(ClientIPAnonRateThrottle):
    scope = "legalisation-status"
    rate = "10/min"


class PinLocked(APIException):
    """Too many wrong PINs for the case: its status check is locked for a while (any address)."""

    status_code = 429
    default_detail = _("Too many wrong PINs were entered for this case. Try again later.")
    default_code = "pin_locked"


class StatusViewSet(viewsets.GenericViewSet):
    """Public status check: POST the case number and PIN."""

    permission_classes = [access.PolicyPermission]
    access_public = True
    throttle_classes = [StatusThrottle]
    serializer_class = StatusRequestSerializer

    @extend_schema(
        request=StatusRequestSerializer, responses={200: StatusSerializer}, summary=_("Case status")
    )
    def create(self, request: Request) -> Response:
        data = StatusRequestSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        number = data.validated_data["number"].strip().upper()
        case = Case.objects.filter(office=getattr(request, "office", None), number=number).first()
        outcome = check_status_pin(case, data.validated_data["pin"]) if case is not None else None
        if outcome is not None and outcome.result is PinCheck.LOCKED:
            raise PinLocked(pin_locked_message(outcome.locked_until))
        if outcome is None or not outcome.ok:
            raise NotFound(_("No case matches this number and PIN."))
        info = stage(case.stage)
        clock = clock_for(case)
        return Response(
            StatusSerializer(
                {
                    "number": case.number,
                    "stage": case.stage,
                    "stage_name": str(info.name),
                    "stage_meaning": str(info.meaning),
                    "next_action": str(info.next_action),
                    "legal_deadline": clock.deadline,
                    "clock_paused": clock.paused,
                }
            ).data
        )


class RawPackageParser(BaseParser):
    """The request body as bytes (a MOS package is a zip)."""

    media_type = "application/zip"

    def parse(self, stream: Any, media_type: str | None = None, parser_context: Any = None) -> bytes:
        from ..mos_package import MAX_PACKAGE_BYTES

        data = stream.read(MAX_PACKAGE_BYTES + 1) if stream is not None else b""
        return data


class ImportResultSerializer(serializers.Serializer):
    outcome = serializers.ChoiceField(choices=["imported", "duplicate", "quarantined"])
    package_id = serializers.CharField()
    case_number = serializers.CharField(allow_blank=True)
    reason = serializers.CharField(allow_blank=True)
    detail = serializers.CharField(allow_blank=True)


class MosPackageViewSet(viewsets.ViewSet):
    """MOS delivers a submission package (``Content-Type: application/zip``) with a service credential.

    ``201`` imported, ``200`` the same package again (nothing changed), ``422`` quarantined with the
    reason (nothing imported). The package must be addressed to the credential's office.
    """

    access_resource = INTAKE
    access_actions = {"create": "edit"}
    permission_classes = [access.StaffPolicyPermission]
    parser_classes = [RawPackageParser]

    @extend_schema(
        request={"application/zip": OpenApiTypes.BINARY},
        responses={201: ImportResultSerializer, 200: ImportResultSerializer, 422: ImportResultSerializer},
    )
    def create(self, request: Request) -> Response:
        from przystan.intake.contract import Outcome, Package

        from ..mos_intake import SOURCE, import_package

        payload = request.data if isinstance(request.data, bytes) else b""
        result = import_package(request.office, Package(SOURCE, payload, origin="http"))
        status = {Outcome.IMPORTED: 201, Outcome.DUPLICATE: 200, Outcome.QUARANTINED: 422}[result.outcome]
        return Response(
            {
                "outcome": result.outcome.value,
                "package_id": result.package_id,
                "case_number": result.case_reference,
                "reason": result.reason,
                "detail": result.detail,
            },
            status=status,
        )
