"""Concept slots shared by the four lexicons: patterns built from small word classes per language
rather than from whole phrases, so that a rule reaches every combination of its slots.

Each builder returns patterns in the lexicons' own shape (matched on the accent-folded note,
case-insensitive). The word lists are ours, awaiting clinical review like the lexicons
(docs/red-flags.md). Slots:

- reading or hearing about a symptom (READ x SOURCE or "that"): not having it (spec section 3,
  "Reading or hearing about a symptom is not having it");
- a burden (paperwork, bills, a failing business) that chokes or suffocates the writer, and a
  thrilling spectacle that leaves one breathless: words in another sense (spec section 3, "Words
  used in another sense");
- a family member named and then taken up by a third-person pronoun in the next clause ("my
  father died of lung cancer, he coughed up blood"): another person (spec section 3, "Who is
  writing");
- CHOKE x FOOD/DRINK in one clause, in any order ("je m'étrangle chaque fois que je bois"):
  choking on food or drink (spec section 3 table, choking).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lems_companion.triage.lexicon import Cue

Figurative = tuple[frozenset[str] | None, str]

# Verbs of reading or hearing, the sources, and the word introducing what was read.
_READ = {
    "en": r"(?:read|reading|heard|hearing|learnt|learned|googled|saw online)",
    "es": r"(?:lei|leido|leyendo|lee|escuche|oi|oido|vi en (?:un|el|la|internet))",
    "fr": r"(?:lu|lire|lis|lisais|entendu|appris)",
    "de": r"(?:gelesen|gehort|gehoert|lese|las|liest|erfahren)",
}
_SOURCE = {
    "en": r"(?:forums?|online|internet|website|facebook|support group|leaflet|article|google|"
    r"reddit|podcast)",
    "es": r"(?:foros?|internet|pagina|web|grupo de|facebook|folleto|articulo|google)",
    "fr": r"(?:forums?|internet|site|groupe|facebook|brochure|notice|article|google)",
    "de": r"(?:forum|internet|google|facebook|gruppe|brosch(?:u|ue)re|beipackzettel|artikel|"
    r"webseite|selbsthilfegruppe)",
}
# German "gehört, dass ich nachts nach Luft ringe" is told about the writer: not reading about it.
_THAT = {"en": r"that\b", "es": r"que\b", "fr": r"(?:que\b|qu')", "de": r"dass\b(?!\s+ich\b)"}

# Burdens that "choke" the writer, and the verbs; the writer as object where the language
# needs one (so "at work I choked on a sandwich" is not caught).
_BURDEN_CHOKES = {
    "es": r"\b(?:papeleo|papeles|facturas|deudas|hipoteca|impuestos|burocracia|tramites)\b"
    r"[^.;!?,]{0,25}\b(?:me|nos)\s+(?:esta\w*\s+|va\w*\s+a\s+)?(?:ahog|asfixi)\w*|"
    r"\b(?:me|nos)\s+ahog\w*\s+en\s+(?:\w+\s+)?(?:papeles|papeleo|deudas|facturas|tramites|"
    r"trabajo|burocracia)\b",
    "fr": r"\b(?:paperasse|papiers|factures|dettes|impots|credit|administration|formulaires)\b"
    r"[^.;!?,]{0,25}\b(?:m'|nous\s+|me\s+)(?:etouff|etrangl|asphyxi)\w*|"
    r"\b(?:entreprise|societe|boite|commerce|economie|pays|gouvernement|club|equipe|"
    r"association|projet|budget|systeme|hopital)\b[^.;!?,]{0,25}\ba bout de souffle\b",
    "de": r"\b(?:papierkram|b(?:u|ue)rokratie|formular\w*|rechnung\w*|schulden|steuer\w*|"
    r"antr(?:a|ae)ge?)\b[^.;!?,]{0,25}\b(?:erstick|erdr(?:u|ue)ck|erw(?:u|ue)rg)\w*\s+"
    r"(?:mich|uns)\b|\berstick\w*\s+(?:noch\s+)?in\s+(?:\w+\s+)?(?:papierkram|arbeit|"
    r"formular\w*|rechnungen|b(?:u|ue)rokratie|akten)\b",
}

# Watching something thrilling: "breathless watching the final".
_WATCH = {
    "en": r"(?:watching|watched|watch)",
    "es": r"(?:viendo|ver|mirando|vi)",
    "fr": r"(?:en regardant|regarde\w*|vu)",
    "de": r"(?:zuschauen|zugeschaut|angeschaut|geguckt|gucken|schauen|anschauen|beim)",
}
_SPECTACLE = {
    "en": r"(?:final|match|game|penalt\w*|shoot-?out|thriller|derby|race|fight)",
    "es": r"(?:final|partido|partidazo|penaltis|penales|derbi|clasico|carrera|pelicula de miedo)",
    "fr": r"(?:finale|match|penalty|penaltys|tirs au but|thriller|derby|course)",
    "de": r"(?:finale|endspiel|spiel|elfmeter\w*|krimi|derby|rennen)",
}

# The closing minutes of a match, when a team "chokes" ("Spurs choked again in the last minute",
# "el Betis se ahogó en los últimos minutos"): sport, not choking, unless food or drink is named.
_MATCH_TIME = {
    "en": r"(?:in|at) the (?:last|final|dying|closing) (?:few )?minutes?|injury time|"
    r"stoppage time|added time|extra time|the second half|the play-?offs?",
    "es": r"(?:en )?(?:el|los) (?:ultimos?|minutos? finales?)(?: \w+)? minutos?|"
    r"(?:tiempo de )?descuento|la prorroga|el segundo tiempo|la segunda parte",
    "fr": r"(?:dans|a) (?:la|les) dernieres? minutes?|arrets de jeu|temps additionnel|"
    r"(?:les )?prolongations?|la deuxieme mi-temps",
    "de": r"in der letzten minute|in den letzten minuten|in der schlussphase|nachspielzeit|"
    r"verlangerung|zweiten halbzeit",
}
# Food, drink and eating, for the guards below (not the verbs of swallowing, which the idioms
# use: "no trago a mi jefe").
_FOOD_OR_DRINK = {
    "en": r"(?:food|drink\w*|eat\w*|water|tea|coffee|saliva|spit|pills?|tablets?|bread|meat|"
    r"soup|crumbs?|mouthful|bite)",
    "es": r"(?:comida|com(?:er|e|es|emos|en|iendo|ia|i|io)|beb\w+|agua|cafe|sopa|caldo|leche|"
    r"vaso|sorbo|bocado|saliva|pastillas?|comprimidos?|pan|carne|pollo|cena|almuerzo|desayuno|"
    r"pipas?|aceitunas?|cacahuetes?|frutos secos|caramelos?|chicle|uvas?|espinas?|huesos?|"
    r"galletas?|patatas?|arroz|pescado|fruta|bocadillo|tortilla|cerveza|vino|refresco|zumo)",
    "fr": r"(?:bois|boire|buvant|bu|buvais|mange\w*|repas|eau|the|cafe|soupe|lait|verre|gorgee|"
    r"bouchee|salive|aliments?|nourriture|diner|dejeuner|comprimes?|cachets?|pain|viande)",
    "de": r"(?:essen|esse|isst|trinken|trinke|getr(?:a|ae)nk\w*|wasser|kaffee|tee|suppe|schluck|"
    r"bissen|speichel|tabletten?|brot|fleisch|mahlzeit\w*|mittagessen|abendessen|"
    r"fr(?:u|ue)hst(?:u|ue)ck)",
}


def unless_food(code: str, pattern: str) -> str:
    """Return the pattern made to match only a sentence that names no food or drink: a team, a
    match or a machine "chokes", but choking on water during a match is choking (spec section 3,
    "Words used in another sense")."""
    return rf"^(?![^.;!?]*\b{_FOOD_OR_DRINK[code]}\b)[^.;!?]*?(?:{pattern})"


# Someone on screen, in a series or a film ("en la serie un chico tuvo una convulsión", "im Krimi
# hatte einer einen Krampfanfall"): seeing a symptom acted is not having it (spec section 3).
_SCREEN = {
    "en": r"(?:(?:in|on) (?:the|a|that|this) (?:series|film|movie|show|programme|program|"
    r"documentary|soap|episode|drama)|on (?:tv|telly|the telly|the tv))",
    "es": r"(?:en (?:la|una|el|un|esa|ese) (?:serie|pelicula|peli|telenovela|novela|documental|"
    r"programa|episodio|capitulo)|en la tele)",
    "fr": r"(?:dans (?:la|une|le|un|cette|ce) (?:serie|film|feuilleton|documentaire|emission|"
    r"episode|telefilm)|a la tele)",
    "de": r"(?:im (?:film|krimi|tatort|fernsehen|tv|fernsehfilm)|in (?:der|einer) (?:serie|"
    r"sendung|folge|doku\w*)|in (?:dem|einem) (?:film|krimi))",
}
# Someone other than the writer, as such a scene's subject.
_SOMEONE = {
    "en": r"(?:someone|somebody|a (?:man|woman|guy|girl|boy|kid|character|patient|lady|bloke)|"
    r"the (?:hero|heroine|character|detective|doctor|villain))",
    "es": r"(?:alguien|un (?:chico|hombre|senor|personaje|actor|tipo|nino|paciente|chaval)|"
    r"una (?:chica|mujer|senora|actriz|nina|paciente)|el (?:protagonista|personaje)|"
    r"la (?:protagonista))",
    "fr": r"(?:quelqu'un|un (?:type|homme|gars|personnage|acteur|garcon|patient|monsieur)|"
    r"une (?:femme|fille|actrice|patiente|dame)|le (?:heros|personnage|commissaire))",
    "de": r"(?:einer|jemand|ein (?:mann|junge|typ|kommissar|patient|schauspieler)|"
    r"eine (?:frau|patientin|schauspielerin)|der (?:kommissar|held)|die (?:kommissarin|heldin))",
}

_HAD = {
    "en": r"(?:had|was having|has|collapsed|choked)",
    "es": r"(?:tuvo|tenia|le dio|se ahogo|se desmayo)",
    "fr": r"(?:a eu|avait|a fait|faisait|s'est)",
    "de": r"(?:hatte|hat|bekam|ist)",
}

# Seeing a bill or a price: "sin aliento al ver la factura".
_SIGHT = {
    "en": r"(?:seeing|saw|at|when i saw|opened)",
    "es": r"(?:al ver|viendo|vi|cuando vi)",
    "fr": r"(?:en voyant|vu|devant|quand j'ai vu)",
    "de": r"(?:beim anblick|als ich|sah|gesehen)",
}
_BILL = {
    "en": r"(?:the|that|my|our)\s+(?:bill|price|invoice|energy bill|receipt)",
    "es": r"(?:la|el|esa|ese)\s+(?:factura|precio|cuenta|recibo)",
    "fr": r"(?:la|le|cette|ce)\s+(?:facture|prix|note|addition)",
    "de": r"(?:der|die|den|diese)\s+(?:\w*rechnung|\w*preis|\w*abrechnung)",
}
# A price or a bill, named anywhere in the sentence.
_PRICE = {
    "en": r"\b(?:bill|invoice|price)\b",
    "es": r"\b(?:factura|precio|recibo)\b",
    "fr": r"\b(?:facture|prix|addition)\b",
    "de": r"\b(?:\w*rechnung|preis\w*|\w*preis)\b",
}
# A bitter swallow in another sense ("un trago amargo", "eine bittere Pille").
_SWALLOW_IDIOM = {
    "es": r"\btrago amargo\b|\b(?:dificil|duro) de tragar\b|\btragarme(?:lo|la)\b",
    "fr": r"\b(?:dure?|difficile) a (?:avaler|digerer)\b|\bpilule amere\b",
    "de": r"\bbittere pille\b|\bschwer (?:zu )?verdaulich\b",
}

# Third-person subject pronouns and possessives of the writer, for a family member taken up by
# a pronoun in the next clause.
PRONOUN = {
    "en": r"(?:he|she)",
    # Folded "él" is spelt as the article "el" ("comí con mi hija en el bar"): "el" is the
    # pronoun only before a clitic, a negation or an adverb, or alone before a stop.
    "es": r"(?:ella|el(?=\s+(?:se|le|les|lo|la|me|no|ya|tambien|tampoco|nunca|siempre|solo|casi|"
    r"apenas|dice|dijo|tiene|tenia|tuvo|esta|estaba|estuvo|sigue|seguia|ha|habia|puede|podia|pudo|"
    r"tose|tosia|tosio)\b|\s*[,.;!?]))",
    "fr": r"(?:il|elle)",
    "de": r"(?:er|sie)",
}
# Kinship words used as a name, with no possessive ("J'ai pensé à papa, il avait maigri").
BARE_KIN = {
    "en": r"(?:dad|mum|mom|grandad|grandma|nan|nana)",
    "es": r"(?:papa|mama|abuelita|abuelito|yaya|yayo)",
    "fr": r"(?:papa|maman|mamie|papi|papy|mami|pepe|meme)",
    "de": r"(?:papa|mama|vati|mutti|oma|opa)",
}
POSSESSIVE = {
    "en": r"(?:my|our)",
    "es": r"(?:mi|mis|nuestr[oa]s?)",
    "fr": r"(?:mon|ma|mes|notre|nos)",
    "de": r"(?:mein\w*|unser\w*)",
}

# "...and me too" after another person's symptom makes it the writer's own as well (spec section
# 3, "Who is writing": the other-person rule reaches only the words it governs). The words close
# their clause: "y yo también estoy cansado" says something else.
ME_TOO = {
    "en": r"(?:(?:and|but)\s+)?(?:so\s+(?:do|did|have|am|was|can't|cant)\s+i|me\s+too|"
    r"i\s+(?:do|did|have|am)\s+too|same\s+(?:here|for\s+me|with\s+me)|as\s+(?:do|did|have)\s+i|and\s+i\s+"
    r"(?:do|did)|i\s+(?:do|did|have)\s+as\s+well|me\s+as\s+well)",
    "es": r"(?:(?:y|pero)\s+)?(?:a\s+mi\s+(?:tambien|igual|me\s+pasa\s+(?:lo\s+mismo|igual))|"
    r"yo\s+(?:tambien|igual|lo\s+mismo)|"
    r"(?:a\s+mi\s+)?me\s+pasa\s+(?:lo\s+mismo|igual))",
    "fr": r"(?:(?:et|mais)\s+)?(?:moi\s+(?:aussi|de\s+meme|pareil|itou|egalement)|pareil\s+pour\s+"
    r"moi|(?:c'est\s+)?la\s+meme\s+chose\s+pour\s+moi)",
    "de": r"(?:(?:und|aber)\s+)?(?:ich\s+(?:auch|ebenfalls|genauso|ebenso)|mir\s+(?:auch|"
    r"ebenfalls|genauso|ebenso)(?:\s+so)?|bei\s+mir\s+(?:auch|genauso|ebenso)|mich\s+auch|"
    r"(?:mir\s+)?geht(?:'s|\s+es)\s+(?:mir\s+)?genauso)",
}


# Choking verbs that also mean "suffocate" (so need food or drink to be choking), and what is
# eaten or drunk.
_CHOKE = {
    # "Atorar" (Mexico) chokes the person ("me atoré con un trozo de pollo"), but food that
    # "se me atora" is food sticking: dysphagia.
    "es": r"(?:\b(?:me|se|te|le)\s+(?:(?:he|ha|has|habia)\s+)?(?:ahog|atragant)\w*|"
    r"(?<!\bse )\b(?:me|se|te|le)\s+(?:(?:he|ha|has|habia)\s+)?ator\w*)",
    "fr": r"\b(?:m'|s'|t'|me\s+|se\s+)(?:etrangl|etouff)\w*",
    "de": r"\b(?:erstick|verschluck)\w*",
}
_INGEST = {
    # Forms of "comer", not every "com-" word; "como" is "as" before "siempre", "si", "un"...
    # ("se ahogó en los últimos minutos, como siempre").
    "es": r"(?:com(?:er|e|es|emos|en|iendo|ia|ias|iamos|ian|i|io|ida|idas)\b|como\b(?!\s+"
    r"(?:siempre|de costumbre|si|nunca|antes|cada|un|una|el|la|los|las|que|yo|tu)\b)|beb\w+|"
    r"trag\w+|agua|cafe|sopa|caldo|leche|vaso|sorbo|bocado|saliva|pastillas?|comprimidos?|pan|"
    r"carne|pedazo|trozo|cacho|migas?|espina|pollo|pescado)",
    "fr": r"(?:bois|boire|buvant|bu|buvais|mange\w*|repas|eau|the|cafe|soupe|lait|verre|gorgee|"
    r"bouchee|salive|aliments?|nourriture|diner|dejeuner|comprimes?|cachets?|pain|viande|"
    r"morceau|arete|miettes?)",
    "de": r"(?:essen|trinken|getr(?:a|ae)nk\w*|wasser|kaffee|tee|suppe|schluck|bissen|speichel|"
    r"tabletten?|brot|fleisch|mahlzeit\w*|mittagessen|abendessen|fr(?:u|ue)hst(?:u|ue)ck|"
    r"st(?:u|ue)ck|gr(?:a|ae)te|kr(?:u|ue)mel)",
}
# What may stand between the two slots: no sentence end, no negation.
_NEGATION = {
    "es": r"no|ni|sin|nunca|tampoco",
    "fr": r"pas|plus|sans|jamais|ni|aucune?",
    "de": r"nicht|kein\w*|nie|ohne|weder",
}


_CONTRAST = {"es": r"pero|aunque|sino"}


def figurative(code: str) -> tuple[Figurative, ...]:
    """Return the language's slot-built patterns of words in another sense (spec section 3)."""
    read = _READ[code]
    patterns: list[Figurative] = [
        # Spec section 3: reading or hearing about a symptom is not having it.
        (
            None,
            rf"\b{read}\b[^.;!?]{{0,40}}\b(?:{_SOURCE[code]}\b|{_THAT[code]})|"
            rf"\b{_SOURCE[code]}\b[^.;!?]{{0,40}}\b{read}\b",
        ),
        # Spec section 3, "Words used in another sense": breathless watching a thrilling match.
        (
            frozenset({"DYSPNEA"}),
            rf"\b{_WATCH[code]}\b[^.;!?]{{0,30}}\b{_SPECTACLE[code]}\b",
        ),
    ]
    patterns.append(
        # Spec section 3, "Words used in another sense": the bill that took one's breath away,
        # seen, or named with the breath in one sentence ("sin aliento con la factura", "beim
        # Preis vom Geschenk ist mir die Luft weggeblieben").
        (frozenset({"DYSPNEA"}), rf"\b{_SIGHT[code]}\s+{_BILL[code]}\b|{_PRICE[code]}")
    )
    # Spec section 3, "Words used in another sense": a team that chokes late in a match; never
    # when the sentence names food or drink ("choked on my tea in injury time").
    patterns.append(
        (frozenset({"CHOKING", "DYSPNEA"}), unless_food(code, rf"\b(?:{_MATCH_TIME[code]})\b"))
    )
    # Spec section 3: a symptom seen on screen, had by someone in the story, is not the writer's.
    patterns.append((None, rf"\b{_SCREEN[code]}\b[^.;!?]{{0,30}}?\b{_SOMEONE[code]}\b"))
    # ... and someone in what the writer watched had it ("Watched Casualty, someone had a fit").
    patterns.append(
        (None, rf"\b{_WATCH[code]}\b[^.;!?]{{0,30}}?\b{_SOMEONE[code]}\s+{_HAD[code]}\b")
    )
    if code in _SWALLOW_IDIOM:
        # Spec section 3: "a hard pill to swallow" in the language's own words.
        patterns.append((frozenset({"DYSPHAGIA"}), _SWALLOW_IDIOM[code]))
    if code in _BURDEN_CHOKES:
        # Spec section 3, "Words used in another sense": a burden that chokes the writer.
        patterns.append((frozenset({"CHOKING", "DYSPNEA"}), _BURDEN_CHOKES[code]))
    return tuple(patterns)


