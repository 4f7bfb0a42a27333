"""Demo tracker entries for the Tunisian campaign: needs in several governorates (in ar, fr,
en), gifts in every state from the seed's partners, and deliveries, most of them confirmed
by a colleague of the receiving partner (``demo-confirm-<partner slug>``).

Donor names are generic examples (no real person); every entry goes through the tracker's
services, so the demo obeys the same rules as real data.
"""

import datetime

from django.db import transaction

from campaigns.models import PartnerPage
from campaigns.tracker import services
from campaigns.tracker.models import Contribution, Need, Region

from .people import confirming_member
from .translate import translate

# fmt: off
# (key, partner, category, region, quantity, unit, currency, urgency, deadline day,
#  title (ar, fr, en), description (ar, fr, en))
NEEDS = [
    ("food-kasserine", "red-crescent", "food", "TN-42", "800", "parcel", "", "critical", 22,
     ("طرود غذائية للأسر المتضررة في القصرين", "Colis alimentaires pour les familles touchées à Kasserine", "Food parcels for affected families in Kasserine"),
     ("طرد لكل أسرة: سميد، عجين، زيت، سكر، حليب وطماطم معلبة لشهر.", "Un colis par famille : semoule, pâtes, huile, sucre, lait et tomate en conserve pour un mois.", "One parcel per family: semolina, pasta, oil, sugar, milk and tinned tomato for a month.")),
    ("medicine-gafsa", "red-crescent", "medicine", "TN-71", "300", "box", "", "high", 25,
     ("أدوية الأمراض المزمنة في قفصة", "Médicaments pour maladies chroniques à Gafsa", "Medicine for chronic illness in Gafsa"),
     ("علب أدوية السكري وضغط الدم للمرضى الذين انقطع دخلهم.", "Boîtes de médicaments contre le diabète et l'hypertension pour les malades privés de revenu.", "Boxes of diabetes and blood-pressure medicine for patients who lost their income.")),
    ("hygiene-sidi-bouzid", "unft", "hygiene", "TN-43", "500", "kit", "", "high", 24,
     ("حقائب نظافة ووقاية في سيدي بوزيد", "Kits d'hygiène et de prévention à Sidi Bouzid", "Hygiene and protection kits in Sidi Bouzid"),
     ("صابون ومعقم وكمامات قماشية للأسر الريفية.", "Savon, gel hydroalcoolique et masques en tissu pour les familles rurales.", "Soap, hand sanitiser and cloth masks for rural families.")),
    ("food-tunis", "scouts", "food", "TN-11", "600", "parcel", "", "medium", 28,
     ("طرود غذائية للأحياء الشعبية بتونس", "Colis alimentaires pour les quartiers populaires de Tunis", "Food parcels for working-class neighbourhoods of Tunis"),
     ("يوزعها متطوعو الكشافة من بيت إلى بيت.", "Distribués de porte à porte par les scouts bénévoles.", "Handed out door to door by volunteer scouts.")),
    ("school-kairouan", "childhood-organisation", "school_kits", "TN-41", "400", "kit", "", "medium", 30,
     ("لوازم مدرسية للتعلم عن بعد في القيروان", "Fournitures scolaires pour l'apprentissage à distance à Kairouan", "School supplies for distance learning in Kairouan"),
     ("كراسات وأقلام وكتب تمارين للأطفال خلال غلق المدارس.", "Cahiers, stylos et livres d'exercices pour les enfants pendant la fermeture des écoles.", "Exercise books, pens and workbooks for children while schools are closed.")),
    ("cash-sfax", "jci-tunisia", "cash", "TN-61", "20000", "", "TND", "high", 27,
     ("مساعدات مالية للعمال اليوميين في صفاقس", "Aide financière aux journaliers de Sfax", "Cash aid for day labourers in Sfax"),
     ("منح مالية للأسر التي فقدت دخلها اليومي بسبب الحجر الصحي.", "Aides aux familles qui ont perdu leur revenu journalier à cause du confinement.", "Grants for families who lost their daily income because of the lockdown.")),
    ("clothing-jendouba", "ltdh", "clothing", "TN-32", "300", "item", "", "low", 30,
     ("ملابس للأطفال في جندوبة", "Vêtements pour enfants à Jendouba", "Children's clothing in Jendouba"),
     ("ملابس جديدة للأطفال من الأسر المعوزة.", "Vêtements neufs pour les enfants des familles démunies.", "New clothes for children of families in need.")),
    ("meals-beja", "lam-echaml", "food", "TN-31", "1000", "meal", "", "medium", 26,
     ("وجبات إفطار في باجة", "Repas de rupture du jeûne à Béja", "Iftar meals in Béja"),
     ("وجبات ساخنة للمسنين الذين يعيشون بمفردهم.", "Repas chauds pour les personnes âgées vivant seules.", "Hot meals for older people living alone.")),
]

