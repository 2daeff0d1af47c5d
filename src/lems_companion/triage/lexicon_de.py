"""German words and phrases for red flags, LEMS symptoms and ConText cues.

Same labels, categories and rules as the English lexicon (``lexicon.py``, spec section 3);
patterns are matched against the note with its accents folded ("Atemnot", "würge" -> "wurge";
"ß" is kept, so patterns spell it "(?:ss|ß)"). German compounds ("Schluckbeschwerden",
"Reizhusten", "Brustschmerzen") are matched inside words. Everyday and regional German ("aus der
Puste", "krieg kaum Luft", "I krieg", "ha kei Luft meh").

Source of the negation cues: the German NegEx triggers of Chapman et al., "Extending the NegEx
lexicon for multiple languages", Stud Health Technol Inform 2013;192:677 (kein, keine, nicht,
ohne, weder ... noch, verneint, frei von...), adapted to patients' own writing; the other cue
lists are ours. AWAITING CLINICAL REVIEW by a German-speaking clinician (docs/red-flags.md).
"""

from __future__ import annotations

import re
from dataclasses import replace

from lems_companion.triage import slots
from lems_companion.triage.lexicon import (
    NEGATION_REACH,
    NORMAL_REACH,
    OTHER_PERSON_REACH,
    TERMINATOR_SCOPE,
    Cue,
)

W = r"(?:(?!(?:aber|doch|sondern|jedoch)\b)[\w'-]+,?\s+)"
# A filler word that is not a negation: "Husten ohne Blut" is not blood (spec section 3).
WN = r"(?:(?!(?:aber|doch|sondern|jedoch|ohne|kein\w*|nicht|nie)\b)[\w'-]+,?\s+)"
FOODS = (
    r"(?:essen|brot|fleisch|tabletten?|pillen?|kapseln?|medikamente?|bissen|brei|wasser|reis|"
    r"fisch|suppe|milch|kaffee|tee|getranke?|flussigkeit\w*|alles|nichts|kartoffel\w*|kekse?|"
    r"obst|schnitzel)"
)
# One mouthful, spoonful or sip of what is eaten or drunk (spec section 3 table, choking).
MOUTHFUL = (
    r"(?:schluck\w*|bissen|happen|\w*l(?:o|oe)ffel\w*|mundvoll|gabel\w*|glas|tasse|becher|"
    r"mahlzeit|getr(?:a|ae)nk\w*|trinken|essen)\b"
)
# A meal, or being fed one (nursing German "Anreichen").
MEALS = (
    r"(?:essen|trinken|fr(?:u|ue)hst(?:u|ue)ck\w*|mittagessen\w*|abendessen\w*|abendbrot\w*|"
    r"mahlzeit\w*|anreichen|f(?:u|ue)ttern|kaffeetrinken|suppe|tee|kaffee|sprudel|wasser|saft|"
    r"limo\w*|schorle|bier|wein|milch)"
)
# What follows "blau" when a person turns blue.
TURNED_BLUE = r"(?:angelaufen|geworden|anl(?:a|ae)uft|an|im gesicht)"
# Quotation marks, German and English, opening and closing (as regex escapes).
QUOTE_OPEN = r"['\"\u201e\u201c\u201a\u2018\u00bb\u00ab]"
QUOTE_CLOSE = r"['\"\u201c\u201d\u2018\u2019\u00bb\u00ab]"
# "nicht" then a verb closing its clause at a comma, not a list that the negation spans.
NICHT_VERB_COMMA = (
    r"\s+(?:mehr\s+)?(?:\w+en|(?:ge|ver|be|er|zer)\w+t|\w+iert)\s*,"
    r"(?![^.;!?]{0,40}\b(?:oder|noch|und auch nicht)\b)"
)
FAMILY_WORDS = (
    r"(?:vater|mutter|papa|mama|papi|mami|mann|ehemann|frau|ehefrau|gatte|gattin|partner\w*|"
    r"lebensgefahrt\w*|sohn|tochter|bruder|schwester|opa|oma|gro(?:ss|ß)vater|gro(?:ss|ß)mutter|"
    r"onkel|tante|schwiegervater|schwiegermutter|patient\w*)"
)
OTHER_WORDS = (
    r"(?:freund\w*|nachbar\w*|kolleg\w*|chef\w*|hund\w*|katze\w*|enkel\w*|neffe\w*|nichte\w*|"
    r"cousin\w*|schwager\w*|schwagerin\w*|bekannte\w*)"
)

