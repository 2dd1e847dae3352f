"""REST API for queue-system integration: availability, booking, cancellation, check-in (in OpenAPI)."""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.http import HttpResponse
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response

from przystan.accounts.access import can

from ..errors import BookingError, SlotGone
from ..identity import resolve_applicant
from ..models import Booking, DocumentKind, ServiceCode
from ..services import availability, limits, queue
from ..services import booking as engine
from ..services.slots import available_slots, next_release
from .common import client_ip, office_of, service_type_or_404


class SlotSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField()
    service_point = serializers.CharField(source="service_point.name")
    free = serializers.IntegerField()


class BookingRequestSerializer(serializers.Serializer):
    slot = serializers.IntegerField()
    full_name = serializers.CharField(max_length=150)
    document_kind = serializers.ChoiceField(choices=DocumentKind.choices)
    document_number = serializers.CharField(max_length=20)
    case_reference = serializers.CharField(max_length=40, required=False, allow_blank=True)
    case_code = serializers.CharField(max_length=20, required=False, allow_blank=True)
    email = serializers.EmailField(required=False, allow_blank=True)
    phone = serializers.CharField(max_length=20, required=False, allow_blank=True)
    language = serializers.ChoiceField(choices=settings.LANGUAGES, default="pl")


class BookingSerializer(serializers.ModelSerializer):
    service = serializers.CharField(source="service_type.code")
    starts_at = serializers.DateTimeField(source="slot.starts_at")
    service_point = serializers.CharField(source="slot.service_point.name")
    manage_token = serializers.SerializerMethodField()

    class Meta:
        model = Booking
        fields = [
            "reference",
            "service",
            "starts_at",
            "service_point",
            "status",
            "ticket_number",
            "manage_token",
        ]

    def get_manage_token(self, booking: Booking) -> str:
        return engine.manage_token(booking)


class BookingErrorSerializer(serializers.Serializer):
    code = serializers.CharField()
    detail = serializers.CharField()


class CheckInSerializer(serializers.Serializer):
    reference = serializers.CharField(max_length=12)
    document_kind = serializers.ChoiceField(choices=DocumentKind.choices)
    document_number = serializers.CharField(max_length=20)


def error_response(exc: BookingError) -> Response:
    return Response({"code": exc.code, "detail": str(exc.message)}, status=exc.status)


class AvailabilityViewSet(viewsets.ViewSet):
    """Free, released slots of a service (anonymous)."""

    permission_classes = [AllowAny]
    authentication_classes: list[Any] = []

    @extend_schema(
        parameters=[OpenApiParameter("service", str, enum=list(ServiceCode.values), required=True)],
        responses=SlotSerializer(many=True),
    )
    def list(self, request: Request) -> HttpResponse:
        office = office_of(request)
        code = request.query_params.get("service", "")
        body = availability.remembered(office.pk, code)
        if body is None:
            service_type = service_type_or_404(office, code)
            rows = available_slots(service_type).values(
                "id", "starts_at", "ends_at", "service_point__name", "capacity", "booked"
            )
            rows = [
                {
                    "id": row["id"],
                    "starts_at": row["starts_at"],
                    "ends_at": row["ends_at"],
                    "service_point": row["service_point__name"],
                    "free": row["capacity"] - row["booked"],
                }
                for row in rows
            ]
            # the REST framework's own JSON (its date-time format), kept as JSON-ready values
            body = availability.remember(
                office.pk, code, json.loads(JSONRenderer().render(rows)), until=next_release(service_type)
            )
        return HttpResponse(body, content_type="application/json")


class BookingViewSet(viewsets.ViewSet):
    """Book a slot (send an ``Idempotency-Key`` header: a repeated request returns the same booking)."""

    permission_classes = [AllowAny]
    authentication_classes: list[Any] = []
    lookup_field = "token"
    lookup_value_converter = "str"

    @extend_schema(
        request=BookingRequestSerializer,
        parameters=[OpenApiParameter("Idempotency-Key", str, location=OpenApiParameter.HEADER)],
        responses={
            201: BookingSerializer,
            200: BookingSerializer,
            400: BookingErrorSerializer,
            409: BookingErrorSerializer,
        },
    )
    def create(self, request: Request) -> Response:
        office = office_of(request)
        slot = None
        data = BookingRequestSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        try:
            limits.check_ip(request._request, office)
            from ..models import Slot

            slot = (
                Slot.objects.select_related("service_type", "service_point")
                .filter(pk=values["slot"], office=office)
                .first()
            )
            if slot is None:
                raise SlotGone()
            applicant = resolve_applicant(
                office,
                service_type=slot.service_type,
                full_name=values["full_name"],
                document_kind=values["document_kind"],
                document_number=values["document_number"],
                case_reference=values.get("case_reference", ""),
                case_code=values.get("case_code", ""),
                email=values.get("email", ""),
                phone=values.get("phone", ""),
                language=values["language"],
            )
            limits.check_identity(office, applicant.identity_hash)
            booking = engine.book(
                office,
                slot.pk,
                applicant,
                idempotency_key=request.headers.get("Idempotency-Key"),
                ip=client_ip(request._request),
                service_type_id=slot.service_type_id,
                slot=slot,
            )
        except BookingError as exc:
            if isinstance(exc, SlotGone) and slot is not None:
                # the availability this client was shown is stale: the next one is read afresh (a
                # process-local cache has missed a booking made by another process)
                availability.place_taken(office.pk, slot.service_type.code, slot.pk, gone=True)
            return error_response(exc)
        replayed = getattr(booking, "replayed", False)
        return Response(
            BookingSerializer(booking).data,
            status=status.HTTP_200_OK if replayed else status.HTTP_201_CREATED,
        )

    @extend_schema(
        request=None,
        responses={200: BookingSerializer, 404: BookingErrorSerializer, 409: BookingErrorSerializer},
    )
    @action(detail=True, methods=["post"])
    def cancel(self, request: Request, token: str) -> Response:
        booking = engine.booking_for_token(token)
        if booking is None or booking.office_id != office_of(request).pk:
            return Response({"code": "not_found", "detail": _("No such booking.")}, status=404)
        try:
            booking = engine.cancel(booking)
        except BookingError as exc:
            return error_response(exc)
        return Response(BookingSerializer(booking).data)


class CheckInViewSet(viewsets.ViewSet):
    """Staff or a queue kiosk: check the document shown and issue the ticket."""

    permission_classes = [IsAuthenticated]

    @extend_schema(request=CheckInSerializer, responses={201: BookingSerializer, 403: BookingErrorSerializer})
    def create(self, request: Request) -> Response:
        office = office_of(request)
        if not can(request.user, "queue_booking.change_booking"):
            return Response({"code": "forbidden", "detail": _("You may not check visitors in.")}, status=403)
        data = CheckInSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        booking = Booking.objects.filter(
            office=office, reference=data.validated_data["reference"].upper()
        ).first()
        if booking is None:
            return Response({"code": "not_found", "detail": _("No such booking.")}, status=404)
        try:
            booking = queue.check_in(
                booking,
                document_kind=data.validated_data["document_kind"],
                document_number=data.validated_data["document_number"],
            )
        except BookingError as exc:
            return error_response(exc)
        return Response(BookingSerializer(booking).data, status=status.HTTP_201_CREATED)
