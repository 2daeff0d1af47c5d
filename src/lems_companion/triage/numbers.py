"""Numbers in a note that count as if entered: pulse-oximeter readings and body weights.

Spec section 3: "a home pulse-oximeter reading of 92% or lower (NHS home pulse-oximetry advice
for patients: 92% or below means urgent care now; 93-94% means speak to a clinician the same
day)" is dyspnea; "was 81 kg at Easter, 76.5 now" is a loss judged by the one weight-loss rule
(``rules.weight_loss``), with stones, pounds and kilograms converted. The words are in the four
languages we triage; the lists are ours. Every function reads the accent-folded note
(``language.fold``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from lems_companion.rules import weight_loss

# NHS home pulse-oximetry advice for patients: 92% or below, urgent care now (emergency);
# 93-94%, speak to a clinician the same day (prompt, the nearest level we have).
OXIMETRY_EMERGENCY_MAX = 92
OXIMETRY_PROMPT_MAX = 94
# Readings below this are not oxygen saturations (a heart rate, a typo); 100 is the top.
OXIMETRY_MIN = 50
OXIMETRY_MAX = 100

KG_PER_LB = Decimal("0.45359237")
LB_PER_STONE = 14
# "Pfund" (German) and "livre" (French) are half a kilogram in everyday speech.
KG_PER_METRIC_POUND = Decimal("0.5")
# A figure without a unit counts as a body weight only in this range (kg), so a count ("2 or 3
# swallows"), a day of the month or a dose is never read as one.
BARE_KG_RANGE = (Decimal(30), Decimal(250))

_NUMBER = r"(\d{1,3}(?:[.,]\d{1,2})?)"
_KG = r"(?:kgs?|kilos?|kilogram\w*|kilogramm\w*|kilogramos?|kilogrammes?)"
_LB = r"(?:lbs?|pounds?|libras?)"
_HALF_KG = r"(?:pfund|livres?)"
_STONE = r"(?:st|stones?)"
_UNIT_WEIGHT = re.compile(
    rf"{_NUMBER}\s*{_STONE}\b(?:\s*(\d{{1,2}})(?:\s*{_LB}\b)?)?"
    rf"|{_NUMBER}\s*({_KG}|{_LB}|{_HALF_KG})\b",
    re.IGNORECASE,
)
# A bare figure: not part of a date, time, ratio, percentage, dose or duration. Month names are
# whole words ("84 maintenant" is no "84 mai").
_BARE = re.compile(
    r"(?<![\d/:x.,-])(\d{2,3}(?:[.,]\d{1,2})?)(?![\d/:%.,]*\d)(?!\s*(?:%|/|:|h\b|am\b|pm\b|mg\b|"
    r"ml\b|mmhg|bpm|years?|ans\b|anos|jahre|days?|dias|jours|tage|weeks?|semanas?|semaines?|"
    r"wochen|months?|mes(?:es)?\b|mois|monate?|o'?clock|uhr|de (?:enero|febrero|marzo|abril|"
    r"mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)|(?:janvier|fevrier|mars|"
    r"avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre)\b|\.?\s*(?:januar|"
    r"februar|marz|april|mai|juni|juli|august|september|oktober|november|dezember)\b|(?:january|"
    r"february|march|april|may|june|july|august|september|october|november|december)\b))",
    re.IGNORECASE,
)
# A note that speaks of weight lets bare figures count as weights ("Gew. 61,0 (Aug: 65,0)"), and
# so does one that names the scales or a diet ("La báscula dice 57", "En septiembre 70,5, hoy 66.
# Sin dieta.").
_WEIGHT_WORD = re.compile(
    r"\b(?:wt|weight|weigh\w*|scales?|peso|pesaba|pesar|peso|pds|poids|pese|pesais|pesait|"
    r"gewicht|gew|wiege\w*|wog|kilos?|kg|la balance|pese-personne|b[aá]scula|balanza|dieta)\b|"
    r"\bbalance\s+:",
    re.IGNORECASE,
)
_OTHER_UNIT_AFTER = re.compile(
    r"^\s*(?:de fiebre|de temperatura|grados|[º°]|pulsaciones|lpm|ppm|de tensi[oó]n|de az[uú]car|"
    r"degrees|fever|de fi[eè]vre|degr[eé]s|grad\b|fieber)",
    re.IGNORECASE,
)
# Words that say a figure is the current weight.
_NOW = re.compile(
    r"\b(?:now|today|this morning|currently|at the moment|ahora|hoy|esta manana|actualmente|"
    r"maintenant|aujourd'hui|ce matin|actuellement|jetzt|heute|aktuell|derzeit|nun)\b",
    re.IGNORECASE,
)
_NOW_BEFORE = re.compile(rf"(?:{_NOW.pattern})[^\d,;.]{{0,10}}$", re.IGNORECASE)
_NOW_AFTER = re.compile(rf"^\s*(?:{_KG}|{_LB})?\s*(?:{_NOW.pattern})", re.IGNORECASE)
# Words between two figures that make the second the newer one ("94kg down to 83.5").
_TO = re.compile(r"(?:\bto\b|\ba\b|\bauf\b|->|\u2192|=>|\bhasta\b|\bbis\b)\s*$", re.IGNORECASE)
# A word before a figure that makes it the older one ("down to 62 kg from 68 kg").
_FROM = re.compile(r"(?:\bfrom|\bvon|\bdesde|\bdepuis|\bwas|\bpesaba|\bpesais)\s*$", re.IGNORECASE)
_GAIN = re.compile(
    r"\b(?:gain\w*|put on|heavier|up from|went up|engord\w*|subido|aumentado|pris \d|grossi|"
    r"zugenommen|mehr gewicht)\b",
    re.IGNORECASE,
)
# Month names in the four languages (accents as written or folded).
_MONTHS = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|"
    r"noviembre|diciembre|janvier|f[eé]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|"
    r"octobre|novembre|d[eé]cembre|januar|februar|m(?:a|ä|ae)rz|juni|juli|oktober|dezember)"
)
# Seasons, which date an earlier weight as months do ("en verano estaba en 63").
_SEASONS = (
    r"(?:summer|spring|autumn|winter|verano|invierno|primavera|oto[nñ]o|[eé]t[eé]|hiver|"
    r"printemps|automne|sommer|fr(?:u|ü|ue)hling|herbst)"
)
# Words just before a figure that make it an earlier weight: a month or a past tense ("En
# septiembre 76", "im Juli waren es noch 86,5", "En août j'étais à 73", "was 12st in June").
_PAST_BEFORE = re.compile(
    rf"\b(?:{_MONTHS}|{_SEASONS}|was|were|used to|last|ago|before|era|eran|pesaba|estaba|"
    r"estaban|antes|hace|pasado|[eé]tais|[eé]tait|faisais|faisait|pesais|pesait|avant|dernier|"
    r"derniere|war|waren|wog|noch|vorher|zuvor|letzte\w*)\b"
    r"[^\d]{0,20}$",
    re.IGNORECASE,
)
# A month just after a figure makes it an earlier weight too ("Poids 66 kg, 71 en septembre",
# "61 fin août", "Ende Juli 80"); "since August" is not one.
_PAST_AFTER = re.compile(
    rf"^\s*(?:{_KG}|{_LB}|{_HALF_KG})?\s*(?:en|in|im|au|au mois d'|el|back in|end of)?\s*"
    r"(?:(?:debut|mi|fin|start of|mid|ende|anfang|mitte|finales de|principios de|mediados de)"
    r"\s*-?\s*(?:d'|de\s+)?)?"
    rf"(?:{_MONTHS}|\d+ (?:months?|meses|mois|monate?n?) ago)\b",
    re.IGNORECASE,
)
# A bare figure labelled as another measure (a pulse, a blood pressure, a temperature, a
# saturation, a blood sugar) is no weight, even in a note that speaks of weight.
_OTHER_MEASURE = re.compile(
    r"\b(?:pouls|pulse|fc|frequence cardiaque|heart rate|hr|tension|tensi[oó]n|bp|blood pressure|"
    r"sat\w*|spo2|o2|temperature|temperatura|temp|glyc[eé]mie|glucose|glucosa|glucemia|sugar|"
    r"az[uú]car|pulso|pulsaciones|presion|frecuencia|pasos|puls|herzfrequenz|blutdruck|zucker|"
    r"blutzucker|fieber|fievre|fiebre|fever)\b[^\d.;]{0,8}$",
    re.IGNORECASE,
)
OTHER_MEASURE_REACH = 24

# A past verb right before a figure ("(was 66 in Aug)"): it outweighs a "today" further back.
_PAST_VERB_BEFORE = re.compile(
    r"\b(?:was|were|used to be|era|eran|pesaba|estaba|[eé]tais|[eé]tait|pesais|pesait|war|waren|"
    r"wog)\s*$",
    re.IGNORECASE,
)
# How far (characters) before a figure a past word may stand.
PAST_REACH = 32
# How far (characters) a "now" word may stand from the figure it marks.
NOW_REACH = 16

_OXIMETRY_NUMBER = re.compile(r"(?<![\d.,])(\d{2,3})(?![\d]|[.,]\d)")


def oximetry_level(text: str) -> str | None:
    """Return "emergency" for a reading of 92% or less, "prompt" for 93-94%; None otherwise."""
    readings = [
        int(match.group(1))
        for match in _OXIMETRY_NUMBER.finditer(text)
        if OXIMETRY_MIN <= int(match.group(1)) <= OXIMETRY_MAX
    ]
    if not readings:
        return None
    # The first reading is the one the words name ("sats 94%, normally 97").
    reading = readings[0]
    if reading <= OXIMETRY_EMERGENCY_MAX:
        return "emergency"
    if reading <= OXIMETRY_PROMPT_MAX:
        return "prompt"
    return None


@dataclass(frozen=True, slots=True)
class WeightChange:
    """Two weights read from a note: the heavier earlier one and the current one."""

    heavier_kg: float
    lighter_kg: float
    percent: Decimal  # percent lost (negative for a gain)
    start: int  # offsets of the text that gives them
    end: int


@dataclass(frozen=True, slots=True)
class _Weight:
    kg: Decimal
    start: int
    end: int


def _number(text: str) -> Decimal:
    return Decimal(text.replace(",", "."))


_ANY_WEIGHT = re.compile(rf"{_UNIT_WEIGHT.pattern}|{_WEIGHT_WORD.pattern}", re.IGNORECASE)


def mentions_weight(text: str) -> bool:
    """Return True when the note names a weight or a weight unit (a cheap first look)."""
    return _ANY_WEIGHT.search(text) is not None


# A figure in stones told after "to" or "now" without its unit (spec section 3: stones converted).
_STONES_AFTER_TO = re.compile(
    r"\b(?:to|now)\s+(?:about\s+|around\s+|just\s+)?(\d{1,2}(?:[.,]\d)?)(\s+and\s+a\s+half)?\b"
    r"(?![.,]?\d)(?!\s*(?:st|stones?|kgs?|kilos?|lbs?|pounds?|%|/|:|am|pm|o'?clock|days?|weeks?|"
    r"months?|years?)\b)",
    re.IGNORECASE,
)


def weights(text: str) -> list[_Weight]:
    """Return the body weights written in the note, in kilograms, in order; empty when none."""
    found: list[_Weight] = []
    taken: list[tuple[int, int]] = []
    units = []
    for match in _UNIT_WEIGHT.finditer(text):
        if match.group(1):  # stones, with optional pounds
            pounds = int(match.group(1).split(".")[0].split(",")[0]) * LB_PER_STONE
            pounds_extra = int(match.group(2)) if match.group(2) else 0
            kg = (Decimal(pounds) + pounds_extra) * KG_PER_LB
            if "." in match.group(1) or "," in match.group(1):
                kg += (_number(match.group(1)) % 1) * LB_PER_STONE * KG_PER_LB
            units.append("st")
        else:
            value, unit = _number(match.group(3)), match.group(4).lower()
            if re.fullmatch(_KG, unit, re.IGNORECASE):
                kg, kind = value, "kg"
            elif re.fullmatch(_HALF_KG, unit, re.IGNORECASE):
                kg, kind = value * KG_PER_METRIC_POUND, "half"
            else:
                kg, kind = value * KG_PER_LB, "lb"
            units.append(kind)
        found.append(_Weight(kg=kg, start=match.start(), end=match.end()))
        taken.append((match.start(), match.end()))
    spelled = _spelled_weights(text, taken)
    found += [weight for weight, _ in spelled]
    taken += [(weight.start, weight.end) for weight, has_unit in spelled if has_unit]
    if not (found or _WEIGHT_WORD.search(text)):
        return []
    # A bare figure is in the unit of the weights written with one ("141 libras. En julio 152").
    per_bare = Decimal(1)
    if units and all(unit == "lb" for unit in units):
        per_bare = KG_PER_LB
    elif units and all(unit == "half" for unit in units):
        per_bare = KG_PER_METRIC_POUND
    for weight, has_unit in spelled:
        if not has_unit:
            taken.append((weight.start, weight.end))
    if units and all(unit == "st" for unit in units):
        # "gone from 9 stone to 8 and a half", "12 stone in the summer, now 11": the figure
        # after "to" or "now" is in stones too.
        for match in _STONES_AFTER_TO.finditer(text):
            if any(start <= match.start(1) < end for start, end in taken):
                continue
            stones = _number(match.group(1)) + (Decimal("0.5") if match.group(2) else 0)
            kg = stones * LB_PER_STONE * KG_PER_LB
            found.append(_Weight(kg=kg, start=match.start(1), end=match.end()))
            taken.append((match.start(1), match.end()))
    for match in _BARE.finditer(text):
        if any(start <= match.start() < end for start, end in taken):
            continue
        if _OTHER_MEASURE.search(
            text[max(0, match.start() - OTHER_MEASURE_REACH) : match.start()]
        ) or _OTHER_UNIT_AFTER.match(text[match.end() : match.end() + 16]):
            continue  # "pouls 80, poids 65", "38,5 de fiebre": a pulse or a fever is no weight
        kg = _number(match.group(1)) * per_bare
        if BARE_KG_RANGE[0] <= kg <= BARE_KG_RANGE[1]:
            found.append(_Weight(kg=kg, start=match.start(), end=match.end()))
    found = [item for item in found if BARE_KG_RANGE[0] <= item.kg <= BARE_KG_RANGE[1]]
    return sorted(found, key=lambda item: item.start)


def weight_change(text: str) -> WeightChange | None:
    """Return the change between the weights the note gives; None when it gives fewer than two.

    The current weight is the one next to "now"/"today"/"ahora"/"heute"..., or the one after
    "to"/"a"/"auf"/"→", or the one outside brackets when the other is in them, else the last."""
    found = weights(text)
    if len(found) < 2:
        return None
    current = _current(text, found)
    earlier = [item for item in found if item is not current]
    heavier = max(earlier, key=lambda item: item.kg)
    if _GAIN.search(text) and heavier.kg <= current.kg:
        return None
    percent = weight_loss.percent_lost(float(heavier.kg), float(current.kg))
    start, end = min(heavier.start, current.start), max(heavier.end, current.end)
    return WeightChange(
        heavier_kg=float(round(heavier.kg, 1)),
        lighter_kg=float(round(current.kg, 1)),
        percent=percent,
        start=start,
        end=end,
    )


def _current(text: str, found: list[_Weight]) -> _Weight:
    for item in found:
        # "61.5kg today (was 66 in Aug)": a past verb nearer the figure than "today" wins.
        if _NOW_BEFORE.search(
            text[max(0, item.start - NOW_REACH) : item.start]
        ) and not _PAST_VERB_BEFORE.search(text[max(0, item.start - 8) : item.start]):
            return item
    for item in found:
        if _NOW_AFTER.match(text[item.end : item.end + NOW_REACH]):
            return item
    # "Peso: 71,5 kg. En septiembre 76.": the figure after a month or a past tense is the older.
    past = [
        item
        for item in found
        if _PAST_BEFORE.search(text[max(0, item.start - PAST_REACH) : item.start])
        or _PAST_AFTER.match(text[item.end :])
    ]
    if len(past) == 1 and len(found) == 2:
        return next(item for item in found if item is not past[0])
    for item in found:
        if _TO.search(text[max(0, item.start - 12) : item.start]):
            return item
    after_from = [
        item for item in found if _FROM.search(text[max(0, item.start - 12) : item.start])
    ]
    if len(after_from) == 1 and len(found) == 2:
        return next(item for item in found if item is not after_from[0])
    outside = [item for item in found if not _in_brackets(text, item.start)]
    if len(outside) == 1:
        return outside[0]
    return found[-1]


def _in_brackets(text: str, position: int) -> bool:
    return text.rfind("(", 0, position) > text.rfind(")", 0, position)


# --- Numbers written as words ---------------------------------------------------------------
# Spec section 3, "Numbers and durations in the text count as if entered": a weight written in
# words ("ochenta", "septante-deux kilos", "einundachtzig") counts like one in figures. The
# word lists are ours; they are merged across the four languages (the few words two languages
# share have one value).
_NUMBER_WORDS: dict[str, int] = {
    # English
    **dict.fromkeys(["one", "a"], 1), "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    # Spanish
    **dict.fromkeys(["uno", "una"], 1), "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6,
    "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "doce": 12, "trece": 13, "catorce": 14,
    "quince": 15, "veinte": 20, "treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60,
    "setenta": 70, "ochenta": 80, "noventa": 90, **dict.fromkeys(["cien", "ciento"], 100),
    # French (with Belgian and Swiss tens)
    **dict.fromkeys(["un", "une"], 1), "deux": 2, "trois": 3, "quatre": 4, "cinq": 5,
    "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13,
    "quatorze": 14, "seize": 16, "vingt": 20, "trente": 30, "quarante": 40,
    "cinquante": 50, "soixante": 60, "septante": 70, **dict.fromkeys(["huitante", "octante"], 80),
    **dict.fromkeys(["quatre-vingt", "quatre-vingts"], 80), "nonante": 90, "cent": 100,
    # German
    **dict.fromkeys(["ein", "eins", "eine", "einem", "einen"], 1), "zwei": 2, "drei": 3,
    "vier": 4, "funf": 5, "fuenf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10,
    "elf": 11, "zwolf": 12, "zwoelf": 12, "zwanzig": 20, "dreissig": 30, "dreißig": 30,
    "vierzig": 40, "funfzig": 50, "fuenfzig": 50, "sechzig": 60, "siebzig": 70, "achtzig": 80,
    "neunzig": 90, "hundert": 100,
}  # fmt: skip
_HALF_WORDS = r"(?:and a half|y medio|et demi|et demie|einhalb|half)"
_NUMBER_WORD = "|".join(sorted(map(re.escape, _NUMBER_WORDS), key=len, reverse=True))
# A run of number words ("ochenta y uno", "soixante-huit", "einundachtzig").
_WORDS_RUN = re.compile(
    rf"\b(?:{_NUMBER_WORD})(?:(?:[\s-]+(?:y\s+|et\s+|and\s+)?|und)(?:{_NUMBER_WORD}))*"
    rf"(?:\s+{_HALF_WORDS})?\b",
    re.IGNORECASE,
)
_ARTICLES = {"a", "un", "une", "una", "ein", "eine", "einem", "einen"}


def _token_value(token: str) -> int:
    """Return the value of one number word, German compounds included ("einundachtzig")."""
    if token in _NUMBER_WORDS:
        return _NUMBER_WORDS[token]
    value = 0
    if "hundert" in token:
        before, token = token.split("hundert", 1)
        value += (_NUMBER_WORDS.get(before, 1) if before else 1) * 100
    if "und" in token:
        units, tens = token.split("und", 1)
        return value + _NUMBER_WORDS.get(units, 0) + _NUMBER_WORDS.get(tens, 0)
    return value + _NUMBER_WORDS.get(token, 0)


def _words_value(phrase: str) -> Decimal | None:
    """Return the value of a run of number words; None when it is a lone article ("a", "un")."""
    folded = (
        phrase.lower()
        .replace("quatre-vingts", "quatre_vingt")
        .replace("quatre-vingt", "quatre_vingt")
    )
    half = re.search(_HALF_WORDS, folded) is not None
    folded = re.sub(_HALF_WORDS, " ", folded)
    tokens = [
        token.replace("quatre_vingt", "quatre-vingt")
        for token in re.split(r"[\s-]+", folded)
        if token and token not in {"y", "et", "and"}
    ]
    if not tokens or (len(tokens) == 1 and tokens[0] in _ARTICLES and not half):
        return None
    total = Decimal(0)
    for token in tokens:
        if token in {"hundred", "hundert", "cent", "cien", "ciento"} and total:
            total *= 100
        else:
            total += _token_value(token)
    total += Decimal("0.5") if half else 0
    return total or None


_AFTER_WORDS = re.compile(
    rf"\s*(?:({_KG})|({_LB})|({_HALF_KG})|({_STONE}))\b(?:\s+({_HALF_WORDS}))?", re.IGNORECASE
)


def _spelled_weights(text: str, taken: list[tuple[int, int]]) -> list[tuple[_Weight, bool]]:
    """Return the weights written in words, each with whether a unit follows it; a run without
    a unit is kept only as a body weight (30-250 kg) and only in a note about weight."""
    found: list[tuple[_Weight, bool]] = []
    for match in _WORDS_RUN.finditer(text):
        if any(start <= match.start() < end for start, end in taken):
            continue
        value = _words_value(match.group(0))
        if value is None:
            continue
        unit = _AFTER_WORDS.match(text, match.end())
        if unit is None:
            if BARE_KG_RANGE[0] <= value <= BARE_KG_RANGE[1]:
                found.append((_Weight(kg=value, start=match.start(), end=match.end()), False))
            continue
        value += Decimal("0.5") if unit.group(5) else 0
        if unit.group(1):
            kg = value
        elif unit.group(2):
            kg = value * KG_PER_LB
        elif unit.group(3):
            kg = value * KG_PER_METRIC_POUND
        else:
            kg = value * LB_PER_STONE * KG_PER_LB
        found.append((_Weight(kg=kg, start=match.start(), end=unit.end()), True))
    return found


# "Lost 4 kilos", "bajé cuatro kilos y medio", "4 kg abgenommen", "12 lb lighter": an amount
# lost, in any of the four languages (spec section 3, "lost half a stone", "12 lb lighter").
_LOSS_VERB = (
    r"(?:lost|lose|losing|dropped|shed|down|perdu|perdi|perdido|perdio|baje|bajado|bajo|"
    r"rebaje|adelgace|adelgazado|abgenommen|verloren|nehme|nahm|nimmt)"
)
_LOSS_AFTER = (
    r"(?:lighter|down|less|off|de moins|en moins|perdus?|menos|abgenommen|verloren|weniger|"
    r"runter|ab)"
)
_AMOUNT = rf"(?:half an?|\d{{1,2}}(?:[.,]\d{{1,2}})?|{_NUMBER_WORD})(?:[\s-]+(?:{_NUMBER_WORD}))*"
_AMOUNT_UNIT = (
    rf"({_AMOUNT})\s*(?:({_KG})|({_LB})|({_HALF_KG})|({_STONE}))\b(?:\s+({_HALF_WORDS}))?"
)
_LOSS = re.compile(
    rf"\b{_LOSS_VERB}\s+(?:[\w']+\s+){{0,2}}?{_AMOUNT_UNIT}|"
    rf"\b{_AMOUNT_UNIT}\s+(?:[\w']+\s+)?{_LOSS_AFTER}\b",
    re.IGNORECASE,
)


def _amount_kg(match: re.Match[str], first: int) -> Decimal | None:
    amount = match.group(first)
    if amount.lower().startswith("half"):
        amount = "0.5"
    value = (
        _number(amount) if amount[0].isdigit() else _words_value(amount)
    )  # "4", "cuatro", "half" (a stone)
    if value is None:
        value = Decimal(1) if amount.lower() in _ARTICLES else None
    if value is None:
        return None
    value += Decimal("0.5") if match.group(first + 5) else 0
    if match.group(first + 1):
        return value
    if match.group(first + 2):
        return value * KG_PER_LB
    if match.group(first + 3):
        return value * KG_PER_METRIC_POUND
    return value * LB_PER_STONE * KG_PER_LB


@dataclass(frozen=True, slots=True)
class AmountLost:
    """An amount of weight the note says was lost, in kilograms, with where it is written."""

    kg: Decimal
    start: int
    end: int


def amount_lost(text: str) -> AmountLost | None:
    """Return the first amount of weight the note says was lost; None when it names none."""
    for match in _LOSS.finditer(text):
        first = 1 if match.group(1) else 7
        kg = _amount_kg(match, first)
        if kg is not None and 0 < kg < BARE_KG_RANGE[0]:
            return AmountLost(kg=kg, start=match.start(), end=match.end())
    return None


def change_from_amount(text: str, lost: AmountLost) -> WeightChange | None:
    """Return the change given by an amount lost and one body weight ("lost 4 kilos, je pesais
    75"): the weight is the earlier one when a past word marks it, else the current one."""
    found = [item for item in weights(text) if not (lost.start <= item.start < lost.end)]
    if len(found) != 1:
        return None
    weight = found[0]
    earlier = bool(
        _PAST_BEFORE.search(text[max(0, weight.start - PAST_REACH) : weight.start])
        or _PAST_AFTER.match(text[weight.end :])
    )
    heavier = weight.kg if earlier else weight.kg + lost.kg
    lighter = heavier - lost.kg
    return WeightChange(
        heavier_kg=float(round(heavier, 1)),
        lighter_kg=float(round(lighter, 1)),
        percent=weight_loss.percent_lost(float(heavier), float(lighter)),
        start=min(lost.start, weight.start),
        end=max(lost.end, weight.end),
    )
