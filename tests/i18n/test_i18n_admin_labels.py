"""Every admin form tells its fields apart in every language: no two fields of one form (or
of one inline panel, e.g. a giving channel) share a label in Arabic or French."""

from collections import defaultdict

import pytest
from django.utils import translation

from tests.i18n.test_i18n_digits import admin_and_page_forms


def label_collisions(form_class, language):
    """{label: [field names]} for labels two fields of the form share, in ``language``."""
    found = []
    with translation.override(language):
        groups = [("", form_class.base_fields)]
        for name, formset in getattr(form_class, "formsets", {}).items():
            groups.append((f"{name}.", formset.form.base_fields))
        for prefix, fields in groups:
            by_label = defaultdict(list)
            for field_name, field in fields.items():
                if field.label and not field.widget.is_hidden:
                    by_label[str(field.label).strip().lower()].append(prefix + field_name)
            found += [(label, names) for label, names in by_label.items() if len(names) > 1]
    return found


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ar", "fr", "en"])
def test_no_two_fields_of_an_admin_form_share_a_label(language):
    collisions = {}
    for name, form_class in admin_and_page_forms():
        if found := label_collisions(form_class, language):
            collisions[name] = found
    assert not collisions, collisions
