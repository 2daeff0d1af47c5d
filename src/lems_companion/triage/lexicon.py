"""Words and phrases: what each red flag and LEMS symptom sounds like in a patient's own note.

Everything here is a regular expression, matched case-insensitively (medspaCy compiles them with
``re.IGNORECASE``) against the note with curly apostrophes straightened. Patterns aim at everyday
phrasing and common misspellings rather than clinical vocabulary, because the notes are written
by patients and carers (spec section 3, context rules: "misspellings and everyday phrasing ...
flagged").

Two kinds of pattern live here:

* ``TARGETS``: what a mention *is* (a candidate red flag, or a LEMS symptom worth recording).
* ``MODIFIERS``: ConText cues that change what a mention *means* (negated, about someone else,
  hypothetical, long past, intended weight loss...). ``text.py`` turns them into ConText rules.

Why regular expressions rather than a trained model: the notes are short, the app must work
offline with no model download, and every pattern can be read and checked by a clinician.
"""

from __future__ import annotations

from dataclasses import dataclass

from lems_companion.triage import slots

# --- building blocks ------------------------------------------------------------------------------

# One word and the space after it: lets a pattern skip a few filler words ("food keeps getting
# stuck"). It never crosses punctuation, so a phrase cannot run on into the next clause, and it
# refuses contrast words so "swallowing fine but breathing hard" does not join up.
W = r"(?:(?!(?:but|though|however|although)\b)[\w'-]+\s+)"
# The same without "and"/"or", for phrases where a list would join unrelated things
# ("chest infection and a sore throat" is not chest pain).
WN = r"(?:(?!(?:but|though|however|although|and|or|with)\b)[\w'-]+\s+)"
# The same without a negation, for an action followed by how it goes: "swallowing no problem"
# says it goes well (the negation inside a mention does not negate it: text.INSIDE_IGNORED);
# "not too bad" still owns to some trouble (hedged: flagged).
WNEG = (
    r"(?:(?!(?:but|though|however|although|no|never|without|nae)\b)"
    r"(?!not\s+(?:a|an|any|at all)\b)[\w'-]+\s+)"
)

SWALLOW = r"sw[ao]l{1,2}o?w?(?:e?ing|ed|s|in)?\b"  # swallow, swalow, swollowing, swalling
BREATH = r"br(?:ea|e|ae|ee)th"  # breath, breth, braeth
BREATHE = rf"(?:{BREATH}e?(?:ing|in)?|breating|brething|breathign)"  # breathe, breathing...
COUGH = r"c(?:o|ou|au)(?:gh|ff)(?:s|ed|ing|in)?\b"  # cough, coff, caugh, coughing
CHOKE = r"\bcho(?:a|c)?k(?:e|es|ed|ing|in|eing|d)?\b"  # choke, chocking, choaked, chokeing
CHEST = r"\b(?:che(?:s|ss)t(?:'s)?|breast-? ?bone|sternum)\b(?!\s+of\s+drawers)"  # not furniture
DIFFICULT = r"dif+[ie]?c+u?l+i?t(?:y|ies|ie)?"  # difficult, dificulty, difficulity
WEIGHT = r"(?:w(?:ei|ie|e|i)(?:gh|g|h)t|weigth)"  # weight, wieght, weigt, weigth
# "can't / hard to / trouble ..." in front of an action.
CANT = (
    # Texted too: "cnt", "cudnt", "carnt", Scots "cannae".
    r"(?:can'?t|cannot|can not|couldn'?t|could not|cnt|cn'?t|carn'?t|cannae|cud(?:n'?t|nt)|"
    r"cdnt|cldnt|unable to|not able to|n't been able to|"
    r"not been able to|struggl\w*(?: to| with)?|hard to|harder to|difficult to|tricky to|"
    rf"impossible to|an effort to|trouble|{DIFFICULT}|problems?|issues?|"
    r"hard|harder|tough to|a job to|a struggle to)"
)
# Words after an action saying it is going badly ("swallowing is harder").
GOING_BADLY = (
    rf"(?:hard|harder|{DIFFICULT}|tricky|a struggle|struggl\w*|an effort|"
    r"effortful|a problem|problems?|trouble|issues?|worse|worsening|bad|poor|weak|weaker|slow|"
    r"slower|off|awkward|tough|impossible|not right|not good|not great|a battle|a chore|"
    r"going wrong|affected|problematic|laboured|labored|heavy|heavier|shallow|tight|tighter|"
    r"strained|an issue)"
)
# Linking and hedging words between an action and how it is going ("is getting a bit harder").
LINK = (
    r"(?:(?:is|was|has been|have been|feels?|felt|seems?|getting|got|gets|became|a bit|bit|very|"
    r"really|quite|more|so|a little|even|much|definitely|maybe|slightly)\s+)*"
)
FOODS = (
    r"(?:food|foods|drinks?|pills?|tablets?|capsules?|meds|medication|medicines?|bread|meat|"
    r"rice|toast|bits|pieces|water|liquids?|fluids?|everything|sandwich\w*|mouthfuls?|bites?|"
    r"chicken|potato\w*|crumbs|meals?|dinner|lunch|breakfast|supper|steak|pasta|biscuits?|"
    r"cake|fish|soup|tea|coffee|milk|juice|apple|veg\w*|crisps|cereal|porridge|custard|"
    r"yog(?:h)?urt|squash|beer|wine|lager|cuppa|pudding|dessert|stew|mince|sausages?|eggs?|"
    r"cheese|peas|beans|carrots?|grapes?|fruit|banana|sweets?|chocolate|roast|pie|pastry|"
    r"scones?|toastie|chips|noodles|curry|salad|spoonfuls?|forkfuls?|sips?|gulps?|morsels?)"
)
# Units of eating or drinking: "at every spoon of custard", "with each sip".
INGEST_UNITS = (
    r"(?:spoon\w*|mouthfuls?|sips?|gulps?|bites?|drinks?|cups?|mugs?|glass(?:es)?|meals?|"
    r"forkfuls?|swallows?|morsels?|cuppas?|meal ?times?)"
)
MONTHS = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)"
)
# A duration of three weeks or more: spec section 3, persistent_cough ("cough for 3 weeks or
# more"). Two weeks or ten days is deliberately not matched; "a few weeks" and a bare "weeks"
# are, because the spec asks us to flag when in doubt.
LONG_DURATION = (
    r"(?:(?:[3-9]|[1-9]\d)\s*(?:\+\s*)?weeks?|(?:three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|several|many|a few|few|some)\s+weeks|weeks|(?:a|one|two|three|four|five|"
    r"six|several|many|a few|few|some|a couple of|couple of|\d{1,2})\s+months?|months|"
    r"a year|years|ages|a long time|so long|forever|(?:2[1-9]|[3-9]\d)\s+days|"
    rf"since\s+(?:last\s+\w+|{MONTHS}\b|christmas|easter|new year|the (?:summer|winter|autumn|"
    r"spring)))"
)
SIDE = (
    r"(?:(?:down|on|in|of|along|all down|up)\s+(?:my\s+|the\s+|his\s+|her\s+)?(?:left|right|one)"
    r"\s+(?:side|half)|(?:left|right|one)[- ]sided|one side of (?:my|the|his|her) body|"
    r"(?:left|right) arm (?:and|n|&|\+) (?:left |right |my )?leg|(?:left|right) leg (?:and|n|&|\+) "
    r"(?:left |right |my )?arm|half of (?:my|the|his|her) body|"
    # "weak on the right", "numb down the left" with the side word left out.
    r"(?:on|down)\s+(?:the\s+|my\s+|his\s+|her\s+)?(?:left|right)\b(?=\s*(?:$|[,.;!?)]|\s+(?:since|"
    r"from|today|now|this|suddenly|all|too|only|as well)\b)))"
)
RELATIONS = (
    r"(?:(?:late|elderly|old|little|older|younger|big|baby|step|best|grand)[- ]?)?"
    r"(?:father|dad|daddy|mother|mum|mom|mummy|mommy|husband|wife|partner|spouse|son|daughter|"
    r"brother|sister|child|children|kids?|boy|girl|baby|grandson|granddaughter|grandchild\w*|"
    r"grandma|grandmother|granny|gran|grandad|granddad|grandpa|grandfather|nan|nana|aunt|auntie|"
    r"uncle|cousin|niece|nephew|friends?|neighbou?rs?|colleagues?|boss|flatmate|roommate|"
    r"housemate|dog|cat|pets?|parents?|in-laws?|mother-in-law|father-in-law|sister-in-law|"
    r"brother-in-law|family|relatives?|boyfriend|girlfriend|fianc\w*|twin|sibling\w*|mate|pal)"
)
# Family and the people a carer looks after: their symptoms are the patient's when a caregiver
# writes (spec section 3, "Who is writing"). The other RELATIONS are always another person.
FAMILY_WORDS = (
    r"(?:(?:late|elderly|old|little|older|younger|big|step|grand)[- ]?)?"
    r"(?:father|dad|daddy|mother|mum|mom|mummy|mommy|husband|wife|partner|spouse|son|daughter|"
    r"brother|sister|grandma|grandmother|granny|gran|grandad|granddad|grandpa|grandfather|nan|"
    r"nana|aunt|auntie|uncle|parents?|mother-in-law|father-in-law|boyfriend|girlfriend|"
    r"fianc\w*|patient|client|resident)"
)
OTHER_WORDS = (
    r"(?:(?:best|old|little|baby)[- ]?)?(?:child|children|kids?|boy|girl|baby|grandson|"
    r"granddaughter|grandchild\w*|cousin|niece|nephew|friends?|neighbou?rs?|colleagues?|boss|"
    r"flatmate|roommate|housemate|dog|cat|pets?|in-laws?|sister-in-law|brother-in-law|family|"
    r"relatives?|twin|sibling\w*|mate|pal|friend's \w+|lady|gentleman|chap|bloke|fella)"
)
# Words after which "my mum" is company, not the subject ("lunch with my mum and choked").
NOT_AFTER_WITH = (
    r"(?<!with )(?<!to )(?<!for )(?<!at )(?<!from )(?<!by )(?<!and )(?<!saw )(?<!met )"
    r"(?<!visited )(?<!visiting )(?<!called )(?<!phoned )(?<!walked )(?<!fed )(?<!after )"
    r"(?<!look after )"
)
# A word that cannot start a clause about the patient ("if", "in case"...), used in look-behinds.
# Burdens that "choke" or "suffocate" someone in a figure of speech (spec section 3, "Words used
# in another sense"); ours.
BURDENS = (
    r"(?:paperwork|forms?|bills?|debts?|mortgage|admin|bureaucracy|red tape|emails?|deadlines?|"
    r"workload|taxes|tax return|rules|regulations|council|red-tape)"
)
NOT_AFTER_IF = r"(?<!if )(?<!when )(?<!case )(?<!whether )"


# --- targets --------------------------------------------------------------------------------------

