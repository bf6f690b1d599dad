import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { HISTORY_COLUMNS } from '../src/domain/history/history-import.ts';
import { de } from '../src/web/i18n/de/index.ts';
import { fr } from '../src/web/i18n/fr/index.ts';
import { shot, signIn, signOut, switchLanguage } from './support/helpers.ts';
import { expect, test } from './support/test.ts';

/**
 * Issue 13, the history behind the figures: the administrator downloads the import template, checks a file (every
 * refused row with its reason, nothing changed), imports it, imports it again (nothing changes), corrects a row by
 * re-importing it with "correct" ticked, and the Bureau finds
 * the imported situations marked as such; the figures of 2011 count them.
 */
const line = (r: Record<string, string>) => HISTORY_COLUMNS.map((c) => r[c] ?? '').join(';');
const tandem = (key: string, outcome: string) => ({
  external_key: key,
  announced_on: '03.02.2011',
  decided_on: '17.02.2011',
  region: 'SION',
  institution_kind: 'orp',
  decision: 'taken_into_care',
  care1_kind: 'tandem',
  care1_started_on: '01.03.2011',
  care1_ended_on: '30.09.2011',
  care1_outcome: outcome,
});
const file = [
  HISTORY_COLUMNS.join(';'),
  line(tandem('E2E-ASGAL-1', 'inserted')),
  line(tandem('E2E-ASGAL-2', 'inserted')),
  line(tandem('E2E-ASGAL-3', 'lack_of_cooperation')),
  line({ ...tandem('E2E-ASGAL-4', 'inserted'), region: 'GENEVE' }),
].join('\r\n');

test('the administrator imports the history; the Bureau sees it marked; the figures count it', async ({ page }) => {
  await signIn(page, 'admin');
  await page.getByRole('navigation').getByRole('link', { name: fr['nav.history'] }).click();
  await expect(page.getByRole('heading', { name: fr['history.title'] })).toBeVisible();

  // 1. The template, as a workbook with its explanations.
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: fr['history.templateXlsx'] }).click();
  const template = await download;
  expect(template.suggestedFilename()).toBe('modele-historique.xlsx');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync(await template.path()) as unknown as ArrayBuffer);
  expect(book.worksheets.map((w) => w.name)).toEqual(['Historique', 'Explications']);
  expect(book.worksheets[0]?.getRow(1).getCell(1).value).toBe('external_key');

  // 2. A dry run: the refused row and why; nothing imported.
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('history-file').click();
  await (await chooser).setFiles({ name: 'asgal.csv', mimeType: 'text/csv', buffer: Buffer.from(file, 'utf8') });
  await page.getByTestId('history-check').click();
  const result = page.getByTestId('history-result');
  await expect(result.getByRole('status')).toContainText('3 seraient importées');
  await expect(page.getByTestId('history-rejected')).toContainText('région « GENEVE » inconnue');
  await shot(page, 'history-import-dry-run', { onPhone: [page.getByTestId('history-import')] });

  // 3. The import, then the same file again: nothing changes.
  await page.getByTestId('history-import').click();
  await expect(result.getByRole('status')).toContainText(/Import terminé\s*:\s*[0-3] situations importées/);
  await page.getByTestId('history-check').click();
  await expect(result.getByRole('status')).toContainText('0 seraient importées, 3 déjà importées');
  await switchLanguage(page, 'DE');
  await expect(page.getByRole('heading', { name: de['history.title'] })).toBeVisible();
  await page.getByTestId('history-check').click();
  await expect(result.getByRole('status')).toContainText('0 würden importiert, 3 schon importiert');
  await expect(page.getByTestId('history-rejected')).toContainText('unbekannte Region «GENEVE»');
  await shot(page, 'history-import-de');
  await switchLanguage(page, 'FR');

  // 3b. A correction (decision 025): E2E-ASGAL-3 in fact ended with an insertion. Re-imported with "correct"
  // ticked: the check names the key and what changed, the import replaces it.
  const fixedFile = file.replace(
    line(tandem('E2E-ASGAL-3', 'lack_of_cooperation')),
    line(tandem('E2E-ASGAL-3', 'inserted')),
  );
  const again = page.waitForEvent('filechooser');
  await page.getByTestId('history-file').click();
  await (await again).setFiles({ name: 'asgal-2.csv', mimeType: 'text/csv', buffer: Buffer.from(fixedFile, 'utf8') });
  // Without the option, the changed row is not passed off as merely "already imported": it is said to differ.
  await page.getByTestId('history-check').click();
  await expect(result.getByRole('status')).toContainText('Parmi les déjà importées, 1 diffère du fichier');
  await expect(page.getByTestId('history-differing')).toContainText('E2E-ASGAL-3');
  await switchLanguage(page, 'DE');
  await page.getByTestId('history-check').click();
  await expect(result.getByRole('status')).toContainText('Von den bereits importierten weicht 1 von der Datei ab');
  await shot(page, 'history-import-differing-de', { onPhone: [page.getByTestId('history-differing')] });
  await switchLanguage(page, 'FR');
  await page.getByRole('checkbox', { name: fr['history.correct'] }).check();
  await page.getByTestId('history-check').click();
  // One situation, in the singular; the list "would be" corrected until the import applies it.
  await expect(result.getByRole('status')).toContainText('1 situation déjà importée serait corrigée.');
  await expect(page.getByTestId('history-corrected')).toContainText('E2E-ASGAL-3');
  await expect(page.getByTestId('history-corrected')).toContainText(fr['history.wouldCorrectCaption']);
  await shot(page, 'history-import-correct', { onPhone: [page.getByTestId('history-corrected')] });
  await page.getByTestId('history-import').click();
  await expect(result.getByRole('status')).toContainText('1 situation déjà importée corrigée.');
  await expect(page.getByTestId('history-corrected')).toContainText(fr['history.correctedCaption']);
  await signOut(page);

  // 4. The cantonal Bureau finds them marked as imported; the figures of 2011 count them.
  await signIn(page, 'cii.officer');
  await page.getByRole('navigation').getByRole('link', { name: fr['nav.situations'] }).click();
  await page.getByRole('textbox', { name: fr['app.search'] }).fill('HIST-E2E-ASGAL-1');
  const row = page.getByRole('row', { name: /HIST-E2E-ASGAL-1/ });
  await expect(row.getByTestId('imported-badge')).toHaveText(fr['history.imported']);
  await row.getByRole('link', { name: 'HIST-E2E-ASGAL-1' }).click();
  await expect(page.getByTestId('imported-badge').first()).toBeVisible();
  await shot(page, 'history-imported-situation');
  const figures = await page.request.get('/api/figures?year=2011');
  const tandems = (await figures.json()).keyFigures.find((k: { key: string }) => k.key === 'tandem_situations');
  expect(tandems.value).toBeGreaterThanOrEqual(3);
});
