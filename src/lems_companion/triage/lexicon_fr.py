"""French words and phrases for red flags, LEMS symptoms and ConText cues.

Same labels, categories and rules as the English lexicon (``lexicon.py``, spec section 3);
patterns are matched against the note with its accents folded ("étouffe" -> "etouffe"). Everyday
French of France, Belgium and Quebec ("fausse route", "à bout de souffle", "j'ai de la misère à
respirer", "pantoute").

Source of the negation cues: the French NegEx triggers of Chapman et al., "Extending the NegEx
lexicon for multiple languages", Stud Health Technol Inform 2013;192:677 (pas de, aucun, sans,
ni, absence de, nie...), adapted to patients' own writing; the other cue lists are ours.
AWAITING CLINICAL REVIEW by a French-speaking clinician (docs/red-flags.md).
"""

from __future__ import annotations

from lems_companion.triage import slots
from lems_companion.triage.lexicon import (
    NEGATION_REACH,
    NORMAL_REACH,
    OTHER_PERSON_REACH,
    TERMINATOR_SCOPE,
    Cue,
)

# A word between two parts of a phrase; a checklist's tick ("Jambes ✔ faibles") counts as one.
W = r"(?:(?!(?:mais|pourtant|sauf)\b)(?:[\w'-]+|[\u2714\u2713\u2611]),?\s+)"
# Not right after the face or mouth and its auxiliary ("la bouche est partie de travers").
NOT_AFTER_FACE = "".join(
    f"(?<!{face} {aux})"
    for face in ("bouche", "visage", "levre", "levres", "sourire", "joue", "figure")
    for aux in ("", "est ", "s'est ", "m'est ", "lui est ", "etait ", "me ")
)
# Not right after a limb ("ma main droite ne répondait plus").
NOT_AFTER_LIMB = "".join(
    f"(?<!{limb} {side})"
    for limb in ("main", "mains", "bras", "jambe", "jambes", "pied", "pieds", "doigts", "corps")
    for side in ("", "gauche ", "droite ", "droit ")
)
# Food, drink, eating and swallowing: a sentence naming them is about the mouthful.
SWALLOWING = (
    r"aval\w*|deglut\w*|gorge|manger|mange\w*|repas|bouchees?|gorgees?|boire|bois|bu|buvant|"
    r"nourriture|aliments?|comprimes?|cachets?|pilules?|gelules?|medicaments?|eau|cafe|the|"
    r"soupe|lait|pain|viande|puree|riz|poisson|poulet|legumes?|fromage|pates|potage|bouillon|"
    r"dysphag\w*|gosier|oesophage|nez|fausses? routes?|travers|bouff\w*|compote|cuilleres?|"
    r"cuillerees?"
)
# An object or reflexive pronoun between "ne" and its verb.
CLITIC = r"(?:(?:me|te|se|nous|vous|lui|leur|y|en|le|la|les)\s+|[mtsl]')"
# Any characters of one sentence but a negation.
UNDENIED = r"(?:(?!\b(?:ne|n'|pas|plus|jamais|sans|ni)\b)[^.;!?\n])"
# "Cannot" as hurried phone notes spell it (spec section 3, everyday phrasing and misspellings):
# "jpp" ("j'en peux plus" / "je peux pas"), "jpeux pas", "chpeux plus", "jarrive pas", "jy
# arrive plus", Quebec "pu" for "plus".
CANNOT_TEXT = (
    r"(?:jpp|jpx|jpeux\s+(?:pas|plus|pu)|j'peux\s+(?:pas|plus|pu)|chpeux\s+(?:pas|plus|pu)|"
    r"jpeu\s+(?:pas|plus)|peu\s+(?:pas|plus)|peux\s+pu|jarrive\s+(?:pas|plus|pu)|"
    r"j'?y\s+arrive\s+(?:pas|plus|pu)|arrive\s+pu|jarrive\s+pu)"
)
# Texting spellings of "dans" and "pour" ("flotte ds ses habits", "trop faible pr cracher").
DANS = r"(?:dans|ds)"
POUR = r"(?:pour|pr)"
# French clothes sizes, and the verbs of wearing a size.
CLOTHES_SIZES = tuple(range(32, 62, 2))
WORE = r"(?:faisais|portais|mettais|prenais|achetais|faisait|portait|mettait|prenait|achetait)"


def _smaller_size_now() -> tuple[str, str]:
    """Return the patterns of a clothes size smaller now than before, in either order: "en 40,
    je faisais du 44" and "du 44 au 40" (spec section 3 table, weight_loss)."""
    now_then = "|".join(
        rf"{small}\b[^.;!?\n]{{0,40}}?\b{WORE}\s+(?:du|un|le|en|une taille|la taille)\s+"
        rf"(?:{'|'.join(str(big) for big in CLOTHES_SIZES if big > small)})\b"
        for small in CLOTHES_SIZES
    )
    then_now = "|".join(
        rf"{big}\s+(?:au|a|a du|en)\s+(?:{'|'.join(str(s) for s in CLOTHES_SIZES if s < big)})\b"
        for big in CLOTHES_SIZES
    )
    return (
        rf"\b(?:en|du|taille|un|le)\s+(?:{now_then})",
        rf"\b(?:passe\w*|descendu\w*|suis\s+passe\w*)\s+(?:du|de|de la taille|d'une taille)\s+"
        rf"(?:{then_now})",
    )


# The reflexive pronoun of a verb, with its auxiliary and a word of degree: "je m'étouffe",
# "elle s'est étouffée", "je me suis presque étranglé", "à m'en étrangler".
REFLEXIVE = (
    r"(?:m'|s'|t'|me\s+|se\s+|te\s+)(?:en\s+)?(?:(?:suis|est|es|etais|etait|etaient|sommes|"
    r"serais|serait|ai|a|avait)\s+)?(?:(?:presque|failli|encore|deja|vraiment|bien|"
    r"completement|a moitie)\s+)?"
)
FOODS = (
    r"(?:nourriture|aliments?|pain|viande|cachets?|comprimes?|pilules?|gelules?|medicaments?|"
    r"bouchees?|puree|eau|riz|poisson|soupe|lait|cafe|the|liquides?|boissons?|tout|rien|poulet|"
    r"pommes de terre|biscuits?|fruits?|repas|"
    # Slang and everyday dishes (spec section 3, everyday phrasing): "la bouffe reste coincée".
    r"bouffe|graille|compote|yaourts?|steak|tartines?|morceaux?)"
)
FAMILY_WORDS = (
    r"(?:pere|mere|papa|maman|mari|epoux|epouse|femme|conjoint|conjointe|compagnon|compagne|"
    r"fils|fille|frere|s(?:oe|œ)ur|grand-pere|grand-mere|grand-mere|papi|papy|mamie|mami|oncle|t"
    r"ante|"
    r"beau-pere|belle-mere|patient|patiente)"
)
OTHER_WORDS = (
    r"(?:amie?s?|copains?|copines?|voisine?s?|collegues?|patron|chef|chien|chienne|chat|chatte|"
    r"animal|petit-fils|petite-fille|petits-enfants|cousine?s?|neveu|niece|beau-frere|"
    r"belle-s(?:oe|œ)ur|connaissance)"
)

