"""REST API for queue-system integration: availability, booking, cancellation, check-in (in OpenAPI)."""

from __future__ import annotations

import json
import re
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import (
    EmailValidator,
    MaxLengthValidator,
    MinLengthValidator,
    ProhibitNullCharactersValidator,
    validate_email,
)
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.validators import ProhibitSurrogateCharactersValidator

from przystan import access
from przystan.web.privacy import mark_personal

from ..errors import BookingError, DayFull, SlotGone
from ..identity import resolve_applicant
from ..models import Booking, DocumentKind, ServiceCode
from ..services import availability, limits, queue
from ..services import booking as engine
from ..services.slot_facts import slot_for_booking
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
    if_taken = serializers.ChoiceField(
        choices=[
            (engine.IF_TAKEN_FAIL, _lazy("refuse")),
            (engine.IF_TAKEN_NEAREST, _lazy("book the nearest free time that day")),
        ],
        default=engine.IF_TAKEN_FAIL,
        help_text=_lazy(
            "If the slot is taken: refuse (409 slot_gone) or book the nearest free time of the same "
            "service on the same day (409 day_full when none is left)."
        ),
    )


_SURROGATES = re.compile("[\ud800-\udfff]")
_PLAIN_CHECKS = (  # the validators of text fields that ``plainly_valid`` applies itself
    MaxLengthValidator,
    MinLengthValidator,
    ProhibitNullCharactersValidator,
    ProhibitSurrogateCharactersValidator,
    EmailValidator,
)


def _plain_fields(serializer_class: type[serializers.Serializer]) -> list[tuple[str, str, Any]] | None:
    """(name, kind, field) of a serializer made only of integer, text and choice fields, else None."""
    fields = []
    for name, field in serializer_class().fields.items():
        if field.source != name or any(type(check) not in _PLAIN_CHECKS for check in field.validators):
            return None
        if isinstance(field, serializers.ChoiceField):
            kind = "choice"
        elif type(field) is serializers.EmailField:
            kind = "email"
        elif type(field) is serializers.CharField:
            kind = "text"
        elif type(field) is serializers.IntegerField and field.max_value is None and field.min_value is None:
            kind = "integer"
        else:
            return None
        fields.append((name, kind, field))
    return fields


_BOOKING_REQUEST_FIELDS = _plain_fields(BookingRequestSerializer)


def plainly_valid(data: Any, fields: list[tuple[str, str, Any]] | None) -> dict[str, Any] | None:
    """The validated data of a JSON body the serializer would accept as it is, without running it.

    Only the common, unambiguous case is decided here (a JSON object of plain strings and integers
    within the limits); anything else returns ``None`` and goes through the serializer, whose
    answer (and error messages) stay the reference.
    """
    if fields is None or type(data) is not dict:
        return None
    values: dict[str, Any] = {}
    for name, kind, field in fields:
        if name not in data:
            if field.required:
                return None
            if field.default is not serializers.empty:
                values[name] = field.get_default()
            continue
        value = data[name]
        if kind == "integer":
            if type(value) is not int:
                return None
            values[name] = value
            continue
        if type(value) is not str:
            return None
        if kind == "choice":
            if value == "" or value not in field.choice_strings_to_values:
                return None
            values[name] = field.choice_strings_to_values[value]
            continue
        text = value.strip()
        if not text:
            if not field.allow_blank:
                return None
            values[name] = ""
            continue
        if (
            (field.max_length is not None and len(text) > field.max_length)
            or (field.min_length is not None and len(text) < field.min_length)
            or "\x00" in text
            or (not text.isascii() and _SURROGATES.search(text))
        ):
            return None
        if kind == "email":
            try:
                validate_email(text)
            except ValidationError:
                return None
        values[name] = text
    return values


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


_DATE_TIME = serializers.DateTimeField()


def booking_data(booking: Booking) -> dict[str, Any]:
    """What ``BookingSerializer(booking).data`` gives, written out for the booking POST (its hot path)."""
    return {
        "reference": booking.reference,
        "service": booking.service_type.code,
        "starts_at": _DATE_TIME.to_representation(booking.slot.starts_at),
        "service_point": booking.slot.service_point.name,
        "status": booking.status,
        "ticket_number": booking.ticket_number,
        "manage_token": engine.manage_token(booking),
    }


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

    access_public = True
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
            with availability.refilling(office.pk, code):
                body = availability.remembered(office.pk, code) or _read_availability(office, code)
        return HttpResponse(body, content_type="application/json")


def _read_availability(office: Any, code: str) -> bytes:
    """The free released slots of the service from PostgreSQL, rendered (and kept, see ``availability``)."""
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
    return availability.remember(
        office.pk, code, json.loads(JSONRenderer().render(rows)), until=next_release(service_type)
    )


class BookingViewSet(viewsets.ViewSet):
    """Book a slot (send an ``Idempotency-Key`` header: a repeated request returns the same booking).

    Anonymous; cancelling needs the booking's signed manage token (its own check).
    """

    access_public = True
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
            422: BookingErrorSerializer,
        },
    )
    def create(self, request: Request) -> Response:
        office = office_of(request)
        slot = None
        idempotency_key = request.headers.get("Idempotency-Key")
        values = plainly_valid(request.data, _BOOKING_REQUEST_FIELDS)
        if values is None:
            data = BookingRequestSerializer(data=request.data)
            data.is_valid(raise_exception=True)
            values = data.validated_data
        try:
            limits.check_ip(request._request, office)
            slot = slot_for_booking(office, values["slot"])
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
                idempotency_key=idempotency_key,
                request_fingerprint=engine.request_fingerprint(request.data) if idempotency_key else "",
                ip=client_ip(request._request),
                service_type_id=slot.service_type_id,
                slot=slot,
                if_taken=values.get("if_taken", engine.IF_TAKEN_FAIL),
            )
        except BookingError as exc:
            if isinstance(exc, DayFull) and slot is not None:
                availability.day_full(office.pk, slot.service_type.code, timezone.localdate(slot.starts_at))
            elif isinstance(exc, SlotGone) and slot is not None:
                # the availability this client was shown is stale: the next one is read afresh (a
                # process-local cache has missed a booking made by another process)
                availability.place_taken(office.pk, slot.service_type.code, slot.pk, gone=True)
            return error_response(exc)
        replayed = getattr(booking, "replayed", False)
        return mark_personal(
            Response(
                booking_data(booking),
                status=status.HTTP_200_OK if replayed else status.HTTP_201_CREATED,
            )
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
        return mark_personal(Response(BookingSerializer(booking).data))


class CheckInViewSet(viewsets.ViewSet):
    """Staff or a queue kiosk: check the document shown and issue the ticket."""

    access_resource = "queue_booking.booking"
    permission_classes = [access.StaffPolicyPermission]  # a public account's own grant does not check in

    @extend_schema(
        request=CheckInSerializer,
        responses={201: BookingSerializer, 403: BookingErrorSerializer, 409: BookingErrorSerializer},
    )
    def create(self, request: Request) -> Response:
        office = office_of(request)
        data = CheckInSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        bookings = access.visible(
            request.user, "edit", self.access_resource, Booking.objects.select_related("slot"), office=office
        )
        booking = bookings.filter(reference=data.validated_data["reference"].upper()).first()
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
        from przystan.audit.api import record_read

        # the answer names the visitor: a staff read of a sensitive record (with the DRF user)
        record_read(booking, request=request._request, user=request.user, reason="api check-in")
        return Response(BookingSerializer(booking).data, status=status.HTTP_201_CREATED)
