"""Storage settings from the environment (kept apart so settings import no storage code)."""


def storage_settings(env, data_dir):
    """The ``default`` (public media) and ``private`` storages for ``STORAGES``.

    With ``AWS_STORAGE_BUCKET_NAME`` set, both go to S3 (AWS, MinIO, SeaweedFS…); otherwise
    public media stays under ``MEDIA_ROOT`` and private files under ``PRIVATE_MEDIA_ROOT``.
    """
    public_bucket = env.str("AWS_STORAGE_BUCKET_NAME", "")
    expire = env.int("PRIVATE_MEDIA_URL_EXPIRE", 300)
    if not public_bucket:
        return {
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            "private": {
                "BACKEND": "portal.storage.PrivateFileSystemStorage",
                "OPTIONS": {
                    "location": env.str("PRIVATE_MEDIA_ROOT", str(data_dir / "private")),
                    "expire": expire,
                },
            },
        }
    common = {
        "endpoint_url": env.str("AWS_S3_ENDPOINT_URL", "") or None,
        "region_name": env.str("AWS_S3_REGION_NAME", "") or None,
        "addressing_style": env.str("AWS_S3_ADDRESSING_STYLE", "") or None,
        "signature_version": "s3v4",
        # A stored name is never reused: a new upload of "poster.jpg" gets a new name.
        "file_overwrite": False,
    }
    return {
        "default": {
            "BACKEND": "portal.storage.PublicMediaStorage",
            "OPTIONS": {
                **common,
                "bucket_name": public_bucket,
                "custom_domain": env.str("AWS_S3_CUSTOM_DOMAIN", "") or None,
                "url_protocol": env.str("AWS_S3_URL_PROTOCOL", "https:"),
            },
        },
        "private": {
            "BACKEND": "portal.storage.PrivateMediaStorage",
            "OPTIONS": {
                **common,
                "bucket_name": env.str(
                    "AWS_PRIVATE_STORAGE_BUCKET_NAME", f"{public_bucket}-private"
                ),
                "querystring_expire": expire,
            },
        },
    }