RED_FLAG_TARGETS: dict[str, tuple[str, ...]] = {
    "DYSPHAGIA": (
        # Cannot get the mouthful down (spec section 3 table: food sticking): "impossible de la
        # faire descendre", "j'arrive pas à le faire passer".
        r"\b(?:impossible|du mal|mal|peine|difficile|"
        r"arrive pas|arrivais pas|arrive plus)\s+(?:de|a)\s+"
        r"(?:la |le |les |l')?faire\s+(?:descendre|passer)\b",
        # Whatever the food, stuck halfway down (spec section 3 table: food sticking): "la
        # viande restait bloquée à mi-chemin"; not a walk or the stairs.
        r"\b(?:reste\w*|bloque\w*|coince\w*)\s+(?:\w+\s+){0,2}?a mi-(?:chemin|parcours|gorge)\b"
        r"(?![^.;!?]{0,30}\b(?:escalier|marches|montee|rue|promenade)\w*)",
        # Worsening swallowing, several swallows (spec section 3 table): "avaler de pire en
        # pire", "il me faut deux ou trois déglutitions".
        r"\b(?:avaler|deglutition|deglutir)\s+(?:est\s+|devient\s+)?(?:de pire en pire|pire)\b",
        r"\b(?:deux|trois|plusieurs|2|3)\s+(?:ou\s+(?:trois|quatre|3|4)\s+)?deglutitions\b",
        rf"\b(?:du mal|de la peine|d(?:e |')la misere|de la difficulte|des difficultes|"
        rf"difficultes?|"
        rf"mal|peine|"
        rf"impossible|n'arrive (?:pas|plus)|n'arrivais (?:pas|plus)|j'arrive (?:pas|plus)|"
        rf"n'a pas pu|n'ai pas pu|peux (?:pas|plus)|peut (?:pas|plus)|galere|{CANNOT_TEXT})\s+"
        rf"{W}{{0,2}}(?:a |{POUR} )?(?:avaler|deglutir)",
        # Pills or food kept in the mouth, not swallowed (spec section 3 table, dysphagia: food
        # sticking): "il garde ses comprimés en bouche", "la purée reste dans sa bouche".
        rf"\b(?:gard|stock|accumul|conserv)\w*\s+(?:(?:ses|mes|les|la|le|sa|ma|son|mon|des|du|"
        rf"de la|l')\s*)?{FOODS}\s+(?:\w+\s+){{0,2}}?(?:en|{DANS} (?:la|sa|ma)) bouche\b|"
        rf"\b{FOODS}\s+(?:qui\s+)?(?:rest\w*|stagn\w*|s'accumul\w*)\s+(?:\w+\s+){{0,2}}?"
        rf"(?:en|{DANS} (?:la|sa|ma)) bouche\b",
        # Several swallows for one mouthful, however the verb is spelt (spec section 3 table):
        # "dois déglutir 3 fois par bouchée", "j'avale deux fois".
        # Not a count of mouthfuls gone the wrong way ("avalé de travers deux fois").
        rf"\b(?:avaler|aval\w*|deglut\w*)\s+(?!(?:\w+\s+)?de travers)(?:(?!travers\b){W}){{0,3}}"
        r"(?:deux|trois|quatre|plusieurs|2|3|4)\s+"
        r"fois\b",
        # Quebec "pogné" is "stuck" (spec section 3, regional ways of saying it).
        rf"\b{FOODS}\s+{W}{{0,4}}(?:coince\w*|bloque\w*|pogne\w*|"
        r"reste\w* (?:coince|bloque|pris|pogne)\w*|"
        r"ne (?:passe|passent|descend|descendent|descendaient|passaient) (?:pas|plus)|"
        r"passe\w* pas|passe\w* plus|descend\w* pas)\b",
        r"\b(?:coince\w*|bloque\w*|pogne\w*|reste\w* pris)\s+(?:\w+\s+){0,2}(?:dans (?:la|ma)|"
        r"en travers de (?:la|ma)|au fond de (?:la|ma))?\s*gorge\b",
        r"\b(?:ca|ça) (?:ne )?passe (?:pas|plus)\b",
        # "Nothing goes down" (spec section 3 table: food sticking): "rien ne descend", "plus
        # rien ne passe", at the end of its clause or with the throat named.
        r"\b(?:rien|plus rien)\s+(?:ne\s+|n')(?:passe|passait|descend|descendait)\b"
        r"(?=\s*(?:[,.;!?)]|$|quand|depuis|sauf|a part|sans|ni|meme)|\s+(?:\w+\s+){0,2}?"
        r"(?:gorge|gosier|oesophage))",
        # Whatever the food: "la choucroute ne passait pas", "ça restait bloqué".
        r"\b(?:ne|n')\s*(?:passe|passait|passaient|passent|descend|descendait|descendaient)\s+"
        r"(?:pas|plus)\b(?!\s+(?:le|la|les|me|te|nous|vous|voir|par|chez|a|au|aux|en|ce|cette|"
        r"demain|ici|souvent|beaucoup|son|sa|ses|mon|ma|mes|un|une|du|de|d'|avant|avec))",
        r"\b(?:ca|ça)\s+(?:\w+\s+)?(?:reste|restait|est reste|restais)\s+(?:coince|bloque)\w*",
        # Not "passé de travers": down the wrong way is choking (spec section 3 table).
        rf"\b{FOODS}\s+{W}{{0,2}}passe\w*\s+(?:un peu\s+)?(?:moins bien|mal|difficilement)",
        r"\b(?:ressort|ressortent|sort|sortait|revient|remonte)\w*\s+(?:\w+\s+){0,3}par le nez\b",
        r"\bdysphagi\w*",
        # A mouthful that "will not" go down (spec section 3 table, dysphagia: food sticking):
        # "le potage ne voulait pas descendre"; not a fever or a weight that will not come down.
        rf"\b(?:{FOODS}|potage|bouillon|compote|bouchees?|morceaux?|cuilleree)\b[^.;!?]{{0,30}}?"
        r"\b(?:ne|n')\s*(?:veu\w*|voul\w*)\s+(?:pas|plus)\s+(?:descendre|passer)\b",
        # A mouthful stuck crosswise ("ça restait quand même en travers", "la bouchée est restée en
        # travers"); "ça m'est resté en travers (de la gorge)", "ça me reste en travers" are
        # resentment (spec section 3, words in another sense), a lorry across a road is not food.
        rf"\b(?:ca|cela|il|elle|ils|elles|{FOODS}|potage|bouillon|compote|bouchees?|morceaux?)\s+"
        r"(?:(?:est|sont|etait|etaient|a|ont)\s+)?rest(?:e|ai|a|er|ent)\w*\s+"
        r"(?:(?:quand meme|encore|un peu|toujours|bien)\s+)?en travers\b"
        r"(?!\s+(?:de|du|des)\s+(?!(?:la|ma|sa) gorge|l'oesophage|mon oesophage|mon gosier))",
        # Having to drink to wash down every mouthful (spec section 3 table, dysphagia).
        r"\b(?:boire|bois|buvais|bu|une gorgee)\s+(?:\w+\s+){0,2}?(?:a|apres|entre)\s+"
        r"(?:chaque|toutes les)\s+(?:cuilleree|bouchee|cuillere|fourchettee)s?\b",
        r"\b(?:troubles?|difficultes?|probleme\w*|gene)\s+(?:de\s+|a\s+)?(?:la\s+)?deglut\w*",
        rf"\bdeglut\w*\s+{W}{{0,6}}(?:difficile\w*|penible\w*|mauvaise|compliquee|dure|laborieuse|"
        r"pire|moins bonne|perturbee)",
        r"\b(?:j'|j\s|il |elle |on )?aval\w*\s+(?:tres\s+|de plus en plus\s+)?(?:mal|difficilement|"
        r"avec difficulte|avec peine)\b",
        rf"\b{FOODS}\s+{W}{{0,3}}(?:ont|a|avait|avaient)\s+(?:du mal|de la peine)\s+a\s+"
        r"(?:passer|descendre)\b",
        r"\b(?:avaler|deglutir)\s+(?:est|devient|etait|c'est)\s+(?:\w+\s+){0,2}"
        r"(?:difficile|penible|dur|complique|un calvaire|une epreuve)",
    ),
    "CHOKING": (
        # Someone had to strike the back to clear it (spec section 3 table, choking, told by
        # what others did): "il a fallu me taper dans le dos".
        r"\b(?:fallu|du|dut|devoir|dois|doit)\s+(?:me\s+|lui\s+|le\s+|la\s+)?(?:taper|frapper)\s+"
        r"(?:\w+\s+){0,2}?(?:dans|sur)\s+le\s+dos\b"
        r"|\bheimlich\b",
        # A drink or mouthful swallowed "de travers", named between (spec section 3 table,
        # choking): "j'ai avalé mon café de travers".
        r"\b(?:avale\w*|aval\w*|bu|bois|buvais)\s+(?:\w+\s+){1,2}de travers\b",
        # A cough at every mouthful (spec section 3 table, choking): "toux après chaque gorgée".
        r"\btoux\s+(?:\w+\s+)?(?:apres|a|pendant|en|des)\s+(?:chaque\s+|les\s+|le\s+)?(?:gorgee|"
        r"bouchee|repas|boire|mangeant|buvant|boisson|verre|liquides?)\b",
        r"\bfausses? routes?\b",
        # Went down the wrong pipe (spec section 3 table, choking): "passé dans le mauvais tuyau".
        r"\b(?:pass|all|part|descend)\w*\s+(?:\w+\s+){0,2}(?:le|du|par le) mauvais "
        r"(?:tuyau|trou|cote|chemin|bord)\b",
        # A mouth or face "partie de travers" is a stroke sign, not a mouthful gone the wrong way
        # (spec section 3 table, stroke_signs: face droop).
        rf"{NOT_AFTER_FACE}\b(?:avale\w*|aval\w*|bu|bois|buvais|mange\w*|pass\w*|parti\w*|"
        r"alle\w*|descendu\w*)\s+(?:\w+\s+)?de travers\b",
        rf"\b(?:m'|s'|t')?(?:etouff\w*|etrangl\w*)\s+{W}{{0,3}}(?:avec|en|sur)\s+{W}{{0,3}}"
        r"(?:salive|bave|nourriture|eau|boire|buvant|manger|mangeant|repas|cafe|soupe|lait|"
        r"bonbon|morceau|aliment\w*|pain|viande)",
        r"\b(?:m'|s')etouff\w*\s+(?:a chaque|en|pendant les?)\s+(?:repas|mangeant|buvant)",
        r"\bpasse\w* par le mauvais (?:trou|cote|tuyau|chemin)\b|\bmauvais trou\b",
        # Coughing, spluttering or sputtering at the mouthful (spec section 3 table, choking:
        # "coughing or spluttering on food, drink"): "maman crachote sur chaque cuillère".
        # "crachote" reaches this pattern as "crachats" (spelling.py reads it as that keyword).
        rf"\b(?:touss\w*|crachot\w*|crachats|crachouill\w*|postillonn\w*)\s+"
        # No negation between: "je ne tousse pas en mangeant" denies it.
        rf"(?:(?!(?:pas|plus|jamais|point)\b){W}){{0,2}}"
        rf"(?:a chaque|sur chaque|sur (?:sa|la|ma|les|ses|mes)|en|pendant|apres|quand je|au)\s+"
        rf"{W}{{0,2}}(?:gorgee|bouchee|repas|mangeant|buvant|boire|manger|bois|mange|"
        r"cuilleree|cuillere|soupe|compote|puree|verre|eau)",
        # Choking is the reflexive verb, "s'étouffer" (spec section 3 table, choking); the bare
        # verb, "j'étouffe", "en train d'étouffer", is being short of air (dyspnea below).
        # "s'étouffer de rire / de colère" is a feeling; "s'étrangler" is choking on food (above)
        # or in a cough, "tousser à m'en étrangler" (it is also surprise and indignation).
        rf"(?:\b{REFLEXIVE}|\bjm'?|\bjme\s+)etouff\w*\b"
        r"(?!\s+(?:de|d')\s*(?:rire|chaleur|colere|emotion|rage|indignation|joie))",
        r"\b(?:touss\w*|toux)\s+(?:\w+\s+){0,3}?a\s+(?:m'|s'|t'|me |se |te )en\s+"
        r"(?:etrangl|etouff)\w*",
        r"\baspiration\b|\binhalation\b",
        # Choked on a piece of anything (spec section 3 table, choking: on food): "je me suis
        # étranglée avec un bout de pomme", "il s'est étouffé sur un morceau".
        rf"\b{REFLEXIVE}(?:etrangl|etouff)\w*\s+(?:avec|sur|en avalant)\s+"
        r"(?:un|une|des|du|de la|le|la|les|l'|mon|ma|mes|son|sa|ses)\s*(?:petit\s+)?"
        r"(?:bout|morceau|morceaux|miettes?|noyau|"
        r"aretes?|os|pepins?|grains?|peau|bonbon|pastille|cacahuetes?|noix|amandes?)\b",
        # "S'étrangler" in a sentence about the throat, food or swallowing is choking (spec section
        # 3 table): "ça bloque dans la gorge et je m'étrangle"; not with indignation or laughter.
        rf"\b(?:{SWALLOWING})\b[^.;!?]{{0,60}}?\b{REFLEXIVE}etrangl\w*"
        r"(?!\s+(?:de|d')\s*(?:rire|colere|indignation|surprise|emotion|rage))",
        rf"\b{REFLEXIVE}etrangl\w*(?!\s+(?:de|d')\s*(?:rire|colere|indignation|surprise|emotion|"
        rf"rage))[^.;!?]{{0,40}}?\b(?:{SWALLOWING})\b",
        # Coughing as one swallows, or right after a mouthful that would not go down (spec
        # section 3 table, choking: coughing on food or drink): "quand j'avale je tousse", "il
        # tousse en avalant", "des boules qu'il n'arrive pas à avaler, il tousse". No negation
        # between ("quand j'avale je ne tousse plus").
        r"\b(?:quand|lorsque|des que|chaque fois que|en)\s+(?:j'|il |elle |je |on )?"
        rf"(?:l'|la |le |les )?aval\w*{UNDENIED}{{0,25}}?\btouss\w*",
        r"\btouss\w*\s+(?:\w+\s+)?(?:en|quand|lorsque|des que|chaque fois que|apres)\s+"
        r"(?:j'|il |elle |je |on |avoir )?(?:l'|la |le |les )?aval\w*",
        r"\b(?:n'arriv\w*|arriv\w*|peu\w*|pouv\w*|parvien\w*)\s+(?:pas|plus)\s+a\s+"
        r"(?:l'|la |le |les )?aval\w*\b[^.;!?,]{0,30}?,?\s+(?:et\s+)?(?:puis\s+)?"
        r"(?:(?:il|elle|je|on)\s+|j')?"
        r"(?:se met a |me mets a |s'est mis\w* a |me suis mis\w* a )?touss\w*",
    ),
    "DYSPNEA": (
        # A cough with no strength left to clear phlegm (spec section 3 table, dyspnea).
        r"\b(?:pas|plus|manque)\s+(?:assez\s+|suffisamment\s+)?de\s+force\s+(?:dans|pour)\s+"
        r"(?:ma|sa|la)\s+toux\b",
        # Too short of breath to finish a sentence (spec section 3 table, dyspnea: at rest).
        r"\b(?:n'arrive|arrive|peux|parviens)\s+(?:pas|plus)\s+a\s+finir\s+(?:mes|ses|les|une|ma)\s+"
        r"(?:phrases?|mots)\b",
        # Texting and Quebec speech (spec section 3, everyday phrasing): "jrespire mal", "pu
        # capable de respirer" ("plus capable": can no longer).
        r"\bjrespir\w*\s+(?:\w+\s+)?(?:mal|difficilement|pas bien)\b",
        r"\b(?:pu|plus|pas)\s+capable\s+de\s+respirer\b",
        # Feeling of drowning when lying flat (spec section 3 table, dyspnea: breathless lying
        # flat); "se noyer dans les papiers" is another sense.
        r"\b(?:impression|sensation|comme si)\b[^.;!?]{0,20}\b(?:me |m')?noy\w*\b"
        r"(?!\s+(?:dans|sous)\b)",
        # No air getting in (spec section 3 table, dyspnea): "l'air ne rentrait plus".
        r"\bl'air\s+(?:ne\s+|n')?(?:rentr|pass|entr|arriv)\w*\s+(?:plus|pas)\b",
        # "souffler comme un boeuf / un phoque / une forge": panting hard.
        r"\bsouffl\w* comme (?:un |une )?(?:boeuf|bœuf|phoque|forge|locomotive|cheval|"
        r"asthmatique)\b",
        # No air getting in: "je n'ai plus d'air du tout".
        r"\bn'(?:ai|avais|a|avait) plus (?:d'air|de souffle)\b",
        r"\bessouffl\w*",
        r"\b(?:a bout de|le|du|mon|plus de|manque de) souffle\b",
        r"\bcherch\w*\s+(?:mon|son|de l'|l')\s*(?:souffle|air|respiration)\b",
        r"\bmanqu\w* d'air\b|\bmanque d'air\b|\bpas assez d'air\b",
        r"\b(?:du mal|d(?:e |')la misere|de la difficulte|difficultes?|mal|peine|impossible|"
        r"n'arrive pas|"
        rf"j'arrive pas|peux pas|peux plus|{CANNOT_TEXT})\s+(?:\w+\s+){{0,1}}(?:a |{POUR} )?"
        # A blocked nose is no shortness of breath: "je peux pas respirer par le nez".
        r"respirer\b(?!\s+par le nez)",
        # The English clinical words in a French note (spec section 3, "Languages"; slots.py
        # has "short of breath"): "shortness of breath au moindre effort".
        r"\bshortness of breath\b|(?-i:\bSOB\b)",
        # No air, told in one word (spec section 3 table, dyspnea): "sensation d'asphyxie".
        r"\basphyx\w*",
        # Too weak to bring phlegm up (spec section 3 table, dyspnea: cough too weak to clear
        # phlegm): "trop faible pour cracher", "pas la force de tousser les glaires".
        rf"\b(?:trop faible|pas la force|plus la force|pas assez de force|plus assez de force|"
        rf"trop fatigue\w*)\s+(?:{POUR}|de|d')\s*(?:les\s+|la\s+)?(?:cracher|tousser|expectorer|"
        r"evacuer|degager|remonter|sortir)\b(?![^.;!?]{0,25}\b(?:linge|poubelles?|chien|courses))",
        rf"\brespir\w*\s+{W}{{0,2}}(?:mal\b|difficilement|vite|tres vite|rapidement|"
        r"superficiellement|avec difficulte|bruyamment|par saccades)",
        r"\bsouffle court\b|\bsouffle coupe\b(?!\s+(?:par|devant))",
        r"\bhors d'haleine\b|\bperd\w* haleine\b|\bhal(?:e|è)t\w*",
        rf"\brespiration\s+{W}{{0,2}}(?:difficile\w*|courte|sifflante|rapide|penible|laborieuse|"
        r"bruyante|saccadee|superficielle|genee|haletante)",
        r"\b(?:j'|je\s+)?suffoque\b",
        # The bare verb "étouffer" and "étouffement" are being short of air (spec section 3
        # table, dyspnea): "j'étouffe couché", "en train d'étouffer", "sensation d'étouffement".
        # The reflexive verb is choking (above; a dyspnea word inside a choking mention gives
        # way to it, text._inside_choking); stifling heat and a stifled laugh are other senses.
        r"(?<!\bon )\betouff(?:e|es|ent|er|ais|ait|aient|ions|iez|ant|ement|ements)\b"
        r"(?!\s+(?:de|d')\s*(?:rire|chaleur|colere|emotion|rage|joie))"
        r"(?!\s+(?:un|une|le|la|les|l'|mon|ma|mes|son|sa|ses)\s*(?:rire|cri|baillement|sanglot|"
        r"affaire|scandale|bruit|feu|flammes|toux|colere|larmes)\b)",
        r"\bdyspn\w*",
        r"\borthopn\w*",
        r"\bsuffoqu\w*|\bsuffocation\b",
        rf"\blevres?\s+{W}{{0,3}}(?:bleu\w*|grise?s?|violet\w*|violace\w*|cyanos\w*)",
        r"\bcyanos\w*",
        r"\btoux\s+(?:\w+\s+){0,2}(?:trop\s+|si\s+|tres\s+)?faible\b",
        r"\b(?:arrive|n'arrive|peux|parviens)\s+(?:pas|plus)\s+a\s+(?:cracher|expectorer|evacuer"
        r")\b",
        rf"\b{CANNOT_TEXT}\s+(?:a\s+)?(?:cracher|expectorer|evacuer)\s+(?:les |mes |ses )?"
        r"(?:glaires|crachats|secretions|mucus)\b",
        r"\b(?:impossible de|du mal a)\s+(?:rester|dormir|etre)\s+(?:allonge\w*|a plat|couche\w*)",
        # Cannot lie down at all (spec section 3 table, dyspnea: breathless lying flat), unless a
        # pain is why: "impossible de m'allonger sans avoir l'impression de me noyer".
        r"\b(?:impossible de|du mal a|peux (?:pas|plus)|n'arrive (?:pas|plus) a|"
        rf"j'arrive (?:pas|plus) a|{CANNOT_TEXT})\s+(?:a\s+)?(?:m'|me |se |s')?"
        r"(?:allonger|coucher a plat|mettre a plat)\b"
        r"(?![^.;!?]{0,40}\b(?:dos|hanche|genou|epaule|douleur|mal (?:au|a la|aux)|sciatique|"
        r"lombalgie|lumbago|operation|cicatrice|cote casse))",
        # Breath that does not come back (spec section 3 table, dyspnea): "il ne reprenait pas
        # son souffle", "je ne retrouve plus mon souffle".
        r"\b(?:ne\s+|n')(?:re)?(?:pren|trouv)\w*\s+(?:pas|plus)\s+(?:son|mon|sa|ma|leur)\s+"
        r"(?:souffle|respiration|air)\b",
        # Waking up fighting for breath (spec section 3 table, dyspnea), whatever stands
        # between: "réveillé en pleine nuit en train d'étouffer", "réveillée en m'étouffant".
        r"\breveill\w*\b[^.;!?]{0,40}?\b(?:(?:m'|d')?etouff\w*|suffoqu\w*|cherch\w* "
        r"(?:mon|son) (?:souffle|air))",
    ),
    "OXIMETRY": (
        r"\b(?:sat\w*|spo2|sp02|o2|oxygene|oxymetre|oximetre|saturometre)\b[^.;!?\n\d]{0,30}?"
        r"\d{2,3}(?:\s*%)?",
        r"\b\d{2,3}\s*%?\s*(?:de\s+)?(?:saturation|sat|oxygene|spo2)\b",
    ),
    "SEIZURE": (
        r"\bconvuls\w*",
        r"\bcrise (?:d'epilepsie|epileptique|convulsive|comitiale)\b",
        r"\b(?:fait|eu|fais|avoir|a fait)\s+une\s+crise\b(?!\s+(?:de\s+(?:rire|toux|nerfs|"
        r"panique|angoisse|larmes|colere|foie)|d'(?:angoisse|asthme)))",
        r"\b(?:devenu\w*|est devenu\w*|suis devenu\w*)\s+(?:tout\s+|toute\s+)?raide\w*",
        r"\bsecousses?\b",
        r"\byeux revulses\b|\byeux (?:qui )?roul\w*",
        r"\becume\b|\bbave aux levres\b",
        r"\blangue mordue\b|\bmordu la langue\b",
        r"\btremblai\w* de partout\b",
        # Stiff, then the limbs jerking: a tonic-clonic fit as a witness tells it (spec section 3
        # table, seizure: signs others see).
        r"\braidi\w*\b[^.;!?]{0,60}\b(?:bras|jambes|membres|corps)\b[^.;!?]{0,25}\b(?:secou\w*|"
        r"convuls\w*|sursaut\w*)",
        # Gone stiff, then shaken, jerking or twitching, whatever lies between ("s'est raidie à
        # table puis a été secouée de partout"); shaken all over, or by jerks (spec section 3
        # table, seizure: a fit as others see it).
        r"\b(?:raidi\w*|raide|crispe\w*|tetanis\w*)\b[^.;!?]{0,80}?\b(?:secou\w*|convuls\w*|"
        r"sursaut\w*|soubresauts?|spasmes?|gigot\w*|trembl\w* de partout|tressaut\w*)",
        r"\bsecou\w*\s+(?:de partout|de (?:spasmes|soubresauts|convulsions|secousses)|"
        r"dans tous les sens|de la tete aux pieds)\b",
        # Eyes gone up or turned back ("les yeux partis en haut", "yeux retournés"); not rolled
        # to the sky in exasperation ("lever les yeux au ciel").
        r"\byeux\s+(?:(?:qui|se|lui|sont|etaient)\s+){0,2}(?:partis?|retourne\w*|revuls\w*|"
        r"montes?|tournes?|fixes? en l'air|blancs)\b(?:\s+(?:en haut|vers le haut|en arriere|"
        r"dans la tete|au plafond))?(?<!tournes)(?<!tourne)(?<!montes)(?<!monte)",
    ),
    "LOC": (
        # Not responding (to people, not to a phone or a treatment): unresponsive. A hand or a
        # leg that "ne répondait plus" is a limb gone weak (spec section 3 table: stroke_signs).
        rf"{NOT_AFTER_LIMB}\bne (?:repondait|reagissait|repondit|reagit) (?:plus|pas)\b"
        r"(?!\s+(?:au|aux|a mes|a ses|a)\s+"
        r"(?:telephone|portable|messages?|appels?|sms|traitement|medicament))",
        r"\bperte de connaissance\b|\bperdu connaissance\b|\bperdre connaissance\b",
        r"\bevanoui\w*|\bevanouissement\b",
        r"\b(?:retrouve\w*|reveille\w*)\s+(?:\w+\s+){0,1}par terre\b",
        r"\btombe\w* dans les pommes\b",
        r"\btourne de l'oeil\b|\btourne de l'œil\b",
        r"\binconscient\w*",
        r"\bsans savoir comment\b",
        r"\b(?:fait|eu|faire|fais)\s+un\s+(?:gros\s+|petit\s+)?malaise\b|"
        r"\b(?:me|m'|s'|se)\s*(?:suis|est|etais|etait)?\s*(?:effondr\w*|ecroul\w*)",
        r"\btrou noir\b|\bblack-?out\b|\bretrouve\w* (?:au sol|a terre)\b",
    ),
    "WEIGHT_LOSS": (
        # Weight lost; "pris 1 kilo" is weight gained.
        rf"\bperdu\s+{W}{{0,3}}(?:\d+(?:[.,]\d+)?\s*)?(?:kilos?|kg|livres?|du poids)\b",
        r"\b\d+(?:[.,]\d+)?\s*(?:kilos?|kg)\s+(?:de\s+)?(?:perdus?|en moins)\b",
        r"\bamaigri\w*|\bmaigri\w*|\bj'ai fondu\b|\bfondu\b",
        # Melting away, told with what melts (spec section 3 table, weight_loss): "je fonds à vue
        # d'œil", "je fonds comme neige au soleil"; not melting into tears or before a baby.
        r"\b(?:je|il|elle|on)\s+fond(?:s|ait|ais|)\s+(?:\w+\s+)?"
        r"(?:a vue d'(?:oe|œ)il|comme neige au soleil)\b"
        r"|\ba vue d'(?:oe|œ)il\b(?=[^.;!?]{0,20}\b(?:poids|kilos|maigri\w*|fond\w*))",
        # A loss going on, not one wished for ("marcher pour perdre du poids").
        rf"\b(?:je|il|elle)\s+perd(?:s|ait|ais)\s+{W}{{0,2}}"
        r"(?:du poids|des kilos|\d+\s*(?:kg|kilos?))\b",
        r"\bperte de poids\b",
        # A percentage of the weight lost, 5% or more, told with the weight or within months
        # (spec section 3: >=5% within six months): "-7 % en 4 mois", "perdu 6 % de mon poids".
        r"(?:(?<![\w-])-\s?|\bperdu\s+)(?:[5-9]|[1-9]\d)(?:[.,]\d+)?\s*%"
        r"(?=\s*(?:de (?:mon |son |leur |du )?poids|en (?:[1-6]|un|deux|trois|quatre|cinq|six)\s+"
        r"(?:mois|semaines|sem)\b|depuis)|[^.;!?]{0,40}\bpoids\b)",
        rf"\b(?:pantalons?|vetements?|habits|jupe|ceinture|bagues?|alliance)\s+{W}{{0,3}}"
        r"(?:tombent|tombe|flottent|flotte|trop grands?|trop larges?|baillent)\b",
        r"\bpoids\b\W{0,3}\s*(?:\w+\s+){0,2}(?:en baisse|baisse|diminue|descend)\b",
        r"(?<![\w-])-\s?\d+(?:[.,]\d+)?\s*(?:kg|kilos?)\b",
        r"\bpasse\w* de\s+\d+\s+a\s+\d+",
        r"\bla peau sur les os\b",
        # Weight lost told by clothes sizes (spec section 3 table, weight_loss): a size or two
        # down, or a smaller size now than before ("racheter des pantalons en 40, je faisais du
        # 44"; "passée du 44 au 40"); a bigger size now is a gain, not matched.
        r"\b(?:une|deux|trois|[1-3])\s+tailles?\s+"
        r"(?:en dessous|en moins|de moins|plus petite?s?)\b|"
        r"\b(?:perdu|descendu\w*(?: d'| de)?)\s+(?:une|deux|trois|[1-3])\s+tailles?\b",
        *_smaller_size_now(),
        # Floating or swimming in one's clothes (spec section 3 table, weight_loss: clothes
        # loose): "je flotte dans mes pantalons", "il nage dans ses chemises".
        rf"\b(?:flott|nag)\w*\s+(?:\w+\s+)?{DANS}\s+(?:mes|mon|ma|ses|son|sa|les|le|la|leurs?)\s+"
        r"(?:pantalons?|vetements?|habits|jupes?|chemises?|jeans?|robes?|pulls?|vestes?|fringues)\b",
    ),
    "PERSISTENT_COUGH": (
        rf"\btoux\s+{W}{{0,3}}(?:qui\s+)?(?:traine|persiste|ne passe pas|passe pas|ne part pas|"
        r"dure|s'eternise|ne s'arrete pas)\b",
        rf"\b(?:crach\w*|toussant|touss\w*)\s+{W}{{0,3}}(?:du\s+|de\s+)?sang\b",
        # Sputum of blood's colours, rust and pink included (spec section 3 table, coughing up
        # blood): "crachats rouillés", "glaires rosées", "je crache rouge".
        rf"\b(?:crachats?|glaires?|expectorations?|mucus|mucosites?)\s+{W}{{0,3}}(?:strie\w*\s+de\s+"
        r"sang|sanglant\w*|sanguinolent\w*|de sang|avec du sang|rouges?|teinte\w* de (?:sang|rouge|"
        r"rose)|marbre\w* de rouge)",
        r"\b(?:crachats?|glaires?|expectorations?|mucus)\s+(?:\w+\s+)?(?:rouill\w*|couleur rouille|"
        r"ros(?:e|ee|es|ees)|rosatres?|brun rouge)\b",
        r"\bcrach\w*\s+(?:du\s+|de\s+la\s+)?(?:rouge|rouille|rose)\b",
        r"\bhemoptys\w*",
        # The cough's duration in the next sentence, by its pronoun (spec section 3: a cough of
        # three weeks or more, wherever the duration stands): "Toux le soir, toux la nuit. Ça
        # dure depuis 3 semaines et demie."
        r"\b(?:toux|touss\w*)\b[^.;!?]{0,80}[.;!?]\s+(?:ca|cela|elle)\s+(?:dure|persiste|traine)\s+"
        r"(?:depuis\s+)?(?:plus de\s+|bien\s+|au moins\s+)?(?:(?:[3-9]|1\d|trois|quatre|cinq|six|"
        r"sept|huit|neuf|dix)\s+semaines|(?:un|1|deux|2|trois|3|plusieurs|des)\s+mois|des semaines|"
        r"un bon mois)\b",
        r"\b(?:sang|rose|rosee|rouge)\b[^.;!?]{0,25}\b(?:crachats?|glaires?|mouchoir|"
        r"expectorations?)\b",
        r"\btoux (?:chronique|persistante|continuelle|tenace|qui traine)\b",
        # Still coughing, as English "still coughing" (spec section 3 table: a cough that will
        # not clear): "toujours la toux", "je tousse encore", "la toux est toujours là".
        r"\b(?:toujours|encore)\s+(?:(?:la|cette|ma|de la)\s+)?toux\b|"
        r"\btouss\w*\s+(?:\w+\s+)?(?:toujours|encore)\b(?!\s+(?:quand|lorsque|en|a chaque)\b)|"
        # "toujours là" ends its clause; "toujours la gorge qui gratte" is an article.
        r"\btoux\b[^.;!?]{0,60}?\b(?:toujours|encore)\s+(?:la|presente|la meme)\b"
        r"(?!\s+(?!(?:et|mais|depuis|apres|malgre|avec|meme|aussi|ce|cette|le soir|le matin|"
        r"la nuit|non plus|elle|il)\b)\w)",
    ),
    # Texting drops the "e" of "je": "jtousse depuis 4 sem" (spec section 3, everyday phrasing).
    "COUGH": (r"\btoux\b|\btouss\w*|\bj'?touss\w*",),
    "CHEST_PAIN": (
        # Pain in the middle of the chest, words of strength between (spec section 3 table).
        r"\b(?:douleur\w*|mal|serrement|oppression|pression|brulure)\s+"
        r"(?:\w+\s+){0,3}?(?:au|en plein)"
        r"\s+(?:milieu|centre)\s+de\s+la\s+poitrine\b",
        # Any word of discomfort: a weight, a heaviness, a bar (spec section 3 table, chest_pain:
        # pain or tightness).
        rf"\b(?:douleur\w*|mal|gene|oppression|serrement|pression|poids|brulure|pincement|"
        rf"point|tiraillement|pesanteur|lourdeur|barre|compression|inconfort|elancements?|"
        rf"crispation)\s+{W}{{0,4}}(?:dans la |a la |au |de la |sur la |du )?"
        r"(?:poitrine|thorax|sternum)\b",
        # Clinical shorthand "DT" (douleur thoracique), in capitals only: "dt" is texting "dont".
        r"(?-i:\bDT\b)",
        r"\bdouleurs? thoracique\w*|\boppression thoracique\b|\bangine de poitrine\b",
        # The chest with a state of tightness or weight, degree words between ("poitrine un peu
        # serrée", "poitrine lourde"), spec section 3 table: chest pain or tightness.
        r"\bpoitrine\s+(?:(?!(?:pas|plus|jamais|non|ni)\b)\w+\s+){0,2}?(?:serree|oppressee|compressee|comprimee|ecrasee|lourde|"
        r"(?:prise )?(?:dans|en) (?:un )?etau|qui (?:me |lui )?(?:serre|comprime|oppresse|pese|"
        r"ecrase))\b",
        r"\bpoitrine\s+(?:qui\s+)?(?:me\s+)?(?:fait|faisait)\s+mal\b",
        r"\bmal (?:a|dans) la poitrine\b",
        # A hand pressed to or clutching the chest, as a witness sees it (spec section 3 table;
        # signs others see): "la main sur la poitrine", "il se tenait la poitrine".
        r"\b(?:la |une |les |sa |ma )?mains?\s+(?:crispee?s?\s+|pressee?s?\s+|plaquee?s?\s+)?"
        r"(?:sur|contre|a) (?:la|sa|ma) poitrine\b(?!\s+(?:de|du|d')\b)|"
        r"\b(?:se |me |s'|m')(?:ten\w*|agripp\w*|serr\w*|crisp\w*|accroch\w*)\s+(?:a )?"
        r"(?:la|sa|ma) poitrine\b",
        r"\b(?:serre|serrait|ecrase|ecrasait|brule|brulait|pique|piquait|appuie|pese)\w*\s+"
        r"(?:\w+\s+)?(?:dans|sur)\s+(?:la|ma)\s+poitrine\b",
        # A verb of crushing or gripping with the chest as its object (spec section 3 table):
        # "ça me broie la poitrine", "ça m'écrase le thorax".
        # Not "ça me serre le cœur" (sadness) nor "ça me brûle la poitrine" (heartburn).
        r"\b(?:me |m'|lui )(?:broi|broy|ecras|serr|compress|comprim|oppress|transperc|dechir)\w*\s+"
        r"(?:la|le|ma|mon|sa|son)\s+(?:poitrine|thorax|sternum)\b",
    ),
    "SEVERE_CHEST_PAIN": (r"\binfarctus\b", r"\bcrise cardiaque\b"),
    "STROKE": (
        r"\bavc\b|\baccident vasculaire\b|\bait\b",
        rf"\b(?:bouche|visage|levre|joue)\s+{W}{{0,3}}(?:tordu\w*|tomb\w*|de travers|devie\w*|"
        r"paralys\w*|engourdi\w*|affaiss\w*)",
        # Half the face or mouth that no longer moves (spec section 3 table, stroke_signs: face
        # droop): "la moitié de ma bouche ne bougeait plus", "le côté gauche du visage figé".
        r"\b(?:moitie|cote|coin)\s+(?:gauche\s+|droit\s+)?(?:de (?:ma|la|sa) |du |de mon |de son )"
        r"(?:bouche|visage|figure|levres?)\b(?:\s+\w+){0,2}?\s+(?:(?:ne|n')\s*(?:boug|repond)\w*\s+"
        r"(?:plus|pas)|fige\w*|immobile|paralys\w*|inerte)",
        # A mouth pulled to one side (spec section 3 table, stroke_signs: face droop): "la
        # bouche qui a tourné d'un coup", "la commissure tournée vers le bas".
        # Only the auxiliaries between: "bouche sèche, tête qui tourne" is dizziness.
        r"\b(?:bouche|levres?|commissure)\s+(?:(?:qui|s'est|est|a|m'a|lui a|se|me)\s+){0,2}"
        r"(?:tourne|tournee|tordu|tordue)\b(?!\s+(?:autour|en rond)\b)",
        rf"\b(?:bras|jambe|main|cote)\s+(?:gauche|droit\w*)?\s*{W}{{0,3}}(?:tout\s+)?"
        r"(?:engourdi\w*|paralys\w*|inerte\w*|mort\w*)",
        # Heavy or weak arms and legs are LEMS itself (spec section 2); on one side they are a
        # stroke sign.
        rf"\b(?:bras|jambe|main|cote)\s+(?:gauche|droit\w*)\s*{W}{{0,3}}(?:tout\s+)?"
        r"(?:sans force|lourd\w*|faible\w*)",
        r"\b(?:bras et (?:la )?jambe|jambe et (?:le )?bras)\s+(?:gauche|droit)\w*",
        r"\b(?:tout le|d'un) cote\s+(?:gauche|droit)\b",
        r"\bpeux plus (?:les|le|la) bouger\b",
    ),
    "SPEECH": (
        rf"\b(?:parle|parler|parlais|parole|voix|elocution)\s+{W}{{0,3}}(?:comme si j'avais bu|"
        r"comme (?:un |une )?(?:ivrogne|saoul\w*|soul\w*)|pateu(?:se|x)|bizarre\w*|mal articul\w*|"
        r"embrouill\w*|n'importe comment)",
        # Every person and possessive: "elle n'arrivait plus à trouver ses mots".
        r"\btrouv\w*\s+plus\s+(?:mes|ses|les|leurs) mots\b|\bcherch\w* (?:mes|ses|les) mots\b|"
        r"\b(?:n'arriv\w*|ne pouv\w*)\s+(?:\w+\s+){0,3}?(?:plus|pas)\s+a\s+trouver\s+"
        r"(?:mes|ses|les) mots\b",
        r"\bdis\w*\s+n'importe quoi\b|\bdit n'importe quoi\b",
        r"\bbouche pateuse\b|\bparole pateuse\b|\bpateu(?:se|x)\b",
        r"\bmots qui n'(?:avaient|ont) (?:aucun|pas de) sens\b|\bmots sans (?:aucun )?sens\b|"
        r"\bon ne (?:me )?comprenait plus\b",
        # Speech others can no longer make out (spec section 3 table, stroke_signs: garbled
        # speech): "on ne comprend plus ce qu'elle dit", "je ne comprenais plus ce qu'il disait";
        # no longer, not a doctor's words never understood.
        r"\b(?:on|je|j'|personne|nous)\s*(?:ne\s+|n')(?:la |le |les |l'|lui |me )?compren\w*\s+"
        r"(?:plus|plus rien)\s+(?:\w+\s+)?(?:a\s+)?(?:ce qu'|ce que\s+)(?:il|elle|je|j')\s*"
        r"(?:dit|disait|dis|racont\w*|essai\w*|voulait dire|veut dire)",
        r"\bdysarthri\w*",
        r"\bmots (?:qui )?(?:sortent|sortaient) (?:mal|de travers)\b",
        r"\b(?:n'arriv\w*|arriv\w*|pouvai\w*|peux|pu)\s+(?:pas|plus)\s+(?:a\s+)?(?:parler|articuler)\b|"
        rf"\b{CANNOT_TEXT}\s+(?:a\s+)?(?:parler|articuler)\b|"
        r"\bimpossible d'(?:articuler|parler)\b|\b(?:du mal|de la peine) a (?:articuler|parler)\b",
        r"\bbafouill\w*|\bbredouill\w*|\bmots (?:melang\w*|ne venaient pas|ne sortaient pas)",
    ),
    "LIMB_ONE_SIDE": (
        # Numbness or weakness named first, then the limbs and their side (spec section 3 table,
        # stroke_signs: one-sided weakness or numbness; sudden only, by the SUDDEN cue):
        # "engourdissement brutal du bras et de la jambe gauches".
        r"\b(?:engourdi\w*|paralys\w*|faiblesse|perte de (?:force|sensibilite)|insensib\w*)\b"
        r"[^.;!?,]{0,30}?\b(?:bras|jambes?|mains?|pieds?)\b[^.;!?,]{0,25}?\b(?:gauches?|droite?s?)\b",
        # Something dropped from one hand (spec section 3 table, stroke_signs: one-sided
        # weakness): "la brosse m'est tombée de la main droite", "le verre m'a échappé de la
        # main gauche".
        r"\b(?:tomb|echapp|gliss)\w*\s+(?:de|des|d'entre)\s+(?:la|ma|sa|les|mes|ses)\s+mains?\s+"
        r"(?:droite|gauche)\b",
        r"\b(?:peux|pouvais|pu)\s+(?:pas|plus)\s+(?:bouger|lever|sentir)\s+(?:le|la|mon|ma|son|s"
        r"a)\s+"
        r"(?:bras|jambe|main)\s+(?:gauche|droit\w*)",
        rf"\b(?:bras|jambe|main)\s+(?:gauche|droit\w*)\s+{W}{{0,2}}(?:mort\w*|engourdi\w*|sans f"
        rf"orce|"
        r"inerte\w*|paralys\w*|faible\w*|lourde?|toute? mou\w*|molle|ne repond\w* plus|"
        r"repond\w* plus|lach\w*)",
    ),
    "CEREBELLAR": (
        r"\btitub\w*",
        r"\bmaladro\w*",
        r"\brenvers\w*\s+(?:mon|ma|mes|le|la|les)\s+(?:verre|tasse|bol|cafe)\b",
        r"\brate\w* (?:le|la|les|mon|ma) (?:verre|tasse|bol|cuillere|bouton|poignee)\b",
        r"\bperd\w* l'equilibre\b|\bdesequilibr\w*",
        r"\bzigzag\w*",
        r"\b(?:toute?\s+)?croche sur mes jambes\b",
        r"\b(?:marche|marchais)\s+comme\s+(?:si\s+j'avais bu|une? (?:personne )?(?:soul\w*|saoul"
        r"\w*|"
        r"ivre))",
        r"\bcomme (?:une? )?(?:personne )?(?:soule|saoule|ivre)\b",
        r"\bme tiens aux murs\b|\bse tient aux murs\b",
        r"\bataxi\w*|\binstabl\w*",
        r"\bequilibre\s+(?:\w+\s+)?(?:mauvais|perdu|pire|precaire)\b",
    ),
}

