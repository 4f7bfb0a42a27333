"""The seed's facts as trilingual text: (Arabic source, French, English).

Only what the launch announcement says; nothing invented about the people or bodies named.
"""

SITE_TITLE = (
    "منصة التضامن المجتمعي",
    "Plateforme de solidarité communautaire",
    "Community solidarity platform",
)
TAGLINE = (
    "منصة إلكترونية تفاعلية تمكّن مؤسسات المجتمع المدني من تجميع المساعدات ومتابعتها وضمان توجيهها إلى مستحقيها",
    "Une plateforme en ligne interactive qui permet à la société civile de mettre en commun l'aide, de la suivre et de la faire parvenir à ceux qui y ont droit",
    "An interactive online platform that lets civil society pool aid, follow it and make sure it reaches the people entitled to it",
)
HOME_INTRO = (
    "أطلقت المنظمة العربية للتربية والثقافة والعلوم هذه المنصة للتصدي لتداعيات جائحة كوفيد-19 على الأسر.",
    "L'Organisation arabe pour l'éducation, la culture et les sciences a lancé cette plateforme face aux conséquences de la pandémie de COVID-19 sur les familles.",
    "The Arab League Educational, Cultural and Scientific Organization launched this platform to face the effects of the COVID-19 pandemic on families.",
)
GIVE_HEADING = (
    "ساهموا في جسر المحبة",
    "Contribuez au Pont de l'amour",
    "Give to the Bridge of Love",
)
GIVE_TEXT = (
    "تبرعوا بالمال أو بالمواد الغذائية أو الأدوية أو اللوازم المدرسية عبر الجمعيات الشريكة.",
    "Donnez de l'argent, des denrées, des médicaments ou des fournitures scolaires par l'intermédiaire des associations partenaires.",
    "Give money, food, medicine or school supplies through the partner associations.",
)

CAMPAIGN_TITLE = ("جسر المحبة – تونس", "Pont de l'amour – Tunisie", "Bridge of Love – Tunisia")
CAMPAIGN_SUMMARY = (
    "مبادرة التضامن المجتمعي – جسر المحبة: حملة وطنية في تونس من 15 إلى 30 مايو 2020 لتجميع المساعدات بشتى أنواعها وضمان حسن توجيهها إلى مستحقيها.",
    "L'initiative de solidarité communautaire « Pont de l'amour » : une campagne nationale en Tunisie du 15 au 30 mai 2020 pour réunir l'aide de toute nature et la diriger vers ceux qui y ont droit.",
    'The Community Solidarity Initiative "Bridge of Love": a national campaign in Tunisia from 15 to 30 May 2020 to pool aid of every kind and direct it to the people entitled to it.',
)
CAMPAIGN_WHY_HEADING = ("لماذا هذه المبادرة", "Pourquoi cette initiative", "Why this initiative")
CAMPAIGN_WHY = (
    "تسبب فيروس كوفيد-19 في فرض الحجر الصحي الشامل، وفي انقطاع عديد الأفراد عن العمل وتدهور الوضع الاقتصادي والاجتماعي للعديد من الأسر.",
    "Le COVID-19 a imposé un confinement général, privé de nombreuses personnes de travail et dégradé la situation économique et sociale de nombreuses familles.",
    "COVID-19 brought a full lockdown, cut many people off from work and worsened the economic and social situation of many families.",
)
CAMPAIGN_WHAT = (
    "تمكّن المنصة الجمعيات الناشطة من أدوات للتصرف في المساعدات والتحكم فيها ومتابعتها، وتشبّك مكونات المجتمع المدني ومؤسساته.",
    "La plateforme donne aux associations des outils pour gérer, contrôler et suivre l'aide, et met en réseau les acteurs de la société civile.",
    "The platform gives associations tools to manage, control and track aid, and networks the parts of civil society.",
)