RED_FLAG_TARGETS: dict[str, tuple[str, ...]] = {
    "DYSPHAGIA": (
        # Several attempts for one swallow (spec section 3 table: several swallows needed).
        r"\b(?:mehrere|mehrfache|viele|zwei|drei|vier)\s+(?:\w+\s+)?schluckversuch\w*",
        # Several swallows (spec section 3 table, dysphagia): "Nachschlucken", "mehrmals schlucken".
        r"\bnachschluck\w*|"
        r"\b(?:mehrmals|mehrfach|zweimal|dreimal|mehrere male)\s+(?:nach)?schluck\w*",
        r"\w*schluckbeschwerden\b|\bschluckst(?:o|oe)rung\w*|\bschluckproblem\w*",
        # Swallowing named first, then how it goes (spec section 3 table, dysphagia): "schlucken
        # geht nicht", "Schlucken klappt kaum".
        r"\b(?:das\s+)?schlucken\s+(?:geht|ging|klappt|klappte|funktioniert)\s+(?:\w+\s+)?"
        r"(?:nicht|kaum|schwer|schlecht|nur mit m(?:u|ue)he)\b",
        # "kann nichts schlucken", "krieg nix runter": nothing goes down (spec section 3 table).
        # Up to five words between: "kann seit gestern meine Tabletten nicht schlucken".
        rf"\b(?:kann|konnte|krieg\w*|kriege|bekomm\w*|hab\w*)\s+{W}{{0,5}}(?:nicht|kaum|schlecht"
        rf"|nichts|nix)\s+"
        r"(?:mehr\s+|noch\s+)?(?:was\s+|etwas\s+|viel\s+)?(?:runter\w*|hinunter\w*|schlucken|geschluckt)",
        r"\bnicht\s+(?:mehr\s+)?(?:runterbekommen|runtergekriegt|runterkriegen|runterschlucken|"
        r"runterbekomm\w*)",
        # Any verb of food held up on its way down (spec section 3 table, dysphagia: sticking):
        # "staut sich oben in der Speiseröhre", "klemmt im Hals".
        rf"\b(?:bleibt|bleiben|blieb|blieben|steckt|stecken|hangt|hangen|hing|staut|stauen|staute|"
        rf"klemmt|klemmen|klemmte|sitzt|sa(?:ss|ß))\s+{W}{{0,4}}"
        r"(?:im hals|in der speiser(?:o|oe)hre|in der kehle|im rachen|hinterm brustbein|hinter dem "
        r"brustbein)\b",
        # Without the throat named, what sticks is food or a pronoun for it ("Brot bleibt
        # stecken", "die bleiben irgendwie hängen"), not the feet on a rug.
        rf"(?:\b{FOODS}|\b(?:es|die|sie|er))\s+(?:mir\s+|ihm\s+|ihr\s+|irgendwie\s+|immer\s+|oft\s+|"
        rf"dann\s+|gleich\s+)?(?:bleibt|bleiben|blieb|blieben)\s+{W}{{0,4}}(?:stecken|h(?:a|ae)ngen)\b",
        rf"\b(?:bleibt|bleiben|blieb|blieben)\s+(?:mir\s+|ihm\s+|ihr\s+)?(?:das\s+|die\s+|der\s+|"
        rf"mein\w*\s+|sein\w*\s+|ihr\w*\s+)?{FOODS}\s+{W}{{0,3}}(?:stecken|h(?:a|ae)ngen)\b",
        # No negation between ("Schlucken selbst kein Problem"); not "problemlos".
        rf"\bschlucken\s+{WN}{{0,3}}(?:geht schlechter|schwer|schwierig|muhsam|schlechter|"
        r"problem(?!los)\w*|anstrengend)",
        r"\b(?:2-3|2 - 3|zwei|drei|mehrmals|mehrfach|2|3|zweimal|dreimal)\s*(?:-\s*\d\s*)?"
        r"(?:mal|x)?\s+schlucken",
        rf"\b(?:kommt|kam|lauft|lief|kommen)\s+{W}{{0,4}}(?:durch die|aus der) nase",
        r"\b(?:durch die|aus der) nase\s+(?:\w+\s+){0,2}(?:raus|heraus|zuruck|wieder)",
        r"\bdysphagi\w*",
        # Stuck in the throat in the perfect tense, standard and Bavarian ("ist mir im Hals stecken
        # geblieben", "is ma im Hois steckn bliebn").
        r"\b(?:im|in der|in da)\s+(?:hals|hois|hoiz|kehle|rachen|speiser(?:o|oe)hre)\s+(?:\w+\s+)?"
        r"(?:stecken|steckn|h(?:a|ae)ngen|hangan|hanga)\s*(?:ge)?(?:blieben|bliebn|gebliebn)\b",
        # Swiss German "schlugge", "abeschlugge" (spec section 3, regional speech): "Schlugge
        # isch schwierig worde", "cha nümm rächt abeschlugge".
        r"\b(?:abe)?schlugg\w*\s+(?:\w+\s+){0,3}?(?:schwierig|schwer|m(?:u|ue)ehsam|e qual|"
        r"problem\w*)|\b(?:cha|chan|kann)\s+(?:\w+\s+){0,2}?(?:nid|nod|ned|numm|nuemm|kaum)\s+"
        r"(?:meh\s+|rächt\s+|racht\s+)?(?:abe)?schlugg\w*",
        r"\b(?:schwierigkeit\w*|probleme?|muhe|beschwerden)\s+(?:beim|mit dem)\s+"
        r"(?:runter)?schlucken\b",
        r"\b(?:schwer|schwierig|muhsam)\s+(?:zu\s+)?(?:runter)?schlucken\b",
        rf"\b{FOODS}\s+{W}{{0,2}}(?:rutscht|rutschen|rutschte)\s+(?:\w+\s+)?nicht\b",
        rf"\b(?:geht|ging|gehen|gehn|gingen)\s+{W}{{0,3}}(?:nicht|nichts|kaum)\s+(?:mehr\s+)?runter\b",
        # Food or pills kept in the mouth, not swallowed (spec section 3 table, dysphagia): "er
        # behält die Pillen im Mund", "das Essen bleibt im Mund".
        rf"\b(?:beh(?:a|ae)lt|behielt|behalten|bleib\w*|blieb\w*|sammel\w*)\s+{WN}{{0,3}}?"
        rf"{FOODS}\s+(?:\w+\s+)?(?:im mund|in der backe|in den backen)\b|"
        rf"\b{FOODS}\s+{WN}{{0,3}}?(?:bleib\w*|blieb\w*|sammel\w*)\s+(?:\w+\s+)?"
        r"(?:im mund|in der backe|in den backen)\b",
        # Several attempts for each mouthful (spec section 3 table, dysphagia: several swallows):
        # "jeder Bissen braucht 3 Anläufe", "brauche für jeden Schluck zwei Versuche".
        rf"\b{MOUTHFUL}[^.;!?]{{0,30}}?\b(?:\d+|zwei|drei|vier|f(?:u|ue)nf|mehrere|viele|einige|"
        r"ein paar)\s+(?:anl(?:a|ae)uf\w*|versuch\w*|schluck\w*)\b|"
        r"\b(?:\d+|zwei|drei|vier|f(?:u|ue)nf|mehrere|viele|einige|ein paar)\s+(?:anl(?:a|ae)uf\w*|"
        rf"versuch\w*)\s+(?:\w+\s+){{0,3}}?(?:f(?:u|ue)r|pro|bei)\s+(?:jede[mnrs]?\s+)?{MOUTHFUL}",
        # The verb last, in a clause after "weil", "dass", "seit": "weil ich Fleisch nicht mehr
        # schlucken kann" (spec section 3 table, dysphagia).
        r"\b(?:nicht|kaum|schlecht)\s+(?:mehr\s+|noch\s+)?(?:richtig\s+|gut\s+)?"
        r"(?:runter|hinunter)?schlucken\s+(?:kann|konnte|k(?:o|oe)nnen|kannst|konnten)\b",
        r"\b(?:rutscht|rutschen|geht|gehen)\s+(?:\w+\s+)?(?:schlechter|schwer|kaum)\s+(?:runter|hinunter)",
        # Food that slides badly or stays stuck, the food named (spec section 3 table, dysphagia):
        # "Essen rutscht schlecht", "Tablette steckt fest".
        rf"\b{FOODS}\s+(?:\w+\s+)?rutsch\w*\s+(?:\w+\s+)?(?:schlecht|schlechter|schwer|kaum)\b|"
        rf"\b{FOODS}\s+(?:\w+\s+)?(?:steckt|stecken|steckte|h(?:a|ae)ngt|klemmt|sitzt)\s+"
        r"(?:\w+\s+)?fest\b",
        # Swallowing itself goes badly, the verb with a dropped ending too (spec section 3 table,
        # dysphagia): "schluck nich richtig", "schlucke seit Tagen schwer".
        r"\bschluck(?:e|t|en)?\s+(?:seit\s+\w+\s+|(?:ganz|so|sehr|total)\s+)?(?:nicht\s+(?:mehr\s+)?"
        r"richtig|kaum|schlecht|schwer|m(?:u|ue)hsam)\b",
        # What is swallowed comes back up at the swallow: "Kaffee kommt beim Schlucken wieder hoch".
        r"\b(?:kommt|kam|kommen|kamen)\s+(?:\w+\s+){0,2}?(?:wieder\s+)?(?:hoch|zur(?:u|ue)ck)\b"
        r"[^.;!?]{0,20}?\bbeim\s+schlucken\b|\bbeim\s+schlucken\b[^.;!?]{0,20}?\b(?:kommt|kam|"
        r"kommen)\s+(?:\w+\s+){0,2}?(?:wieder\s+)?(?:hoch|zur(?:u|ue)ck)\b",
    ),
    "CHOKING": (
        # Someone had to strike the back to clear it (spec section 3 table, choking, told by
        # what others did): "musste mir auf den Rücken klopfen".
        r"\b(?:auf den|auf dem|den)\s+r(?:u|ue)cken\s+(?:\w+\s+)?(?:ge)?(?:klopf|schlag|haun|hau)"
        r"\w*|\bklopf\w*\s+(?:\w+\s+){0,3}auf den r(?:u|ue)cken\b|\bheimlich\w*",
        # Went down the wrong pipe (spec section 3 table, choking): "in die falsche Röhre".
        r"\bin die falsche (?:r(?:o|oe)hre|kehle|gurgel)\b|\bin den falschen (?:kanal|weg)\b",
        r"\bverschluck\w*",
        r"\b(?:in den )?falschen hals\b",
        r"\bin die luftr(?:o|oe)hre\b",
        # Turning blue at a meal (spec section 3 table, choking: food or drink, cannot breathe):
        # "ist beim Essen blau angelaufen", "blau im Gesicht beim Abendbrot".
        rf"\bblau\s+{TURNED_BLUE}\b[^.;!?]{{0,30}}?\b(?:beim|bei|w(?:a|ae)hrend)\s+(?:de[mns]\s+)?"
        rf"{MEALS}\b|\b(?:beim|bei|w(?:a|ae)hrend)\s+(?:de[mns]\s+)?{MEALS}\b[^.;!?]{{0,30}}?"
        rf"\bblau\s+{TURNED_BLUE}\b",
        rf"\b\w*hust\w*\s+{W}{{0,2}}(?:bei|beim|nach|wahrend)\s+(?:jede[mnrs]?\s+)?(?:schluck|"
        r"bissen|essen|trinken|mahlzeit|getranken?)",
        # Gagging or spluttering during a meal, the verb first (spec section 3 table, choking:
        # coughing or gagging on food or drink): "prustet beim Essen alles wieder raus",
        # "würgt bei jedem Bissen".
        rf"\b(?:w(?:u|ue)rg|gew(?:u|ue)rgt|prust|geprustet)\w*\s+{WN}{{0,3}}(?:bei|beim|nach|"
        rf"wahrend)\s+(?:jede[mnrs]?\s+)?(?:\w+\s+)?{MOUTHFUL}",
        r"\b(?:beim|bei|nach dem|wahrend des)\s+(?:essen|trinken|schlucken)\s+(?:\w+\s+){0,2}"
        r"(?:husten|hust\w*|wurg\w*|verschluck\w*)",
        rf"\bhustenanf(?:a|ae)ll\w*\s+(?:\w+\s+){{0,3}}(?:beim|bei|nach dem|nach)\s+{MEALS}\b",
        # Coughing at every mouthful, spoonful or sip (spec section 3 table, choking: coughing on
        # food or drink), with words between: "hustet seit zwei Tagen bei jedem Schluck Tee".
        rf"\b\w*hust\w*\s+{WN}{{0,5}}(?:bei|beim|nach|mit)\s+(?:jede[mnrs]?|fast jede[mnrs]?)\s+"
        rf"(?:\w+\s+)?{MOUTHFUL}",
        # "Trinke ich Kaffee, muss ich sofort husten": the verb first is "whenever" (spec section 3
        # table, choking: coughing on drink).
        r"\b(?:trinke|esse|schlucke|trinkt|isst|schluckt)\s+(?:ich|er|sie)\b[^.;!?,]{0,30},\s*"
        r"(?:\w+\s+){0,3}?(?:\w*hust\w*|verschluck\w*|wurg\w*)",
        # ... and "wenn ich Kaffee trinke, muss ich husten": each time, not an "if" (the
        # consequence is told as what happens).
        r"\b(?:trinke|esse|schlucke|trinkt|isst|schluckt)\s*,\s*(?:muss|huste|hustet|verschluck\w*)\s+"
        r"(?:\w+\s+){0,3}?(?:\w*hust\w*|verschluck\w*|wurg\w*|mich|sich|ich|er|sie)\b",
        # A coughing fit while eating or being fed (spec section 3 table, choking): "beim
        # Anreichen des Frühstücks massiver Hustenanfall".
        rf"\b(?:beim|bei|wahrend des|wahrend der)\s+(?:\w+\s+){{0,2}}?{MEALS}\b"
        r"(?:(?!\b(?:ohne|weder|aber|doch|sondern)\b)[^.;!?]){0,50}?"
        r"(?<!nicht )(?<!nie )(?<!kein )(?<!keine )(?<!keinen )(?<!ohne )"
        r"\b(?:\w*hustenanfall\w*|hust(?:e|et|ete|eten)\b|gehustet|gewurgt|wurg\w*)",
        # Coughing or rattling on one's own saliva (spec section 3 table, choking: on saliva).
        r"\b(?:an|am|mit|wegen|uber)\s+(?:der\s+|dem\s+|meiner\s+|seiner\s+|ihrer\s+|eigenen\s+){0,2}"
        r"(?:spucke|speichel|sabber)\b[^.;!?]{0,30}?(?<!nicht )\b(?:gehustet|hust\w*|"
        r"ger(?:o|oe)chelt|r(?:o|oe)chel\w*|gewurgt|wurg\w*)|\b(?:hust\w*|r(?:o|oe)chel\w*)\s+(?:\w+\s+){0,2}?"
        r"(?:an|am|wegen)\s+(?:der\s+|dem\s+|meiner\s+|seiner\s+|ihrer\s+|eigenen\s+){0,2}"
        r"(?:spucke|speichel)\b",
        # Gagging on one's own saliva, the verb first: "würg an meiner eigenen Spucke".
        rf"\b(?:w(?:u|ue)rg\w*|gew(?:u|ue)rgt)\s+{WN}{{0,2}}?(?:an|am|wegen|mit)\s+"
        r"(?:der\s+|dem\s+|meiner\s+|seiner\s+|ihrer\s+|eigenen\s+|meinem\s+){0,2}"
        r"(?:spucke|speichel|sabber)\b",
        # The feeling of suffocating inside a choking episode is the choking (spec section 3
        # table): "beim Kaffee verschluckt, 5 Minuten gehustet, dachte ich ersticke".
        r"(?:\b(?:beim|bei|wahrend)\b[^.;!?]{0,40}?)?\b(?:verschluck\w*|falsche[nr]? (?:hals|kehle|"
        rf"r(?:o|oe)hre))\b[^.;!?]{{0,60}}?\b(?:erstick\w*|blau\s+{TURNED_BLUE}\b)",
    ),
    "DYSPNEA": (
        # Cannot get one's breath (spec section 3 table, dyspnea): "komme nicht zu Atem"; Swiss
        # "de Schnuuf bleibt weg" (spec section 3, regional speech).
        r"\b(?:komm\w*|kam\w*)\s+(?:\w+\s+){0,2}?(?:nicht|kaum)\s+(?:mehr\s+)?zu\s+atem\b",
        r"\b(?:bleibt|blieb|geht|ging)\s+(?:(?!(?:nicht|nie|kein\w*)\b)\w+\s+){0,5}?(?:luft|atem|"
        r"schnuuf|schnauf|schnauf\w*|puste)"
        r"\s+weg\b",
        # Too short of breath to finish a sentence (spec section 3 table, dyspnea: at rest).
        r"\bkann\s+(?:\w+\s+){0,3}?(?:keinen|den)\s+(?:ganzen\s+)?satz\s+(?:nicht\s+)?(?:zu\s+ende|fertig|sagen|"
        r"sprechen|rausbringen|herausbringen)\b",
        # Austrian and Bavarian "ka", "koa" for "keine" (spec section 3, regional speech).
        r"\b(?:krieg|krieag|bekomm|hab|hob)\w*\s+(?:\w+\s+)?(?:ka|kaa|koa|koane)\s+luft\b",
        # Feeling of drowning when lying flat (spec section 3 table, dyspnea: breathless lying
        # flat); "ertrinken in Arbeit" is another sense.
        r"\b(?:gef(?:u|ue)hl\w*|als ob|als w(?:u|ue)rde)\b[^.;!?]{0,20}\bertr(?:i|a|u)nk\w*\b"
        r"(?!\s+in\b)",
        # No air getting in: "ich krieg die Luft nicht mehr richtig rein".
        r"\bluft\s+(?:\w+\s+)?nicht\s+(?:mehr\s+)?(?:richtig\s+|gut\s+)?(?:rein|herein|hinein)\b",
        r"\w*atemnot\b|\w*luftnot\b|\bkurzatmig\w*|\bkurzluftig\w*",
        # "atemlos" after an everyday effort ("schon beim Insbettsteigen atemlos"); alone it is
        # as often a song title or excitement.
        r"\b(?:beim|bei|nach dem)\s+\w+\s+(?:\w+\s+)?atemlos\b|\batemlos\s+(?:beim|bei|nach)\b",
        rf"\b(?:krieg\w*|kriege|bekomm\w*|hab\w*|ha|hab)\s+{W}{{0,3}}(?:keine|kaum|schlecht|kei|"
        r"wenig|zu wenig|nicht genug|schwer|schwerer|nicht richtig)\s+luft\b",
        r"\bluft\s+(?:\w+\s+){0,2}(?:bleibt|blieb)\s+(?:\w+\s+){0,2}weg\b|"
        r"\b(?:bleibt|blieb)\s+(?:mir\s+|ihm\s+|ihr\s+)?(?:die\s+)?luft\s+weg\b",
        r"\batem(?:probleme?|beschwerden|schwierigkeit\w*|aussetzer)\b",
        rf"\batmung\s+{W}{{0,2}}(?:flach|schnell|schwer|muhsam|pfeifend|rasselnd|keuchend)",
        r"\b(?:probleme?|schwierigkeit\w*|muhe)\s+(?:beim|mit dem)\s+atmen\b|"
        r"\b(?:kaum|schwer|schlecht|nicht richtig)\s+atmen\b",
        r"\b(?:keine|kaum|schlecht|kei|wenig)\s+luft\s+(?:mehr\s+)?(?:krieg\w*|bekomm\w*|hab\w*)",
        # The air first, the verb inverted: "Luft krieg ich kaum", "Luft bekommt er nicht mehr".
        r"\bluft\s+(?:krieg\w*|bekomm\w*|bekam\w*)\s+(?:ich|i|er|sie|man)\s+(?:\w+\s+)?(?:nicht|kaum|"
        r"schlecht|schwer|keine)\b",
        r"\bnach luft\s+(?:\w+\s+)?(?:geschnappt|schnapp\w*|ringen|gerungen|japs\w*)|\bjaps\w*|"
        r"\bschnapp\w* nach luft\b|\bring\w* nach luft\b",
        r"\baus der puste\b|\bau(?:ss|ß)er atem\b|\bau(?:ss|ß)er puste\b|\bschnauf\w*",
        r"\w*dyspno\w*",
        rf"\batm(?:e|et|en|ete)\s+{W}{{0,2}}(?:schnell|flach|schwer|muhsam|pfeifend|rasselnd)",
        rf"\blippen\s+{W}{{0,6}}(?:blau\w*|grau\w*|lila|violett\w*)|\bblau\w* lippen\b",
        r"\bzyanose\b",
        # Panting and a rattling breath (spec section 3 table, dyspnea): "hechel nach 5 Stufen",
        # "röchelt beim Atmen".
        r"\bhechel\w*|\bgehechelt\b|\br(?:o|oe)chel\w*\s+(?:\w+\s+){0,2}?(?:beim|bei)\s+atmen\b|"
        r"\batm\w*\s+(?:\w+\s+)?r(?:o|oe)chel\w*",
        # Telegram "Luft weg", "Puste weg nach 3 Schritten".
        r"(?<!reifen )(?<!ballon )\b(?:luft|puste|atem)\s+(?:(?:ganz|total|sofort|gleich|komplett|"
        r"voll)\s+)?weg\b",
        # Turning blue (spec section 3 table, dyspnea: blue lips or face): "blau angelaufen",
        # "wird ganz blau".
        r"\bblau\s+(?:angelaufen|geworden|anlaufen|anl(?:a|ae)uft|im gesicht)\b|"
        r"\b(?:lief|l(?:a|ae)uft|laufen|liefen)\s+(?:\w+\s+)?blau\s+an\b|\b(?:wird|wurde)\s+"
        r"(?:ganz\s+|richtig\s+)?blau\s+(?:im gesicht|um die lippen|um den mund)\b",
        # Telegram "Luft knapp" (money and clubs are figures of speech, FIGURATIVE).
        r"\bluft\s+(?:(?:ist|wird|sehr|total|echt|voll|ganz)\s+){0,2}knapp\b",
        rf"\bhusten\s+{W}{{0,3}}(?:zu\s+|so\s+)?schwach",
        # Spec section 3 table, dyspnea (a cough too weak to clear phlegm), with the comma German
        # puts before its infinitive: "keine Kraft, ihn abzuhusten", "zu schwach, um abzuhusten".
        r"\b(?:keine|kaum|kei|nicht (?:genug|mehr die)|zu wenig)\s+kraft\w*\s*,?\s+"
        r"(?:\w+\s+){0,3}?\w*hust\w*|\bzu schwach\s*,?\s+(?:\w+\s+){0,3}?\w*hust\w*",
        rf"\bschleim\s+{W}{{0,6}}nicht\s+(?:mehr\s+)?(?:raus|hoch|ab)\w*",
        rf"\b(?:kann|konnte)\s+{W}{{0,2}}nicht\s+(?:mehr\s+)?flach\s+liegen",
        r"\b(?:erstickungsgef(?:u|ue)hl|erstickungsangst)\b",
        # The breath runs out or runs short (spec section 3 table, dyspnea: on little effort):
        # "beim Reden geht mir die Puste aus", "die Luft wird knapp schon beim Bettenmachen".
        r"\b(?:geht|ging|gehen)\s+(?:(?!(?:nicht|nie|kein\w*)\b)\w+\s+){0,3}?(?:luft|puste|atem|"
        r"schnauf\w*)\s+aus\b|\b(?:luft|atem|puste)\s+(?:(?!(?:nicht|nie|kein\w*)\b)\w+\s+){0,2}?"
        r"(?:wird|ist|war|wurde|werden)\s+(?:\w+\s+)?knapp\b|\bknapp\s+(?:mit\s+der\s+)?luft\b|"
        r"\b(?:wird|ist|war|wurde)\s+(?:mir\s+|ihm\s+|ihr\s+)?(?:die\s+)?(?:luft|atem|puste)\s+"
        r"(?:\w+\s+)?knapp\b",
        # "keine Luft" in telegram style ("nachts keine Luft", "sonst keine Luft"); not "keine
        # Luft nach oben" (no room to improve) nor air in a tyre.
        r"\b(?:keine|kaum|kei|ka|koa)\s+luft\b(?!\s+(?:mehr\s+)?(?:nach oben|im|in|drin))",
        # ... and the puff: "keine Puste mehr", "kaum Puste" (spec section 3 table, dyspnea).
        r"\b(?:keine|kaum|kei|ka|koa|null)\s+(?:puste|schnauf|schnuuf)\b",
        # Having to stop mid-sentence for breath (spec section 3 table, dyspnea: at rest).
        r"\bmitten im satz\b[^.;!?]{0,30}?\b(?:pause|luft holen|luft schnappen|atmen|absetzen|"
        r"aufh(?:o|oe)ren)\b|\b(?:pause|luft holen|absetzen)\b[^.;!?]{0,20}?\bmitten im satz\b",
        # "Ersticken" is suffocating: breathlessness (spec section 3 table, dyspnea: waking up
        # fighting for breath), choking only with food or drink (slots.choking_while_ingesting,
        # whose mention holds this one).
        r"\berstick\w*",
        # Air pressed or cut off (spec section 3 table, dyspnea: breathless lying flat): "wenn ich
        # auf dem Rücken liege, drückt es mir die Luft ab".
        r"\b(?:dr(?:u|ue)ckt|dr(?:u|ue)ckte|dr(?:u|ue)cken)\s+(?:\w+\s+){0,3}?(?:die\s+)?luft\s+"
        r"(?:\w+\s+)?ab\b|\bluft\s+(?:\w+\s+)?abgedr(?:u|ue)ckt\b",
    ),
    "OXIMETRY": (
        r"\b(?:sat\w*|s(?:a|ae)ttigung|spo2|sp02|o2|sauerstoff\w*|pulsox[iy]\w*|ox[iy]meter|"
        r"puls[\s-]ox\w*)\b"
        r"[^.;!?\n\d]{0,30}?\d{2,3}(?:\s*%)?",
        r"\b\d{2,3}\s*%?\s*(?:s(?:a|ae)ttigung|sauerstoff|spo2)\b|\b\d{2,3}\s*%\s*gemessen\b",
    ),
    "SEIZURE": (
        r"\bkrampfanf\w*|\bepilept\w*\s+anfall\b|\bkonvuls\w*",
        # Shorthand: "epi Anfall", "Epi-Anfall", "Grand mal" (spec section 3 table, seizure).
        r"\bepi\b[\s-]*anf(?:a|ae)ll\w*|\bepianf(?:a|ae)ll\w*|\bgrand[\s-]mal\b",
        r"\b(?:einen|ein|nen|'nen)\s+anfall\b",
        r"\bgekrampft\b|\bkrampfte\b",
        # Down, then jerking (spec section 3 table, seizure: signs others see): "kippt um und
        # zuckt", "umgefallen und hat gezittert am Boden".
        r"\b(?:umgekippt|kipp\w*\s+(?:\w+\s+)?um|umgefallen|f(?:a|ae)llt\s+(?:\w+\s+)?um|fiel\s+"
        r"(?:\w+\s+)?um|zusammengebrochen|zusammengesackt)\b"
        r"(?:(?!\b(?:muskel\w*|\w*lid\w*|auge\w*|finger\w*|zeh\w*|mundwinkel)\b)[^.;!?]){0,30}?"
        r"\b(?:zuck\w*|gezuckt|"
        r"krampf\w*|sch(?:u|ue)ttel\w*|gesch(?:u|ue)ttelt)",
        r"(?<!schultern )(?<!achseln )\bgezuckt\b|\bzuckungen\b|"
        r"\bzuckte\b(?!\s+(?:\w+\s+){0,3}(?:zusammen|schultern|achseln))",
        r"\baugen\s+(?:\w+\s+)?verdreht\b",
        r"\bschaum vor(?:m| dem) mund\b",
        r"\bzunge\s+(?:\w+\s+)?(?:zer)?bissen\b|\bzerbissen\b|\bzungenbiss\w*",
        # Stiff, then the limbs jerking: a tonic-clonic fit as a witness tells it (spec section 3
        # table, seizure: signs others see).
        r"\bsteif\b[^.;!?]{0,60}\b(?:arme|beine|glieder|k(?:o|oe)rper)\b[^.;!?]{0,25}\b(?:zuck\w*|"
        r"geschuttelt|schuttelt\w*|krampf\w*)",
        # Going stiff, then shaking or jerking (spec section 3 table, seizure: signs others see):
        # "wurde steif und zitterte am ganzen Körper"; not trembling with cold or fever.
        r"\b(?:wurde|wird|war|lag|ging)\s+(?:\w+\s+){0,2}?(?:steif|stocksteif|starr|bretthart)\b"
        r"(?![^.;!?]*\b(?:k(?:a|ae)lte|kalt\w*|eisbad|fieber|frier\w*|gefroren|sch(?:u|ue)ttelfrost|"
        r"vor (?:schreck|angst|aufregung|anstrengung|wut|freude|lachen|ersch(?:o|oe)pfung))\b)"
        r"[^.;!?]{0,40}?\b(?:zitter\w*|gezittert|zuck\w*|gezuckt|sch(?:u|ue)ttel\w*|"
        r"gesch(?:u|ue)ttelt|krampf\w*|gekrampft)",
    ),
    "LOC": (
        # Not responding to being spoken to: unresponsive.
        r"\bnicht (?:mehr )?(?:ansprechbar|erweckbar)\b|\bunansprechbar\b",
        r"\bbewusstlos\w*|\bohnmacht\w*|\bumgekippt\b|\bzusammengebrochen\b|"
        r"\bzusammengeklappt\b|\bweggetreten\b|\bbewusstsein verloren\b",
        r"\b(?:ich|er|sie)\s+war\s+(?:\w+\s+)?(?:komplett |total |ganz |kurz |einfach )?weg\b"
        r"(?!\s+(?:einkaufen|im urlaub|verreist|unterwegs|bei|zum|zur|in|nach|uber|ubers|am))",
        r"\bwar (?:komplett|total|kurz|einfach) weg\b(?!\s+(?:einkaufen|im urlaub|bei|zum|zur|"
        r"in|nach|uber|ubers|am))",
        rf"\b(?:lag|fand mich|wachte|aufgewacht)\s+{W}{{0,3}}(?:auf dem boden|am boden)",
        r"\bkeine ahnung,? wie ich\s+(?:\w+\s+){0,4}(?:boden|hingekommen|hingefallen|dahin|"
        r"gelandet|gekommen)",
    ),
    "WEIGHT_LOSS": (
        # "Blut abgenommen" (blood drawn), "Verband abgenommen": something taken off, not weight.
        r"(?<!blut )(?<!verband )(?<!gips )(?<!pflaster )\babgenommen\b",
        # Swiss and Bavarian forms of "abgenommen" (spec section 3, regional speech).
        r"(?<!blut )\babg(?:no|noh|nomma|numma)\b",
        # "5 kg leichter": an amount lighter than before.
        r"\b\d+(?:[.,]\d+)?\s*(?:kg|kilo|kilos|pfund)\s+leichter\b",
        # "ich nehme ab", "er nimmt ab"; "die Kraft nimmt ab" is weakness, not weight.
        r"\b(?:ich|er|sie|mama|papa|mutter|vater|man)\s+(?:nehme|nimmt|nahm)\s+"
        r"(?:immer\s+(?:mehr\s+|weiter\s+)?|weiter\s+|st(?:a|ae)ndig\s+|stetig\s+|trotzdem\s+)?ab\b",
        r"\b(?:nehme|nehm|nahm)\s+(?:immer\s+(?:mehr\s+|weiter\s+)?|weiter\s+|st(?:a|ae)ndig\s+|"
        r"stetig\s+|trotzdem\s+)?ab\b",
        r"\bgewicht\s+(?:\w+\s+){0,2}nimmt\s+(?:\w+\s+){0,2}ab\b",
        # The separable verb with words between, colloquial "nehm" and inverted order ("seit
        # Wochen nehme ich ab"): spec section 3 table, weight_loss.
        rf"\b(?:ich|er|sie)\s+(?:nehm|nehme|nimmt|nahm)\s+{W}{{0,5}}ab\b",
        rf"\b(?:nehm|nehme|nimmt|nahm)\s+(?:ich|er|sie)\s+{W}{{0,5}}ab\b",
        # Austrian "4 Kilo und 20 Deka weniger" (spec section 3, regional speech).
        r"\b\d+(?:[.,]\d+)?\s*(?:kg|kilo)\s+(?:und\s+\d+\s*(?:deka|dag|dkg|gramm|g)\s+)?"
        r"(?:weniger|runter|verloren)\b",
        r"\bgewichtsverlust\b|\bgewichtsabnahme\b",
        # Weighing "only" a figure now (spec section 3 table, weight_loss): "wieg nur noch 58".
        r"\bwieg(?:e|t)?\s+(?:\w+\s+)?nur\s+noch\s+(?:knapp\s+|ca\.?\s+)?\d",
        # Weight lost or losing, as a verb (spec section 3 table, weight_loss): "ungewollt Gewicht
        # verloren", "verliere an Gewicht".
        r"\b(?:gewicht|kilos?|pfunde)\s+(?:\w+\s+){0,2}?(?:verloren|eingeb(?:u|ue)(?:ss|ß)t)\b|"
        r"\bverl(?:ie|o)r\w*\s+(?:\w+\s+){0,2}?(?:an\s+)?gewicht\b",
        # A share of the body weight gone, with weighing named in the sentence (spec section 3
        # table, weight_loss: 5 % or more): "gewogen: minus 6 %", "Gewicht -7 Prozent".
        r"\b(?:gewogen|gewicht\w*|gew|waage|wiege|k(?:o|oe)rpergewicht)\b[^.;!?,]{0,40}?"
        r"(?:\bminus\s*|(?<![\w-])-\s?)(?:[5-9]|[1-4]\d)(?:[.,]\d+)?\s*(?:%|prozent\b)|"
        r"(?:\bminus\s*|(?<![\w-])-\s?)(?:[5-9]|[1-4]\d)(?:[.,]\d+)?\s*(?:%|prozent\b)"
        r"\s+(?:auf der waage|gewicht\w*|k(?:o|oe)rpergewicht)\b|"
        r"\b(?:[5-9]|[1-4]\d)(?:[.,]\d+)?\s*(?:%|prozent)\s+(?:meines\s+|seines\s+|ihres\s+|vom\s+|"
        r"des\s+)?(?:k(?:o|oe)rper)?(?:gewicht\w*\s+)?(?:weniger|abgenommen|verloren|runter|leichter)\b",
        r"\bvom fleisch gefallen\b",
        rf"\b(?:hose|kleidung|rock|gurtel|ring\w*|sachen)\s+{W}{{0,3}}(?:rutscht|rutschen|"
        r"schlottert|zu gro(?:ss|ß)|zu weit|hangt|hangen)",
        r"\b(?:gewicht|gew)\b\W{0,3}\s*(?:\w+\s+){0,2}(?:runter|weniger|gesunken|sinkt|fallt)\b",
        r"\bvon\s+\d+(?:[.,]\d+)?\s*(?:kg|kilo\w*)?\s+auf\s+\d+(?:[.,]\d+)?"
        r"(?!\s*(?:[.,]\d)|\d|\s*(?:mg|ml|g\b|mal|x\b|uhr|std|stunden|min|grad|%|schritte|"
        r"meter|m\b|km|sek))",
        r"(?<![\w-])-\s?\d+(?:[.,]\d+)?\s*(?:kg|kilo)\b",
        r"\bd(?:u|ue)nner geworden\b|\bhaut und knochen\b|\babgemagert\b",
        # "ich werde immer weniger", "er wird immer dünner": a person getting smaller.
        r"\b(?:ich werde|ich wurde|er wird|sie wird|werde ich|wird er|wird sie)\s+(?:immer\s+|"
        r"st(?:a|ae)ndig\s+|zusehends\s+|sichtlich\s+)?(?:weniger(?=\s*(?:[.,;!?]|$|und\b|obwohl\b))|"
        r"d(?:u|ue)nner|schmaler|magerer|d(?:u|ue)rrer)\b",
        # Any person getting thinner: "Mama wird immer dünner"; not hair, air or a voice.
        r"(?<!haare )(?<!haar )(?<!luft )(?<!stimme )(?<!eis )\b(?:wird|werde|wurde|werden)\s+"
        r"(?:immer\s+|st(?:a|ae)ndig\s+|zusehends\s+|sichtlich\s+)(?:d(?:u|ue)nner|schmaler|magerer|"
        r"d(?:u|ue)rrer)\b",
    ),
    "PERSISTENT_COUGH": (
        rf"\w*husten\w*\s+{W}{{0,3}}(?:geht|will)\s+{W}{{0,1}}nicht\s+(?:mehr\s+)?weg",
        rf"\bblut\w*\s+{W}{{0,2}}(?:im|beim)\s+(?:auswurf|husten|schleim|abhusten)",
        rf"\bhust\w*\s+{WN}{{0,2}}blut\b|\bblut\s+(?:ge|ab)?hust\w*",
        rf"\b(?:auswurf|schleim|sputum)\s+{W}{{0,2}}(?:mit\s+)?blut\w*",
        rf"\bblutig\w*\s+{W}{{0,1}}(?:schleim|auswurf|sputum)",
        # The colour first: "ein bisschen rosa im Auswurf" (spec section 3: blood, hedged).
        r"\b(?:rosa|rot\w*|blut\w*)\s+(?:\w+\s+){0,2}?im\s+(?:auswurf|schleim|sputum)\b",
        # Rust-coloured or pink sputum is old or fresh blood (spec section 3: coughing up blood).
        r"\b(?:rostbraun\w*|rostfarb\w*|rostig\w*|rosa\w*|blutig\w*)\s+(?:\w+\s+)?(?:auswurf|"
        r"schleim|sputum)\b",
        rf"\b(?:auswurf|schleim|sputum)\s+{WN}{{0,2}}(?:rostbraun\w*|rostfarb\w*|rosa)\b",
        r"\bh(?:a|ae)moptys\w*|\bh(?:a|ae)moptoe\b",
        # Blood-coloured matter coughed up, whatever it is called (spec section 3: coughing up
        # blood): "huste rostbraunes Zeug", "rosa Schaum beim Husten".
        rf"\b\w*hust\w*\s+{WN}{{0,2}}(?:rostbraun\w*|rostfarb\w*|rosa\w*|blutig\w*|hellrot\w*)\b|"
        r"\b(?:rostbraun\w*|rostfarb\w*|rosa\w*|blutig\w*|hellrot\w*)\s+(?:\w+\s+)?(?:schaum|zeug|"
        r"spucke|schleim|auswurf|sputum)\b[^.;!?]{0,25}?\w*hust\w*",
        r"\b(?:chronisch|hartnackig|anhaltend|standig)\w*\s+husten",
        # Still coughing, as English "still coughing" (spec section 3 table: a cough that will
        # not clear): "Husten immer noch", "huste nach wie vor", "immer noch Husten".
        r"\b(?:immer noch|noch immer|nach wie vor|weiterhin)\s+(?:\w+\s+){0,2}?\w*hust\w*|"
        # Not across "und" into another verb ("gehustet und krieg immer noch keine Luft").
        r"\w*hust\w*\s+(?:(?!(?:und|aber)\b)\w+\s+){0,2}?(?:immer noch|noch immer|nach wie vor|"
        r"weiterhin)\b|"
        # "der Husten, von dem ich im Oktober schrieb, ist immer noch da".
        r"\w*husten\b[^.;!?]{0,60}?\b(?:ist|bleibt)\s+(?:immer noch|noch immer|nach wie vor)"
        r"\s+da\b",
        # A cough that will not stop or get better (spec section 3 table: a cough that will not
        # clear), in a main or a relative clause: "Reizhusten, der seit den Sommerferien nicht
        # aufhört", "seit dem Oktoberfest huste ich, und es wird nicht besser". Not a coughing fit
        # ("Hustenanfall"), which is an episode.
        r"\w*husten(?!anfall)\w*\s*,?\s+(?:(?:der|die|das|den|und|es|er)\s+)?"
        r"(?:(?!(?:aber|doch|sondern)\b)\w+\s+){0,5}?(?:h(?:o|oe)rt|will|wird|geht)\s+"
        r"(?:\w+\s+)?nicht\s+(?:mehr\s+)?(?:auf|aufh(?:o|oe)ren|besser|weg)\b|"
        r"\w*husten(?!anfall)\w*\s*,?\s+(?:der|die|das|den)\s+(?:(?!(?:aber|doch|sondern)\b)"
        r"\w+\s+){0,5}?nicht\s+(?:mehr\s+)?(?:aufh(?:o|oe)rt|besser wird|weggeht|verschwindet)\b|"
        r"\bhust\w*\b(?:(?!\b(?:aber|doch|sondern|nur)\b)[^.;!?]){0,20}?\b(?:es|das|er)\s+"
        r"(?:einfach\s+|leider\s+|immer noch\s+)?(?:wird|geht|h(?:o|oe)rt)\s+nicht\s+(?:mehr\s+)?"
        r"(?:besser|weg|auf)\b",
        # The fourth week or later, in the cough's sentence or the short one after it, or a
        # weekly count ("Hustentagebuch: Woche 1 ... Woche 4"; spec section 3: three weeks or
        # more, wherever the duration stands).
        r"\w*husten\w*\b[^.;!]{0,40}?[.?!\n]?\s*[^.;!?\n]{0,25}?\b(?:vierte|f(?:u|ue)nfte|sechste|"
        r"siebte|achte|neunte|zehnte|[4-9]\.)\s+woche\b|"
        r"\w*husten\w*\b[^.;!?]{0,80}?\bwoche\s+(?:[4-9]|1\d)\b",
        # A whole month (spec section 3: three weeks or more): "huste schon den ganzen Monat".
        r"\w*hust\w*\b[^.;!?]{0,40}?\b(?:den ganzen|einen ganzen|seit einem|fast einen|schon einen|"
        r"seit gut einem)\s+monat\w*\b|"
        r"\b(?:den ganzen|einen ganzen|seit einem|seit gut einem)\s+monat\w*\b[^.;!?]{0,30}?"
        r"\w*hust\w*",
        # A count of days (spec section 3: a cough of three weeks or more): "Husten Tag 27".
        r"\w*hust\w*\s+(?:\w+\s+)?tag\s+(?:2[1-9]|[3-9]\d|\d{3})\b|"
        r"\btag\s+(?:2[1-9]|[3-9]\d|\d{3})\s+(?:\w+\s+){0,2}\w*husten\w*",
    ),
    "COUGH": (r"\w*husten\w*|\bhust(?:e|et|en|ete|est)?\b",),
    "CHEST_PAIN": (
        # Pain in the middle of the chest, words of strength between (spec section 3 table).
        r"\b(?:schmerz\w*|druck|enge|stechen|brennen)\s+(?:\w+\s+){0,3}?mitten\s+(?:in|auf)\s+der\s+"
        r"brust\b",
        r"\w*brustschmerz\w*|\bbrustenge\b|\bherzstechen\b|\bherzenge\b|\bengegef(?:u|ue)hl\w*|"
        r"\benge in der brust\b|"
        # Clutching the chest, as others see it (spec section 3 table, chest_pain): "fasst sich an
        # die Brust", "hielt sich die Brust".
        r"\b(?:fasst|fasste|gefasst|greift|griff|gegriffen|h(?:a|ae)lt|hielt|gehalten|krallt\w*)\s+"
        r"(?:sich\s+)?(?:\w+\s+){0,2}?(?:an die|an der|die)\s+brust\b|"
        r"\bthoraxschmerz\w*|\bangina pectoris\b",
        rf"\b(?:schmerz\w*|stechen|druck|enge|ziehen|brennen|weh|zwicken|ziepen|pieksen|piksen|stiche|"
        rf"stich|krampf|kneifen|unwohlsein|beschwerden|druckgef(?:u|ue)hl|beklemmung\w*|"
        rf"unbehagen)\s+{W}{{0,2}}(?:in der|auf der|"
        r"hinter dem|hinterm|im|an der)\s+(?:brust(?!krebs|warze)\w*|thorax)\b",
        r"\bbrust(?:bein|korb)?\s+(?:\w+\s+)?(?:tut\s+(?:\w+\s+)?weh|schmerzt|eng|brennt)\b",
        # The verb of pain first, words between (spec section 3 table, chest_pain): "ihr drückt
        # es seit Freitag leicht auf der Brust", "sticht mir immer wieder in der Brust".
        rf"\b(?:dr(?:u|ue)ckt|dr(?:u|ue)ckte|sticht|stach|zieht|zog|brennt|brannte|schmerzt|"
        rf"schmerzte|zwickt|zwickte|piekst|pikst|ziept|kneift|krampft)\s+{WN}{{0,5}}"
        rf"(?:auf der|in der|hinter dem|hinterm|im)\s+"
        r"(?:brust(?!krebs|warze)\w*|thorax)\b",
    ),
    "SEVERE_CHEST_PAIN": (
        r"\w*herzinfarkt\b|\binfarkt\b|\bherzanfall\b",
        # The textbook word for the crushing pain of a heart attack (spec section 3 table,
        # severe_chest_pain: crushing).
        r"\bvernichtungs(?:schmerz|gef(?:u|ue)hl)\w*",
        # Telegram style, the signs in fragments of their own (spec section 3 table,
        # severe_chest_pain: sudden, severe, spreading): "Brustschmerz. Plötzlich. Sehr stark.".
        # No negation in the fragments, each a few words.
        rf"(?:\w*brustschmerz\w*|\bschmerz\w*\s+in\s+der\s+brust|\bdruck\s+auf\s+der\s+brust)"
        rf"\s*[.!]\s+(?:{WN}{{0,3}}[\w-]+\s*[.!,]\s+){{0,3}}?{WN}{{0,2}}"
        rf"(?:pl(?:o|oe)tzlich|schlagartig|(?:sehr|extrem|total|unglaublich)\s+(?:stark|schlimm|"
        rf"heftig)|unertr(?:a|ae)glich|vernichtend|heftig|zieht\s+(?:\w+\s+){{0,2}}in\s+(?:den|die)\s+"
        rf"(?:linken\s+|rechten\s+)?(?:arm|kiefer|r(?:u|ue)cken|schulter|hals))\b",
    ),
    "STROKE": (
        r"\w*schlaganfall\w*|\bhirnschlag\b|\bapoplex\w*|\btia\b",
        rf"\b(?:gesicht|gesichtsh(?:a|ae)lfte|gesichtsseite|mund|mundwinkel|lippe)\s+{W}{{0,3}}(?:hangt|"
        rf"hing|schief|verzogen|gelahmt|"
        r"taub|runter)",
        rf"\bh(?:a|ae|i)ng\w*\s+{W}{{0,2}}(?:mundwinkel|gesicht|mund)\b",
        rf"\b(?:arm|bein|hand|seite|korperhalfte)\s+{W}{{0,3}}(?:taub|schlaff|gelahmt|kraftlos|"
        r"lahm|gefuhllos)",
        r"\b(?:linke|rechte)\w*\s+(?:seite|arm|bein|hand|korperhalfte)\b\s+(?:\w+\s+){0,3}"
        r"(?:taub|schlaff|gelahmt|kraftlos|lahm)",
    ),
    "SPEECH": (
        r"\bverwaschen\w*|\b(?:ge)?lall\w*|\bundeutlich\w*|\b(?:ge)?nuschel\w*|\bnuschelt\b",
        r"\bwirre worte\b|\bwirres zeug\b|\bwortfindung\w*",
        # Cannot speak (spec section 3 table: garbled speech; a stroke sign when sudden).
        r"\bkann\s+(?:\w+\s+)?(?:nicht|kaum)\s+(?:mehr\s+)?(?:richtig\s+|deutlich\s+)?"
        r"(?:reden|sprechen)\b",
        rf"\b(?:red|rede|redet|spreche|sprech\w*|sprache|aussprache)\s+{W}{{0,3}}(?:komisch|"
        r"wie besoffen|wie betrunken|durcheinander)",
        r"\bdysarthri\w*",
        r"\bn(?:a|ae)selnd\w*",
        # Speech gone, words not found (spec section 3 table: garbled speech; a stroke sign when
        # sudden, text._flag_for): "die Sprache war plötzlich weg", "fand keine Worte mehr".
        r"\b(?:sprache|stimme)\s+(?:war|ist|blieb|bleibt)\s+(?:\w+\s+)?(?:weg|futsch)\b|"
        r"\bsprache\s+(?:(?:ganz|pl(?:o|oe)tzlich|einfach|kurz)\s+)*(?:weg|futsch)\b|"
        r"\b(?:fand|finde|findet|fanden)\s+(?:\w+\s+)?(?:keine|die)\s+(?:worte|w(?:o|oe)rter)\b"
        r"(?!\s+(?:mehr\s+)?(?:f(?:u|ue)r|dazu|daf(?:u|ue)r)\b)",
    ),
    "LIMB_ONE_SIDE": (
        # The side after the limb, as notes are typed (spec section 3 table, stroke_signs: one
        # side): "bein links ganz plötzlich weg", "Arm rechts taub".
        rf"\b(?:arm|bein|hand|fu(?:ss|ß))\s+(?:links|rechts)\s+{WN}{{0,4}}(?:taub|schlaff|gel(?:a|ae)hmt|"
        r"kraftlos|lahm|gef(?:u|ue)hllos|tot|schwach)\b|"
        r"\b(?:arm|bein|hand)\s+(?:links|rechts)\s+"
        r"(?:(?:ganz|pl(?:o|oe)tzlich|auf einmal|einfach)\s+)+weg\b",
        rf"\b(?:linke|rechte)[nrs]?\s+(?:arm|bein|hand)\s+{WN}{{0,5}}(?:taub|schlaff|gelahmt|kraf"
        rf"tlos|"
        r"lahm|gefuhllos|tot|schwach)",
        r"\b(?:kann|konnte)\s+(?:\w+\s+){0,2}(?:linken|rechten)\s+(?:arm|bein|hand)\s+nicht\s+"
        r"(?:mehr\s+)?(?:bewegen|heben|spuren)",
    ),
    "CEREBELLAR": (
        r"\btorkel\w*|\bungeschickt\w*|\btapsig\w*",
        r"\b(?:ich|er|sie)\s+(?:\w+\s+)?(?:schwanke|schwankte|schwankt)\b|\bschwanke\b|"
        r"\bschwank\w*\s+(?:\w+\s+){0,2}(?:beim|im)\s+(?:gehen|laufen|stehen|gang)\b|"
        r"\b(?:gehe|laufe|ging|lief|gang)\s+(?:\w+\s+){0,2}schwankend\b|\bschwankende[nr]? gang\b",
        r"(?<!beine )(?<!knie )\bwackelig\b",
        rf"\bgreif\w*\s+{W}{{0,3}}(?:vorbei|daneben)\b|\bdaneben ?gegriffen\b|\bdaneben ?greif\w*",
        r"\bgleichgewicht\w*\s*(?:st(?:o|oe)rung\w*|problem\w*|schlecht|weg)",
        r"\bgleichgewicht\w*\s+(?:ist|war)\s+(?:\w+\s+){0,2}(?:weg|futsch|hin|schlecht\w*|"
        r"schlimmer)\b",
        # As in English "handwriting shaky": "meine Schrift ist ganz zittrig geworden".
        r"\b(?:hand)?schrift\s+(?:\w+\s+){0,3}(?:zittrig|krakelig|unleserlich|wackelig)\b",
        r"\bgangunsicher\w*|\bunsicher beim gehen\b|\bataxi\w*",
        r"\bwie (?:ein )?betrunken\w*\b|\bwie besoffen\b|\ban rausch\b|\bals w(?:a|ae)r ich "
        r"(?:betrunken|besoffen)\b",
        r"\bl(?:a|ae)uf\w* gegen\b",
    ),
}

