"""The columns of each kind of tracker import: ``{kind: {"required": [...], "optional": [...]}}``,
named as the services name the fields (the admin's export headings are their aliases,
``import_aliases``). ``id`` is the entry's id as the admin's export writes it: a row whose id
is an entry the importing person can see was already imported and is skipped."""

KINDS = ("needs", "contributions", "deliveries")
COLUMNS = {
    "needs": {
        "required": ["category", "region", "title", "quantity"],
        "optional": ["campaign", "description", "unit", "currency", "urgency", "deadline"],
    },
    "contributions": {
        "required": ["kind"],
        "optional": [
            "id", "campaign", "need_id", "amount", "currency", "quantity", "unit", "status",
            "pledged_at", "received_at", "distributed_at", "donor_name", "donor_name_public",
            "reference", "note",
        ],
    },
    "deliveries": {
        "required": ["need_id", "quantity", "delivered_on"],
        "optional": ["id", "households_reached", "region", "reference", "note"],
    },
}  # fmt: skip
