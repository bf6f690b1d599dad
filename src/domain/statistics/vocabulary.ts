import type { Language } from '../access/roles.ts';
import { readableSource } from './sources.ts';
import { tandemTimeCounted } from './tandem-time.ts';

/**
 * What each figure, state and outcome is called in the figures, and how each figure is counted ("how is this
 * counted?"), written once in French and German with the seed or source it follows. The API sends these with the
 * numbers, so that a statistics office reads the figures without the source code; the screens and files show them.
 */
export type Text = Record<Language, string>;

export const STATE_LABELS: Record<string, Text> = {
  // Situations
  taken_into_care: { fr: 'Prises en charge coordonnées', de: 'In koordinierte Begleitung aufgenommen' },
  refused: { fr: 'Refusées (avec suggestions)', de: 'Abgelehnt (mit Vorschlägen)' },
  awaiting_decision: { fr: 'En attente de décision', de: 'Entscheid ausstehend' },
  // Open states of a passage
  to_organise: { fr: 'À organiser', de: 'Zu organisieren' },
  scheduled: { fr: 'Planifié', de: 'Geplant' },
  held: { fr: 'Tenu, en suspens', de: 'Durchgeführt, offen' },
  in_execution: { fr: 'Contrat d’objectifs en exécution', de: 'Zielvereinbarung in Umsetzung' },
  in_preparation: { fr: 'En préparation', de: 'In Vorbereitung' },
  waiting_tandem: { fr: 'En attente d’un tandem', de: 'Wartet auf ein Tandem' },
  active: { fr: 'En cours', de: 'Laufend' },
  open: { fr: 'En cours', de: 'Laufend' },
  // Outcomes (DOMAIN.md §4.5)
  inserted: { fr: 'Insertion (1er marché du travail)', de: 'Eingliederung (1. Arbeitsmarkt)' },
  lack_of_cooperation: { fr: 'Manque de coopération', de: 'Mangelnde Mitwirkung' },
  unavailable: { fr: 'Manque de disponibilité / employabilité', de: 'Fehlende Verfügbarkeit / Vermittelbarkeit' },
  social_aid_only: { fr: 'Suivi par l’aide sociale seule', de: 'Betreuung nur durch die Sozialhilfe' },
  disability_insurance: { fr: 'Suivi par l’AI', de: 'Betreuung durch die IV' },
  network_follow_up: { fr: 'Suivi réseau', de: 'Netzwerkbegleitung' },
  other: { fr: 'Autre', de: 'Anderes' },
  followed_by_institution: { fr: 'Suivi par une institution', de: 'Betreuung durch eine Institution' },
  oriented_assessment: { fr: 'Orienté vers un assessment', de: 'An ein Assessment weitergeleitet' },
  oriented_round_table: { fr: 'Orienté vers une table ronde', de: 'An einen runden Tisch weitergeleitet' },
  oriented_tandem: { fr: 'Orienté vers un tandem', de: 'An ein Tandem weitergeleitet' },
  oriented_network_follow_up: { fr: 'Orienté vers un suivi réseau', de: 'An eine Netzwerkbegleitung weitergeleitet' },
  other_regions: { fr: 'Autres régions', de: 'Andere Regionen' },
  suggested_none: { fr: 'Note seule (sans institution)', de: 'Nur Notiz (ohne Institution)' },
  still_in_work: { fr: 'Toujours en emploi', de: 'Weiterhin erwerbstätig' },
  not_in_work: { fr: 'Plus en emploi', de: 'Nicht mehr erwerbstätig' },
  pending: { fr: 'Suivi pas encore fait', de: 'Nachkontrolle noch offen' },
  months_6: { fr: 'Suivi à 6 mois', de: 'Nachkontrolle nach 6 Monaten' },
  months_12: { fr: 'Suivi à 12 mois', de: 'Nachkontrolle nach 12 Monaten' },
};

