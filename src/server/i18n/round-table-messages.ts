/** Server messages of round tables and network follow-ups (issue 12), spread into messages.ts. */
export const roundTableMessagesFr: Record<string, string> = {
  'roundTable.not_allowed_now': 'Cette étape n’est pas possible dans l’état actuel de la table ronde.',
  'roundTable.in_past': 'Choisissez une date et une heure à venir.',
  'roundTable.too_few_institutions': 'Une table ronde réunit des professionnel·les d’au moins deux institutions.',
  'roundTable.place_required': 'Indiquez le lieu.',
  'roundTable.not_yet': 'La table ronde n’a pas encore eu lieu : elle est prévue le {date}.',
  'roundTable.minutes_required': 'Rédigez le procès-verbal (au moins 10 caractères).',
  'roundTable.minutes_name_the_person':
    'Le procès-verbal ne doit pas nommer la personne (ni son nom ni son numéro AVS) : la table ronde se tient ' +
    'sur la situation anonyme.',
  'roundTable.reason_required': 'Indiquez le motif.',
  'roundTable.institution_required': 'Choisissez l’institution qui suit la personne.',
  'roundTable.participantUnknown': 'Ce participant n’est pas un·e professionnel·le actif·ve d’une institution.',
  'roundTable.none': 'Cette situation n’a pas de table ronde ouverte.',
  'roundTable.notAnonymous': 'Cette situation n’est pas anonyme : la personne est déjà connue.',
  'network.closed': 'Ce suivi réseau est clos.',
  'network.too_few_institutions': 'Un suivi réseau réunit au moins deux institutions autour de la personne.',
  'network.reference_required': 'Choisissez l’institution de référence.',
  'network.reference_outside_network': 'La référence doit faire partie des institutions du réseau.',
  'network.review_in_past': 'La date ne peut pas être passée.',
  'network.review_in_future': 'Une revue se saisit le jour où elle a eu lieu ou après.',
  'network.review_before_start': 'Le suivi en réseau n’avait pas encore commencé à cette date.',
  'network.note_required': 'Résumez la revue.',
  'network.reason_required': 'Indiquez le motif.',
  'network.next_review_before': 'La prochaine revue vient après celle-ci.',
  'network.none': 'Cette situation n’a pas de suivi réseau.',
  'careInvitation.roundTableTitle': 'Table ronde CII',
};

export const roundTableMessagesDe: Record<string, string> = {
  'roundTable.not_allowed_now': 'Dieser Schritt ist im aktuellen Stand des runden Tisches nicht möglich.',
  'roundTable.in_past': 'Wählen Sie ein künftiges Datum und eine künftige Uhrzeit.',
  'roundTable.too_few_institutions': 'Ein runder Tisch vereint Fachpersonen aus mindestens zwei Institutionen.',
  'roundTable.place_required': 'Geben Sie den Ort an.',
  'roundTable.not_yet': 'Der runde Tisch hat noch nicht stattgefunden: Er ist am {date} geplant.',
  'roundTable.minutes_required': 'Verfassen Sie das Protokoll (mindestens 10 Zeichen).',
  'roundTable.minutes_name_the_person':
    'Das Protokoll darf die Person nicht nennen (weder Namen noch AHV-Nummer): Der runde Tisch findet zur ' +
    'anonymen Situation statt.',
  'roundTable.reason_required': 'Geben Sie die Begründung an.',
  'roundTable.institution_required': 'Wählen Sie die Institution, welche die Person begleitet.',
  'roundTable.participantUnknown':
    'Diese Teilnehmerin oder dieser Teilnehmer ist keine aktive Fachperson einer Institution.',
  'roundTable.none': 'Diese Situation hat keinen offenen runden Tisch.',
  'roundTable.notAnonymous': 'Diese Situation ist nicht anonym: Die Person ist bereits bekannt.',
  'network.closed': 'Diese Netzwerkbegleitung ist abgeschlossen.',
  'network.too_few_institutions': 'Eine Netzwerkbegleitung vereint mindestens zwei Institutionen um die Person.',
  'network.reference_required': 'Wählen Sie die Referenzinstitution.',
  'network.reference_outside_network': 'Die Referenz muss zu den Institutionen des Netzwerks gehören.',
  'network.review_in_past': 'Das Datum darf nicht in der Vergangenheit liegen.',
  'network.review_in_future': 'Eine Überprüfung wird am Tag, an dem sie stattfand, oder danach erfasst.',
  'network.review_before_start': 'Die Netzwerkbegleitung hatte an diesem Datum noch nicht begonnen.',
  'network.note_required': 'Fassen Sie die Überprüfung zusammen.',
  'network.reason_required': 'Geben Sie die Begründung an.',
  'network.next_review_before': 'Die nächste Überprüfung folgt auf diese.',
  'network.none': 'Diese Situation hat keine Netzwerkbegleitung.',
  'careInvitation.roundTableTitle': 'Runder Tisch IIZ',
};
