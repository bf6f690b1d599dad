import type { Language } from '../../domain/access/roles.ts';
import { type AnnualReport, reportTableNote, reportTableRows } from '../../domain/statistics/annual-report.ts';
import { renderPdf } from '../pdf/render-pdf.ts';

const GREEN = '#087f5b';
const TOTAL: Record<Language, string> = { fr: 'Total', de: 'Total' };
const EMPTY: Record<Language, string> = { fr: '(texte à rédiger)', de: '(Text noch zu verfassen)' };

/**
 * The officer's text as paragraphs and lists: paragraphs are separated by a blank line; lines that start with "-",
 * "•" or "*" make a bulleted list (the 2012 report's key achievements are one).
 */
function paragraphs(text: string, lang: Language) {
  const blocks = text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter(Boolean);
  if (blocks.length === 0) return [{ text: EMPTY[lang], italics: true, color: '#666', margin: [0, 0, 0, 6] }];
  return blocks.map((b) => {
    const lines = b.split('\n');
    const bullet = /^\s*[-•*]\s+/;
    return lines.every((l) => bullet.test(l))
      ? { ul: lines.map((l) => l.replace(bullet, '')), margin: [8, 0, 0, 6] }
      : { text: lines.join('\n'), margin: [0, 0, 0, 6], alignment: 'justify' };
  });
}

/** The annual report as an A4 PDF (pdfmake, as the bilan final): sections §2–§7, figures in sentences and tables. */
export function annualReportPdf(r: AnnualReport, lang: Language): Promise<Buffer> {
  return renderPdf({
    info: { title: r.title },
    content: [
      { text: r.title, fontSize: 22, bold: true, color: GREEN },
      { text: r.subtitle, fontSize: 11, margin: [0, 2, 0, 6] },
      { text: r.note, fontSize: 8.5, italics: true, color: '#444', margin: [0, 0, 0, 10] },
      ...r.sections.flatMap((s) => [
        {
          text: `${s.number}. ${s.title}`,
          fontSize: 14,
          bold: true,
          color: GREEN,
          margin: [0, 12, 0, 6],
          headlineLevel: 1,
        },
        ...paragraphs(s.text, lang),
        ...s.parts.flatMap((p) => [
          ...(p.heading ? [{ text: p.heading, bold: true, fontSize: 11.5, margin: [0, 8, 0, 3] }] : []),
          ...p.sentences.map((text) => ({ text, margin: [0, 0, 0, 4] })),
          // A table with nothing in it says no more than its sentence.
          ...(p.table && p.table.total !== 0
            ? [
                {
                  unbreakable: true,
                  stack: [
                    { text: p.table.label[lang], fontSize: 8.5, bold: true, color: '#333', margin: [0, 4, 0, 2] },
                    figureTable(reportTableRows(p.table, lang, TOTAL[lang])),
                    { text: reportTableNote(p.table, lang), fontSize: 7.5, color: '#555', margin: [0, -4, 0, 8] },
                  ],
                },
              ]
            : []),
        ]),
      ]),
    ],
  });
}

function figureTable(rows: string[][]) {
  const [head = [], ...body] = rows;
  const columns = head.length;
  return {
    fontSize: 8,
    margin: [0, 0, 0, 8],
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: [72, ...Array.from({ length: columns - 1 }, () => '*')],
      body: [
        head.map((h, j) => ({ text: h, bold: true, alignment: j === 0 ? 'left' : 'right', fillColor: '#e6f4ef' })),
        ...body.map((row, i) =>
          row.map((c, j) => ({
            text: c,
            alignment: j === 0 ? 'left' : 'right',
            bold: i === body.length - 1 || j === columns - 1,
          })),
        ),
      ],
    },
    layout: 'lightHorizontalLines',
  };
}
