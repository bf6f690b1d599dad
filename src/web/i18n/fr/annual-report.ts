/** The annual report (issue 13): its texts, written by the cantonal CII officer, and its PDF. */
export const frAnnualReport = {
  'annualReport.title': 'Rapport annuel {year}',
  'annualReport.intro':
    'Le rapport suit la structure du rapport 2012 : réalisations clés, activités des organes, activités du Bureau ' +
    'par type de prise en charge avec ses chiffres, conclusions. Les chiffres sont ceux de la vue publication ' +
    '(petits nombres masqués). La chargée cantonale de la CII rédige les textes, en français et en allemand.',
  'annualReport.pdfFr': 'Rapport annuel (PDF, français)',
  'annualReport.pdfDe': 'Rapport annuel (PDF, allemand)',
  'annualReport.language': 'Langue des textes',
  'annualReport.inFrench': 'Français',
  'annualReport.inGerman': 'Allemand',
  'annualReport.section.achievements': '2. Réalisations clés',
  'annualReport.section.copil': '3. Activités du COPIL',
  'annualReport.section.cdc': '4. Activités du CDC',
  'annualReport.section.commission': '5. Activités de la Commission droit',
  'annualReport.section.bureau': '6. Activités du Bureau CII',
  'annualReport.section.conclusions': '7. Conclusion et recommandations',
  'annualReport.hint.achievements':
    'Une ligne commençant par « - » devient une puce. Le nombre de situations annoncées suit automatiquement.',
  'annualReport.hint.copil': 'Séances, décisions, budget.',
  'annualReport.hint.cdc': 'Séances, documents et processus approuvés.',
  'annualReport.hint.commission': 'Séances et décisions de prise de risque.',
  'annualReport.hint.bureau':
    'Séances de travail, formations. Les chiffres par type de prise en charge suivent automatiquement.',
  'annualReport.hint.conclusions': 'Bilan de l’année et recommandations pour la suivante.',
  'annualReport.empty': '(texte à rédiger)',
  'annualReport.savedBy': 'Enregistré par {name} (version {version}).',
  'annualReport.save': 'Enregistrer les textes',
} as const;
