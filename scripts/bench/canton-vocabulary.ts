import { foldName } from '../../src/domain/person/search-name.ts';
import { TANDEM_CRITERIA } from '../../src/domain/situation/tandem-eligibility.ts';

/**
 * The words of the generated canton: names as they are common in Valais (French
 * in Sion and the Chablais, German in the Upper Valais), and the few sentences a
 * file carries. Small lists, picked by a seeded hash in SQL: the search folds
 * names the way the application does (foldName), so the folded twin is kept here.
 */
export const FAMILY_FR = [
  'Bonvin',
  'Rey',
  'Fournier',
  'Carron',
  'Délèze',
  'Crettenand',
  'Zufferey',
  'Favre',
  'Roduit',
  'Gaillard',
  'Pitteloud',
  'Michellod',
  'Mayor',
  'Métrailler',
  'Théodoloz',
  'Ançay',
  'Cornut',
  'Berrut',
  'Vannay',
  'Rey-Mermet',
  'Udry',
  'Dubuis',
  'Gillioz',
  'Moret',
  'Crettaz',
  'Délez',
  'Évéquoz',
  'Germanier',
  'Fumeaux',
  'Héritier',
  'Luyet',
  'Savioz',
  'Bagnoud',
  'Clivaz',
  'Constantin',
  'Mabillard',
  'Praz',
  'Sierro',
  'Rossier',
  'Jacquier',
  'Coppey',
  'Dayer',
  'Emery',
  'Fragnière',
  'Genoud',
  'Lathion',
  'Monnet',
  'Nendaz',
  'Pralong',
  'Quennoz',
  'Salamin',
  'Tornay',
  'Vouillamoz',
  'Zermatten',
  'Da Silva',
  'Ferreira',
  'Rossi',
  'Berisha',
  'Nguyen',
  'Martins',
] as const;

export const FAMILY_DE = [
  'Zenklusen',
  'Imboden',
  'Ruppen',
  'Summermatter',
  'Kalbermatten',
  'Schmid',
  'Imhof',
  'Zurbriggen',
  'Anthamatten',
  'Bregy',
  'Eyer',
  'Furrer',
  'Gruber',
  'Heinzmann',
  'Jossen',
  'Kämpfen',
  'Lochmatter',
  'Müller',
  'Nellen',
  'Pfammatter',
  'Ritz',
  'Salzmann',
  'Tscherrig',
  'Volken',
  'Walker',
  'Williner',
  'Zimmermann',
  'Bumann',
  'Andenmatten',
  'Schnydrig',
  'Gsponer',
  'Burgener',
  'Kuonen',
  'Mathieu',
  'Seiler',
  'Steiner',
  'Wyss',
  'Amacker',
  'Brunner',
  'Fux',
] as const;

export const GIVEN_FEMALE_FR = [
  'Sophie',
  'Laura',
  'Claire',
  'Anne',
  'Valérie',
  'Isabelle',
  'Nathalie',
  'Élodie',
  'Catherine',
  'Monique',
  'Virginie',
  'Sandra',
  'Nadia',
  'Sarah',
  'Mélanie',
  'Chloé',
  'Léa',
  'Manon',
  'Camille',
  'Julie',
  'Aline',
  'Joëlle',
  'Marie',
  'Zoé',
] as const;
export const GIVEN_MALE_FR = [
  'Julien',
  'Pierre',
  'Marc',
  'Alain',
  'David',
  'Yves',
  'Thomas',
  'Olivier',
  'Patrick',
  'Jean',
  'Sébastien',
  'Kevin',
  'Nicolas',
  'Christophe',
  'Jérôme',
  'Frédéric',
  'Luc',
  'Mathieu',
  'Loïc',
  'André',
  'Hugo',
  'Noé',
  'Raphaël',
  'Éric',
] as const;
export const GIVEN_FEMALE_DE = [
  'Andrea',
  'Sandra',
  'Martina',
  'Petra',
  'Monika',
  'Claudia',
  'Daniela',
  'Nicole',
  'Sabine',
  'Jasmin',
  'Lena',
  'Anna',
  'Sarah',
  'Julia',
  'Ursula',
  'Karin',
] as const;
export const GIVEN_MALE_DE = [
  'Stefan',
  'Reto',
  'Beat',
  'Peter',
  'Markus',
  'Thomas',
  'Daniel',
  'Urs',
  'Christian',
  'Martin',
  'Michael',
  'Lukas',
  'Simon',
  'Fabian',
  'Roman',
  'Jürg',
] as const;

