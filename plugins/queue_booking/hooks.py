"""Hook implementations of the queue_booking plugin (see przystan.pluginsys.hookspecs)."""

from __future__ import annotations

from typing import Any

from django.urls import path
from django.utils.translation import gettext_lazy as _

from przystan.pluginsys.contributions import (
    ApiRoute,
    DashboardPanel,
    MenuItem,
    NotificationType,
    PeriodicJob,
    Report,
    UrlContribution,
)
from przystan.pluginsys.markers import hookimpl
from przystan.profiles import Exposure

BOOKING_PLACEHOLDERS = (
    "office_name",
    "reference",
    "service",
    "date",
    "time",
    "point",
    "full_name",
    "manage_url",
)


@hookimpl
def urls() -> list[UrlContribution]:
    from .views import public, staff

    return [
        UrlContribution(
            "queue_booking",
            prefix="booking",
            exposure=Exposure.PUBLIC,
            patterns=[
                path("", public.start, name="start"),
                path("my/", public.my_visits, name="my-visits"),
                path("visit/<str:token>/", public.manage, name="manage"),
                path("visit/<str:token>/visit.ics", public.ics, name="ics"),
                path("visit/<str:token>/cancel/", public.cancel, name="cancel"),
                path("visit/<str:token>/reschedule/", public.reschedule, name="reschedule"),
                path("offer/<str:token>/", public.offer, name="offer"),
                path("rounds/<int:pk>/", public.round_detail, name="round"),
                path("rounds/<int:pk>/draw.json", public.round_json, name="round-json"),
                path("waiting-list/<slug:code>/", public.join_waiting_list, name="waiting-list"),
                path("<slug:code>/", public.book, name="book"),
            ],
        ),
        UrlContribution(
            "queue_booking_staff",
            prefix="staff/booking",
            exposure=Exposure.INTERNAL,
            patterns=[
                path("", staff.agenda, name="agenda"),
                path("visits/<int:pk>/check-in/", staff.check_in, name="check-in"),
                path("visits/<int:pk>/ticket/", staff.ticket, name="ticket"),
                path("visits/<int:pk>/ticket.pdf", staff.ticket_pdf, name="ticket-pdf"),
                path("points/<int:pk>/", staff.point_screen, name="point"),
                path("statistics/", staff.statistics, name="statistics"),
                path("out-of-queue/", staff.out_of_queue_list, name="out-of-queue"),
                path("out-of-queue/<int:pk>/decide/", staff.out_of_queue_decide, name="out-of-queue-decide"),
            ],
        ),
    ]


@hookimpl
def api_routes() -> list[ApiRoute]:
    from .views.api import AvailabilityViewSet, BookingViewSet, CheckInViewSet

    return [
        # anonymous, hit by the crowd of a release: served without session/user middleware
        ApiRoute(
            "booking-availability",
            prefix="booking/availability",
            viewset=AvailabilityViewSet,
            stateless=True,
            exposure=Exposure.PUBLIC,
        ),
        ApiRoute(
            "booking-bookings",
            prefix="booking/bookings",
            viewset=BookingViewSet,
            stateless=True,
            exposure=Exposure.PUBLIC,
        ),
        # the officers' desk: the closed network only
        ApiRoute(
            "booking-check-ins",
            prefix="booking/check-ins",
            viewset=CheckInViewSet,
            exposure=Exposure.INTERNAL,
        ),
    ]


@hookimpl
def admin_menu_items() -> list[MenuItem]:
    return [
        MenuItem(
            "queue-booking-agenda",
            label=_("Visits: day agenda"),
            url="/staff/booking/",
            icon_name="date",
            access=("queue_booking.booking", "view"),
        )
    ]


@hookimpl
def notification_types() -> list[NotificationType]:
    return [
        NotificationType(
            "queue_booking.booking_confirmed",
            label=_("Visit booked"),
            placeholders=BOOKING_PLACEHOLDERS,
            description=_("Sent when a visit is booked or moved."),
        ),
        NotificationType(
            "queue_booking.booking_reminder",
            label=_("Visit reminder"),
            placeholders=BOOKING_PLACEHOLDERS,
            description=_("Sent the day before the visit."),
        ),
        NotificationType(
            "queue_booking.booking_cancelled",
            label=_("Visit cancelled"),
            placeholders=BOOKING_PLACEHOLDERS,
            description=_("Sent when a visit is cancelled."),
        ),
        NotificationType(
            "queue_booking.waitlist_offer",
            label=_("Freed time offered"),
            placeholders=("office_name", "service", "date", "time", "hold_until", "offer_url"),
            description=_("Offers a freed time to the next person on the waiting list, held for a while."),
        ),
        NotificationType(
            "queue_booking.invitation",
            label=_("Invitation to book a visit"),
            placeholders=("office_name", "service", "case_reference", "booking_url"),
            description=_(
                "Sent when a case reaches a stage that needs a visit (fingerprints, card pick-up)."
            ),
        ),
    ]