PARTNER_INDEX_TITLE = ("الشركاء", "Partenaires", "Partners")
CAMPAIGN_INDEX_TITLE = ("الحملات", "Campagnes", "Campaigns")
CAMPAIGN_INDEX_INTRO = (
    "حملات التضامن في الدول العربية: الجارية والقادمة والمنتهية.",
    "Les campagnes de solidarité dans les États arabes : en cours, à venir et terminées.",
    "Solidarity campaigns in the Arab states: running, upcoming and closed.",
)
PARTNER_INDEX_INTRO = (
    "الجهات المشاركة في مبادرة جسر المحبة بتونس.",
    "Les organisations participant à l'initiative Pont de l'amour en Tunisie.",
    "The organisations taking part in the Bridge of Love initiative in Tunisia.",
)
PARTNER_DESCRIPTION = (
    "من الجهات المشاركة في مبادرة التضامن المجتمعي – جسر المحبة بتونس.",
    "Partenaire de l'initiative de solidarité communautaire « Pont de l'amour » en Tunisie.",
    'A partner of the Community Solidarity Initiative "Bridge of Love" in Tunisia.',
)

# (slug, kind, role, (ar, fr, en))
PARTNERS = [
    (
        "ministry-human-rights",
        "ministry",
        "organiser",
        (
            "وزارة حقوق الإنسان والعلاقة مع الهيئات الدستورية والمجتمع المدني",
            "Ministère des Droits de l'homme et des Relations avec les instances constitutionnelles et la société civile",
            "Ministry of Human Rights and Relations with Constitutional Bodies and Civil Society",
        ),
    ),
    (
        "ltdh",
        "association",
        "implementing",
        (
            "الرابطة التونسية للدفاع عن حقوق الإنسان",
            "Ligue tunisienne pour la défense des droits de l'homme",
            "Tunisian League for the Defence of Human Rights",
        ),
    ),
    (
        "unft",
        "union",
        "implementing",
        (
            "الاتحاد الوطني للمرأة التونسية",
            "Union nationale de la femme tunisienne",
            "National Union of Tunisian Women",
        ),
    ),
    (
        "jci-tunisia",
        "association",
        "implementing",
        (
            "الغرفة الفتية الاقتصادية التونسية",
            "Jeune Chambre internationale Tunisie",
            "Junior Chamber International Tunisia",
        ),
    ),
    (
        "red-crescent",
        "red_crescent",
        "implementing",
        ("الهلال الأحمر التونسي", "Croissant-Rouge tunisien", "Tunisian Red Crescent"),
    ),
    (
        "childhood-organisation",
        "youth",
        "implementing",
        (
            "المنظمة الوطنية للطفولة التونسية – المصائف والجولات",
            "Organisation nationale de l'enfance tunisienne – Colonies de vacances et circuits",
            "National Organisation for Tunisian Childhood – Summer Camps and Tours",
        ),
    ),
    (
        "scouts",
        "scouts",
        "implementing",
        ("الكشافة التونسية", "Scouts tunisiens", "Tunisian Scouts"),
    ),
    (
        "lam-echaml",
        "association",
        "implementing",
        ("جمعية لمّ الشمل", "Association Lam Echaml", "Association Lam Echaml"),
    ),
]

