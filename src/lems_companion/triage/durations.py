"""How long something has lasted, read from a note in English, Spanish, French or German.

Spec section 3: a cough that has lasted three weeks or more ("going on a month", "since the
beginning of October", "5 wks", "6/52") is persistent_cough wherever in the sentence the duration
stands; "for ages" after a choking fit is not a duration in weeks. Clinical shorthand counts:
"x3/7" is three days, "6/52" six weeks, "3/12" three months. A date ("since mid-October", "desde
el Pilar", "seit Allerheiligen") is counted back from the note's date. The word lists are ours.
Every function reads the accent-folded note (``language.fold``), lower or upper case.
"""

from __future__ import annotations

import re
from datetime import date

DAYS_PER_UNIT: dict[str, int] = {"d": 1, "w": 7, "m": 30, "y": 365}
# "Weeks", "for ages", "a few weeks" with no number: taken as three weeks (spec section 1: when
# in doubt, flag), except after a choking fit (``is_vague``).
VAGUE_DAYS = 21
A_FEW = 3
A_COUPLE = 2

_NUMBER_WORDS: dict[str, int] = {
    # English
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a couple of": A_COUPLE,
    "couple of": A_COUPLE, "a few": A_FEW, "few": A_FEW, "several": A_FEW, "many": A_FEW,
    "some": A_FEW, "a good few": A_FEW, "good few": A_FEW, "a fair few": A_FEW,
    # Spanish
    "un": 1, "una": 1, "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6,
    "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "unos": A_FEW, "unas": A_FEW,
    "unas pocas": A_FEW, "unos pocos": A_FEW, "varias": A_FEW, "varios": A_FEW,
    "un par de": A_COUPLE, "muchas": A_FEW, "muchos": A_FEW,
    # French
    "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7, "huit": 8, "neuf": 9,
    "dix": 10, "quelques": A_FEW, "plusieurs": A_FEW,
    # German
    "ein": 1, "eine": 1, "einem": 1, "einer": 1, "einen": 1, "zwei": 2, "drei": 3, "vier": 4,
    # Spoken "seit nem Monat", "vor ner Woche".
    "nem": 1, "nen": 1, "ner": 1,
    "funf": 5, "fuenf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10,
    "ein paar": A_FEW, "paar": A_FEW, "a paar": A_FEW, "mehrere": A_FEW, "einigen": A_FEW,
    "einige": A_FEW, "vielen": A_FEW,
}  # fmt: skip
_UNIT_WORDS: dict[str, str] = {
    "d": r"days?|d\b|dias?|jours?|j\b|jrs?|tagen?|tage|tg\b|tgn",
    "w": r"weeks?|wks?|wk\b|w\b|semanas?|sem\b|semaines?|wochen?|woch|wo\b|wochn",
    "m": r"months?|mths?|mos?\b|mes\b|meses|mois|monate?n?|monat",
    "y": r"years?|yrs?|anos?|ans?\b|annees?|jahre?n?|jahr",
}
_NUMBER_ALTERNATION = "|".join(
    sorted((re.escape(word) for word in _NUMBER_WORDS), key=len, reverse=True)
)
_COUNT = re.compile(
    # "x4 wks" is shorthand for four weeks, as "x3/7" is for three days.
    rf"(?:(?<![\w/.,])|(?<=\bx))(?:(\d{{1,3}})\s*|({_NUMBER_ALTERNATION})\s+)(?:\+\s*)?(?:-\s*\d+\s*)?"
    rf"({'|'.join(f'(?P<{unit}>{words})' for unit, words in _UNIT_WORDS.items())})",
    re.IGNORECASE,
)
# Clinical shorthand: x3/7 (days), 6/52 (weeks), 3/12 (months).
_SHORTHAND = re.compile(r"(?<![\d/])x?\s*(\d{1,3})\s*/\s*(7|52|12)\b", re.IGNORECASE)
_SHORTHAND_UNIT = {"7": "d", "52": "w", "12": "m"}
# A plural unit with no number ("for weeks", "depuis des mois", "seit Wochen"), a fortnight,
# and the vague "for ages".
_BARE_PLURAL = re.compile(
    r"\b(?:weeks|semanas|semaines|wochen|months|meses|mois|monaten|monate|years|anos|annees|"
    r"jahren|jahre)\b",
    re.IGNORECASE,
)
_FORTNIGHT = re.compile(r"\b(?:fortnight|quincena|quinzaine|quinze jours|15 jours)\b", re.I)
_VAGUE = re.compile(
    r"\b(?:ages|forever|a long time|so long|donkey'?s years|siglos|una eternidad|mucho tiempo|"
    r"des lustres|une eternite|longtemps|ewig|ewigkeiten|lange(?:r)? zeit)\b",
    re.IGNORECASE,
)

