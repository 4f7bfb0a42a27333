"""Hardening fixtures: the tracker's fresh campaign, partners and keys (from the API suite)."""
# ruff: noqa: F401  (fixtures imported from the tracker and API suites are parameters here)

from tests.api.conftest import ApiClient, client_for, key_pair
from tests.tracker.conftest import campaign, kasserine, need, other_partner, partner
