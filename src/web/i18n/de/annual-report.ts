import type { frAnnualReport } from '../fr/annual-report.ts';

/** Der Jahresbericht (Issue 13): die Texte der kantonalen IIZ-Beauftragten und das PDF. */
export const deAnnualReport: Record<keyof typeof frAnnualReport, string> = {
  'annualReport.title': 'Jahresbericht {year}',
  'annualReport.intro':
    'Der Bericht folgt dem Aufbau des Berichts 2012: wichtigste Ergebnisse, Tätigkeit der Gremien, Tätigkeit des ' +
    'Büros nach Art der Begleitung mit ihren Zahlen, Schlussfolgerungen. Die Zahlen sind die der ' +
    'Veröffentlichungsansicht (kleine Zahlen unterdrückt). Die kantonale IIZ-Beauftragte verfasst die Texte, auf ' +
    'Französisch und auf Deutsch.',
  'annualReport.pdfFr': 'Jahresbericht (PDF, Französisch)',
  'annualReport.pdfDe': 'Jahresbericht (PDF, Deutsch)',
  'annualReport.language': 'Sprache der Texte',
  'annualReport.inFrench': 'Französisch',
  'annualReport.inGerman': 'Deutsch',
  'annualReport.section.achievements': '2. Wichtigste Ergebnisse',
  'annualReport.section.copil': '3. Tätigkeit des COPIL',
  'annualReport.section.cdc': '4. Tätigkeit des CDC',
  'annualReport.section.commission': '5. Tätigkeit der Rechtskommission',
  'annualReport.section.bureau': '6. Tätigkeit des IIZ-Büros',
  'annualReport.section.conclusions': '7. Schlussfolgerungen und Empfehlungen',
  'annualReport.hint.achievements':
    'Eine Zeile, die mit «-» beginnt, wird ein Aufzählungspunkt. Die Zahl der gemeldeten Situationen folgt ' +
    'automatisch.',
  'annualReport.hint.copil': 'Sitzungen, Entscheide, Budget.',
  'annualReport.hint.cdc': 'Sitzungen, genehmigte Dokumente und Abläufe.',
  'annualReport.hint.commission': 'Sitzungen und Entscheide zur Risikoübernahme.',
  'annualReport.hint.bureau': 'Arbeitssitzungen, Schulungen. Die Zahlen nach Art der Begleitung folgen automatisch.',
  'annualReport.hint.conclusions': 'Bilanz des Jahres und Empfehlungen für das nächste.',
  'annualReport.empty': '(Text noch zu verfassen)',
  'annualReport.savedBy': 'Gespeichert von {name} (Version {version}).',
  'annualReport.save': 'Texte speichern',
};
