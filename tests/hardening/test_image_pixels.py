"""Item 9 of issue 14: a 121-megapixel PNG of a few kilobytes is refused wherever an image is
uploaded (admin add, chooser upload, multiple upload), with the error in the user's language
next to the file field, and nothing is stored."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.images import get_image_model

SIDE = 11_000  # 11,000 × 11,000 = 121 megapixels


@pytest.fixture(scope="module")
def bomb():
    """A one-bit PNG of 121 megapixels: about 15 KB compressed, ~460 MB to thumbnail."""
    out = io.BytesIO()
    PILImage.new("1", (SIDE, SIDE)).save(out, format="PNG", optimize=True)
    assert out.tell() < 64 * 1024
    return out.getvalue()


@pytest.fixture
def administrator(client, db):
    user = get_user_model().objects.create_superuser("pixels", "p@example.org", "pw")
    client.force_login(user)
    return client


def upload(bomb):
    return SimpleUploadedFile("poster.png", bomb, content_type="image/png")


TOO_MANY = {
    "en": "too many pixels",
    "fr": "trop grand nombre de pixels",
    "ar": "عدد كبير جدًا من البكسل",
}


@pytest.mark.parametrize("language", ["ar", "fr", "en"])
def test_the_admin_upload_form_refuses_it_next_to_the_field(administrator, bomb, language):
    before = get_image_model().objects.count()
    response = administrator.post(
        "/admin/images/add/",
        {"title": "Bomb", "file": upload(bomb)},
        HTTP_ACCEPT_LANGUAGE=language,
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert TOO_MANY[language] in " ".join(form.errors["file"])
    assert TOO_MANY[language] in response.content.decode()
    assert get_image_model().objects.count() == before


@pytest.mark.parametrize(
    ("path", "field"),
    [
        ("/admin/images/chooser/create/", "image-chooser-upload-file"),
        ("/admin/images/multiple/add/", "files[]"),
    ],
)
def test_the_chooser_and_multiple_uploads_refuse_it(administrator, bomb, path, field):
    before = get_image_model().objects.count()
    response = administrator.post(
        path,
        {field: upload(bomb), "image-chooser-upload-title": "Bomb", "title": "Bomb"},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 200
    assert "too many pixels" in response.content.decode()
    assert get_image_model().objects.count() == before


def test_an_ordinary_photo_is_still_accepted(administrator):
    out = io.BytesIO()
    PILImage.new("RGB", (1200, 800), "teal").save(out, format="PNG")
    response = administrator.post(
        "/admin/images/add/",
        {"title": "Photo", "file": SimpleUploadedFile("photo.png", out.getvalue())},
    )
    assert response.status_code == 302