# Candidate red flags from free text. Labels are upper case (medspaCy compares labels that way).
# Source of what each flag covers: clinical-spec.md section 3, table "Red flags".
RED_FLAG_TARGETS: dict[str, tuple[str, ...]] = {
    "DYSPHAGIA": (
        rf"\b{CANT}\s+{W}{{0,3}}{SWALLOW}",
        rf"\b{SWALLOW}(?:'s)?\s+{WNEG}{{0,3}}{LINK}(?:{GOING_BADLY}|blocked|obstructed)\b",
        r"\b(?:several|multiple|many|two|three|2|3|a few|few|extra|repeated|more than one|"
        r"a couple of|couple of|lots of)\s+(?:\w+\s+)?swall?ows\b",
        rf"\b{SWALLOW}\s+{W}{{0,3}}(?:twice|several times|two or three times|a few times|"
        r"multiple times|again and again|repeatedly|more than once|over and over|three times)\b",
        rf"\b{SWALLOW}\s+{W}{{0,3}}(?:two|three|four|five|[2-9])(?:\s+(?:or|to|-)\s+"
        r"(?:three|four|five|six|[3-9]))?\s+times\b",
        # Whatever the food: "the cheese toastie wouldn't go down", "sat halfway down", "wedged".
        r"\b(?:won'?t|wouldn'?t|didn'?t|doesn'?t|will not|would not|did not|does not)\s+go\s+down"
        r"(?:\s+(?:properly|right|easily|at all))?\b(?!\s+(?:the|stairs|steps|well with|to|into|"
        r"on|there)\b)",
        # Any verb of sticking, in any form: "kept sticking halfway down", "catches half way down".
        r"\b(?:sat|sits|sitting|stuck|stick\w*|stopped|stops|stay\w*|lodg\w*|catch\w*|caught|"
        r"hang\w*|hung)\s+(?:\w+\s+)?half-?\s?way\s+down\b",
        r"\bwedged\b|\bfelt (?:like it was )?(?:stuck|lodged)\b",
        # Spec section 3 table, dysphagia (several swallows): any form of "need"/"take" and any
        # count ("2-3 goes").
        r"\b(?:took|tak\w*|need\w*)\s+(?:[\w-]+\s+){0,4}?(?:goes|tries|attempts|gulps|swallows)\s+"
        r"to\s+(?:get\s+(?:it|\w+)\s+down|swallow)\b",
        # A count of gulps or swallows needed, with no "to swallow" after it ("each mouthful
        # needs 3 gulps now"): gulps and swallows have no other sense here.
        r"\b(?:took|tak\w*|need\w*|requir\w*)\s+(?:[\w-]+\s+){0,2}?(?:two|three|four|five|"
        r"several|multiple|a few|a couple of|couple of|extra|[2-9](?:\s*-\s*[3-9])?|x[2-9])\s+"
        r"(?:\w+\s+)?(?:gulps|swallows)\b(?!\s+of\b)",
        # A throat that has "forgotten how", food held in the cheeks (pocketing): spec section 3
        # table, dysphagia, as a carer sees it.
        r"\b(?:throat|swallow\w*)\b[^.;!?]{0,25}?\bforg[oe]t(?:ten)?\s+how\b|"
        r"\bforg[oe]t(?:ten)?\s+how\s+to\s+swallow\b",
        rf"\b(?:hold\w*|keep\w*|kept|pocket\w*|stor\w*|left|leav\w*)\s+(?:the\s+|his\s+|her\s+|my\s+)?"
        rf"(?:{FOODS}|mouthfuls?)\s+in\s+(?:my|his|her|their)\s+(?:cheeks?|mouth)\b",
        r"\bpocket(?:s|ed|ing)\s+(?:my\s+|his\s+|her\s+|their\s+|the\s+)?(?:food|mouthfuls?|bites?|"
        r"meals?|dinner|lunch|breakfast|pills?|tablets?|meds)\b(?!\s+(?:for|to)\b)",
        # ... or the food or pills just stay in the mouth, not swallowed (spec section 3 table,
        # dysphagia): "dad's tablets just sit in his mouth".
        rf"\b{FOODS}\s+(?:just\s+|still\s+|often\s+|always\s+|keep\s+|kept\s+)?(?:sit|sits|sat|"
        r"sitting|stay|stays|stayed|staying|rest|rests|linger\w*)\s+(?:\w+\s+)?in\s+"
        r"(?:my|his|her|their|the)\s+(?:mouth|cheeks?)\b",
        # Food that will not get past, or just sits there (spec section 3 table, dysphagia).
        rf"\b(?:{FOODS}|it)\s+{W}{{0,3}}(?:won'?t|wouldn'?t|can'?t|doesn'?t|didn'?t|will not|"
        r"would not|does not|did not)\s+(?:get|go|pass|slide|move)\s+(?:past|through|by)\b",
        rf"\b{FOODS}\s+(?:just\s+)?(?:sits|sat|sitting|stays|stayed|hangs|hung)\s+there\b",
        rf"\b{FOODS}\s+{W}{{0,4}}(?:jamm\w*|wedg\w*|snagg?\w*|block\w*)\s+(?:in|at|on)\b",
        # Not across "it": in "if I eat bread it gets stuck in my throat" the sticking is told in
        # the main clause (the pattern for "stuck in my throat" finds it there).
        rf"\b{FOODS}\s+(?:(?!(?:it|they)\b){W}){{0,4}}(?:stuck|sticking|sticks|stick|lodg\w*|"
        r"catching|catches|"
        r"caught|hung up|hanging)\b",
        # ... and there it is "it" that sticks: "whenever I eat bread it gets stuck".
        r"\b(?:it|they)\s+(?:always\s+|often\s+|just\s+|still\s+|then\s+)?(?:(?:gets?|got|keeps?\s+"
        r"getting|kept\s+getting|goes|went)\s+)?stuck\b(?!\s+(?:with|to|out|around|by|up for)\b)"
        r"(?!\s+(?:in|on|at|behind|under)\s+(?:the\s+|a\s+)?"
        r"(?:traffic|mud|snow|lift|door|car|queue|drawer|printer|machine|system|app|loop|post|"
        r"sofa|chair|bath))",
        # Food sits *in* the chest; what sits *on* it is phlegm or a weight ("phlegm sitting on my
        # chest", "an elephant sat on my chest": spec section 3 table, dysphagia is food sticking).
        r"\b(?:stuck|stickin[g']?|sticks|lodged|caught|catchin[g']?|catches|sittin[g']?|sat|sits|"
        r"hang(?:s|in[g']?)?|hung|stay(?:s|ed|in[g']?)?|linger\w*)\s+"
        r"(?:in|at)\s+(?:the\s+top\s+of\s+)?"
        r"(?:the\s+|my\s+)?(?:back of (?:my |the )?)?(?:throat|gullet|oesophagus|esophagus|"
        r"windpipe|food ?pipe|chest)\b",
        r"\b(?:stuck|sticking|sticks|lodged|caught|catching|catches)\s+on\s+"
        r"(?:the\s+|my\s+)?(?:back of (?:my |the )?)?(?:throat|gullet|oesophagus|esophagus|"
        r"windpipe|food ?pipe)\b",
        rf"\b(?:{FOODS}|it|some)\s+{W}{{0,3}}(?:came|comes|comin[g']?|come|went|goes|goin[g']?|gone)\s+"
        r"(?:back\s+)?(?:up\s+)?(?:through|out of|out through|up|into|down|out)\s+"
        r"(?:my\s+|the\s+|his\s+|her\s+|their\s+)?nose\b",
        r"\bnasal regurgitation\b",
        r"\b(?:came|comes|comin[g']?|come|went|goes|goin[g']?|gone)\s+(?:\w+\s+){0,3}?(?:out|through|up)\s+"
        r"(?:of\s+|through\s+)?(?:my\s+|the\s+|his\s+|her\s+|their\s+)?nose\b",
        rf"\b{FOODS}\s+{W}{{0,2}}(?:won'?t|wouldn'?t|didn'?t|doesn'?t|don'?t|will not|would not|"
        r"did not|does not|do not|not|refused? to)\s+go(?:ing)?\s+down\b",
        rf"\b(?:can'?t|cannot|couldn'?t|could not|unable to|hard to|struggl\w* to|difficult to|"
        rf"trouble)\s+get(?:ting)?\s+(?:my\s+|the\s+|any\s+|his\s+|her\s+|their\s+)?"
        rf"(?:{FOODS}|it|anything)\s+down\b",
        r"\b(?:hard|harder|difficult|tricky|a struggle|impossible|tough|an effort)\s+to\s+get\s+"
        r"(?:\w+\s+)?down\b(?!\s+(?:the|stairs|steps|from|off|to|on|onto|into|there|here)\b)",
        r"\bdysphagi\w*",
        # A throat that will not let food through; having to wash each bite down (spec section 3
        # table, dysphagia: food sticking).
        rf"\bthroat\s+{W}{{0,2}}(?:won'?t|wont|wouldn'?t|doesn'?t|didn'?t|not)\s+let\s+"
        r"(?:\w+\s+){0,2}?(?:through|thru|down|past|pass)\b",
        r"\b(?:have|has|had|need|needs|needed|must)\s+to\s+(?:\w+\s+)?wash\s+(?:it|them|each|every|"
        r"everything|my|his|her|the|food)\s+(?:\w+\s+){0,2}?down\b",
        # "seemed to stick in my throat", "had to keep swallowing to get each mouthful down",
        # saliva that cannot be got down (so the person drools).
        r"\bto\s+stick\s+(?:in|at)\s+(?:the\s+|my\s+|his\s+|her\s+)?(?:throat|gullet|chest)\b",
        r"\bswallow\w*\s+to\s+get\s+(?:it|\w+|each\s+\w+|every\s+\w+)\s+down\b",
        rf"\b{CANT}\s+(?:get|swallow)\s+(?:my\s+|the\s+|his\s+|her\s+|their\s+)?"
        r"(?:saliva|spit|spittle)\b",
        rf"\b{SWALLOW}\s*\?\s*(?:yes\b|{W}{{0,2}}{GOING_BADLY}\b)",
    ),
    "CHOKING": (
        CHOKE,
        # Someone had to strike the back to clear it (spec section 3 table, choking: food going
        # the wrong way, told by what others did); a congratulating slap is not "had to".
        r"\bhad to\s+(?:thump|slap|whack|bang|hit|pat|smack)\w*\s+(?:\w+\s+){0,3}?(?:my|his|her|"
        r"their|the)\s+back\b|\bback blows?\b|\bheimlich\b",
        rf"\b(?:{COUGH}|splutter\w*|sputter\w*|gagg?(?:ed|ing|s)?\b|retch\w*)\s+{W}{{0,3}}"
        r"(?:on|when|while|whilst|after(?!\s+(?:lunch|dinner|breakfast|supper)\b)|during|as|with|"
        r"over|every time|each time|from|at(?=\s+(?:every|each)\b))\s+"
        rf"{W}{{0,5}}(?:eat\w*|ate|drink\w*|drank|food|meals?|mealtimes?|dinner|lunch|"
        r"breakfast|supper|tea|coffee|water|sips?|swallow\w*|saliva|spit|spittle|liquids?|"
        r"fluids?|mouthfuls?|bites?|soup|juice|milk|crumbs|pills?|tablets?|bread|a drink|"
        rf"feeding|{FOODS}|{INGEST_UNITS})\b",
        # The drink first, then the fit it set off: "took a drink of squash and started coughing
        # like mad" (spec section 3 table, choking: coughing on drink).
        rf"\b(?:took|take|takes|taking|had|has|having|tried)\s+(?:a|another|one|his|her|my|the)\s+"
        rf"(?:\w+\s+)?{INGEST_UNITS}\b(?:\s+of\s+[\w'-]+)?\s+(?:and|then|,)\s+(?:\w+\s+){{0,2}}?"
        rf"(?:start\w*|began|begin\w*|burst|went|set|was)\s+(?:\w+\s+)?(?:into\s+)?(?:a\s+)?"
        rf"(?:fit of\s+|coughing fit\b|{COUGH}(?!\s+up\b)|splutter\w*|sputter\w*|gagg\w*|chok\w*)",
        # Every time they drink: "I cough and cough, every single time I drink".
        rf"\b(?:{COUGH}|splutter\w*|sputter\w*)[^.;!?]{{0,30}}?\b(?:every|each)\s+(?:single\s+)?"
        r"time\s+(?:i|he|she|they|we|mum|dad)\s+(?:\w+\s+)?(?:eat\w*|drink\w*|swallow\w*|sip\w*|"
        r"ha(?:ve|s) (?:a )?(?:drink|sip|bite|cup))\b",
        # The food named first, then coughing "on it": "Dad's tea keeps coming back down his nose,
        # and he went bright red coughing on it".
        rf"\b{FOODS}\b[^.;!?]{{0,60}}\b(?:{COUGH}|splutter\w*|sputter\w*|chok\w*)\s+(?:on|over)\s+"
        r"it\b",
        # Spluttering has no other sense: what it was on may come later in the clause ("Dad
        # spluttered and went red in the face on his soup").
        rf"\b(?:splutter\w*|sputter\w*)\s+{W}{{0,7}}(?:on|over|with|at)\s+{W}{{0,2}}{FOODS}\b",
        rf"\b(?:eat\w*|drink\w*|swallow\w*|food|meals?|water|{FOODS}|{INGEST_UNITS})\s+{W}{{0,3}}"
        r"(?:makes|made|make|sets|set|starts|started)\s+(?:me|him|her|them|mum|dad)\s+(?:off\s+)?"
        rf"{W}{{0,1}}(?:{COUGH}|coughing|splutter\w*)",
        rf"\b(?:eat\w*|ate|drink\w*|drank|swallow\w*|sip\w*|meals?|food)\s+{W}{{0,3}}i\s+"
        rf"(?:always\s+|start\s+(?:to\s+)?|tend to\s+|often\s+|usually\s+|then\s+)?{COUGH}",
        r"\b(?:went|go|goes|going|gone|slipped|slips|slid)\s+down\s+(?:the\s+)?wrong\s+"
        r"(?:way|hole|pipe|tube|route|side|throat)\b",
        r"\bwrong (?:way|hole|pipe)\b",
        # "a bit of roast potato went down wrong" (spec section 3: everyday phrasing).
        r"\b(?:went|go|goes|going|gone|slipped|slips)\s+down\s+wrong\b(?!\s+(?:with|at|among)\b)",
        # Someone struck the back and the food came up: choking told by what was done about it.
        r"\b(?:thump|slap|whack|bang|hit|pat|smack)\w*\s+(?:\w+\s+){0,3}?(?:my|his|her|their|the)\s+"
        r"back\s+(?:\w+\s+){0,2}?(?:and|till|until|to|so)\s+(?:\w+\s+){0,3}?(?:came|come|comes|"
        r"coming|shot|flew|popped|got it|get it|brought)\s+(?:\w+\s+)?"
        r"(?:up|out|free|loose|clear)\b",
        r"\baspirat(?:e|ed|es|ing|ion)\b",
        # Food or drink breathed in ("inhaled some water", "breathed in a crumb"): spec section 3
        # table, choking (food going the wrong way); an inhaler or steam is not food.
        rf"\b(?:inhal(?:ed|es|e|ing|in)|breath(?:ed|es|e|ing)\s+in)\s+(?:some\s+|a\s+bit\s+of\s+|"
        rf"a\s+|my\s+|his\s+|her\s+|the\s+|bits\s+of\s+)?(?:\w+\s+)?(?:{FOODS}|crumbs?)\b",
        # Drink or food coughed back up: "I keep coughing up my drinks".
        rf"\b{COUGH}\s+up\s+(?:my\s+|his\s+|her\s+|the\s+|their\s+|some\s+|bits of\s+)?"
        rf"(?:{FOODS}|drinks?|food)\b",
        # A misheard or dictated "choking" ("chalking on my tea"), and food gone into the lungs.
        rf"\bchalk(?:ed|ing|es)?\s+on\s+(?:my\s+|his\s+|her\s+|the\s+|a\s+|some\s+)?(?:\w+\s+)?"
        rf"(?:{FOODS}|spit|saliva)\b",
        rf"\b(?:{FOODS}|it)\s+(?:\w+\s+)?(?:went|goes|go|going|gone)\s+(?:down\s+)?(?:in)?to\s+"
        r"(?:my|his|her|the)\s+lungs?\b",
    ),
    "DYSPNEA": (
        # A cough with no strength left to clear phlegm (spec section 3 table, dyspnea).
        r"\b(?:haven'?t|hasn'?t|have not|has not|don'?t have|"
        r"doesn'?t have|no|not enough|lost the)\s+"
        r"(?:got\s+)?(?:the\s+|any\s+|enough\s+)?(?:strength|power|puff|force|oomph)\s+(?:in|behind)\s+"
        r"(?:my|his|her|the)\s+cough\b",
        # Too short of breath to finish a sentence (spec section 3 table, dyspnea: at rest).
        r"\b(?:can'?t|cannot|couldn'?t|unable to)\s+finish\s+(?:my|his|her|a)\s+sentences?\b",
        # Or to get a whole sentence out at all: speech cut short by the breath.
        r"\b(?:can'?t|cannot|couldn'?t|unable to)\s+(?:get|say|speak|manage|complete)\s+"
        r"(?:out\s+)?(?:a|one|my|his|her|the)\s+(?:whole|full|complete|entire|single)\s+"
        r"sentences?\b",
        # Feeling of drowning when lying flat (spec section 3 table, dyspnea: breathless lying
        # flat); "drowning in paperwork" is another sense.
        r"\b(?:like|as if|as though|feel\w*)\b[^.;!?]{0,15}\bdrown\w*\b(?!\s+(?:in|under)\b)",
        rf"\b{BREATH}e?l+e?s+(?:ness|nes)?\b",  # breathless, brethless, breathles
        rf"\bshort(?:ness|nes|niss)?\s+(?:of|o|off)\s+(?:{BREATH}e?|breast)\b",
        r"\bshort[- ]winded\b",
        rf"\bout\s+of\s+{BREATH}e?\b",
        rf"\bcatch(?:ing|es)?\s+my\s+{BREATH}\b",
        rf"\b(?:can'?t|cannot|can not|couldn'?t|could not|unable to|not able to|struggl\w* to|"
        rf"hard to|harder to|difficult to|trouble|took\s+{W}{{0,3}}to|takes\s+{W}{{0,3}}to|"
        rf"ages to)\s+{W}{{0,1}}get(?:ting)?\s+my\s+{BREATH}",
        rf"\b(?:{CANT}|laboured|labored|heavy|shallow|noisy|rapid|weak)\s+{W}{{0,2}}{BREATHE}\b"
        r"(?!\s+(?:through|out of|in through)\s+(?:my\s+|the\s+)?(?:nose|mouth))",
        rf"\b{BREATHE}(?:'s)?\s+{W}{{0,3}}{LINK}{GOING_BADLY}\b",
        rf"\b{BREATHE}\b,?\s+(?:it'?s|it is|which is|that is)\s+{LINK}{GOING_BADLY}\b",
        # Breathing that a carer hears as fast or noisy (spec section 3: signs others see,
        # breathing fast at rest).
        rf"\b{BREATHE}\s+(?:is\s+|was\s+|has been\s+|been\s+|sounds?\s+|sounded\s+)?"
        r"(?:all\s+|very\s+|really\s+|so\s+|quite\s+|a bit\s+)?(?:fast|rapid|racing|noisy|"
        r"rattly|rattling|raspy|"
        r"wheezy|gurgl\w*|crackly|bubbly)\b",
        rf"\b(?:gasp\w*|fight\w*|fought|struggl\w*|strain\w*|desperate|hungry|gulp\w*)\s+for\s+"
        rf"(?:{BREATH}|air)\b",
        r"\bgasping\b",
        r"\b(?:went|turned|turning|going|gone)\s+(?:a bit\s+|all\s+|quite\s+)?(?:blue|purple|"
        r"bluish|purplish)\b",
        # A question answered in the note: "Breathing? Bit worse on the stairs."
        rf"\b{BREATHE}\s*\?\s*(?:yes\b|{W}{{0,2}}{GOING_BADLY}\b)",
        r"\b(?:can'?t|cannot|couldn'?t|not|never)\s+(?:get|getting)\s+enough\s+(?:air|oxygen|"
        r"breath)\b",
        # Air that will not come at all: "can't get air", "couldn't get any air in" (spec section 3
        # table, dyspnea, everyday phrasing).
        rf"\b{CANT}\s+(?:get|getting|draw|drawing|pull|take)\s+(?:any\s+|much\s+)?air\b",
        r"\bair hunger\b",
        r"\bwinded\b",
        r"\bpuffed(?:\s+out)?\b",
        # "Puffing like a train", "get my wind back" (spec section 3: colloquial breathlessness).
        r"\bpuffing\b(?!\s+(?:on|at|away on)\b)",
        r"\b(?:get|got|getting|catch|caught|catching)\s+(?:my|his|her|their)\s+wind\s+back\b|"
        r"\b(?:lost|losing)\s+(?:my|his|her)\s+wind\b",
        r"\bhuffing (?:and|n|&) puffing\b",
        # Gulping air, "air hungry", wheezy at rest, unable to talk in full sentences (spec
        # section 3 table, dyspnea at rest; everyday phrasing).
        r"\bgulp(?:ing|s|ed)?\s+(?:at\s+|for\s+)?air\b(?!\s+(?:at|of|in|by)\s+the\b)|"
        r"\bair[- ]hungry\b",
        r"\bwheez\w*\b(?=[^.;!?]{0,20}\b(?:at rest|sitting|lying|in bed|doing nothing|"
        r"in (?:my|the) chair)\b)",
        r"\b(?:can'?t|cannot|couldn'?t|unable to|cnt|cant)\s+(?:talk|speak)\s+in\s+(?:full|whole|"
        r"complete|proper)\s+sentences\b",
        r"\bpanting\b",
        r"\bdyspn?o?ea\b",
        # Clinical shorthand (spec section 3): SOB, SOBOE; upper case only ("sob" is crying).
        r"(?-i:\bSOBO?E?\b)",
        # Lower case too when a clinical context follows: "sob at rest x2/7", "sob on exertion".
        r"\bsob\s+(?=at rest\b|on\s+(?:exertion|minimal|little|slight|mild|walking|stairs)\b|"
        r"lying\b|when lying\b|sitting\b|x\s?\d|\+|\d+/7\b|\d+/52\b|(?:\+\s*)?(?:dib|cough)\b)",
        # Regional and colloquial: "out of puff", "pechin'", "hadn't a puff of breath".
        r"\bout of puff\b|\b(?:(?:hadn'?t|had not|haven'?t|not|no)\s+(?:got\s+)?a\s+)?puff of "
        r"(?:breath|air)\b|\bpech(?:in|ing|ed)?'?\b",
        rf"\b(?:stop|stopped|pause\w*|wait\w*)\s+{W}{{0,2}}(?:to|tae|and)\s+(?:get|catch|got)\s+"
        rf"(?:my|ma|me|his|her)\s+{BREATH}\b",
        # Signs another person sees (spec section 3): blue or grey lips or face, fast shallow
        # breathing at rest.
        rf"\b(?:lips?|face|mouth|fingertips|fingers|skin)\s+{W}{{0,4}}(?:blue\w*|bluish|grey\w*|"
        r"gray\w*|purpl\w*|dusky|ashen)",
        r"\b(?:blue|grey|gray|bluish|greyish|grayish|purple|dusky)(?:[- ]\w+)?\s+lips\b",
        rf"\b{BREATHE}\s+{W}{{0,3}}(?:fast|quick|rapid)\w*\s*,?\s+(?:and\s+)?shallow\w*",
        rf"\b(?:fast|rapid|quick),?\s+(?:and\s+)?shallow\s+{BREATHE}",
        r"\borthopn\w*",
        r"\bstop(?:ped|s|ping)?\s+breathing\b",
        rf"\b(?:can'?t|cannot|couldn'?t|could not|unable to|not able to|hard to|difficult to)\s+"
        rf"{W}{{0,1}}(?:lie|lay|lying|laying|sleep)\s+(?:down\s+)?flat\b",
        rf"\b(?:propped|prop myself|sleep\w* sitting|sit up|sat up)\s+{W}{{0,4}}(?:to\s+)?"
        rf"{BREATHE}\b",
        rf"\bpillows\s+to\s+(?:{BREATHE}|sleep)\b",
        # Orthopnoea told as what is done about it: "propped up on four pillows".
        r"\bpropped\s+up\s+on\s+(?:\w+\s+)?pillows\b",
        r"\b(?:need|needs|needed|sleep\w* on|using|use|have to have)\s+(?:\w+\s+)?"
        r"(?:two|three|four|five|[2-6]|extra|more|several)\s+pillows\b",
        r"\b(?:like|as if|as though)\s+(?:i\s+was|i\s+were|i'?m|he\s+was|she\s+was)\s+"
        r"(?:drowning|suffocating|being smothered)\b|\bsuffocat\w*",
        rf"\b(?:weak|feeble|pathetic|useless)\s+{COUGH}",
        rf"\b{COUGH}\s+{W}{{0,3}}(?:too weak|so weak|not strong enough|feeble)\b",
        # "Can't cough hard enough to shift it", "too weak to cough it up" (spec section 3 table,
        # dyspnea: cough too weak to clear phlegm).
        r"\b(?:can'?t|cannot|couldn'?t|could not|unable to|not able to|don'?t|doesn'?t|didn'?t)\s+"
        r"(?:seem to\s+)?cough\s+(?:it\s+)?(?:hard|strong(?:ly)?|properly|forcefully|"
        r"well|deep(?:ly)?)\s+enough\b",
        rf"\btoo\s+(?:weak|tired|feeble)\s+to\s+{COUGH}",
        rf"\b(?:can'?t|cannot|couldn'?t|could not|unable to|not able to|struggl\w* to|hard to|"
        rf"difficult to|trouble)\s+{W}{{0,1}}(?:{COUGH}\s+up|clear|shift|bring up|get up|"
        rf"get rid of)\s+{W}{{0,2}}(?:phlegm|mucus|mucous|sputum|secretions|chest|gunk|catarrh|"
        r"flem|phlem)\b",
    ),
    "SEIZURE": (
        r"\bs(?:ei|ie|ee|e)(?:z|s)(?:ure|ures|ur|er|ers)\b",  # seizure, siezure, seizer
        r"\bconvuls\w*",
        r"\bepilep\w*\s+(?:fit|attack|seizure|episode|turn)s?\b",
        r"\b(?:had|having|have|has|took|suffered|another|a|an|one|two|three|several|multiple|"
        r"first)\s+(?:(?:big|small|short|long|proper|full[- ]blown|major|minor|bad|nasty|"
        r"massive|sudden|epileptic|little|mini)\s+)?(?:(?:sort|kind) of\s+)?fitt?s?\b"
        r"(?!\s+(?:of|for|to|and well|and healthy"
        r"|with|into|the|my|me|you|right|nicely|perfectly|well|in with))",
        r"\b(?:was|been|were|started|start|began|begun|kept|keeps|went into)\s+fitting\b",
        r"(?:\A\s*|(?<=[.!?;\n]\s)|(?<=[.!?;\n]))fitting\b(?!\s+(?:the|a|an|in|into|new|my|it|"
        r"them|together|room|for|on|out|of)\b)",
        rf"\b(?:black\w*\s+out|passed\s+out|lost\s+consciousness|unconscious|collaps\w*)\s+"
        rf"{W}{{0,4}}(?:shak\w*|shook|jerk\w*|twitch\w*|convuls\w*|stiff\w*)\b",
        rf"\b(?:shak\w*|shook|jerk\w*|twitch\w*)\s+{W}{{0,4}}(?:black\w*\s+out|passed\s+out|"
        r"lost\s+consciousness|unconscious)\b",
        # What a seizure looks like to someone else (spec section 3: signs others see).
        r"\b(?:went|go|goes|gone|going|was|became)\s+(?:all\s+|completely\s+|very\s+)?"
        r"(?:rigid|stiff as a board)\b",
        r"\beyes\s+(?:\w+\s+)?roll(?:ed|ing)?\s+(?:up|back)\b",
        # Eyes that rolled, told with no direction, in a turn or a fit ("went stiff, eyes
        # rolled"); rolling one's eyes at someone is another matter.
        r"\beyes\s+(?:went\s+|had\s+)?roll(?:ed|ing)\b(?!\s+(?:at|when|over|about|in\s+(?:dis|exas)))",
        # Twitching or jerking all over; a tongue found bitten (signs others see of a fit).
        r"(?<!eye )(?<!eyes )(?<!eyelid )(?<!lid )\b(?:twitch\w*|jerk\w*|convuls\w*)\s+all\s+over\b"
        r"(?!\s+the\s+place)",
        r"\btongue\s+(?:was\s+|got\s+|is\s+|all\s+)?(?:bitten|bit|chewed)\b",
        r"\b(?:went|gone|go|goes)\s+(?:all\s+|completely\s+|very\s+)?(?:rigid|stiff)\s*(?:and|n|&|\+|,)\s+"
        r"(?:then\s+|started\s+|was\s+|began\s+)?"
        r"(?:shook|shak\w*|jerk\w*|twitch\w*|fitt\w*)",
        r"\b(?:foam|froth)\w*\s+at\s+the\s+mouth\b",
        # The whole body shaking or jerking, as a witness tells a fit (spec section 3: signs
        # others see); shaking "with" cold, fear or laughter is another matter.
        r"\b(?:whole|entire)\s+body\s+(?:was\s+|went\s+|started\s+|kept\s+)?(?:shook|shak\w*|"
        r"jerk\w*|twitch\w*|convuls\w*|spasm\w*)\b(?!\s+(?:with|from)\b)",
        # Stiff, then the limbs jerking: a tonic-clonic fit as a witness tells it (spec section 3
        # table, seizure: signs others see).
        r"\b(?:went|gone|go|goes|became|was)\s+(?:all\s+|completely\s+|very\s+)?(?:rigid|stiff)"
        r"\b[^.;!?]{0,60}\b(?:arms?|legs?|limbs?|body|whole)\b[^.;!?]{0,25}\b(?:jerk\w*|"
        r"shak\w*|shook|twitch\w*|convuls\w*)",
        r"\b(?:bit|bitten|biting|bites)\s+(?:my|his|her|their)\s+(?:own\s+)?tongue\b",
    ),
    "WEIGHT_LOSS": (
        rf"\blo(?:o)?s(?:t|ing|es)\s+{W}{{0,3}}?(?:\d+(?:[.,]\d+)?\s*)?(?:{WEIGHT}(?!\s*watchers)|"
        r"kg|kgs|kilos?|kilograms?|pounds?|lbs?|stones?|st)\b",
        r"\bweight[- ]?loss\b(?![- ]?(?:plan|programme|program|diet|injections?|jabs?|drugs?|"
        r"medications?|meds|pills?|groups?|clubs?|goals?|targets?|journey|app|surgery|shakes?|"
        r"regime|class|classes|coach|tablets?))",
        rf"\bweight\s+{W}{{0,2}}(?:dropp\w*|drops?|going down|gone down|went down|down|"
        r"falling|fell|fallen|coming off|decreas\w*|reduc\w*|less)\b",
        r"\bweigh(?:ing)?\s+less\b",
        rf"\b(?:clothes|trousers|jeans|belt|skirt|dress|rings?|waistband|pants|shirts?)\s+"
        rf"{W}{{0,3}}(?:loose|looser|baggy|baggier|hanging off|falling (?:off|down))\b",
        # Rings that spin or slide, a belt on a new hole: clothes and jewellery that no longer
        # fit (spec section 3: unintended weight loss told in words).
        rf"\brings?\s+{W}{{0,3}}(?:spin\w*|spun|twist\w*|slid\w*|slip\w*|fall\w* off|fell off|"
        r"swivel\w*|rattl\w*)\b",
        r"\bbelt\b[^.;!?]{0,25}\b(?:(?:new|extra|another|tighter|smaller)\s+(?:hole|notch)|"
        r"(?:notch|hole)\s+(?:tighter|smaller|further|in))\b|"
        r"\b(?:new|extra|another|tighter|smaller)\s+(?:hole|notch)\s+(?:in|on)\s+"
        r"(?:my|his|her|the)\s+belt\b",
        r"\b(?:getting|got|look\w*|much|so|lot|become|became)\s+(?:much\s+|a lot\s+|so\s+|"
        r"really\s+)?(?:thinner|skinnier)\b",
        r"\b(?:pounds|weight|kilos)\s+(?:are\s+|is\s+)?(?:just\s+)?(?:falling|dropping)\s+off\b",
        r"\bskin and bones?\b",
        r"\bwasting away\b",
        rf"\bdropped\s+{W}{{0,2}}(?:dress|clothes|trouser|jeans)?\s*sizes?\b",
        r"\bdropped\s+(?:about\s+|around\s+|nearly\s+|over\s+|almost\s+)?\d+(?:[.,]\d+)?\s*"
        r"(?:kg|kgs|kilos?|pounds?|lbs?|stones?|st)\b",
        r"\b(?:unintention\w*|unexplained|unintended|unplanned)\s+weight\b",
        r"\b\d+(?:[.,]\d+)?\s*(?:kg|kgs|kilos?|lbs?|pounds?|st|stones?)\s+(?:lighter|down|less)\b",
        r"\b(?:half a|a|one|two|a couple of) (?:stone|kilo)s?\s+(?:lighter|down|less)\b",
        # The amount after the word: "down half a stone", "lighter by 4 kg", "lost 6%" (spec
        # section 3: stones, pounds and kilograms; a percentage of body weight).
        r"\b(?:down|lighter by|dropped|lost|shed)\s+(?:about\s+|around\s+|nearly\s+|over\s+|"
        r"almost\s+|a good\s+)?(?:half a|a|one|two|three|four|a couple of|\d+(?:[.,]\d+)?)\s*"
        r"(?:stones?|st|kilos?|kgs?|pounds?|lbs?)\b",
        # A bare "lost 6%" is of body weight unless it says of what ("on my shares").
        rf"\b(?:lost|dropped|shed)\s+(?:about\s+|around\s+|nearly\s+|over\s+|almost\s+)?"
        rf"\d+(?:[.,]\d+)?\s*(?:%|per ?cent)(?:\s+of\s+(?:my\s+|his\s+|her\s+)?(?:body\s*)?"
        rf"{WEIGHT}|(?!\s+(?:on|off|of|at|from|in\s+(?:value|the\s+market|shares)|"
        r"(?:\w+\s+)?(?:battery|signal|value|interest)s?)\b))",
        rf"\b(?:{WEIGHT}|weigh[- ]?ins?|weighed|scales?|wt)\b[^.;!?]{{0,25}}?\bdown\s+(?:by\s+)?"
        r"(?:about\s+|around\s+|nearly\s+|over\s+|almost\s+)?\d+(?:[.,]\d+)?\s*(?:%|per ?cent)",
        # An amount gone or dropped, in figures or words: "3kg gone in 6 weeks", "dropped half a
        # stone" (spec section 3: stones, pounds and kilograms).
        r"\b\d+(?:[.,]\d+)?\s*(?:kg|kgs|kilos?|lbs?|pounds?|st|stones?)\s+(?:gone|off|vanished|"
        r"disappeared|dropped off|come off|came off)\b",
        r"\b(?:lost|dropped|shed|lose|losing|dropping)\s+(?:about\s+|around\s+|nearly\s+|over\s+|"
        r"almost\s+|well over\s+)?(?:half a|a|one|two|three|four|a couple of|a few|several)\s+"
        r"(?:stone|kilo|kg|pound|lb)s?\b",
        r"\b(?:weight|wt)\b\W{0,3}\s*(?:is\s+|has\s+)?(?:down|dropping|dropped|falling|going dow"
        r"n)\b",
        r"(?<![\w-])-\s?\d+(?:[.,]\d+)?\s*(?:kg|kgs|kilos?|lbs?|pounds?)\b",
    ),
    "PERSISTENT_COUGH": (
        # A cough's duration is read by text.py from the COUGH target's sentence (durations.py).
        r"\b(?:chronic|persistent|constant|continuous|continual|nagging|lingering|ongoing|"
        r"relentless|non[- ]?stop|never[- ]ending|long[- ]standing|long[- ]term|stubborn|"
        rf"endless|recurring|recurrent|permanent|month[- ]long|week[- ]long)\s+{W}{{0,1}}{COUGH}",
        rf"\b{COUGH}\s+{W}{{0,4}}(?:won'?t|will not|doesn'?t|does not|hasn'?t|has not|"
        r"haven'?t|have not|isn'?t|is not|never|not|can'?t|cannot|just won'?t)\s+"
        rf"{W}{{0,2}}(?:go(?:ne)? away|go|gone|clear\w*|shift\w*|stop\w*|settl\w*|budg\w*|"
        r"get(?:ting)? better|improv\w*|eas(?:e|ed|ing)|let up|resolv\w*|lift\w*|disappear\w*|"
        r"going)\b"
        # A cough that cannot shift *the phlegm* is too weak (dyspnea), not one that will not
        # clear (spec section 3 table).
        r"(?!\s+(?:the\s+|my\s+|any\s+|up\s+|it\s+up\s+)?(?:phlegm|mucus|mucous|sputum|"
        r"secretions|gunk|catarrh|flem|phlem|muck|stuff|it\b))",
        rf"\bstill\s+{W}{{0,3}}{COUGH}",
        # "the cough I mentioned back in October is still here": a relative clause may stand
        # between (W never crosses punctuation).
        rf"\b{COUGH}\s+{W}{{0,8}}(?:is |has been )?still\s+(?:there|here|going|hanging on|"
        r"with me|around|bad)\b",
        rf"\b{COUGH}\s+{W}{{0,3}}keeps?\s+coming\s+back\b",
        rf"\b{COUGH}\s+{W}{{0,2}}up\s+{W}{{0,5}}(?:blood\w*|red|pink|rusty)\b",
        rf"\b{COUGH}\s+{W}{{0,6}}blood\w*",
        rf"\bblood\w*\s+{W}{{0,3}}(?:in|on|with|when|while)\s+{W}{{0,2}}(?:phlegm|sputum|"
        rf"spit|mucus|mucous|tissue|hanky|handkerchief|flem|phlem|{COUGH})",
        rf"\b(?:phlegm|sputum|spit|mucus|flem|phlem)\s+{W}{{0,3}}(?:blood\w*|red|pink|"
        r"streaked|rusty)\b",
        r"\bbloody\s+(?:phlegm|sputum|spit|mucus)\b",
        # The colour as an adjective: "spat out pinkish mucus" (coughing up blood, spec
        # section 3).
        r"\b(?:pink\w*|red|reddish|rust\w*|blood\w*)(?:[- ](?:tinged|stained|streaked|flecked|"
        r"coloured|colored|tinted))?\s+(?:\w+\s+)?(?:phlegm|sputum|mucus|mucous|flem|phlem|spit|"
        r"froth)\b",
        # The colour first: "a bit of pink in my phlegm" (coughing up blood, spec section 3).
        r"\b(?:pink|red|rusty|blood\w*)\s+(?:\w+\s+){0,2}?(?:in|on)\s+(?:my\s+|the\s+)?(?:phlegm|"
        r"sputum|spit|mucus|flem|phlem)\b",
        r"\bblood[- ]?(?:stained|streaked|tinged|flecked|spotted)\s+(?:phlegm|sputum|spit|mucus|"
        r"mucous|flem|phlem|tissues?|hanky)\b",
        r"\bh(?:a)?emoptysis\b",
        # Red or pink streaks, specks or threads in what is coughed up (spec section 3 table,
        # coughing up blood).
        rf"\b(?:red|pink|bright red|blood|bloody|dark red)\s+(?:streak\w*|speck\w*|fleck\w*|"
        rf"spots?|threads?|lines?|bits|tinge|stain\w*)\b[^.;!?,]{{0,30}}\b(?:{COUGH}|phlegm|"
        r"sputum|spit|mucus|flem|phlem)",
    ),
    "CHEST_PAIN": (
        rf"{CHEST}\s+(?:(?!(?:not|no|never|isn'?t|wasn'?t|nae)\b){WN}){{0,3}}(?:pain\w*|pian|ache\w*|aching|achy|hurt\w*|sore\w*|tight\w*|"
        r"agon\w*|killing|"
        r"tighness|pressure|discomfort|heav(?:y|iness)|squeez\w*|burn\w*|stabbing|twinge\w*|"
        r"crushing|cramp\w*|pangs?|niggl\w*|throbb\w*|stitch)\b",
        rf"\b(?:pain\w*|pian|ache\w*|aching|achy|hurt\w*|sore\w*|tight\w*|tighness|pressure|"
        r"discomfort|heaviness|squeez\w*|burn\w*|stabbing|twinge\w*|crushing|cramp\w*|pangs?|"
        rf"niggl\w*|throbb\w*|stitch|band|feeling|weight|vice|grip|agon\w*|elephant|"
        rf"ton of bricks)\s+{W}{{0,4}}(?:in|across|"
        rf"around|round|on|at|through|of|behind|under|over|to|from)\s+{W}{{0,3}}{CHEST}",
        # Pain that runs to the arm or jaw "from his chest" (spec section 3 table, spreading).
        r"\b(?:pain\w*|ache\w*|aching)\b[^.;!?]{0,30}\b(?:arm|jaw|neck|shoulder|back)\b[^.;!?]{0,15}"
        r"\bfrom\s+(?:my|his|her|their|the)\s+chest\b",
        # The chest and an image, with no verb: "says chest like a vice".
        rf"{CHEST}\s+(?:\w+\s+)?(?:like|as if)\s+(?:a|an|it'?s|it is|someone|somebody)\s+"
        r"(?:[\w'-]+\s+){0,3}?(?:vice|vise|elephant|weight|band|crush\w*|squeez\w*|sat on|"
        r"sitting on|knife|bricks?|clamp\w*|fire)\b",
        rf"\b(?:tight|sore|aching|achy|heavy|painful|hurting|burning|crushing|squeezing|"
        rf"tender)\s+{CHEST}",
        r"\bangina\b",
        # The chest clutched, as someone sees it: "Grandpa clutched his chest" (spec section 3:
        # signs others see; how bad it is comes from the words around it).
        r"\b(?:clutch\w*|clasp\w*|clench\w*|grabb\w*|grabs?|gripp\w*|grips?|holding|held|"
        r"rubb\w*)\s+(?:at\s+)?(?:my|his|her|their|the)\s+chest\b"
        # ... not the gesture of a fright or a laugh ("clutched my chest when I heard the news").
        r"(?![^.;!?]{0,30}\b(?:heard|hearing|news|laugh\w*|shock\w*|surprise\w*|horror|mock\w*|"
        r"jok\w*|drama\w*|fright\w*)\b)",
        # The chest told by an image: "chest feels like it's being squeezed in a vice".
        rf"{CHEST}\s+(?:feels?|felt|feeling)\s+(?:like|as if|as though)\s+(?:[\w'-]+\s+){{0,4}}?"
        r"(?:squeez\w*|crush\w*|press\w*|sat on|stood on|in a vice|gripp\w*|clamp\w*|"
        r"tight\w*|on fire|burning)",
        # "Not right" or "not great" owns to trouble (a PSEUDO, not a negation): "chest not great,
        # tight and heavy" is chest tightness (spec section 3 table, chest_pain).
        rf"{CHEST}\s+(?:is\s+|feels?\s+|felt\s+|was\s+)?not\s+(?:great|right|good|nice|well|"
        r"too good|so good|comfortable)\b(?:(?!\b(?:no|not|never|without|nor)\b)[^.;!?]){0,25}?"
        r"\b(?:tight\w*|pain\w*|ache\w*|aching|achy|sore|heavy|pressure|burn\w*)\b",
        # One kind of chest pain denied, another owned: "chest not painful, just tight".
        rf"{CHEST}\s+[^.;!?]{{0,30}}?\b(?:but|just|only|though)\s+(?:a\s+bit\s+|a\s+little\s+|"
        r"slightly\s+|very\s+|really\s+|quite\s+)?(?:tight\w*|pain\w*|ache\w*|aching|achy|sore|"
        r"heavy|pressure|burn\w*|uncomfortable)\b",
    ),
    # A home pulse-oximeter reading; text.py reads the number (92% or less: emergency, 93-94%:
    # prompt; spec section 3). Shared words ("sats", "SpO2") serve every language.
    "OXIMETRY": (
        r"\b(?:sats?|spo2|sp02|o2|oxygen(?:\s+(?:level|sat\w*))?|saturation|oximet\w*|"
        r"pulse ?ox\w*|finger (?:thing|monitor|probe|clip|gadget))\b[^.;!?\n\d]{0,30}?"
        r"\d{2,3}(?:\s*%)?",
        r"\b\d{2,3}\s*%\s*(?:on (?:the|my) (?:oximeter|finger\w*)|sats?|oxygen|o2|spo2)\b",
    ),
    # A collapse or loss of consciousness: a seizure (emergency) unless the note tells a clear
    # faint-and-recover story (spec section 3).
    "LOC": (
        # Not answering or responding (to people, not to a phone): unresponsive.
        r"\bunresponsive\b(?!\s+to\s+(?:the\s+)?(?:treatment|medication|tablets|drugs?))",
        r"\b(?:not|wasn'?t|was not|isn'?t|weren'?t)\s+(?:answering|responding|responsive)\b(?!\s+"
        r"(?:to\s+)?(?:the\s+|my\s+|his\s+|her\s+)?(?:phone|texts?|messages?|calls?|door|emails?|"
        r"treatment))",
        r"\b(?:black(?:ed|ing)?\s+out|blackouts?|pass(?:ed|ing)?\s+out|"
        r"los(?:t|e|ing)\s+consciousness|unconscious|out cold|keel\w*\s+over|"
        r"hit the (?:deck|floor))\b",
        r"\bcollaps(?:ed|es|ing|e)\b(?!\s+(?:on|onto|into|in)\s+(?:the\s+|my\s+|a\s+)?"
        r"(?:sofa|bed|couch|chair|settee|armchair|heap))",
        # Found on the floor by someone (spec section 3: a collapse without a clear
        # faint-and-recover story).
        r"\bfound\s+(?:him|her|them|mum|dad|my\s+\w+)\s+(?:lying\s+|collapsed\s+|slumped\s+)?"
        r"(?:on|in)\s+the\s+(?:\w+\s+)?(?:floor|ground)\b",
        r"\b(?:found myself|came (?:round|to)|woke up|ended up)\s+(?:lying\s+)?on the "
        r"(?:\w+\s+)?(?:floor|ground)\b",
        r"\bno idea how i got there\b",
        # Slow to come round, or would not: a spell of unconsciousness told by its end (spec
        # section 3); "came round for tea" is a visit.
        r"\b(?:ages|long|slow|minutes?|a while|a minute|while|time)\s+to\s+come\s+(?:a)?round\b|"
        r"\b(?:wouldn'?t|didn'?t|couldn'?t|wouldnt|didnt|couldnt|won'?t|wont|before\s+(?:he|she|i)|"
        r"until\s+(?:he|she|i)|till\s+(?:he|she|i))\s+(?:\w+\s+)?come\s+(?:a)?round\b"
        r"(?!\s+(?:to|for|here|there|today|tomorrow|later|again|anymore|this|the)\b)",
        # Went down with no warning, like a sack (spec section 3: a collapse without a clear
        # faint-and-recover story); "went down to the shops" is not one.
        r"\b(?:went|go|goes|gone|going)\s+(?:straight\s+|just\s+)?down\b(?!\s+(?:to|the|hill|into|"
        r"with|well|a\b))(?=[^.;!?]{0,40}\b(?:no warning|without (?:any )?warning|like a (?:sack|"
        r"stone|tree|log|ton of bricks)|in a heap|out cold|was out|unconscious|unresponsive)\b)",
        r"\b(?:dropped|crumpled|slumped|slid|slipped)\s+(?:to the (?:floor|ground)|in a heap|"
        r"off (?:the|his|her|my) (?:chair|seat|stool|sofa|bed))\b",
    ),
    # Any cough: persistent_cough when its sentence says it has lasted three weeks or more
    # (text.py, with durations.py reading "5 wks", "6/52", "since mid-October").
    "COUGH": (
        rf"\b{COUGH}",
        r"\bc/o\s+cough",
        # "still hacking away", "hacking all night": coughing in everyday words (spec section 3).
        r"\bhack(?:ing|ed|s)?\s+(?:away|all|every|through|my|his|her|up)\b|\bhacking\b(?!\s+(?:into|at|"
        r"off|through|down))",
    ),
    # New unsteadiness, clumsiness or missing when reaching (spec section 6, cerebellar signs).
    "CEREBELLAR": (
        r"\bunstead\w*",
        r"\b(?:wobbly|unbalanced|off[- ]balance|all over the place)\s+on\s+(?:my|his|her)\s+"
        r"feet\b",
        r"\bclums\w*",
        rf"\bmiss(?:ing|ed|es)?\s+{W}{{0,3}}(?:cups?|mugs?|glass(?:es)?|buttons?|switch(?:es)?|"
        r"handles?|targets?|doors?|spoons?|forks?|mouth|nose|keys?|keyhole|steps?|kerb)\b",
        r"\bknock(?:ing|ed|s)?\s+over\b(?!\s+by\b)|\bovershoot\w*|\bovershot\b",
        r"\bmiss(?:ing|ed|es)?\s+(?:it\s+)?when\s+(?:i|he|she)\s+reach\w*",
        r"\bknock(?:ing|ed|s)?\s+(?:things|stuff|everything|the \w+|my \w+|cups?|glasses)\s+"
        r"(?:\w+\s+)?over\b",
        r"\bstagger\w*|\breeling\b|\bveer\w*|\bzig-?zag\w*",
        r"\bwalk\w*\s+like\s+(?:i'?m|i am|i was|i'?ve had|i'?d had|he'?s|she'?s|a)\s+"
        r"(?:\w+\s+)?(?:drunk|had a few|a few pints|pissed|tipsy|drunk\w*)",
        r"\b(?:can'?t|cannot|couldn'?t)\s+walk\s+(?:in\s+)?a\s+straight\s+line\b",
        r"\bataxi\w*",
        r"\b(?:reaching for|holding on to|grabbing|hands? on) the walls?\b",
        r"\b(?:walk|bump|bang|crash)\w*\s+into\s+(?:the\s+)?(?:door ?frames?|walls?|doors?|"
        r"furniture|things)\b",
        # Walking or balance gone wobbly, or like being drunk ("walking has gone wobbly ... like
        # she's tipsy"); legs alone going wobbly are LEMS weakness, not this.
        rf"\b(?:walk(?:ing|s)?|gait|balance|steps)\s+{W}{{0,3}}(?:wobbl\w*|unstead\w*|"
        r"drunken|all over the place|staggery|tottery|doddery)\b",
        r"\b(?:walk\w*|gait|balance|steps|on (?:my|his|her) feet)\b[^.;!?]{0,40}?\blike\s+(?:i'?m|"
        r"i am|i was|he'?s|she'?s|he was|she was|a|i'?ve|he'?d|she'?d|i'?d|someone)\s+"
        r"(?:\w+\s+)?(?:drunk|tipsy|pissed|sloshed|had a few|been drinking|on a ship|on a boat)\b",
        r"\b(?:feet|legs)\s+(?:are\s+|were\s+|go\s+|going\s+|went\s+)?all over the place\b",
        # Weaving or lurching about as one walks ("weaving about like I'm drunk").
        r"\b(?:weav|sway|lurch)\w*\s+(?:about|around|all over)\b",
        rf"\bhandwriting\s+{W}{{0,4}}(?:messy|shaky|wobbly|all over the place|illegible|a mess)\b",
        r"\bbalance\s+(?:is\s+|has\s+)?(?:gone|off|shot|poor|terrible|awful|worse|bad)\b",
    ),
    # One arm, leg or hand gone weak, numb or dead: a stroke sign only with a sudden onset
    # (text.py), since LEMS weakness is common and gradual.
    "LIMB_ONE_SIDE": (
        rf"\b(?:left|right)\s+(?:arm|leg|hand)\s+{W}{{0,3}}(?:went\s+|gone\s+|is\s+|was\s+)?"
        r"(?:dead|numb|limp|heavy|weak|useless|floppy|paralys\w*)\b",
        r"\b(?:can'?t|cannot|couldn'?t|could not|unable to)\s+(?:move|lift|feel|use|raise)\s+"
        r"(?:my|his|her)\s+(?:left|right)\s+(?:arm|leg|hand|side)\b",
        # One arm or hand (singular) that went dead or floppy: "her arm went floppy suddenly".
        r"\b(?:my|his|her|one)\s+(?:arm|hand|leg)\s+(?:just\s+|suddenly\s+)?"
        r"(?:went|has gone|had gone|gone)\s+(?:all\s+|completely\s+)?"
        r"(?:dead|numb|limp|floppy|useless)\b",
    ),
    # "Heart attack" is itself the emergency the severe_chest_pain flag guards against.
    "SEVERE_CHEST_PAIN": (
        r"\bheart attack\b",
        r"\bcardiac arrest\b",
        # The crushing weight told by an image: "like an elephant sat on my chest".
        r"\b(?:elephant|ton of bricks|someone|somebody|a weight|a car)\s+(?:\w+\s+){0,2}?"
        r"(?:sat|sitting|sits|standing|stood|stands|pressing|parked|kneeling)\s+on\s+"
        r"(?:my|his|her|the)\s+chest\b",
    ),
    # Face droop, one-sided weakness or numbness, a stroke named outright: stroke_signs unless the
    # note says it is gradual or long-standing (spec section 3: only *sudden* onset is FAST).
    "STROKE": (
        r"\b(?:a|mini|having|had|have|like|another|minor|small|major|possible|suspected)\s+"
        r"(?:\w+\s+)?stroke\b(?!\s+(?:the|my|his|her|of))",
        r"\bmini[- ]?stroke\b",
        r"\btransient isch\w* attack\b",
        rf"\b(?:face|mouth|smile|lip|lips|cheek)\s+{W}{{0,3}}(?:droop\w*|drop\w*|sag\w*|"
        r"lopsided|crooked|twisted|fell|fallen|slipp\w*|numb\w*|paralys\w*|frozen|dead|"
        r"gone funny|went funny|wonky|skew\w*|uneven|(?:hang\w*|hung|pull\w*|gone|went|slid\w*)\s+"
        r"(?:down|over|to one side))\b",
        rf"\b(?:droop\w*|sag\w*|numb\w*|lopsided|crooked|paralys\w*)\s+{W}{{0,3}}"
        r"(?:face|mouth|smile)\b",
        r"\b(?:one side of|side of)\s+(?:my\s+|the\s+|his\s+|her\s+)?(?:face|mouth)\b",
        r"\bfacial\s+(?:droop\w*|weakness|palsy|numbness|paralysis)\b",
        rf"\b(?:weak\w*|numb\w*|no feeling|lost (?:the |all )?(?:feeling|sensation|use)|dead|"
        r"heavy|heaviness|paralys\w*|"
        r"pins and needles|tingl\w*|can'?t move|cannot move|couldn'?t move|limp|floppy|useless|"
        rf"gave way|give way|giving way)\s+{W}{{0,4}}{SIDE}",
        rf"\b{SIDE}\s+(?:of\s+(?:my|the)\s+body\s+)?{W}{{0,3}}(?:weak\w*|numb\w*|dead|heavy|"
        r"paralys\w*|gave way|tingl\w*|limp|floppy|useless)\b",
        # A whole side named as the subject: "left side wont move", "his right side went dead"
        # (spec section 3 table, one-sided weakness; LEMS weakness is on both sides).
        r"\b(?:left|right)\s+side\s+(?:of\s+(?:my|his|her|the)\s+body\s+)?(?:\w+\s+)?"
        r"(?:(?:won'?t|wont|wouldn'?t|wouldnt|can'?t|cant|couldn'?t|doesn'?t|didn'?t|not)\s+"
        r"(?:move|moving|work|working|respond\w*)|(?:went|gone|is|was|has gone|all)\s+"
        r"(?:all\s+|completely\s+)?(?:dead|numb|limp|floppy|useless|paralys\w*|weak))\b",
    ),
    # Slurred or garbled speech: stroke_signs only with a sudden onset, otherwise the LEMS symptom
    # slurred_speech (spec section 3, last context rule).
    "SPEECH": (
        rf"\b(?:speech|speaking|talking|words?|voice|talk|speak)\s+{W}{{0,4}}(?:slurr?\w*|"
        r"slured|slurd|garbl\w*|jumbl\w*|muddl\w*|mixed up|came out wrong|coming out wrong|"
        r"come out wrong|nonsense|gibberish|strange|thick|drunk|funny|mush\w*|mash\w*|scrambl\w*|"
        r"tangl\w*|run together|running together|ran together|runs together|blurr\w*|"
        r"made no sense|making no sense|not making (?:any )?sense|didn'?t make (?:any )?sense)\b",
        # Words that will not come out right: "mum's words aren't coming out right".
        r"\b(?:speech|words?|talking)\s+(?:\w+\s+){0,2}?(?:aren'?t|isn'?t|not|weren'?t|wasn'?t|won'?t|"
        r"wouldn'?t|don'?t|doesn'?t|didn'?t)\s+(?:\w+\s+)?(?:coming|come|came)\s+out\s+(?:right|"
        r"properly|straight|clearly)\b",
        # Speech that sounds drunk or uses the wrong words (spec section 3: garbled speech, told
        # in lay words).
        r"\bsound(?:ed|s|ing)?\s+(?:a bit\s+|really\s+|all\s+|totally\s+|completely\s+)?"
        r"(?:drunk|tipsy|pissed|sloshed|plastered|squiffy|slurry)\b",
        r"(?:\b(?:using|saying|says|said|uses|used|coming out|came out|comes out|talking|"
        r"speaking|kept|keeps|mixing)\s+(?:the\s+|all\s+|in\s+)?|(?<=,\s))(?:wrong|muddled|"
        r"jumbled|made-up|made up|nonsense) words\b",
        r"\bslurr(?:ed|ing|s|y)?\b|\bslur(?:ed|s)?\b",
        r"\b(?:talk\w*|speak\w*|sound\w*)\s+(?:like|as if)\s+(?:i'?m|i was|i'?d|he'?s|she'?s|"
        r"he was|she was)\s+(?:\w+\s+)?drunk\b",
        r"\bgarbled\b",
        r"\b(?:can'?t|cannot|couldn'?t|could not|unable to|not able to|struggl\w* to)\s+"
        r"(?:get|find)\s+(?:my\s+|the\s+|his\s+|her\s+|their\s+|any\s+)?words(?:\s+out)?\b",
        r"\b(?:couldn'?t|could not|can'?t|cannot|unable to|not able to)\s+(?:speak|talk)\b",
        r"\blost my (?:speech|voice|words)\b",
    ),
}