def choking_while_ingesting(code: str) -> tuple[str, ...]:
    """Return CHOKE x FOOD/DRINK patterns in one clause, either order, with no negation or
    sentence end between (spec section 3 table, choking: on food, drink or saliva)."""
    if code not in _CHOKE:
        return ()
    # Nor a contrast: "Mi madre no se ha ahogado, pero yo me atraganté con el pan" is two
    # clauses, each with its own subject (spec section 3: the rules reach only their words).
    stops = _NEGATION[code] + (f"|{_CONTRAST[code]}" if code in _CONTRAST else "")
    gap = rf"(?:(?!\b(?:{stops})\b)[^.;!?\n]){{0,40}}?"
    choke, ingest = _CHOKE[code], _INGEST[code]
    return (rf"{choke}{gap}\b{ingest}\b", rf"\b{ingest}\b{gap}{choke}")


# Coughing and blood in one clause, either order ("he tosido sangre", "Blut abgehustet").
_COUGH = {
    "es": r"(?:tos\w*|escup\w*|expector\w*|gargaj\w*)",
    "fr": r"(?:tou(?:x|ss)\w*|crach\w*|expector\w*)",
    "de": r"(?:\w*hust\w*|\w*spuck\w*|auswurf)",
}
_BLOOD = {
    "es": r"(?:sangre|sanguinolent\w*|con sangre|hilillos? rojos?)",
    # Not a bare "rouge": a face gone red with coughing ("tout rouge à force de tousser").
    "fr": r"(?:sang|sanglant\w*|sanguinolent\w*)",
    "de": r"(?:\w*blut\w*)",
}


