"""Messages render in the recipient's language; an office's override wins for its office and language only."""

from __future__ import annotations

import re

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from przystan.notifications.errors import TemplateMissing, UnknownNotificationType
from przystan.notifications.models import MessageTemplate
from przystan.notifications.rendering import render_message
from przystan.notifications.service import notify

TYPE = "core.test_message"
CONTEXT = {"office_name": "UW Testowy", "sent_by": "Anna Nowak"}
POLISH = re.compile(r"[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]")
CYRILLIC = re.compile(r"[\u0400-\u04FF]")


@pytest.mark.django_db
@pytest.mark.parametrize("channel", ["email", "sms"])
def test_each_language_renders_its_own_text(channel):
    texts = {lang: render_message(TYPE, channel, lang, CONTEXT) for lang in ("pl", "en", "uk", "ru")}
    for lang, rendered in texts.items():
        assert "UW Testowy" in rendered.subject + rendered.body, lang
        assert "{%" not in rendered.body and "{{" not in rendered.body
    assert POLISH.search(texts["pl"].body) and not CYRILLIC.search(texts["pl"].body)
    assert texts["en"].body.isascii()
    for lang in ("uk", "ru"):
        assert CYRILLIC.search(texts[lang].body), lang
    assert re.search(r"[іїєґ]", texts["uk"].body)  # a letter Russian does not have
    words = {
        "email": ("Добрий день!", "Здравствуйте!"),
        "sms": ("доставка SMS працює", "доставка SMS работает"),
    }
    assert words[channel][0] in texts["uk"].body and words[channel][1] in texts["ru"].body
    assert len({rendered.body for rendered in texts.values()}) == 4
    if channel == "email":
        assert texts["pl"].subject == "Wiadomość testowa od: UW Testowy"
        assert texts["uk"].subject == "Тестове повідомлення від: UW Testowy"
        assert texts["ru"].subject == "Тестовое сообщение от: UW Testowy"
        assert texts["en"].subject == "Test message from UW Testowy"
        assert 'lang="uk"' in texts["uk"].html_body and "Добрий день!" in texts["uk"].html_body


@pytest.mark.django_db
def test_context_values_are_not_html_escaped_in_text_but_escaped_in_html():
    rendered = render_message(TYPE, "email", "en", {"office_name": "A & B <Office>", "sent_by": "O'Brien"})
    assert "A & B <Office>" in rendered.subject
    assert "O'Brien" in rendered.body
    assert "A &amp; B &lt;Office&gt;" in rendered.html_body


@pytest.mark.django_db
def test_override_is_used_for_its_office_and_language_only(office, other_office):
    MessageTemplate.objects.create(
        office=office,
        type=TYPE,
        language="pl",
        channel="email",
        subject="Nadpisany temat {{ office_name }}",
        body="Treść urzędu: {{ sent_by }}",
    )
    mine = notify(TYPE, office=office, email="a@example.com", language="pl", context=CONTEXT)[0]
    assert (mine.subject, mine.body) == ("Nadpisany temat UW Testowy", "Treść urzędu: Anna Nowak")
    english = notify(TYPE, office=office, email="a@example.com", language="en", context=CONTEXT)[0]
    assert english.subject == "Test message from UW Testowy"
    elsewhere = notify(TYPE, office=other_office, email="a@example.com", language="pl", context=CONTEXT)[0]
    assert elsewhere.subject == "Wiadomość testowa od: UW Testowy"
    sms = notify(TYPE, office=office, phone="601234567", language="pl", context=CONTEXT)[0]
    assert "Testowy SMS" in sms.body


@pytest.mark.django_db
def test_office_override_beats_global_override_and_inactive_is_ignored(office, other_office):
    MessageTemplate.objects.create(
        office=None, type=TYPE, language="en", channel="sms", body="Global {{ office_name }}"
    )
    own = MessageTemplate.objects.create(
        office=office, type=TYPE, language="en", channel="sms", body="Own text"
    )
    assert render_message(TYPE, "sms", "en", CONTEXT, office).body == "Own text"
    assert render_message(TYPE, "sms", "en", CONTEXT, other_office).body == "Global UW Testowy"
    own.active = False
    own.save()
    assert render_message(TYPE, "sms", "en", CONTEXT, office).body == "Global UW Testowy"


@pytest.mark.django_db
def test_template_with_syntax_error_is_refused_with_a_clear_message(office):
    with translation.override("en"), pytest.raises(ValidationError) as error:
        MessageTemplate.objects.create(
            office=office, type=TYPE, language="pl", channel="sms", body="Dzień dobry {% if %}"
        )
    assert "Template syntax error" in str(error.value.message_dict["body"])
    with translation.override("pl"), pytest.raises(ValidationError) as error:
        MessageTemplate.objects.create(
            office=office, type=TYPE, language="pl", channel="sms", body="{{ a|nofilter }}"
        )
    assert "Błąd składni szablonu" in str(error.value.message_dict["body"])


@pytest.mark.django_db
def test_template_for_unknown_type_or_missing_subject_is_refused(office):
    with pytest.raises(ValidationError) as error:
        MessageTemplate.objects.create(
            office=office, type="nobody.registered", language="pl", channel="sms", body="x"
        )
    assert "nobody.registered" in str(error.value.message_dict["type"])
    with pytest.raises(ValidationError) as error:
        MessageTemplate.objects.create(office=office, type=TYPE, language="pl", channel="email", body="x")
    assert "subject" in error.value.message_dict


@pytest.mark.django_db
def test_second_template_for_same_office_type_language_channel_is_refused(office):
    MessageTemplate.objects.create(office=office, type=TYPE, language="pl", channel="sms", body="a")
    with pytest.raises(ValidationError):
        MessageTemplate.objects.create(office=office, type=TYPE, language="pl", channel="sms", body="b")
    MessageTemplate.objects.create(office=None, type=TYPE, language="pl", channel="sms", body="c")
    with pytest.raises(ValidationError):
        MessageTemplate.objects.create(office=None, type=TYPE, language="pl", channel="sms", body="d")


@pytest.mark.django_db
def test_missing_template_file_is_a_clear_error():
    with pytest.raises(TemplateMissing, match="notifications/core.no_such/sms.txt"):
        render_message("core.no_such", "sms", "pl", {})


@pytest.mark.django_db
def test_unknown_type_is_refused():
    with pytest.raises(UnknownNotificationType, match="core.test_message"):
        notify("plugin.never_registered", email="a@example.com", context={})