SYMPTOM_TARGETS: dict[str, tuple[str, ...]] = {
    "proximal_leg_weakness": (
        rf"\bjambes?\s+{W}{{0,3}}(?:en coton|en plomb|comme du plomb|faibles?|lourdes?|molles?|"
        r"flageol\w*|en compote|nulles|"
        r"qui lachent|ont lache)",
        rf"\b(?:cuisses?|genoux)\s+{W}{{0,3}}(?:en compote|faibles?|ont lache|lachent|en coton)",
        rf"\b(?:du mal|difficile|peine|n'arriv\w* pas)\s+{W}{{0,2}}(?:a |pour )?(?:me |se )?"
        r"(?:lever|relever|monter les escaliers)",
        # Legs and hips that give out, burn or "ne suivent pas" (spec section 2: proximal leg
        # weakness, LEMS's commonest sign): "les jambes en vrac", "les cuisses brûlent", "les
        # hanches ne suivent pas", and the usual legs ("mes jambes comme d'hab").
        rf"\b(?:jambes?|cuisses?|hanches?|genoux|mollets?)\s+{W}{{0,2}}(?:en vrac|en feu|"
        r"(?<!ne )(?<!n')(?:brul\w*|coupees?|tremblent|tremblaient)|"
        r"ne (?:suiv|repond|ti?enn?)\w* (?:plus|pas)|"
        r"comme d'hab\w*|comme toujours|comme d'habitude)",
        # Stairs hard going (spec section 2: proximal leg weakness): "du mal dans l'escalier",
        # "escaliers du métro pénibles", holding the banister.
        r"\b(?:du mal|de la peine|peine|galere\w*|difficile\w*|dur)\s+(?:\w+\s+)?(?:dans|a monter|"
        r"pour monter|en montant)\s+(?:l'|les |des |mes |un |mon )?(?:escaliers?|marches)\b",
        rf"\b(?:escaliers?|marches)\s+{W}{{0,3}}(?:penibles?|difficiles?|durs?|laborieu\w*|"
        r"une epreuve|un calvaire|galere)\b",
        # A timed test of rising and walking noted in the diary (spec section 2: proximal leg
        # weakness, and its improvement with repetition in LEMS): "Test 3TUG : 12,1 s / 10,4 s".
        r"\b(?:3\s?-?tug|tug|timed up and go|test (?:du |de )?lever de (?:la )?chaise|"
        r"test des (?:5|cinq) levers)\b",
        # Getting up from a chair or out of a car (spec section 2: proximal leg weakness):
        # "n'arrive plus à sortir de la voiture", "me relever du canapé, une épreuve".
        r"\b(?:du mal|de la peine|peine|galere\w*|difficile\w*|n'arriv\w* (?:pas|plus)|"
        r"j'arrive (?:pas|plus)|peux (?:pas|plus)|impossible|penible)\s+(?:\w+\s+)?"
        r"(?:a |pour |de )?(?:me |se |le |la |l')?(?:sortir|lever|relever|extraire)\s+"
        r"(?:de |du |d')(?:la |le |l'|mon |ma |son |sa )?"
        r"(?:voiture|auto|chaise|fauteuil|canape|baignoire|bain|lit|toilettes|wc|siege)\b",
        r"\b(?:sortir|se lever|me lever|se relever|me relever)\s+(?:de |du |d')"
        r"(?:la |le |l'|mon |ma |son |sa )?"
        r"(?:voiture|auto|chaise|fauteuil|canape|baignoire|bain|toilettes|wc|siege)\b"
        r"[^.;!?]{0,25}?\b(?:penible|difficile|dur|galere|une epreuve|un calvaire|laborieu\w*)",
        r"\b(?:tiens|tient|tenait|tenais|agripp\w*|accroch\w*|cramponn\w*)\s+(?:\w+\s+)?"
        r"(?:a la|aux)\s+(?:rampe|main courante)\b",
    ),
    "proximal_arm_weakness": (
        rf"\bbras\s+{W}{{0,2}}(?:faibles?|lourds?|fatigu\w*|en vrac|en coton|"
        r"ne (?:suiv|repond)\w* (?:plus|pas))",
        r"\b(?:impossible de|du mal a|de la peine a|n'arrive (?:pas|plus) a|"
        r"j'arrive (?:pas|plus) a|peux (?:pas|plus)|galere a)\s+(?:me\s+)?lever (?:les|mes) bras\b",
        r"\bne\s+(?:leve|levait|peut|pouvait)\s+(?:plus|pas)\s+(?:lever\s+)?les\s+bras\b",
        # Arms raised that tire or burn, doing one's hair (spec section 2: proximal arm
        # weakness): "me coiffer les bras en l'air, ça brûle", "du mal à me sécher les cheveux".
        r"\bbras\s+(?:en l'air|leves?|au-dessus de (?:la|ma) tete)\b[^.;!?]{0,40}?\b(?:brul\w*|"
        r"lourd\w*|tomb\w*|fatigu\w*|tiennent plus|lach\w*|impossible|tremble\w*)",
        r"\b(?:peux (?:pas|plus)|jpeux (?:pas|plus)|du mal a|de la peine a|n'arrive (?:pas|plus) a|"
        r"j'arrive (?:pas|plus) a|impossible de|galere a)\s+(?:me |se |lui )?(?:coiffer|peigner|"
        r"secher les cheveux|laver les cheveux|attacher (?:mes|ses) cheveux|brosser les cheveux|"
        r"raser|etendre le linge)",
    ),
    "distal_weakness": (
        r"\b(?:du mal a|impossible d'|n'arrive pas a)\s*ouvrir (?:les |des )?(?:bocaux|pots)\b",
        r"\bmains\s+(?:\w+\s+)?(?:faibles|sans force)\b",
        r"\b(?:pas capable|incapable|impossible)\s+d'ouvrir\s+"
        r"(?:le|les|un|des)\s+(?:pots?|bocal|bocaux)\b",
        r"\bpas de force dans (?:les|mes) mains\b",
    ),
    "neck_weakness": (
        r"\bnuque\s+(?:\w+\s+){0,2}(?:tient plus|faible|fatigu\w*)|\btete lourde\b",
        r"\b(?:du mal a|peine a|impossible de|n'arrive pas a|n'arrive plus a)\s+(?:tenir|garder|"
        r"soutenir)\s+(?:ma|sa|la)\s+tete\b",
    ),
    "muscle_aches": (
        r"\bcourbatur\w*|\bcrampes?\b|\bdouleurs musculaires\b|\bmyalgi\w*",
        # Stiff muscles (spec section 2): "jambes raides au réveil", "raideurs dans les cuisses".
        r"\b(?:jambes?|cuisses?|muscles?|mollets?|bras|epaules?)\s+(?:tout\s+|toutes?\s+)?raides?\b|"
        r"\braideurs?\s+(?:musculaires?|dans les (?:jambes|cuisses|bras|muscles|epaules))\b",
    ),
    "fatigue": (
        r"\b(?:fatigu\w*|crevee?|epuise\w*|vanne\w*|claque\w*|lessive\w*|naze|sans energie|"
        r"a plat|hs)\b",
        # Sudden exhaustion (spec section 2: fatigue): "coup de barre", "coup de pompe".
        r"\bcoups? de (?:barre|pompe|mou)\b|\bplus de jus\b|\braplapla\b|\bsur les rotules\b",
    ),
    "falls": (r"\b(?:chute|tombe\w*|trebuch\w*|failli tomber)\b",),
    "dry_mouth": (
        r"\bbouche\s+(?:\w+\s+)?seche\b|\bsecheresse buccale\b|\bgout metallique\b",
        # A mouth as dry as cardboard or sandpaper (spec section 2: dry mouth).
        r"\bbouche\s+(?:\w+\s+){0,2}?(?:carton|papier de verre|parchemin|desert|sahara|"
        r"papier maché|papier mache)\b",
    ),
    "constipation": (
        r"\bconstip\w*",
        # A slow gut told plainly (spec section 2: constipation): "transit au ralenti", "pas
        # allée à la selle depuis trois jours".
        r"\btransit\s+(?:\w+\s+){0,2}?(?:ralenti|paresseux|bloque|lent|difficile|en panne|"
        r"au point mort)\b|\bpas (?:ete|allee?) (?:a la selle|aux toilettes)\b|"
        r"\bselles?\s+(?:dures|difficiles|rares)\b|\bpruneaux\b",
    ),
    "erectile_dysfunction": (r"\berection\w*|\bimpuissan\w*",),
    "dizziness_on_standing": (
        r"\bvertige\w*|\bt[eê]te qui tourne\b|\bla tete (?:me )?tourne\b|\btourne la tete\b|"
        r"\betourdi\w*|\bvoile noir\b",
    ),
    "reduced_sweating": (
        r"\btranspire\w* (?:presque |beaucoup |bien |nettement |quasiment |un peu )?"
        r"(?:plus|moins|pas)\b|\bsue (?:presque |beaucoup |bien )?(?:plus|moins)\b",
    ),
    "blurred_vision": (
        r"\bvision floue\b|\bflou\w*\b|\bvois trouble\b|\bvue\s+(?:\w+\s+){0,2}trouble\b",
    ),
    "drooping_eyelids": (
        rf"\bpaupi\w*\s+{W}{{0,2}}(?:qui tomb\w*|tomb\w*|lourde\w*)",
        r"\bptosis\b",
    ),
    "double_vision": (r"\bvois double\b|\bvoyait double\b|\bvision double\b|\bdiplopi\w*",),
    "slurred_speech": (
        # A nasal, weak or fading voice (spec section 2: bulbar weakness): "voix un peu
        # nasonnée", "voix qui s'éteint le soir".
        rf"\bvoix\s+{W}{{0,2}}(?:nasillarde|nasonnee|faible|faiblarde|eteinte|qui s'eteint|"
        r"voilee|qui baisse)\b|\bnasillard\w*|\bnasonn\w*",
        r"\bparl\w*\s+(?:\w+\s+){0,3}du nez\b",
    ),
    "chewing_difficulty": (r"\bmachoire\s+(?:\w+\s+){0,2}fatigu\w*|\bdu mal a macher\b",),
    "tingling": (r"\bfourmill\w*|\bfourmis\b|\bpicotement\w*|\bengourdi\w*|\bparesthesi\w*",),
}

