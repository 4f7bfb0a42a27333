"""The portal's domain apps: offers of help and invitations (people), the press room.

Each setting is read from the environment where a deployment may want another value.
"""

from .environment import env

# --- people: roles, invitations, offers of help ---
# Campaign states in which the public "offer help" form takes offers.
PEOPLE_OFFER_STATES = env.list("PEOPLE_OFFER_STATES", ["running"])
# Offered after the campaign's own currencies (docs/countries.md): those a donor abroad holds.
PEOPLE_OFFER_CURRENCIES = env.list("PEOPLE_OFFER_CURRENCIES", ["EUR", "USD"])
# At most this many offers per address per window (seconds); kept in the cache.
PEOPLE_OFFER_RATE = (
    env.int("PEOPLE_OFFER_RATE_COUNT", 5),
    env.int("PEOPLE_OFFER_RATE_SECONDS", 3600),
)
PEOPLE_OFFER_MAX_BYTES = 16 * 1024
PEOPLE_INVITATION_DAYS = env.int("PEOPLE_INVITATION_DAYS", 7)

# --- press room ---
# Files a release may attach (checked when the release is saved) and their size limit.
PRESS_ATTACHMENT_EXTENSIONS = ["pdf", "docx", "odt", "txt", "zip", "jpg", "jpeg", "png"]
PRESS_ATTACHMENT_MAX_SIZE = env.int("PRESS_ATTACHMENT_MAX_SIZE", 15 * 1024 * 1024)