# Flag each red-flag target label raises (STROKE and SPEECH are decided in text.py).
TARGET_FLAG: dict[str, str] = {
    "DYSPHAGIA": "dysphagia",
    "CHOKING": "choking",
    "DYSPNEA": "dyspnea",
    "SEIZURE": "seizure",
    "WEIGHT_LOSS": "weight_loss",
    "PERSISTENT_COUGH": "persistent_cough",
    "CHEST_PAIN": "chest_pain",
    "SEVERE_CHEST_PAIN": "severe_chest_pain",
    "STROKE": "stroke_signs",
    "SPEECH": "stroke_signs",
    "OXIMETRY": "dyspnea",
    "LOC": "seizure",
    "COUGH": "persistent_cough",
    "CEREBELLAR": "cerebellar_signs",
    "LIMB_ONE_SIDE": "stroke_signs",
}

# LEMS features worth recording (level `routine`), keyed by catalogue symptom id. Red-flag
# symptoms are covered by RED_FLAG_TARGETS above; tests check every key is a catalogue id.
# Source for the symptoms: clinical-spec.md section 2 (catalogue), section 3 (`routine` level).
SYMPTOM_TARGETS: dict[str, tuple[str, ...]] = {
    "proximal_leg_weakness": (
        rf"\b(?:legs?|hips?|thighs?|knees?)\s+{W}{{0,3}}(?:weak\w*|heavy|like jelly|jelly|"
        r"wobbly|gave way|give way|giving way|buckl\w*|tired|tire|tiring|shaky|useless|"
        r"like lead|unresponsive)\b",
        rf"\b(?:weak\w*|heavy|wobbly|jelly|tired|shaky)\s+{W}{{0,2}}(?:legs?|hips?|thighs?)\b",
        rf"\b{CANT}\s+{W}{{0,3}}(?:get(?:ting)? up|stand(?:ing)? up|rising|rise|"
        r"get(?:ting)? out of|climb\w*|stairs|steps|kerbs?|curbs?)\b",
        # Weak on the first steps and better after moving (spec section 2: "did strength improve
        # after moving for a few minutes?").
        r"\bfirst (?:few )?steps\s+(?:\w+\s+)?(?:terrible|awful|hard|slow|difficult|a struggle|bad|"
        r"rubbish|heavy|wobbly)\b",
        r"\b(?:strength|legs?|walking|muscles)\s+(?:\w+\s+){0,2}?(?:better|improv\w*|easier|"
        r"stronger)\s+after\s+(?:walking|moving|a few minutes|exercise|a bit|warming up)\b",
        # "Legs terrible getting out of the chair" (spec section 2: rising from a chair).
        rf"\blegs?\s+{W}{{0,2}}(?:terrible|awful|bad|rubbish|hopeless|poor|dreadful)\s+"
        r"(?:\w+\s+)?(?:getting|get|standing|rising)\s+(?:up|out)\b",
        # Getting up or out told as a struggle: "getting out of the bath is a nightmare"; legs that
        # will not push or hold.
        r"\b(?:getting|get)\s+(?:up|out)\s+(?:of|from)\s+(?:the\s+|a\s+|my\s+)?(?:\w+\s+)?"
        r"(?:is|was|has been|'s)\s+(?:a\s+|an\s+)?(?:nightmare|struggle|battle|hard|harder|"
        r"difficult|impossible|tough|job|murder|awful|terrible|effort|mission)\b",
        r"\blegs?\s+(?:just\s+)?(?:won'?t|wouldn'?t|don'?t|didn'?t|will not|would not)\s+"
        r"(?:push|work|hold me|cooperate|co-operate|go|take my weight|do it)\b",
        # The stairs told as a battle (spec section 2: stairs): "stairs were a killer", "had to haul
        # myself up".
        r"\bstairs?\s+(?:were|was|are|is|have been)\s+(?:a\s+|an\s+)?(?:real\s+|absolute\s+)?"
        r"(?:killer|nightmare|struggle|battle|murder|mountain|hard|harder|awful|impossible|tough)\b",
        r"\b(?:haul|pull|drag|heave)(?:ed|ing|s)?\s+myself\s+up\b",
        # Legs judged bad on a walk or the stairs: "legs were awful on the walk back".
        r"\blegs?\s+(?:were|was|are|is|have been|felt|feel|feeling)?\s*(?:really\s+|so\s+|very\s+)?"
        r"(?:terrible|awful|bad|rubbish|hopeless|poor|dreadful|useless|not good|no good)\b",
    ),
    "proximal_arm_weakness": (
        rf"\b(?:arms?|shoulders?)\s+{W}{{0,3}}(?:weak\w*|heavy|tired|tire|tiring|like lead|"
        r"useless|shaky)\b",
        rf"\b(?:weak\w*|heavy|tired)\s+{W}{{0,2}}(?:arms?|shoulders?)\b",
        rf"\b{CANT}\s+{W}{{0,3}}(?:lift\w*|rais\w*|reach\w*|brush\w*|wash\w*|comb\w*|hang\w*|"
        r"hold\w* my arms)\b",
        rf"\b{CANT}\s+{W}{{0,1}}get\s+my\s+arms?\s+up\b",
        # Arms that cannot stay up (spec section 2: hair, hanging washing): "couldn't keep my
        # arms up to wash my hair".
        rf"\b{CANT}\s+(?:keep|hold|get|put|have)\s+(?:my|his|her|both)\s+(?:\w+\s+)?arms?\s+"
        r"(?:up|above|over|raised|in the air)\b",
        r"\barms?\s+(?:\w+\s+){0,2}?(?:drop\w*|gave out|give out|giving out|flop\w*)\s+"
        r"(?:\w+\s+){0,3}?(?:hair|washing|shelf|cupboard|above|overhead|line)\b",
    ),
    "distal_weakness": (
        rf"\b(?:hands?|grip|fingers|feet|foot|ankles?|wrists?)(?:'s)?\s+{W}{{0,4}}(?:weak\w*|"
        r"clumsy|useless)\b",
        rf"\b(?:weak\w*)\s+{W}{{0,2}}(?:hands?|grip|fingers|feet|foot|ankles?)\b",
        rf"\b{CANT}\s+{W}{{0,3}}(?:open\w* (?:a |the )?(?:\w+ )?jars?|grip\w*|do up buttons|"
        r"turn keys?)\b",
        r"\bgrip(?:'s| is| has)?\s+(?:\w+\s+)?(?:poor|bad|weak|gone|useless|rubbish)\b",
        r"\bfoot\s+(?:didn'?t|doesn'?t|won'?t|wouldn'?t|did not|does not)\s+lift\b",
        r"\b(?:dropp\w*|drop) things\b",
        r"\bfoot drop\b",
        # Feet that drag or catch as one walks (spec section 2: tripping).
        r"\b(?:feet|foot|toes?)\s+(?:\w+\s+)?(?:dragg\w*|drag|scuff\w*|catch\w*)\b|"
        r"\bdragg\w*\s+(?:my|his|her)\s+(?:feet|foot|legs?)\b",
    ),
    "neck_weakness": (
        rf"\bneck\s+{W}{{0,3}}(?:weak\w*|tired|flop\w*|aching|aches|heavy)\b",
        rf"\b(?:{CANT})\s+{W}{{0,2}}hold\w*\s+(?:my\s+)?head\s+up\b",
        r"\bhead\s+(?:feels\s+|keeps\s+|kept\s+|starts\s+|started\s+)?(?:heavy|droop\w*|drops|"
        r"dropping|flop\w*)\b",
    ),
    "muscle_aches": (
        rf"\b(?:shoulders?|arms?|legs?|thighs?|hips?|calves|calf|muscles?)\s+{W}{{0,2}}"
        r"(?:ache\w*|aching|sore|stiff\w*|hurt\w*)\b",
        rf"\bmuscles?\s+{W}{{0,3}}(?:ach\w*|sore|stiff\w*|hurt\w*|pain\w*|cramp\w*|tender)\b",
        r"\b(?:aching|achy|sore|stiff|painful|tender)\s+muscles?\b",
        rf"\b(?:shoulders?|arms?|legs?|thighs?|hips?|calves|calf)\s+{W}{{0,2}}achy\b",
        r"\bmyalgia\b",
        r"\b(?:aching|achy|stiff) all over\b",
        r"\bcramps?\b",
    ),
    "fatigue": (
        r"\b(?:tired|tiredness|exhausted|exhaustion|fatigue\w*|fatigued|worn out|wiped out|"
        r"no energy|drained|knackered|shattered|weary|lethargic|run down|sleepy|drowsy|"
        r"washed out|done in|pooped|zonked|running on empty|(?:not much|little|hardly any|zero|low)"
        r"\s+energy)\b",
    ),
    "falls": (
        r"\b(?:fell|fall|falls|falling|fallen|near[- ]falls?|nearly fell|almost fell|tripped|"
        r"tripping|stumbl\w*|lost my balance|lose my balance|losing my balance|"
        r"(?:nearly|almost)\s+(?:went|go|going)\s+(?:over|down|flying)|took a tumble|"
        r"had a tumble|went flying)\b"
        r"(?!\s+asleep)",
    ),
    "dry_mouth": (
        r"\bdry mouth\b",
        rf"\bmouth\s+{W}{{0,2}}(?:dry|parched|like sandpaper)\b",
        r"\bmetallic taste\b",
        r"\b(?:dry|parched) (?:throat|lips|tongue)\b",
        r"\bxerostomia\b",
        r"\btongue\s+(?:\w+\s+){0,2}?stick\w*\s+to\s+(?:the\s+)?roof\b",
        r"\bmouth\s+(?:\w+\s+)?like\s+(?:the\s+bottom\s+of\s+)?(?:a\s+)?(?:bird ?cage|sandpaper|"
        r"a desert|desert|the sahara|cotton wool|a dry)\b",
    ),
    "constipation": (
        r"\bconstipat\w*",
        rf"\bbowels?\s+{W}{{0,2}}(?:slow|sluggish|not moving|haven'?t moved|blocked|stuck)\b",
        r"\b(?:haven'?t|hasn'?t|not)\s+(?:been able to\s+)?(?:been|gone|go)\s+(?:to the\s+)?"
        r"(?:toilet|loo|bathroom)\b",
        r"\bhard stools?\b",
        r"\b(?:haven'?t|hasn'?t|not|no)\s+(?:been\s+|had\s+|done\s+|managed\s+)?(?:for\s+)?(?:a\s+)?"
        r"(?:poo|number two|bowel movement)\b",
    ),
    "erectile_dysfunction": (
        r"\berectile\b",
        r"\berections?\b",
        r"\bimpoten\w*",
    ),
    "dizziness_on_standing": (
        r"\bdizz\w*",
        r"\blight[- ]?head\w*",
        r"\b(?:woozy|giddy|head ?rush)\b",
        r"\bhead\s+(?:swims|swam|swimming|spins|spinning|spun)\b|\broom\s+(?:spins|spinning|spun)\b",
        r"\b(?:felt|feel|feeling|went|nearly|almost)\s+faint\w*",
        r"\bgrey(?:ed)? out\b|\bgray(?:ed)? out\b",
        r"\b(?:room|everything|vision|eyes)\s+(?:went|goes|going|gone|go)\s+(?:all\s+)?(?:dark|black|"
        r"grey|gray|fuzzy|swimmy|spinny)\b",
    ),
    "reduced_sweating": (
        r"\b(?:sweat\w*)\s+(?:much\s+|a lot\s+|far\s+|way\s+|lots\s+|a good deal\s+|so\s+)?less\b",
        r"\b(?:less|reduced|little|hardly any|barely any) sweat\w*",
        r"\b(?:hardly|barely|don'?t|doesn'?t|can'?t|not|never)\s+sweat\w*",
        r"\bno\s+sweat\w*\s+(?:at all|even|despite|though|whatsoever|in the heat)\b",
        r"\b(?:hypohidrosis|anhidrosis)\b",
    ),
    "blurred_vision": (
        r"\bblurr?\w*",
        rf"\b(?:vision|eyesight|sight|eyes)\s+{W}{{0,2}}(?:fuzzy|hazy|misty|cloudy|out of focus)\b",
        r"\b(?:fuzzy|hazy|misty|cloudy) vision\b",
        r"\b(?:can'?t|cannot|couldn'?t|hard to|struggl\w* to) focus\b",
    ),
    "drooping_eyelids": (
        rf"\b(?:eye ?lids?|lids?|eyes?)\s+{W}{{0,3}}(?:droop\w*|heavy|hooded|closing|sagg\w*|"
        r"half[- ]closed|half[- ]shut|dropp\w*)\b",
        rf"\b(?:droop\w*|heavy|sagg\w*)\s+{W}{{0,1}}(?:eye ?lids?|lids?|eyes?)\b",
        r"\bptosis\b",
    ),
    "double_vision": (
        r"\bdouble vision\b",
        r"\bseeing (?:double|two of|things twice)\b",
        r"\bsee(?:ing)? (?:two|2) of\b",
        r"\bdiplopia\b",
        rf"\bvision\s+{W}{{0,2}}double\b",
    ),
    "slurred_speech": (
        rf"\b(?:speech|voice|talking|speaking)\s+{W}{{0,3}}(?:nasal|weak\w*|fad\w*|hoarse|quiet|"
        r"faint|tired|tires|tiring|goes|going|went)\b",
        r"\bnasal (?:speech|voice)\b",
        rf"\b(?:{CANT})\s+{W}{{0,1}}(?:speaking|talking|to speak|to talk|with speech)\b",
    ),
    "chewing_difficulty": (
        rf"\bjaw\s+{W}{{0,3}}(?:tired|tires|tiring|ache\w*|aching|weak\w*|fatigu\w*|gives out|"
        r"gave out|drops|dropping)\b",
        rf"\b(?:{CANT}|tired|tiring|tires)\s+{W}{{0,3}}chew\w*",
        rf"\bchew\w*\s+{W}{{0,3}}{LINK}(?:hard|harder|difficult|tiring|tough|an effort|a struggle|"
        r"tires|exhausting|slow)\b",
    ),
    "tingling": (
        r"\btingl\w*",
        r"\bpins and needles\b",
        r"\bnumb(?:ness)?\b",
        r"\bpar(?:a)?esthesi\w*",
    ),
}


