"""What triage tells the patient to do, in the note's language (spec section 3, "Languages").

The English texts live with each flag (``flags.py``). The Spanish, French and German texts below
are our translations of them, faithful and never softer; they are AWAITING CLINICAL REVIEW (see
docs/red-flags.md) and must be checked by a clinician fluent in the language before release.
Advice is shown in the note's language where we have it, and in English otherwise.

A note in a language we cannot check is never passed silently: ``unchecked_advice`` lists the
emergency signs and what to do (spec section 3).
"""

from __future__ import annotations

from lems_companion.triage import flags as flag_defs

# Translations awaiting clinical review: keep them in step with flags.LEVEL_ADVICE and each
# Flag.advice; a test checks that every level and flag has one in every language.
LEVEL_ADVICE: dict[str, dict[str, str]] = {
    "es": {
        "emergency": (
            "Busque atención médica urgente ahora. Si es grave o empeora, llame al {number} "
            "(su número local de emergencias)."
        ),
        "prompt": "Dígaselo a un médico en los próximos días; hay que revisarlo.",
        "routine": "Conviene anotarlo y comentarlo en su próxima cita.",
        "none": "Nada de esto necesita atención médica; siga anotando como siempre.",
    },
    "fr": {
        "emergency": (
            "Consultez un médecin en urgence maintenant. Si c'est grave ou si cela s'aggrave, "
            "appelez le {number} (votre numéro d'urgence local)."
        ),
        "prompt": "Parlez-en à un médecin dans les prochains jours ; cela doit être vérifié.",
        "routine": "À noter et à évoquer lors de votre prochain rendez-vous.",
        "none": "Rien ici ne demande d'avis médical ; continuez à noter comme d'habitude.",
    },
    "de": {
        "emergency": (
            "Holen Sie sich jetzt sofort ärztliche Hilfe. Wenn es schwer ist oder schlimmer "
            "wird, rufen Sie die {number} an (Ihre örtliche Notrufnummer)."
        ),
        "prompt": "Sagen Sie es in den nächsten Tagen einem Arzt; das muss abgeklärt werden.",
        "routine": "Notieren Sie es und sprechen Sie es beim nächsten Termin an.",
        "none": "Hier braucht nichts ärztliche Aufmerksamkeit; notieren Sie weiter wie gewohnt.",
    },
}