def coughing_blood(code: str) -> tuple[str, ...]:
    """Return COUGH x BLOOD patterns in one clause, either order, with no negation or sentence
    end between (spec section 3 table, persistent_cough: coughing up blood)."""
    if code not in _COUGH:
        return ()
    gap = rf"(?:(?!\b(?:{_NEGATION[code]})\b)[^.;!?,\n]){{0,25}}?"
    cough, blood = _COUGH[code], _BLOOD[code]
    return (rf"\b{cough}{gap}\b{blood}\b", rf"\b{blood}{gap}\b{cough}\b")


# A diet that is denied ("no está haciendo ninguna dieta", "er macht keine Diät"): the loss is
# not intended (spec section 3, intended weight loss).
_DIET = {
    "en": r"(?:diet\w*|slimming|trying to lose|intentional\w*|deliberate\w*|on purpose)",
    "es": r"(?:dieta|regimen|adelgazar|voluntari\w*|intencional\w*|a proposito|queriendo)",
    "fr": r"(?:regime|diete|maigrir|volontaire\w*|voulu\w*|expres)",
    "de": r"(?:di(?:a|ae)t|abnehmen wollen|fasten|gewollt|absichtlich|beabsichtigt)",
}
_DIET_NEGATION = {
    "en": r"not|no|never|without|isn'?t|aren'?t|wasn'?t|n't",
    "es": r"no|ni|ninguna|sin|nunca",
    "fr": r"pas|aucun|sans|jamais|ni|non",
    "de": r"kein\w*|nicht|ohne|nie",
}