@dataclass(frozen=True, slots=True)
class Cue:
    """A ConText cue: a category, the direction it reaches, its patterns and what stops it."""

    category: str
    direction: str  # FORWARD, BACKWARD, BIDIRECTIONAL or PSEUDO (matches but modifies nothing)
    patterns: tuple[str, ...]
    terminated_by: frozenset[str] = frozenset()
    max_scope: int | None = None  # in tokens; None means the whole sentence
    allowed_types: frozenset[str] | None = None  # target labels it may modify; None means all


# Scope of the cues that only stop other cues ("but", "I", ","). It must be small: medspaCy
# 1.3's overlap test misses a negation scope that lies wholly inside a sentence-wide terminator
# scope, and then the terminator would stop nothing.
TERMINATOR_SCOPE = 1

# Labels of the LEMS-symptom targets, e.g. "SYMPTOM_DRY_MOUTH".
SYMPTOM_LABEL_PREFIX = "SYMPTOM_"

# --- context cues ---------------------------------------------------------------------------------
# Source for every category: clinical-spec.md section 3, "Context rules for free text". The names
# of the categories follow ConText (Harkema et al., J Biomed Inform 2009) where one exists.

# How far a negation reaches, in tokens: enough for "no difficulty swallowing, choking,
# breathlessness or chest pain", short enough not to swallow an unrelated later clause.
NEGATION_REACH = 10
# How far "my father" reaches, in tokens: "my brother has had a chronic cough for months".
OTHER_PERSON_REACH = 10
# How far back "X normal", "X: none" reaches: the word right before it, not the clause before.
NORMAL_REACH = 4