_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "january jan enero janvier janv januar jan",
        "february feb febrero fevrier fev februar",
        "march mar marzo mars marz maerz",
        "april apr abril avril",
        "may mayo mai",
        "june jun junio juin juni",
        "july jul julio juillet juli",
        "august aug agosto aout august",
        "september sept sep septiembre setiembre septembre",
        "october oct octubre octobre oktober okt",
        "november nov noviembre novembre",
        "december dec diciembre decembre dezember dez",
    ),
    start=1,
):
    for _name in _names.split():
        _MONTHS[_name] = _number
_MONTH_ALTERNATION = "|".join(sorted(_MONTHS, key=len, reverse=True))
# Part of a month: "the beginning of", "mid-", "principios de", "fin", "Ende"...
_PARTS: dict[str, int] = {
    "beginning": 1, "start": 1, "early": 1, "principios": 1, "comienzos": 1, "inicios": 1,
    "debut": 1, "anfang": 1, "mid": 15, "middle": 15, "mediados": 15, "mi": 15, "milieu": 15,
    "mitte": 15, "end": 28, "late": 28, "finales": 28, "fines": 28, "fin": 28, "ende": 28,
    "first days": 3, "first week": 4, "last days": 28, "last week": 25,
}  # fmt: skip
_SINCE = (
    # "dsd" is texting for "desde".
    r"(?:since|from|desde|dsd|depuis|seit|ab|des|a partir de|from about|since about|"
    r"ca\.?|around|hace|seit dem|seit der|"
    # "His cough started before Christmas", "it began in October": the start named (en).
    r"(?:started|began|begun|starting)\s+(?:just\s+)?(?:before|around|at|in|over|after|on))"
)
_DATE = re.compile(
    rf"\b{_SINCE}\s+(?:(?:the|el|la|le|los|las|dem|den)\s+)?(?:(?:very\s+)?"
    rf"(?P<part>{'|'.join(_PARTS)})(?:\s*-\s*|\s+(?:of\s+|de\s+|d'|d\s+|du\s+)?)?)?"
    rf"(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th|er|\.)?\s+(?:de\s+|of\s+)?)?"
    rf"(?P<month>{_MONTH_ALTERNATION})\b",
    re.IGNORECASE,
)
# "desde la vuelta de vacaciones, en septiembre", "since our holiday in September": an event
# dated by its month (taken as the middle of it).
_EVENT_IN_MONTH = re.compile(
    # Not a nearer start named first: "tos desde ayer, en octubre me vacuné".
    rf"\b(?:desde|since|depuis|seit)\s+(?:(?!(?:ayer|anoche|anteayer|hoy|esta|este|hace|yesterday|"
    rf"today|this|hier|aujourd'hui|ce|cette|gestern|heute|diese[mnr]?|vor|el (?:lunes|martes))\b)"
    rf"[\w']+,?\s+){{1,5}}?(?:en|in|im)\s+"
    rf"(?P<month>{_MONTH_ALTERNATION})\b",
    re.IGNORECASE,
)
# Named days and seasons, as (month, day).
_NAMED_DAYS: dict[str, tuple[int, int]] = {
    "halloween": (10, 31), "bonfire night": (11, 5), "guy fawkes": (11, 5),
    "fireworks night": (11, 5), "firework night": (11, 5),
    # The UK clocks go back on the last Sunday of October, the 25th to the 31st (the 25th in
    # 2026): "coughing since the clocks went back".
    "clocks went back": (10, 25), "clocks changed": (10, 25), "clocks go back": (10, 25),
    "clocks going back": (10, 25), "clocks turned back": (10, 25),
    "christmas": (12, 25), "xmas": (12, 25), "new year": (1, 1), "easter": (4, 5),
    "todos los santos": (11, 1), "el pilar": (10, 12), "pilar": (10, 12), "navidad": (12, 25),
    "nochebuena": (12, 24), "reyes": (1, 6), "ano nuevo": (1, 1), "semana santa": (4, 1),
    "toussaint": (11, 1), "la rentree": (9, 1), "rentree": (9, 1), "noel": (12, 25),
    "nouvel an": (1, 1), "paques": (4, 5), "le 14 juillet": (7, 14),
    "allerheiligen": (11, 1), "st. martin": (11, 11), "st martin": (11, 11),
    "sankt martin": (11, 11), "martinstag": (11, 11), "weihnachten": (12, 25),
    "silvester": (12, 31), "neujahr": (1, 1), "ostern": (4, 5), "schulbeginn": (9, 1),
    "summer": (6, 21), "verano": (6, 21), "l'ete": (6, 21), "ete": (6, 21), "sommer": (6, 21),
    "autumn": (9, 22), "fall": (9, 22), "otono": (9, 22), "l'automne": (9, 22),
    "automne": (9, 22), "herbst": (9, 22),
    "winter": (12, 21), "invierno": (12, 21), "l'hiver": (12, 21), "hiver": (12, 21),
    "spring": (3, 20), "primavera": (3, 20), "printemps": (3, 20), "fruhling": (3, 20),
    # German school holidays and feasts people date things by (the middle of the usual dates).
    "fruhjahr": (3, 20), "fruehjahr": (3, 20), "fruehling": (3, 20), "osterferien": (4, 1),
    "pfingsten": (5, 25), "pfingstferien": (5, 25), "sommerferien": (7, 20),
    "herbstferien": (10, 15), "oktoberfest": (9, 20), "weihnachtsferien": (12, 23),
    "fasching": (2, 15), "faschingsferien": (2, 15), "karneval": (2, 15),
}  # fmt: skip
_NAMED = re.compile(
    rf"\b{_SINCE}\s+(?:(?:the|el|la|le|los|las|dem|den|der)\s+)?"
    # "desde el puente del Pilar", "since the Easter weekend" is the holiday's date too.
    r"(?:(?:puente|fin de semana|weekend)\s+(?:de\s+|del\s+|of\s+)?(?:(?:el|la|los|the)\s+)?)?"
    rf"(?P<name>{'|'.join(re.escape(name) for name in sorted(_NAMED_DAYS, key=len, reverse=True))})"
    r"\b",
    re.IGNORECASE,
)
# "since last week/month", "desde el mes pasado", "depuis le mois dernier", "seit letztem Monat".
_LAST = re.compile(
    r"\b(?:since last|desde (?:la|el) (?:semana|mes) pasad[oa]|depuis (?:la|le) (?:semaine|mois) "
    r"derni(?:er|ere)|seit (?:letzter|letztem|vorletzter) )\s*(?P<unit>week|month|semana|mes|"
    r"semaine|mois|woche|monat)?",
    re.IGNORECASE,
)
# "two months ago", "il y a deux mois", "vor zwei Monaten": when, not how long.
_AGO = re.compile(
    r"\b(?:\w+\s+){1,3}ago\b|\bil y a\s+(?:\w+\s+){1,2}|\bvor\s+(?:\w+\s+)?(?:tagen|wochen|monaten|"
    r"jahren)\b",
    re.IGNORECASE,
)
# "since the start of last month", "desde principios del mes pasado", "depuis le début du mois
# dernier", "seit Anfang letzten Monats": a part of the previous month (spec section 3).
_PART_OF_LAST_MONTH = re.compile(
    r"\b(?:since (?:the )?(?P<en>beginning|start|middle|mid|end) of last month|desde (?P<es>"
    r"principios|comienzos|inicios|mediados|finales|fines) del mes pasado|depuis (?:le |la )?"
    r"(?P<fr>debut|milieu|mi|fin) (?:du|de) mois dernier|seit (?P<de>anfang|mitte|ende) "
    r"(?:des )?(?:letzten|vorigen|vergangenen) monats)\b",
    re.IGNORECASE,
)
# "the fifth week", "la quinta semana", "la cinquieme semaine", "die fuenfte Woche": the N-th
# week has lasted at least N-1 whole weeks.
_ORDINALS: dict[str, int] = {
    "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "segunda": 2, "tercera": 3, "cuarta": 4, "quinta": 5, "sexta": 6,
    "deuxieme": 2, "troisieme": 3, "quatrieme": 4, "cinquieme": 5, "sixieme": 6,
    "zweite": 2, "dritte": 3, "vierte": 4, "funfte": 5, "fuenfte": 5, "sechste": 6,
}  # fmt: skip
_ORDINAL_WEEK = re.compile(
    rf"\b(?:(?P<word>{'|'.join(_ORDINALS)})n?|(?P<digit>\d)(?:st|nd|rd|th|a|e|eme|\.))\s+"
    r"(?:week|semana|semaine|woche)\b",
    re.IGNORECASE,
)
_LAST_DAYS = {
    "week": 7, "semana": 7, "semaine": 7, "woche": 7,
    "month": 30, "mes": 30, "mois": 30, "monat": 30,
}  # fmt: skip


