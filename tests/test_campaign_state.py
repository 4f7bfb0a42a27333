"""A campaign's state is derived from its dates in the site's time zone."""

import datetime

import pytest
import time_machine

from campaigns.models import CampaignPage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("utc_moment", "state"),
    [
        # Africa/Tunis is UTC+1: 23:30 UTC on 14 May is already 15 May in Tunis.
        ("2020-05-14T22:59:00Z", "upcoming"),
        ("2020-05-14T23:00:00Z", "running"),
        ("2020-05-30T22:59:00Z", "running"),
        ("2020-05-30T23:00:00Z", "closed"),
    ],
)
def test_state_changes_at_local_midnight(demo, utc_moment, state):
    with time_machine.travel(utc_moment, tick=False):
        assert demo["campaign"].state == state


def test_end_before_start_is_refused(demo):
    from django.core.exceptions import ValidationError

    campaign = CampaignPage(
        title="x",
        slug="x",
        country="TN",
        start_date=datetime.date(2020, 5, 30),
        end_date=datetime.date(2020, 5, 1),
    )
    with pytest.raises(ValidationError) as error:
        campaign.full_clean()
    assert "end_date" in error.value.message_dict
