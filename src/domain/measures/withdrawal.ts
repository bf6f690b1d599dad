import type { Language } from '../access/roles.ts';
import { formatDate } from '../format/swiss-format.ts';

/**
 * The e-mail a decider receives when a measure waiting at their step is withdrawn because its mandate closed (issue
 * 11): they need not decide it any more. The person is not named, only the situation's number.
 */
export interface WithdrawalFacts {
  number: string;
  nameFr: string;
  nameDe: string;
  startOn: string;
  reason: string;
}

const T = {
  fr: {
    subject: 'Mesure retirée — {number}',
    hello: 'Bonjour {name},',
    body:
      'La mesure « {measure} » (dès le {start}) proposée pour la situation {number} attendait votre décision. ' +
      'Le mandat tandem a été clôturé et la mesure a été retirée : elle n’est plus à décider.',
    reason: 'Motif : {reason}',
  },
  de: {
    subject: 'Massnahme zurückgezogen — {number}',
    hello: 'Guten Tag {name}',
    body:
      'Die Massnahme «{measure}» (ab {start}), beantragt für die Situation {number}, wartete auf Ihren Entscheid. ' +
      'Das Tandem-Mandat wurde abgeschlossen und die Massnahme zurückgezogen: Sie ist nicht mehr zu entscheiden.',
    reason: 'Grund: {reason}',
  },
} as const;

const fill = (s: string, p: Record<string, string>) => s.replace(/\{(\w+)\}/g, (_, k: string) => p[k] ?? '');

export function composeWithdrawal(f: WithdrawalFacts, recipientName: string, lang: Language) {
  const t = T[lang];
  const p = {
    number: f.number,
    measure: lang === 'de' ? f.nameDe : f.nameFr,
    start: formatDate(f.startOn, lang),
    reason: f.reason,
    name: recipientName,
  };
  return {
    subject: fill(t.subject, p),
    text: [fill(t.hello, p), '', fill(t.body, p), fill(t.reason, p)].join('\n'),
  };
}
