"""Item 6 of issue 14 in a real browser: the public pages and the admin's editor raise no
Content-Security-Policy violation (every script, style, image and frame they need is allowed)."""

import pytest
from django.contrib.auth import get_user_model

RECORD = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__csp.push(
        `${event.effectiveDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`
    );
});
"""
PUBLIC = ["/ar/", "/ar/jesr/", "/fr/jesr/needs/", "/en/press/", "/ar/search/?q=غذاء", "/api/docs/"]


def violations(tab, url):
    tab.page.add_init_script(RECORD)
    response = tab.page.goto(url, wait_until="networkidle")
    assert response.status < 400, url
    assert response.headers.get("content-security-policy"), url
    tab.page.wait_for_timeout(300)
    return tab.page.evaluate("window.__csp")


@pytest.mark.parametrize("path", PUBLIC)
def test_public_pages_raise_no_violation(demo_site, visit, path):
    tab = visit(viewport={"width": 1024, "height": 768})
    assert violations(tab, demo_site + path) == []


def test_the_admin_editor_raises_no_violation(demo_site, visit):
    from campaigns.models import CampaignPage

    get_user_model().objects.create_superuser("csp-browser", "c@example.org", "csp-pass-42")
    campaign = CampaignPage.objects.get(slug="jesr", locale__language_code="ar")
    tab = visit(viewport={"width": 1280, "height": 800})
    tab.page.add_init_script(RECORD)
    tab.page.goto(f"{demo_site}/admin/login/")
    tab.page.fill("#id_username", "csp-browser")
    tab.page.fill("#id_password", "csp-pass-42")
    tab.page.click("button[type=submit]")
    tab.page.wait_for_url("**/admin/")
    for path in ("/admin/", f"/admin/pages/{campaign.pk}/edit/", "/admin/snippets/tracker/need/"):
        tab.page.goto(demo_site + path, wait_until="networkidle")
        tab.page.wait_for_timeout(300)
        assert tab.page.evaluate("window.__csp") == [], path