FLAG_ADVICE: dict[str, dict[str, str]] = {
    "es": {
        "dysphagia": (
            "La dificultad para tragar puede hacer que la comida o la bebida pasen a los "
            "pulmones: busque atención médica urgente ahora. Diga al equipo de urgencias qué "
            "pastillas le tocan (amifampridina, corticoides) y no deje ningún medicamento "
            "por su cuenta."
        ),
        "choking": (
            "Atragantarse con comida, bebida o saliva puede indicar que los músculos de la "
            "deglución están débiles y que algo puede pasar a los pulmones. Busque atención "
            "médica urgente ahora."
        ),
        "dyspnea": (
            "Los músculos de la respiración pueden debilitarse casi sin aviso. Busque atención "
            "médica urgente ahora; no espere a ver si se pasa."
        ),
        "stroke_signs": (
            "Una boca torcida de repente, debilidad de un lado o el habla arrastrada necesitan "
            "una ambulancia: llame al {number} ahora y anote la hora en que empezó."
        ),
        "severe_chest_pain": "Un dolor de pecho así necesita una ambulancia: llame al {number} a"
        "hora.",
        "seizure": (
            "Una convulsión necesita atención médica urgente ahora, sobre todo si toma "
            "amifampridina (Firdapse); no tome la siguiente dosis hasta que un médico se lo "
            "indique."
        ),
        "weight_loss": (
            "Perder peso sin proponérselo debe revisarse: dígaselo a su médico en los próximos "
            "días."
        ),
        "persistent_cough": (
            "Una tos que dura 3 semanas o más, o cualquier sangre al toser, debe revisarse: "
            "dígaselo a su médico en los próximos días."
        ),
        "chest_pain": (
            "El dolor o la opresión en el pecho deben revisarse: dígaselo a su médico en los "
            "próximos días. Si se vuelve intenso, se extiende al brazo o a la mandíbula, o viene "
            "con falta de aire o sudor, llame al {number}."
        ),
        "cerebellar_signs": (
            "La inestabilidad, la torpeza o el habla arrastrada nuevas que han aparecido en días "
            "o semanas deben revisarse: dígaselo a su médico en los próximos días. Si empiezan "
            "de repente, llame al {number}."
        ),
        "amifampridine_dose": (
            "La amifampridina anotada supera la dosis máxima de la ficha técnica. Consulte la "
            "dosis con su médico en los próximos días; una dosis mayor aumenta el riesgo de "
            "convulsiones. Si tiene una convulsión, llame al {number}."
        ),
    },
    "fr": {
        "dysphagia": (
            "Avoir du mal à avaler peut faire passer des aliments ou des boissons dans les "
            "poumons : consultez un médecin en urgence maintenant. Dites à l'équipe des "
            "urgences quels comprimés vous devez prendre (amifampridine, corticoïdes) et "
            "n'arrêtez aucun médicament de vous-même."
        ),
        "choking": (
            "S'étouffer avec des aliments, une boisson ou sa salive peut signifier que les "
            "muscles de la déglutition sont faibles et que quelque chose risque de passer dans "
            "les poumons. Consultez un médecin en urgence maintenant."
        ),
        "dyspnea": (
            "Les muscles respiratoires peuvent s'affaiblir presque sans prévenir. Consultez un "
            "médecin en urgence maintenant ; n'attendez pas de voir si cela passe."
        ),
        "stroke_signs": (
            "Une bouche qui tombe soudainement, une faiblesse d'un côté ou une parole "
            "mal articulée demandent une ambulance : appelez le {number} maintenant et notez "
            "l'heure du début."
        ),
        "severe_chest_pain": (
            "Une douleur thoracique comme celle-ci demande une ambulance : appelez le {number} "
            "maintenant."
        ),
        "seizure": (
            "Une crise convulsive demande des soins médicaux urgents maintenant, surtout si vous "
            "prenez de l'amifampridine (Firdapse) ; ne prenez pas la dose suivante avant l'avis "
            "d'un médecin."
        ),
        "weight_loss": (
            "Perdre du poids sans le vouloir doit être vérifié : parlez-en à votre médecin dans "
            "les prochains jours."
        ),
        "persistent_cough": (
            "Une toux qui dure 3 semaines ou plus, ou du sang quand vous toussez, doit être "
            "vérifiée : parlez-en à votre médecin dans les prochains jours."
        ),
        "chest_pain": (
            "Une douleur ou une oppression dans la poitrine doit être vérifiée : parlez-en à "
            "votre médecin dans les prochains jours. Si elle devient forte, s'étend au bras ou "
            "à la mâchoire, ou s'accompagne d'essoufflement ou de sueurs, appelez le {number}."
        ),
        "cerebellar_signs": (
            "Une instabilité, une maladresse ou une parole mal articulée nouvelles, apparues en "
            "quelques jours ou semaines, doivent être vérifiées : parlez-en à votre médecin dans "
            "les prochains jours. Si cela commence brusquement, appelez le {number}."
        ),
        "amifampridine_dose": (
            "L'amifampridine notée dépasse la dose maximale de la notice. Vérifiez la dose avec "
            "votre médecin dans les prochains jours ; une dose plus forte augmente le risque de "
            "crises convulsives. En cas de crise, appelez le {number}."
        ),
    },
    "de": {
        "dysphagia": (
            "Schluckbeschwerden können dazu führen, dass Essen oder Getränke in die Lunge "
            "gelangen: holen Sie sich jetzt sofort ärztliche Hilfe. Sagen Sie dem Notfallteam, "
            "welche Tabletten fällig sind (Amifampridin, Kortison), und setzen Sie kein "
            "Medikament eigenmächtig ab."
        ),
        "choking": (
            "Verschlucken an Essen, Getränken oder Speichel kann bedeuten, dass die "
            "Schluckmuskeln schwach sind und etwas in die Lunge gelangen kann. Holen Sie sich "
            "jetzt sofort ärztliche Hilfe."
        ),
        "dyspnea": (
            "Die Atemmuskeln können fast ohne Vorwarnung schwächer werden. Holen Sie sich jetzt "
            "sofort ärztliche Hilfe; warten Sie nicht ab, ob es vorbeigeht."
        ),
        "stroke_signs": (
            "Ein plötzlich hängender Mundwinkel, Schwäche auf einer Seite oder verwaschene "
            "Sprache brauchen einen Rettungswagen: rufen Sie jetzt die {number} an und notieren "
            "Sie, wann es angefangen hat."
        ),
        "severe_chest_pain": (
            "Brustschmerzen wie diese brauchen einen Rettungswagen: rufen Sie jetzt die "
            "{number} an."
        ),
        "seizure": (
            "Ein Krampfanfall braucht jetzt sofort ärztliche Hilfe, besonders wenn Sie "
            "Amifampridin (Firdapse) nehmen; nehmen Sie die nächste Dosis erst nach ärztlichem "
            "Rat."
        ),
        "weight_loss": (
            "Ungewollter Gewichtsverlust muss abgeklärt werden: sagen Sie es in den nächsten "
            "Tagen Ihrem Arzt."
        ),
        "persistent_cough": (
            "Husten, der 3 Wochen oder länger dauert, oder Blut beim Husten muss abgeklärt "
            "werden: sagen Sie es in den nächsten Tagen Ihrem Arzt."
        ),
        "chest_pain": (
            "Schmerzen oder Enge in der Brust müssen abgeklärt werden: sagen Sie es in den "
            "nächsten Tagen Ihrem Arzt. Wenn sie stark werden, in den Arm oder Kiefer "
            "ausstrahlen oder mit Atemnot oder Schweiß kommen, rufen Sie die {number} an."
        ),
        "cerebellar_signs": (
            "Neue Unsicherheit beim Gehen, Ungeschicklichkeit oder verwaschene Sprache, die über "
            "Tage oder Wochen gekommen sind, müssen abgeklärt werden: sagen Sie es in den "
            "nächsten Tagen Ihrem Arzt. Wenn es plötzlich beginnt, rufen Sie die {number} an."
        ),
        "amifampridine_dose": (
            "Das eingetragene Amifampridin liegt über der Höchstdosis der Fachinformation. "
            "Besprechen Sie die Dosis in den nächsten Tagen mit Ihrem Arzt; eine höhere Dosis "
            "erhöht das Risiko von Krampfanfällen. Bei einem Krampfanfall rufen Sie die "
            "{number} an."
        ),
    },
}