# Phrases that would otherwise look like a cue: kept as PSEUDO so the longer match wins (medspaCy
# keeps the longest of overlapping matches) and the shorter cue inside it has no effect.
PSEUDO_PATTERNS: tuple[str, ...] = (
    # Who tells what was seen is not who had it: "according to my sister, I had a fit" (spec
    # section 3: signs others see are the patient's).
    rf"\baccording to (?:my\s+)?{FAMILY_WORDS}\b|"
    rf"(?:\A\s*|(?<=[.!?;\n]\s))(?:my\s+)?{FAMILY_WORDS}\s+(?:said|says|noticed|told me|saw)\s+"
    r"(?:that\s+)?(?=(?:\w+\s+){0,6}?(?:i|my|me)\b)",
    # "otherwise ok" is about the rest, not a denial of what was just said (spec section 3).
    r"\botherwise (?:ok|okay|fine|well|good|alright|all right|normal)\b",
    # "until it passed" measures an episode; it does not say the symptom has cleared up.
    r"\b(?:until|till|til)\s+it\s+(?:passed|settled|eased|went|calmed)\b",
    # Hedges are flagged (spec section 3: "hedged or uncertain ... flagged").
    r"\bnot (?:sure|certain|entirely|quite|too sure|convinced|only|just)\b",
    r"\b(?:don'?t|do not|didn'?t|did not) (?:know|think|remember|realise|realize)\b",
    r"\bno (?:doubt|idea|wonder)\b",
    # Still present: "no better", "not improving", "hasn't gone away".
    r"\bno (?:better|easier|change|improvement|different|relief|end|less|worse)\b",
    r"\bnot (?:much |any |really |getting |feeling )?(?:better|improving|improved|easing|"
    r"eased|easier|great|good|well|right|normal|helping|helped|as bad|too bad|so bad|that bad|"
    r"gone|going away|cleared|clearing|stopped|settled|shifting)\b",
    r"\b(?:has|have|had|is|was|did|does|do|wo|will|would)(?:n'?t| not) (?:go(?:ne)? away|go down|"
    r"clear\w*|stop\w*|settl\w*|improv\w*|get(?:ting)? better|shift\w*|budg\w*|eas\w*|lift\w*|"
    r"resolv\w*|let up|help\w*|work\w*)\b",
    r"\b(?:n'?t|not) been able\b|\bnot able\b|\bno longer able\b|\bno longer (?:can|could)\b",
    r"\b(?:can|could|would|will) not\b",
    r"\bnever (?:seem\w*|quite|able|really|fully|(?:felt|been|had|known|experienced) "
    r"(?:so|this|such|as|anything like))\b",
    # Ongoing rather than past: "since last year", "for the last year".
    rf"\bsince\s+(?:last\s+\w+|(?:\w+\s+){{1,2}}ago|{MONTHS}\b|(?:19|20)\d\d)",
    # ... and "since my birthday in August", "started in September": the month dates the start.
    rf"\b(?:since|started|starting|began|begun)\s+(?:[\w']+\s+){{0,3}}in\s+(?:early\s+|mid-?\s*|"
    rf"late\s+)?{MONTHS}\b",
    r"\b(?:for|over|during|in|throughout)\s+the\s+(?:last|past)\s+(?:\w+\s+)?(?:years?|months?|"
    r"weeks?|winter|summer)\b",
    # Unintended weight loss, overriding "diet" or "without".
    r"\bwithout\s+(?:even\s+)?(?:trying|meaning|intending|dieting|wanting|changing)\b",
    r"\b(?:haven'?t|have not|hasn'?t|didn'?t|did not|wasn'?t|am not|i'?m not|not)\s+(?:been\s+)?"
    r"(?:trying|dieting|on a diet|changed my diet|meaning)\b",
    r"\bdespite eating\b|\b(?:eating|appetite|eats|eat)\s+(?:is\s+|as\s+)?(?:normally|normal|"
    r"the same|as usual|usual|well|more|fine|ok|okay|good)\b",
    r"\bno change (?:in|to) (?:my )?diet\b|\bnot (?:intentional\w*|on purpose|deliberate\w*)\b",
    # "As if" and "even if" describe a real feeling, not a hypothetical.
    r"\b(?:as|even|like) if\b",
    # A severity word that is denied ("nothing terrible", "not intense") is not severe (spec
    # section 3 table: severe_chest_pain needs a severe pain).
    r"\b(?:nothing|not|never|hardly|far from)\s+(?:too |that |so |very |really )?(?:severe|"
    r"terrible|horrendous|horrible|intense|extreme|awful|dreadful|unbearable|crushing)\b",
    # Spec section 3, "Numbers and durations": a comparison with a past time ("12 lb lighter than
    # in January") dates the earlier state, not the symptom, so it is not "long past".
    rf"\b(?:than|compared (?:to|with)|since)\s+(?:in|at|on|back in|last)?\s*(?:{MONTHS}|christmas|"
    r"easter|summer|winter|spring|autumn|the summer|the winter|the spring|(?:19|20)\d\d)\b",
    # The same with the earlier occasion named first: "lighter than at his last weigh-in in June".
    rf"\b(?:than|compared (?:to|with))\s+(?:[\w'-]+\s+){{1,5}}?(?:in|at|on|back in|last)\s+"
    rf"(?:{MONTHS}|christmas|easter|summer|winter|spring|autumn|(?:19|20)\d\d)\b",
    # A denied diet ("no está haciendo ninguna dieta") does not make a loss intended.
    slots.denied_diet("en"),
    # When something started dates its onset, not a past episode: "my cough started in October"
    # goes on (spec section 3, "Numbers and durations").
    r"\b(?:started|began|begun|starting|came on)\s+(?:just\s+)?"
    rf"(?:before|around|at|in|over|after)\s+(?:the\s+)?(?:{MONTHS}|christmas|easter|new year|"
    r"the summer|the autumn|summer|autumn)\b",
    # A sign of severity denied at the end of a list: "not with breathlessness or sweats" (spec
    # section 3 table, severe_chest_pain: with sweating, not its absence).
    r"(?:(?<=\bnot )|(?<=\bno )|(?<=\bnot with )|(?<=\bwithout )|(?<=\bnor ))(?:any\s+)?"
    r"[\w'-]+(?:\s+[\w'-]+)?\s*,?\s+(?:or|nor)\s+(?:any\s+)?(?:sweat\w*|clammy|nause\w*|"
    r"vomit\w*|feeling sick)\b",
)

