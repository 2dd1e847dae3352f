"""Staff must pass MFA before anything else; logged-in users see pages in their preferred language."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import get_user_model
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.urls import Resolver404, resolve, reverse
from django.utils import translation
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from . import mfa

EXEMPT_NAMESPACES = {"accounts"}
EXEMPT_URL_NAMES = {"set_language"}


def _is_exempt(request: HttpRequest) -> bool:
    path = request.path_info
    for prefix in (settings.STATIC_URL, "/i18n/", "/favicon.ico"):
        if prefix and path.startswith(prefix if prefix.startswith("/") else f"/{prefix}"):
            return True
    try:
        match = resolve(path)
    except Resolver404:
        return False
    return bool(EXEMPT_NAMESPACES & set(match.namespaces)) or match.url_name in EXEMPT_URL_NAMES


class StaffMFAMiddleware:
    """Send staff who have not passed a second factor this session to MFA verification (or setup).

    Must come after django_otp's ``OTPMiddleware`` (which gives ``request.user.is_verified``).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and getattr(user, "is_office_staff", False)
            and not user.is_verified()
            and not _is_exempt(request)
        ):
            if request.path_info.startswith("/api/"):  # API clients get an answer, not a login page
                return JsonResponse({"detail": _("Two-step verification (MFA) required.")}, status=403)
            target = "accounts:mfa_verify" if mfa.has_confirmed_device(user) else "accounts:mfa_setup"
            return HttpResponseRedirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)


class UserLanguageMiddleware:
    """Use the logged-in user's preferred language unless they picked one with the switcher.

    The switcher (``set_language``) sets the language cookie; when it does for a logged-in user,
    the new choice is also stored as their preferred language.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        authenticated = user is not None and user.is_authenticated
        if (
            authenticated
            and user.preferred_language
            and settings.LANGUAGE_COOKIE_NAME not in request.COOKIES
            and translation.get_language_from_path(request.path_info) is None
            and translation.check_for_language(user.preferred_language)
        ):
            translation.activate(user.preferred_language)
            request.LANGUAGE_CODE = user.preferred_language
        response = self.get_response(request)
        if authenticated:
            self._remember_choice(user, response)
        return response

    @staticmethod
    def _remember_choice(user: object, response: HttpResponse) -> None:
        cookie = response.cookies.get(settings.LANGUAGE_COOKIE_NAME)
        if cookie is None or not cookie.value:
            return
        language = cookie.value
        codes = {code for code, _name in settings.LANGUAGES}
        if language in codes and language != getattr(user, "preferred_language", None):
            get_user_model().objects.filter(pk=user.pk).update(preferred_language=language)  # type: ignore[attr-defined]
            user.preferred_language = language  # type: ignore[attr-defined]