# Spec section 3, "Who is writing": an unknown author describing a family member's red flag.
THIRD_PERSON_NOTE: dict[str, str] = {
    "en": (
        "This note describes a family member. The advice above applies if this is about the "
        "person whose diary this is; if someone else has these signs, they need the same care."
    ),
    "es": (
        "Esta nota describe a un familiar. Los consejos de arriba se aplican si se trata de la "
        "persona a quien pertenece este diario; si otra persona tiene estos signos, necesita la "
        "misma atención."
    ),
    "fr": (
        "Cette note décrit un membre de la famille. Les conseils ci-dessus s'appliquent s'il "
        "s'agit de la personne à qui appartient ce journal ; si quelqu'un d'autre a ces signes, "
        "il a besoin des mêmes soins."
    ),
    "de": (
        "Diese Notiz beschreibt ein Familienmitglied. Die Hinweise oben gelten, wenn es um die "
        "Person geht, der dieses Tagebuch gehört; wenn jemand anderes diese Zeichen hat, braucht "
        "er dieselbe Hilfe."
    ),
}

# Each flag's plain name in the reader's language (spec section 1: wherever a flag appears it
# keeps its plain name). Translations awaiting clinical review, as above; English is the flag's
# own title.
FLAG_TITLES: dict[str, dict[str, str]] = {
    "es": {
        "dysphagia": "Dificultad para tragar",
        "choking": "Atragantamiento",
        "dyspnea": "Falta de aire",
        "stroke_signs": "Posibles signos de ictus",
        "severe_chest_pain": "Dolor intenso en el pecho",
        "seizure": "Convulsión o crisis",
        "weight_loss": "Pérdida de peso",
        "persistent_cough": "Tos persistente o tos con sangre",
        "chest_pain": "Dolor u opresión en el pecho",
        "cerebellar_signs": "Inestabilidad, torpeza o habla arrastrada nuevas",
        "amifampridine_dose": "Amifampridina por encima de la dosis máxima autorizada",
    },
    "fr": {
        "dysphagia": "Difficulté à avaler",
        "choking": "Fausse route, étouffement",
        "dyspnea": "Essoufflement",
        "stroke_signs": "Signes possibles d'AVC",
        "severe_chest_pain": "Douleur intense dans la poitrine",
        "seizure": "Crise convulsive",
        "weight_loss": "Perte de poids",
        "persistent_cough": "Toux persistante ou toux avec du sang",
        "chest_pain": "Douleur ou oppression dans la poitrine",
        "cerebellar_signs": "Instabilité, maladresse ou élocution pâteuse nouvelles",
        "amifampridine_dose": "Amifampridine au-dessus de la dose maximale autorisée",
    },
    "de": {
        "dysphagia": "Schluckbeschwerden",
        "choking": "Verschlucken, Erstickungsgefahr",
        "dyspnea": "Atemnot",
        "stroke_signs": "Mögliche Schlaganfallzeichen",
        "severe_chest_pain": "Starke Brustschmerzen",
        "seizure": "Krampfanfall",
        "weight_loss": "Gewichtsverlust",
        "persistent_cough": "Anhaltender Husten oder Bluthusten",
        "chest_pain": "Schmerzen oder Engegefühl in der Brust",
        "cerebellar_signs": "Neue Unsicherheit, Ungeschicklichkeit oder verwaschene Sprache",
        "amifampridine_dose": "Amifampridin über der zugelassenen Höchstdosis",
    },
}