CUES: tuple[Cue, ...] = (
    Cue("PSEUDO", "PSEUDO", PSEUDO_PATTERNS),
    # "but", "however": a negation or "my father's" stops here ("no choking but breathless").
    Cue(
        "CONTRAST",
        "PSEUDO",
        (
            r"\b(?:but|however|although|though|except|apart from|aside from|yet|whereas|"
            r"other than|besides|only|instead)\b",
        ),
        max_scope=TERMINATOR_SCOPE,
    ),
    # The patient speaking about themselves again ("my wife says I choke").
    Cue(
        "SELF",
        "PSEUDO",
        (r"\b(?:i|i'm|im|i've|ive|i'd|i'll|me|myself|mine)\b",),
        max_scope=TERMINATOR_SCOPE,
    ),
    # A new main clause ("if I walk upstairs I get breathless": the breathlessness is real).
    Cue(
        "CLAUSE_END",
        "PSEUDO",
        (
            rf"{NOT_AFTER_IF}\b(?:i'm|im|i am|i've|ive)\b",
            rf"{NOT_AFTER_IF}\bi\s+(?!(?:don'?t|do not|didn'?t|did not|never|haven'?t|have not|"
            r"am not|was not|wasn'?t|can|could|should|would|might|may|will|think|know)\b)\w+",
            # "If I lie flat it feels like I'm drowning": the main clause after a habitual "if"
            # is real (spec section 3: "if I start choking" is hypothetical, what happens each
            # time is not).
            rf"{NOT_AFTER_IF}\bit\s+(?:feels|felt|gets|got|is like|'s like|goes|starts)\b",
            # A header ("Carer writing:", "(written by her grandson)") ends before what it
            # introduces.
            r":",
            r"\)",
            # A comma then a verb starts a new clause: "no appetite, lost weight".
            r",\s*(?:and\s+)?(?:lost|got|have|had|has|feel|felt|am|was|were|keep|kept|still|now|"
            r"choked|coughed|need|needed|became|started|woke|went|can'?t|couldn'?t|struggled|fell|"
            r"seem|seems|seemed|getting)\b",
        ),
        max_scope=TERMINATOR_SCOPE,
    ),
    # The patient's own or this very symptom: "my breathing", "this chest pain".
    Cue(
        "OWN",
        "PSEUDO",
        (rf"\bmy\b(?!\s+{RELATIONS}\b)", r"\b(?:this|these)\b"),
        max_scope=TERMINATOR_SCOPE,
    ),
    Cue("COMMA", "PSEUDO", (r",", r"\bthen\b", r"\bso\b"), max_scope=TERMINATOR_SCOPE),
    # Anything said now ends "last year" or "it went away" ("had a cough last year, now ...").
    Cue(
        "CURRENT",
        "PSEUDO",
        (
            r"\b(?:now|today|currently|at the moment|this (?:week|morning|afternoon|evening)|"
            r"tonight|again|still|recently|lately|these days|came back|come back|"
            r"returned|back again|started again)\b",
        ),
        max_scope=TERMINATOR_SCOPE,
    ),
    # Negated: "no", "not", "denies", "without", "never"... reaching forward over a short list.
    Cue(
        "NEGATED",
        "FORWARD",
        (
            r"\bno\b(?!\s+(?:longer|more|matter|sooner|way)\b)",
            r"\bnot\b",
            r"\b(?:did|do|does|have|has|had|is|are|was|were|am)(?:n'?t|\s+not)\b",
            r"\bnever\b",
            r"\b(?:denies|denied|deny|denying)\b",
            r"\bwithout\b",
            r"\b(?:free of|free from|absence of|nil|zero|neither|nor|nothing like)\b",
        ),
        terminated_by=frozenset({"CONTRAST", "SELF", "OWN", "CLAUSE_END"}),
        max_scope=NEGATION_REACH,
    ),
    # Negated, written after the symptom: "swallowing: none", "breathing normal", "choking - no".
    Cue(
        "NEGATED",
        "BACKWARD",
        (
            # "Today: no choking": a negation word after a colon negates what follows it (the
            # forward cue) unless it ends the clause ("Choking: no.").  Spec section 3.
            r"[:=]\s*(?:none|nil|normal|ok|okay|fine|good|n/?a|negative|absent|0)\b",
            r"[:=]\s*(?:no|not)\b(?=\s*(?:[-.,;!?)\n]|$))",
            # A question answered at once: "Chest pain? None."
            r"\?\s*(?:none|nil|no|nope|never|not really|neither|nor that|same,? no|"
            r"not that either)\b"
            r"(?!\s+(?:idea|doubt|sure|better|change)\b)",
            r"(?<=\s)[-\u2013]\s*(?:none|nil|normal|ok|okay|fine|n/?a|negative|absent|0)\b",
            # A checklist's cross: "breathless \u2717".
            r"[\u2717\u2718\u274c\u274e]",
            # "Choking - no." answers; "Mum - no chest pain" opens a forward negation instead.
            r"(?<=\s)[-\u2013]\s*no\b(?=\s*(?:[-.,;!?)\n]|$))",
            r"(?<!not )(?<!n't )\b(?:(?:is|are|was|were|has been|have been|been|seems?|seemed|"
            r"feels?|felt|looks?|looked|stayed|remains?|remained)\s+)?(?:(?:all|completely|"
            # "a good minute", "a good few weeks" are amounts, never a denial.
            r"totally|perfectly|absolutely|pretty|quite)\s+)?(?:normal|ok|okay|fine|(?<!\ba )good|"
            r"alright|"
            r"all right|not a problem|absent|unremarkable|"
            r"not present|not an issue|none)\b(?!\s+(?:after|a\b|an\b|later|within|once|when|"
            r"until|till|by|except|apart|if|at first|initially|with|then|for|on|in|to|again|"
            r"as long|unless|most|"
            # "a good few weeks", "a good while", "good and proper": an amount, not a denial.
            r"few|while|deal|long|many|number|part|half|and proper|fortnight|weeks?|months?))"
            # Asked, not answered: "breathless lying flat, ok?" (spec section 3: a question about
            # a symptom reported is no denial of it).
            r"(?!\s*\?)",
        ),
        terminated_by=frozenset({"CONTRAST"}),
        max_scope=NORMAL_REACH,
    ),
    # About someone else: "my father's cough", "my brother has...". A family member is the
    # patient when a caregiver writes (FAMILY, see text._keeps); friends, neighbours, pets and
    # "someone" never are (OTHER_PERSON).
    Cue(
        "FAMILY",
        "FORWARD",
        (
            # Not after "with", "to"...: "lunch with my mum and choked" is about the patient.
            # A possessive may be texted without its apostrophe ("wifes had a cough 5 weeks").
            rf"{NOT_AFTER_WITH}\b(?:my|our|his|her|their|the)\s+{FAMILY_WORDS}(?:'s|s'|s)?\b",
            # A relation opening a sentence: "Sister has had a bad cough", "Mum choked".
            rf"(?:\A\s*|(?<=[.!?;:\n]\s)|(?<=[.!?;:\n])){FAMILY_WORDS}(?:'s|s'|s)?\b",
            # Someone else reporting what they saw of him or her: "Neighbour went round, says the
            # left side of his mouth is hanging down" is about the patient when a caregiver
            # writes (spec section 3, "Who is writing"), so it counts as family, not other.
            rf"(?:\A\s*|(?<=[.!?;\n]\s)|(?<=[.!?;\n]))(?:(?:my|our|the|a)\s+)?{OTHER_WORDS}\b"
            r"[^.;!?]{0,25}?\b(?:says|said|reckons|reckoned|thinks|thought|noticed|told me|"
            r"tells me|rang to say|phoned to say)\b(?:\s+that)?"
            r"(?=\s+(?:\w+\s+){0,4}?(?:his|her|he|she)\b)",
            # Third person after a family member was named: "... she coughs on every cup".
            r"(?:\A\s*|(?<=[.!?;:,\n]\s)|(?<=[.!?;:\n]))(?:he|she|he's|she's|his|her)\b",
        ),
        terminated_by=frozenset({"CONTRAST", "SELF", "OWN", "CLAUSE_END"}),
        max_scope=OTHER_PERSON_REACH,
    ),
    Cue(
        "OTHER_PERSON",
        "FORWARD",
        (
            rf"{NOT_AFTER_WITH}\b(?:my|our|his|her|their|a|the)\s+(?:\w+\s+)?{OTHER_WORDS}"
            r"(?:'s|s')?\b",
            rf"(?:\A\s*|(?<=[.!?;\n]\s)|(?<=[.!?;\n])){OTHER_WORDS}(?:'s|s'|s)?\b",
            # Someone else's relative, named by a relative clause: "Jean, whose husband had...".
            rf"\bwhose\s+(?:\w+\s+)?{FAMILY_WORDS}(?:'s|s')?\b",
            r"\b(?:someone|somebody)\s+(?:at|in|i know|from|else|who)\b|"
            r"(?:\A\s*|(?<=[.!?;\n]\s))\w+\s+(?:next door|from (?:church|work|the club))\b|"
            r"\bother (?:people|patients)\b|"
            r"\b(?:people|patients|others|a man|a woman|a lady|a guy|a child)\s+"
            r"(?:with|in|at|who)\b",
        ),
        terminated_by=frozenset({"CONTRAST", "SELF", "OWN", "CLAUSE_END"}),
        max_scope=OTHER_PERSON_REACH,
    ),
    # Hypothetical or a question: "if I start choking", "should I worry about...".
    Cue(
        "HYPOTHETICAL",
        "FORWARD",
        (
            r"(?<!sure )(?<!know )(?<!certain )(?<!wonder )(?<!wondering )(?<!tell )"
            r"\b(?:if|in case|in the event|what if)\b",
        ),
        terminated_by=frozenset({"CONTRAST", "CLAUSE_END", "COMMA"}),
    ),
    # Questions and worries; the patient's own symptom ("should I worry about *my* cough") ends
    # them, unlike "if" ("if my breathing gets worse" stays hypothetical).
    Cue(
        "HYPOTHETICAL",
        "FORWARD",
        (
            r"\b(?:should i|shall i|do i need to|would i|will i|might i|could i|would it|"
            r"could it|am i likely to|is it likely)\b",
            r"\b(?:worr\w*|afraid|scared|frightened|terrified|anxious|nervous|concerned)\s+"
            r"(?:that\s+)?(?:i|i'll|i'd)\s+(?:might|will|'ll|could|may|would)\b",
            r"\b(?:afraid|scared|frightened|terrified|fear|fearful|worried|worry|worrying|nervous|"
            r"anxious|concerned|panic\w*)\s+(?:of|about)\b(?!\s+(?:the|my|this|these|how|it|all|"
            r"being|last|what happened))",
            r"\b(?:risk|chance|danger|possibility|likelihood)\s+of\b",
            r"\b(?:watch|look|looking|watching|keep an eye)\s+out\s+for\b|\bwatch for\b",
            r"\b(?:signs|warning signs|symptoms) (?:of|to watch|to look)\b",
            r"\b(?:can|could|may|might|does|do|will|would)\s+(?:lems|lambert[- ]eaton|it|this|"
            r"amifampridine|firdapse|the (?:drug|medicine|medication|tablets|pills|condition|"
            r"disease))\s+(?:ever\s+)?(?:cause|lead to|give|make|trigger|result in|affect)\b",
            r"\b(?:side[- ]effects?|leaflet|the label)\b",
            r"\b(?:asked|ask|asking|checked|check|checking|screen\w*|test\w*|monitor\w*|assess\w*)"
            r"\s+(?:me\s+)?(?:about|if|whether|for)\b",
            r"\b(?:told|advised|warned|reminded)\s+(?:me\s+)?(?:to\s+(?:call|ring|phone|go|seek|"
            r"watch|look|report|tell)|about|that)\b",
            r"\bwhat (?:to do|happens|should i do|do i do|would happen|would i do)\b",
            r"\bhow (?:do|would|can|will|should) i (?:know|tell|recogni\w*|spot)\b",
            r"\bin (?:the )?future\b",
            r"\b(?:prevent\w*|avoid\w*)\b",
        ),
        terminated_by=frozenset({"CONTRAST", "CLAUSE_END", "COMMA", "OWN"}),
    ),
    # Long past: "last winter", "years ago", "as a child", "used to".
    Cue(
        "HISTORICAL",
        "BIDIRECTIONAL",
        (
            r"\blast (?:year|winter|summer|autumn|fall|spring|christmas|easter|decade)\b",
            r"\b(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|"
            r"many|a few|few|a couple of|couple of)\s+(?:months?|years?|decades?)\s+ago\b",
            r"\b(?:years|ages|a long time|long) ago\b",
            r"\bin (?:19|20)\d\d\b",
            # "back in 2015", not "on the way back in the car".
            # "the cough I mentioned back in October is still here" started then and goes on.
            r"\bback in\b(?!\s+(?:the|our|her|his|bed|town|touch)\b)(?![^.;!?]{0,40}\bstill\b)",
            r"\bas a (?:child|kid|teenager|teen|baby|boy|girl|student)\b",
            r"\bwhen i was (?:young|younger|little|a child|a kid|small|a teenager|at school|\d+)\b",
            r"\b(?:in the past|previously|history of)\b",
            r"\bbefore (?:my |the |i was |being )?diagnos\w*|\b(?:at|when i was) diagnos\w*",
            rf"\bin {MONTHS}\b(?![^.;!?]{{0,40}}\bstill\b)",
        ),
        terminated_by=frozenset({"CONTRAST", "CURRENT"}),
    ),
    # "Used to" governs what follows ("used to get breathless"), not what went before: "hardly
    # sweating, used to drip" is a change noticed now (spec section 3, long past). "The family
    # are used to it" is accustomed, not past.
    Cue(
        "HISTORICAL",
        "FORWARD",
        (
            r"(?<!\bare )(?<!\bis )(?<!\bam )(?<!'re )(?<!\bget )(?<!\bgot )(?<!getting )"
            r"\b(?:(?:i|we|he|she|they)\s+)?used to\b",
        ),
        terminated_by=frozenset({"CONTRAST", "CURRENT", "CLAUSE_END"}),
    ),
    # Clearly resolved: "cleared up", "went away", "no longer".
    Cue(
        "RESOLVED",
        "BACKWARD",
        (
            r"(?<!not )(?<!n't )(?<!never )\b(?:cleared|clearing|clears)\s+up\b",
            r"(?<!not )(?<!n't )(?<!never )(?<!won't )\b(?:went|gone|go|goes|going)\s+away\b"
            # Gone "when I stop", each time, comes back (spec section 3 table, chest_pain).
            r"(?!,?\s+(?:when|whenever|once|as soon as)\b)",
            r"(?<!not )(?<!n't )(?<!never )\b(?:resolved|settled down|disappeared|recovered|"
            r"subsided|eased off|cleared|got better|went|vanished)\b(?!\s+(?:out|to|down|up|"
            r"through|into|on|a|an|all|very|really|quite|bright|pale|grey|gray|blue|purple|white|"
            r"red|rigid|stiff|floppy|limp|funny|weird|numb|dead|wrong|off|back|in|over)\b)",
            r"(?<!not )(?<!n't )\b(?:(?:all\s+)?gone|better|fine|ok|okay|over|(?:all\s+)?good)"
            r"\s+now\b",
            r"\bnot now\b",
        ),
        terminated_by=frozenset({"CURRENT"}),
    ),
    Cue(
        "RESOLVED",
        "FORWARD",
        (r"\bgot over\b", r"\brecovered from\b"),
        terminated_by=frozenset({"CONTRAST", "CURRENT"}),
    ),
    # Stopped for good: "no longer choking", "the fits have stopped since the dose was lowered".
    # Unlike "it passed", this ends an event-type flag too.
    Cue(
        "STOPPED",
        "FORWARD",
        (r"\bno\s+(?:longer|more)\b",),
        terminated_by=frozenset({"CONTRAST", "CURRENT", "SELF", "OWN", "CLAUSE_END"}),
        max_scope=NEGATION_REACH,
    ),
    Cue(
        "STOPPED",
        "BACKWARD",
        (
            r"\b(?:has|have|had)\s+(?:completely\s+|now\s+|all\s+)?stopped\b(?!\s+breathing)",
            r"\bstopped since\b|\bnot any ?more\b|\bno more\b|\b(?:none|not once) since\b",
            r"\b(?:haven'?t|have not|hasn'?t|has not)\s+(?:had|happened)\s+(?:one|any|it)?\s*"
            r"since\b",
        ),
        terminated_by=frozenset({"CONTRAST", "CURRENT"}),
    ),
    # Weight loss that was intended (spec section 3: "intended weight loss ('on a diet')").
    Cue(
        "INTENDED",
        "BIDIRECTIONAL",
        (
            r"\b(?:diet|diets|dieting|dieted|slimming|weight ?watchers|slimming world|calorie\w*|"
            r"keto|low[- ]carb|intermittent fasting|fasting|on purpose|intentional\w*|"
            r"deliberate\w*|trying to|tried to|want(?:ed)? to|meant to|hoping to|hoped to|"
            r"aiming to|aim to|plan(?:ned)? to|goal|target|exercising more|gym|ozempic|wegovy|"
            r"mounjaro|semaglutide|tirzepatide|saxenda|orlistat|bariatric|gastric (?:band|bypass|"
            r"sleeve)|healthier|healthy eating|pleased|delighted|happy)\b",
            r"\bweight[- ]?loss (?:plan|programme|program|diet|injections?|jabs?|drugs?|"
            r"medications?|meds|pills?|groups?|clubs?|goals?|targets?|journey|app|surgery|shakes?|"
            r"regime|class(?:es)?|coach|tablets?)\b",
        ),
        terminated_by=frozenset({"CONTRAST"}),
        allowed_types=frozenset({"WEIGHT_LOSS"}),
    ),
    # An expected, benign cause for breathlessness ...
    Cue(
        "BENIGN_CAUSE",
        "BIDIRECTIONAL",
        (
            r"\b(?:sprint\w*|running(?!\s+out)|ran|jog\w*|(?:a|my|the|morning|evening) "
            r"(?:run|jog|swim|ride)|racing|raced|rushing|rushed|hurrying|"
            r"hurried|dash\w*|for (?:the|a) (?:bus|train)|gym|workout|work-out|exercise class|"
            r"spin class|aerobics|hiit|football|tennis|squash|badminton|swim\w*|cycl\w*|"
            r"bike ride|hiking|hike|up a (?:steep )?hill|steep hill|marathon|\d+ ?k run|parkrun|"
            r"dancing|danced|laughing|laughed|(?:blowing|blew|blow) up (?:the |some )?balloons|"
            r"sneez\w*|hard exercise|"
            r"heavy lifting)\b",
        ),
        allowed_types=frozenset({"DYSPNEA"}),
    ),
    # Chest pain with an expected, benign cause: heartburn after a meal, settled by an antacid.
    Cue(
        "BENIGN_CAUSE",
        "BIDIRECTIONAL",
        (
            r"\b(?:curry|big meal|heavy meal|after (?:a|the|my) (?:meal|dinner|lunch|roast)|"
            r"heartburn|indigestion|acid|reflux|gaviscon|rennie|antacid|omeprazole|lansoprazole)\b",
        ),
        allowed_types=frozenset({"CHEST_PAIN"}),
    ),
    # ... with a quick recovery. Both are needed: "breathless walking to the kitchen, fine a
    # minute later" is breathlessness on little effort and stays an emergency.
    Cue(
        "QUICK_RECOVERY",
        "BIDIRECTIONAL",
        (
            rf"\b(?:fine|ok|okay|normal|back to normal|better|recovered|settled|got my breath back|"
            rf"caught my breath|breathing normally|passed|all right|alright|went)\s+{W}{{0,3}}"
            r"(?:seconds?|secs?|moments?|minutes?|mins?|no time|quickly|soon|straight away|"
            r"straightaway|right away|immediately|later|shortly|(?:short |quick |little |brief )?"
            r"(?:rest|sit down|sit|breather))\b",
            rf"\b(?:quickly|soon|straight away|immediately|rapidly)\s+{W}{{0,1}}(?:recovered|"
            r"settled|passed|got my breath back|caught my breath|back to normal|fine|better)\b",
            r"\b(?:within|in)\s+(?:a|one|two|three|five|ten|fifteen|a few|a couple of|\d+)\s+"
            r"(?:seconds?|moments?|minutes?|mins?)\b",
            r"\bfor\s+(?:a|one|a few|a couple of)\s+(?:seconds?|moments?|minutes?|mins?)\b",
            r"\b(?:fine|ok|okay|normal|better|recovered|settled)\s+(?:again\s+)?by the time\s+"
            r"(?:i|he|she|we)\s+(?:sat|got|had|stopped|reached|was)\b",
        ),
        allowed_types=frozenset({"DYSPNEA", "CHEST_PAIN"}),
    ),
    # Sudden onset: makes slurred speech or chest pain an emergency (spec section 3).
    Cue(
        "SUDDEN",
        "BIDIRECTIONAL",
        (
            r"\bsud+en+(?:ly|ley)?\b",  # sudden, suddenly, sudenly
            r"\ball of a sudden\b|\ball at once\b|\bin a flash\b|\bjust like that\b",
            r"\bout of (?:the blue|nowhere)\b|\bfrom nowhere\b|\bwithout warning\b",
            r"\babrupt(?:ly)?\b",
            r"\bcame on (?:fast|quickly|suddenly|all at once|in seconds|in minutes)\b",
            r"\b(?:\d+|a|an|one|two|three|few|a few|couple of|a couple of|half an|ten|twenty|"
            r"thirty|forty|fifteen|five)\s+(?:minutes?|mins?|hours?|hrs?)\s+ago\b",
            r"\b(?:just now|right now|in an instant)\b",
            r"\bwoke (?:up )?with\b",
            r"\bsince (?:this morning|i woke|waking|lunch\w*|breakfast|an hour|last night|"
            r"\d+ ?(?:am|pm|o'?clock))\b",
            # Well until a moment ago: "normal until just now" ("fine this morning" is not enough:
            # LEMS speech tires by the evening, spec section 3 last context rule).
            r"\b(?:was|were)\s+(?:perfectly\s+|completely\s+|totally\s+|absolutely\s+)?(?:fine|ok|"
            r"okay|normal|alright|all right|himself|herself|myself)\s+until\s+(?:just now|a few "
            r"minutes ago|an hour ago|half an hour ago)\b",
            # "... mushed together; he was fine an hour before" (sudden onset, spec section 3).
            r"\b(?:was|were)\s+(?:perfectly\s+|completely\s+|totally\s+)?(?:fine|ok|okay|normal|"
            r"alright|all right)\s+(?:an?|one|two|half an|a few|a couple of|\d+)\s+(?:hours?|hrs?|"
            r"minutes?|mins?)\s+(?:before|earlier)\b",
        ),
        allowed_types=frozenset({"STROKE", "SPEECH", "CHEST_PAIN", "LIMB_ONE_SIDE", "CEREBELLAR"}),
    ),
    # Gradual or long-standing: a LEMS feature, not a stroke (spec section 3, last context rule).
    Cue(
        "GRADUAL",
        "BIDIRECTIONAL",
        (
            r"\bfor (?:weeks|months|years|ages|a while|some time|a long time)\b",
            r"\bfor (?:\d+|two|three|four|five|six|several|many|a few|some) "
            r"(?:weeks|months|years)\b",
            r"\b(?:gradual(?:ly)?|slowly|long[- ]?standing|as usual|usual|always|on and off|"
            r"comes and goes|every evening|most evenings)\b",
            r"\bover (?:the )?(?:weeks|months|years|last \w+ (?:weeks|months|years)|time)\b",
            r"\b(?:in|by|towards) the (?:evenings?|afternoons?)\b",
            r"\bend of the day\b",
            r"\bwhen (?:i'?m |i am )?tired\b",
            r"\bafter (?:talking|speaking|chatting)\b",
        ),
        allowed_types=frozenset({"STROKE", "SPEECH"}),
    ),
    # What makes chest pain an emergency (spec section 3, severe_chest_pain). Breathlessness is
    # handled in text.py from the dyspnea mentions, so that "not breathless" does not count.
    Cue(
        "SEVERE",
        "BIDIRECTIONAL",
        (
            r"\b(?:severe(?:ly)?|crushing|terrible|horrendous|horrible|agonising|agonizing|agony|"
            r"excruciating|unbearable|intense|worst|extreme(?:ly)?|awful|dreadful)\b",
            r"\b(?:really|very|so) (?:bad|painful|strong)\b",
            r"\blike (?:a vice|a vise|a weight|an elephant|a band|a tight band)\b|\belephant\b",
            r"\b(?:10|9|8)\s*(?:/|out of)\s*10\b",
            r"\b(?:spread\w*|radiat\w*|going|goes|went|travel\w*|mov\w*|shoot\w*)\s+(?:down|into|"
            r"to|up|along|through|across)\s+(?:my\s+|the\s+)?(?:left\s+|right\s+)?(?:arm|arms|jaw|"
            r"neck|back|shoulders?|teeth)\b",
            r"\b(?:jaw|left arm)\b",
            r"\b(?:sweat\w*|clammy|cold sweat|drenched)\b",
            r"\b(?:nause\w*|vomit\w*|being sick|felt sick|feel sick|feeling sick|threw up|"
            r"throwing up)\b",
            r"\b(?:faint\w*|passed out|collaps\w*)\b",
        ),
        allowed_types=frozenset({"CHEST_PAIN"}),
    ),
    # A clear faint-and-recover story: a collapse with it is a faint, not a seizure (spec
    # section 3).
    Cue(
        "FAINT_RECOVERY",
        "BIDIRECTIONAL",
        (
            r"\b(?:came|come|coming) (?:round|around|to)\s+(?:straight away|straightaway|quickly|"
            r"at once|right away|immediately|almost immediately|within seconds|in (?:a few )?"
            r"seconds|after (?:a few )?seconds)\b",
            r"\b(?:stood|standing|stand|got) (?:up )?(?:too (?:quickly|fast|long)|for too long|"
            r"for ages)\b",
            r"\bfine (?:straight|right) after\b",
        ),
        allowed_types=frozenset({"LOC"}),
    ),
    # Onset over days to weeks: new slurred speech or unsteadiness is a cerebellar sign (spec
    # section 6).
    Cue(
        "NEW_ONSET",
        "BIDIRECTIONAL",
        (
            r"\b(?:over|in|during|for) the (?:last|past) (?:few |couple of |\d+ |\d+\s*-\s*\d+ |"
            r"two |three |four |ten |(?:two|three|four) or (?:three|four|five) )?"
            r"(?:days?|weeks?|fortnight)\b",
            r"\b(?:the )?(?:last|past) (?:few |couple of |\d+ |\d+\s*-\s*\d+ |two |three |four )"
            r"(?:days|weeks)\b",
            # Crept up over time: "it's crept up on her".
            r"\bcr(?:ept|eeping|eeps)\s+up\b",
            r"\bsince (?:last week|mid[- ]\w+|the (?:start|beginning|middle|end) of \w+|\w+day)\b",
            r"\bfor (?:a few|\d+|two|three|four|several|a couple of) (?:days|weeks)\b",
            r"\b(?:that'?s new|it'?s new|is new|which is new|new|newly|never (?:used to|happened)|"
            r"which never|never before|recently|lately|getting worse|worse and "
            r"worse|more and more|day by day|every day|started|began|came on)\b",
            r"\bfortnight\b",
        ),
        allowed_types=frozenset({"SPEECH", "CEREBELLAR"}),
    ),
    # Long-standing or evening-worse: the bulbar weakness of LEMS (routine, spec section 6).
    Cue(
        "LONG_STANDING",
        "BIDIRECTIONAL",
        (
            r"\bfor (?:months|years|ages|a year|over a year|a long time|as long as)\b",
            r"\b(?:as it has|like it has|as it always)\b",
            r"\b(?:always|as usual|usual|like always|as ever|for years|long[- ]standing|"
            r"same as ever|same old)\b",
            r"\b(?:by|in|towards|through) the (?:evenings?|afternoons?)\b|\bby evening\b|"
            r"\bevery evening\b|\bend of the day\b|\bwhen (?:i'?m |i am )?tired\b|"
            r"\bafter talking\b",
            r"\b(?:a|one|two|\d+) years?\b|\bmonths\b",
        ),
        allowed_types=frozenset({"SPEECH", "CEREBELLAR"}),
    ),
    # Amifampridine's commonest side effect, tingling of the lips and fingers after a dose (US
    # label; spec section 6): routine, not a stroke sign.
    Cue(
        "DRUG_EFFECT",
        "BIDIRECTIONAL",
        (
            r"\b(?:amifampridine|firdapse|ruzurgi|3,?4[- ]?dap|dap)\b",
            r"\bafter (?:my|the|a|each|every) (?:dose|tablet|pill|meds)\b",
        ),
        allowed_types=frozenset({"STROKE"}),
    ),
)