SYMPTOM_TARGETS: dict[str, tuple[str, ...]] = {
    "proximal_leg_weakness": (
        rf"\bbeine?\s+{W}{{0,5}}(?:schwach|schwer|wie pudding|wackelig|schlapp|kraftlos|wie blei|"
        r"zittrig|wie gummi|miserabel|mies)",
        rf"\boberschenkel\s+{W}{{0,4}}(?:schlapp|schwach|schwer|brennen|brannten|zittern|zitterten)",
        # A sit-to-stand test timed and recorded (spec section 2, proximal_leg_weakness).
        r"\b(?:sitz-?\s?stand|aufsteh|stuhlaufsteh|chair-?\s?stand)-?\s?test\w*",
        # Knees or legs that buckle, in any form of the separable verbs (spec section 2,
        # proximal_leg_weakness): "Knie knicken beim Treppensteigen ein", "sind weggeknickt".
        rf"\b(?:knie|beine?)\s+{W}{{0,4}}(?:nachgegeben|g(?:a|e|i)b\w*\s+(?:\w+\s+){{0,3}}?nach\b|weich|"
        r"\w*geknickt|knick\w*\s+(?:\w+\s+){0,4}?(?:ein|weg|um)\b|sack\w*\s+(?:\w+\s+){0,3}?"
        r"(?:weg|ein|zusammen)\b|weggesackt|eingesackt)",
        # The legs bad, or not doing what they should (spec section 2): "die Beine waren
        # furchtbar", "die Beine wollten nicht mehr".
        rf"\bbeine?\s+(?:waren|sind|war|ist)\s+{W}{{0,2}}(?:furchtbar|schrecklich|grauenhaft|"
        r"schlimm|katastrophal|bleischwer|wie blei)\b",
        r"\b(?:beine?|knie|oberschenkel)\s+(?:wollten|wollen|will|wollte|machten|machen|spielten|"
        r"spielen)\s+"
        r"(?:\w+\s+)?nicht\b(?:\s+mehr\b)?(?:\s+(?:mit|mitmachen)\b|(?=\s*(?:[.,;!?]|$)))",
        # Stairs with effort (spec section 2, proximal_leg_weakness): "mit der Treppe Mühe
        # gehabt", "am Geländer hochgezogen".
        r"\b(?:treppe\w*|stufen)\b[^.;!?]{0,30}?\b(?:m(?:u|ue)he|muhsam|schwer|kaum|qual|"
        r"anstrengend|hochgezogen|hochziehen)\b|\b(?:m(?:u|ue)he|muhsam|schwer|kaum)\b"
        r"[^.;!?]{0,20}?\btreppe\w*|\bam gel(?:a|ae)nder\s+(?:\w+\s+)?(?:hoch|festgehalten|"
        r"festhalten|gezogen)\w*",
        # Up from a seat only with the hands (spec section 2): "nicht ohne Hände hochkommen".
        r"\bnicht\s+ohne\s+(?:die\s+)?(?:h(?:a|ae)nde|arme|hilfe|abst(?:u|ue)tzen)\s+(?:\w+\s+){0,3}?"
        r"(?:hoch|auf)\w*",
        # Rising from a seat with effort (spec section 2, proximal_leg_weakness).
        r"\b(?:kaum|schwer|schlecht|m(?:u|ue)hsam|nicht)\s+(?:\w+\s+){0,2}"
        r"(?:aus dem|vom|von der)\s+"
        r"(?:sessel|stuhl|sofa|bett|auto|sitz|couch|toilette)\s+(?:hoch|auf|raus)\w*",
        rf"\b(?:kaum|schwer|nicht)\s+{W}{{0,2}}(?:hoch|aufstehen|aufgestanden|hochdr(?:u|ue)ck\w*)",
    ),
    "proximal_arm_weakness": (
        rf"\barme?\s+{W}{{0,3}}(?:nicht\s+)?(?:(?:uber|ueber) den kopf|hoch)\s+heben",
        rf"\barme?\s+{W}{{0,4}}(?:schwach|schwer|kraftlos)",
        r"\barme?\s+(?:nicht|kaum)\s+(?:mehr\s+)?(?:\w+\s+){0,3}?(?:heben|hochheben|hochkriegen|"
        r"hochbringen|oben halten|hochhalten)\b",
        # Arms that would not do it (spec section 2, proximal_arm_weakness): "die Arme wollten
        # nicht".
        r"\barme?\s+(?:wollten|wollen|will|wollte|machten|machen|spielten)\s+(?:\w+\s+)?nicht\b"
        r"(?:\s+mehr\b)?(?:\s+(?:mit|mitmachen)\b|(?=\s*(?:[.,;!?]|$)))",
    ),
    "distal_weakness": (
        # Compounds too: "die Wasserflasche nicht mehr aufdrehen" (spec section 2).
        rf"\w*(?:glaser|dosen|dose|flaschen|flasche|glas|deckel|verschluss)\s+{W}{{0,2}}(?:kaum|"
        r"nicht)\s+(?:mehr\s+|noch\s+)?(?:auf|(?:o|oe)ffnen|(?:o|oe)ffnete)",
        r"\bh(?:a|ae)nde\s+(?:\w+\s+)?(?:schwach|kraftlos)\b",
        # Austrian "ned aufbracht", "ka Kraft in die Händ" (spec section 3, regional speech).
        r"\w*(?:glas|glaser|dose|flasche)\s+(?:ned|nicht|kaum)\s+auf(?:bracht|gebracht|bekommen|gekriegt)\b",
        r"\b(?:keine|ka|koa)\s+kraft\s+in\s+(?:den|die)\s+h(?:a|ae)nd\w*",
        # Grip strength measured and recorded (spec section 2, distal weakness).
        r"\b(?:handkraft|griffkraft|greifkraft|handdynamometer|dynamometer)\b[^.;!?]{0,30}?\d",
    ),
    "neck_weakness": (
        rf"\bnacken\s+{W}{{0,2}}(?:halt|schwach)|\bkopf\s+{W}{{0,2}}schwer",
        r"\b(?:schwer|kaum|nicht)\b[^.;!?]{0,20}\bkopf\s+(?:zu\s+)?(?:halten|hochhalten)\b",
        r"\bkopf\s+(?:\w+\s+){0,2}?(?:nicht|kaum|schwer)\s+(?:mehr\s+)?(?:lange\s+|richtig\s+|"
        r"gerade\s+|aufrecht\s+|hoch\s+|oben\s+)?(?:zu\s+)?(?:halten|hochhalten|heben)\b",
        # The head drops, or holding it up is hard (spec section 2, neck_weakness): "der Kopf
        # fällt mir beim Zeitunglesen nach vorn", "den Kopf aufrecht halten fällt schwer".
        r"\bkopf\s+(?:\w+\s+){0,4}?(?:f(?:a|ae)llt|fiel|kippt|kippte|sackt|sackte|sinkt|sank|"
        r"h(?:a|ae)ngt|hing)\s+(?:\w+\s+){0,4}?(?:nach vorn|nach vorne|auf die brust|runter|"
        r"nach unten)\b",
        r"\bkopf\s+(?:\w+\s+){0,4}?(?:aufrecht|gerade|hoch|oben)\s+(?:zu\s+)?halten\s+"
        r"(?:\w+\s+)?(?:f(?:a|ae)llt|fiel|ist|war|wird)\s+(?:\w+\s+)?(?:schwer|m(?:u|ue)hsam|"
        r"anstrengend)",
    ),
    "muscle_aches": (r"\bmuskelkater\b|\bmuskelschmerz\w*|\bwadenkrampf\w*|\bmyalgi\w*",),
    "fatigue": (
        r"\b(?:m(?:u|ue)de|hundem(?:u|ue)de|ersch(?:o|oe)pft|fix und fertig|kaputt|schlapp|"
        r"platt|abgeschlagen|k\.?o\.?)\b",
        # "völlig erledigt": worn out, not a task done (spec section 2, fatigue).
        r"\b(?:v(?:o|oe)llig|total|komplett|ganz|echt|fix und)\s+(?:erledigt|alle|am ende|"
        r"ausgelaugt)\b|\bausgelaugt\b",
    ),
    "falls": (
        r"\b(?:gest(?:u|ue)rzt|sturz|hingefallen|gestolpert|umgeknickt)\b",
        # Gave way and went down, no knee named: "bin auf der Treppe weggeknickt".
        r"\b(?:weggeknickt|eingeknickt|weggesackt|zusammengesackt)\b",
        # Tripping, in any form (spec section 2): "stolpere ständig über die Teppichkante".
        r"\bstolper(?:e|t|te|ten|n)\b",
    ),
    "dry_mouth": (
        rf"\bmund\s+{W}{{0,2}}\w*trocken|\bmundtrockenheit\b|\btrockener mund\b|"
        r"\bmetallischer geschmack\b",
        # The tongue sticking to the palate (spec section 2, dry_mouth).
        rf"\bzunge\s+{W}{{0,3}}(?:klebt|kleben|klebte|pappt|trocken)|\bgaumen\s+{W}{{0,2}}trocken",
    ),
    "constipation": (
        r"\bverstopf\w*",
        # Bowels open only every few days, or laxatives named (spec section 2, constipation).
        r"\bstuhl(?:gang)?\w*\s+(?:\w+\s+){0,2}?(?:alle|nur alle)\s+\d|"
        r"\b(?:movicol|lactulose|laxans|abf(?:u|ue)hr\w*|dulcolax|macrogol)\b",
    ),
    "erectile_dysfunction": (r"\berektion\w*|\bpotenz\w*",),
    "dizziness_on_standing": (
        r"\bschwind\w*|\bschwarz vor (?:den )?augen\b|\bbenommen\b",
        # Everyday and regional words for light-headed (spec section 2): "schwummrig",
        # "duselig", "blümerant", "trümmlig".
        r"\bschwumm\w*rig\b|\bdus(?:s|e)?lig\b|\bbl(?:u|ue)merant\b|\btr(?:u|ue)mm?lig\b|"
        r"\bgsturm\b|\bdrehwurm\b",
    ),
    "reduced_sweating": (
        r"\bschwitze?\w*\s+(?:(?:viel|deutlich|kaum noch|noch|gar|fast|(?:u|ue)berhaupt)\s+)?"
        r"(?:kaum|nicht mehr|weniger)\b",
    ),
    "blurred_vision": (r"\bverschwommen\w*|\bunscharf\b|\bverschleiert\w*",),
    "drooping_eyelids": (
        rf"\b(?:augen|ober)?lid\w*\s+{W}{{0,2}}(?:h(?:a|ae)ng\w*|hing\w*|schwer)|\bptosis\b",
        r"\bh(?:a|ae)ngende\s+(?:augen|ober)?lider\b",
        # The verb first: "hängen nachmittags die Augenlider".
        r"\b(?:h(?:a|ae)ng\w*|hing\w*|fallen|fallt)\s+(?:\w+\s+){0,3}?(?:die\s+|ihr\w*\s+|"
        r"sein\w*\s+|mein\w*\s+)?(?:augen|ober)?lider\b",
    ),
    "double_vision": (
        r"\bdoppelt\b|\bdoppelbilder\b|\bdoppelt?sehen\b",
        # Two of one thing seen (spec section 2, double vision): "zwei Mittelstreifen gesehen".
        r"\b(?:zwei|2)\s+(?:\w+\s+)?(?:mittelstreifen|monde|fernseher|gesichter|\w*linien|"
        r"\w*streifen)\s+gesehen\b|\balles\s+(?:\w+\s+)?zweimal\s+(?:gesehen|sehe|sah)\b",
    ),
    "slurred_speech": (
        r"\bstimme\s+(?:\w+\s+)?(?:schwach|leise|nasal)\b",
        # Sounding as if one had a cold (spec section 2, bulbar speech): "klinge, als hätte ich
        # Schnupfen".
        r"\bkling\w*\b[^.;!?]{0,30}?\b(?:schnupfen|verschnupft|erk(?:a|ae)ltet|nase zu)\b|"
        r"\bnasal\w*\b",
    ),
    "chewing_difficulty": (
        rf"\bkiefer\s+{W}{{0,4}}m(?:u|ue)de|\bkauen\s+(?:\w+\s+)?(?:anstrengend|schwer)",
    ),
    "tingling": (
        r"\bkribbel\w*|\bameisenlaufen\b|\btaubheit\w*|\bmissempfind\w*|\bparasthesi\w*|"
        r"\beingeschlafen\b",
    ),
}