# A diet asked about and answered no ("dieting? no.", "¿dieta? no", "Diät? nein"): spec section 3,
# a question answered in the note is negated.
_ANSWER_NO = {
    "en": r"(?:no|nope|never|not at all)",
    "es": r"(?:no|nada|para nada|nunca)",
    "fr": r"(?:non|pas du tout|jamais|aucun)",
    "de": r"(?:nein|no|noe|keine|nie)",
}


def denied_diet(code: str) -> str:
    """Return the pattern of a denied diet in the language (spec section 3)."""
    return (
        rf"\b(?:{_DIET_NEGATION[code]})\s+(?:[\w'-]+\s+){{0,3}}?{_DIET[code]}\b|"
        rf"\b{_DIET[code]}\s*\?+\s*{_ANSWER_NO[code]}\b"
    )


# Clothes that have become too loose: weight lost (spec section 3 table, weight_loss).
_CLOTHES = {
    "en": r"(?:clothes|trousers|jeans|belt|rings?|dress\w*|skirts?|shirts?|collars?|waistband)",
    "es": r"(?:ropa|pantalon\w*|faldas?|cinturon|anillos?|vestidos?|camisas?|alianza)",
    "fr": r"(?:pantalons?|vetements?|habits|jupes?|ceinture|bagues?|alliance|chemises?|jeans?)",
    "de": r"(?:hose\w*|kleid\w*|r(?:o|oe)cke?|g(?:u|ue)rtel|ringe?|hemd\w*|jeans|bund|kragen|"
    r"klamotten|sachen|pulli\w*|shirts?)",
}
_LOOSE = {
    "en": r"(?:hanging off|hangs off|loose|looser|too big|falling down|fall down|baggy|notch\w*|"
    r"holes? tighter)",
    "es": r"(?:grandes?|holgad\w*|se (?:me |le )?caen?|bailan?|flojos?|flojas?|agujeros?)",
    "fr": r"(?:tombent|tombe|flottent|flotte|trop grands?|trop larges?|baillent|crans?|trous?)",
    "de": r"(?:rutsch\w*|zu gro(?:ss|ß)|zu weit|weiter|schlabber\w*|schlacker\w*|schlotter\w*|"
    r"h(?:a|ae)ngt|enger|l(?:o|oe)ch\w*)",
}