# The alert's first line: what to do, by the highest level (spec section 3 levels). English
# included, since the alert has no other home for it; the rest await clinical review.
ALERT_HEADLINES: dict[str, dict[str, str]] = {
    "en": {
        "emergency": "Get urgent medical care now",
        "prompt": "Tell a doctor about this within the next few days",
    },
    "es": {
        "emergency": "Busque atención médica urgente ahora",
        "prompt": "Dígaselo a un médico en los próximos días",
    },
    "fr": {
        "emergency": "Consultez un médecin en urgence maintenant",
        "prompt": "Parlez-en à un médecin dans les prochains jours",
    },
    "de": {
        "emergency": "Holen Sie sich jetzt sofort ärztliche Hilfe",
        "prompt": "Sagen Sie es in den nächsten Tagen einem Arzt",
    },
}

# Spec section 3: a note the app cannot check lists the emergency signs and what to do. It is in
# English: the app has no text in the note's language.
UNCHECKED_ADVICE = (
    "This note could not be checked for red flags: the app reads notes in English, Spanish, "
    "French and German only. If you have any of these, get urgent medical care now and call "
    "{number} (your local emergency number) if it is severe or getting worse: trouble "
    "swallowing; choking on food, drink or saliva; breathlessness at rest or on little effort; "
    "sudden weakness on one side, a drooping face or a sudden change in speech; severe chest "
    "pain; a seizure or fit."
)


def level_advice(level: str, language: str, *, emergency_number: str) -> str:
    """Return what to do at this level in the language; English when we have no translation."""
    text = LEVEL_ADVICE.get(language, {}).get(level)
    if text is None:
        return flag_defs.level_advice(level, emergency_number=emergency_number)
    return text.format(number=emergency_number)


def flag_advice(flag_id: str, language: str, *, emergency_number: str) -> str:
    """Return one flag's advice in the language; English when we have no translation."""
    text = FLAG_ADVICE.get(language, {}).get(flag_id)
    if text is None:
        return flag_defs.advice_for(flag_id, emergency_number=emergency_number)
    return text.format(number=emergency_number)


def flag_title(flag_id: str, language: str) -> str:
    """Return one flag's plain name in the language; its English title otherwise."""
    translated = FLAG_TITLES.get(language, {}).get(flag_id)
    if translated is not None:
        return translated
    found = flag_defs.FLAGS_BY_ID.get(flag_id)
    return found.title if found else flag_id.replace("_", " ")


def alert_headline(level: str, language: str) -> str:
    """Return an alert's first line for its highest level, in the language or in English."""
    return ALERT_HEADLINES.get(language, ALERT_HEADLINES["en"])[level]


def third_person_note(language: str) -> str:
    """Return the caveat for a family member's red flag written by an unknown author."""
    return THIRD_PERSON_NOTE.get(language, THIRD_PERSON_NOTE["en"])


def unchecked_advice(*, emergency_number: str) -> str:
    """Return the advice for a note in a language we cannot check: the emergency signs."""
    return UNCHECKED_ADVICE.format(number=emergency_number)