# Someone's age is not how long a symptom has lasted: "j'ai 86 ans", "I'm 79 years old",
# "tengo 84 años y ... mucha tos", "ich bin 75 Jahre alt", "un homme de 80 ans"; not "une toux
# de 3 ans" or "ich bin 3 Wochen krank".
_AGE = re.compile(
    r"\b(?:(?:j'ai|il a|elle a|tengo|tiene|a mis|a sus|con|i'm|i am|he's|she's|he is|she is|aged|"
    r"ich bin|er ist|sie ist|(?:homme|femme|dame|monsieur|patiente?) de)\s+\d{1,3}\s*"
    r"(?:ans|anos|years?|jahre?n?)\b"
    r"(?!\s+(?:de|d'|of)\b)|\d{1,3}\s*(?:years?|jahre)\s+(?:old|alt)"
    r"\b|\d{1,3}\s*-?\s*years?-old\b|\d{1,3}\s+anos de edad\b)",
    re.IGNORECASE,
)


def longest_days(text: str, *, today: date) -> int | None:
    """Return the longest duration the text states, in days; None when it states none.

    A point in the past ("two months ago") and someone's age are not durations."""
    text = _AGE.sub(" ", _AGO.sub(" ", text))
    found: list[int] = []
    for match in _COUNT.finditer(text):
        word = (match.group(1) or match.group(2)).lower()
        count = int(word) if word.isdigit() else _NUMBER_WORDS.get(word, 1)
        unit = next(key for key in DAYS_PER_UNIT if match.group(key))
        found.append(count * DAYS_PER_UNIT[unit])
    for match in _SHORTHAND.finditer(text):
        found.append(int(match.group(1)) * DAYS_PER_UNIT[_SHORTHAND_UNIT[match.group(2)]])
    if _BARE_PLURAL.search(_COUNT.sub(" ", text)) or _VAGUE.search(text):
        found.append(VAGUE_DAYS)
    if _FORTNIGHT.search(text):
        found.append(14)
    for match in _ORDINAL_WEEK.finditer(text):
        nth = (
            _ORDINALS[match.group("word").lower()]
            if match.group("word")
            else int(match.group("digit"))
        )
        found.append((nth - 1) * DAYS_PER_UNIT["w"])
    for match in _LAST.finditer(text):
        found.append(_LAST_DAYS.get((match.group("unit") or "week").lower(), 7))
    for match in _PART_OF_LAST_MONTH.finditer(text):
        part = next(value for value in match.groupdict().values() if value)
        previous = today.month - 1 or 12
        found.append(_days_since(previous, _PARTS[part.lower()], today))
    for match in _DATE.finditer(text):
        month = _MONTHS[match.group("month").lower()]
        day = int(match.group("day")) if match.group("day") else None
        part = match.group("part")
        if day is None:
            day = _PARTS[part.lower()] if part else 1
        found.append(_days_since(month, day, today))
    for match in _EVENT_IN_MONTH.finditer(text):
        found.append(_days_since(_MONTHS[match.group("month").lower()], 15, today))
    for match in _NAMED.finditer(text):
        month, day = _NAMED_DAYS[match.group("name").lower()]
        found.append(_days_since(month, day, today))
    return max(found) if found else None


def _days_since(month: int, day: int, today: date) -> int:
    """Return the days from the last (month, day) on or before today to today."""
    try:
        then = date(today.year, month, min(day, 28 if month == 2 else day))
    except ValueError:
        then = date(today.year, month, 28)
    if then > today:
        then = then.replace(year=today.year - 1)
    return (today - then).days or 0


def is_vague(text: str) -> bool:
    """Return True when the text's only long duration is a vague one ("for ages")."""
    if not _VAGUE.search(text):
        return False
    today = date.today()
    stripped = _VAGUE.sub(" ", text)
    days = longest_days(stripped, today=today)
    return days is None or days < VAGUE_DAYS