# --- note-level patterns (text.py) ----------------------------------------------------------------

# A face gone purple or blue in the very sentence that tells a choking fit is how the fit looked,
# not a second, breathing flag (text.py; spec section 3 table, choking). Lips or a face blue
# at rest, with no choking told, stay dyspnea.
COLOUR_SIGN: str | None = (
    r"\b(?:went|turned|turning|going|gone)\s+(?:a bit\s+|all\s+|quite\s+)?(?:blue|purple)\b|"
    r"\b(?:face|lips?)\b[^.;!?]{0,30}\b(?:blue\w*|bluish|purpl\w*|dusky)\b|"
    # Gasping in the fit, or not getting the breath back for a while after it, is the end of
    # that fit; "can't get my breath back even now" goes on and stays dyspnea.
    r"\bgasp(?:ing|ed)\b(?!\s+for\b)|"
    r"\b(?:couldn'?t|could not|couldnt)\s+get\s+(?:my|his|her|their)\s+breath\s+back\b"
    r"(?![^.;!?]{0,20}\b(?:now|still|yet)\b)"
)

# A sentence that only says the onset was sudden ("Sudden, he was fine an hour ago.", "Came on
# out of the blue."): it dates a speech change told in the sentence just before or after (spec
# section 3: only *sudden* slurred or garbled speech is a stroke sign).
ONSET_SENTENCE: str | None = (
    r"^\W*(?:(?:it|this|that)\s+(?:was|came on|happened|started)\s+|(?:came|come) on\s+|"
    r"(?:and\s+)?(?:all|very|really|quite)\s+)?(?:sud+en+(?:ly)?|out of (?:the blue|nowhere)|"
    r"all of a sudden|without (?:any )?warning|abrupt(?:ly)?|in (?:an instant|seconds))\b|"
    r"^\W*(?:(?:he|she|i|they)\s+)?(?:was|were)\s+(?:perfectly\s+|completely\s+|totally\s+)?"
    r"(?:fine|ok|okay|normal|alright|all right)\s+(?:(?:an?|one|two|three|\d+|half an|a few|"
    r"a couple of)\s+(?:hours?|hrs?|minutes?|mins?)\s+(?:ago|before|earlier)|until just now)\b"
)