# What is loose, named before the clothes: falling down, or a new hole in the belt ("se me caen
# los pantalones", "otro agujero al cinturón"); not "loose" itself ("I wear loose clothes").
_LOOSE_FIRST = {
    "en": r"(?:falling down|falls down|(?:new|another|extra) (?:hole|notch))",
    "es": r"(?:se (?:me |le )?caen?|(?:otro|nuevo) agujero)",
    "fr": r"(?:(?:me |lui )?tombent|(?:un autre|un nouveau) (?:trou|cran))",
    "de": r"(?:rutsch\w*|(?:neues|weiteres|noch ein) loch)",
}


def clothes_loose(code: str) -> tuple[str, ...]:
    """Return the CLOTHES x LOOSE patterns of the language, in one clause, either order (spec
    section 3 table, weight_loss: "clothes hanging off")."""
    return (
        rf"\b{_CLOTHES[code]}\b(?:[^.;!?,\n]){{0,30}}?\b{_LOOSE[code]}",
        rf"\b{_LOOSE_FIRST[code]}\b(?:[^.;!?,\n]){{0,30}}?\b{_CLOTHES[code]}\b",
    )


# Swallowing a mouthful several times over (spec section 3 table, dysphagia: needing several
# swallows): "avaler trois ou quatre fois chaque bouchée", "tragar dos o tres veces".
_SWALLOW_VERB = {
    "en": r"swallow\w*",
    "es": r"trag\w*",
    "fr": r"aval\w*",
    "de": r"schluck\w*",
}
_SEVERAL = {
    "en": r"(?:two|three|four|several|\d+)(?:\s+or\s+(?:three|four|five|\d+))?\s+times",
    "es": r"(?:dos|tres|cuatro|varias|\d+)(?:\s+o\s+(?:tres|cuatro|cinco|\d+))?\s+veces",
    "fr": r"(?:deux|trois|quatre|plusieurs|\d+)(?:\s+ou\s+(?:trois|quatre|cinq|\d+))?\s+fois",
    "de": r"(?:zwei|drei|vier|mehrere|\d+)(?:\s*(?:oder|bis)\s*(?:drei|vier|f(?:u|ue)nf|\d+))?"
    r"\s*(?:mal|male)",
}


