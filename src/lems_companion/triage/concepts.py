"""Red flags found as concepts rather than phrases: word classes matched by their Snowball stem,
so that every inflection of a word and every order of the words in a clause counts.

A rule names a target label (the lexicons' labels: DYSPHAGIA, DYSPNEA...) and two or three word
classes that must all stand in one clause, within ``REACH`` words of each other, with no negation
between them: DIFFICULT x SWALLOW ("me cuesta muchísimo tragar", "avaler devient difficile"),
PAIN x CHEST ("douleur qui serre fort au milieu du thorax"), FACE x DROOP ("se me torció la
boca")... Words are compared by their stem (``snowballstemmer``: the Snowball stemmers of
Porter, the field's standard), so "respirar", "respiro", "respiración" are one word. German
compounds are read by their parts: a word matches a class when its stem begins or ends with one
of the class's stems ("Schluckbeschwerden" is SWALLOW and DIFFICULT, "Brustschmerzen" CHEST and
PAIN, "Atemnot" BREATHE and DIFFICULT), which a phrase list cannot keep up with.

"Cannot" is a negated verb of being able ("no puedo", "n'arrive plus", "kann nicht"): it is a
DIFFICULT word whose negation belongs to the mention, so ConText does not read it as negating
the symptom (text.INSIDE_IGNORED).

The mentions join those of the lexicons (text._find_targets) and go through the same context
rules (negated, another person, hypothetical, long past, words in another sense...), so a flag
stays explained by its evidence and the lexicon's rule. Spec section 3, "Shorthand and everyday
speech" and "Languages". The word classes are ours, written from each language and the spec,
not from test notes; AWAITING CLINICAL REVIEW like the lexicons (docs/red-flags.md).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

import snowballstemmer

from lems_companion.triage import language

# Snowball's name of each language we check.
STEMMERS = {"en": "english", "es": "spanish", "fr": "french", "de": "german"}
# How many words may stand between the first and the last word of a rule.
REACH = 4
# Compound parts shorter than this are too common inside other German words to count.
MIN_PART = 4
# A clause ends at punctuation or a word of contrast ("mais", "aber").
_CLAUSE_BREAK = re.compile(
    r"[.,;:!?()\[\]\n\"]+|\s-\s|\b(?:but|mais|pero|aber|sondern|sino|pourtant|cependant|jedoch|"
    r"doch|sauf|excepto|salvo|ausser)\b",
    re.IGNORECASE,
)
# Letters only: a French elision is a word apart ("n'arrive" is "n" and "arrive"), so that the
# "pas d'" of "pas d'essoufflement" stays outside the mention and negates it.
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# Words that negate what follows or stands between two words of a rule (accent-folded).
NEGATIONS: dict[str, frozenset[str]] = {
    "es": frozenset(_words("no ni sin nunca jamas tampoco nada ningun ninguna ninguno")),
    "fr": frozenset(_words("pas sans jamais ni aucun aucune rien")),
    "de": frozenset(
        _words("nicht nich kein keine keinen keiner keinem nie niemals ohne weder nichts")
    ),
}
# The negations that make a verb of being able "cannot" ("n'arrive plus", "kann nicht mehr").
_CANNOT_NEGATIONS: dict[str, frozenset[str]] = {
    "es": frozenset(_words("no ni nunca jamas")),
    "fr": frozenset(_words("pas plus jamais ne n ni")),
    "de": frozenset(_words("nicht nich ned nie nimmer kaum kein keine keinen")),
}

# Word classes per language, as plain words: every word is stemmed, so one form is enough,
# and a second form is listed only where the stem changes ("cuesta" beside "costar").
CLASSES: dict[str, dict[str, tuple[str, ...]]] = {
    "es": {
        "DIFFICULT": _words(
            "dificultad dificultades dificil dificilmente cuesta costar cuestan costaba "
            "problema problemas imposible apenas esfuerzo trabajo fatal mal malamente "
            "complicado incapaz"
        ),
        # A limb that no longer obeys is one that cannot move ("el brazo no me obedece").
        "ABLE": _words(
            "poder puedo puede podia pude pudo consigo consigue conseguia logro obedece obedecia"
        ),
        # "no tengo suficiente aire": a negated amount of air is a lack of it.
        "ENOUGH": _words("suficiente bastante"),
        "HARD": _words("fuerte fuertemente"),
        "REPEAT": _words("varias repetidas repetir repito"),
        "NOSE": _words("nariz narices"),
        # Lips or face turned blue, purple or grey (spec section 3: blue lips are dyspnea).
        "BLUE": _words(
            "azul azules azulado azulada azulados azuladas morado morada morados moradas "
            "moradito moradita moraito moraita amoratado amoratada amoratados violeta violetas "
            "grisaceo grisacea cenizo cenicienta"
        ),
        # Breathing fast and shallow: "respirando rapidito y corto".
        "FAST": _words(
            "rapido rapida rapidito rapidisimo corto cortito superficial agitado agitada"
        ),
        "HOLD": _words("agarra agarraba agarrandose sujeta sujetaba aprieta apretaba"),
        "EXIT": _words("salir sale salio salieron salia salen volvio vuelve regreso"),
        "RESPOND": _words("responde respondia respondio reacciona reaccionaba reacciono"),
        "UNCONSCIOUS": _words("inconsciente desmayado desmayada"),
        "SHAKE": _words(
            "temblaba temblando sacudia sacudidas sacudiendo convulsionaba convulsionando "
            "tiritaba rigido rigida tieso tiesa espasmos"
        ),
        "STRENGTH": _words("fuerza fuerzas"),
        "WEAK": _words("debil debiles flojo floja flojita"),
        "LIE": _words("tumbado tumbada tumbao tumbarme acostado acostada acostarme echado echada"),
        "SWALLOW": _words("tragar trago tragando deglutir deglucion degluto"),
        "STUCK": _words(
            "atascado atascada atascar atasca atora atorado atorada atorar trabado trabada "
            "pegado pegada atravesado atravesada"
        ),
        "THROAT": _words("garganta gaznate esofago"),
        "BREATHE": _words(
            "respirar respiro respiracion respiratorio respiratoria aliento resuello"
        ),
        "LACK": _words("falta faltar sin"),
        "MISSING": _words("falta faltar faltaba"),
        "AIR": _words("aire aliento respiracion resuello oxigeno"),
        "GASP": _words("jadear jadeo boquear"),
        # Not "sofoco": a hot flush.
        "BREATHLESS": _words("asfixia asfixiar asfixio asfixiaba disnea"),
        "SPEAK": _words("hablar hablaba hablo habla palabras lengua"),
        "ODD": _words(
            "trabar trababa trabo arrastrando arrastraba rara raras raro extrano "
            "incomprensible enredada revueltas equivocadas cambiadas galimatias disparates"
        ),
        "COUGH": _words("toser toso tosiendo tosia tosi tos"),
        "PAIN": _words(
            "dolor duele doler dolia opresion presion peso punzada pinchazo pinchacito ardor "
            "aprieta apretar aplastar tirantez molestia molestias molesta pesadez"
        ),
        "CHEST": _words("pecho torax toracico esternon"),
        "FACE": _words("cara boca labio labios mejilla comisura rostro"),
        "DROOP": _words(
            "torcida torcido torcio torcerse caida caido caer cayo cae caia colgaba colgando "
            "paralizada "
            "paralizado desviada desviado dormida"
        ),
        "LIMB": _words("brazo pierna mano"),
        "LIMP": _words("dormido dormida muerto muerta paralizado paralizada inerte flojo floja"),
        "SIDE": _words("izquierdo izquierda derecho derecha lado"),
    },
    "fr": {
        "DIFFICULT": _words(
            "difficulte difficultes difficile difficilement peine peiner mal galere galerer "
            "impossible probleme problemes gene penible laborieux complique misere dur "
            "incapable"
        ),
        "ABLE": _words(
            "arriver arrive arrivais parviens parvenir peux peut pouvais pu obeit obeissait "
            "reussi reussir reussit reussissait"
        ),
        "ENOUGH": _words("assez suffisamment"),
        "HARD": _words("fort fortement"),
        "REPEAT": _words("plusieurs reprises reprendre"),
        "NOSE": _words("nez narines"),
        "BLUE": _words(
            "bleu bleue bleus bleues bleute bleutee bleuatre bleuatres violet violette violettes "
            "violace violacee violacees gris grise grises mauve mauves cyanose cyanosee"
        ),
        "FAST": _words(
            "vite rapide rapidement court courte superficiel superficielle saccade tirant"
        ),
        "HOLD": _words("tient tenait tenant agrippe agrippait"),
        "EXIT": _words("sortir sort sortait ressort ressortir ressortait revient revenu remonte"),
        "RESPOND": _words("repond repondait reagit reagissait"),
        "UNCONSCIOUS": _words("inconscient inconsciente evanoui evanouie"),
        "SHAKE": _words(
            "tremblait tremblement tremblements secousses secouait convulsait convulsions "
            "raide raidi raidie tressautait spasmes"
        ),
        "STRENGTH": _words("force forces"),
        "WEAK": _words("faible faiblarde"),
        "LIE": _words("allonge allongee allonger plat couche couchee"),
        "SWALLOW": _words("avaler avale deglutir deglutition"),
        "STUCK": _words("coince coincee bloque bloquee pogne"),
        "THROAT": _words("gorge gosier oesophage"),
        "BREATHE": _words("respirer respiration respiratoire respiratoires souffle"),
        "LACK": _words("manque manquer"),
        "MISSING": _words("manque manquer manquait"),
        "AIR": _words("air souffle oxygene"),
        # "reprendre mon souffle": catching one's breath, with AIR next to it.
        "GASP": _words("haleter halete reprendre"),
        "BREATHLESS": _words("essouffler essouffle essoufflement suffoquer suffocation dyspnee"),
        "SPEAK": _words("parler parlait parle parole paroles mots articuler elocution"),
        "ODD": _words(
            "bizarre bizarrement pateuse pateux incomprehensible embrouille bafouillait "
            "melanges melangeait charabia inverses"
        ),
        "COUGH": _words("tousser tousse toussant toussais"),
        "PAIN": _words(
            "douleur douleurs douloureux mal serre serrement oppression brulure pression "
            "etau ecrase pique pincement gene lourde lourdeur"
        ),
        "CHEST": _words("poitrine thorax thoracique sternum"),
        "FACE": _words("visage bouche levre levres joue commissure"),
        "DROOP": _words(
            "tombe tombait tomber pendre pendait tordu tordue devie deviee affaisse "
            "paralyse paralysee fige figee"
        ),
        "LIMB": _words("bras jambe main"),
        "LIMP": _words("mort morte inerte paralyse paralysee engourdi engourdie molle"),
        "SIDE": _words("gauche droit droite cote"),
    },
    "de": {
        "DIFFICULT": _words(
            "schwer schwierig schwierigkeiten problem probleme muhe muhsam kaum beschwerden "
            "storung schlecht not unmoglich qual"
        ),
        "ABLE": _words("kann konnte konnen schaffe schaffen klappt klappen geht ging gehorcht"),
        "ENOUGH": _words("genug genugend ausreichend"),
        "HARD": _words("kraftig stark fest"),
        # "drei-, viermal schlucken": not a bare "-mal" ("manchmal" is "sometimes").
        "REPEAT": _words("mehrmals mehrfach zweimal dreimal viermal funfmal"),
        "NOSE": _words("nase"),
        "BLUE": _words("blau blaue blauen blaulich blauliche lila violett grau graue zyanotisch"),
        "FAST": _words("schnell hechelnd flach flache oberflachlich stossweise"),
        "HOLD": _words("halt hielt fasst fasste greift griff umklammert"),
        "EXIT": _words("raus heraus rauskommt kam kommt zuruck"),
        "RESPOND": _words("ansprechbar reagiert reagierte antwortet antwortete"),
        "UNCONSCIOUS": _words("bewusstlos ohnmachtig weggetreten"),
        "SHAKE": _words(
            "gezittert zitterte zuckte gezuckt zuckungen krampfte gekrampft krampfanfall steif "
            "verkrampft geschuttelt"
        ),
        "STRENGTH": _words("kraft krafte"),
        "WEAK": _words("schwach schwacher kraftlos"),
        "LIE": _words("liegen liege flach hinlegen hingelegt"),
        "SWALLOW": _words("schlucken schluck schluckt geschluckt runterschlucken"),
        "STUCK": _words("stecken steckt steckte feststecken hangen hangt hing"),
        "THROAT": _words("hals kehle rachen speiserohre"),
        "BREATHE": _words("atmen atmung atem luft"),
        "LACK": _words("fehlt fehlte fehlen"),
        "MISSING": _words("fehlt fehlte fehlen"),
        "AIR": _words("luft atem sauerstoff puste"),
        "GASP": _words(
            "japsen japse japst ringen ringe schnappe schnappen schnappt keuchen keuche hecheln"
        ),
        # Not "atemlos": a song title and "breathless with excitement" as often as not.
        "BREATHLESS": _words("kurzatmig kurzatmigkeit dyspnoe"),
        "SPEAK": _words("sprechen spricht sprach reden redet rede sprache worte worter"),
        "ODD": _words(
            "komisch verwaschen lallend gelallt undeutlich wirr seltsam unverstandlich "
            "nuschelig genuschelt verdreht durcheinander vertauscht"
        ),
        "COUGH": _words("husten huste hustet hustete gehustet abhusten"),
        "PAIN": _words(
            "schmerz schmerzen weh druck druckt drucken druckte enge engegefuhl stechen stiche "
            "beklemmung beklemmt druckgefuhl "
            "brennen zieht ziehen ziehend"
        ),
        "CHEST": _words("brust brustkorb thorax brustbein"),
        "FACE": _words("gesicht mund mundwinkel lippe lippen wange gesichtshalfte"),
        "DROOP": _words("hangt hing hangend schief gelahmt verzogen"),
        "LIMB": _words("arm bein hand"),
        "LIMP": _words("taub schlaff gelahmt lahm tot"),
        "SIDE": _words("links linke linken rechts rechte rechten seite"),
    },
}

# What is eaten or drunk, as written (not stemmed: Spanish "como" is "as" as often as "I eat").
INGEST: dict[str, frozenset[str]] = {
    "es": frozenset(
        _words(
            "bebo bebe beber bebiendo bebia comer comiendo comia trago tragar tragando sorbo "
            "bocado agua sopa caldo liquidos comida comidas cafe leche"
        )
    ),
    "fr": frozenset(
        _words(
            "bois boire buvant buvais manger mangeant mange mangeais gorgee bouchee eau soupe "
            "repas liquides cafe the lait"
        )
    ),
    "de": frozenset(
        _words(
            "trinken trinke trinkt essen esse isst schluck bissen wasser suppe tee kaffee "
            "mahlzeit mahlzeiten getranke"
        )
    ),
}

# German suffixes that deny what the compound names ("problemlos", "schmerzfrei").
_GERMAN_WITHOUT = ("los", "lose", "losen", "loser", "frei", "freie", "freien")

# German classes whose stems are read inside compounds: as the first part or the last.
_COMPOUND_HEADS = frozenset({"DIFFICULT", "PAIN"})
_COMPOUND_MODIFIERS = frozenset({"SWALLOW", "BREATHE", "CHEST", "AIR"})


@dataclass(frozen=True, slots=True)
class Rule:
    """A target label and the word classes that must stand together in one clause."""

    label: str
    classes: tuple[str, ...]
    reach: int = REACH


# Spec section 3 table: each rule is a red flag of the table in its everyday wording.
RULES: tuple[Rule, ...] = (
    Rule("DYSPHAGIA", ("DIFFICULT", "SWALLOW")),
    Rule("DYSPHAGIA", ("CANNOT", "SWALLOW")),
    Rule("DYSPHAGIA", ("STUCK", "THROAT")),
    # It sticks when I swallow (spec section 3 table, dysphagia: food or drink sticking):
    # "ça bloque quand j'avale", "se atasca al tragar".
    Rule("DYSPHAGIA", ("STUCK", "SWALLOW"), reach=3),
    Rule("DYSPNEA", ("DIFFICULT", "BREATHE")),
    Rule("DYSPNEA", ("CANNOT", "BREATHE")),
    # "me falta el aire", "me quedo sin aire": the lack right next to the air, so that "sin
    # dificultad para respirar" is never read as "sin aire".
    Rule("DYSPNEA", ("LACK", "AIR"), reach=1),
    # The verb of lacking may stand further off, a hedge between: "me falta un poco el aire",
    # "il me manquait vraiment l'air" (spec section 3 table, dyspnea; hedged still counts).
    Rule("DYSPNEA", ("MISSING", "AIR"), reach=3),
    Rule("DYSPNEA", ("GASP", "AIR")),
    Rule("DYSPNEA", ("BREATHLESS",)),
    # Spec section 3 table, dyspnea: a cough too weak to clear phlegm ("no tengo fuerza pa
    # toser", "plus la force de tousser", "keine Kraft zum Abhusten"), and not lying flat.
    Rule("DYSPNEA", ("NO_STRENGTH", "COUGH")),
    Rule("DYSPNEA", ("WEAK", "COUGH"), reach=2),
    Rule("DYSPNEA", ("CANNOT", "LIE"), reach=3),
    # Coughing at every mouthful is the choking of spec section 3's table (food or drink going
    # the wrong way); "toso cada vez que bebo".
    Rule("CHOKING", ("COUGH", "INGEST")),
    # A cough that cannot be made strong enough: "n'arrive plus a tousser assez fort".
    Rule("DYSPNEA", ("CANNOT", "COUGH", "HARD")),
    # Food or drink coming back through the nose (spec section 3 table, dysphagia), and having
    # to swallow a mouthful several times ("jeden Bissen drei-, viermal schlucken").
    Rule("DYSPHAGIA", ("NOSE", "EXIT"), reach=7),
    # Lips or face gone blue, purple or grey; breath fast and shallow (spec section 3 table,
    # dyspnea: "blue lips", signs others see).
    Rule("DYSPNEA", ("FACE", "BLUE"), reach=3),
    Rule("DYSPNEA", ("BREATHE", "FAST"), reach=3),
    # Clutching the chest (spec section 3 table, chest pain told by what others see).
    Rule("CHEST_PAIN", ("HOLD", "CHEST"), reach=2),
    Rule("DYSPHAGIA", ("REPEAT", "SWALLOW"), reach=3),
    # A fit told by its look (spec section 3 table, seizure): shaking or stiff while not
    # responding or unconscious ("nicht ansprechbar und hat gezittert").
    Rule("SEIZURE", ("UNRESPONSIVE", "SHAKE"), reach=5),
    # Words or a cough that will not come out: "die Worte kamen nicht", "no me sale la tos".
    Rule("SPEECH", ("SPEAK", "NO_EXIT"), reach=3),
    Rule("DYSPNEA", ("COUGH", "NO_EXIT"), reach=3),
    Rule("SEIZURE", ("UNCONSCIOUS", "SHAKE"), reach=5),
    Rule("CHEST_PAIN", ("PAIN", "CHEST")),
    Rule("STROKE", ("FACE", "DROOP"), reach=3),
    Rule("LIMB_ONE_SIDE", ("LIMB", "SIDE", "LIMP")),
    Rule("LIMB_ONE_SIDE", ("LIMB", "SIDE", "CANNOT")),
    # Speech that came out strange: a stroke sign when sudden, a cerebellar one when new over
    # days (text._flag_for), LEMS's own bulbar weakness otherwise.
    Rule("SPEECH", ("SPEAK", "ODD"), reach=3),
)


@cache
def _stemmer(code: str) -> snowballstemmer.Stemmer:
    return snowballstemmer.stemmer(STEMMERS[code])


@lru_cache(maxsize=16384)
def stem(word: str, code: str) -> str:
    """Return the Snowball stem of an accent-folded, lower-case word."""
    return language.fold(_stemmer(code).stemWord(word))


@cache
def _class_stems(code: str) -> dict[str, frozenset[str]]:
    return {
        name: frozenset(stem(language.fold(word), code) for word in words)
        for name, words in CLASSES.get(code, {}).items()
    }


@lru_cache(maxsize=16384)
def classes_of(word: str, code: str) -> frozenset[str]:
    """Return the word classes an accent-folded, lower-case word of the note belongs to."""
    if code == "de" and word.endswith(_GERMAN_WITHOUT):
        return frozenset()  # "problemlos", "beschwerdefrei", "schmerzfrei": the sign denied
    word_stem = stem(word, code)
    whole_stem = word_stem
    if code == "de" and word.startswith("ge") and len(word) > 6:
        # Snowball's German stemmer keeps the participle's "ge-": "gejapst", "geredet"; a noun
        # that starts with "ge" keeps its own stem too ("Gesicht", "Gesichtshälfte").
        word_stem = stem(word[2:], code)
    found = {"INGEST"} if word in INGEST.get(code, ()) else set()
    for name, stems in _class_stems(code).items():
        if word_stem in stems or word in stems or whole_stem in stems:
            found.add(name)
        elif code == "de" and (name in _COMPOUND_HEADS or name in _COMPOUND_MODIFIERS):
            # "Schluckbeschwerden", "Brustschmerzen", "Atemnot": compounds read by their parts.
            for part in stems:
                if len(part) < MIN_PART or part == word_stem:
                    continue
                if (name in _COMPOUND_HEADS and word_stem.endswith(part)) or (
                    name in _COMPOUND_MODIFIERS and word_stem.startswith(part)
                ):
                    found.add(name)
                    break
    return frozenset(found)


@dataclass(frozen=True, slots=True)
class _Word:
    start: int
    end: int
    text: str
    classes: frozenset[str]


def _clauses(text: str) -> Iterator[tuple[int, str]]:
    start = 0
    for found in _CLAUSE_BREAK.finditer(text):
        yield start, text[start : found.start()]
        start = found.end()
    yield start, text[start:]


def _clause_words(offset: int, clause: str, code: str) -> list[_Word]:
    """Return the clause's words with their classes; a verb of being able next to a negation
    becomes CANNOT and takes the negation into its span ("n'arrive plus", "no puedo")."""
    words = [
        _Word(offset + found.start(), offset + found.end(), found.group(0).lower(), frozenset())
        for found in _WORD.finditer(clause)
    ]
    words = [_Word(word.start, word.end, word.text, classes_of(word.text, code)) for word in words]
    cannot = _CANNOT_NEGATIONS.get(code, frozenset())
    for index, word in enumerate(words):
        negatable = word.classes & _NEGATED_CLASSES.keys()
        if not negatable:
            continue
        near = [other for other in words[max(0, index - 2) : index + 3] if other.text in cannot]
        if near:
            words[index] = _Word(
                min(word.start, *(other.start for other in near)),
                max(word.end, *(other.end for other in near)),
                word.text,
                word.classes | {_NEGATED_CLASSES[name] for name in negatable},
            )
    return _denied_verbs(words, code)


# Spanish denies a verb by "no" just before it (a clitic may stand between): "tumbado no
# respiro", "no trago bien la saliva" say the writer cannot, unless a word of difficulty follows
# ("no trago mal": no trouble).
_DIRECT_NEGATION: dict[str, frozenset[str]] = {
    "es": frozenset(_words("no")),
    "fr": frozenset(_words("n ne")),
}
# French closes the negation after the verb: "il n'avale plus sa salive", "ne deglutit pas".
_NEGATION_CLOSE: dict[str, frozenset[str]] = {"fr": frozenset(_words("plus pas"))}
_CLITICS = frozenset(_words("me te le se lo la"))
_DENIABLE = frozenset({"SWALLOW", "BREATHE"})


def _denied_verbs(words: list[_Word], code: str) -> list[_Word]:
    """Return the words with a swallowing or breathing verb under a bare "no" made CANNOT, its
    span taking the "no" in (so the context rules do not read it as denying the mention)."""
    deny = _DIRECT_NEGATION.get(code)
    if not deny:
        return words
    for index, word in enumerate(words):
        if not word.classes & _DENIABLE or "CANNOT" in word.classes:
            continue
        before = words[max(0, index - 2) : index]
        if before and before[-1].text in _CLITICS:
            before = before[:-1]
        elif len(before) == 2:
            before = before[1:]
        if not before or before[-1].text not in deny:
            continue
        after = words[index + 1 : index + 4]
        close = _NEGATION_CLOSE.get(code)
        if close and not (after and after[0].text in close):
            continue
        # "no trago mal", "n'avale pas de travers": no trouble.
        if any("DIFFICULT" in other.classes or other.text == "travers" for other in after):
            continue
        end = after[0].end if close else word.end
        words[index] = _Word(before[-1].start, end, word.text, word.classes | {"CANNOT"})
    return words


# Classes that change meaning with a negation next to them: "no puedo" is CANNOT, "plus la
# force" NO_STRENGTH.
_NEGATED_CLASSES = {
    "ABLE": "CANNOT",
    "STRENGTH": "NO_STRENGTH",
    "ENOUGH": "LACK",
    "RESPOND": "UNRESPONSIVE",
    "EXIT": "NO_EXIT",
}


def find(text: str, code: str) -> list[tuple[str, int, int]]:
    """Return (label, start, end) of every rule met in the accent-folded note."""
    if code not in CLASSES:
        return []
    negations = NEGATIONS.get(code, frozenset())
    found: list[tuple[str, int, int]] = []
    for offset, clause in _clauses(text):
        words = _clause_words(offset, clause, code)
        if not any(word.classes for word in words):
            continue
        spans = [span for rule in RULES for span in _rule_spans(rule, words, negations)]
        # The tightest evidence: a span holding a shorter one of its label gives way to it
        # ("Atembeschwerden und Schluckbeschwerden" is dysphagia by its second word alone).
        found += [
            span
            for span in spans
            if not any(
                other != span
                and other[0] == span[0]
                and span[1] <= other[1]
                and other[2] <= span[2]
                for other in spans
            )
        ]
    return found


def _rule_spans(
    rule: Rule, words: list[_Word], negations: frozenset[str]
) -> list[tuple[str, int, int]]:
    """Return the spans where all of a rule's classes stand within its reach, no negation
    between them (a negation owned by CANNOT is part of the mention, not between)."""
    # Negations a CANNOT word took into its span ("n'arrive plus") are its own; a word that is
    # LACK by itself ("sin") took none and still blocks.
    owned = [
        (word.start, word.end)
        for word in words
        if word.classes & set(_NEGATED_CLASSES.values()) and word.end - word.start > len(word.text)
    ]
    blocking = [
        word.text in negations and not any(start <= word.start < end for start, end in owned)
        for word in words
    ]
    spans = []
    for first, word in enumerate(words):
        if not word.classes & set(rule.classes):
            continue
        needed = set(rule.classes)
        for last in range(first, min(len(words), first + rule.reach + 2)):
            if last > first and blocking[last]:
                break
            needed -= words[last].classes
            if not needed:
                spans.append((rule.label, word.start, words[last].end))
                break
    return spans
