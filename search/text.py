"""How search text is normalised, the same way when a page is indexed and when a visitor types.

People write Arabic with interchangeable letters: hamza on or off the alef, a final haa for a
taa marbuta without its dots, a final yaa for an alef maqsura, with or without vowel marks
(tashkeel), stretched with tatweel, and with Arabic-Indic or Western digits. French is often
typed without accents. Each of those variants folds to one form here, so "الأدوية", "الادويه"
and "الأَدْوِيَة" are the same word to the index, and so are "éducation" and "education".
"""

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

# Alef with hamza above/below, with madda, and alef wasla: all written as a bare alef.
ALEF_VARIANTS = "أإآٱ"
TAA_MARBUTA, HAA = "ة", "ه"
ALEF_MAQSURA, YAA = "ى", "ي"
TATWEEL = "\u0640"
# Tashkeel (harakat, tanwin, shadda, sukun), superscript alef, Quranic marks.
TASHKEEL = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed]")

_FOLD = {ord(c): "ا" for c in ALEF_VARIANTS}
_FOLD.update({ord(ALEF_MAQSURA): YAA, ord(TATWEEL): None})
# Taa marbuta and a final haa are one letter to search. The pair is written as taa marbuta
# (a final "ه" becomes "ة") rather than the reverse because the Arabic stemmer knows "ة" as
# the feminine ending: "الحمله", "حملة" and "للحملة" all stem to "حمل"; with "ه" they do not.
FINAL_HAA = re.compile(HAA + r"(?!\w)")
# Arabic-Indic (٠-٩) and Eastern Arabic-Indic (۰-۹, Persian/Urdu) digits become 0-9.
_FOLD.update({0x0660 + i: str(i) for i in range(10)})
_FOLD.update({0x06F0 + i: str(i) for i in range(10)})

WORD = re.compile(r"\w+", re.UNICODE)

# Snowball algorithm per content language (the same stemmers PostgreSQL uses).
STEMMERS = {"ar": "arabic", "fr": "french", "en": "english"}


@lru_cache(maxsize=4096)
def fold_char(char):
    """One character in its normalised form: '' when it is dropped, else 1+ characters."""
    if TASHKEEL.match(char):
        return ""
    char = char.translate(_FOLD)
    if not char:
        return ""
    # Latin accents: "é" -> "e", "ç" -> "c" (decompose, drop combining marks).
    if ord(char) < 0x0600:
        decomposed = unicodedata.normalize("NFKD", char)
        char = "".join(c for c in decomposed if not unicodedata.combining(c))
        if char in ("œ", "Œ"):
            char = "oe"
        elif char in ("æ", "Æ"):
            char = "ae"
    return char.lower()


def normalise(text):
    """The folded form of ``text``: what both the index and the query see."""
    if not text:
        return ""
    return FINAL_HAA.sub(TAA_MARBUTA, "".join(fold_char(c) for c in str(text)))


def normalise_with_map(text):
    """The folded text and, for each of its characters, the index of its source character.

    Used to highlight matches in the original (unfolded) text of an excerpt.
    """
    out, positions = [], []
    for index, char in enumerate(text):
        folded = fold_char(char)
        out.append(folded)
        positions.extend([index] * len(folded))
    return FINAL_HAA.sub(TAA_MARBUTA, "".join(out)), positions


@lru_cache(maxsize=8)
def _stemmer(language):
    algorithm = STEMMERS.get(language)
    return snowballstemmer.stemmer(algorithm) if algorithm else None


def stem_words(text, language):
    """The normalised words of ``text``, each reduced to its stem in ``language``.

    Used where the database has no stemming of its own (SQLite), so that "المساعدات" and
    "مساعدة", or "médicaments" and "medicament", meet on one indexed form.
    """
    words = WORD.findall(normalise(text))
    stemmer = _stemmer(language)
    if stemmer is None:
        return words
    return [normalise(stem) for stem in stemmer.stemWords(words)]


def query_terms(query):
    """The normalised words of a visitor's query, for highlighting."""
    return [w for w in WORD.findall(normalise(query)) if len(w) > 1 or w.isdigit()]
