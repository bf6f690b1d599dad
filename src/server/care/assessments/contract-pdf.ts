import type { Language } from '../../../domain/access/roles.ts';
import type { ContractStatus, ObjectiveStatus } from '../../../domain/care/objectives-contract.ts';
import { formatDate } from '../../../domain/format/swiss-format.ts';
import { renderPdf } from '../../pdf/render-pdf.ts';

/**
 * The objectives contract of a MAMAC assessment (seed 004 §6: "un plan contraignant (contrat d'objectifs)"), in the
 * person's language, for signature: objectives with the measures planned, the institution responsible and the
 * deadline; the case manager; each party with a line to sign or the acceptance recorded. The person's name is printed
 * only for a reader who may see who she is; otherwise the situation's number stands for her.
 */
const TEXT = {
  fr: {
    title: 'Contrat d’objectifs',
    subtitle: 'Assessment MAMAC — collaboration interinstitutionnelle (CII) du canton du Valais',
    reference: 'Dossier',
    person: 'Personne',
    personAnonymous: 'la personne concernée (dossier {number})',
    version: 'Version',
    versionValue: '{no} du {date} — {status}',
    caseManager: 'Gestion du cas',
    objectives: 'Objectifs',
    measures: 'Mesures prévues',
    responsible: 'Institution responsable',
    deadline: 'Échéance',
    parties: 'Parties',
    accepted: 'accepté par {name} le {date}',
    signedOn: 'signé par la personne le {date} (saisi par {name} le {recorded})',
    sign: 'Date et signature : ______________________________',
    binding:
      'Les parties s’engagent à mettre en œuvre les mesures ci-dessus dans leur cadre légal respectif. ' +
      'Le contrat entre en vigueur lorsque toutes les parties l’ont accepté et que le Bureau CII l’a déclaré ' +
      'conforme. Toute modification fait l’objet d’une nouvelle version.',
    conformity: 'Conformité (Bureau CII)',
    conforming: 'conforme, vérifié par {name} le {date}',
    notChecked: 'pas encore vérifiée',
    status: {
      draft: 'en discussion',
      accepted_by_all: 'accepté par toutes les parties',
      conforming: 'conforme, en attente d’acceptations',
      non_conforming: 'non conforme',
      in_force: 'en vigueur',
      superseded: 'remplacé par une version ultérieure',
    } satisfies Record<ContractStatus, string>,
    objectiveStatus: { open: 'en cours', achieved: 'atteint', abandoned: 'abandonné' } satisfies Record<
      ObjectiveStatus,
      string
    >,
  },
  de: {
    title: 'Zielvereinbarung',
    subtitle: 'MAMAC-Assessment — Interinstitutionelle Zusammenarbeit (IIZ) des Kantons Wallis',
    reference: 'Dossier',
    person: 'Person',
    personAnonymous: 'die betroffene Person (Dossier {number})',
    version: 'Version',
    versionValue: '{no} vom {date} — {status}',
    caseManager: 'Fallführung',
    objectives: 'Ziele',
    measures: 'Vorgesehene Massnahmen',
    responsible: 'Verantwortliche Institution',
    deadline: 'Frist',
    parties: 'Parteien',
    accepted: 'angenommen von {name} am {date}',
    signedOn: 'von der Person unterzeichnet am {date} (erfasst von {name} am {recorded})',
    sign: 'Datum und Unterschrift: ______________________________',
    binding:
      'Die Parteien verpflichten sich, die obigen Massnahmen im Rahmen ihrer jeweiligen gesetzlichen Grundlagen ' +
      'umzusetzen. Die Vereinbarung tritt in Kraft, wenn alle Parteien sie angenommen haben und das IIZ-Büro ' +
      'ihre Konformität bestätigt hat. Jede Änderung ergibt eine neue Version.',
    conformity: 'Konformität (IIZ-Büro)',
    conforming: 'konform, geprüft von {name} am {date}',
    notChecked: 'noch nicht geprüft',
    status: {
      draft: 'in Besprechung',
      accepted_by_all: 'von allen Parteien angenommen',
      conforming: 'konform, Annahmen ausstehend',
      non_conforming: 'nicht konform',
      in_force: 'in Kraft',
      superseded: 'durch eine spätere Version ersetzt',
    } satisfies Record<ContractStatus, string>,
    objectiveStatus: { open: 'laufend', achieved: 'erreicht', abandoned: 'aufgegeben' } satisfies Record<
      ObjectiveStatus,
      string
    >,
  },
} as const;