def several_swallows(code: str) -> tuple[str, ...]:
    """Return the language's patterns of swallowing several times over, either order."""
    verb, several = _SWALLOW_VERB[code], _SEVERAL[code]
    # Not "avalé de travers deux fois", "swallowed wrong twice": choking, told twice.
    gap = r"(?:(?!(?:travers|wrong|mal|falsch)\b)\w+\s+){0,2}?"
    return (
        rf"\b{verb}\s+{gap}{several}\b",
        rf"\b{several}\s+{gap}{verb}\b",
    )


# Recovering within minutes, counted however: "eine Minute später wieder gut", "au bout de deux
# minutes", "a los pocos minutos" (spec section 3, a benign cause with quick recovery).
_FEW = {
    "en": r"(?:a|one|two|three|a few|a couple of|few|\d+)",
    "es": r"(?:un|una|unos|unas|pocos|dos|tres|cinco|\d+)",
    "fr": r"(?:une|deux|trois|quelques|\d+)",
    "de": r"(?:eine|einer|ein paar|zwei|drei|wenige\w*|\d+)",
}
_SECONDS = {
    "en": r"(?:seconds?|secs?|minutes?|mins?|moments?)",
    "es": r"(?:segundos?|minutos?|min|momentos?)",
    "fr": r"(?:secondes?|minutes?|min|instants?)",
    "de": r"(?:sekunden?|minuten?|min|augenblick\w*)",
}
_LATER = {
    "en": r"(?:later)",
    "es": r"(?:despues|mas tarde)",
    "fr": r"(?:apres|plus tard)",
    "de": r"(?:sp(?:a|ae)ter|danach)",
}
_WITHIN = {
    "en": r"(?:within|after)",
    "es": r"(?:al cabo de|tras|despues de|en|a los|a las)",
    "fr": r"(?:au bout d'|au bout de|apres|en)",
    "de": r"(?:nach|innerhalb von|binnen)",
}
# Running, for a bus or a train: a benign cause of breathlessness.
_RUN = {
    "en": r"(?:ran|run|running|sprint\w*|jog\w*|rush\w*|dash\w*)\s+(?:\w+\s+){0,2}?(?:for|to|"
    r"after|up)\b",
    "es": r"(?:corri\w*|correr|corriendo)\s+(?:\w+\s+){0,2}?(?:para|a|al|tras|detras|hasta)\b",
    "fr": r"(?:couru|courir|cours|courant)\s+(?:\w+\s+){0,2}?(?:pour|apres|jusqu'|vers|a)\b",
    "de": r"(?:gerannt|rennen|renne|gelaufen|gesprintet|gesp(?:u|ue)rtet|gejoggt)\b",
}


# Fine as soon as one sat down: "al sentarme ya estaba bien", "bien une fois assise", "im
# Sitzen wieder gut" (the benign cause is still needed beside it).
_SAT_DOWN = {
    "en": r"\b{fine}\s+(?:again\s+)?(?:by the time|once|as soon as)\s+"
    r"(?:i|he|she)\s+(?:sat|stopped)\b",
    "es": r"\bal\s+(?:sentarme|sentarse|sentarnos|pararme|pararse|parar)\s+"
    r"(?:\w+\s+){{0,2}}?{fine}\b",
    "fr": r"\b{fine}\s+(?:\w+\s+)?(?:une fois|des que|quand)\s+(?:je me suis\s+|il s'est\s+|"
    r"elle s'est\s+)?(?:assise?|assis|arrete\w*)\b",
    "de": r"\b(?:im sitzen|beim hinsetzen|nach dem hinsetzen)\s+(?:\w+\s+){{0,2}}?{fine}\b",
}