# (need key, reference, status, value, donor name or "", day pledged, day received)
GIFTS = [
    ("food-kasserine", "RC-001", "distributed", "250", "", 15, 16),
    ("food-kasserine", "RC-002", "received", "200", "Famille Ben Salah", 16, 18),
    ("food-kasserine", "RC-003", "pledged", "150", "", 20, None),
    ("food-kasserine", "RC-004", "cancelled", "40", "", 17, None),
    ("medicine-gafsa", "RC-010", "received", "120", "Pharmacie centrale de Gafsa", 16, 19),
    ("medicine-gafsa", "RC-011", "pledged", "60", "", 21, None),
    ("hygiene-sidi-bouzid", "UNFT-01", "distributed", "300", "", 15, 17),
    ("hygiene-sidi-bouzid", "UNFT-02", "received", "100", "جمعية نساء سيدي بوزيد", 18, 20),
    ("food-tunis", "SC-01", "received", "350", "", 15, 17),
    ("food-tunis", "SC-02", "pledged", "200", "Karim & Leila", 22, None),
    ("school-kairouan", "ONEE-01", "received", "180", "", 18, 21),
    ("cash-sfax", "JCI-01", "received", "8500.500", "", 15, 16),
    ("cash-sfax", "JCI-02", "distributed", "5000", "Entreprise El Amen", 16, 17),
    ("cash-sfax", "JCI-03", "pledged", "3000", "", 23, None),
    ("cash-sfax", "JCI-04", "cancelled", "750", "", 19, None),
    ("clothing-jendouba", "LTDH-01", "received", "40", "", 20, 22),
    ("meals-beja", "LAM-01", "received", "600", "مطعم الأمل", 15, 16),
]

# (need key, reference, quantity, day, households, confirmed)
DELIVERIES = [
    ("food-kasserine", "RC-D1", "250", 17, 250, True),
    ("food-kasserine", "RC-D2", "120", 19, 118, True),
    ("medicine-gafsa", "RC-D3", "80", 20, 64, True),
    ("hygiene-sidi-bouzid", "UNFT-D1", "300", 18, 290, True),
    ("food-tunis", "SC-D1", "200", 18, 200, True),
    ("food-tunis", "SC-D2", "100", 21, 97, False),
    ("school-kairouan", "ONEE-D1", "150", 23, 140, True),
    ("cash-sfax", "JCI-D1", "5000", 18, 50, True),
    ("clothing-jendouba", "LTDH-D1", "25", 24, 7, True),  # fewer than 10: suppressed
    ("meals-beja", "LAM-D1", "450", 20, 45, True),
]
# fmt: on


def _day(campaign, day):
    return campaign.start_date + datetime.timedelta(days=day - 15)


def build_tracker(context, log):
    campaign = context["campaign"]
    partners = {p.slug: p for p in PartnerPage.objects.filter(locale=campaign.locale)}
    regions = {r.code: r for r in Region.objects.all()}
    catalogue = {}
    needs, created = {}, 0
    with transaction.atomic():
        existing = {
            n.title: n for n in Need.objects.filter(campaign=campaign, locale=campaign.locale)
        }
        for (
            key,
            partner,
            category,
            region,
            quantity,
            unit,
            currency,
            urgency,
            day,
            title,
            description,
        ) in NEEDS:
            catalogue[title[0]] = {"fr": title[1], "en": title[2]}
            catalogue[description[0]] = {"fr": description[1], "en": description[2]}
            need = existing.get(title[0])
            if need is None:
                need = services.create_need(
                    user=services.SYSTEM,
                    source="system",
                    campaign=campaign,
                    partner=partners[partner],
                    category=category,
                    region=regions[region],
                    title=title[0],
                    description=description[0],
                    quantity=quantity,
                    unit=unit,
                    currency=currency,
                    urgency=urgency,
                    deadline=_day(campaign, day),
                )
                created += 1
            needs[key] = need
        for key, reference, status, value, donor, pledged, received in GIFTS:
            need = needs[key]
            if Contribution.objects.filter(partner=need.partner, reference=reference).exists():
                continue
            amounts = (
                {"kind": "cash", "amount": value, "currency": need.currency}
                if need.is_cash
                else {"kind": "in_kind", "quantity": value, "unit": need.unit}
            )
            gift = services.record_contribution(
                user=services.SYSTEM,
                source="system",
                need=need,
                partner=need.partner,
                status="pledged",
                reference=reference,
                donor_name=donor,
                donor_name_public=bool(donor),
                pledged_at=_day(campaign, pledged),
                **amounts,
            )
            if status == "cancelled":
                services.change_contribution_status(
                    gift, "cancelled", user=services.SYSTEM, at=_day(campaign, pledged + 2)
                )
            elif status in ("received", "distributed"):
                services.change_contribution_status(
                    gift, "received", user=services.SYSTEM, at=_day(campaign, received)
                )
                if status == "distributed":
                    services.change_contribution_status(
                        gift,
                        "distributed",
                        user=services.SYSTEM,
                        at=_day(campaign, received + 1),
                    )
            created += 1
        confirmers = {}
        for key, reference, quantity, day, households, confirmed in DELIVERIES:
            need = needs[key]
            delivery = need.deliveries.filter(reference=reference).first()
            if delivery is None:
                delivery = services.record_delivery(
                    user=services.SYSTEM,
                    source="system",
                    need=need,
                    quantity=quantity,
                    delivered_on=_day(campaign, day),
                    households_reached=households,
                    reference=reference,
                )
                created += 1
            if confirmed and not delivery.is_confirmed:
                # Confirmed by a colleague of the receiving partner, as in real use (in the
                # admin's «I confirm» box), so the history names a person.
                partner = need.partner
                if partner.pk not in confirmers:
                    confirmers[partner.pk] = confirming_member(partner)
                services.confirm_delivery(delivery, user=confirmers[partner.pk])
    for need in needs.values():
        translate(need, catalogue)
    context["tracker_needs"] = needs
    log("Tracker: " + (f"{created} entries created" if created else "already present"))