PSEUDO_PATTERNS: tuple[str, ...] = (
    # Who tells what was seen is not who had it: "according to my sister, I had a fit" (spec
    # section 3: signs others see are the patient's).
    rf"\blaut\s+(?:meiner|meinem|meines)\s+{FAMILY_WORDS}\b",
    # Gone each time one stops is a symptom that comes back, not one that cleared up (spec
    # section 3 table, chest_pain): "geht beim Stehenbleiben weg".
    r"\b(?:geht|ging|ist|war)\s+beim\s+\w+\s+(?:wieder\s+)?weg\b",
    # An episode that passes by itself or after a while ("geht nach einer Weile weg", "ging von
    # allein weg") comes and goes; it has not cleared up (spec section 3 table, chest_pain).
    r"\b(?:geht|ging|gehen|gingen|vergeht|verging)\s+(?:(?:dann|meist|immer|jeweils|aber|auch)\s+)?"
    r"(?:nach\s+(?:einer|ein paar|\w+)\s+(?:weile|zeit|minuten|stunden?)|von (?:allein|alleine|"
    r"selbst))\s+(?:wieder\s+)?(?:weg|vorbei)\b",
    # "Wenn ich esse, verschlucke ich mich ständig": "wenn" is "each time" when its main clause
    # tells the symptom as what happens, not as a question or a plan (spec section 3: only
    # hypotheticals are dropped). The longer cue wins over the "wenn" of HYPOTHETICAL.
    r"\bwenn\s+(?:ich|er|sie)\b(?=[^.;!?]{0,60},\s*(?:muss\s+(?:ich|er|sie)\s+(?:\w+\s+)?"
    r"(?:husten|w(?:u|ue)rgen)|huste|hustet|verschlucke|verschluckt|krieg\w*|kriege|bekomm\w*|"
    r"bleibt|kommt|kam|wird|ist)\b)(?![^.;!?]*(?:\?|\b(?:soll|sollte|w(?:u|ue)rde|k(?:o|oe)nnte|"
    r"ruf\w*|was tun|anrufen|zum arzt|notarzt|112)\b))",
    # Eating or appetite "normal" tells how one eats, it denies nothing (spec section 3: an
    # unintended loss while eating as usual stays flagged): "Hose rutscht, ess ganz normal".
    r"\b(?:ess|esse|isst|esst|essen|trink\w*|appetit)\s+(?:(?:ist|war|eigentlich|ganz|v(?:o|oe)llig|"
    r"wie immer)\s+){0,2}normal\b|\bnormal\s+(?:essen|gegessen|esse|ess)\b",
    # "otherwise ok" is about the rest, not a denial of what was just said (spec section 3).
    r"\bsonst (?:alles )?(?:gut|ok|okay|normal|in ordnung)\b",
    # "until it passed" measures an episode; it does not say the symptom has cleared up.
    r"\bbis es (?:wieder )?(?:vorbei|weg) war\b|\bbis es sich (?:wieder )?beruhigt\w*",
    # Hedges are flagged (spec section 3).
    r"\bwei(?:ss|ß) nicht\b|\bnicht sicher\b|\bwei(?:ss|ß) nix\b|\bschwer zu sagen\b",
    # "nicht sicher, ob das schon Verschlucken war": a hedge, not an "if" (spec section 3:
    # hedged or uncertain is flagged).
    r"\b(?:nicht sicher|unsicher|wei(?:ss|ß) nicht|wei(?:ss|ß) nicht so recht|frage mich),?\s+ob\b",
    # ... typed in a hurry: "kp ob das Atemnot is", "keine Ahnung, ob", "weiß nich ob".
    r"\b(?:kp|keine ahnung|k\.\s?a\.|kA|wei(?:ss|ß) nich|wei(?:ss|ß) nd|wei(?:ss|ß) ned|"
    r"wei(?:ss|ß)\s+(?:ich\s+)?nich\w*),?\s+ob\b",
    # Bavarian and Austrian double negation is one negation, part of the symptom: "I krieg ka
    # Luft ned" (spec section 3, regional speech).
    r"\b(?:ka|kaa|koa|koane|kei)\s+(?:\w+\s+){1,2}?(?:ned|net|nd|nid|nod|nich|nicht)\b"
    r"(?=\s*(?:[.,;!?]|$))",
    # The negation is part of the symptom: "nicht mehr runter", "geht nicht weg".
    r"\bnicht\s+(?:mehr\s+)?(?:runter\w*|weg|raus\w*|hoch|flach|\w*husten)\b",
    r"\bnicht (?:so )?schlimm\b|\bnicht stark\b|\bnicht normal\b",
    # A severity word that is denied ("nichts Schlimmes", "halb so schlimm") is not severe
    # (spec section 3 table: severe_chest_pain needs a severe pain).
    r"\bnichts (?:allzu |so )?(?:schlimm|stark|heftig|brutal|wild|dramatisch|ernst)\w*|"
    r"\bhalb so schlimm\b|\bkeine? (?:so )?(?:schlimm|stark|heftig)\w*",
    # Swiss "ohni" for "ohne" (spec section 3, regional speech).
    r"\bohn[ei] (?:di(?:a|ae)t|es zu wollen|grund|absicht)\b|\bkeine di(?:a|ae)t\b|\bungewollt\b|"
    r"\bunbeabsichtigt\b",
    r"\b(?:war|ist) (?:fr(?:u|ue)her )?nie so\b|\bnix hilft\b|\bbringt nix\b|\bnix mehr\b",
    # A denied diet ("no está haciendo ninguna dieta") does not make a loss intended.
    slots.denied_diet("de"),
)