const fill = (s: string, p: Record<string, string | number>) =>
  s.replace(/\{(\w+)\}/g, (_, k: string) => String(p[k] ?? ''));

export interface ContractPdfData {
  lang: Language;
  number: string;
  /** The person's full name, or null for a reader who may not see it. */
  personName: string | null;
  versionNo: number;
  createdOn: string;
  status: ContractStatus;
  caseManager: string;
  objectives: {
    text: string;
    measuresPlanned: string;
    responsible: string;
    deadline: string;
    status: ObjectiveStatus;
  }[];
  parties: { name: string; acceptedBy: string | null; acceptedOn: string | null; signedOn: string | null }[];
  conformity: { by: string; on: string } | null;
}

export function contractPdf(d: ContractPdfData): Promise<Buffer> {
  const t = TEXT[d.lang];
  const date = (day: string) => formatDate(day, d.lang);
  const heading = (text: string) => ({ text, bold: true, fontSize: 12, color: '#087f5b', margin: [0, 12, 0, 4] });
  return renderPdf({
    info: { title: `${t.title} – ${d.number}` },
    content: [
      { text: t.title, fontSize: 20, bold: true, color: '#087f5b' },
      { text: t.subtitle, fontSize: 10, margin: [0, 2, 0, 10] },
      {
        table: {
          widths: [140, '*'],
          body: [
            [t.reference, d.number],
            [t.person, d.personName ?? fill(t.personAnonymous, { number: d.number })],
            [t.version, fill(t.versionValue, { no: d.versionNo, date: date(d.createdOn), status: t.status[d.status] })],
            [t.caseManager, d.caseManager],
          ],
        },
        layout: 'lightHorizontalLines',
      },
      heading(t.objectives),
      {
        table: {
          headerRows: 1,
          widths: ['*', '*', 100, 60],
          body: [
            [t.objectives, t.measures, t.responsible, t.deadline].map((text) => ({ text, bold: true, fontSize: 9 })),
            ...d.objectives.map((o, i) => [
              { text: `${i + 1}. ${o.text}`, fontSize: 9 },
              { text: o.measuresPlanned, fontSize: 9 },
              { text: o.responsible, fontSize: 9 },
              { text: `${date(o.deadline)}\n${t.objectiveStatus[o.status]}`, fontSize: 9 },
            ]),
          ],
        },
        layout: 'lightHorizontalLines',
      },
      { text: t.binding, fontSize: 9, margin: [0, 10, 0, 0] },
      heading(t.conformity),
      {
        text: d.conformity ? fill(t.conforming, { name: d.conformity.by, date: date(d.conformity.on) }) : t.notChecked,
      },
      heading(t.parties),
      ...d.parties.map((p) => ({
        stack: [
          { text: p.name, bold: true },
          {
            // The person signs; the Bureau or the case manager only records her signature.
            text: !p.acceptedBy
              ? t.sign
              : p.signedOn
                ? fill(t.signedOn, {
                    date: date(p.signedOn),
                    name: p.acceptedBy,
                    recorded: date(p.acceptedOn ?? ''),
                  })
                : fill(t.accepted, { name: p.acceptedBy, date: date(p.acceptedOn ?? '') }),
            fontSize: 9,
            color: '#444',
          },
        ],
        margin: [0, 6, 0, 6],
      })),
    ],
  });
}