# "Then fine" after a few minutes of it: "puffed for a minute then fine", "essoufflé une minute
# puis ça allait", "una minuto y luego bien", "eine Minute, dann wieder gut".
_THEN = {
    "en": r"(?:then|and then|after that)",
    "es": r"(?:y luego|luego|y despues|despues|y ya)",
    "fr": r"(?:puis|et puis|ensuite|apres)",
    "de": r"(?:dann|danach|und dann)",
}
_FINE = {
    "en": r"(?:fine|ok|okay|better|normal|all right|alright|back to normal)",
    "es": r"(?:bien|normal|mejor|como nuevo|como nueva)",
    "fr": r"(?:bien|mieux|normal|(?:ca|c'|tout)\s*(?:allait|va|etait bon|est passe|passe))",
    "de": r"(?:gut|ok|okay|besser|normal|vorbei|weg)",
}


def quick_recovery(code: str) -> tuple[str, ...]:
    """Return the language's patterns of a recovery within minutes (spec section 3)."""
    few, seconds = _FEW[code], _SECONDS[code]
    return (
        rf"\b{few}\s+{seconds}\s+{_LATER[code]}\b",
        rf"\b{_WITHIN[code]}\s*{few}\s+{seconds}\b",
        rf"\b{few}\s+{seconds}\s*,?\s*{_THEN[code]}\s+(?:\w+\s+){{0,2}}?{_FINE[code]}\b",
        _SAT_DOWN[code].format(fine=_FINE[code]),
    )


# A hot room: heat makes anyone short of breath for a moment (spec section 3, "an expected,
# benign cause stated with quick recovery"); the quick recovery is still needed.
_HOT_ROOM = {
    "en": r"(?:sauna|steam room|hammam|hot tub|jacuzzi)",
    "es": r"(?:sauna|bano turco|hammam|jacuzzi)",
    "fr": r"(?:sauna|hammam|bain de vapeur|jacuzzi)",
    "de": r"(?:sauna|dampfbad|hammam|whirlpool)",
}


def hot_room(code: str) -> tuple[str, ...]:
    """Return the language's pattern of a sauna or steam room, a benign cause of breathlessness."""
    return (rf"\b{_HOT_ROOM[code]}\b",)


def running_for(code: str) -> tuple[str, ...]:
    """Return the language's patterns of running somewhere: a benign cause of breathlessness
    (spec section 3, "breathless after sprinting, fine a minute later")."""
    return (rf"\b{_RUN[code]}",)


# "Not without" states the thing: "nicht ohne mehrmaliges Nachschlucken" (spec section 3,
# negation reaches only what it governs).
_DOUBLE_NEGATION = {
    "en": r"\bnot\s+without\b|\bcan'?t\s+\w+\s+(?:\w+\s+)?without\b",
    "es": r"\bno\s+(?:\w+\s+){0,3}?sin\b",
    "fr": r"\bpas\s+sans\b|\bne\s+\w+\s+(?:\w+\s+){0,2}?(?:pas|plus)\s+sans\b",
    "de": r"\bnicht\s+ohne\b|\bkein\w*\s+\w+\s+ohne\b",
}


# Words that hold a negation but deny no symptom: speech that "made no sense" is itself a
# stroke sign, and Spanish "sin más" is "out of the blue" (spec section 3, the reach of negation).
NOT_A_NEGATION = {
    "en": r"\bmade no sense\b|\bmaking no sense\b|\bno sense\b",
    "es": r"\bsin mas\b|\bno tenian? (?:ningun )?sentido\b|\bsin sentido\b",
    "fr": r"\bn'(?:avai(?:en)?t|ont|a) (?:aucun|pas de) sens\b|\bsans queue ni tete\b",
    "de": r"\bkeinen sinn\b|\bohne sinn\b|\bnichts verstanden\b",
}


def double_negation(code: str) -> str:
    """Return the language's "not without" pattern, a PSEUDO cue (spec section 3)."""
    return f"{_DOUBLE_NEGATION[code]}|{NOT_A_NEGATION[code]}"


# A question about people in general ("Bekommt man bei LEMS oft Schluckbeschwerden?"): a general
# question, not the writer's symptom (spec section 3, "hypothetical or a question").
GENERIC_SUBJECT = {
    "en": r"\b(?:people|patients|anyone|someone|one)\b",
    "es": r"\b(?:uno|la gente|los pacientes|alguien|se suele|se puede)\b",
    "fr": r"\b(?:on|les gens|les patients|quelqu'un)\b",
    "de": r"\b(?:man|leute|patienten|jemand)\b",
}


