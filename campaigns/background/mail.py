"""E-mail through the task queue: a request hands the message over and returns at once.

``QueuedEmailBackend`` is Django's ``EMAIL_BACKEND`` in development and production: every
message — ours (campaigns/people/notifications.py), Wagtail's moderation notifications,
password resets — becomes a ``deliver_email`` task once the transaction commits. The worker
sends it through ``PORTAL_EMAIL_DELIVERY_BACKEND`` (SMTP from ``EMAIL_URL`` in production),
retrying with backoff (30 s, 1, 2, 4 min) when the server refuses or hangs.

Each message carries a key from the moment it is queued (kept across retries); the worker
records the key once the server accepted it, and a second run of the same message — a worker
killed before the job was marked done, see recovery.py — sends nothing. The one gap left is a
worker killed between the server's "250 OK" and that record: then the message goes twice
(at least once, never lost).
"""

import base64
import uuid

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django_tasks import task

from .models import SentMessage
from .retry import retry_on_failure

MAX_ATTEMPTS = 5
FIRST_DELAY = 30  # seconds


def message_to_payload(message):
    """An ``EmailMessage`` as JSON-safe data (attachments base64) for the task's arguments."""
    attachments = []
    for attachment in message.attachments:
        if isinstance(attachment, tuple):
            filename, content, mimetype = attachment
            if isinstance(content, str):
                content = content.encode()
            attachments.append([filename, base64.b64encode(content).decode(), mimetype])
    return {
        "key": uuid.uuid4().hex,
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": {str(k): str(v) for k, v in message.extra_headers.items()},
        "alternatives": [
            [str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])
        ],
        "attachments": attachments,
    }


def payload_to_message(payload, connection=None):
    """The ``EmailMultiAlternatives`` a payload describes."""
    message = EmailMultiAlternatives(
        subject=payload["subject"],
        body=payload["body"],
        from_email=payload["from_email"],
        to=payload["to"],
        cc=payload["cc"],
        bcc=payload["bcc"],
        reply_to=payload["reply_to"],
        headers=payload["headers"],
        connection=connection,
    )
    for content, mimetype in payload["alternatives"]:
        message.attach_alternative(content, mimetype)
    for filename, content, mimetype in payload["attachments"]:
        message.attach(filename, base64.b64decode(content), mimetype)
    return message


@task(takes_context=True)
def deliver_email(context, payload, attempt=1):
    """Send one message through the real backend, once per key; retried on failure
    (``MAX_ATTEMPTS``). Returns the recipients, the attempt and whether it was sent now."""
    key = payload.get("key")  # payloads queued before keys existed have none
    if key and SentMessage.objects.filter(key=key).exists():
        return {"to": payload["to"], "attempt": attempt, "sent": False}
    with retry_on_failure(context, attempt, max_attempts=MAX_ATTEMPTS, first_delay=FIRST_DELAY):
        connection = get_connection(settings.PORTAL_EMAIL_DELIVERY_BACKEND, fail_silently=False)
        payload_to_message(payload, connection).send()
    if key:
        SentMessage.objects.get_or_create(key=key)
    return {"to": payload["to"], "attempt": attempt, "sent": True}


class QueuedEmailBackend(BaseEmailBackend):
    """Django e-mail backend that enqueues each message as ``deliver_email`` on commit."""

    def send_messages(self, email_messages):
        count = 0
        for message in email_messages:
            if not message.recipients():
                continue
            payload = message_to_payload(message)
            transaction.on_commit(lambda payload=payload: deliver_email.enqueue(payload))
            count += 1
        return count
