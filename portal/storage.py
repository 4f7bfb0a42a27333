"""Where uploaded files live: local disk when embedded, an S3-compatible bucket in production.

Two kinds of file:

* public media (images, renditions, documents, videos, captions, media-kit ZIPs) — plain,
  permanent URLs that a CDN may cache forever, because a stored name is never overwritten;
* private files (for example evidence attached to a delivery) — never listed anywhere public,
  reachable only through a short-lived signed URL handed to a user allowed to see them.

``portal.settings.storage.storage_settings`` builds the ``STORAGES`` entries from the
environment; model fields that hold private files use ``FileField(storage=private_storage)``.
"""

from django.conf import settings
from django.core import signing
from django.core.files.storage import FileSystemStorage, storages
from django.http import FileResponse, Http404
from django.urls import reverse
from django.utils.functional import cached_property
from storages.backends.s3 import S3Storage

PRIVATE_URL_SALT = "portal.private-media"


def private_storage():
    """The storage for private files (callable, so migrations don't freeze the backend)."""
    return storages["private"]


class PublicMediaStorage(S3Storage):
    """Public media in the bucket: unsigned URLs, cacheable for a year (names never change)."""

    querystring_auth = False
    default_acl = None
    object_parameters = {"CacheControl": "public, max-age=31536000, immutable"}


class PrivateMediaStorage(S3Storage):
    """Private files in their own bucket, which refuses anonymous reads: signed URLs only."""

    querystring_auth = True
    default_acl = "private"
    custom_domain = None
    object_parameters = {"CacheControl": "private, no-store"}


class PrivateFileSystemStorage(FileSystemStorage):
    """Private files on local disk (embedded mode), outside ``MEDIA_ROOT``.

    ``url()`` returns a link to :func:`serve_private_file` carrying a signed, expiring token —
    the same contract as the S3 signed URL, so calling code does not care where files live.
    """

    def __init__(self, location=None, expire=300, **kwargs):
        super().__init__(location=location, base_url=None, **kwargs)
        self.expire = expire

    @cached_property
    def signer(self):
        return signing.TimestampSigner(salt=PRIVATE_URL_SALT)

    def url(self, name):
        token = self.signer.sign_object(name)
        return reverse("private_media", kwargs={"token": token})


def serve_private_file(request, token):
    """Hand out one private file to whoever holds a valid, unexpired signed link."""
    storage = private_storage()
    if not isinstance(storage, PrivateFileSystemStorage):
        raise Http404
    try:
        name = storage.signer.unsign_object(token, max_age=storage.expire)
    except signing.BadSignature as error:  # SignatureExpired is a BadSignature
        raise Http404 from error
    if not storage.exists(name):
        raise Http404
    response = FileResponse(storage.open(name, "rb"))
    response["Cache-Control"] = "private, no-store"
    return response


def media_uses_bucket():
    """True when public media goes to S3 (what /healthz and copy_media_to_bucket check)."""
    return settings.STORAGES["default"]["BACKEND"] == "portal.storage.PublicMediaStorage"