# Determiners before a person at the start of a sentence ("Le voisin ...", "Mi hermano ...").
DETERMINER = {
    "en": r"(?:my|our|the|a|his|her|their)",
    # Spanish puts the person who suffers in the dative: "Al vecino le dio un infarto".
    "es": r"(?:al|(?:a\s+)?(?:mi|mis|nuestr[oa]s?|el|la|los|las|un|una|su|sus))",
    "fr": r"(?:mon|ma|mes|notre|nos|le|la|les|l'|un|une|son|sa|ses)",
    "de": r"(?:mein\w*|unser\w*|der|die|das|ein\w*|sein\w*|ihr\w*)",
}
# Reported speech ("Mi hermana dice que ... hablo arrastrando"): what is reported may be about
# the writer, so the sentence's subject does not decide whose symptom it is (spec section 3).
REPORTED = {
    "en": r"\b(?:says?|said|thinks?|thought|noticed|reckons?|told me|tells me)\b",
    "es": r"\b(?:dice|dicen|dijo|dijeron|nota|noto|cree|piensa|me dice|me dijo)\b",
    "fr": r"\b(?:dit|disent|trouve|trouvent|remarque|pense|pensent|a remarque|m'a dit)\b",
    "de": r"\b(?:sagt|sagen|sagte|meint|meinte|findet|fand|bemerkt|merkt)\b",
}


# What is reported is about the speaker when a third-person word opens it, matched where the
# reporting verb ends ("Mi vecino dice que le cuesta tragar", "Mon voisin dit qu'il a du mal à
# avaler"): then the sentence's subject decides whose symptom it is.
REPORTED_ABOUT_THEM = {
    "en": r"\s*(?:that\s+)?(?:he|she|his|her|they|their)\b",
    "es": r"\s*(?:que\s+)?(?:(?:a\s+)?(?:el|ella)\s+)?(?:le|les|se le|se les|su|sus|el|ella)\b",
    "fr": r"\s*(?:qu'|que\s+)?(?:il|elle|ils|elles|lui|son|sa|ses)\b",
    "de": r"\s*,?\s*(?:dass\s+)?(?:er|sie|ihm|ihr|sein\w*|ihre?\w*)\b",
}

# English red-flag words inside a Spanish, French or German note ("en la cena I choked con el
# arroz"): people who live between two languages mix them (spec section 3, "Languages").
ENGLISH_LOANWORDS = {
    "CHOKING": (r"\bchok(?:e|ed|es|ing)\b",),
    "DYSPNEA": (r"\b(?:short of breath|breathless|can'?t breathe|couldn'?t breathe)\b",),
    # "me dio un chest pain bien fuerte": its severity is read in the note's own language.
    "CHEST_PAIN": (r"\bchest (?:pains?|tightness)\b",),
}


def loanwords(code: str, label: str) -> tuple[str, ...]:
    """Return the English red-flag words of a label for a note in another language."""
    return () if code == "en" else ENGLISH_LOANWORDS.get(label, ())


# A comma and a pronoun open a new clause with its own verb ("Pas de fièvre, j'avale mal", "Sin
# fiebre, me cuesta tragar", "Kein Fieber, mir bleibt das Essen stecken"): a negation before
# the comma does not reach into it (spec section 3, "the reach of negation").
NEW_CLAUSE = {
    "es": r",\s*(?:y\s+)?(?:se me|se le|me|yo|nos)\b",
    "fr": r",\s*(?:et\s+)?(?:je\b|j'|moi\b|on\b|ca\b|ça\b)",
    "de": r",\s*(?:und\s+)?(?:ich|mir|mich|es|das)\b",
}


# Negations right before a word of severity: "non irradiante", "keine Ausstrahlung", "kein
# Schweiß", "sin sudor", "no sweating" deny the sign (fixed width, for a lookbehind each).
_DENIED = {
    "en": ("no ", "not ", "nor ", "without ", "never "),
    "es": ("no ", "ni ", "sin ", "ningun ", "ninguna ", "nada de "),
    "fr": ("non ", "ni ", "sans ", "pas de ", "pas d'", "aucune ", "aucun ", "pas "),
    "de": ("kein ", "keine ", "keinen ", "ohne ", "nicht ", "weder "),
}


def severity_unless_denied(cues: tuple[Cue, ...], code: str) -> tuple[Cue, ...]:
    """Return the cues with every SEVERE and INTENDED pattern kept from matching right after a
    negation (spec section 3: spreading pain or sweating, not their absence; a loss "non
    volontaire" is not intended)."""
    guard = "".join(f"(?<!\\b{word})" for word in _DENIED[code])
    return tuple(
        replace(cue, patterns=tuple(f"{guard}(?:{pattern})" for pattern in cue.patterns))
        if cue.category in {"SEVERE", "INTENDED"}
        else cue
        for cue in cues
    )


def ends_negation_at_new_clause(cues: tuple[Cue, ...], code: str) -> tuple[Cue, ...]:
    """Return the cues with a NEW_CLAUSE terminator that stops every forward negation, and
    whatever the writer's own pronoun stops (the NEW_CLAUSE cue holds that pronoun, and
    medspaCy keeps the longer of two overlapping cues)."""
    from lems_companion.triage.lexicon import Cue  # the lexicon imports this module

    return (
        *(
            replace(cue, terminated_by=cue.terminated_by | {"NEW_CLAUSE"})
            if (cue.category == "NEGATED" and cue.direction == "FORWARD")
            or "SELF" in cue.terminated_by
            else cue
            for cue in cues
        ),
        Cue("NEW_CLAUSE", "PSEUDO", (NEW_CLAUSE[code],), max_scope=1),
    )
