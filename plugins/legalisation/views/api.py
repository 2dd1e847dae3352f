"""DRF API: ``/api/legalisation/cases/`` (the user's cases, or the officer's scoped list) and
``/api/legalisation/status/`` (case number + PIN, no account, throttled)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import APIException, NotFound
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response

from przystan.accounts.access import ObjectPermission
from przystan.api.throttling import ClientIPAnonRateThrottle

from ..application_types import type_name
from ..deadlines import clock_for
from ..models import Case, Message
from ..pins import PinCheck, check_status_pin, pin_locked_message
from ..scoping import VIEW, is_officer, party_cases, staff_cases
from ..stages import stage


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


class CaseViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Cases the caller may see: officers by office/team, everyone else the cases they are a party to."""

    serializer_class = CaseSerializer
    permission_classes = [ObjectPermission]
    object_permission = VIEW
    lookup_field = "number"
    lookup_value_converter = "str"

    def get_queryset(self) -> Any:
        user, office = self.request.user, getattr(self.request, "office", None)
        if is_officer(user):
            return staff_cases(user, office).order_by("legal_deadline", "id")
        return party_cases(user, office).order_by("-filed_at", "id")

    @extend_schema(responses={200: MessageSerializer(many=True)}, summary=_("Messages of a case"))
    @action(detail=True, methods=["get"])
    def messages(self, request: Request, number: str | None = None) -> Response:
        case = self.get_object()
        if not is_officer(request.user) and case.applicant_id != request.user.pk:
            raise NotFound
        return Response(MessageSerializer(case.messages.all(), many=True).data)


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

    permission_classes = [AllowAny]
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