@hookimpl
def reports() -> list[Report]:
    from .views.staff import out_of_queue_report

    return [
        Report(
            "queue-booking-out-of-queue",
            label=_("Out-of-queue bookings"),
            view=out_of_queue_report,
            access=("queue_booking.report", "view"),
        )
    ]


@hookimpl
def dashboard_panels() -> list[DashboardPanel]:
    from .panels import today_panel

    return [
        DashboardPanel(
            "queue-booking-today",
            label=_("Visits today"),
            render=today_panel,
            order=20,
            access=("queue_booking.booking", "view"),
        )
    ]


@hookimpl
def access_resources() -> list[Any]:
    from .policy import resources

    return resources()


@hookimpl
def access_grants() -> list[Any]:
    from .policy import grants

    return grants()


# ----------------------------------------------------------------------------- cross-plugin contracts


@hookimpl
def case_visits(office: Any, case_reference: str) -> list[dict[str, Any]]:
    from .models import Booking
    from .services.booking import manage_token

    bookings = Booking.objects.filter(
        office=office, case_reference=case_reference.strip().upper()
    ).select_related("slot", "service_type")
    return [
        {
            "service": booking.service_type.code,
            "service_label": str(booking.service_type),  # the translated name, for screens
            "starts_at": booking.slot.starts_at,
            "status": booking.status,
            "status_label": str(booking.get_status_display()),
            "manage_url": f"/booking/visit/{manage_token(booking)}/",
        }
        for booking in bookings.order_by("slot__starts_at")
    ]


@hookimpl
def office_closed_days(office: Any, start: Any, end: Any) -> list[Any]:
    from .models import ScheduleException

    return list(
        ScheduleException.objects.filter(
            office=office, service_point__isnull=True, date__gte=start, date__lte=end
        ).values_list("date", flat=True)
    )


#: The first visit a procedure needs: electronic filings (MOS, since 27 Apr 2026) start with fingerprints.
FIRST_VISIT = {
    "card_exchange": "filing",
    "invitation": "filing",
    "visa_extension": "filing",
    "cukr": "filing",
}


@hookimpl
def procedure_actions(office: Any, application_type: str, language: str) -> list[dict[str, Any]]:
    from django.utils import translation

    from .models import ServiceType

    code = FIRST_VISIT.get(application_type, "fingerprints")
    if not ServiceType.objects.filter(office=office, code=code, active=True).exists():
        return []
    with translation.override(language):
        label = str(_("Book a visit"))
    return [{"kind": "book_visit", "label": label, "url": f"/booking/{code}/"}]


#: Case stages after which the person is invited to book a visit.
INVITING_STAGES = {
    "summons_fingerprints": "fingerprints",
    "supplement_requested": "supplement",
    "card_ready": "card_pickup",
}


@hookimpl
def case_status_changed(
    office: Any, case_reference: str, old_stage: str, new_stage: str, actor: Any, context: dict[str, Any]
) -> None:
    from .services.invitations import invite_to_book

    service = INVITING_STAGES.get(new_stage)
    if service:
        invite_to_book(office, service, case_reference, context)


@hookimpl
def demo_data(office: Any, stdout: Any) -> None:
    from .demo import load_demo

    load_demo(office, stdout)


@hookimpl
def periodic_jobs() -> list[PeriodicJob]:
    return [
        PeriodicJob(
            "queue-booking.tick",
            command="queue_booking_tick",
            every_seconds=300,
            description=_("Generate slots for the booking horizon, release holds and run allocation rounds."),
        )
    ]


@hookimpl
def office_closure_impact(office: Any, day: Any) -> list[Any]:
    from .services.closures import visits_on

    count = visits_on(office, day).count()
    return [{"label": _("booked visits"), "count": count}] if count else []


@hookimpl
def office_closure_added(office: Any, day: Any, cancel_bookings: bool) -> list[Any]:
    from .services.closures import withdraw_day

    return withdraw_day(office, day, cancel_bookings=cancel_bookings)


@hookimpl
def office_closure_removed(office: Any, day: Any) -> list[Any]:
    from .services.closures import reopen_day

    return reopen_day(office, day)


@hookimpl
def privacy_clauses() -> list[Any]:
    from .privacy import clauses

    return clauses()
