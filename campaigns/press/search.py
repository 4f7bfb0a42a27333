"""Press coverage in the public site search: items published in the visitor's language."""

from django.utils.translation import gettext_lazy as _


def register():
    from search.registry import register_snippet

    from .models import Coverage

    register_snippet(
        Coverage,
        queryset=lambda: Coverage.objects.all(),
        label=_("Coverage"),
        campaign="campaign",
        url=lambda item: item.url,
        excerpt=lambda item: item.headline,
        language_field="language",
    )
