from django.http import HttpResponse, JsonResponse
from django.urls import path
from rest_framework import viewsets
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from przystan.pluginsys.contributions import ApiRoute, DashboardPanel, MenuItem, UrlContribution
from przystan.pluginsys.markers import hookimpl
from przystan.profiles import Exposure

CALLS: list[str] = []


def hello(request):
    return HttpResponse("throwaway says hello")


def officer_view(request):
    return JsonResponse({"internal": True})


class GreetingViewSet(viewsets.ViewSet):
    permission_classes = [AllowAny]

    def list(self, request):
        return Response({"greeting": "hello"})


@hookimpl
def urls():
    return [
        UrlContribution("throwaway", prefix="throwaway", patterns=[path("", hello, name="hello")]),
        UrlContribution(
            "throwaway-staff",
            prefix="staff/throwaway",
            patterns=[path("", officer_view, name="officer")],
            exposure=Exposure.INTERNAL,
        ),
    ]


@hookimpl
def admin_menu_items():
    return [MenuItem("throwaway-menu", label="Throwaway menu", url="/throwaway/", icon_name="cog")]


@hookimpl
def api_routes():
    return [ApiRoute("throwaway-greeting", prefix="throwaway/greetings", viewset=GreetingViewSet)]


@hookimpl
def dashboard_panels():
    return [
        DashboardPanel("throwaway-panel", label="Throwaway", render=lambda request: "<p>throwaway panel</p>")
    ]


@hookimpl
def demo_data(office, stdout):
    CALLS.append(f"demo:{office.code}")


class ThrowawaySource:
    """A case source for the core intake tests: packages waiting per office code, results recorded."""

    name = "throwaway"
    WAITING: dict[str, list[bytes]] = {}
    HANDLED: list[tuple[str, str, str]] = []
    BROKEN: set[str] = set()

    def describe(self):
        return {"name": self.name, "label": "Throwaway", "deliveries": ["memory"]}

    def fetch(self, office):
        from przystan.intake.contract import Package

        if office.code in self.BROKEN:
            raise ConnectionError("feed down")
        while self.WAITING.get(office.code):
            yield Package(self.name, self.WAITING[office.code].pop(0), origin="memory")

    def import_package(self, office, package):
        from przystan.intake.contract import ImportResult, Outcome

        if package.payload == b"bad":
            return ImportResult(Outcome.QUARANTINED, reason="malformed", detail="bad")
        return ImportResult(Outcome.IMPORTED, package.payload.decode(), case_reference=f"C-{office.code}")

    def acknowledge(self, office, package, result):
        self.HANDLED.append((office.code, package.payload.decode(), result.outcome.value))


@hookimpl
def case_sources(office):
    return [ThrowawaySource()]