CUES: tuple[Cue, ...] = (
    Cue("PSEUDO", "PSEUDO", PSEUDO_PATTERNS),
    Cue(
        "CONTRAST",
        "PSEUDO",
        (
            r"\b(?:aber|doch|jedoch|sondern|au(?:ss|ß)er|nur|trotzdem|allerdings|obwohl|sonst|"
            r"ansonsten)\b",
        ),
        max_scope=TERMINATOR_SCOPE,
    ),
    Cue("SELF", "PSEUDO", (r"\b(?:ich|mir|mich|i)\b",), max_scope=TERMINATOR_SCOPE),
    Cue(
        "OWN",
        "PSEUDO",
        (rf"\bmein\w*\b(?!\s+(?:{FAMILY_WORDS}|{OTHER_WORDS})\b)",),
        max_scope=TERMINATOR_SCOPE,
    ),
    Cue("COMMA", "PSEUDO", (r",", r"\bdann\b", r"\balso\b"), max_scope=TERMINATOR_SCOPE),
    # A header ("Pflegekraft:", "(schreibt ihr Enkel)") ends before what it introduces.
    Cue("CLAUSE_END", "PSEUDO", (r":", r"\)"), max_scope=TERMINATOR_SCOPE),
    Cue(
        "CURRENT",
        "PSEUDO",
        (r"\b(?:jetzt|heute|derzeit|aktuell|wieder|immer noch|noch immer|seit)\b",),
        max_scope=TERMINATOR_SCOPE,
    ),
    # Chapman et al. 2013, German NegEx triggers (adapted): kein-, nicht, ohne, weder/noch,
    # verneint, frei von.
    Cue(
        "NEGATED",
        "FORWARD",
        (
            r"\bkein\w*\b|\bkei\b",
            rf"\bnicht\b(?!\s*(?:[.,;!?]|$))(?!{NICHT_VERB_COMMA})",
            r"\bohne\b",
            r"\bweder\b|\bnoch nie\b|\bnie\b",
            r"\b(?:verneint|frei von|ausgeschlossen)\b",
        ),
        terminated_by=frozenset({"CONTRAST", "CLAUSE_END", "SELF", "OWN"}),
        max_scope=NEGATION_REACH,
    ),
    # "nix verschluckt heute", "nichts gehustet": nothing, before the participle of the symptom
    # (spec section 3: negation); not "krieg nix runter", which is the symptom.
    Cue(
        "NEGATED",
        "FORWARD",
        (r"\b(?:nix|nichts)\b(?=\s+(?:mehr\s+)?(?:ver|ge)\w+t\b)",),
        terminated_by=frozenset({"CONTRAST", "CLAUSE_END", "COMMA"}),
        max_scope=2,
    ),
    Cue(
        "NEGATED",
        "BACKWARD",
        (
            # "Heute: kein Husten" negates forward; "Husten: keiner." backward (spec section 3).
            r"[:=]\s*(?:nein|normal|ok|gut|unauff(?:a|ae)llig|negativ)\b",
            r"[:=]\s*(?:keine?[rs]?)\b(?=\s*(?:[-.,;!?)\n]|$|heute\b|gestern\b|seit\b|diese\w*\b|mehr\b))",
            # A checklist's green light or thumbs up: "Verschlucken 🟢" (spec section 3, "X ok").
            "(?:\U0001f7e2|\U0001f44d)",
            r"\?\s*(?:nein|nee|no|nope|nd|ned|nich|nicht|keine?[rsn]?|nie|normal|ok|gut|auch nicht|"
            r"auch kein\w*|"
            r"ebenfalls nicht)\b",
            # Asked, not answered (spec section 3): "Atemnot, ist das normal?" denies nothing.
            # "wieder normal" is back to normal: resolved (below), not denied, so that a stroke sign
            # that passed is still flagged (spec section 3 table: an event stays an event).
            r"(?<!wieder )(?<!wieder ganz )\b(?:ok|okay|normal|gut|unauff(?:a|ae)llig|in ordnung)\b"
            r"(?!\s+(?:seit|nach|bis))(?!\s*\?)",
        ),
        terminated_by=frozenset({"CONTRAST"}),
        max_scope=NORMAL_REACH,
    ),
    # The symptom first, denied at the clause's end: "Schluckbeschwerden habe ich nicht",
    # "Atemnot hab i ned" (spec section 3: negation). A comma ends it: "huste Blut, Fieber hab
    # ich nicht" denies only the fever.
    Cue(
        "NEGATED",
        "BACKWARD",
        (
            # Not "Luft krieg ich nicht", which is the breathlessness itself.
            r"\b(?:hab|habe|hat|hatte|hatten|haben|hob)\s+"
            r"(?:ich|i|er|sie|wir)\s+(?:noch\s+|gar\s+|(?:u|ue)berhaupt\s+|eigentlich\s+)?"
            r"nicht\b(?:\s+mehr\b)?(?=\s*(?:[.,;!?]|$))",
        ),
        terminated_by=frozenset({"CONTRAST", "COMMA", "CLAUSE_END"}),
        max_scope=4,
    ),
    # "das Glas nicht halten, rechte Hand schlaff": "nicht" before the verb that ends its clause
    # negates that verb only; the comma opens the next item (spec section 3: the negation rule
    # reaches only the words it governs). A list under one negation ("nicht verschluckt,
    # gehustet oder gewürgt") keeps the wide reach.
    Cue(
        "NEGATED",
        "FORWARD",
        (rf"\bnicht\b(?={NICHT_VERB_COMMA})",),
        terminated_by=frozenset({"CONTRAST", "CLAUSE_END", "SELF", "OWN"}),
        max_scope=2,
    ),
    # "ich schwanke nicht": "nicht" after the verb it negates.
    Cue(
        "NEGATED",
        "BACKWARD",
        (r"\bnicht\b(?=\s*(?:[.,;!?]|$))",),
        terminated_by=frozenset({"CONTRAST"}),
        max_scope=2,
    ),
    Cue(
        "FAMILY",
        "FORWARD",
        (
            rf"(?<!mit )(?<!fur )(?<!fuer )\b(?:mein\w*|sein\w*|ihr\w*|unser\w*|die|der|den|dem)\s+"
            rf"{FAMILY_WORDS}\b",
            rf"(?:\A\s*|(?<=[.!?;:\n]\s)|(?<=[.!?;:\n])){FAMILY_WORDS}\b",
            r"(?:\A\s*|(?<=[.!?;:\n]\s))(?:er|sie)\b",
        ),
        terminated_by=frozenset({"CONTRAST", "SELF", "OWN", "CLAUSE_END"}),
        max_scope=OTHER_PERSON_REACH,
    ),
    Cue(
        "OTHER_PERSON",
        "FORWARD",
        (
            # Not "den": "den Nachbarn bitten" is the object, not who has the symptom.
            rf"\b(?:mein\w*|sein\w*|ihr\w*|unser\w*|die|der|dem|ein\w*)\s+"
            rf"(?:{FAMILY_WORDS}\s+(?:meiner|meines|von meiner|von meinem)\s+)?{OTHER_WORDS}\b",
            # ... unless a relative clause or a pronoun takes them up: "den Nachbarn besucht,
            # der hat Atemnot".
            rf"\bden\s+{OTHER_WORDS}\b(?=[^.;!?,]{{0,30}},\s*(?:der|dem|dessen|deren|er)\b)",
            rf"(?:\A\s*|(?<=[.!?;\n]\s)){OTHER_WORDS}\b",
            # Someone else's relative, named by a relative clause: "Jean, whose husband had...".
            rf"\b(?:deren|dessen)\s+{FAMILY_WORDS}\b",
            r"\b(?:jemand|andere patienten|die leute|ein mann|eine frau)\b",
            # Someone unnamed did it: "im Wartezimmer hat einer Blut gehustet" (spec section 3:
            # another person's symptoms).
            r"\b(?:hat|hatte|ist|war)\s+(?:da\s+|dort\s+|neben mir\s+)?(?:einer|eine|jemand|wer)\b"
            r"(?=\s+(?!(?:mal|weile|zeit|woche|stunde|minute)\b)\w+)",
        ),
        terminated_by=frozenset({"CONTRAST", "SELF", "OWN", "CLAUSE_END"}),
        max_scope=OTHER_PERSON_REACH,
    ),
    Cue(
        "HYPOTHETICAL",
        "FORWARD",
        # "als ob ich betrunken wäre" is a comparison, not an "if"; "jedes Mal wenn", "immer
        # wenn" is what happens each time, not an "if".
        (
            r"(?<!jedes mal )(?<!jedesmal )(?<!immer )\bwenn\b|\bfalls\b|\bsollte\b|"
            r"(?<!als )\bob\b|\bwas mach\w* ich\b|\bwen ruf\w* ich\b",
            # An instruction: "bei Atemnot sofort 112 anrufen" ("bei" as "in case of", with the
            # infinitive of what to do; spec section 3, hypothetical).
            r"\bbei\b(?=[^.;!?]{0,40}\b(?:anrufen|rufen|w(?:a|ae)hlen|melden|kommen|vorstellen|"
            r"fahren)\b)",
        ),
        terminated_by=frozenset({"CONTRAST", "CLAUSE_END", "COMMA"}),
    ),
    Cue(
        "HYPOTHETICAL",
        "FORWARD",
        (
            r"\b(?:angst|sorge|risiko|gefahr),? (?:vor|davor|dass|vom|von)\b",
            r"\b(?:nebenwirkung\w*|beipackzettel|packungsbeilage)\b",
            # A dream is not an event.
            r"\b(?:getraumt|getraeumt|traum|albtraum|alptraum|tr(?:a|ae)umte)\b",
            r"\b(?:in zukunft|vorbeugen|vermeiden)\b",
        ),
        terminated_by=frozenset({"CONTRAST", "CLAUSE_END", "COMMA", "OWN"}),
    ),
    Cue(
        "HISTORICAL",
        "BIDIRECTIONAL",
        (
            r"\bletzte[ns]? (?:jahr|winter|sommer|herbst)\b|\bvor (?:\w+\s+)?jahren\b|"
            r"\bals kind\b|\bin meiner kindheit\b|\bim jahr (?:19|20)\d\d\b|\bvor der diagnose\b",
            r"\bals (?:teenager|teenie|jugendliche[r]?|schul(?:er|kind)\w*|"
            r"junge[rs]? (?:mann|frau)|baby|kleinkind|student\w*)\b|\bin (?:meiner|der) jugend\b",
            # "seitdem in 40 Jahren nichts", "seit 30 Jahren nichts mehr": nothing since.
            r"\bseit(?:dem|her)?\s+(?:in\s+)?(?:\d+|vielen|vierzig|drei(?:ss|ß)ig)\s+jahren\s+"
            r"(?:nichts|nie\w*|keine\w*)\b",
            # "Die Brustschmerzen 2016": a symptom dated by a past year ("seit 2019" is current).
            r"(?<!seit )(?<!bis )\b(?:19|20)\d\d\b(?!\s*(?:bis|-))",
        ),
        terminated_by=frozenset({"CONTRAST", "CURRENT"}),
    ),
    Cue(
        "RESOLVED",
        "BACKWARD",
        (
            # Not the noun "Weg" (way): "blieb mir auf halbem Weg stecken", "auf dem Weg".
            r"(?<!nicht )(?<!nicht mehr )(?<!halbem )(?<!halben )(?<!dem )(?<!den )(?<!der )"
            r"(?<!im )(?<!am )(?<!einem )(?<!ganzen )\b(?:l(?:a|ae)ngst\s+)?(?:weg|vorbei|"
            # Gone "when I stop", each time, is a symptom that comes back (spec section 3 table,
            # chest_pain), not one that cleared up.
            r"abgeheilt|ausgeheilt)\b(?!,?\s+(?:wenn|sobald)\b)",
            # "jetzt weg", "inzwischen vorbei": the word of time is part of the cue, so it does
            # not end it as a CURRENT word would (spec section 3: clearly resolved).
            r"\b(?:jetzt|inzwischen|mittlerweile|nun|seitdem|seither)\s+(?:wieder\s+|ganz\s+|"
            r"l(?:a|ae)ngst\s+)?(?:weg|vorbei|abgeheilt|ausgeheilt)\b(?!,?\s+(?:wenn|sobald)\b)",
            r"\bnie wieder (?:aufgetreten|gekommen|gehabt)\b|"
            r"\bnicht wieder (?:aufgetreten|gekommen)\b",
            r"\bgeht (?:es |ihm |ihr |mir )?wieder gut\b|"
            r"\balles gut\b|\bwieder (?:ganz )?(?:normal|ok|okay|in ordnung|gut)\b",
        ),
        terminated_by=frozenset({"CURRENT"}),
    ),
    # Getting better is said of the thing just named: "Husten seit vier Wochen, aber das Schlucken
    # wird besser" does not clear the cough (spec section 3: the rules reach only the words they
    # govern), so a contrast ends it.
    Cue(
        "RESOLVED",
        "BACKWARD",
        (r"\bwird besser\b|\bbesser geworden\b",),
        terminated_by=frozenset({"CURRENT", "CONTRAST"}),
    ),
    Cue(
        "INTENDED",
        "BIDIRECTIONAL",
        (
            r"\b(?:di(?:a|ae)t|abnehmen wollen|intervallfasten|fasten|weight watchers|ozempic|"
            r"wegovy|mounjaro|absichtlich|gewollt|stolz|froh)\b",
        ),
        terminated_by=frozenset({"CONTRAST"}),
        allowed_types=frozenset({"WEIGHT_LOSS"}),
    ),
    Cue(
        "BENIGN_CAUSE",
        "BIDIRECTIONAL",
        (
            r"\b(?:gerannt|rennen|bus|sport|joggen|radfahren|schwimmen|berg\w*|lachen)\b",
            r"\b(?:tanzen|getanzt|tanzte|beim tanz)\b",
        ),
        allowed_types=frozenset({"DYSPNEA"}),
    ),
    Cue(
        "BENIGN_CAUSE",
        "BIDIRECTIONAL",
        (
            r"\b(?:g(?:a|ae)nsebraten|schweinebraten|sodbrennen|rennie|reflux|magen|"
            r"nach dem essen|pantoprazol|omeprazol)\b",
        ),
        allowed_types=frozenset({"CHEST_PAIN"}),
    ),
    Cue(
        "QUICK_RECOVERY",
        "BIDIRECTIONAL",
        (
            r"\bnach (?:einer|ein paar|\d+|zwei|f(?:u|ue)nf|zehn) (?:minute|minuten|sekunden|min"
            r")\b",
            r"\bsofort wieder\b|\bgleich wieder\b",
        ),
        allowed_types=frozenset({"DYSPNEA", "CHEST_PAIN"}),
    ),
    Cue(
        "FAINT_RECOVERY",
        "BIDIRECTIONAL",
        (
            r"\b(?:sofort|gleich|direkt) wieder da\b|\bbeim langen stehen\b|"
            r"\bzu schnell aufgestanden\b",
        ),
        allowed_types=frozenset({"LOC"}),
    ),
    Cue(
        "SUDDEN",
        "BIDIRECTIONAL",
        (
            r"\bpl(?:o|oe)tzlich\b|\bauf einmal\b|\bschlagartig\b|\bunvermittelt\b|"
            r"\baus heiterem himmel\b",
            r"\bvor (?:einer|ner|\d+|zwei|einer halben) (?:stunde|minuten|stunden)\b|"
            r"\bseit (?:einer|ner) (?:halben )?stunde\b",
        ),
        allowed_types=frozenset({"STROKE", "SPEECH", "CHEST_PAIN", "CEREBELLAR", "LIMB_ONE_SIDE"}),
    ),
    # Waking with a stroke sign is an onset nobody saw, so it counts as sudden; chest tightness
    # "on waking" is a time of day, not a sudden onset (severe_chest_pain needs more).
    Cue(
        "SUDDEN",
        "BIDIRECTIONAL",
        (r"\bseit heute fr(?:u|ue)h\b|\bbeim aufwachen\b",),
        allowed_types=frozenset({"STROKE", "SPEECH", "CEREBELLAR", "LIMB_ONE_SIDE"}),
    ),
    Cue(
        "GRADUAL",
        "BIDIRECTIONAL",
        (
            r"\bseit (?:monaten|jahren)\b|\bwie immer\b|\bimmer schon\b|\babends\b|"
            r"\bwenn ich m(?:u|ue)de bin\b|\blangsam\b",
        ),
        allowed_types=frozenset({"STROKE", "SPEECH"}),
    ),
    Cue(
        "NEW_ONSET",
        "BIDIRECTIONAL",
        (
            r"\bseit (?:etwa |ca\.? |gut )?(?:ein paar|a paar|zwei|drei|vier|funf|sechs|sieben|"
            r"acht|neun|zehn|elf|zwolf|vierzehn|\d+|einigen|einer) "
            r"(?:tagen|wochen|wochn|woche)\b",
            r"\bdas ist neu\b|\bneu\b|\bfr(?:u|ue)her nie\b|\bimmer (?:mehr|schlimmer)\b|"
            r"\bzunehmend\b|\bseit (?:mitte|anfang)\b|\bin letzter zeit\b|\bneuerdings\b",
        ),
        allowed_types=frozenset({"SPEECH", "CEREBELLAR"}),
    ),
    Cue(
        "LONG_STANDING",
        "BIDIRECTIONAL",
        (
            r"\bseit (?:monaten|jahren|einem jahr)\b|\bist seit monaten so\b|\bwie immer\b|"
            r"\bimmer schon\b|\babends\b|\bwenn ich m(?:u|ue)de bin\b",
        ),
        allowed_types=frozenset({"SPEECH", "CEREBELLAR"}),
    ),
    Cue(
        "DRUG_EFFECT",
        "BIDIRECTIONAL",
        (r"\b(?:amifampridin\w*|firdapse|3,4-dap)\b|\bnach der (?:tablette|einnahme|dosis)\b",),
        allowed_types=frozenset({"STROKE"}),
    ),
    Cue(
        "SEVERE",
        "BIDIRECTIONAL",
        (
            r"\b(?:heftig\w*|stark\w*|schlimm\w*|unertr(?:a|ae)glich\w*|vernichtend\w*|"
            r"schraubstock|brutal\w*)\b",
            # Any form of the verb: "Brustschmerzen, die in den Arm ziehen" (plural, verb last).
            r"\b(?:zieh\w*|strahl\w*|geht|gehen|zog\w*|ausstrahl\w*)\s+(?:\w+\s+){0,2}(?:in den|"
            r"bis in den|in die|bis in d"
            r"ie)\s+"
            r"(?:linken\s+|rechten\s+)?(?:arm|kiefer|hals|r(?:u|ue)cken|schulter)",
            r"\b(?:in den|bis in den|in die|bis in die)\s+(?:linken\s+|rechten\s+)?(?:arm|kiefer|"
            r"schulter)\s+(?:zieh\w*|strahl\w*|ausstrahl\w*|gehen|geht|zog\w*)\b",
            r"\bkiefer\b|\blinken arm\b",
            r"\bkalter schwei(?:ss|ß)|\bschwei(?:ss|ß)\w*|\b(?:u|ue)bel\w*|\berbroch\w*",
            # Cold sweat and an ashen face, and pain "like mad" (spec section 3 table,
            # severe_chest_pain: with sweating, grey, or severe): "ganz grau und kaltschweißig,
            # es presst wie verrückt".
            r"\bkaltschwei\w*|(?<!haare sind )(?<!haar ist )(?<!bart ist )(?<!haare )"
            r"\b(?:ganz|total|v(?:o|oe)llig|richtig)\s+grau\b(?!\s*(?:-?\s*meliert|haar\w*|bart))|"
            r"\bgrau im gesicht\b|"
            r"\baschfahl\b|\baschgrau\b|\bwie verr(?:u|ue)ckt\b|\bh(?:o|oe)llisch\w*|"
            r"\bwahnsinnig\w*|\bf(?:u|ue)rchterlich\w*",
        ),
        allowed_types=frozenset({"CHEST_PAIN"}),
    ),
)

