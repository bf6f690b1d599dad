import type { Statement } from '../../contracts/measures.ts';
import type { Language } from '../../domain/access/roles.ts';
import { kindLabel } from '../../domain/access/institution-kind-labels.ts';
import { CANTON_SHARE_PERCENT, COMMUNE_SHARE_PERCENT } from '../../domain/measures/costs.ts';
import { formatChf, formatDate } from '../../domain/format/swiss-format.ts';
import { renderPdf } from '../pdf/render-pdf.ts';

/** The quarterly statement as the commune sends it to the SAS, in the commune's language by default. */
const TEXT = {
  fr: {
    title: 'Décompte trimestriel des mesures d’insertion LIAS',
    subtitle: 'Commune de {commune} — {quarter} (du {from} au {to}) — à l’attention du {sas}',
    measures: 'Mesures d’insertion LIAS',
    mip: 'Mandats d’insertion professionnelle (MIP)',
    head: [
      'Dossier',
      'Personne',
      'Mesure',
      'Période',
      'Jours (mois)',
      'Montant',
      `Canton ${CANTON_SHARE_PERCENT} %`,
      `Commune ${COMMUNE_SHARE_PERCENT} %`,
    ],
    subtotal: 'Sous-total',
    total: 'Total du trimestre',
    none: 'Aucune mesure LIAS ni MIP n’a couru durant ce trimestre.',
    method:
      'Un prix par mois est facturé par mois, dans le trimestre où tombe chaque mois (le MIP : six mois ' +
      'civils à CHF 500) ; un mois commencé compte en entier, un mois après une interruption n’est pas facturé. ' +
      'Les autres mesures au prorata des jours où elles ont couru durant le trimestre (coût prévu réparti sur leur ' +
      'durée prévue). Répartition de chaque montant au centime : canton {canton} %, commune {commune} %.',
    printed: 'Établi le {date}',
  },
  de: {
    title: 'Quartalsabrechnung der Eingliederungsmassnahmen (GES)',
    subtitle: 'Gemeinde {commune} — {quarter} (vom {from} bis {to}) — zuhanden der {sas}',
    measures: 'Eingliederungsmassnahmen nach GES',
    mip: 'Mandate zur beruflichen Eingliederung (MIP)',
    head: [
      'Dossier',
      'Person',
      'Massnahme',
      'Zeitraum',
      'Tage (Monate)',
      'Betrag',
      `Kanton ${CANTON_SHARE_PERCENT} %`,
      `Gemeinde ${COMMUNE_SHARE_PERCENT} %`,
    ],
    subtotal: 'Zwischentotal',
    total: 'Total des Quartals',
    none: 'In diesem Quartal lief keine GES-Massnahme und kein MIP.',
    method:
      'Ein Preis pro Monat wird monatlich verrechnet, im Quartal, in das der Monat fällt (das MIP: sechs ' +
      'Kalendermonate zu CHF 500); ein angefangener Monat zählt ganz, ein Monat nach einem Abbruch nicht. ' +
      'Die übrigen Massnahmen anteilig nach den Tagen, an denen sie im Quartal liefen (geplante Kosten auf die ' +
      'geplante Dauer verteilt). Aufteilung jedes Betrags auf den Rappen: Kanton {canton} %, Gemeinde {commune} %.',
    printed: 'Erstellt am {date}',
  },
} as const;

const fill = (s: string, p: Record<string, string | number>) =>
  s.replace(/\{(\w+)\}/g, (_, k: string) => String(p[k] ?? ''));

export function statementPdf(s: Statement, lang: Language, today: string): Promise<Buffer> {
  const t = TEXT[lang];
  const chf = (c: number) => formatChf(c / 100);
  const right = (text: string, bold = false) => ({ text, alignment: 'right', bold });
  const table = (lines: Statement['lines'], totals: Statement['total']) => ({
    table: {
      headerRows: 1,
      widths: [62, 40, '*', 84, 44, 62, 62, 62],
      body: [
        t.head.map((h, i) => ({ text: h, bold: true, alignment: i >= 4 ? 'right' : 'left' })),
        ...lines.map((l) => [
          l.situationNumber,
          l.initials,
          lang === 'de' ? l.kindNameDe : l.kindNameFr,
          `${formatDate(l.from, lang)} – ${formatDate(l.to, lang)}`,
          right(l.months === null ? String(l.days) : `${l.days} (${l.months})`),
          right(chf(l.cents)),
          right(chf(l.cantonCents)),
          right(chf(l.communeCents)),
        ]),
        [
          { text: t.subtotal, bold: true, colSpan: 5 },
          '',
          '',
          '',
          '',
          right(chf(totals.cents), true),
          right(chf(totals.cantonCents), true),
          right(chf(totals.communeCents), true),
        ],
      ],
    },
    layout: 'lightHorizontalLines',
    fontSize: 8.5,
  });
  const heading = (text: string) => ({ text, bold: true, fontSize: 12, color: '#087f5b', margin: [0, 14, 0, 4] });
  const measures = s.lines.filter((l) => !l.mip);
  const mips = s.lines.filter((l) => l.mip);
  return renderPdf({
    info: { title: `${t.title} – ${s.commune.name} – ${s.quarter.key}` },
    pageOrientation: 'landscape',
    content: [
      { text: t.title, fontSize: 17, bold: true, color: '#087f5b' },
      {
        text: fill(t.subtitle, {
          commune: s.commune.name,
          quarter: s.quarter.key,
          from: formatDate(s.quarter.from, lang),
          to: formatDate(s.quarter.to, lang),
          sas: kindLabel('sas', lang),
        }),
        fontSize: 10,
        margin: [0, 2, 0, 6],
      },
      ...(s.lines.length === 0 ? [{ text: t.none, margin: [0, 12, 0, 0] }] : []),
      ...(measures.length ? [heading(t.measures), table(measures, s.measures)] : []),
      ...(mips.length ? [heading(t.mip), table(mips, s.mip)] : []),
      {
        table: {
          widths: ['*', 80, 80, 80],
          body: [
            [
              { text: t.total, bold: true },
              right(chf(s.total.cents), true),
              right(chf(s.total.cantonCents), true),
              right(chf(s.total.communeCents), true),
            ],
          ],
        },
        layout: 'noBorders',
        margin: [0, 14, 0, 0],
      },
      {
        text: fill(t.method, { canton: CANTON_SHARE_PERCENT, commune: COMMUNE_SHARE_PERCENT }),
        fontSize: 8.5,
        color: '#444',
        margin: [0, 14, 0, 0],
      },
      { text: fill(t.printed, { date: formatDate(today, lang) }), fontSize: 8.5, color: '#444', margin: [0, 6, 0, 0] },
    ],
  });
}
