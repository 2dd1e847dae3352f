"""Hand a rendered message to its channel: Django mail for e-mail, the configured gateway for SMS."""

from __future__ import annotations

import smtplib
from dataclasses import dataclass
from email.utils import make_msgid

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.core.mail.utils import DNS_NAME

from .gateways import GatewayError, get_gateway, sms_sender
from .models import Channel, OutboundMessage


@dataclass(frozen=True)
class SendReceipt:
    provider_message_id: str = ""
    sms_parts: int | None = None


def send_email(message: OutboundMessage) -> SendReceipt:
    office = message.office
    message_id = make_msgid(idstring=f"przystan-{message.pk}", domain=str(DNS_NAME))
    email = EmailMultiAlternatives(
        subject=message.subject,
        body=message.body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[message.recipient],
        reply_to=[office.email] if office is not None and office.email else None,
        headers={
            "Message-ID": message_id,
            "X-Przystan-Message": str(message.pk),
            "X-Przystan-Type": message.type,
        },
    )
    if message.html_body:
        email.attach_alternative(message.html_body, "text/html")
    try:
        email.send()
    except smtplib.SMTPRecipientsRefused as exc:
        raise GatewayError(f"Recipient refused by the mail server: {exc}", retryable=False) from exc
    except (smtplib.SMTPException, OSError) as exc:
        raise GatewayError(f"Mail server error: {type(exc).__name__}: {exc}", retryable=True) from exc
    return SendReceipt(provider_message_id=message_id)


def send_sms(message: OutboundMessage) -> SendReceipt:
    result = get_gateway().send(
        message.recipient, message.body, sms_sender(), idempotency_key=message.delivery_key
    )
    return SendReceipt(provider_message_id=result.message_id, sms_parts=result.parts)


def send(message: OutboundMessage) -> SendReceipt:
    if message.channel == Channel.EMAIL:
        return send_email(message)
    if message.channel == Channel.SMS:
        return send_sms(message)
    raise GatewayError(f"Unknown channel {message.channel!r}", retryable=False)
