"""Which language a note is written in, and the accent folding the lexicons are matched on.

Language identification is a vote of common function words ("the", "y", "le", "und"...), not a
statistical model: diary notes are short, the four languages we triage have very distinct
function words, and a vote needs no model file, no download and a few microseconds. A note
written in another language (its function words, or a script other than Latin) is reported as
that language, or "und" (undetermined), and triage says it could not be checked (spec section 3,
"Languages": never silently passed). A note with no function words at all ("SOB x3/7") is taken
as English, the app's own language, because shorthand like that is English clinical shorthand.
The word lists are ours.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# The languages triage checks, with every flag and every context rule (spec section 3).
CHECKED: tuple[str, ...] = ("en", "es", "fr", "de")
DEFAULT = "en"
UNDETERMINED = "und"

# Function words by language: short, frequent and rarely shared. Words two languages share ("de",
# "a", "en", "die" as an English verb...) are left out or kept where they are much commoner.
_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": _words(
        "the and i my me is was it to of have has had this that with my for not no but been "
        "are can't cant couldn't didn't don't i'm ive i've it's its at on very today again he she "
        "his her him when after up just so all from be will would could should what about into "
        "out over some more than then there they we you your our us them did does got get week "
        "weeks morning night cough chest breath breathless swallow choked weight "
    ),
    "es": _words(
        "el la los las y de del que en un una me mi mis es estoy esta está no pero con por para "
        "muy hoy ayer se lo le al ha ya tengo tiene desde hace semana semanas cuando porque "
        "también tambien sin nada días dias tos pecho dolor mañana noche peso kilos "
        "saturación saturacion ahogo atraganto atraganté atragante pulsioxímetro pulsioximetro "
        # Verbs of the red flags, so that "No puedo respirar bien" is not read as English.
        "puedo puede pude podía podia tragar trago respirar respiro toso tosiendo "
        # Words of the body and the diary that hurried Spanish notes are made of ("brazo izq
        # dormido"), and texting spellings ("boca seca tol dia", "xq", "tb"), spelt so in no other
        # language we vote on (Portuguese shares "boca seca", "dia", "de repente").
        "piernas brazos labios mareo mareos hemoptisis tosecilla flemas "
        "ahogada ahogado brazo pierna dormido dormida izq dcha tol xq pq tmb tb dsd dsps "
    ),
    "fr": _words(
        "le la les et je j' de des du un une mon ma mes est suis pas ne que qui en avec pour très "
        "tres aujourd'hui hier j'ai ai il elle au aux depuis sans ce cette mais plus quand c'est "
        "n'ai toux depuis jours douleur poitrine matin soir poids souffle rien tout comme avec "
        "sur dans ça ca on aussi trop encore après apres être fait peu "
        "essoufflé essoufflée essoufflement étouffe etouffe oxymètre oxymetre avaler "
        # Common words no other language we vote on spells the same way.
        "nuit jour fois lui leur nous vous ils elles sa ses était etait avait ont sont vais "
        "peux puis fenêtre fenetre respirer manger boire tousse tousser "
        # Texting ("jai peur", "jsuis", "chui") and a word of fear short notes end on.
        "jai jsuis chui jpeux jarrive jrespire peur perdu exprès régime "
        # Words of the body and the diary that short French notes are made of ("Vue floue en
        # fin de journée", "Bras fatigués"), spelt so in no other language we vote on.
        "vue floue flou bras jambes jambe cuisses pouls paupières crachats déglutition aidant "
        "aidante journée fatigué fatiguée escaliers "
        # Hurried phone notes: texting spellings ("jsp pk", "tt le temps", "pr me coiffer", "ds
        # ses habits"), month and week-day names, and short words no other language spells so.
        "jsp pk pcq tt tjs tjrs bcp qd ds pr mtn jpp jsais chpeux svp stp rdv merci chez "
        "saturo vertige vertiges levant lève debout bouche sèche seche lourds lourde glaires "
        "coiffer habits livres pris janvier février fevrier avril juin juillet août aout "
        "septembre octobre décembre decembre lundi mardi mercredi jeudi vendredi samedi dimanche "
        "mangeant buvant avalant jtousse jmetouffe jme jtouss "
    ),
    "de": _words(
        "am beine arme abend abends morgens nacht woche essen trinken "
        "der die das und ich mein meine meinen ist bin nicht kein keine mit ein eine einen zu den "
        "dem des auf sehr heute gestern habe hat seit aber wenn auch beim nach noch schon mir "
        "mich wie wieder husten brust heute tagen luft schlucken gewicht ohne alles bei beim vom "
        "zum zur im aus von über durch nur jetzt dann weil dass oder hab krieg "
        # Telegraphic notes ("Pulsoxymeter zeigt 88 %") have no function words: words of
        # measuring and of the red flags themselves vote too.
        "zeigt gemessen sättigung pulsoxymeter pulsoximeter atemnot luftnot kurzatmig "
        "verschluckt schluckbeschwerden brustschmerzen abgenommen atmen atme schwer angst "
        "runter rauf gewollt ungewollt leichter zugenommen "
        # Bavarian, Austrian and Swiss function words ("i bin", "nimmer", "ned", "scho").
        "nimmer ned koa ois scho hob hab hoid hoit mei dahoam bissl bisserl gwesn gsi isch "
        "nöd nüt chli zwoa "
        # Hurried phone German: texting and spoken forms ("nen Anfall", "seit nem Monat", "heut",
        # "vllt bissl", "iwie") and body words of short notes ("Mund staubtrocken").
        "nen nem ner heut hatte ganz nich iwie vllt kp ess nehm tut weh mund hals kopf bauch "
        "lippen gesicht zunge bein blut "
    ),
    # Languages we do not triage: recognised so that they are not mistaken for one we do.
    "it": _words(
        "il lo gli e di che non sono ho mio mia della con per molto oggi ieri anche ma quando sto "
        "questa questo nel alla "
    ),
    "pt": _words(
        "o os as e de que não nao um uma meu minha com para muito hoje ontem também mas quando "
        "estou tenho isso no na do da "
    ),
    "nl": _words(
        "de het een en ik mijn is niet met op te van voor zeer heel vandaag gisteren ook maar als "
        "heb heeft ben "
    ),
}
# Letters that belong to one language more than the others, and their weight in the vote.
_LETTER_VOTES: dict[str, tuple[tuple[str, float], ...]] = {
    "ñ": (("es", 2),), "¿": (("es", 2),), "¡": (("es", 2),),
    "á": (("es", 1),), "í": (("es", 1),), "ó": (("es", 1),), "ú": (("es", 1),),
    "é": (("es", 0.5), ("fr", 0.5)),
    "è": (("fr", 1),), "ê": (("fr", 1),), "à": (("fr", 1),), "ç": (("fr", 1),),
    "œ": (("fr", 2),), "û": (("fr", 1),), "î": (("fr", 1),), "ô": (("fr", 1),), "â": (("fr", 1),),
    "ä": (("de", 1),), "ö": (("de", 1),), "ü": (("de", 1),), "ß": (("de", 2),),
    "ã": (("pt", 2),), "õ": (("pt", 2),),
}  # fmt: skip
_ELISION = re.compile(r"\b[jmtlcdnsJMTLCDNS]'|\b[qQ]u'", re.UNICODE)
# Spellings typical of one language; each counts a third of a function word.
SHAPE_WEIGHT = 0.34
_SHAPES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (language, re.compile(pattern))
    for language, pattern in (
        (
            "de",
            r"sch|tz|ß|pf|^zw|^(?:hin|um|weg|zusammen|ab|auf|aus|ein|an)?ge\w+(?:t|en)$|"
            r"(?:ung|keit|heit|lich|chen)$|[äöü]",
        ),
        ("es", r"ñ|(?:cion|ción|ado|ada|idos|idas|aba|ía|mente)$|^des|ll[aoe]"),
        ("fr", r"(?:eau|eux|oux|ais|ait|ée|és|ment)$|ç|^qu'|œ"),
        ("en", r"th|wh|(?:ing|ed|ly)$|ee|oo|ck$"),
    )
)
# German red-flag stems, a full vote each: a note of one compound ("brustschmerz 2/10",
# "krampfanfall heut morgen") is German, not English shorthand (spec section 3, "Languages").
_STEMS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "de",
        re.compile(r"schmerz|krampf|hust|schluck|^atem|luft(?!waffe)|w[uü]rg|brust|anfall|herz"),
    ),
)
# How many more votes a language we do not check needs than the best one we do.
UNCHECKED_MARGIN = 2
# Words that end a word in the vote: apostrophes stay, so "j'ai" and "I'm" are single words.
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?|[^\W\d_]+'", re.UNICODE)
# Enough words to tell the language; a long note is judged on its start.
MAX_WORDS = 80
# A note needs this many function words before its vote counts; fewer means shorthand.
MIN_VOTES = 0.6


def fold(text: str) -> str:
    """Return the text with accents removed and curly quotes straightened, one character for one.

    Every character maps to exactly one character, so offsets into the folded text are offsets
    into the note. "ß" is kept (the German lexicon spells it "(?:ss|ß)")."""
    return text.translate(_fold_table())


@cache
def _fold_table() -> dict[int, str]:
    table: dict[int, str] = {
        0x2019: "'",
        0x2018: "'",
        0x201C: '"',
        0x201D: '"',
        0x00B4: "'",
        0x2013: "-",
        0x2014: "-",
    }
    for code in range(0xC0, 0x250):
        char = chr(code)
        base = unicodedata.normalize("NFD", char)[0]
        if base != char and len(base) == 1 and base.isascii():
            table[code] = base
    return table


def detect(text: str) -> str:
    """Return the ISO 639-1 code of the note's language; "en" when it has no words to go on.

    Returns a code outside ``CHECKED`` (or "und") for a note in another language or script."""
    letters = [] if text.isascii() else [char for char in text if char.isalpha()]
    if letters:
        latin = sum(1 for char in letters if char.isascii() or "LATIN" in _char_name(char))
        if latin < len(letters) / 2:
            return UNDETERMINED
    words = [word.lower() for word in _WORD.findall(text.replace("\u2019", "'"))][:MAX_WORDS]
    votes: dict[str, float] = dict.fromkeys(_FUNCTION_WORDS, 0.0)
    for word in words:
        for language, weight in _word_votes(word):
            votes[language] += weight
    # French elision ("j'ai", "m'habillant", "qu'en") is French's alone.
    votes["fr"] += len(_ELISION.findall(text.replace("\u2019", "'")))
    for char in set(text.lower()) & _LETTER_VOTES.keys():
        for language, weight in _LETTER_VOTES[char]:
            votes[language] += weight * text.lower().count(char)
    best = max(
        votes, key=lambda language: (votes[language], language in CHECKED, language == DEFAULT)
    )
    if votes[best] < MIN_VOTES:
        return DEFAULT
    # A language we do not check must win clearly: "Cough x6/52, non productive" is English
    # with one Italian-looking word.
    if best not in CHECKED:
        runner_up = max(votes[language] for language in CHECKED)
        if votes[best] < UNCHECKED_MARGIN + runner_up:
            return max(CHECKED, key=lambda language: (votes[language], language == DEFAULT))
    return best


@lru_cache(maxsize=16384)
def _word_votes(word: str) -> tuple[tuple[str, float], ...]:
    """Return the votes a lower-case word casts, in order: one for each language whose function
    words hold it, else a third for each language whose spelling it has (cached: the same words
    come back in note after note)."""
    languages = _languages_of_words().get(fold(word))
    if languages:
        return tuple((language, 1) for language in languages)
    for language, pattern in _STEMS:
        if pattern.search(word):
            return ((language, 1),)
    # Word shapes, for words no list knows ("Pulsoxi zeigt 91 %, zweimal gemessen").
    return tuple((language, SHAPE_WEIGHT) for language, pattern in _SHAPES if pattern.search(word))


@cache
def _languages_of_words() -> dict[str, tuple[str, ...]]:
    """Return each folded function word with the languages it belongs to."""
    found: dict[str, list[str]] = {}
    for language, words in _FUNCTION_WORDS.items():
        for word in words:
            found.setdefault(fold(word), []).append(language)
    return {word: tuple(languages) for word, languages in found.items()}


@cache
def _char_name(char: str) -> str:
    return unicodedata.name(char, "")


def is_checked(language: str) -> bool:
    """Return True when triage has lexicons and context rules for this language."""
    return language in CHECKED
