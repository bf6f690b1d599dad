/** The history import (issue 13) and the mark of an imported situation. */
export const frHistory = {
  'nav.history': 'Import de l’historique',
  'history.title': 'Importer l’historique de la CII',
  'history.intro':
    'Reprenez les situations des années passées (base ASGAL) pour que les chiffres couvrent toute l’histoire de la ' +
    'CII. Téléchargez le modèle, remplissez une ligne par situation, vérifiez le fichier, puis importez-le.',
  'history.anonymous':
    'Les situations importées sont anonymes : aucun nom, jamais rattachées à une personne. Seules les situations ' +
    'décidées et les prises en charge terminées s’importent ; une situation encore suivie se saisit dans Tandem. ' +
    'Réimporter le même fichier ne change rien (clé externe de chaque ligne), sauf si vous choisissez de corriger.',
  'history.templateXlsx': 'Modèle (Excel, avec explications)',
  'history.templateCsv': 'Modèle (CSV)',
  'history.file': 'Fichier à importer',
  'history.fileHint': 'CSV (séparé par des points-virgules ou des virgules) ou classeur Excel (.xlsx).',
  'history.check': 'Vérifier (sans rien changer)',
  'history.import': 'Importer',
  'history.dryRunResult':
    'Vérification : {rows} lignes lues, {imported} seraient importées, {unchanged} déjà importées, ' +
    '{rejected} refusées. Rien n’a été modifié.',
  'history.importResult':
    'Import terminé : {imported} situations importées, {unchanged} déjà importées (inchangées), {rejected} lignes ' +
    'refusées.',
  'history.correct': 'Corriger les situations déjà importées',
  'history.correctHint':
    'Une ligne dont la clé externe a déjà été importée remplace ce qui avait été importé si ses valeurs ont changé ' +
    '(dates, région, institution, décision, prises en charge, suivis). Chaque correction est journalisée. ' +
    'Vérifiez d’abord : la liste dit quelles situations seraient corrigées.',
  'history.correctedResult':
    '{corrected, plural, one {# situation déjà importée corrigée.} other {# situations déjà importées corrigées.}}',
  'history.wouldCorrect':
    '{corrected, plural, one {# situation déjà importée serait corrigée.} ' +
    'other {# situations déjà importées seraient corrigées.}}',
  'history.correctedCaption': 'Situations corrigées (clé externe et colonnes modifiées)',
  'history.wouldCorrectCaption': 'Situations qui seraient corrigées (clé externe et colonnes modifiées)',
  'history.differing':
    '{differing, plural, one {Parmi les déjà importées, # diffère du fichier ; elle reste telle quelle.} ' +
    'other {Parmi les déjà importées, # diffèrent du fichier ; elles restent telles quelles.}} ' +
    'Cochez « Corriger les situations déjà importées » pour appliquer ces changements.',
  'history.differingCaption': 'Situations déjà importées qui diffèrent du fichier, non corrigées (colonnes modifiées)',
  'history.columns': 'Colonnes modifiées',
  'history.rejectedCaption': 'Lignes refusées : corrigez-les dans le fichier et importez-le à nouveau.',
  'history.line': 'Ligne',
  'history.key': 'Clé externe',
  'history.reasons': 'Motifs',
  'history.imported': 'Importée',
  'history.importedHint': 'Importée de l’historique de la CII : anonyme, comptée dans les chiffres.',
} as const;