PSEUDO_PATTERNS: tuple[str, ...] = (
    # Who tells what was seen is not who had it: "according to my sister, I had a fit" (spec
    # section 3: signs others see are the patient's).
    rf"\b(?:d'apres|selon)\s+(?:ma|mon|mes)\s+{FAMILY_WORDS}\b",
    # A relative who found the writer on the floor tells the writer's collapse, not their own
    # (spec section 3, "Who is writing": signs others see): "Mon fils m'a retrouvée par terre".
    rf"\b(?:mon|ma|mes|son|sa|notre)\s+{FAMILY_WORDS}\s+m'(?:a|ont|avait|avaient)\s+"
    r"(?:re)?trouvee?\s+(?:\w+\s+){0,2}?(?:par terre|au sol|a terre|inconsciente?|evanouie?|"
    r"sans connaissance)",
    # "otherwise ok" is about the rest, not a denial of what was just said (spec section 3).
    r"\bsinon (?:ca va|ça va|tout va bien|ok|bien)\b",
    # "until it passed" measures an episode; it does not say the symptom has cleared up.
    r"\bjusqu'a ce que (?:ca|ça|cela) (?:passe|soit passe|se calme)\b",
    # "impossible de m'allonger sans avoir l'impression de me noyer": a "sans" after a word of
    # cannot states what always comes, it does not deny it (spec section 3).
    r"\b(?:impossible|pas moyen|jamais moyen|peux (?:pas|plus)|n'arrive (?:pas|plus)|"
    rf"j'arrive (?:pas|plus)|{CANNOT_TEXT})\s+(?:de\s+|d'|a\s+)?(?:[\w']+\s+){{1,3}}?sans\b",
    # Hedges are flagged (spec section 3).
    r"\bje (?:ne )?sais pas\b|\bpas sur\w*\b|\bje sais pas\b|\bpas trop\b|\bpas certain\w*\b",
    # The negation is part of the symptom: "ne passe pas", "n'arrive pas à avaler".
    r"\b(?:ne\s+)?(?:passe|passent|descend|descendent|passaient|descendaient|part)\s+(?:pas|plus"
    r")\b",
    rf"\b{CANNOT_TEXT}\b|"
    r"\bn'arriv\w* (?:pas|plus)\b|\bj'arrive (?:pas|plus)\b|\bpeux (?:pas|plus)\b|"
    r"\bn'ai pas pu\b|\bn'a pas pu\b",
    r"\bpas normal\b|\bpas pantoute\b|\bn'arrivait jamais\b|\bjamais arrive\b|"
    r"\bsert a rien\b|\brien n'y fait\b|\bpas mieux\b",
    r"\bsans (?:regime|le vouloir|rien faire|raison|faire expres|faire de regime)\b|"
    r"\bpas de regime\b|\bperte involontaire\b|\binvolontaire\w*\b",
    r"\bpas tres (?:fort|forte|intense)\b|\bpas (?:fort|forte|grave)\b",
    r"\brien de (?:violent|grave|terrible|intense|fort|mechant)\b|\bpas (?:violente?|intense)\b",
    # A severity word that is denied ("rien de violent", "pas très intense") is not severe (spec
    # section 3 table: severe_chest_pain needs a severe pain).
    r"\b(?:rien de|pas|pas tres|pas si|jamais)\s+(?:tres |si |trop )?(?:violent|intense|terrible|"
    r"horrible|insupportable|atroce|grave)\w*",
    # A denied diet ("no está haciendo ninguna dieta") does not make a loss intended.
    slots.denied_diet("fr"),
    # The date of the size worn before is the comparison's, not a symptom long past: "je
    # faisais du 44 l'an dernier" (spec section 3 table, weight_loss).
    rf"\b{WORE}\s+(?:du|un|le|en)\s+\d\d\s+(?:avant\s+)?(?:l'an(?:nee)? "
    r"(?:dernier|derniere|passee?)|l'hiver dernier|l'ete dernier|il y a (?:\w+\s+)?"
    r"(?:ans?|annees?))\b",
)