/** Risk factors announced together (each a realistic cumulation; codes of src/domain/situation/vocabulary.ts). */
export const RISK_COMBOS: readonly (readonly string[])[] = [
  ['health', 'employability'],
  ['health', 'psychological', 'debts'],
  ['employability', 'qualifications', 'financial_resources'],
  ['single_parent_childcare', 'debts', 'qualifications'],
  ['psychological', 'family', 'financial_resources'],
  ['addiction', 'housing', 'employability'],
  ['addiction', 'employability', 'debts'],
  ['qualifications', 'housing', 'debts'],
  ['health', 'single_parent_childcare', 'employability'],
  ['language', 'qualifications', 'employability'],
  ['behaviour', 'family', 'qualifications'],
  ['language', 'financial_resources', 'housing'],
  ['health', 'addiction', 'psychological'],
  ['employability', 'debts'],
];

export const DESCRIPTIONS_FR = [
  'Fin de droit dans deux mois ; plusieurs arrêts maladie, difficultés financières.',
  'Sans formation achevée, dettes ; souhaite travailler à temps partiel.',
  'Séparation récente, épuisement, logement précaire.',
  'Rechute après un sevrage ; suivi par Addiction Valais.',
  'Incapacité partielle, démarches AI en cours.',
  'Jeune adulte, plusieurs abandons de mesures.',
  'Ancien indépendant sans travail, endettement.',
  'Mère seule de deux enfants, horaires de garde limités.',
] as const;
export const DESCRIPTIONS_DE = [
  'Aussteuerung in drei Monaten, Schulden, gesundheitliche Probleme.',
  'Ohne abgeschlossene Ausbildung; sucht Teilzeitarbeit.',
  'Alleinerziehend, zwei Kinder, Erschöpfung.',
  'Rückfall nach Entzug; Begleitung durch Sucht Wallis.',
  'Teilweise arbeitsunfähig, IV-Abklärung läuft.',
] as const;
export const HELP_FR = [
  'Évaluer un coaching tandem ORP–CMS.',
  'Table ronde pour choisir la bonne prise en charge.',
  'Prise en charge coordonnée avec les partenaires.',
  'Coaching intensif vers un emploi.',
] as const;
export const HELP_DE = [
  'Intensives Coaching RAV–SMZ.',
  'Runder Tisch zur Wahl der richtigen Begleitung.',
  'Koordinierte Begleitung mit den Partnern.',
] as const;

export const MEETING_NOTES = [
  'Point sur les recherches d’emploi ; deux postulations envoyées.',
  'Bilan de la semaine de stage ; bons retours de l’employeur.',
  'Difficultés de garde ; solution trouvée avec la crèche.',
  'Préparation de l’entretien d’embauche.',
  'Suivi du budget et des dettes avec l’assistante sociale.',
  'Gespräch über Bewerbungen und Kinderbetreuung.',
] as const;
export const OBJECTIVE_TITLES = [
  'Stabiliser la situation financière',
  'Trouver une solution de garde',
  'Obtenir une expérience en entreprise',
  'Reprendre un rythme de travail',
  'Améliorer le français oral',
  'Postuler dans le domaine de la vente',
] as const;

/** The coordinator's eligibility answers for a tandem orientation: the other regime's criterion does not apply. */
export function eligibilityJson(regime: 'laci' | 'lias', german: boolean): string {
  const other = regime === 'laci' ? 'lias_employability_checked' : 'laci_prior_measure';
  return JSON.stringify(
    TANDEM_CRITERIA.map((criterion) => ({
      criterion,
      answer: criterion === other ? 'not_applicable' : 'met',
      justification:
        criterion === other
          ? german
            ? 'Anderes Regime.'
            : 'Autre régime.'
          : german
            ? 'In den Akten und im Gespräch geprüft.'
            : 'Vérifié au dossier et lors de l’entretien.',
    })),
  );
}

export const folded = (names: readonly string[]) => names.map(foldName);
