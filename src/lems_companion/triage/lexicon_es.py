"""Spanish words and phrases for red flags, LEMS symptoms and ConText cues.

Same labels, categories and rules as the English lexicon (``lexicon.py``, spec section 3);
patterns are matched against the note with its accents folded ("atraganté" -> "atragante",
"ñ" -> "n"). Everyday Spanish of Spain and Latin America ("me falta el aire", "ahogo", "se me
fue por mal sitio", "ando agitado").

Source of the cue lists: ours, written from the categories of NegEx/ConText (Chapman et al.,
J Biomed Inform 2001; Harkema et al., J Biomed Inform 2009); no published Spanish NegEx port was
checked against them. AWAITING CLINICAL REVIEW by a Spanish-speaking clinician
(docs/red-flags.md).
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

# One word and the space after it, never "pero"/"aunque" (see lexicon.W).
W = r"(?:(?!(?:pero|aunque|sino)\b)[\w'-]+,?\s+)"
# A filler word that is not a negation: "tos seca, sin sangre" is not blood (spec section 3).
WN = r"(?:(?!(?:pero|aunque|sino|sin|no|ni|nada)\b)[\w'-]+,?\s+)"
FOODS = (
    r"(?:comida|pan|carne|pastillas?|comprimidos?|capsulas?|bocados?|pure|agua|arroz|pescado|"
    r"sopa|leche|cafe|liquidos?|bebidas?|todo|nada|pollo|patatas?|filete|galletas?|fruta|tostada)"
)
FAMILY_WORDS = (
    r"(?:padre|madre|papa|mama|papi|mami|marido|esposo|esposa|mujer|pareja|hijo|hija|hermano|"
    r"hermana|abuelo|abuela|abuelito|abuelita|tio|tia|suegro|suegra|novio|novia|paciente|"
    r"yaya|yayo)"
)
OTHER_WORDS = (
    r"(?:amig[oa]s?|vecin[oa]s?|companer[oa]s?|jefe|jefa|perr[oa]|perrito|gat[oa]|gatito|"
    r"mascota|niet[oa]s?|sobrin[oa]s?|prim[oa]s?|cunad[oa]s?|conocid[oa]s?|nuera|yerno)"
)

# A side, written out or shortened as in care notes ("brazo izq", "pierna dcha").
SIDE = r"(?:(?:izquierd\w*|izq|izqd[oa]|izd[oa])|(?:derech\w*|dch[oa]|drch[oa]|dcha|dch))"

RED_FLAG_TARGETS: dict[str, tuple[str, ...]] = {
    "DYSPHAGIA": (
        rf"\b(?:me cuesta\w*|le cuesta\w*|cuesta\w*|no puedo|no pude|no podia|no pudo|no puede|"
        rf"no consigo|no consigue|dificultad(?:es)?|problemas?|trabajo)\s+{W}{{0,2}}trag\w*",
        rf"\btrag\w*\s+{W}{{0,4}}(?:dos|tres|varias|muchas|2|3)\s+(?:o\s+(?:tres|cuatro|3|4)\s+)?"
        r"veces\b",
        rf"\b{FOODS}\s+{W}{{0,4}}(?:atascad\w*|atorad\w*|atranc\w*|pegad\w*|se (?:me |le )?"
        r"queda\w*|se (?:me |le )?quedan|no (?:me |le )?(?:pasa|pasan|baja|bajan|entra|entran))\b",
        # "me he atorado con el arroz" is the person choking on it (slots._CHOKE), not food
        # sticking.
        r"\b(?:atasc(?!os?\b)\w*|atranc\w*)\b|(?<=\bse me )ator\w*|(?<=\bse le )ator\w*|"
        r"\batora\b|\b(?:atorad\w*|atoro)\b"
        r"(?![^.;!?,]{0,15}\bcon\s+(?:el|la|los|las|un|una|mi|su)\b)",
        # Worsening swallowing, several swallows (spec section 3 table): "tragar cada vez peor",
        # "necesito dos o tres tragos" (not drinks of something).
        r"\b(?:tragar|trago|deglucion)\s+(?:es\s+|va\s+)?(?:cada vez peor|de mal en peor|peor)\b",
        r"\b(?:dos|tres|varios|2|3)\s+(?:o\s+(?:tres|cuatro|3|4)\s+)?(?:tragos|degluciones)\b"
        r"(?!\s+de\b)",
        # Whatever the food, stuck halfway down (spec section 3 table: food sticking): "los
        # garbanzos se me quedaban a medio camino"; not a walk or the stairs.
        r"\bse\s+(?:me|le)\s+(?:qued|atasc|par|deten)\w*\s+(?:\w+\s+){0,2}?a\s+(?:medio camino|"
        r"mitad de camino|medio bajar|media garganta)\b(?![^.;!?]{0,30}\b(?:escalera|calle|paseo|"
        r"cuesta)\w*)",
        r"\b(?:me|le|se)\s+(?:me\s+|le\s+)?atasc\w*",
        # "no me pasa nada" is "nothing is wrong with me", not "nothing goes down".
        r"\bno (?:me |le )?(?:pasa(?!\s+nada\b)|pasan|pasaron(?!\s+nada\b)|baja|bajan|entra|"
        r"entran)\s+(?:ni\s+)?(?:las?|lo"
        r"s|el)?"
        rf"\s*{FOODS}",
        r"\b(?:sale|salen|salio|salia|vuelve|volvio|regresa|regreso)\w*\s+(?:\w+\s+){0,3}"
        r"por la nariz\b",
        r"\bpor la nariz\s+(?:al|cuando)\s+(?:beb|trag)\w*",
        r"\bdisfagi\w*",
        # Care notes: thickener needed, whole tablets not tolerated (spec section 3 table,
        # dysphagia; clinical shorthand counts).
        r"\b(?:precisa|necesita|usar|con|anadir)\s+espesante\b|\bno tolera\w*\s+(?:los\s+|las\s+)?"
        r"(?:comprimidos|pastillas|solidos|liquidos)\b",
        rf"\bse (?:me |le )?traba\w*\s+{W}{{0,3}}{FOODS}",
        r"\bno (?:pudo|puedo|pude|podia) tragar\w*",
        # "antes no me pasaba": "pasar" is also "to happen".
        r"(?<!antes )(?<!nunca )(?<!eso )(?<!esto )"
        r"\bno (?:me|le) (?:pasa|pasaba|pasan|pasaban|paso|baja|bajaba|bajan|entra|entraba)\b"
        r"(?!\s+(?:nada|na|ni una|en la cabeza|por la cabeza|de nada|lo mismo|eso|esto|"
        # Air that does not get in is breath, not food (spec section 3 table, dyspnea).
        r"(?:el |nada de |suficiente )?aire))",
        r"\bse (?:me |le )?(?:queda|quedaba|quedo|quedan)\s+(?:a medio camino|a mitad de camino|"
        r"en la garganta|en el cuello|atascad\w*|pegad\w*)",
    ),
    "CHOKING": (
        # Someone had to strike the back to clear it (spec section 3 table, choking, told by
        # what others did): "me tuvo que dar golpes en la espalda".
        r"\b(?:golpes?|golpecitos?)\s+(?:fuertes?\s+)?en\s+la\s+espalda\b"
        r"|\bheimlich\b",
        r"\batragant\w*",
        rf"\bahog\w*\s+{W}{{0,3}}(?:con|al)\s+{W}{{0,3}}(?:saliva|babas?|comida|agua|liquidos?|"
        r"bebida|cafe|comer|beber|tragar|sopa|leche|bocado)",
        # Choked on a thing, in the past tense of one event ("me ahogué con el atole"), whatever
        # was eaten; not heat, smoke, effort or a mask (spec section 3 table, choking).
        # "me he atorado un poco con el arroz" (Mexico) is the same (not "se me atoró").
        r"(?<!\bse )\b(?:me|se|le|te)\s+(?:(?:he|ha|habia)\s+)?(?:ahog|ator)(?:ue|o|e|aste|ado)\s+"
        r"(?:(?:un poco|otra vez|bien|feo)\s+)?con\s+(?:el|la|los|las|un|"
        r"una|unos|unas|mi|su)\s+(?!(?:calor|humo|esfuerzo|escaleras?|mascarilla|polvo|aire|tos|"
        r"flemas?|mocos|ansiedad|nervios|subida|cuesta|bochorno|olor|gas|pintura|lejia|"
        r"caminata|paseo)\b)\w+",
        # Split or misspelt "atragantar": "me a tragantado el agua".
        r"\b(?:a\s+|e\s+|ha\s+|he\s+)tragant\w*",
        rf"\bse (?:me |le )?(?:fue|va|iba|ha ido)\s+{W}{{0,5}}por (?:el otro lado|otro lado|"
        r"mal sitio|el otro camino|donde no era|el lado equivocado)",
        r"\bpor mal sitio\b|\bmal trago\b",
        rf"\btos\w*\s+{W}{{0,2}}(?:con|al|cuando|en)\s+{W}{{0,2}}(?:cada\s+)?(?:sorbo|trago|bocado|"
        r"comer|beber|comida|agua|liquidos?|bebo|como|come|bebe|cucharada)",
        r"\bbroncoaspiraci\w*|\baspiraci\w*",
        # Retching or gagging on each mouthful (spec section 3 table, choking on food or drink):
        # "arcadas con cada cucharada", "le dan arcadas al tragar".
        r"\barcadas?\s+(?:\w+\s+){0,2}?(?:con|al|cuando|en)\s+(?:cada\s+)?(?:\w+\s+)?(?:cucharadas?|"
        r"bocados?|sorbos?|tragos?|comer|beber|tragar|comida|cena|almuerzo|desayuno|pure)\b",
        # Coughing fits that come with every drink or mouthful, the drink named first (spec
        # section 3 table, choking): "cada vez que bebo café me da un ataque de tos".
        r"\b(?:al|cuando|cada vez que|siempre que|en cuanto)\s+(?:\w+\s+)?(?:bebo|bebe|beber|como|"
        r"come|comer|trago|traga|tragar|tomo|toma)\b[^.;!?]{0,40}?\b(?:ataques?|accesos?|golpes?)\s+"
        r"de\s+tos\b",
        # Gone down to the lung, the wrong way: "como si se me fuera al pulmón".
        r"\bse\s+(?:me|le)\s+(?:fue|va|iba|fuera|ha ido)\s+(?:\w+\s+){0,3}?(?:al|a los|hacia el)\s+"
        r"pulmon(?:es)?\b",
        # Food or drink that went, got or passed into the lung: "me ha entrado comida al
        # pulmón", "le pasó agua a los pulmones" (spec section 3 table, choking: aspiration).
        r"\b(?:me|le|se)\s+(?:(?:ha|han|habia|habian)\s+)?(?:entr|pas|met|col|fu|ido\b)\w*\s+"
        r"(?:\w+\s+){0,3}?(?:al|a los|hacia el|hacia los|en el|en los)\s+pulmon(?:es)?\b",
    ),
    "DYSPNEA": (
        # A cough with no strength left to clear phlegm (spec section 3 table, dyspnea).
        r"\b(?:no\s+(?:me\s+|le\s+)?(?:queda|quedan|tengo|tiene)"
        r"|sin|me falta|le falta)\s+(?:\w+\s+)?"
        r"fuerzas?\s+(?:en|para)\s+(?:la\s+|mi\s+|su\s+)?tos\b",
        # Too short of breath to finish a sentence (spec section 3 table, dyspnea: at rest).
        r"\bno\s+(?:puedo|puede|consigo|logro)\s+(?:terminar|acabar|decir|completar)\s+(?:las|mis|una|"
        r"la)\s+(?:frases?|oraci\w+)\b",
        # Mexico "no alcanzo a jalar aire": cannot draw breath (spec section 3, regional speech).
        r"\bno\s+(?:alcanzo|alcanza|alcanzaba|puedo|puede|logro)\s+(?:a\s+)?(?:jalar|agarrar|"
        r"tomar|coger)\s+(?:el\s+|nada de\s+)?aire\b",
        # No air getting in: "no me entra el aire".
        r"\bno (?:me |le |nos |les )?(?:entra|entraba|entro|entran|entraban|ha entrado|habia "
        r"entrado) (?:el |nada de |suficiente |bien el )?aire\b",
        r"\b(?:me|le|nos) falta(?:ba|n)? (?:el )?(?:aire|aliento|respiracion)\b",
        r"\bfalta de (?:aire|aliento)\b",
        r"\b(?:me|se|le) (?:quedo|quede|queda|quedaba)\s+sin "
        r"(?:aire|aliento|respiracion|resuello)\b",
        r"\bsin resuello\b|\bme falta el resuello\b",
        # No breath at all, however put (spec section 3 table, dyspnea): "no tengo aliento".
        r"\bno\s+(?:tengo|tiene|tenia|me queda|le queda|me quedaba)\s+(?:nada de\s+|ni\s+)?"
        r"(?:aliento|resuello)\b",
        # "Se fatiga tumbado" (in much of Spain "fatiga" is breathlessness): breathless lying flat
        # (spec section 3 table, dyspnea).
        r"\b(?:se fatiga|me fatigo|se fatigaba|me fatigaba|fatigad[oa])\s+(?:\w+\s+)?(?:tumbad[oa]|"
        r"acostad[oa]|en la cama|echad[oa])\b",
        # Breathless told by what the person cannot do without stopping for breath (spec section
        # 3 table, dyspnea on little effort): "no podía ni terminar un chiste sin parar a
        # respirar", "tengo que pararme a coger aire a mitad de la frase".
        r"\b(?:parar|pararme|pararse|pararle|paro|paraba|pare|paramos|detenerme|detenerse|"
        r"me detengo|"
        r"me paro|me paraba|se para|se paraba)\s+(?:\w+\s+)?(?:a|para)\s+(?:respirar|coger aire|"
        r"tomar aire|jalar aire|recuperar (?:el )?(?:aire|aliento)|recobrar (?:el )?aliento)\b"
        r"(?!\s+(?:el\s+)?aire\s+(?:puro|fresco|limpio|del|de))",
        # The air does not come back after an episode: "no recuperaba el aire".
        r"\bno\s+(?:\w+\s+)?(?:recupera|recuperaba|recupero|recuperó|recuperaba)\s+(?:el\s+)?"
        r"(?:aire|aliento|respiracion)\b",
        r"\bahog(?:o|os|a|as|an|ue|aba|ada|ado|aita|ito|ándome|andome|arme)\b",
        r"\bdisnea\b",
        # Fighting or struggling for breath, whatever the verb (spec section 3 table, dyspnea:
        # waking up fighting for breath): "peleando por respirar", "luchaba para coger aire".
        r"\b(?:pele|luch|batall|forceje)\w*\s+(?:\w+\s+)?(?:por|para)\s+(?:poder\s+)?(?:respirar|"
        r"coger aire|tomar aire|jalar aire|meter aire|el aire|(?:un poco de |algo de )?aire)\b",
        # Panting, any form: "jadeo", "jadeando", "jadeaba" (spec section 3 table, dyspnea).
        r"\bjade(?:o|os|a|as|an|aba|aban|ando|ante|ar|e|aste)\b",
        r"\b(?:no puedo|no podia|no puede|no pude|sin poder|cuesta|dificultad para|me cuesta)\s+"
        r"respirar\b",
        rf"\brespir\w*\s+{W}{{0,2}}(?:con (?:mucha )?dificultad|mal\b|fatal|muy rapido|rapido|"
        r"superficial\w*|agitad\w*|entrecortad\w*|con esfuerzo)",
        r"\bboque(?:o|a|as|an|aba|aban|ando|ar|e|aste)\b",
        r"\b(?:ando|estoy|me siento|me noto|quedo|queda)\s+(?:bien\s+|muy\s+|re\s+)?agitad[oa]\b",
        r"\b(?:me|te|se|le)\s+sofoc\w*|\bsofoc(?!os?\b|on\b|ones\b)\w*",
        rf"\blabios\s+{W}{{0,3}}(?:morad\w*|azul\w*|gris\w*|amoratad\w*|violeta\w*|cianotic\w*)",
        r"\bcianosis\b",
        r"\b(?:me|se|le)\s+(?:puse|puso|pone|pusieron|ha puesto)\s+(?:\w+\s+)?(?:morad\w*|azul\w*|"
        r"gris\w*|amoratad\w*)",
        rf"\btos\s+{W}{{0,3}}(?:tan\s+)?(?:floj\w*|debil\w*)",
        r"\bno (?:consigo|puedo|soy capaz de|consigue|puede)\s+(?:arrancar|sacar|expulsar|echar)\s+"
        r"(?:las\s+|los\s+)?(?:flemas?|mocos)",
        r"\b(?:no puedo|no podia)\s+(?:dormir|estar)\s+(?:tumbad\w*|acostad\w*|plan\w*)",
        # Spec section 3 table, dyspnea: a cough too weak to clear phlegm, built from a slot of
        # weakness (no strength, cannot) and a slot of coughing or clearing phlegm.
        r"\b(?:no (?:tengo|tiene|me quedan?|le quedan?) fuerzas?|sin fuerzas?|me faltan? fuerzas?|"
        r"le faltan? fuerzas?)\s+(?:ni\s+)?(?:para|de)\s+(?:toser|sacar|expulsar|arrancar|echar)",
        rf"\b(?:flemas?|mocos|secreciones)\s+{W}{{0,3}}(?:se (?:me|le) (?:quedan?|pegan?|atascan?)|"
        r"no (?:salen|sale|las saco|los saco|puedo sacar))",
    ),
    "OXIMETRY": (
        r"\b(?:sat\w*|spo2|sp02|o2|oxigeno|pulsioximetro|oximetro|saturometro|el aparatito|"
        r"el aparato del dedo)\b[^.;!?\n\d]{0,30}?\d{2,3}(?:\s*%)?",
        r"\b\d{2,3}\s*%?\s*(?:de\s+)?(?:saturacion|sat|oxigeno|spo2)\b",
    ),
    "SEIZURE": (
        r"\bconvulsi\w*",
        r"\bcrisis (?:epileptica|convulsiva)\w*",
        r"\bataque (?:epileptico|de epilepsia)\b",
        r"\b(?:me|le|se)\s+(?:dio|da|ha dado|dieron)\s+(?:un|una)\s+(?:ataque|crisis)\b"
        r"(?!\s+de\s+(?:risa|tos|nervios|panico|ansiedad|celos|llanto))",
        r"\b(?:me puse|se puso|se quedo|me quede|estaba)\s+(?:todo\s+|toda\s+|muy\s+)?"
        r"(?:rigid\w*|ties[oa])\b",
        r"\bojos en blanco\b",
        r"\b(?:espuma|echando espuma|echando babas)\s+(?:\w+\s+)?(?:por |en )?(?:la )?boca\b|"
        r"\bechando babas\b",
        r"\bmordido la lengua\b|\bme mordi la lengua\b|\bse mordio la lengua\b",
        r"\b(?:me sacudia|se sacudia|temblaba todo|temblaba entero|sacudidas)\b",
        # Stiff, then the limbs jerking: a tonic-clonic fit as a witness tells it (spec section 3
        # table, seizure: signs others see).
        r"\b(?:rigid[oa]|ties[oa])\b[^.;!?]{0,60}\b(?:brazos|piernas|cuerpo)\b[^.;!?]{0,25}\b"
        r"(?:sacud\w*|convuls\w*|tembl\w*)",
    ),
    "LOC": (
        # Not responding (to people, not to a phone or a treatment): unresponsive.
        r"\b(?:no|sin) (?:respondia|reaccionaba|respondio|reacciono|responder|reaccionar)\b"
        r"(?!\s+(?:al|a los|a las|a mis|a sus|a)\s+(?:telefono|movil|mensajes?|llamadas?|"
        r"whatsapp|tratamiento|medicacion|pastillas))",
        r"\bperd\w*\s+(?:el\s+)?(?:conocimiento|sentido)\b",
        r"\bdesmay\w*",
        rf"\b(?:me encontre|me desperte|aparec\w*|me vi|lo encontre|la encontre)\s+{W}{{0,2}}"
        r"(?:en el suelo|tirad[oa])",
        r"\binconsciente\b|\bsin conocimiento\b",
        r"\b(?:me|se) desplom\w*",
        # "me caí redonda": fell down senseless.
        r"\bca(?:i|yo|ido|igo|er)\s+(?:\w+\s+)?redond[oa]s?\b",
    ),
    "WEIGHT_LOSS": (
        rf"\b(?:he |ha |has |hemos )?(?:perdido|perdi|perdio|perdimos|bajado|baje|bajo|rebajado|"
        rf"rebaje)\s+{W}{{0,3}}(?:\d+(?:[.,]\d+)?\s"
        rf"*)?"
        # "bajé 2 kilos de harina" is carrying, not losing.
        r"(?:kilos?|kg|peso|libras?)\b(?!\s+de\s+(?!peso|golpe|repente|una|sopeton|musculo|grasa)\w)",
        r"\badelgaz\w*",
        r"\bperdida de peso\b",
        rf"\b(?:ropa|pantalones?|falda|cinturon|anillos?|vestidos?|bata|batas|camisas?|chaquetas?|"
        rf"jerseys?|blusas?|abrigos?|sujetador|reloj|chandal|camison)\s+{W}{{0,3}}(?:grande|grandes|"
        r"holgad\w*|cae|caen|baila|bailan|flojos?|flojas?)\b",
        r"\ben los huesos\b|\bpiel y huesos\b|\b(?:cara|mejillas)\s+(?:\w+\s+)?chupad[oa]s?\b",
        # The scales reading less and less, wasting away, new holes in the belt (spec section 3
        # table, weight_loss): "la báscula cada semana marca menos", "me estoy quedando en nada",
        # "dos agujeros más al cinturón".
        r"\b(?:bascula|balanza)\b[^.;!?]{0,30}?\b(?:marca|dice|da|sale|pone)\s+(?:cada vez\s+)?"
        r"(?:menos|un kilo menos|kilos menos)\b",
        # Not "se quedó en nada" (came to nothing): only wasting away as it goes on.
        r"\b(?:quedando(?:me|se)?)\s+en (?:nada|los huesos|na)\b",
        r"\bagujeros?\s+(?:mas\s+)?(?:\w+\s+)?(?:al|en el|del|de)\s+(?:mi\s+|su\s+)?cinturon\b",
        # Weight loss seen on the body (spec section 3 table, weight_loss: signs others see):
        # "se le ven los huesos de la cara", "se me marcan las costillas".
        r"\bse\s+(?:me\s+|le\s+|te\s+)?(?:ven|ve|marcan|marca|notan|nota|salen)\s+(?:mucho\s+|ya\s+|"
        r"todos?\s+|todas\s+)?(?:los|las)\s+(?:huesos|costillas|pomulos|clavicula\w*|vertebras)\b",
        r"\b(?:estoy|esta|se ve|me veo)\s+(?:mas\s+|muy\s+)?(?:delgad\w*|flac\w*)",
        rf"\bpeso\s+{W}{{0,2}}(?:bajando|bajado|baja|menos)\b",
        r"\b(?:he|ha)\s+bajado\b(?!\s+(?:a|al|la|las|el|los|del|de(?!\s+peso)|en|por|con|hasta|"
        r"sol[oa]|andando|caminando|a pie|mi|mis|su|sus|y)\b)",
        r"\bpasado de\s+\d+(?:[.,]\d+)?\s*(?:kg|kilos?)?\s+a\s+\d+(?:[.,]\d+)?"
        r"(?!\s*(?:[.,]\d)|\d|\s*(?:mg|ml|g\b|veces|horas|h\b|min|grados|%|pasos|metros|m\b|km))",
        r"(?<![\w-])-\s?\d+(?:[.,]\d+)?\s*(?:kg|kilos?)\b",
    ),
    "PERSISTENT_COUGH": (
        # A cough log, then "así desde hace cuatro semanas" on its own line: the duration speaks
        # of the cough above it, three weeks or more (spec section 3: wherever it stands).
        r"\b(?:tos|toso|tosiendo)\b[^.;!?]{0,80}?\b(?:asi|igual|lo mismo)\s+desde\s+hace\s+"
        r"(?:(?:tres|cuatro|cinco|seis|siete|ocho|varias|muchas|[3-9]|\d\d)\s+semanas|"
        r"(?:un|1|dos|tres|varios|\d+)\s+mes(?:es)?)\b",
        rf"\btos\w*\s+{W}{{0,3}}(?:que\s+)?no se (?:me |le )?(?:quita|va|cura|pasa|mejora)\b",
        r"\bno se (?:me |le )?(?:quita|va|cura) (?:la|esta|esa) tos\b",
        rf"\b(?:tos|tosi|tose|toso|tosio|tosiendo|toser|tosia)\s+{WN}{{0,3}}sangre",
        rf"\bsangre\s+{WN}{{0,3}}(?:al toser|tos\w*|flema\w*|esputo\w*|moco\w*)",
        rf"\b(?:flemas?|esputos?|escup\w*|mocos?|gargajos?)\s+{WN}{{0,3}}(?:sangre|sanguinolent\w*|"
        r"hilillos de sangre|rojo|rojas?|rosad[oa]s?|rosa|rosita)",
        r"\bhemoptisis\b",
        # Red or pink streaks in the sputum (spec section 3 table: coughing up blood): "hilillos
        # rojos en el esputo", "vetas rosadas en las flemas".
        r"\b(?:roj|rosad|sanguinolent|granat)\w*\s+(?:\w+\s+){0,3}?(?:en|con)\s+(?:el|la|los|las|mi|mis"
        r")?\s*(?:esputos?|flemas?|mocos?|gargajos?)\b",
        r"\b(?:al toser|tosiendo|tosi|tose|toso)\b(?:(?!\b(?:sin|no|ni|nada)\b)[^.;!?]){0,60}"
        r"\bsangre\b",
        r"\btos (?:cronica|persistente|continua|constante|que no para)\b",
        # Still coughing, as English "still coughing" (spec section 3 table: a cough that will
        # not clear): "sigo tosiendo", "sigo con la tos", "la tos sigue ahí", "todavía toso".
        r"\b(?:sigo|sigue|seguimos)\s+(?:con\s+)?(?:(?:la|esta|esa|mucha|algo de)\s+)?"
        r"(?:tos\b|tosiendo)|\b(?:todavia|aun)\s+(?:\w+\s+){0,2}?(?:tos\b|tosiendo|toso\b)|"
        r"\btos\s+(?:\w+\s+){0,5}?(?:sigue|todavia|aun)\b",
    ),
    # Diminutives too: "tosecilla", "tosita", "tosecica" (spec section 3: everyday phrasing).
    "COUGH": (
        r"\b(?:tos|tos(?:ecit|ecill|ecic|it|ill)[ao]s?|tos(?:o|es|e|en|i|io|iendo|er|ia|ian|a))\b",
    ),
    "CHEST_PAIN": (
        # Pain in the middle of the chest, words of strength between (spec section 3 table).
        r"\b(?:dolor\w*|opresion|presion|peso|ardor)\s+(?:\w+\s+){0,3}?(?:en|por)\s+(?:el\s+)?"
        r"(?:medio|mitad|centro)\s+del\s+pecho\b",
        rf"\b(?:dolor\w*|duele|dolia|molestia\w*|opresion|presion|pinchazo\w*|punzada\w*|"
        rf"tirantez|peso|aprieta)\s+{W}{{0,3}}(?:en el |del |de |al |el )?(?:pecho|torax|esterno"
        rf"n)\b",
        rf"\b(?:me\s+|le\s+)?(?:duel\w*|doli\w*)\s+{W}{{0,2}}(?:el )?pecho\b",
        r"\bdolor toracico\b|\bangina de pecho\b",
        # Pain on one side or part of the chest (spec section 3 table, chest_pain): "dolorcillo
        # sordo en el lado izquierdo del pecho", "molestia en la parte de arriba del pecho".
        r"\b(?:dolor\w*|molestia\w*|pinchazo\w*|punzada\w*|opresion|presion)\s+(?:\w+\s+){0,3}?"
        r"(?:en|por)\s+(?:el|la)\s+(?:lado|parte|zona|costado)\s+(?:\w+\s+){0,3}?del\s+pecho\b",
        rf"\bpecho\s+{W}{{0,3}}(?:apretado|oprimido|cerrado|cargado|tirante|pesado|encogido|"
        r"agarrotado|como (?:atado|atenazado|en un puno))\b",
        # Not sure whether chest or back, a pain told (spec section 3, hedged is flagged): "no sé
        # si es el pecho o la espalda, una molestia sorda".
        r"\bpecho (?:o|u|y) (?:de |en )?(?:la |el |las )?(?:espalda|estomago|costado|costillas|"
        r"boca del estomago)\b[^.;!?]{0,40}?\b(?:molestia|dolor|pinchazo|punzada|opresion|presion|"
        r"ardor|quemazon)\w*",
        # A hand held to the chest, as others see it (spec section 3: signs others see).
        r"\b(?:con|se llevo|se lleva|se llevaba|llevandose|puso|ponia|poniendose)\s+"
        r"(?:la|las|una)\s+manos?\s+(?:en|sobre|al)\s+(?:el\s+)?pecho\b|"
        r"\b(?:agarrandose|sujetandose|apretandose|tocandose|se agarr\w*|se sujet\w*)\s+"
        r"el\s+pecho\b",
        rf"\b(?:me|le)\s+(?:pincha|pinchaba|aprieta|apretaba|oprime|arde|ardia|quema)\w*\s+{W}{{0,2}}"
        r"(?:el )?pecho\b",
    ),
    "SEVERE_CHEST_PAIN": (r"\binfarto\b", r"\bataque (?:al|de) corazon\b"),
    "STROKE": (
        r"\bictus\b|\bderrame cerebral\b|\baccidente cerebrovascular\b|\bembolia\b",
        rf"\b(?:boca|cara|labio|comisura)\s+{W}{{0,3}}(?:torci\w*|caid\w*|ladead\w*|dormid\w*|"
        r"paraliz\w*|colgando|desviad\w*)",
        rf"\b(?:torci\w*|paraliz\w*|dormid\w*|caid\w*)\s+{W}{{0,3}}(?:la boca|la cara|media cara"
        rf")\b",
        rf"\bse (?:me |le )?(?:durmio|ha dormido|quedo dormid\w*|paralizo)\s+{W}{{0,2}}"
        r"(?:el |la )?(?:lado|mitad|brazo|pierna|cara|medio cuerpo|media cara)",
        rf"\b(?:lado|mitad)\s+{SIDE}\s+{W}{{0,4}}(?:dormid\w*|paraliz\w*|"
        r"sin fuerza|debil\w*|entumecid\w*|no (?:lo |la )?puedo mover)",
        r"\barrastr\w*\s+(?:la |el )?(?:pierna|pie)\b",
        rf"\b(?:brazo|pierna|mano)\s+{SIDE}\s+{W}{{0,3}}(?:sin fuerza|dormid\w*|"
        r"paraliz\w*|no (?:lo |la )?puedo (?:levantar|mover)|muert\w*|flojo|debil\w*)",
    ),
    "SPEECH": (
        rf"\b(?:hablo|hablar|habla|hablaba|hablando|empece a hablar)\s+{W}{{0,2}}(?:raro|rara|"
        r"como (?:un |una )?borrach\w*|arrastrando|gangos\w*|trabad\w*|enredad\w*|sin sentido|"
        r"cosas sin sentido|pastos\w*)",
        r"\bse (?:me |le )?traba\w*\s+(?:la lengua|las palabras)",
        r"\blengua trabada\b",
        r"\barrastr\w* las palabras\b",
        r"\b(?:no me salen|no encuentro|no le salen|no encuentra) las palabras\b",
        r"\b(?:habla|voz)\s+(?:arrastrada|pastosa|confusa|rara)\b",
        r"\bdisartri\w*",
    ),
    "LIMB_ONE_SIDE": (
        r"\b(?:no (?:puedo|podia|pude|pudo|puede)|sin poder)\s+(?:mover|levantar|sentir|usar)\s+"
        rf"(?:el|la|mi|su)\s+(?:brazo|pierna|mano)\s+{SIDE}",
        rf"\b(?:brazo|pierna|mano)\s+{SIDE}\s+{W}{{0,2}}(?:muert\w*|dormid\w*|"
        r"sin fuerza|flojo|floja|debil|entumecid\w*|paralizad\w*)",
        # One hand that suddenly cannot hold a thing (spec section 3 table, stroke_signs: sudden
        # one-sided weakness): "de golpe no podía sostener la taza con la mano derecha".
        r"\b(?:no (?:puedo|podia|pude|pudo|puede)|sin poder)\s+(?:sostener|sujetar|agarrar|coger|"
        rf"aguantar)\s+(?:\w+\s+){{0,3}}?con (?:la|mi|su) mano {SIDE}",
        r"\b(?:brazo|pierna|mano)\s+(?:\w+\s+){0,2}?como muert[oa]\b",
        # One side's limb that will not obey (spec section 3 table, stroke_signs when sudden):
        # "pierna dcha no responde", "el brazo izquierdo no se mueve".
        rf"\b(?:brazo|pierna|mano|pie)\s+{SIDE}\s+(?:ya\s+)?no\s+(?:me\s+|le\s+|se\s+)?"
        r"(?:responde|obedece|mueve|va|funciona|"
        r"respondia|obedecia|movia)\b",
    ),
    "CEREBELLAR": (
        rf"\bcamin\w*\s+como\s+(?:si\s+)?{W}{{0,2}}borrach\w*",
        # "camino como si hubiera bebido": walking as if drunk, however it is put.
        r"\b(?:camin\w*|ando|andaba|voy|iba)\s+como si\s+(?:hubiera|hubiese|estuviera|estuviese)\s+"
        r"(?:bebid[oa]|borrach\w*|tomad[oa]|maread[oa]\w*)",
        r"\babriendo (?:mucho )?las piernas\b",
        r"\btambale\w*",
        r"\btorpe\w*",
        r"\bno atino\b|\bsin atinar\b|\bno acierto\b",
        r"\bdesequilibr\w*|\b(?:pierdo|perdiendo|pierde) el equilibrio\b",
        r"\bdando tumbos\b|\btumbos\b",
        r"\bse (?:me |le )?choca\w* con (?:las |los )?(?:puertas|paredes|muebles|marcos)",
        r"\binestab\w*",
        r"\bataxi\w*",
        rf"\bequilibrio\s+{W}{{0,1}}(?:fatal|mal|peor|fallando)\b",
        r"\bagarrandome a las paredes\b|\bme agarro a las paredes\b",
    ),
}

SYMPTOM_TARGETS: dict[str, tuple[str, ...]] = {
    "proximal_leg_weakness": (
        rf"\bpiernas?\s+{W}{{0,3}}(?:floj\w*|debil\w*|pesad\w*|no me responden|no responden|"
        r"sin responder|"
        r"de trapo|de gelatina|cansad\w*|temblon\w*|como de plomo|fatal|fatales|pesan\w*|pesaban|"
        r"fallan|fallaban|fallaron|flaquean|flaqueaban|rigid\w*|agarrotad\w*)",
        # The verb first: "me fallan las piernas", "se me doblan las rodillas" (spec section 2).
        r"\b(?:me|le|se me|se le)\s+(?:fallan|fallaban|fallaron|flaquean|flaqueaban|pesan|pesaban|"
        r"tiemblan|temblaban|flojean|doblan|doblaban|doblaron)\s+(?:las\s+|mis\s+)?(?:piernas|rodillas)\b",
        # Thighs and stairs, however the trouble is put (spec section 2: proximal leg weakness):
        # "muslos flojos", "le costó subir la escalera", "no podía con las escaleras".
        rf"\bmuslos?\s+{W}{{0,2}}(?:floj\w*|debil\w*|pesad\w*|cansad\w*|sin fuerza)",
        r"\b(?:no (?:puedo|podia|pude|pudo|puede)|me cuesta\w*|le cuesta\w*|me cost\w*|"
        r"le cost\w*)\s+"
        r"(?:\w+\s+){0,2}?(?:con|subir)\s+(?:las?\s+)?escaleras?\b",
        rf"\b(?:cuesta\w*|cost\w*|no puedo|no pude|dificultad para)\s+{W}{{0,2}}(?:levantar(?:me"
        rf"|se)|"
        r"subir (?:las )?escaleras|ponerme de pie)",
        r"\brodillas\s+(?:\w+\s+)?(?:doblaron|fallan|fallaron|flojas)",
    ),
    "proximal_arm_weakness": (
        rf"\bbrazos?\s+{W}{{0,2}}(?:floj\w*|debil\w*|pesad\w*|cansad\w*|sin fuerzas?)",
        rf"\b(?:no puedo|no puede|no pude|cuesta\w*)\s+{W}{{0,1}}levantar los brazos",
        r"\b(?:me|le)\s+(?:pesan|pesaban|fallan|fallaban|flaquean|tiemblan)\s+(?:los\s+|mis\s+)?brazos\b",
        # "los brazos no me daban" (no strength left in them).
        r"\bbrazos\s+(?:ya\s+)?no\s+(?:me|le)\s+(?:dan|daban|dieron|aguantan|aguantaban|responden|"
        r"respondian)\b",
        # Arms told by a task overhead (spec section 2: proximal arm weakness): "no puedo tender
        # la ropa con los brazos arriba", "no podía levantar los brazos", "me cuesta peinarme".
        r"\b(?:no (?:puedo|podia|pude|pudo|puede|levanto|levantaba|levanta)|tampoco (?:levanto|"
        r"levantaba|podia|puedo)|me cuesta\w*|le cuesta\w*|me cost\w*|le cost\w*)\s+"
        r"(?:\w+\s+){0,4}?(?:los|mis|sus)\s+brazos\b",
        r"\b(?:no (?:puedo|podia|pude|pudo|puede)|me cuesta\w*|le cuesta\w*|me cost\w*|"
        r"le cost\w*)\s+"
        r"(?:\w+\s+){0,1}?(?:peinar\w*|lavar(?:me|le|se)? (?:el|la) (?:pelo|cabeza)|"
        r"secar(?:me|le|se)? "
        r"el pelo|tender (?:la )?ropa|colgar (?:la )?ropa)\b",
    ),
    "distal_weakness": (
        rf"\b(?:no puedo|cuesta\w*)\s+{W}{{0,1}}abrir\s+{W}{{0,1}}(?:botes|frascos|tarros)",
        r"\bmanos\s+(?:\w+\s+)?(?:debiles|sin fuerza|flojas)\b",
        r"\bno\s+(?:puedo|pude|puede|podia)\s+abrir\s+(?:el|los|la|las)\s+(?:frascos?|botes?|tarros?)\b",
        r"\b(?:no tengo|no tiene|sin)\s+fuerza\s+en\s+las\s+manos\b",
    ),
    "neck_weakness": (
        rf"\bcuello\s+{W}{{0,2}}(?:no (?:me )?aguanta|debil|cansad\w*|floj\w*|sin fuerza)",
        r"\bcabeza\s+(?:me\s+)?pesa\b",
        # "me pesa la cabeza", "me cuesta sostenerla" (spec section 2: neck weakness).
        r"\b(?:me|le)\s+pesa(?:ba)?\s+(?:mucho\s+)?la cabeza\b",
        r"\b(?:cuesta\w*|cost\w*|no puedo|no puede)\s+(?:sostener|aguantar|mantener)"
        r"(?:la|me la|le la)\b",
        r"\b(?:cuesta\w*|no puedo|no puede)\s+(?:sostener|aguantar|mantener)\s+(?:la\s+)?cabeza\b",
    ),
    "muscle_aches": (r"\bdolores musculares\b|\bagujetas\b|\bcalambres?\b|\bmialgi\w*",),
    "fatigue": (
        r"\b(?:cansad\w*|cansancio|agotad\w*|agotamiento|molid[oa]|hech[oa] polvo|sin fuerzas|"
        r"fatiga\w*|reventad[oa]|rendid[oa])\b",
    ),
    "falls": (
        r"\b(?:me cai|se cayo|caida|tropec\w*|tropiez\w*|casi me caigo)\b",
        # Feet catching on the rug: foot drop, tripping (spec section 2).
        r"\bse (?:me |le )?enganchan? (?:los pies|el pie)\b|"
        r"\b(?:pies?)\s+se (?:me |le )?enganchan?\b",
    ),
    "dry_mouth": (
        r"\bboca\s+(?:\w+\s+)?seca\b|\bsequedad de boca\b|\bsabor metalico\b",
        # The mouth told by an image or its taste (spec section 2: dry mouth): "la boca como un
        # estropajo", "boca pastosa", "sabor a metal", "casi sin saliva".
        r"\bboca\s+(?:\w+\s+){0,2}?(?:pastosa|reseca|como (?:un |una |de |el |la )?(?:estropajo|"
        r"esparto|lija|suela|corcho|papel|carton|arena|desierto|zapato))\b",
        r"\bsabor\s+(?:a\s+)?metal\w*|\bgusto\s+(?:a\s+)?metal\w*",
        r"\b(?:poca|apenas|sin|nada de|casi sin|casi nada de)\s+saliva\b",
    ),
    "constipation": (
        r"\bestren\w*",
        # Bowels not opening, however put (spec section 2: constipation): "llevo 4 días sin
        # hacer de vientre", "no voy de cuerpo", "sin evacuar".
        r"\b(?:sin|no)\s+(?:\w+\s+){0,2}?(?:hacer|hago|hace|hecho|ir|voy|va|ido|iba)\s+"
        r"(?:de\s+vientre|del\s+vientre|de\s+cuerpo|caca|popo)\b",
        r"\b(?:sin|no)\s+(?:\w+\s+){0,2}?(?:evacu\w*|depon\w*|cagar|cago|cagado|obrar|obro)\b",
    ),
    "erectile_dysfunction": (r"\berecci\w*|\bimpoten\w*",),
    "dizziness_on_standing": (
        r"\bmare\w*|\baturdid\w*|\bse me nublo la vista\b|\bvahido\b",
        # "Al levantarme se me va la cabeza": light-headed on standing (spec section 2).
        r"\bse (?:me|le) (?:va|iba|fue|ha ido)\s+(?:(?!de\b)\w+\s+){0,2}?la cabeza\b",
    ),
    "reduced_sweating": (
        r"\b(?:casi |ya casi |apenas )?no sudo\b|"
        r"\bsudo (?:(?:mucho|muy|bastante)\s+)?(?:menos|poco)\b",
    ),
    "blurred_vision": (r"\bborros\w*|\bvista nublada\b",),
    "drooping_eyelids": (
        rf"\bparpados?\s+{W}{{0,2}}(?:caid\w*|pesad\w*|se (?:me )?cae\w*)",
        r"\bse (?:me |le )?caen? (?:el|los) parpados?\b|\bptosis\b",
        # Eyes that close by themselves, heavy lids (spec section 2: drooping eyelids).
        r"\bse (?:me |le )?cierran? (?:solos? )?(?:el ojo|los ojos)\b(?!\s+de\s+sueno)|"
        r"\b(?:me|le)\s+pesan?\s+(?:mucho\s+)?(?:el|los)\s+parpados?\b",
    ),
    "double_vision": (r"\b(?:veo|veia|ve) doble\b|\bvision doble\b|\bdiplopia\b",),
    "slurred_speech": (r"\bvoz\s+(?:nasal|debil|gangosa)\b|\bgangos\w*",),
    "chewing_difficulty": (
        rf"\bmandibula\s+{W}{{0,2}}(?:cansa\w*|se cansa)|\bse (?:me |le )?cansa la mandibula\b",
        r"\bcuesta masticar\b|\bmasticar (?:me )?cansa\b",
    ),
    "tingling": (r"\bhormigue\w*|\bentumecid\w*|\badormecid\w*|\bparestesi\w*|\bcosquilleo\b",),
}

PSEUDO_PATTERNS: tuple[str, ...] = (
    # Who tells what was seen is not who had it: "according to my sister, I had a fit" (spec
    # section 3: signs others see are the patient's).
    rf"\bsegun\s+(?:mi|mis)\s+{FAMILY_WORDS}\b",
    # "otherwise ok" is about the rest, not a denial of what was just said (spec section 3).
    r"\bpor lo demas (?:bien|todo bien|normal)\b",
    # "until it passed" measures an episode; it does not say the symptom has cleared up.
    r"\bhasta que (?:se )?(?:me |le )?(?:paso|pasara|calmo|fue)\b",
    # Hedges are flagged (spec section 3).
    # "No se ha atragantado" is a reflexive verb denied, not "no sé" (spec section 3, negated).
    r"\bno (?:se|sé) si\b|\bno estoy segur[oa]\b|\bno lo se\b|\bno se\b(?!\s+(?:ha|han|habia|"
    r"habian)\s+(?:atragant|ahog|ator|desmay|caid|mare|convuls)\w*"
    # A contrast after it may tell the writer's own: the old reading is kept there.
    r"(?![^.;!?]*\b(?:pero|aunque|sino)\b))",
    # The negation is part of the symptom: "no puedo tragar", "no se me quita".
    r"\bno (?:puedo|pude|podia|pudo|puede|consigo|consigue|soy capaz)\b",
    # "No puedo tragar bien", "no respiro bien": cannot do it well, not "fine" (which negates).
    r"\bno\s+(?:me\s+|le\s+)?(?:puedo|pude|podia|pudo|puede|consigo|consigue|conseguia|logro|"
    r"logra)\s+(?:\w+\s+){0,2}?(?:bien|normal|con normalidad)\b",
    r"\bno\s+(?:me\s+|le\s+)?(?:trago|traga|tragaba|respiro|respira|respiraba)\s+(?:\w+\s+)?"
    r"(?:bien|normal)\b",
    r"\bno se (?:me |le )?(?:quita|va|cura|pasa|mejora)\b",
    r"\bno (?:me |le )?(?:pasa|pasan|baja|bajan|entra|entran|salen)\b",
    # "no pasaba ni con agua": not even with water, the food stuck (spec section 3 table,
    # dysphagia); "ni" repeats the symptom's own negation and denies nothing after it.
    r"\bno (?:me |le )?(?:pasaba|pasaban|bajaba|bajaban|entraba|entraban|paso|bajo)\b",
    r"\bni (?:siquiera )?con (?:el |la |un |una )?(?:agua|liquido\w*|bebida|leche|zumo|cafe|"
    r"caldo)\b",
    r"\bno (?:es\s+)?(?:muy|nada|tan)?\s*(?:fuerte|intens[oa]|grave)\b|\bnada fuerte\b",
    r"\bno (?:mejora|para|cede)\b|\bno es normal\b|\bnunca me (?:habia|ha) pasado\b|"
    r"\bnunca me paso\b|\bantes no\b|\bno he bebido\b|\bno atino\b|\bno acierto\b",
    r"\bsin mas\b|"
    r"\bsin poder\b|\bsin saber\b|\bsin (?:hacer |estar a )?dieta\b|\bsin (?:querer|proponer\w*|"
    r"buscarlo|motivo|razon|intentarlo)\b|\bno (?:estoy|esta|estaba) a dieta\b|\bno intencionad\w*",
    r"\b(?:casi |ya casi |apenas )?no sudo\b",
    r"\bpor si acaso\b",
    # "No podía ni terminar un chiste sin parar a respirar": cannot do it without stopping, so
    # the stop is stated, not denied (spec section 3 table, dyspnea on little effort).
    r"\bno\s+(?:puedo|podia|pude|puede|pudo|consigo|conseguia|soy capaz de|era capaz de)\s+"
    r"(?:ni\s+)?(?:\w+\s+){0,4}?sin\s+(?:parar|pararme|pararse|detenerme|detenerse)\b",
    # A severity word that is denied ("nada terrible", "no es intenso") is not severe (spec
    # section 3 table: severe_chest_pain needs a severe pain).
    r"\b(?:nada|no es|no era|ni)\s+(?:tan |muy |demasiado )?(?:terrible|horrible|insoportable|"
    r"intens\w*|brutal|atroz|aplastante)\b",
    # A denied diet ("no está haciendo ninguna dieta") does not make a loss intended.
    slots.denied_diet("es"),
)

CUES: tuple[Cue, ...] = (
    Cue("PSEUDO", "PSEUDO", PSEUDO_PATTERNS),
    Cue(
        "CONTRAST",
        "PSEUDO",
        (
            r"\b(?:pero|aunque|sin embargo|excepto|salvo|solo|solamente|eso s[ií]|en cambio|sino|"
            r"por lo demas|lo demas)\b",
        ),
        max_scope=TERMINATOR_SCOPE,
    ),
    Cue(
        "SELF",
        "PSEUDO",
        (
            r"\b(?:yo|conmigo)\b",
            # "Mi hermana dice que hablo raro": what another person notices about the writer.
            r"\b(?:dice|dicen|decia|cree|creen|nota|notan|noto|ve|ven|piensa|comenta|opina|"
            r"dijo|me dijo) que\b",
        ),
        max_scope=TERMINATOR_SCOPE,
    ),
    # "me" sits between "no" and its verb ("no me tambaleo"), so it ends only "mi madre...".
    Cue("SELF_CLITIC", "PSEUDO", (r"\bme\b",), max_scope=TERMINATOR_SCOPE),
    Cue(
        "OWN",
        "PSEUDO",
        (
            rf"\b(?:mi|mis)\b(?!\s+(?:{FAMILY_WORDS}|{OTHER_WORDS})\b)",
            # "está ingresado", "está en la UCI": the verb "está" folds to "esta" (this); the
            # verb names no owner (spec section 3, another person).
            r"\b(?:esta(?!\s+(?:\w+(?:ado|ada|ido|ida|ando|iendo)|en|con|bien|mal|muy|mejor|peor|"
            r"fatal|regular|como|de|que|hecho|hecha|malit[oa])\b)|este|estos)\b",
        ),
        max_scope=TERMINATOR_SCOPE,
    ),
    Cue("COMMA", "PSEUDO", (r",", r"\bentonces\b", r"\basi que\b"), max_scope=TERMINATOR_SCOPE),
    Cue(
        "CLAUSE_END",
        "PSEUDO",
        # A header ("Cuidadora:", "(escribe su nieto)") ends before what it introduces.
        (r",\s*(?:y\s+)?(?:hoy|ahora|ademas)\b", r":", r"\)"),
        max_scope=TERMINATOR_SCOPE,
    ),
    Cue(
        "CURRENT",
        "PSEUDO",
        (
            r"\b(?:ahora|hoy|actualmente|otra vez|de nuevo|todavia|aun|sigo|ultimamente|vuelve|v"
            r"olvio)\b(?<!nunca volvio)(?<!no volvio)(?<!nunca mas volvio)",
        ),
        max_scope=TERMINATOR_SCOPE,
    ),
    Cue(
        "NEGATED",
        "FORWARD",
        (
            r"\bno\b",
            r"\bni\b",
            r"\bnunca\b|\bjamas\b",
            r"\bsin\b",
            r"\b(?:niega|nego|niegan)\b",
            r"\b(?:nada de|ningun|ninguna|ausencia de|tampoco)\b",
        ),
        terminated_by=frozenset({"CONTRAST", "SELF", "OWN", "CLAUSE_END"}),
        max_scope=NEGATION_REACH,
    ),
    Cue(
        "NEGATED",
        "BACKWARD",
        (
            # "Hoy: no me atraganté" negates forward; "Tos: no." backward (spec section 3).
            r"[:=]\s*(?:nada|normal|bien|ok|negativo)\b",
            r"[:=]\s*(?:no|ninguno|ninguna)\b(?=\s*(?:[-.,;!?)\n]|$|hoy\b|ayer\b|esta\b|desde\b))",
            r"\?\s*(?:no|nada|ninguno|ninguna|nunca|para nada|normal|bien|tampoco)\b"
            # "¿...? No lo veo claro": a "no" opening a clause is no answer (hedged: flagged).
            r"(?!\s+(?:se|lo|la|le|los|las|me|te|estoy|sabria|puedo|creo|veo|recuerdo|tengo)\b)",
            # "bien fuerte", "bien feo": "bien" before an adjective is "very", not "fine".
            r"\b(?:bien|normal|ok|perfecto)\b(?!\s+(?:de|desde|hasta|fuertes?|feos?|feas?|mal|"
            r"duros?|duras?|raros?|raras?|intensos?|intensas?|cansad\w*|apretad\w*|agitad\w*))"
            r"(?!\s*\?)|"  # asked, not answered (spec section 3): "me falta el aire, normal?"
            r"\bsin problemas?(?=\s*(?:"
            r"[.,;!]|$))",
        ),
        terminated_by=frozenset({"CONTRAST"}),
        max_scope=NORMAL_REACH,
    ),
    Cue(
        "FAMILY",
        "FORWARD",
        (
            rf"(?<!con )\b(?:(?:a |al )?(?:mi|mis|su|sus|tu|nuestr[oa]|el|la|al))\s+{FAMILY_WORDS}"
            rf"\b",
            rf"(?:\A\s*|(?<=[.!?;:\n]\s)|(?<=[.!?;:\n])){FAMILY_WORDS}\b",
            r"(?:\A\s*|(?<=[.!?;:\n]\s))ella\b",
            # Kin named as a name after a preposition: "me acordé de papá, adelgazó" (spec
            # section 3, another person); not the breast ("cáncer de mama", "operada de mama").
            r"(?<!cancer )(?<!tumor )(?<!carcinoma )(?<!operada )(?<!operado )(?<!biopsia )"
            r"(?<!ecografia )(?<!nodulo )(?<!bulto )(?<!protesis )"
            r"\b(?:de|a|para|por)\s+(?:papa|mama|papi|mami|abuelita|abuelito|yaya|yayo)\b",
        ),
        terminated_by=frozenset({"CONTRAST", "SELF", "SELF_CLITIC", "OWN", "CLAUSE_END"}),
        max_scope=OTHER_PERSON_REACH,
    ),
    Cue(
        "OTHER_PERSON",
        "FORWARD",
        (
            rf"\b(?:(?:a |al )?(?:mi|mis|su|sus|tu|nuestr[oa]|el|la|al|los|las|un|una))\s+"
            rf"(?:{FAMILY_WORDS}\s+de\s+(?:mi|mis|su)\s+)?{OTHER_WORDS}\b",
            rf"\b(?:el|la|al)\s+{FAMILY_WORDS}\s+de\s+(?:mi|su)\s+{OTHER_WORDS}\b",
            rf"(?:\A\s*|(?<=[.!?;\n]\s)){OTHER_WORDS}\b",
            # Someone else's relative, named by a relative clause: "Jean, whose husband had...".
            rf"\bcuy[oa]s?\s+{FAMILY_WORDS}\b",
            r"\b(?:alguien|otra persona|otros pacientes|la gente|un senor|una senora)\b",
        ),
        terminated_by=frozenset({"CONTRAST", "SELF", "SELF_CLITIC", "OWN", "CLAUSE_END"}),
        max_scope=OTHER_PERSON_REACH,
    ),
    Cue(
        "HYPOTHETICAL",
        "FORWARD",
        (
            # "me dijo que si algún día me atraganto": "que si" + a clause is an "if".
            r"(?<!pues )(?<!eso )(?<!como )\bsi\b(?!\s*[,.!?]|\s+(?:que|senor|claro)\b)",
            r"\b(?:en caso de|por si|y si|que hago si|que pasa si|a quien llamo|a quien llamar)\b",
        ),
        terminated_by=frozenset({"CONTRAST", "CLAUSE_END", "COMMA"}),
    ),
    Cue(
        "HYPOTHETICAL",
        "FORWARD",
        (
            r"\b(?:miedo|temor|riesgo|peligro|posibilidad) (?:a|de|que)\b",
            r"\b(?:puede|podria|pueden) (?:el lems|la enfermedad|el sindrome|la medicacion|"
            r"la amifampridina) (?:causar|provocar|dar)\b",
            r"\b(?:efectos? secundarios?|prospecto)\b",
            # What a drug "can give" is a question about it, and a dream is not an event.
            r"\b(?:puede|podria|pueden|podrian) (?:dar|causar|provocar|producir)\b",
            r"\b(?:sone|sono|soniado|sonaba) (?:que|con)\b|\b(?:pesadilla|en suenos)\b",
            r"\b(?:me pregunto|me preguntaron|me dijeron que (?:vigilara|avisara|llamara))\b",
            r"\ben el futuro\b|\b(?:prevenir|evitar)\b",
        ),
        terminated_by=frozenset({"CONTRAST", "CLAUSE_END", "COMMA", "OWN"}),
    ),
    Cue(
        "HISTORICAL",
        "BIDIRECTIONAL",
        (
            r"\b(?:el|la) (?:ano|invierno|verano|otono|primavera|navidad) pasad[oa]\b",
            r"\bhace (?:\w+\s+)?(?:anos|decadas)\b|\bhace (?:mucho|tiempo)\b",
            r"\bde (?:pequen[oa]|nin[oa]|joven|chic[oa]|adolescente|crio|cria|chaval\w*)\b|"
            r"\bcuando era (?:pequen[oa]|nin[oa]|joven|adolescente|chic[oa])\b|"
            r"\ben (?:mi|la) (?:infancia|juventud|adolescencia|ninez)\b",
            # "nada en 40 años", "nunca más en 30 años": one event long ago, nothing since.
            r"\b(?:nada|nunca mas|ninguna mas|ni una mas)\s+(?:desde entonces\s+)?"
            r"(?:en|desde hace)\s+"
            r"(?:\d+|muchos|tantos)\s+anos\b",
            r"\ben (?:19|20)\d\d\b|\bantes del diagnostico\b|\bhistoria de\b|\bantecedentes? de\b",
            # "El dolor de pecho de 2018": a symptom dated by a past year.
            r"(?<!desde )(?<!hasta )\bde(?:l)? (?:ano )?(?:19|20)\d\d\b",
        ),
        terminated_by=frozenset({"CONTRAST", "CURRENT"}),
    ),
    Cue(
        "RESOLVED",
        "BACKWARD",
        (
            r"\b(?:ya\s+)?se (?:me |le )?(?:curo|paso|quito|fue|ha pasado|ha ido|ha curado)\b",
            r"\bya (?:esta|estoy) (?:bien|curad[oa])\b|\bya olvidad[oa]\b",
            r"\bse (?:me |le )?esta (?:quitando|pasando|curando)\b|\bya bien\b|\by bien\b|"
            r"\bluego bien\b|\bya esta\b",
            r"\b(?:nunca|no)\s+(?:mas\s+)?(?:ha\s+)?(?:volvio|vuelto|repitio|repetido)\b",
        ),
        terminated_by=frozenset({"CURRENT"}),
    ),
    Cue(
        "STOPPED",
        "BACKWARD",
        (r"\bno (?:he vuelto a|ha vuelto a) (?:tener|pasar)\b",),
        terminated_by=frozenset({"CONTRAST", "CURRENT"}),
    ),
    Cue(
        "INTENDED",
        "BIDIRECTIONAL",
        (
            r"\b(?:dieta|a dieta|regimen|adelgazar a proposito|queria adelgazar|quiero adelgazar|"
            r"intencionad\w*|a proposito|ayuno intermitente|ozempic|wegovy|mounjaro|gimnasio|"
            r"contenta|contento|feliz)\b",
        ),
        terminated_by=frozenset({"CONTRAST"}),
        allowed_types=frozenset({"WEIGHT_LOSS"}),
    ),
    Cue(
        "BENIGN_CAUSE",
        "BIDIRECTIONAL",
        (
            r"\b(?:corri\w*|correr|corriendo|autobus|cuesta arriba|subir la cuesta|deporte|"
            r"gimnasio|bici\w*|"
            r"nadar|nadando|bail\w*|sevillanas|reir\w*|subir corriendo)\b",
            r"\bsub(?:i|io|imos|iendo|ir) (?:\w+ )?(?:la|una) cuesta\b|\ba buen paso\b",
        ),
        allowed_types=frozenset({"DYSPNEA"}),
    ),
    Cue(
        "BENIGN_CAUSE",
        "BIDIRECTIONAL",
        (
            r"\b(?:fabada|cocido|comilona|comida copiosa|ardor|acidez|reflujo|almax|omeprazol|"
            r"gaviscon|indigesti\w*)\b",
        ),
        allowed_types=frozenset({"CHEST_PAIN"}),
    ),
    Cue(
        "QUICK_RECOVERY",
        "BIDIRECTIONAL",
        (
            r"\b(?:al|en un|a los pocos|en unos|en pocos) (?:minutos?|momentos?|rato|segundos?)\b",
            r"\b(?:a los|en|tras|al cabo de)\s+(?:dos|tres|cinco|pocos|unos|\d)\s+"
            r"(?:minutos?|segundos?)\b",
            r"\benseguida\b|\ben seguida\b|\bal momento\b|\bse me paso\b",
            r"\ben (?:\d+|unos|pocos|dos|cinco|diez) (?:minutos|segundos|min)\b",
        ),
        allowed_types=frozenset({"DYSPNEA", "CHEST_PAIN"}),
    ),
    Cue(
        "FAINT_RECOVERY",
        "BIDIRECTIONAL",
        (
            r"\bvolvi\w* en (?:mi|s[ií])\s+(?:\w+\s+)?(?:enseguida|en seguida|al momento|rapido|"
            r"en (?:unos )?segundos)",
            r"\bde (?:estar\s+)?(?:tanto\s+)?(?:tiempo\s+)?de pie\b",
            r"\bme levante (?:muy )?(?:rapido|de golpe)\b",
        ),
        allowed_types=frozenset({"LOC"}),
    ),
    Cue(
        "SUDDEN",
        "BIDIRECTIONAL",
        (
            r"\bde repente\b|\bderepente\b|\bde golpe\b|\bde pronto\b|\brepentin\w*|\bsubit\w*|"
            r"\bbrusc\w*|\bde un momento a otro\b|\bsin avisar\b",
            r"\bhace (?:media hora|una hora|un rato|\d+ minutos|unos minutos|dos horas)\b",
        ),
        allowed_types=frozenset({"STROKE", "SPEECH", "CHEST_PAIN", "CEREBELLAR", "LIMB_ONE_SIDE"}),
    ),
    # Waking with a stroke sign is an onset nobody saw, so it counts as sudden; chest tightness
    # "on waking" is a time of day, not a sudden onset (severe_chest_pain needs more).
    Cue(
        "SUDDEN",
        "BIDIRECTIONAL",
        (
            r"\bdesde esta manana\b|\bal despertar(?:me)?\b|\bme desperte con\b",
            # Right after a fit: an onset at a known moment (spec section 3 table, stroke_signs).
            r"\b(?:ataque|crisis|convulsi\w*)\b[^.;!?]{0,30}?\b(?:y\s+)?(?:despues|luego|tras)\b",
        ),
        allowed_types=frozenset({"STROKE", "SPEECH", "CEREBELLAR", "LIMB_ONE_SIDE"}),
    ),
    Cue(
        "GRADUAL",
        "BIDIRECTIONAL",
        (
            r"\bdesde hace (?:meses|anos|mucho)\b|\bsiempre\b|\bcomo siempre\b|\bpoco a poco\b",
            r"\bpor la (?:tarde|noche)\b|\bal final del dia\b|\bcuando estoy cansad[oa]\b",
        ),
        allowed_types=frozenset({"STROKE", "SPEECH"}),
    ),
    Cue(
        "NEW_ONSET",
        "BIDIRECTIONAL",
        (
            r"\b(?:desde hace|hace)\s+(?:\w+\s+){0,2}(?:dias|semanas|quince dias|una semana)\b",
            r"\b(?:estas|las) ultimas semanas\b|\bultimamente\b|\bcada vez mas\b|\bva a mas\b|"
            r"\b(?:eso )?es nuevo\b|\bantes no\b|\bnunca\b|\bempezo\b|\bquincena\b",
            r"\bdesde (?:mediados|principios|finales) de\b|\bdesde el (?:lunes|martes|miercoles|"
            r"jueves|viernes|sabado|domingo)\b",
        ),
        allowed_types=frozenset({"SPEECH", "CEREBELLAR"}),
    ),
    Cue(
        "LONG_STANDING",
        "BIDIRECTIONAL",
        (
            r"\bdesde hace (?:meses|anos|un ano|mucho)\b|\bcomo desde hace meses\b|\bsiempre\b|"
            r"\bde siempre\b",
            r"\bpor las? (?:noches?|tardes?)\b|\bal final del dia\b|\bcuando estoy cansad[oa]\b",
            r"\blleva(?:ndo|n)?\s+(?:\w+\s+)?(?:meses|anos)\b|\bnada nuevo\b|\bcomo siempre\b",
        ),
        allowed_types=frozenset({"SPEECH", "CEREBELLAR"}),
    ),
    Cue(
        "DRUG_EFFECT",
        "BIDIRECTIONAL",
        (r"\b(?:amifampridina|firdapse|3,4-dap)\b|\bdespues de la (?:pastilla|dosis|toma)\b",),
        allowed_types=frozenset({"STROKE"}),
    ),
    Cue(
        "SEVERE",
        "BIDIRECTIONAL",
        (
            # "bien fuerte", "re fuerte" (Mexico, Argentina): very strong.
            r"\b(?:(?:muy|bien|re|super|tan|demasiado) fuerte|fuertisim[oa]|fortisim[oa]|intens\w*|"
            r"terrible|horrible|"
            r"insoportable|aplast\w*|opresivo|brutal|atroz)\b",
            # "me agarró el brazo" (Mexico): spreading to the arm; "quijada" is the jaw.
            r"\b(?:baja|sube|irradia|se extiende|se corre|va|corre|agarr)\w*\s+(?:hacia |hasta |"
            r"por |a |al )?(?:el |la )?(?:brazo|mandibula|quijada|cuello|espalda)",
            r"\bbrazo izquierdo\b|\bmandibula\b|\bquijada\b",
            r"\bhasta\s+(?:el |la )?(?:brazo|mandibula|quijada|cuello|espalda|hombro)\b",
            r"\bsud\w*|\bsudor frio\b|\bnause\w*|\bvomit\w*",
        ),
        allowed_types=frozenset({"CHEST_PAIN"}),
    ),
)

# Not "¿Puede que ...?": "maybe", a hedge about the writer's own symptom (flagged).
QUESTION_START = (
    r"^\W*(?:es|son|puede(?! que\b)|pueden|podria|hay|que|cual|cuales|como|cuando|por que|donde|"
    r"debo|deberia|sera)\b"
    # "¿La falta de aire al acostarse es algo que debemos vigilar?": a symptom named as a thing
    # and asked about in general (spec section 3, a question).
    r"|^\W*(?:el|la|los|las)\b[^?]*\b(?:es|son|sera|seria)\s+(?:algo|un sintoma|una senal|un signo|"
    r"sintoma|signo|tipic[oa]s?|frecuentes?|comun(?:es)?|habitual(?:es)?)\b"
)
FIRST_PERSON = r"\b(?:yo|me|mi|mis|tengo|estoy|puedo)\b"
SEVERE_IN_MENTION = r"\b(?:aplast\w*|muy fuerte|fuertisimo|insoportable|intens\w*|terrible)\b"
CAREGIVER_HEADER = (
    r"\bescribe (?:su|el|la)\s+\w+|\bescribo (?:yo\s+)?(?:por|para|en nombre de)\b|"
    r"\bsoy (?:su|el|la) (?:cuidador\w*|hij[oa]|espos[oa]|marido|mujer|pareja|niet[oa])\b|"
    r"\bsoy (?:el|la) cuidador\w* de\b|\bcuido (?:a|de) (?:mi|su)\b|\bcuidador\w* de (?:mi|su)\b|"
    r"\ben nombre de (?:mi|su)\b|\bcuidador\w*\s*:|\bescrito por (?:su|el|la)\b"
)
INTENDED = (
    r"\b(?:dieta|a dieta|regimen|intencionad\w*|a proposito|ayuno intermitente|ozempic|wegovy|"
    r"mounjaro|queria adelgazar|quiero adelgazar|weight ?watchers|grupo de adelgazamiento|"
    r"programa de adelgazamiento)\b"
)
NOT_INTENDED = (
    r"\bsin (?:hacer |estar a )?dieta\b|\bno (?:estoy|esta|estaba|he estado) a dieta\b|"
    r"\bsin (?:querer|proponer\w*|buscarlo|motivo|razon|intentarlo)\b|\bno intencionad\w*"
)
# A denied diet, however worded (slots.py; spec section 3).
NOT_INTENDED = NOT_INTENDED + "|" + slots.denied_diet("es")
FIGURATIVE: tuple[tuple[frozenset[str] | None, str], ...] = (
    # Limbs that do not respond are weak, not a person who does not (spec section 2).
    (
        frozenset({"LOC"}),
        r"\b(?:piernas?|brazos?|manos?|pies?|musculos?|dedos?|parpados?)\s+(?:\w+\s+){0,3}?"
        r"(?:sin|no)\s+(?:responder|reaccionar|respondia|reaccionaba|respondio|reacciono)\b",
    ),
    # An emotion that takes the breath away (spec section 3: feelings, "breathless with
    # anticipation"): "me emocioné tanto que se me cortó la respiración"; not when the sentence
    # tells of real breathlessness too.
    (
        frozenset({"DYSPNEA"}),
        r"^(?![^.;!?]*\b(?:no pod\w* respirar|ahog\w*|morad\w*|azul\w*|ambulancia|urgencias|"
        r"minutos|falta de aire)\b)[^.;!?]*\b(?:emocion\w*|ilusion\w*|alegria|impresion\w*|"
        r"preciosa|precioso|maravill\w*|bonit[oa]|guap[oa]|belleza|orgullo\w*)\b[^.;!?]{0,60}\b"
        r"(?:se\s+(?:me|le|nos)\s+cort\w*\s+la\s+respiracion|(?:me|le|nos)\s+(?:quit\w*|dej\w*\s+sin)"
        r"\s+(?:el\s+)?(?:aliento|respiracion))\b",
    ),
    # "Se me atraganta el vecino": a person one cannot stomach, not choking (spec section 3).
    (
        frozenset({"CHOKING"}),
        rf"\batragant\w*\s+(?:el|la|los|las|mi|mis|ese|esa|este|esta)\s+(?:{OTHER_WORDS}|"
        rf"{FAMILY_WORDS}|jefe|jefa|gente|tipo|tipa|senor|senora)\b",
    ),
    (
        frozenset({"CHOKING", "DYSPNEA", "DYSPHAGIA"}),
        r"\bnudo en la garganta\b|\bse nos atragant\w*|"
        r"\b(?:tragar\w*|trago)\s+(?:\w+\s+)?(?:el\s+)?orgullo\b|\bno (?:trago|soporto) a\b",
    ),
    # A team, a match, a machine or a burden, unless food or drink is named ("me atraganté con
    # el agua viendo el partido" is choking).
    (
        frozenset({"CHOKING", "DYSPNEA", "DYSPHAGIA"}),
        slots.unless_food(
            "es",
            r"\b(?:el madrid|el barca|el atleti|equipo|partido|segunda parte|primera parte|"
            r"hipoteca|facturas|deudas|trabajo|papeleo|coche|motor|cortacesped|moto|matematicas|"
            r"examen\w*|asignatura|trimestre|curso|perdimos|ganamos|empatamos|liga|aprobar|"
            r"ingles|idiomas?|oposiciones|selectividad)\b",
        ),
    ),
    # A football club chokes on its rival: "el Betis se atragantó con el Getafe" (spec section 3,
    # sport). A club is named with its article; sport words too. Food named keeps the choking.
    (
        frozenset({"CHOKING", "DYSPNEA", "DYSPHAGIA"}),
        r"^(?![^.;!?]*\b(?:me|yo)\s+(?:\w+\s+)?(?:atragant|ahog|asfixi|trag))"
        + slots.unless_food(
            "es",
            r"\b(?:el|al|del|contra el)\s+(?:betis|getafe|sevilla|valencia|villarreal|osasuna|"
            r"celta|"
            r"espanyol|mallorca|rayo|alaves|girona|granada|cadiz|almeria|levante|elche|leganes|eibar|"
            r"athletic|atletico|real|madrid|barcelona|deportivo|depor|zaragoza|sporting|oviedo|malaga|"
            r"tenerife|valladolid|racing|boca|river|independiente|san lorenzo|america|chivas|pumas|"
            r"cruz azul|tigres|monterrey|colo[- ]colo|nacional|millonarios|penarol)\b|"
            r"\b(?:rival|derbi|jornada|delanteros?|porter[oi]a?|penalti\w*|arbitro|goles?|goleada|"
            r"eliminatoria|descenso|aficion|hinchada|entrenador|mister)\b",
        ),
    ),
    # Phlegm stuck in the chest is no food sticking (spec section 3 table: dysphagia is food or
    # drink), unless the sentence names food too.
    (
        frozenset({"DYSPHAGIA"}),
        slots.unless_food(
            "es",
            r"\b(?:flemas?|mocos|secreciones|esputos?)\s+(?:\w+\s+){0,3}?(?:atascad\w*|pegad\w*|"
            r"se (?:me |le )?(?:quedan?|atascan?|pegan?))",
        ),
    ),
    # "Casi me da un infarto al ver la factura": an infarct almost had is a fright (spec section 3,
    # figures of speech); chest pain named beside it is still read as chest pain.
    (
        frozenset({"SEVERE_CHEST_PAIN"}),
        r"\b(?:casi|por poco|poco mas y|me va a|me iba a|le va a|le iba a)\s+(?:me\s+|le\s+)?"
        r"(?:da|dio|daba|dar)\s+(?:un\s+)?(?:infarto|ataque (?:al|de) corazon)\b|"
        # ... and a machine's "infarct" is a breakdown: "le dio un infarto al ordenador".
        r"\binfarto\s+(?:al|a la|del|de la)\s+(?:ordenador|movil|telefono|portatil|coche|moto|"
        r"router|wifi|tele|television|lavadora|nevera|frigorifico|impresora|servidor|sistema|banco)\b",
    ),
    # "Ahogarse en un vaso de agua": to make a drama of a small problem (spec section 3,
    # figures of speech).
    (
        frozenset({"CHOKING", "DYSPNEA"}),
        r"\bahog\w*\s+en un vaso de agua\b",
    ),
    # An exam, a task or a person "se me atragantó": found hard, not choked on (spec section 3,
    # words in another sense). Food named keeps the choking.
    (
        frozenset({"CHOKING", "DYSPNEA", "DYSPHAGIA"}),
        slots.unless_food(
            "es",
            r"\batragant\w*\s+(?:\w+\s+){0,2}?(?:el|la|los|las|este|esta|ese|esa|mi|mis)\s+"
            r"(?:teorico|practico|examen\w*|test|carnet|oposicion\w*|asignatura|matematicas|fisica|"
            r"quimica|temario|tema|deberes|tarea|libro|novela|reunion|profesor\w*|suegr[oa]|jefe|"
            r"jefa|cunad[oa]|lunes|martes|miercoles|jueves|viernes|domingos?|sabados?|ingles|"
            r"aleman|frances|papeleo|declaracion|renta|hacienda)\b",
        ),
    ),
    # "No me trago lo que dice": swallowing a story is believing it (spec section 3).
    (
        frozenset({"DYSPHAGIA"}),
        r"\btrag\w*\s+(?:lo que|eso|esto|esa|ese|esas|esos|nada de lo|(?:el|ese|su|tu) cuento|"
        r"(?:la|esa|su|tu) (?:historia|excusa|mentira|version|trola)|(?:sus|tus) (?:mentiras|"
        r"cuentos|excusas|historias))\b",
    ),
    # Not when the sentence tells a sign others see or a call for help too: "me quedé sin aliento
    # de la emoción y luego me puse morado" is breathlessness (spec section 3 table, dyspnea).
    (
        frozenset({"DYSPNEA"}),
        r"^(?![^.;!?]*\b(?:morad\w*|amoratad\w*|azul\w*|gris\w*|no pod\w* respirar|ambulancia|"
        r"urgencias|112|911|061|boque\w*|desmay\w*)\b)[^.;!?]*?(?:"
        r"\b(?:paisaje|vista|precios[oa]|emocion|alegria|noticia|sorpresa|ilusion)\b|"
        r"\bme dejo sin aliento\b|\bme rei tanto\b|"
        # Breathless at a sight: wonder, not breath (spec section 3, words in another sense).
        r"\bsin aliento\s+(?:al|cuando|de)\s+(?:ver|vi|vio|vimos|oir|oi|escuchar)\b|"
        r"\bde (?:tanto )?reir(?:me)?\b|\bde (?:la )?risa\b)",
    ),
    (
        None,
        r"\b(?:lei|leyendo|vi|viendo|escuche|oi)\s+(?:un|una|el|la)\s+(?:articulo|documental|"
        r"reportaje|programa|noticia|video|episodio|capitulo|serie|pelicula)\b|"
        r"\b(?:articulo|documental|reportaje) sobre\b",
    ),
)

# See lexicon.THIRD_PERSON. Spanish and German leave the subject out or share pronouns with
# other persons: no sentence-level rule.
THIRD_PERSON: str | None = None
FIRST_PERSON_WORDS: str | None = None

# Slot-built patterns shared by the four languages (slots.py; spec section 3): reading about a
# symptom, burdens and spectacles in another sense, and choking on whatever is eaten or drunk.
FIGURATIVE = (*FIGURATIVE, *slots.figurative("es"))
RED_FLAG_TARGETS["CHOKING"] = (*RED_FLAG_TARGETS["CHOKING"], *slots.choking_while_ingesting("es"))
RED_FLAG_TARGETS["DYSPHAGIA"] = (*RED_FLAG_TARGETS["DYSPHAGIA"], *slots.several_swallows("es"))
RED_FLAG_TARGETS["PERSISTENT_COUGH"] = (
    *RED_FLAG_TARGETS["PERSISTENT_COUGH"],
    *slots.coughing_blood("es"),
)
RED_FLAG_TARGETS["WEIGHT_LOSS"] = (*RED_FLAG_TARGETS["WEIGHT_LOSS"], *slots.clothes_loose("es"))
# Slot-built cues (slots.py; spec section 3): a recovery within minutes and running somewhere
# (a benign cause with quick recovery), and "not without" (which states the thing).
CUES = (
    *CUES,
    Cue(
        "QUICK_RECOVERY",
        "BIDIRECTIONAL",
        slots.quick_recovery("es"),
        allowed_types=frozenset({"DYSPNEA", "CHEST_PAIN"}),
    ),
    Cue(
        "BENIGN_CAUSE",
        "BIDIRECTIONAL",
        (*slots.running_for("es"), *slots.hot_room("es")),
        allowed_types=frozenset({"DYSPNEA"}),
    ),
    Cue("PSEUDO", "PSEUDO", (slots.double_negation("es"),)),
    # A drink gone the wrong way while laughing or talking, one cough and over (spec section 3:
    # an expected, benign cause stated with quick recovery). Both are needed (text._keeps).
    Cue(
        "BENIGN_CAUSE",
        "BIDIRECTIONAL",
        (
            r"\b(?:al reir\w*|riendo(?:me|se)?|de (?:la )?risa|me rei|se rio|a carcajadas|"
            r"hablando|al hablar|con las prisas|por las prisas)\b",
        ),
        allowed_types=frozenset({"CHOKING"}),
    ),
    Cue(
        "QUICK_RECOVERY",
        "BIDIRECTIONAL",
        (
            *slots.quick_recovery("es"),
            r"\b(?:un|unos|dos|tres|pocos|un par de)\s+(?:segundos?|momentos?)\b"
            r"(?!\s+(?:sin|no)\b)",
            r"\by listo\b|\benseguida\b|\ben seguida\b|\bal momento\b",
            # Longer than the breath cue's "a los pocos segundos", so this one is kept.
            r"\b(?:al cabo de|tras|a los|en)\s+(?:unos|pocos|dos|tres|\d+)\s+(?:segundos|momentos)"
            r"\s*,?\s*(?:y\s+)?(?:bien|ya|listo|nada|normal)\b",
        ),
        allowed_types=frozenset({"CHOKING"}),
    ),
)
# English red-flag words in a mixed note (slots.py; spec section 3, "Languages").
for _label in slots.ENGLISH_LOANWORDS:
    RED_FLAG_TARGETS[_label] = (*RED_FLAG_TARGETS[_label], *slots.loanwords("es", _label))
# A negation stops where a comma and a pronoun open a new clause (slots.py; spec section 3).
CUES = slots.ends_negation_at_new_clause(CUES, "es")
# A sign of severity right after a negation is denied, not present (slots.py; spec section 3).
CUES = slots.severity_unless_denied(CUES, "es")
