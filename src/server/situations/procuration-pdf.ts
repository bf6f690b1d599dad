import type { DataCategory } from '../../domain/consent/consent.ts';
import type { Language } from '../../domain/access/roles.ts';
import { formatDate } from '../../domain/format/swiss-format.ts';
import { renderPdf } from '../pdf/render-pdf.ts';

/**
 * The procuration to print and sign, in the person's language. Its wording
 * follows the seeds: voluntary adherence (000), exchange of the necessary
 * information only, data protection during and after the process (002/003).
 */
const TEXT = {
  fr: {
    title: 'Procuration',
    subtitle: 'Collaboration interinstitutionnelle (CII) du canton du Valais',
    reference: 'Référence',
    person: 'Personne concernée',
    name: 'Nom et prénoms',
    birthDate: 'Date de naissance',
    navs: 'N° AVS',
    address: 'Adresse',
    intro:
      'Par ma signature, j’adhère volontairement à la démarche de collaboration interinstitutionnelle (CII). ' +
      'J’autorise les institutions suivantes à échanger entre elles, oralement ou par écrit, les informations et ' +
      'données me concernant qui sont nécessaires à ma réinsertion professionnelle et sociale :',
    categories: 'Catégories de données concernées :',
    limits:
      'Les institutions n’échangent que les informations nécessaires en vertu de la présente procuration. Elles ' +
      'respectent les principes de la protection des données pendant et après la démarche (art. 85f LACI ; loi ' +
      'valaisanne sur l’information du public, la protection des données et l’archivage). Les données sur la ' +
      'santé et l’aide sociale sont des données sensibles.',
    validity:
      'Cette procuration est valable jusqu’au {date}. Je peux la révoquer en tout temps, par écrit, auprès de ' +
      'l’une des institutions nommées ; la révocation vaut pour l’avenir.',
    place: 'Lieu et date',
    signature: 'Signature de la personne concernée',
    professional: 'Professionnel·le ayant remis la procuration',
    categoryLabels: {
      identity: 'identité et coordonnées',
      social_situation: 'situation sociale (famille, logement, finances)',
      employment: 'parcours professionnel et assurance-chômage',
      social_aid: 'aide sociale et mesures d’insertion (données sensibles)',
      health: 'santé et capacité de travail (données sensibles)',
      measures: 'mesures du marché du travail et leur suivi',
    },
  },
  de: {
    title: 'Vollmacht',
    subtitle: 'Interinstitutionelle Zusammenarbeit (IIZ) des Kantons Wallis',
    reference: 'Referenz',
    person: 'Betroffene Person',
    name: 'Name und Vornamen',
    birthDate: 'Geburtsdatum',
    navs: 'AHV-Nr.',
    address: 'Adresse',
    intro:
      'Mit meiner Unterschrift nehme ich freiwillig an der interinstitutionellen Zusammenarbeit (IIZ) teil. Ich ' +
      'ermächtige die folgenden Institutionen, untereinander mündlich oder schriftlich die mich betreffenden ' +
      'Informationen und Daten auszutauschen, die für meine berufliche und soziale Wiedereingliederung notwendig ' +
      'sind:',
    categories: 'Betroffene Datenkategorien:',
    limits:
      'Die Institutionen tauschen nur die aufgrund dieser Vollmacht notwendigen Informationen aus. Sie beachten ' +
      'die Grundsätze des Datenschutzes während und nach dem Verfahren (Art. 85f AVIG; Walliser Gesetz über die ' +
      'Information der Öffentlichkeit, den Datenschutz und die Archivierung). Daten über die Gesundheit und die ' +
      'Sozialhilfe sind besonders schützenswerte Personendaten.',
    validity:
      'Diese Vollmacht gilt bis zum {date}. Ich kann sie jederzeit schriftlich bei einer der genannten ' +
      'Institutionen widerrufen; der Widerruf gilt für die Zukunft.',
    place: 'Ort und Datum',
    signature: 'Unterschrift der betroffenen Person',
    professional: 'Fachperson, welche die Vollmacht übergeben hat',
    categoryLabels: {
      identity: 'Identität und Kontaktangaben',
      social_situation: 'soziale Situation (Familie, Wohnen, Finanzen)',
      employment: 'beruflicher Werdegang und Arbeitslosenversicherung',
      social_aid: 'Sozialhilfe und Eingliederungsmassnahmen (besonders schützenswert)',
      health: 'Gesundheit und Arbeitsfähigkeit (besonders schützenswert)',
      measures: 'arbeitsmarktliche Massnahmen und deren Begleitung',
    },
  },
} as const;

export interface ProcurationData {
  lang: Language;
  reference: string;
  person: { officialName: string; firstNames: string; birthDate: string; navs13: string; address: string };
  institutions: string[];
  categories: DataCategory[];
  validUntil: string;
  professional: string;
}

export function procurationPdf(d: ProcurationData): Promise<Buffer> {
  const t = TEXT[d.lang];
  const signatureLine = (label: string) => ({
    stack: [
      { text: ' ', margin: [0, 18, 0, 0] },
      { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 220, y2: 0, lineWidth: 0.7 }] },
      { text: label, fontSize: 9, color: '#444' },
    ],
  });
  return renderPdf({
    info: { title: `${t.title} – ${d.reference}` },
    content: [
      { text: t.title, fontSize: 20, bold: true, color: '#087f5b' },
      { text: t.subtitle, fontSize: 11, margin: [0, 2, 0, 4] },
      { text: `${t.reference} : ${d.reference}`, fontSize: 9, color: '#444', margin: [0, 0, 0, 14] },
      { text: t.person, bold: true, margin: [0, 0, 0, 4] },
      {
        table: {
          widths: [120, '*'],
          body: [
            [t.name, `${d.person.officialName} ${d.person.firstNames}`],
            [t.birthDate, formatDate(d.person.birthDate, d.lang)],
            [t.navs, d.person.navs13 || '—'],
            [t.address, d.person.address || '—'],
          ],
        },
        layout: 'lightHorizontalLines',
        margin: [0, 0, 0, 14],
      },
      { text: t.intro, margin: [0, 0, 0, 6] },
      { ul: d.institutions, margin: [12, 0, 0, 10] },
      { text: t.categories, margin: [0, 0, 0, 4] },
      { ul: d.categories.map((c) => t.categoryLabels[c]), margin: [12, 0, 0, 10] },
      { text: t.limits, margin: [0, 0, 0, 8] },
      { text: t.validity.replace('{date}', formatDate(d.validUntil, d.lang)), margin: [0, 0, 0, 20] },
      { columns: [signatureLine(t.place), signatureLine(t.signature)], columnGap: 30 },
      { text: `${t.professional} : ${d.professional}`, fontSize: 9, color: '#444', margin: [0, 24, 0, 0] },
    ],
  });
}