QUESTION_START = (
    r"^\W*(?:ist|sind|kann|k(?:o|oe)nnen|k(?:o|oe)nnte|darf|soll|sollte|muss|was|wann|warum|wie|"
    r"wo|welche\w*|gibt es|hat|haben)\b"
)
FIRST_PERSON = r"\b(?:ich|mir|mich|mein\w*|i)\b"
SEVERE_IN_MENTION = r"\b(?:schraubstock|heftig\w*|vernichtend\w*|unertr(?:a|ae)glich\w*)\b"
CAREGIVER_HEADER = (
    r"\bich schreibe (?:hier )?f(?:u|ue)r\b|\bschreibe f(?:u|ue)r (?:meinen|meine|mein|mama|papa|"
    r"oma|opa)\b|\bgeschrieben von (?:seiner|ihrer|seinem|ihrem)\b|\bpflege (?:meinen|meine|mein"
    r")\b|"
    r"\bich bin (?:sein|seine|ihr|ihre|die|der) (?:pflege\w*|tochter|sohn|frau|mann|partner\w*)\b|"
    r"\bpflegende?r?\s*:|\bim namen (?:meines|meiner)\b|\bich k(?:u|ue)mmere mich um\b|"
    r"\bals pflegende?r?\b"
)
INTENDED = (
    r"\b(?:di(?:a|ae)t|abnehmen wollen|intervallfasten|fasten|weight watchers|ozempic|wegovy|"
    r"mounjaro|absichtlich|gewollt|abnehm(?:gruppe|programm|kurs|treffen|club)\w*)\b"
)
NOT_INTENDED = (
    # Swiss "ohni" for "ohne" (spec section 3, regional speech).
    r"\bohn[ei] (?:di(?:a|ae)t|es zu wollen|grund|absicht)\b|\bkeine di(?:a|ae)t\b|\bungewollt\b|"
    r"\bunbeabsichtigt\b|\bobwohl ich (?:ganz )?normal esse\b"
)
# A denied diet, however worded (slots.py; spec section 3).
NOT_INTENDED = NOT_INTENDED + "|" + slots.denied_diet("de")
FIGURATIVE: tuple[tuple[frozenset[str] | None, str], ...] = (
    # "Blut abgenommen", "der Verband wurde abgenommen": taken off, not weight lost.
    (
        frozenset({"WEIGHT_LOSS"}),
        r"\b(?:blut\w*|verband|gips|pflaster|faden|fäden|horer|hörer|schiene|brille|telefon|"
        r"kompressionsstrumpf\w*)\b[^.;!?]{0,40}\babgenommen\b",
    ),
    # A team, a match, a machine or a burden, unless food or drink is named ("beim Spiel am
    # Wasser verschluckt" is choking).
    (
        frozenset({"CHOKING", "DYSPNEA", "DYSPHAGIA"}),
        slots.unless_food(
            "de",
            r"\b(?:bvb|fc|mannschaft|spiel|halbzeit|verein|rasenm(?:a|ae)her|motor|auto|stau|"
            r"aufzug|fahrstuhl|schnee|verkehr|anfahren|ruckel\w*|werkstatt|wagen|karre|vergaser|"
            r"reifen|fahrrad|luftmatratze|schlauch|luftpumpe|ballon|"
            r"kupplung|getriebe|z(?:u|ue)ndkerze|maschine|nebenkosten\w*|rechnung|kredit|schulden|"
            r"steuer\w*|f(?:u|ue)hrerschein)\b",
        ),
    ),
    (
        frozenset({"CHOKING", "DYSPNEA", "DYSPHAGIA"}),
        r"\bvor aufregung\b|"
        r"\bvor lachen\b|\bschn(?:u|ue)rt\w* (?:uns |mir )?\w* ?die luft\b",
    ),
    # A lump in the throat is a feeling, unless food is named with it ("Gefühl wie ein Kloß im
    # Hals, das Brot rutscht nicht runter"); the laugh or the words that stuck in one's throat
    # are an idiom (spec section 3, figures of speech).
    (
        frozenset({"CHOKING", "DYSPNEA", "DYSPHAGIA"}),
        r"^(?![^.;!?]*\b(?:\w*schluck\w*|runter\w*|essen|trinken|brot|fleisch|tabletten?|bissen|"
        r"wasser|suppe|getr(?:a|ae)nk\w*|kaffee|tee)\b)[^.;!?]*?\bklo(?:ss|ß) im hals\b",
    ),
    (
        frozenset({"DYSPHAGIA", "CHOKING"}),
        r"\b(?:das lachen|lachen|die worte|das wort|worte|die sprache)\b[^.;!?]{0,25}?"
        r"\b(?:im hals|in der kehle)\s+(?:\w+\s+)?(?:stecken|h(?:a|ae)ngen)",
    ),
    # Laughing took the breath, no food or drink named: "haben so gelacht, mir blieb die Luft
    # weg" (spec section 3, a feeling).
    (
        frozenset({"CHOKING", "DYSPNEA", "DYSPHAGIA"}),
        slots.unless_food("de", r"\bgelacht\b"),
    ),
    # A drink down the wrong way while laughing, one cough and over (spec section 3: an
    # expected, benign cause stated with a quick recovery): "beim Kichern Tee in den falschen
    # Hals, ein Huster, vorbei". Both must be said; a long coughing fit or no air is not this.
    (
        frozenset({"CHOKING"}),
        r"^(?![^.;!?]*\b(?:keine luft|luftnot|atemnot|lange|minuten|blau\w*|nicht aufh\w*|"
        r"hustenanfall|klopf\w*)\b)[^.;!?]*\b(?:lach\w*|gelacht|kicher\w*|gekichert|prust\w*|"
        r"losgeprustet|gegiggelt|giggel\w*)\b[^.;!?]*\b(?:ein(?:mal)?\s+(?:kurz\s+)?(?:huster|gehustet|"
        r"r(?:a|ae)uspern)|kurz\s+gehustet|vorbei|sofort wieder\s+(?:gut|ok|weg)|gleich wieder\s+"
        r"(?:gut|ok|weg))\b",
    ),
    # A symptom word quoted as a word: a crossword answer, a term (spec section 3: reading or
    # hearing about a symptom is not having it): "'Atemnot' war ein Lösungswort".
    (
        None,
        rf"{QUOTE_OPEN}\s*[\w-]{{3,25}}\s*{QUOTE_CLOSE}[^.;!?]{{0,40}}\b(?:l(?:o|oe)sung\w*|\w*wort|"
        rf"begriff|buchstaben|vokabel\w*|r(?:a|ae)tsel\w*)\b|\b(?:l(?:o|oe)sungswort|begriff|wort|"
        rf"r(?:a|ae)tsel\w*)\s*(?:war|ist|hei(?:ss|ß)t|lautet|:)?\s*{QUOTE_OPEN}\s*[\w-]{{3,25}}\s*"
        rf"{QUOTE_CLOSE}",
    ),
    (
        None,
        r"\bkreuzwortr(?:a|ae)tsel\w*\b[^.;!?]{0,60}\b(?:\d+\s+buchstaben|senkrecht|"
        r"waagerecht|waagrecht|l(?:o|oe)sungswort)\b",
    ),
    # A car's choke, the noun with its article (spec section 3: machines): "den Choke gezogen".
    (
        frozenset({"CHOKING"}),
        slots.unless_food("de", r"\b(?:den|der|dem|am|vom|des)\s+chokes?\b"),
    ),
    # Worries that press the air out are a feeling (spec section 3): "die Sorgen drücken mir
    # die Luft ab".
    (
        frozenset({"DYSPNEA"}),
        r"\b(?:sorge\w*|angst|stress|kummer|trauer|gedanken|schulden|rechnung\w*|"
        r"verantwortung|atmosph(?:a|ae)re|stimmung)\b[^.;!?]{0,20}?\b(?:dr(?:u|ue)ck|"
        r"schn(?:u|ue)r)\w*\s+(?:\w+\s+){0,2}?(?:die\s+)?luft\s+ab\b",
    ),
    # "Vor Schreck fast erstickt": choked by a feeling, not by food (spec section 3).
    (
        frozenset({"CHOKING", "DYSPNEA"}),
        r"\bvor (?:schreck|freude|spannung|wut|staunen|neid|angst)\b",
    ),
    # The air or the puff running short for money, a club or a machine (spec section 3, figures
    # of speech): "mit dem Geld wird die Luft knapp", "dem Verein geht die Puste aus".
    (
        frozenset({"DYSPNEA"}),
        # Never when the writer is the one short of air ("wird mir die Luft knapp").
        r"^(?![^.;!?]*\b(?:mir|mich|ich)\b)[^.;!?]*?"
        r"(?:\b(?:geld\w*|finanz\w*|konto|kasse|budget|firma|betrieb|gesch(?:a|ae)ft|termin\w*|zeit|"
        r"frist\w*|tabelle|liga|abstieg\w*|verein|mannschaft|team|motor|akku|batterie|wirtschaft|"
        r"projekt|regierung|partei|aktie\w*|markt)\b[^.;!?]{0,40}?\b(?:luft|puste|atem)\b"
        r"[^.;!?]{0,15}?\b(?:knapp|aus|d(?:u|ue)nn)\b|\b(?:luft|puste|atem)\b[^.;!?]{0,15}?\b(?:knapp|"
        r"aus|d(?:u|ue)nn)\b[^.;!?]{0,30}?\b(?:geld\w*|finanz\w*|konto|kasse|budget|firma|betrieb|"
        r"termin\w*|frist\w*|tabelle|liga|abstieg\w*|verein|mannschaft)\b)",
    ),
    # Stiff and trembling from cold or fright, no fit told (spec section 3: an expected, benign
    # cause): "nach dem Eisbad steif und gezittert". A jerk, a cramp, a fit or a blackout named
    # keeps the seizure ("Fieber und dann ein Krampfanfall").
    (
        frozenset({"SEIZURE"}),
        r"^(?![^.;!?]*\b(?:\w*krampf\w*|gekrampft|zuck\w*|gezuckt|anf(?:a|ae)ll\w*|bewusstlos\w*|"
        r"schaum|weg(?:getreten)?|verdreht|sch(?:u|ue)ttel\w*|gesch(?:u|ue)ttelt|umgekippt|"
        r"zusammengebrochen|eingen(?:a|ae)sst|zunge\w*|ansprechbar)\b)"
        r"(?=[^.;!?]*\b(?:zitter\w*|gezittert)\b)[^.;!?]*\b(?:"
        r"k(?:a|ae)lte|kalt\w*|eisbad|eiswasser|fieber|frier\w*|gefroren|sch(?:u|ue)ttelfrost|"
        r"schreck|angst|aufregung)\b",
    ),
    # Speechless with a feeling (spec section 3): "fand keine Worte vor Rührung".
    (
        frozenset({"SPEECH"}),
        r"\bvor (?:r(?:u|ue)hrung|staunen|freude|schreck|wut|begeisterung|gl(?:u|ue)ck|"
        r"(?:u|ue)berraschung|ehrfurcht)\b|\bsprachlos\b",
    ),
    # Food or drink out of the nose while laughing, once (spec section 3: an expected, benign
    # cause); "ständig", "jedes Mal" make it a pattern, which stays flagged.
    (
        frozenset({"DYSPHAGIA"}),
        r"^(?![^.;!?]*\b(?:st(?:a|ae)ndig|immer|jedes ?mal|oft|schon wieder|t(?:a|ae)glich|"
        r"beim essen|beim trinken)\b)[^.;!?]*\b(?:gelacht|lachen|lachte|lache|kicher\w*|gekichert|"
        r"prust\w*|losgeprustet)\b[^.;!?]*\bnase\b",
    ),
    # Reading or hearing about a symptom (spec section 3): "habe über Atemnot gelesen".
    (
        None,
        r"\buber\s+(?:\w+\s+){0,3}?(?:gelesen|geh(?:o|oe)rt)\b|"
        r"\b(?:lese|las|liest|gelesen)\s+(?:\w+\s+){0,3}?uber\b",
    ),
    (None, r"\b(?:artikel|doku\w*|reportage|sendung|bericht|folge|serie|spielfilm)\b"),
    # A remark "in den falschen Hals bekommen" is taken amiss, not choked on (spec section 3);
    # water "in den falschen Hals" is choking.
    (
        frozenset({"CHOKING"}),
        r"\b(?:witz\w*|bemerkung\w*|kommentar\w*|satz|frage|spruch|worte|kritik|das|es|"
        r"alles|was ich \w+)\b[^.;!?]{0,40}\bin den falschen hals\b",
    ),
)