PRESS_INDEX_TITLE = ("الفضاء الإعلامي", "Espace presse", "Press room")
PRESS_INDEX_INTRO = (
    "البلاغات الصحفية والتغطية الإعلامية وملف الصحافة.",
    "Communiqués, couverture médiatique et dossier de presse.",
    "Press releases, media coverage and the media kit.",
)
RELEASE_TITLE = (
    "الألكسو تطلق مبادرة التضامن المجتمعي – جسر المحبة",
    "L'ALECSO lance l'initiative de solidarité communautaire « Pont de l'amour »",
    'ALECSO launches the Community Solidarity Initiative "Bridge of Love"',
)
RELEASE_PLACE = ("تونس", "Tunis", "Tunis")
RELEASE_SUMMARY = (
    "أطلقت المنظمة العربية للتربية والثقافة والعلوم يوم الجمعة 15 مايو 2020 بمقرها بتونس مبادرة التضامن المجتمعي – جسر المحبة، خلال مؤتمر صحفي.",
    "L'Organisation arabe pour l'éducation, la culture et les sciences a lancé le vendredi 15 mai 2020, à son siège à Tunis, l'initiative de solidarité communautaire « Pont de l'amour », lors d'une conférence de presse.",
    'The Arab League Educational, Cultural and Scientific Organization launched the Community Solidarity Initiative "Bridge of Love" on Friday 15 May 2020 at its headquarters in Tunis, at a press conference.',
)
RELEASE_SPEAKERS = (
    "أشرف على المؤتمر الأستاذ الدكتور محمد ولد أعمر، المدير العام للمنظمة، والأستاذ العياشي الهمامي، وزير حقوق الإنسان والعلاقة مع الهيئات الدستورية والمجتمع المدني.",
    "La conférence était présidée par le Pr Mohamed Ould Amar, directeur général de l'Organisation, et M. Ayachi Hammami, ministre des Droits de l'homme et des Relations avec les instances constitutionnelles et la société civile.",
    "The conference was led by Prof. Dr Mohamed Ould Amar, Director-General of the Organization, and Mr Ayachi Hammami, Minister of Human Rights and Relations with Constitutional Bodies and Civil Society.",
)
RELEASE_ARTIST = (
    "حضر الفنان لطفي بوشناق الذي سخّر صوته لدعم المبادرة، وقدّم الإعلامي لطفي البحري فقرات المؤتمر.",
    "Le chanteur Lotfi Bouchnak, qui a prêté sa voix à l'initiative, était présent ; l'animateur Lotfi Bahri a présenté la conférence.",
    "The singer Lotfi Bouchnak, who lent his voice to the initiative, was present; the media figure Lotfi Bahri presented the conference.",
)
RELEASE_AGREEMENT = (
    "توّجت الجلسة بتوقيع اتفاقية تعاون وشراكة بين المنظمة ووزارة حقوق الإنسان، وقدّم الأستاذ الدكتور محمد الجمني الخصائص الوظيفية والفنية للمنصة.",
    "La séance s'est conclue par la signature d'un accord de coopération et de partenariat entre l'Organisation et le ministère des Droits de l'homme ; le Pr Mohamed Jemni a présenté les fonctions de la plateforme.",
    "The session ended with the signing of a cooperation and partnership agreement between the Organization and the Ministry of Human Rights; Prof. Dr Mohamed Jemni presented the platform's features.",
)

PAGES_STANDARD = [
    # (slug, title, body paragraph)
    (
        "about",
        ("عن المنصة", "À propos", "About"),
        (
            "منصة التضامن المجتمعي مبادرة من المنظمة العربية للتربية والثقافة والعلوم (الألكسو).",
            "La plateforme de solidarité communautaire est une initiative de l'ALECSO.",
            "The community solidarity platform is an initiative of ALECSO.",
        ),
    ),
    (
        "how-to-give",
        ("كيف تساهم", "Comment donner", "How to give"),
        (
            "يمكنكم التبرع عبر الجمعيات الشريكة في كل حملة، نقدًا أو عينيًا.",
            "Vous pouvez donner, en argent ou en nature, par l'intermédiaire des associations partenaires de chaque campagne.",
            "You can give, in cash or in kind, through each campaign's partner associations.",
        ),
    ),
]

FACEBOOK_URL = "https://www.facebook.com/solidarity.alecso/"
ORGANISATION = (
    "المنظمة العربية للتربية والثقافة والعلوم (الألكسو)",
    "Organisation arabe pour l'éducation, la culture et les sciences (ALECSO)",
    "Arab League Educational, Cultural and Scientific Organization (ALECSO)",
)


def catalogue(*facts_lists):
    """Map each Arabic string to its {"fr": …, "en": …} translations."""
    mapping = {}
    for ar, fr, en in facts_lists:
        mapping[ar] = {"fr": fr, "en": en}
    return mapping