CUES: tuple[Cue, ...] = (
    Cue("PSEUDO", "PSEUDO", PSEUDO_PATTERNS),
    Cue(
        "CONTRAST",
        "PSEUDO",
        (
            r"\b(?:mais|pourtant|cependant|sauf|excepte|seulement|juste|par contre|en revanche|"
            r"sinon|a part (?:ca|cela))\b",
        ),
        max_scope=TERMINATOR_SCOPE,
    ),
    Cue("SELF", "PSEUDO", (r"\b(?:je|j'|moi)\b|\bj'",), max_scope=TERMINATOR_SCOPE),
    Cue(
        "OWN",
        "PSEUDO",
        (rf"\b(?:mon|ma|mes)\b(?!\s+(?:{FAMILY_WORDS}|{OTHER_WORDS})\b)",),
        max_scope=TERMINATOR_SCOPE,
    ),
    Cue("COMMA", "PSEUDO", (r",", r"\bdonc\b", r"\balors\b"), max_scope=TERMINATOR_SCOPE),
    # A header ("Aidante :", "(écrit par son petit-fils)") ends before what it introduces.
    Cue("CLAUSE_END", "PSEUDO", (r":", r"\)"), max_scope=TERMINATOR_SCOPE),
    Cue(
        "CURRENT",
        "PSEUDO",
        (
            r"\b(?:maintenant|aujourd'hui|actuellement|encore|de nouveau|toujours|ce matin|ce so"
            r"ir)\b",
        ),
        max_scope=TERMINATOR_SCOPE,
    ),
    # Chapman et al. 2013, French NegEx triggers (adapted): pas de, aucun(e), sans, ni, absence
    # de, nie, jamais, ne ... pas.
    Cue(
        "NEGATED",
        "FORWARD",
        (
            r"\bpas (?:de|d')\b|\bpas d'",
            r"\b(?:aucun|aucune)\b",
            r"\bsans\b",
            r"\bni\b",
            r"\b(?:absence de|nie|niee|nié|jamais)\b",
            r"\b(?:ne|n')\s*(?:\w+\s+){0,1}(?:pas|plus)\b",
        ),
        terminated_by=frozenset({"CONTRAST", "CLAUSE_END"}),
        max_scope=NEGATION_REACH,
    ),
    Cue(
        "NEGATED",
        "BACKWARD",
        (
            # "Ce soir : aucune fausse route" negates forward; "Toux : aucune." backward (spec
            # section 3).
            r"[:=]\s*(?:non|rien|normale?|ok|bien|negatif)\b",
            r"[:=]\s*(?:aucune?)\b(?=\s*(?:[-.,;!?)\n]|$|aujourd|hier\b|ce\b|cette\b|depuis\b))",
            r"\?\s*(?:non|rien|aucune?|jamais|normale?|ok|pas non plus|non plus)\b",
            # "ça fait bien 5 semaines": "bien" before an amount means "a good", not "fine".
            r"\b(?:ok|normale?|bien|rien a signaler|ras)\b(?!\s+(?:de|depuis|apres|\d|une?|deux|"
            r"trois|quatre|cinq|six|sept|huit|neuf|dix|quinze|vingt|plus|des|la|le|les)\b)"
            r"(?!\s*\?)",  # asked, not answered (spec section 3): "essoufflée, normal ?"
        ),
        terminated_by=frozenset({"CONTRAST"}),
        max_scope=NORMAL_REACH,
    ),
    # A clause opened by "pas" denies what follows: "ca disparait au repos, pas essoufflee";
    # "Pas mal à la poitrine" is no pain there ("pas mal de" is "quite a lot of").
    Cue(
        "NEGATED",
        "FORWARD",
        (
            r"(?:^|(?<=[,;:.(]\s)|(?<=[,;:.(]))\s*pas\b(?!\s+(?:de|d'|du|mal\b(?!\s+(?:a|au|aux)\b)|trop|tres|sur|sure|"
            r"normal|mieux|assez|encore|bien|fort|forte|grave|que|qu'))",
        ),
        terminated_by=frozenset({"CONTRAST", "CLAUSE_END", "COMMA"}),
        max_scope=2,
    ),
    # Spoken French drops "ne": "je titube pas" negates the verb just before.
    Cue(
        "NEGATED",
        "BACKWARD",
        (
            r"\bpas\b(?!\s+(?:de|d'|du|mal|trop|tres|sur|sure|normal|mieux|assez|encore|bien|"
            r"pantoute|fort|forte|grave))",
        ),
        terminated_by=frozenset({"CONTRAST"}),
        max_scope=2,
    ),
    # "ne ... pas" around a verb with its pronoun and auxiliary (Chapman et al. 2013, "ne ...
    # pas"): "je ne m'étouffe plus", "je ne me suis pas étouffé", "il ne s'essouffle jamais".
    # Only "ne" is the cue, so that it does not overlap the verb it denies; it reaches the next
    # few words only. "ne ... plus que" is "only" and "ne ... pas que" "not only": no denial.
    Cue(
        "NEGATED",
        "FORWARD",
        (
            rf"\b(?:ne\b|n')(?=\s*{CLITIC}?[\w']+\s+(?:pas|plus|jamais)\b(?!\s+(?:que|qu'|seulement)))",
        ),
        terminated_by=frozenset({"CONTRAST", "CLAUSE_END", "COMMA"}),
        max_scope=3,
    ),
    Cue(
        "NEGATED",
        "FORWARD",
        (
            rf"\b(?:ne\s+|n')\s*{CLITIC}?(?:suis|es|est|sommes|etes|sont|ai|as|a|avons|avez|ont|"
            r"etais|etait|avais|avait)\s+(?:pas|plus|jamais)\b(?!\s+(?:que|qu'|seulement))",
        ),
        terminated_by=frozenset({"CONTRAST", "CLAUSE_END", "COMMA"}),
        max_scope=2,
    ),
    # "et je", "et il": a new clause with its own subject, which a negation before it does not
    # reach ("je ne peux plus marcher et j'étouffe"): spec section 3, the reach of negation.
    Cue("NEW_CLAUSE", "PSEUDO", (r"\bet\s+(?:je\b|j'|il\b|elle\b|on\b|ca\b|ça\b)",), max_scope=1),
    Cue(
        "FAMILY",
        "FORWARD",
        (
            rf"(?<!avec )(?<!de )(?<!pour )\b(?:mon|ma|mes|son|sa|ses|notre|nos|le|la|l'|ton|ta)\s*"
            rf"{FAMILY_WORDS}\b",
            rf"(?:\A\s*|(?<=[.!?;:\n]\s)|(?<=[.!?;:\n])){FAMILY_WORDS}\b",
            r"(?:\A\s*|(?<=[.!?;:\n]\s))(?:il|elle)\b",
        ),
        terminated_by=frozenset({"CONTRAST", "SELF", "OWN", "CLAUSE_END"}),
        max_scope=OTHER_PERSON_REACH,
    ),
    Cue(
        "OTHER_PERSON",
        "FORWARD",
        (
            rf"\b(?:mon|ma|mes|son|sa|ses|notre|nos|le|la|l'|un|une|des)\s*"
            rf"(?:{FAMILY_WORDS}\s+de\s+(?:mon|ma|mes)\s+)?{OTHER_WORDS}\b",
            rf"(?:\A\s*|(?<=[.!?;\n]\s)){OTHER_WORDS}\b",
            # Someone else's relative, named by a relative clause: "Jean, whose husband had...".
            rf"\bdont\s+(?:le|la|les|l')\s*{FAMILY_WORDS}\b",
            r"\b(?:quelqu'un|d'autres patients|les gens|un monsieur|une dame)\b",
        ),
        terminated_by=frozenset({"CONTRAST", "SELF", "OWN", "CLAUSE_END"}),
        max_scope=OTHER_PERSON_REACH,
    ),
    # Another person taken to hospital "pour" a list of symptoms: the list is theirs, however
    # long (spec section 3: "my friend's husband went into hospital with chest pains and
    # breathlessness" flags nothing).
    Cue(
        "OTHER_PERSON",
        "FORWARD",
        (
            rf"\b(?:mon|ma|mes|son|sa|ses|notre|nos|le|la|l'|un|une|des)\s*{OTHER_WORDS}\b"
            r"[^.;!?,]{0,30}?\b(?:hospitalis|admis|emmen|transport|opere|evacue|soign)\w*\s+"
            r"(?:\w+\s+){0,3}?(?:pour|avec)\b",
        ),
        terminated_by=frozenset({"CONTRAST", "SELF", "OWN", "CLAUSE_END"}),
        max_scope=2 * OTHER_PERSON_REACH,
    ),
    Cue(
        "HYPOTHETICAL",
        "FORWARD",
        # "comme si j'avais bu" is a comparison, not an "if"; nor is the "si" of degree, "si
        # faible que", "si fort" ("so weak that", "so hard").
        (
            r"(?<!comme )\bsi\b(?!\s+\w+\s+(?:que|qu')|\s+(?:peu|fort|forte|mal|faible|faibles|"
            r"vite|souvent|dur|longtemps|tellement|difficile|lourde?s?|serree?s?)\b)|\bs'il\b|"
            r"\ben cas de\b|\bet si\b|\bau cas ou\b",
        ),
        terminated_by=frozenset({"CONTRAST", "CLAUSE_END", "COMMA"}),
    ),
    Cue(
        "HYPOTHETICAL",
        "FORWARD",
        (
            r"\b(?:peur|crainte|risque|danger) (?:de|d'|que)\b",
            r"\b(?:est-ce que|peut-il|peut-elle) (?:le lems|la maladie|le syndrome|"
            r"l'amifampridine) (?:peut|provoque|cause)\b",
            r"\b(?:effets? (?:secondaires?|indesirables?)|notice)\b",
            # What a drug "can give" is a question about it, and a dream is not an event.
            r"\b(?:peut|pourrait|peuvent|pourraient) (?:donner|provoquer|causer|entrainer)\b",
            r"\brev(?:e|ais|ait)\b(?:\s+\w+){0,2}\s+(?:que|qu'|de|d')|\bcauchemar\w*\b",
            r"\bj'appelle qui\b|\bje fais quoi\b|\bque faire\b",
            r"\b(?:a l'avenir|prevenir|eviter)\b",
        ),
        terminated_by=frozenset({"CONTRAST", "CLAUSE_END", "COMMA", "OWN"}),
    ),
    Cue(
        "HISTORICAL",
        "BIDIRECTIONAL",
        (
            r"\bl'an(?:nee)? (?:dernier|derniere|passe)\b|\bl'hiver dernier\b|\bl'ete dernier\b",
            r"\bil y a (?:\w+\s+)?(?:ans|annees)\b|"
            r"\bquand j'etais (?:petite?|jeune|enfant|ado\w*)\b|"
            r"\b(?:a|dans|pendant) (?:l'|mon |ma )(?:adolescence|enfance|jeunesse)\b|"
            r"\betant (?:enfant|jeune|petite?|ado\w*)\b",
            # "rien depuis 40 ans", "plus jamais en 30 ans": one event long ago, nothing since.
            r"\b(?:rien|plus rien|plus jamais|jamais plus)\s+(?:depuis|en)\s+(?:\d+|des|tant d')\s*"
            r"(?:ans|annees)\b",
            r"\benfant\b|(?<!tout )(?<!tres )(?<!trop )\bpetite?\b(?=,|\s+depuis)",
            r"\ben (?:19|20)\d\d\b|\bavant le diagnostic\b|\bantecedents? de\b",
            # "La douleur thoracique de 2017": a symptom dated by a past year.
            r"(?<!depuis )(?<!jusqu'en )\bde (?:19|20)\d\d\b",
        ),
        terminated_by=frozenset({"CONTRAST", "CURRENT"}),
    ),
    Cue(
        "RESOLVED",
        "BACKWARD",
        (
            r"\b(?:(?:est|sont|s'est)\s+(?:partie?s?|passee?s?|finie?s?|reglee?s?|guerie?s?)|"
            r"partie?s?|finie?s?|reglee?s?|guerie?s?)\b"
            r"(?!\s+(?:par|dans|de travers|en haut|vers le haut|en arriere))",
            r"\bc'est (?:regle|fini|passe)\b|\bc'etait fini\b|\bil va mieux\b|\bca va mieux\b|"
            # "ça passe de travers / mal" is the mouthful going down, not the thing passing.
            r"\bapres (?:ca|cela) allait\b|\bca passe\b(?!\s+(?:pas|plus|de travers|mal|"
            r"difficilement|moins bien|par le|dans le|de moins en moins))",
            r"\bjamais (?:re)?(?:revenue?s?|reapparue?s?)\b|\bplus jamais eu\b",
        ),
        terminated_by=frozenset({"CURRENT"}),
    ),
    Cue(
        "INTENDED",
        "BIDIRECTIONAL",
        (
            r"\b(?:regime|diete|jeune intermittent|ozempic|wegovy|mounjaro|expres|volontaire\w*|"
            r"voulu|contente?|ravie?|fiere?)\b",
        ),
        terminated_by=frozenset({"CONTRAST"}),
        allowed_types=frozenset({"WEIGHT_LOSS"}),
    ),
    Cue(
        "BENIGN_CAUSE",
        "BIDIRECTIONAL",
        (r"\b(?:couru|courir|course|bus|cote|la cote|sport|gym|velo|nage\w*|danse\w*|rire)\b",),
        allowed_types=frozenset({"DYSPNEA"}),
    ),
    Cue(
        "BENIGN_CAUSE",
        "BIDIRECTIONAL",
        (
            r"\b(?:raclette|fondue|repas copieux|brulure|aigreurs?|reflux|gaviscon|maalox|"
            r"omeprazole|apres le repas|indigestion)\b",
        ),
        allowed_types=frozenset({"CHEST_PAIN"}),
    ),
    Cue(
        "QUICK_RECOVERY",
        "BIDIRECTIONAL",
        (
            r"\b(?:une|quelques|\d+) (?:minute|minutes|secondes?|min)\s+(?:apres|plus tard)\b",
            r"\ben (?:\d+|quelques|une|deux|cinq|dix) (?:min|minutes?|secondes?)\b",
            r"\btout de suite\b|\baussitot\b|\brapidement\b",
            # "au bout d'une minute plus rien", "après deux minutes c'était passé".
            r"\b(?:au bout d'|apres )(?:une|deux|trois|quelques|\d+) (?:min|minutes?|secondes?)\b",
        ),
        allowed_types=frozenset({"DYSPNEA", "CHEST_PAIN"}),
    ),
    # A recovery told in texting or everyday words (spec section 3: quick recovery): "1 min
    # puis nickel", "deux minutes en haut puis reparti comme si de rien n'était".
    Cue(
        "QUICK_RECOVERY",
        "BIDIRECTIONAL",
        (
            r"\b(?:\d+|une|deux|trois|quelques|cinq|dix)\s+(?:min|mn|minutes?|secondes?|sec|s)\b"
            r"\s*,?\s*(?:\w+\s+){0,2}?(?:puis|et puis|ensuite|apres|et)\s+(?:\w+\s+){0,2}?"
            r"(?:nickel|impec\w*|au top|plus rien|reparti\w*|recupere\w*|ok|tranquille|"
            r"comme si de rien n'etait)\b",
            r"\bcomme si de rien n'etait\b",
        ),
        allowed_types=frozenset({"DYSPNEA", "CHEST_PAIN"}),
    ),
    # A climb far above little effort: the steps of a monument or a hill, a mountain walk (spec
    # section 3: an expected, benign cause; the quick recovery is still needed).
    Cue(
        "BENIGN_CAUSE",
        "BIDIRECTIONAL",
        (
            r"(?-i:\bmarches (?:de|du|des) (?:la |l'|le )?[A-Z])|\b(?:marches|escaliers?) "
            r"(?:de la|du|de l'|des) (?:basilique|cathedrale|tour|chateau|colline|phare|butte|"
            r"sacre-coeur|montmartre|remparts|citadelle)\b|\brandonn\w*|\brando\b|\bmontagne\b|"
            r"\bsommet\b|\bascension\b|\bcentaines? de marches\b|\b\d{3,} marches\b",
        ),
        allowed_types=frozenset({"DYSPNEA"}),
    ),
    Cue(
        "FAINT_RECOVERY",
        "BIDIRECTIONAL",
        (
            r"\brevenue? (?:a moi |a elle |a lui )?(?:tout de suite|aussitot|rapidement|en quelq"
            r"ues "
            r"secondes)\b",
            r"\bdebout (?:trop longtemps|longtemps)\b|\btete qui tourne debout\b|\bleve\w* trop "
            r"vite\b",
        ),
        allowed_types=frozenset({"LOC"}),
    ),
    Cue(
        "SUDDEN",
        "BIDIRECTIONAL",
        (
            r"\bsoudain\w*|\bbrusque\w*|\bbrutal\w*|\bd'un coup\b|\btout a coup\b|\bsubit\w*|"
            r"\bsans prevenir\b",
            r"\bdepuis (?:une|1|deux|2|une demi-) ?heures?\b|\bil y a (?:une|\d+|deux) (?:heure|"
            r"minute)s?\b",
        ),
        allowed_types=frozenset({"STROKE", "SPEECH", "CHEST_PAIN", "CEREBELLAR", "LIMB_ONE_SIDE"}),
    ),
    # Waking with a stroke sign is an onset nobody saw, so it counts as sudden; chest tightness
    # "on waking" is a time of day, not a sudden onset (severe_chest_pain needs more).
    Cue(
        "SUDDEN",
        "BIDIRECTIONAL",
        (r"\bdepuis ce matin\b|\bau reveil\b",),
        allowed_types=frozenset({"STROKE", "SPEECH", "CEREBELLAR", "LIMB_ONE_SIDE"}),
    ),
    Cue(
        "GRADUAL",
        "BIDIRECTIONAL",
        (
            r"\bdepuis des (?:mois|annees)\b|\btoujours\b|\bcomme d'hab\w*\b|\bpeu a peu\b",
            r"\ble soir\b|\ben fin de journee\b|\bquand je suis fatigue\w*\b|\bquand je suis cre"
            r"v\w*",
        ),
        allowed_types=frozenset({"STROKE", "SPEECH"}),
    ),
    Cue(
        "NEW_ONSET",
        "BIDIRECTIONAL",
        (
            r"\bdepuis (?:\w+\s+){0,3}(?:jours|semaines|quinzaine|huit jours|dix jours)\b|"
            r"\bdepuis (?:une|quelques|deux|trois|\d+) (?:jours|semaines)\b",
            r"\bc'est nouveau\b|\bnouveau\b|\bjamais\b|\bde plus en plus\b|\bces derni\w+ semain"
            r"es\b|"
            r"\bdernierement\b|\brecemment\b|\bdepuis (?:mi|debut|fin)[- ]\w+\b",
        ),
        allowed_types=frozenset({"SPEECH", "CEREBELLAR"}),
    ),
    Cue(
        "LONG_STANDING",
        "BIDIRECTIONAL",
        (
            r"\bdepuis des (?:mois|annees)\b|\bcomme depuis des mois\b|\bdepuis (?:un an|longtem"
            r"ps)\b|"
            r"\btoujours\b|\bcomme d'hab\w*\b",
            r"\ble soir\b|\ben fin de journee\b|\bquand je suis (?:fatigue\w*|crev\w*)",
        ),
        allowed_types=frozenset({"SPEECH", "CEREBELLAR"}),
    ),
    Cue(
        "DRUG_EFFECT",
        "BIDIRECTIONAL",
        (r"\b(?:amifampridine|firdapse|3,4-dap)\b|\bapres (?:la|ma) (?:prise|dose)\b",),
        allowed_types=frozenset({"STROKE"}),
    ),
    Cue(
        "SEVERE",
        "BIDIRECTIONAL",
        (
            r"\b(?:tres forte|violente?|intense|terrible|horrible|insupportable|atroce|etau|"
            r"ecras\w*|serre comme|broi\w*|broy\w*)\b",
            # "Qui serre très fort", "tout gris" (spec section 3 table: severe, with sweating).
            r"\b(?:tres|trop|super|hyper) fort\b",
            # A face gone grey, not a grey sky.
            r"\b(?:tout|toute|teint|visage|figure|devenue?|est|etait)\s+(?:tout\s+|toute\s+)?"
            r"(?:gris|grise|livide|blafard\w*)\b",
            r"\b(?:descend|monte|remonte|irradie|file|part)\w*\s+"
            r"(?:dans|vers|jusqu'a|jusque dans)\s+(?:le |la |les )?"
            r"(?:bras|machoire|cou|dos|epaule)",
            r"\bbras gauche\b|\bmachoire\b",
            r"\bsueurs?\b|\bnausee\w*|\bvomi\w*",
        ),
        allowed_types=frozenset({"CHEST_PAIN"}),
    ),
)