# Only a sentence built as a question counts: "Maybe some chest tightness?" is a hedged report.
QUESTION_START = (
    # A lead-in that names the question: "Question for Dr Patel: what would a fit look like?"
    r"^\W*(?:(?:questions?|q|query|to ask|ask)\b[^:?]{0,40}:\s*)?"
    r"(?:is|are|can|could|does|do|did|will|would|should|shall|may|might|what|when|why|how|"
    r"which|who|where|has|have)\b"
)
# A question with none of these words asks about symptoms in general ("Can LEMS cause
# choking?"), not about the patient's own ("Why do I keep choking?").
FIRST_PERSON = r"\b(?:i|i'm|im|i've|i'd|me|my|myself|this|these)\b"
# A chest-pain mention that itself says "crushing" or "severe" (a cue inside the mention cannot
# modify it in ConText).
SEVERE_IN_MENTION = (
    r"\b(?:crushing|severe|terrible|agonising|agonizing|excruciating|unbearable|intense|worst|"
    r"squeezing|agony|killing)\b"
)
# The note says a caregiver writes it (spec section 3, "Who is writing").
CAREGIVER_HEADER = (
    r"\b(?:carer|caregiver|care giver|care worker|home help)\s*(?:writing|here|note|entry|:)|"
    r"\b(?:son|daughter|wife|husband|partner|mum|mom|dad|sister|brother|grandson|granddaughter|"
    r"niece|nephew|friend|neighbour|neighbor)\s+(?:writing|here\b)|"
    r"\bwriting (?:this )?(?:for|on behalf of)\s+(?:my\s+)?\w+|\bwritten by (?:his|her|their|my)\b|"
    r"\bi look after (?:my\s+)?\w+|\bi care for (?:my\s+)?\w+|"
    r"\bi'?m (?:his|her|their) (?:carer|caregiver|wife|husband|partner|son|daughter)\b|"
    r"\bon (?:his|her|their) behalf\b"
)
# The note says a weight loss is intended (spec section 3: "intended weight loss ('on a diet')"),
# and the phrases that say the opposite ("not dieting", "without trying").
INTENDED = (
    r"\b(?:diet|diets|dieting|dieted|slimming|weight ?watchers|slimming world|calorie counting|"
    r"keto|low[- ]carb|intermittent fasting|fasting|on purpose|intentional\w*|deliberate\w*|"
    r"trying to lose|tried to lose|wanted to lose|want to lose|ozempic|wegovy|mounjaro|"
    r"semaglutide|tirzepatide|saxenda|orlistat|bariatric|gastric (?:band|bypass|sleeve))\b"
)
NOT_INTENDED = (
    r"\b(?:not|n't|never|no|without|isn'?t|aren'?t|wasn'?t)\s+(?:\w+\s+)?(?:trying|dieting|"
    r"on a diet|diet|meaning|intend\w*|deliberate\w*|on purpose)\b|\bunintention\w*|"
    r"\bunintended\b|\bunplanned\b|\bwithout (?:even )?trying\b|"
    # "Haven't been dieting": the contraction has no word boundary before "n't".
    r"\b(?:haven'?t|hasn'?t|hadn'?t|didn'?t|don'?t|doesn'?t|wasn'?t|weren'?t|am not|i'?m not)\s+"
    r"(?:[\w'-]+\s+){0,2}?(?:trying|dieting|on a diet|diet\w*|meaning|intend\w*|slimming)\b"
)

# Words in another sense (spec section 3): feelings, sport, machines, money, figures of speech,
# and reading or hearing about a symptom. Each pattern is looked for in the mention's sentence and
# drops the mentions of the labels it names (None: every label). A ConText cue cannot do this:
# "choked up" overlaps the target "choked", and ConText never lets a cue modify a target it
# overlaps.
# A denied diet, however worded (slots.py; spec section 3).
NOT_INTENDED = NOT_INTENDED + "|" + slots.denied_diet("en")
FIGURATIVE: tuple[tuple[frozenset[str] | None, str], ...] = (
    # Limbs that do not respond are weak, not a person who does not (spec section 2).
    (
        frozenset({"LOC"}),
        r"\b(?:legs?|arms?|hands?|feet|foot|muscles?|fingers?|limbs?|eyelids?)\s+(?:\w+\s+){0,3}?"
        r"unresponsive\b",
    ),
    # Things that "won't go down" without being swallowed.
    (
        frozenset({"DYSPHAGIA"}),
        r"\b(?:swelling|swollen|temperature|temp|fever|weight|blood pressure|bp|sugars?|"
        r"puffiness|inflammation|bruis\w*|ankles?|legs?|feet|numbers|readings?|prices?|"
        r"bills?)\b[^.;!?]{0,30}\b(?:won'?t|wouldn'?t|didn'?t|doesn'?t|will not|would not|"
        r"did not|does not)\s+go\s+down\b",
    ),
    (
        frozenset({"CHOKING"}),
        r"\bchok\w*\s+(?:up|back)\b|\bchok\w*\s+(?:with|by)\s+(?:emotion|tears|pride|laughter|"
        r"feeling)|\bthe choke\b|\b\w+'s\s+choke\b(?!\s+on)|\bchoke\s+(?:cable|knob|valve|lever)\b",
    ),
    # A team, a match or a machine, unless food or drink is named ("choked on my tea during
    # the match" is choking).
    (
        frozenset({"CHOKING"}),
        slots.unless_food(
            "en",
            r"\b(?:striker|keeper|goalie|team|players?|squad|bottled|penalt(?:y|ies)|final|match|"
            r"shoot-?out|world cup|euros|league|cup tie|semi-?finals?|quarter-?finals?|tournament|"
            r"innings|wickets?|the ashes|six nations|grand slam|championship|title race|"
            r"in front of goal|under pressure|referee|the lads|(?:first|second) half|half-?time|"
            r"extra time|our lot|(?:won|lost|drew)\s+\d+-\d+|\d+-\d+\s+up)\b|"
            r"\b(?:car|engine|land rover|mower|lawnmower|van|tractor|motor|carburett?or|motorbike|"
            r"generator|strimmer)\b",
        ),
    ),
    (
        frozenset({"DYSPHAGIA"}),
        r"\b(?:hard|bitter|tough|big|difficult)\s+pill\s+to\s+swallow\b|\bswallow\w*\s+(?:my|his|"
        r"her|our|their)\s+pride\b|\b(?:hard|difficult) to swallow\s+(?:that|the news|it all|the "
        r"idea|the fact)\b|\bswallow\w*\s+(?:the|that)\s+(?:story|lie|excuse|news|bill|cost)\b",
    ),
    (
        frozenset({"DYSPNEA"}),
        r"\b(?:with|from) (?:anticipation|excitement|suspense)\b|\btook my breath away\b|"
        r"\blaugh\w*\s+(?:so\s+(?:much|hard)|till|until)\b|\bfrom laughing\b|\bwith laughter\b|"
        r"\bbreath-?taking\b|\b(?:the|a) view\b|\bscenery\b",
    ),
    # Spec section 3, "Words used in another sense": a burden (paperwork, bills, debt) that
    # "chokes" or "suffocates" the writer is a figure of speech. Built from a slot of burden
    # nouns as the subject, with the writer as the object, not from whole phrases.
    (
        frozenset({"CHOKING", "DYSPNEA"}),
        rf"\b{BURDENS}\b[^.;!?,]{{0,25}}\b(?:chok|suffocat|strangl|smother|stifl)\w*\s+"
        r"(?:me|us|the life)\b",
    ),
    (
        frozenset({"COUGH", "PERSISTENT_COUGH", "CHOKING"}),
        r"\bcough\w*\s+up\s+(?:for|\u00a3|\$|\u20ac|\d|money|cash|the (?:money|cash|fee|fine|rent)|"
        r"fees?)",
    ),
    (
        None,
        # Not "a seizure while watching a film": what happened during it is the writer's own.
        r"(?<!while )(?<!whilst )(?<!during )(?<!when )"
        r"\b(?:read|reading|heard|hearing|saw|seen|watched|watching)\s+(?:an?\s+|the\s+|some\s+)?"
        r"(?:\w+\s+)?(?:article|piece|story|documentary|programme|program|leaflet|post|thread|"
        r"video|report|episode|series|film|movie)\b|\b(?:read|reading|heard|hearing)\s+(?:about|"
        r"that)\b|"
        r"\b(?:article|documentary|leaflet|podcast|webinar)\s+(?:about|on)\b",
    ),
)

# A sentence in the third person with no word for the patient ("Jean choked on a biscuit ... she
# was fine after a slap on the back") is about someone else when the patient writes, and about
# the patient when a caregiver writes (text.py). None in a language where the subject is often
# left out.
THIRD_PERSON: str | None = r"\b(?:she|he|she's|he's|her|his|him)\b"
FIRST_PERSON_WORDS: str | None = r"\b(?:i|i'm|im|i've|i'd|me|my|myself|mine)\b"

# Slot-built patterns shared by the four languages (slots.py; spec section 3): reading about a
# symptom, burdens and spectacles in another sense, and choking on whatever is eaten or drunk.
FIGURATIVE = (*FIGURATIVE, *slots.figurative("en"))
RED_FLAG_TARGETS["CHOKING"] = (*RED_FLAG_TARGETS["CHOKING"], *slots.choking_while_ingesting("en"))
RED_FLAG_TARGETS["DYSPHAGIA"] = (*RED_FLAG_TARGETS["DYSPHAGIA"], *slots.several_swallows("en"))
RED_FLAG_TARGETS["WEIGHT_LOSS"] = (*RED_FLAG_TARGETS["WEIGHT_LOSS"], *slots.clothes_loose("en"))
# Slot-built cues (slots.py; spec section 3): a recovery within minutes and running somewhere
# (a benign cause with quick recovery), and "not without" (which states the thing).
CUES = (
    *CUES,
    Cue(
        "QUICK_RECOVERY",
        "BIDIRECTIONAL",
        slots.quick_recovery("en"),
        allowed_types=frozenset({"DYSPNEA", "CHEST_PAIN"}),
    ),
    Cue(
        "BENIGN_CAUSE",
        "BIDIRECTIONAL",
        (*slots.running_for("en"), *slots.hot_room("en")),
        allowed_types=frozenset({"DYSPNEA"}),
    ),
    Cue("PSEUDO", "PSEUDO", (slots.double_negation("en"),)),
    # Spec section 3, "an expected, benign cause stated with quick recovery": a drink gone the
    # wrong way while laughing or sneezing, cleared by a single cough. Both are needed, and the
    # recovery must be that quick: "laughed and choked, coughed for ages" stays choking.
    Cue(
        "BENIGN_CAUSE",
        "BIDIRECTIONAL",
        (
            # The pronoun is part of the cue so that "I laughed" (a new clause) does not hide it.
            r"\b(?:(?:i|he|she|we|they|you)\s+(?:was\s+|were\s+|started\s+|burst out\s+)?)?"
            r"(?:laugh\w*|giggl\w*|sneez\w*|hiccup\w*)\b(?:\s+(?:at|so|too|hard|out|loud)\b)?",
        ),
        allowed_types=frozenset({"CHOKING"}),
    ),
    Cue(
        "QUICK_RECOVERY",
        "BIDIRECTIONAL",
        (
            rf"\b(?:one|a single|a quick|one good|a good|a little|a small)\s+{COUGH}\s+and\s+"
            r"(?:it\s+|that\s+)?(?:was\s+|had\s+|went\s+|got\s+)?(?:gone|cleared|clear|fine|ok|"
            r"okay|over|up|all right|alright|done|sorted|away)\b",
            r"\b(?:cleared|gone|fine|ok|okay|over|passed)\s+(?:straight away|straightaway|"
            r"immediately|at once|right away|in (?:a )?(?:second|seconds|a moment|no time))\b",
            rf"\b(?:{COUGH}|cleared|brought)\s+(?:it\s+)?(?:up\s+|out\s+)?(?:in|within)\s+"
            r"(?:a few\s+)?(?:seconds|a second|a moment|no time)\b",
        ),
        allowed_types=frozenset({"CHOKING"}),
    ),
)
# A sign of severity right after a negation is denied, not present (slots.py; spec section 3).
CUES = slots.severity_unless_denied(CUES, "en")