export const stateLabel = (key: string): Text => STATE_LABELS[key] ?? { fr: key, de: key };

export interface Definition {
  label: Text;
  /** How it is counted, in one or two sentences. */
  counted: Text;
  /** The documents the definition follows, named as a reader knows them (written here as seed numbers). */
  source: Text;
}

const d = (label: Text, counted: Text, source: string): Definition => ({
  label,
  counted,
  source: readableSource(source),
});

export const DEFINITIONS = {
  situations_announced: d(
    { fr: 'Situations annoncées', de: 'Gemeldete Situationen' },
    {
      fr: 'Situations dont l’annonce au Bureau CII est datée dans la période (brouillons exclus).',
      de: 'Situationen, deren Meldung an das IIZ-Büro in den Zeitraum fällt (ohne Entwürfe).',
    },
    '004 §6, DOMAIN §7',
  ),
  taken_into_care_share: d(
    { fr: 'Part prise en charge coordonnée', de: 'Anteil in koordinierter Begleitung' },
    {
      fr:
        'Situations annoncées dans la période orientées vers une prise en charge (assessment, table ronde, ' +
        'tandem, suivi réseau), divisées par les situations annoncées.',
      de:
        'Im Zeitraum gemeldete Situationen, die einer Begleitung zugewiesen wurden (Assessment, runder Tisch, ' +
        'Tandem, Netzwerkbegleitung), geteilt durch die gemeldeten Situationen.',
    },
    '004 §6 (2012: 97, > 2/3)',
  ),
  refused: d(
    { fr: 'Refusées', de: 'Abgelehnt' },
    {
      fr:
        'Situations annoncées dans la période et refusées ; chaque refus est retourné avec des suggestions de ' +
        'prise en charge.',
      de: 'Im Zeitraum gemeldete und abgelehnte Situationen; jede Ablehnung geht mit Vorschlägen zurück.',
    },
    '004 §6',
  ),
  refused_by_suggested_institution: d(
    { fr: 'Refus par institution suggérée', de: 'Ablehnungen nach vorgeschlagener Institution' },
    {
      fr:
        'Situations annoncées dans la période et refusées, comptées une fois par type d’institution que le refus ' +
        'suggère (une institution de l’annuaire compte pour son type) ; « note seule » : un refus sans institution ' +
        'nommée (dont ceux d’avant, en texte libre). Un refus qui suggère deux institutions compte deux fois.',
      de:
        'Im Zeitraum gemeldete und abgelehnte Situationen, einmal pro Art von Institution gezählt, die die ' +
        'Ablehnung vorschlägt (eine Institution des Verzeichnisses zählt für ihre Art); «nur Notiz»: eine ' +
        'Ablehnung ohne genannte Institution (auch frühere, als freier Text). Zwei Vorschläge zählen zweimal.',
    },
    '004 §6',
  ),
  situations_imported: d(
    { fr: 'Dont importées de l’historique', de: 'Davon aus der Historie importiert' },
    {
      fr:
        'Situations annoncées dans la période reprises de l’ancienne base (ASGAL) par l’import de l’historique : ' +
        'anonymes, elles comptent dans tous les chiffres.',
      de:
        'Im Zeitraum gemeldete Situationen, die mit dem Import der Historie aus der alten Datenbank (ASGAL) ' +
        'übernommen wurden: anonym, sie zählen in allen Kennzahlen.',
    },
    '004 §6 (ASGAL), decision 025',
  ),
  assessment_organised: d(
    { fr: 'Assessments organisés', de: 'Organisierte Assessments' },
    {
      fr:
        'Assessments MAMAC commencés dans la période qui ne sont plus « à organiser » (planifiés, tenus, en ' +
        'exécution ou fermés).',
      de:
        'Im Zeitraum begonnene MAMAC-Assessments, die nicht mehr «zu organisieren» sind (geplant, durchgeführt, ' +
        'in Umsetzung oder abgeschlossen).',
    },
    '004 §6 (2012: 22)',
  ),
  assessment_waiting: d(
    { fr: 'Assessments en attente d’organisation', de: 'Assessments, die auf die Organisation warten' },
    {
      fr: 'Assessments commencés dans la période, encore ouverts et à l’état « à organiser ».',
      de: 'Im Zeitraum begonnene Assessments, noch offen und «zu organisieren».',
    },
    '004 §6 (2012: 4)',
  ),
  assessment_closed: d(
    { fr: 'Assessments fermés', de: 'Abgeschlossene Assessments' },
    {
      fr: 'Assessments commencés dans la période et terminés, par issue.',
      de: 'Im Zeitraum begonnene und abgeschlossene Assessments, nach Ergebnis.',
    },
    '004 §6 (2012: 6 = 3 + 2 + 1)',
  ),
  round_table_held: d(
    { fr: 'Tables rondes tenues', de: 'Durchgeführte runde Tische' },
    {
      fr:
        'Tables rondes commencées dans la période qui ne sont plus en préparation ni planifiées (terminées ou en ' +
        'suspens).',
      de: 'Im Zeitraum begonnene runde Tische, die weder in Vorbereitung noch geplant sind (abgeschlossen oder offen).',
    },
    '004 §6 (2012: 12)',
  ),
  round_table_in_preparation: d(
    { fr: 'Tables rondes en préparation', de: 'Runde Tische in Vorbereitung' },
    {
      fr: 'Tables rondes commencées dans la période, ouvertes, en préparation ou planifiées.',
      de: 'Im Zeitraum begonnene runde Tische, offen, in Vorbereitung oder geplant.',
    },
    '004 §6 (2012: 3)',
  ),
  round_table_pending: d(
    { fr: 'Tables rondes en suspens', de: 'Offene runde Tische' },
    {
      fr: 'Tables rondes tenues dont l’issue est encore en suspens.',
      de: 'Durchgeführte runde Tische, deren Ergebnis noch offen ist.',
    },
    '004 §6 (2012: 4)',
  ),
  tandem_situations: d(
    { fr: 'Situations suivies en tandem', de: 'Tandem-Situationen' },
    {
      fr: 'Situations orientées vers un tandem dans la période (date de l’orientation), ouvertes ou fermées.',
      de: 'Im Zeitraum einem Tandem zugewiesene Situationen (Datum der Zuweisung), offen oder abgeschlossen.',
    },
    '004 §6 (2012: 26 = 24 Sion + 2 Monthey)',
  ),
  tandem_inserted: d(
    { fr: 'Insertions (tandem)', de: 'Eingliederungen (Tandem)' },
    {
      fr: 'Situations de tandem de la période fermées par une insertion sur le premier marché du travail.',
      de: 'Tandem-Situationen des Zeitraums, abgeschlossen mit einer Eingliederung in den ersten Arbeitsmarkt.',
    },
    '004 §6 (2012: 13)',
  ),
  tandem_open: d(
    { fr: 'Tandems encore en cours', de: 'Noch laufende Tandems' },
    {
      fr: 'Situations de tandem de la période dont le suivi n’est pas fermé.',
      de: 'Tandem-Situationen des Zeitraums, deren Begleitung nicht abgeschlossen ist.',
    },
    '004 §6 (2012: 7)',
  ),
  insertion_rate_of_all: d(
    { fr: 'Taux d’insertion, sur toutes les situations', de: 'Eingliederungsquote, von allen Situationen' },
    {
      fr: 'Insertions divisées par toutes les situations de tandem de la période, y compris celles encore en cours.',
      de: 'Eingliederungen geteilt durch alle Tandem-Situationen des Zeitraums, auch die noch laufenden.',
    },
    '004 §6 (13 / 26 = 50 %)',
  ),
  insertion_rate_of_closed: d(
    { fr: 'Taux d’insertion, sur les situations fermées', de: 'Eingliederungsquote, von den abgeschlossenen' },
    {
      fr:
        'Insertions divisées par les situations de tandem fermées de la période ; celles encore en cours sont ' +
        'exclues.',
      de: 'Eingliederungen geteilt durch die abgeschlossenen Tandem-Situationen des Zeitraums; laufende ausgenommen.',
    },
    '000 (39 ≈ 46 %); 004 (2012: 13 / 19 = 68 %)',
  ),
  care_passages: d(
    { fr: 'Prises en charge par région, état et issue', de: 'Begleitungen nach Region, Stand und Ergebnis' },
    {
      fr:
        'Passages commencés dans la période : encore ouverts, par état, ou terminés, par issue — l’état étant ' +
        'celui de la fin de la période.',
      de:
        'Im Zeitraum begonnene Begleitungen: noch offen, nach Stand, oder abgeschlossen, nach Ergebnis — Stand am ' +
        'Ende des Zeitraums.',
    },
    '004 §6, DOMAIN §4',
  ),
  network_follow_up_situations: d(
    { fr: 'Suivis réseau', de: 'Netzwerkbegleitungen' },
    {
      fr: 'Suivis réseau commencés dans la période.',
      de: 'Im Zeitraum begonnene Netzwerkbegleitungen.',
    },
    'DOMAIN §4.2',
  ),
  since_start_tandem_situations: d(
    { fr: 'Situations de tandem depuis le début', de: 'Tandem-Situationen seit Beginn' },
    {
      fr:
        'Toutes les situations orientées vers un tandem depuis le début de la CII jusqu’à la fin de la période, ' +
        'quelle que soit l’année de l’orientation, ouvertes ou fermées.',
      de:
        'Alle einem Tandem zugewiesenen Situationen seit Beginn der IIZ bis zum Ende des Zeitraums, ' +
        'unabhängig vom Jahr der Zuweisung, offen oder abgeschlossen.',
    },
    '000 (109)',
  ),
  since_start_insertions: d(
    { fr: 'Insertions depuis le début', de: 'Eingliederungen seit Beginn' },
    {
      fr: 'Toutes les situations de tandem fermées par une insertion jusqu’à la fin de la période.',
      de: 'Alle mit einer Eingliederung abgeschlossenen Tandem-Situationen bis zum Ende des Zeitraums.',
    },
    '000 (39)',
  ),
  since_start_rate_of_closed: d(
    { fr: 'Taux d’insertion depuis le début, sur les fermées', de: 'Eingliederungsquote seit Beginn, abgeschlossene' },
    {
      fr: 'Insertions depuis le début divisées par les situations de tandem fermées depuis le début.',
      de: 'Eingliederungen seit Beginn geteilt durch die seit Beginn abgeschlossenen Tandem-Situationen.',
    },
    '000 (≈ 46 %)',
  ),
  since_start_rate_of_all: d(
    { fr: 'Taux d’insertion depuis le début, sur toutes', de: 'Eingliederungsquote seit Beginn, alle' },
    {
      fr: 'Insertions depuis le début divisées par toutes les situations de tandem depuis le début.',
      de: 'Eingliederungen seit Beginn geteilt durch alle Tandem-Situationen seit Beginn.',
    },
    '004 §6 (13 / 26 = 50 %)',
  ),
  duration_announcement_to_decision: d(
    { fr: 'Annonce → décision', de: 'Meldung → Entscheid' },
    {
      fr: 'Jours entre l’annonce et la décision du Bureau, pour les situations annoncées dans la période et décidées.',
      de: 'Tage zwischen Meldung und Entscheid des Büros, für im Zeitraum gemeldete und entschiedene Situationen.',
    },
    '004 §7',
  ),
  duration_decision_to_start: d(
    { fr: 'Décision → début de la prise en charge', de: 'Entscheid → Beginn der Begleitung' },
    {
      fr:
        'Jours entre l’orientation et le début : la séance d’un assessment ou d’une table ronde, le début du ' +
        'mandat d’un tandem.',
      de:
        'Tage zwischen Zuweisung und Beginn: Sitzung eines Assessments oder runden Tisches, Mandatsbeginn eines ' +
        'Tandems.',
    },
    '004 §7',
  ),
  duration_length: d(
    { fr: 'Durée de la prise en charge', de: 'Dauer der Begleitung' },
    {
      fr: 'Jours entre le début et la fin de chaque passage terminé, par type de prise en charge.',
      de: 'Tage zwischen Beginn und Ende jeder abgeschlossenen Begleitung, nach Art.',
    },
    '004 §7; 000',
  ),
  tandem_intensity: d(
    { fr: 'Intensité du tandem', de: 'Intensität des Tandems' },
    {
      fr:
        'Entretiens avec la personne par mois de mandat (du début à la clôture ou à aujourd’hui), comparés à la ' +
        'règle de deux entretiens par mois.',
      de:
        'Gespräche mit der Person pro Mandatsmonat (vom Beginn bis zum Abschluss oder heute), verglichen mit der ' +
        'Regel von zwei Gesprächen pro Monat.',
    },
    '000, 004 §6',
  ),
  time_to_insertion: d(
    { fr: 'Délai jusqu’à l’insertion', de: 'Zeit bis zur Eingliederung' },
    {
      fr:
        'Part des situations de tandem insérées après n mois de mandat (Kaplan–Meier) : les situations encore ' +
        'ouvertes ou fermées sans insertion sont comptées jusqu’à leur dernier mois connu (censurées), pas ' +
        'écartées.',
      de:
        'Anteil der eingegliederten Tandem-Situationen nach n Mandatsmonaten (Kaplan–Meier): laufende oder ohne ' +
        'Eingliederung abgeschlossene Situationen zählen bis zu ihrem letzten bekannten Monat (zensiert), statt ' +
        'wegzufallen.',
    },
    '004 §7',
  ),
  durability: d(
    { fr: 'Durabilité de l’insertion', de: 'Nachhaltigkeit der Eingliederung' },
    {
      fr:
        'Parmi les insertions suivies à 6 et à 12 mois, part des personnes toujours en emploi ; « durable » = ' +
        'toujours en emploi à 12 mois.',
      de:
        'Anteil der Eingegliederten, die bei der Nachkontrolle nach 6 und 12 Monaten noch erwerbstätig sind; ' +
        '«nachhaltig» = nach 12 Monaten.',
    },
    '000',
  ),
  costs: d(
    { fr: 'Coûts par payeur', de: 'Kosten nach Kostenträger' },
    {
      fr:
        'Coûts des mesures encourus dans la période (mêmes règles que les décomptes trimestriels) : LACI, LEMC, ' +
        'LIAS canton 70 % / commune 30 %, MIP avant 2023 ; puis le temps des tandems (ORP, CMS) ; coût par ' +
        'insertion = total / insertions de tandem de la période.',
      de:
        'Im Zeitraum angefallene Massnahmenkosten (gleiche Regeln wie die Quartalsabrechnungen): AVIG, BMAG, GES ' +
        '(Sozialhilfe) Kanton 70 % / Gemeinde 30 %, MIP vor 2023; dazu die Zeit der Tandems (RAV, SMZ); Kosten ' +
        'pro Eingliederung = Total / Tandem-Eingliederungen des Zeitraums.',
    },
    'DOMAIN §5; 002, 003',
  ),
  tandem_time: d(
    { fr: 'Temps des tandems', de: 'Zeit der Tandems' },
    // The basis in force last (decision 027): the figures of each day use the one in force that day.
    tandemTimeCounted('9999-12-31'),
    '000, 002, 003, decision 027',
  ),
} satisfies Record<string, Definition>;
export type FigureKey = keyof typeof DEFINITIONS;