# See lexicon.THIRD_PERSON. Spanish and German leave the subject out or share pronouns with
# other persons: no sentence-level rule.
THIRD_PERSON: str | None = None
FIRST_PERSON_WORDS: str | None = None

# Slot-built patterns shared by the four languages (slots.py; spec section 3): reading about a
# symptom, burdens and spectacles in another sense, and choking on whatever is eaten or drunk.
FIGURATIVE = (*FIGURATIVE, *slots.figurative("de"))
# Bavarian and Austrian "verkutzt" is choked on food or drink (spec section 3, regional speech).
RED_FLAG_TARGETS["CHOKING"] = (*RED_FLAG_TARGETS["CHOKING"], r"\bverkutz\w*")
RED_FLAG_TARGETS["CHOKING"] = (*RED_FLAG_TARGETS["CHOKING"], *slots.choking_while_ingesting("de"))
RED_FLAG_TARGETS["DYSPHAGIA"] = (*RED_FLAG_TARGETS["DYSPHAGIA"], *slots.several_swallows("de"))
RED_FLAG_TARGETS["PERSISTENT_COUGH"] = (
    *RED_FLAG_TARGETS["PERSISTENT_COUGH"],
    *slots.coughing_blood("de"),
)
RED_FLAG_TARGETS["WEIGHT_LOSS"] = (*RED_FLAG_TARGETS["WEIGHT_LOSS"], *slots.clothes_loose("de"))
# Slot-built cues (slots.py; spec section 3): a recovery within minutes and running somewhere
# (a benign cause with quick recovery), and "not without" (which states the thing).
CUES = (
    *CUES,
    Cue(
        "QUICK_RECOVERY",
        "BIDIRECTIONAL",
        slots.quick_recovery("de"),
        allowed_types=frozenset({"DYSPNEA", "CHEST_PAIN"}),
    ),
    Cue(
        "BENIGN_CAUSE",
        "BIDIRECTIONAL",
        (*slots.running_for("de"), *slots.hot_room("de")),
        allowed_types=frozenset({"DYSPNEA"}),
    ),
    Cue("PSEUDO", "PSEUDO", (slots.double_negation("de"),)),
)
# English red-flag words in a mixed note (slots.py; spec section 3, "Languages").
for _label in slots.ENGLISH_LOANWORDS:
    RED_FLAG_TARGETS[_label] = (*RED_FLAG_TARGETS[_label], *slots.loanwords("de", _label))
