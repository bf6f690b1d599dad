import type { frTandemFile } from '../fr/tandem-file.ts';

/** German labels of the tandem file's sections, intensity legend and planned meetings (issue 11). */
export const deTandemFile: Record<keyof typeof frTandemFile, string> = {
  'tandemFile.sections': 'Abschnitte des Tandem-Dossiers',
  'tandemFile.section.overview': 'Übersicht',
  'tandemFile.section.journal': 'Journal',
  'tandemFile.section.objectives': 'Ziele',
  'tandemFile.section.measures': 'Massnahmen',
  'tandemFile.section.reports': 'Berichte',
  'tandemFile.section.closure': 'Abschluss',
  'intensity.to_hold': 'offen',
  'intensity.not_required': 'nicht verlangt',
  'intensity.ofRequired': '{n} / {required}',
  'intensity.monthHeader': 'Monat',
  'intensity.statusHeader': 'Stand',
  'intensity.requiredHeader': 'Gespräche / verlangt',
  'intensity.legend':
    'Regel: zwei Gespräche mit der Person pro vollem Monat. Ein angebrochener Monat (Beginn, Ende oder Abschluss ' +
    'des Mandats) verlangt gerundet(2 × abgedeckte Tage ÷ Tage des Monats): keines, wenn weniger als ein Viertel ' +
    'des Monats abgedeckt ist, eines bis drei Viertel, darüber zwei. Der laufende Monat ist «offen», solange die ' +
    'fehlenden Gespräche noch stattfinden können (eines pro Tag), und erst «im Rückstand», wenn nicht mehr; ein ' +
    'vergangener Monat ist «erreicht» oder «verfehlt». Nach dem Abschluss wird nichts mehr gemeldet.',
  'planned.title': 'Geplante Gespräche',
  'planned.next': 'Nächstes geplantes Gespräch',
  'planned.noneNext': 'Kein Gespräch geplant.',
  'planned.add': 'Gespräch planen',
  'planned.on': 'Datum',
  'planned.time': 'Uhrzeit',
  'planned.duration': 'Dauer (Minuten)',
  'planned.kind': 'Art',
  'planned.personInvited': 'Die Person ist eingeladen',
  'planned.others': 'Weitere Teilnehmende (Name, Rolle)',
  'planned.location': 'Ort',
  'planned.saved': 'Gespräch geplant.',
  'planned.moved': 'Gespräch verschoben.',
  'planned.cancelled': 'Gespräch abgesagt.',
  'planned.held': 'Gespräch im Journal erfasst, mit heutigem Datum.',
  'planned.when': '{date} um {time}',
  'planned.withPerson': 'mit der Person',
  'planned.tandemOnly': 'nur Tandem',
  'planned.move': 'Verschieben',
  'planned.cancel': 'Gespräch absagen',
  'planned.hold': 'Hat stattgefunden',
  'planned.ics': 'Einladung (.ics)',
  'planned.by': 'geplant von {name}',
  'planned.cancelledByClosure': 'mit dem Abschluss des Mandats abgesagt: Absage (.ics) versenden',
  'planned.overdue': 'Datum vorbei',
};
