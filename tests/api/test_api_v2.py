"""Wagtail API v2: pages, images, documents and media, by language, with conditional GET."""

import pytest

from campaigns.models import StandardPage


@pytest.fixture
def arabic_only(demo):
    """A live Arabic page with no French or English translation."""
    page = StandardPage(title="صفحة بالعربية فقط", slug="arabic-only")
    demo["home"].add_child(instance=page)
    page.save_revision().publish()
    return page


def items(response):
    assert response.status_code == 200, response.content
    return response.json()["items"]


def test_campaign_pages_by_type_and_locale(anon, demo):
    found = items(anon.get("/api/v2/pages/?type=campaigns.CampaignPage&fields=*&locale=fr"))
    [campaign] = found
    assert campaign["id"] == demo["campaign_fr"].pk and campaign["meta"]["locale"] == "fr"
    assert campaign["country"] == "TN" and campaign["state"] == "closed"
    assert campaign["start_date"] == "2020-05-15" and "hero_image_rendition" in campaign
    assert campaign["campaign_partners"], "partners are listed with their role"


def test_translation_of_and_child_of(anon, demo):
    found = items(anon.get(f"/api/v2/pages/?translation_of={demo['campaign'].pk}&locale=en"))
    assert [page["id"] for page in found] == [demo["campaign_en"].pk]
    children = items(anon.get(f"/api/v2/pages/?child_of={demo['home'].pk}"))
    assert demo["campaign"].pk in [page["id"] for page in children]
    assert all(page["meta"]["locale"] == "ar" for page in children)


def test_detail_in_another_language_is_that_translation(anon, demo):
    response = anon.get(f"/api/v2/pages/{demo['campaign'].pk}/?locale=fr")
    assert response.status_code == 200
    assert response.json()["id"] == demo["campaign_fr"].pk
    assert response.json()["title"] == demo["campaign_fr"].title


def test_missing_translation_is_a_404_with_a_reason(anon, arabic_only):
    for path in (
        f"/api/v2/pages/{arabic_only.pk}/?locale=fr",
        f"/api/v2/pages/?translation_of={arabic_only.pk}&locale=fr",
        "/api/v2/pages/find/?html_path=/fr/arabic-only/",
    ):
        response = anon.get(path)
        assert response.status_code == 404, path
        body = response.json()
        assert body["reason"] == "not_translated" and body["locale"] == "fr"
        assert body["available_locales"] == ["ar"] and body["translation_of"] == arabic_only.pk


def test_find_by_html_path_in_each_language(anon, demo):
    for key, path in (("campaign", "/ar/jesr/"), ("campaign_fr", "/fr/jesr/")):
        response = anon.get(f"/api/v2/pages/find/?html_path={path}")
        assert response.status_code == 302
        assert response["Location"].split("?")[0].endswith(f"/api/v2/pages/{demo[key].pk}/")
    assert anon.get("/api/v2/pages/find/?html_path=/fr/nowhere/").status_code == 404


def test_search(anon, demo):
    found = items(anon.get("/api/v2/pages/?search=Bridge&locale=en"))
    assert demo["campaign_en"].pk in [page["id"] for page in found]


def test_unknown_page_is_json_404(anon):
    response = anon.get("/api/v2/pages/999999/")
    assert response.status_code == 404 and response.json()["message"]


@pytest.mark.usefixtures("no_demo_media")
def test_images_documents_and_media_endpoints(anon, demo):
    images = items(anon.get("/api/v2/images/"))
    assert images and images[0]["meta"]["download_url"]
    assert items(anon.get("/api/v2/documents/")) == []
    assert items(anon.get("/api/v2/media/")) == []


@pytest.mark.usefixtures("no_demo_media")
def test_media_items_have_file_and_poster_urls(anon, demo):
    from django.core.files.base import ContentFile
    from wagtailmedia.models import Media

    media = Media.objects.create(
        title="Clip", type="video", duration=30, file=ContentFile(b"\x00" * 10, name="clip.mp4")
    )
    media.thumbnail.save("poster.png", ContentFile(b"\x89PNG"), save=True)
    [item] = items(anon.get("/api/v2/media/"))
    assert item["meta"]["download_url"].endswith(".mp4")
    assert item["meta"]["thumbnail_url"].endswith(".png") and item["duration"] == 30
    assert item["media_type"] == "video"


@pytest.mark.parametrize("path", ["/api/v2/pages/", "/api/v2/images/"])
def test_conditional_get_on_v2(anon, path):
    first = anon.get(path)
    assert first["ETag"] and "public" in first["Cache-Control"]
    assert anon.get(path, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


def test_page_detail_has_last_modified(anon, demo):
    response = anon.get(f"/api/v2/pages/{demo['campaign'].pk}/")
    assert response["Last-Modified"] and response["ETag"]


@pytest.mark.parametrize("size", [5, 100])
def test_page_listing_queries_do_not_grow_with_page_size(
    anon, demo, size, django_assert_max_num_queries
):
    parent = StandardPage(title="قائمة", slug="bulk-parent")
    demo["home"].add_child(instance=parent)
    for number in range(size):
        parent.add_child(instance=StandardPage(title=f"صفحة {number}", slug=f"bulk-{number}"))
    # Wagtail's own fixed costs (site, view restrictions, child_of parent, count, locales…).
    with django_assert_max_num_queries(14):
        response = anon.get(
            f"/api/v2/pages/?type=campaigns.StandardPage&child_of={parent.pk}&limit={size}"
        )
    assert len(items(response)) == size