QUESTION_START = (
    r"^\W*(?:est-ce|est ce|c'est|peut(?!-etre)|peuvent|faut|quel|quelle|quels|comment|quand|pour"
    r"quoi|ou|"
    r"dois|devrais|y a-t-il)\b"
)
FIRST_PERSON = r"\b(?:je|j'|moi|me|m'|mon|ma|mes)\b|\bj'|\bm'"
SEVERE_IN_MENTION = (
    r"\b(?:ecras\w*|etau|tres forte?|insupportable|intense|terrible|violente?|broi\w*|broy\w*)\b"
)
CAREGIVER_HEADER = (
    r"c'est (?:sa|son|moi) (?:\w+ )?(?:qui ecri\w*|l'aidant\w*)|\bj'ecris pour (?:mon|ma|mes)\b|"
    r"\becrit par (?:sa|son|ses)\b|\bje m'occupe de (?:mon|ma)\b|"
    r"\bje suis (?:sa|son|l')\s*(?:aidant\w*|fille|fils|epou\w*|mari|femme)\b|"
    r"\baidante?\s*:|\bde la part de (?:mon|ma)\b|\bau nom de (?:mon|ma)\b|"
    # A phone note's header naming the relative writing: "sa fille:", "c sa fille:".
    rf"^\W*(?:(?:c'est|c)\s+)?(?:sa|son)\s+{FAMILY_WORDS}\s*:"
)
# A slimming programme or group counts as intended (spec section 3: "on a diet").
INTENDED = (
    r"\b(?:regime|diete|jeune intermittent|ozempic|wegovy|mounjaro|expres|volontaire\w*|"
    r"weight ?watchers|ww|programme (?:minceur|d'amaigrissement)|selon le programme)\b|"
    # Said to be wanted, or the eating watched on purpose (spec section 3: intended weight
    # loss): "c'est voulu", "je fais attention au sucre", "rééquilibrage alimentaire".
    r"(?<!pas )(?<!non )(?<!sans l'avoir )\bvoulue?s?\b|"
    r"\bfai\w* (?:tres |bien )?attention (?:au|aux|a|a ce que) (?:sucres?|gras|calories|ligne|"
    r"portions|alimentation|mon alimentation|son alimentation|je mange|il mange|elle mange)\b|"
    r"\breequilibrage alimentaire\b|\bnutritionniste\b|\bdieteticien\w*|"
    r"\bpour (?:maigrir|mincir|perdre du poids|perdre quelques kilos)\b|"
    r"\bsurveill\w* (?:ma|sa|leur) ligne\b|\b(?:moins|plus) de (?:sucre|sucreries|gras)\b"
)
NOT_INTENDED = (
    r"\bsans (?:regime|le vouloir|rien faire|faire de regime)\b|\bpas de regime\b|"
    r"\binvolontaire\w*|\bsans raison\b|\bje mange (?:comme d'habitude|normalement)\b|"
    r"\b(?:pas|sans l'avoir|sans l'|non|jamais) voulue?\b"
)
# A denied diet, however worded (slots.py; spec section 3).
NOT_INTENDED = NOT_INTENDED + "|" + slots.denied_diet("fr")
FIGURATIVE: tuple[tuple[frozenset[str] | None, str], ...] = (
    # Time, a message or a machine that "ne passe pas" is not swallowing.
    (
        frozenset({"DYSPHAGIA"}),
        r"\b(?:temps|journee|journees|nuit|nuits|heures?|jours|semaine|ordinateur|voiture|"
        r"message|appel|courant|facture|examen|permis|porte|toux|rhume|fievre|douleur|fatigue|"
        r"bus|train|tram|facteur|medecin|infirmiere|kine|film|emission|"
        r"crampe|glaires|crachats|mucus)\b[^.;!?]{0,25}\b(?:ne|n')\s*"
        r"(?:passe|passait|passaient|passent|descend\w*)\s+(?:pas|plus)\b|"
        r"\b(?:ordinateur|voiture|porte|ecran|telephone|appli\w*|glaires|crachats|mucus|toux)\b"
        r"[^.;!?]{0,40}\b(?:coince|bloque)",
    ),
    # "Ça ne passe pas", "ça reste coincé" said of breath, a cough, phlegm, a pain or a rent
    # rise is "it does not go away", phlegm that will not clear or "I cannot accept it", not
    # food sticking (spec section 3, words in another sense), unless the sentence names food,
    # drink or swallowing. An unnamed food ("la compote, ça ne passe pas") stays dysphagia.
    (
        frozenset({"DYSPHAGIA"}),
        rf"^(?![^.;!?]*\b(?:{SWALLOWING})\b)[^.;!?]*?\b(?:touss\w*|toux|souffl\w*|essouffl\w*|"
        r"respir\w*|allonge\w*|couche\w*|douleurs?|fatigue\w*|crampes?|vertiges?|assise?|"
        r"migraine|fievre|rhume|glaires|crachats|mucus|degag\w*|encombr\w*|cracher|expector\w*|"
        r"loyer|prix|hausse|augmentation|facture|impots?|decision|nouvelle|remarque|reforme|"
        r"attitude|comportement|reflexion|politique|gouvernement|mensonge)"
        r"\b[^.;!?]{0,60}?\b(?:ca|cela|c')\s*(?:ne\s+|n')?(?:\w+\s+)?(?:pass\w*\s+(?:pas|plus)|"
        r"rest\w*\s+(?:coince|bloque|pris)\w*|(?:coince|bloque)\w*)\b",
    ),
    # Food stuck while others strike the back or do the Heimlich is the choking itself (spec
    # section 3 table, choking), not a swallowing difficulty: "un morceau de viande coincé, on
    # a dû lui taper dans le dos".
    (
        frozenset({"DYSPHAGIA"}),
        r"^(?![^.;!?]*\b(?:depuis|toujours|chaque|souvent|avaler|deglut\w*|plusieurs fois)\b)"
        r"(?=[^.;!?]*\b(?:taper|tape|frapper|frappe)\w*\s+(?:\w+\s+){0,2}?(?:dans|sur)\s+le\s+dos\b|"
        r"[^.;!?]*\bheimlich\b)[^.;!?]*\b(?:coince\w*|bloque\w*|reste\w* pris)",
    ),
    # A feeling that grips the chest, with no pain, spreading or sweating named (spec section 3,
    # words in another sense: "choked with emotion"): "l'angoisse me serre la poitrine".
    (
        frozenset({"CHEST_PAIN"}),
        r"^(?![^.;!?]*\b(?:douleur\w*|mal|irradi\w*|bras|machoire|sueurs?|transpir\w*|essouffl\w*|"
        r"souffle|respir\w*|effort|escaliers?|marche\w*)\b)"
        r"(?=[^.;!?]*\b(?:angoisse\w*|stress\w*|emotion\w*|chagrin|tristesse|peur|trac|anxi\w*|"
        r"nervosite|colere|de (?:le |la |les )?voir|en (?:le |la |les )?voyant|quand je pense|"
        r"en pensant|rien que d'y penser)\b)[^.;!?]*\b(?:me |m'|lui )"
        r"(?:serr|broi|broy|ecras|compress|comprim|oppress)\w*\s+(?:la|le|ma|mon|sa|son)\s+(?:poitrine|thorax)\b",
    ),
    # The breath taken back, however long it took, after a choking fit is that fit's course,
    # already flagged as choking ("elle s'est étouffée et a mis longtemps à reprendre son
    # souffle"); breath not coming back, or breathless words of their own, stay dyspnea (spec
    # section 3 table: choking, dyspnea).
    (
        frozenset({"DYSPNEA"}),
        r"^(?![^.;!?]*\b(?:essouffl\w*|dyspn\w*|souffle court|bleu\w*|grise?s?|cyanos\w*|"
        r"allonge\w*|a plat|au repos)\b)"
        rf"[^.;!?]*?(?:\b{REFLEXIVE}(?:etouff|etrangl)\w*|\bfausses? routes?\b|\bde travers\b|"
        r"\bmauvais (?:tuyau|trou|cote|chemin)\b)"
        r"[^.;!?]*?\b(?:(?:mis|met|mettre|fallu|pris)\s+(?:\w+\s+){0,2}?(?:longtemps|du temps|"
        r"un moment|un bon moment|un long moment|\w+ minutes?|\d+\s*min\w*)\s+(?:a|pour)\s+"
        r"(?:re)?prendre|"
        r"reprendre\s+(?:son|mon|sa|ma|leur)\s+(?:souffle|air|respiration)\s+(?:pendant|durant)\s+|"
        r"(?:avant de|le temps de|puis a|et a|a fini par|avant d'avoir)\s+(?:re)?pri?s?\w*\s+"
        r"(?:son|mon|sa|ma|leur)\s+(?:souffle|air|respiration)\b)",
    ),
    # An arm gone numb or heavy in the same sentence as a chest pain is where the pain spreads
    # (spec section 3 table, severe_chest_pain: spreading to the arm), not a stroke sign; a face,
    # speech or leg named too keeps it one.
    (
        frozenset({"STROKE", "LIMB_ONE_SIDE"}),
        r"^(?![^.;!?]*\b(?:bouche|visage|levres?|joues?|figure|parl\w*|parole|mots|jambes?|pieds?|"
        r"tout le cote|moitie du corps|d'un cote)\b)"
        r"(?=[^.;!?]*\b(?:poitrine|thorax|thoracique|sternum|cardiaque|infarctus)\b)"
        r"[^.;!?]*\b(?:bras|mains?|epaules?)\s+(?:gauche|droit|droite)\b",
    ),
    # Breathing through a blocked nose is not shortness of breath (spec section 3, words in
    # another sense): "je peux pas respirer par le nez, rhume"; other breathless words keep it.
    (
        frozenset({"DYSPNEA"}),
        r"^(?![^.;!?]*\b(?:essouffl\w*|souffle|etouff\w*|suffoqu\w*|allonge\w*|couche\w*|repos|"
        r"bleu\w*|air|poitrine|bouche)\b)[^.;!?]*\brespir\w*\s+(?:\w+\s+)?par le nez\b",
    ),
    # A team, a match, a machine or a burden, unless food or drink is named ("j'ai avalé de
    # travers mon eau pendant le match" is choking).
    (
        frozenset({"CHOKING", "DYSPNEA", "DYSPHAGIA"}),
        slots.unless_food(
            "fr",
            # A car one climbs into or out of is where the writer is, not the machine.
            r"\b(?:les bleus|equipe|match|mi-temps|factures|impots|credit|moteur|tondeuse|"
            r"(?<!dans la )(?<!dans ma )(?<!dans sa )(?<!de la )(?<!de ma )(?<!en )(?<!a la )"
            r"(?<!jusqu'a la )voiture|"
            r"bougie|carburateur|ralenti|garage|garagiste|demarr\w*)\b",
        ),
    ),
    (
        frozenset({"CHOKING", "DYSPNEA", "DYSPHAGIA"}),
        r"\bgorge serree d'emotion\b|"
        r"\bavaler la pilule\b|"
        r"\b(?:coupe|couper) le souffle\b|\ble souffle coupe\b|\bfou rire\b|\bri tellement\b|"
        r"\bde rire\b",
    ),
    (
        None,
        r"\b(?:lu|lire|vu|regarde)\s+(?:un|une|le|la)\s+(?:article|reportage|documentaire|emissi"
        r"on|episode|serie|film)\b|"
        r"\b(?:article|reportage|documentaire|emission) sur\b|\breportage\b",
    ),
)

