"""``przystan.web.replay``: which answers are kept and for which requests they are sent again."""

from __future__ import annotations

from typing import Any

import pytest
from django.http import HttpResponse

from przystan.web.replay import ReplayStore, replay_while


def environ(**extra: Any) -> dict[str, Any]:
    base = {
        "REQUEST_METHOD": "GET",
        "wsgi.url_scheme": "https",
        "HTTP_HOST": "mazowiecki.example",
        "SERVER_PORT": "443",
        "PATH_INFO": "/api/booking/availability/",
        "QUERY_STRING": "service=filing",
    }
    return {**base, **extra}


def answer(body: bytes = b"[1]", status: int = 200, valid: list[bool] | None = None) -> HttpResponse:
    response = HttpResponse(body, status=status, content_type="application/json")
    response["X-Request-ID"] = "first"
    response["X-Content-Type-Options"] = "nosniff"
    flag = valid if valid is not None else [True]
    return replay_while(response, lambda: flag[0])


@pytest.fixture
def store(settings) -> ReplayStore:
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    return ReplayStore(max_answers=3)


def test_the_same_question_gets_the_kept_answer_with_its_own_request_id(store):
    store.keep(environ(), answer())
    status, headers, body = store.answer(environ())
    assert status == "200 OK" and body == b"[1]"
    assert ("X-Content-Type-Options", "nosniff") in headers
    ids = [value for name, value in headers if name == "X-Request-ID"]
    assert len(ids) == 1 and ids[0] != "first"
    supplied = store.answer(environ(HTTP_X_REQUEST_ID="lb-77"))[1]
    assert ("X-Request-ID", "lb-77") in supplied


@pytest.mark.parametrize(
    "other",
    [
        {"HTTP_HOST": "lubelski.example"},
        {"HTTP_X_FORWARDED_HOST": "lubelski.example"},
        {"wsgi.url_scheme": "http"},
        {"HTTP_X_FORWARDED_PROTO": "https"},
        {"SERVER_PORT": "8443"},
        {"QUERY_STRING": "service=pickup"},
        {"PATH_INFO": "/api/booking/availability/x/"},
        {"HTTP_ACCEPT_LANGUAGE": "uk"},
        {"HTTP_COOKIE": "django_language=ru"},
        {"REQUEST_METHOD": "HEAD"},
    ],
)
def test_any_other_question_is_asked_of_django(store, other):
    store.keep(environ(), answer())
    assert store.answer(environ(**other)) is None


def test_unmarked_failed_or_cookie_setting_answers_are_not_kept(store):
    store.keep(environ(), HttpResponse(b"[1]"))  # not marked by its view
    store.keep(environ(QUERY_STRING="a"), answer(status=404))
    with_cookie = answer()
    with_cookie.set_cookie("seen", "1")
    store.keep(environ(QUERY_STRING="b"), with_cookie)
    store.keep(environ(HTTP_COOKIE="x=1"), answer())  # asked with a cookie
    assert all(
        store.answer(environ(**extra)) is None
        for extra in ({}, {"QUERY_STRING": "a"}, {"QUERY_STRING": "b"}, {"HTTP_COOKIE": "x=1"})
    )


def test_an_answer_no_longer_valid_is_dropped_and_the_store_stays_bounded(store):
    valid = [True]
    store.keep(environ(), answer(valid=valid))
    assert store.answer(environ()) is not None
    valid[0] = False
    assert store.answer(environ()) is None
    valid[0] = True  # dropped for good: a later answer must be kept anew
    assert store.answer(environ()) is None
    for index in range(4):
        store.keep(environ(QUERY_STRING=f"q{index}"), answer())
    kept = [store.answer(environ(QUERY_STRING=f"q{index}")) is not None for index in range(4)]
    assert kept == [False, False, False, True]  # a full store was emptied before the fourth