# A negation stops where a comma and a pronoun open a new clause (slots.py; spec section 3).
CUES = slots.ends_negation_at_new_clause(CUES, "de")
# ... and where the comma opens an item told with its own time or circumstance: "Kein Fieber,
# Husten seit vier Wochen", "Keine Schmerzen, Schluckbeschwerden seit gestern" (spec section 3:
# the negation reaches only the words it governs). A list ("kein Fieber, Husten oder
# Schnupfen") keeps its one negation.
# The cue holds the comma and the next word, so it outlasts the plain COMMA cue (medspaCy keeps
# the longer of two overlapping cues); whatever a comma ends, it ends too.
CUES = (
    *(
        replace(cue, terminated_by=cue.terminated_by | {"NEW_CLAUSE"})
        if "COMMA" in cue.terminated_by
        else cue
        for cue in CUES
    ),
    Cue(
        "NEW_CLAUSE",
        "PSEUDO",
        (
            r",\s*(?!(?:kein\w*|kei|nicht|nie|ohne|weder|ich|mir|mich|es|das|er|sie|wenn|falls|ob|"
            r"deren|dessen|der|die|den|dem|denen|welche\w*|mein\w*|sein\w*|ihr\w*|unser\w*|dein\w*|"
            r"ein\w*)\b)"
            r"[\w-]+(?=(?:\s+[\w-]+){0,2}?\s+(?:seit|beim|bei|heute|gestern|jetzt|schon|wieder|"
            r"immer|t(?:a|ae)glich|nachts|morgens|abends|nach|im|ab)\b)"
            r"(?![^,.;!?]*\b(?:oder|noch|und|sowie|nie|niemals|nicht)\b)",
        ),
        max_scope=1,
    ),
)
# A sign of severity right after a negation is denied, not present (slots.py; spec section 3).
CUES = slots.severity_unless_denied(CUES, "de")

# "nicht" as it is typed in a hurry or said in the regions: "husten geht nd weg", "geht nich",
# "ned", "net", "nid" (spec section 3: texting spellings and regional speech are flagged as the
# standard word). Every red-flag and symptom pattern and every cue that spells "nicht" as a
# word takes them; a lookbehind ("(?<!nicht )") keeps its fixed width.
NICHT_SPOKEN = r"(?:nicht|nich|nd|ned|net|nid)"
_NICHT_WORD = re.compile(r"(?:(?<=\\b)|(?<![a-z]))nicht(?![a-z])")
# Lookbehinds (no parentheses inside them in this lexicon) keep "nicht" as it is.
_LOOKBEHIND = re.compile(r"(\(\?<[!=][^()]*\))")


def _spoken_nicht(pattern: str) -> str:
    return "".join(
        part if _LOOKBEHIND.fullmatch(part) else _NICHT_WORD.sub(lambda _: NICHT_SPOKEN, part)
        for part in _LOOKBEHIND.split(pattern)
    )


RED_FLAG_TARGETS = {
    label: tuple(_spoken_nicht(pattern) for pattern in patterns)
    for label, patterns in RED_FLAG_TARGETS.items()
}
SYMPTOM_TARGETS = {
    label: tuple(_spoken_nicht(pattern) for pattern in patterns)
    for label, patterns in SYMPTOM_TARGETS.items()
}
CUES = tuple(
    replace(cue, patterns=tuple(_spoken_nicht(pattern) for pattern in cue.patterns)) for cue in CUES
)