# See lexicon.THIRD_PERSON. French "il"/"elle" also stand for things: no sentence-level rule.
THIRD_PERSON: str | None = None  # "il"/"elle" stand for things too ("la viande ... elle reste")
# Not "de mon amie" (whose husband: another person's possessor) nor "j'espère qu'il va bien" (a
# wish for them): spec section 3, "Who is writing".
FIRST_PERSON_WORDS: str | None = (
    r"\b(?:je(?! l'espere| espere)|moi|me|(?<!de )mon|(?<!de )ma|(?<!de )mes)\b|"
    r"\bj'(?!espere)|\bm'"
)

# Slot-built patterns shared by the four languages (slots.py; spec section 3): reading about a
# symptom, burdens and spectacles in another sense, and choking on whatever is eaten or drunk.
FIGURATIVE = (*FIGURATIVE, *slots.figurative("fr"))
RED_FLAG_TARGETS["CHOKING"] = (*RED_FLAG_TARGETS["CHOKING"], *slots.choking_while_ingesting("fr"))
RED_FLAG_TARGETS["DYSPHAGIA"] = (*RED_FLAG_TARGETS["DYSPHAGIA"], *slots.several_swallows("fr"))
RED_FLAG_TARGETS["PERSISTENT_COUGH"] = (
    *RED_FLAG_TARGETS["PERSISTENT_COUGH"],
    *slots.coughing_blood("fr"),
)
RED_FLAG_TARGETS["WEIGHT_LOSS"] = (*RED_FLAG_TARGETS["WEIGHT_LOSS"], *slots.clothes_loose("fr"))
# Slot-built cues (slots.py; spec section 3): a recovery within minutes and running somewhere
# (a benign cause with quick recovery), and "not without" (which states the thing).
CUES = (
    *CUES,
    Cue(
        "QUICK_RECOVERY",
        "BIDIRECTIONAL",
        slots.quick_recovery("fr"),
        allowed_types=frozenset({"DYSPNEA", "CHEST_PAIN"}),
    ),
    Cue(
        "BENIGN_CAUSE",
        "BIDIRECTIONAL",
        (*slots.running_for("fr"), *slots.hot_room("fr")),
        allowed_types=frozenset({"DYSPNEA"}),
    ),
    Cue("PSEUDO", "PSEUDO", (slots.double_negation("fr"),)),
)
# English red-flag words in a mixed note (slots.py; spec section 3, "Languages").
for _label in slots.ENGLISH_LOANWORDS:
    RED_FLAG_TARGETS[_label] = (*RED_FLAG_TARGETS[_label], *slots.loanwords("fr", _label))
# A negation stops where a comma and a pronoun open a new clause (slots.py; spec section 3).
CUES = slots.ends_negation_at_new_clause(CUES, "fr")
# A sign of severity right after a negation is denied, not present (slots.py; spec section 3).
CUES = slots.severity_unless_denied(CUES, "fr")
