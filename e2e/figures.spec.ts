import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { de } from '../src/web/i18n/de/index.ts';
import { fr } from '../src/web/i18n/fr/index.ts';
import { type Page, expect, test } from './support/test.ts';
import { SHOTS, shot, signIn, signOut, switchLanguage } from './support/helpers.ts';

/**
 * Issue 13's journey: the steering committee's statistics reader (copil.stats) finds this year's key figures on the
 * home page, opens the figures, switches to last year and to the published view, reads how a figure is counted,
 * switches to German, and downloads the workbook, read back here: the published sheets hide the small counts.
 */
const thisYear = new Date().getFullYear();

async function pickYear(page: Page, label: string, year: number) {
  await page.getByRole('combobox', { name: label }).first().click();
  await page.getByRole('option', { name: String(year), exact: true }).click();
}

test('copil.stats reads the figures, by year, in French and German, and downloads the workbook', async ({ page }) => {
  await signIn(page, 'copil.stats');
  // 1. The home page: this year's key figures, internal.
  const home = page.getByTestId('home-figures');
  await expect(
    home.getByRole('heading', { name: fr['figures.homeTitle'].replace('{year}', String(thisYear)) }),
  ).toBeVisible();
  await expect(home.getByTestId('figure-tandem_situations')).toBeVisible();
  await shot(page, 'figures-home');

  // 2. The figures page, this year, internal (exact counts, said so).
  await page.getByRole('navigation').getByRole('link', { name: fr['nav.figures'] }).click();
  await expect(page.getByRole('heading', { name: fr['figures.title'] })).toBeVisible();
  await expect(page.getByTestId('figures-status')).toHaveText(fr['figures.internalNote']);
  const tandems = page.getByTestId('figure-tandem_situations-value');
  await expect(tandems).toHaveText(/^\d+$/);
  await expect(page.getByTestId('figure-insertion_rate_of_closed')).toContainText(fr['figures.howCounted']);

  // 3. Last year: the demo's history, with the year before to compare.
  await pickYear(page, fr['figures.year'], thisYear - 1);
  await expect(page.getByTestId('figure-tandem_situations')).toContainText(`${thisYear - 2}`);
  const lastYear = Number(await tandems.textContent());
  expect(lastYear).toBeGreaterThanOrEqual(5);
  await expect(page.getByTestId('figures-curve')).toBeVisible();
  const comparison = page.getByTestId('figures-comparison');
  await expect(comparison.getByRole('columnheader', { name: String(thisYear - 2), exact: true })).toBeVisible();
  await expect(page.getByTestId('chart-tandem_by_region')).toBeVisible();
  // The refusals by the institutions they suggest; the tandems' time costed, with how it is counted.
  await expect(page.getByTestId('table-refused_by_suggested_institution')).toContainText('ORP');
  await expect(page.getByTestId('figures-tandem-time-counted')).toContainText(fr['figures.payer.tandemTime']);
  await expect(page.getByTestId('figures-costs')).toContainText(fr['figures.payer.tandemOrpCents']);
  await shot(page, 'figures-fr', { onPhone: [page.getByTestId('figures-xlsx')] });

  // 4. The published view: small counts hidden, said so.
  await page.getByTestId('figures-publication').getByText(fr['figures.public']).click();
  await expect(page.getByTestId('figures-status')).toContainText('(x)');
  // The demo's Upper Valais has a single tandem situation or two a year: hidden, with what would reveal them.
  const published = page.getByTestId('table-tandem_by_region');
  await expect(published.getByText('x', { exact: true }).first()).toBeVisible();
  await expect(page.getByTestId('chart-tandem_by_region-hidden')).toHaveText(fr['figures.chartHidden']);
  // A previous year's value hidden for its small count reads x too, never left out.
  const answer = await page.request.get(`/api/figures?year=${thisYear - 1}&publication=public`);
  const hiddenBefore = ((await answer.json()).keyFigures as { key: string; previous: number | null }[]).filter(
    (k) => k.previous === null && !k.key.startsWith('since_start'),
  );
  expect(hiddenBefore.length).toBeGreaterThan(0);
  for (const k of hiddenBefore) await expect(page.getByTestId(`figure-${k.key}-previous`)).toContainText('x');
  await shot(page, 'figures-public');

  // 5. In German.
  await switchLanguage(page, 'DE');
  await expect(page.getByRole('heading', { name: de['figures.title'] })).toBeVisible();
  await expect(page.getByTestId('figure-insertion_rate_of_closed')).toContainText(de['figures.howCounted']);
  await shot(page, 'figures-de', { onPhone: [page.getByTestId('figures-xlsx')] });

  // 6. The workbook of what is shown (last year, published, German), read back.
  const download = page.waitForEvent('download');
  await page.getByTestId('figures-xlsx').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(
    new RegExp(`^kennzahlen-${thisYear - 1}-01-01-${thisYear - 1}-12-31-public\\.xlsx$`),
  );
  const path = await file.path();
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  const [keySheet] = book.worksheets;
  expect(keySheet?.name).toBe('Kennzahlen');
  const cells = (keySheet?.getSheetValues() ?? []).flat().map((v) => String(v ?? ''));
  expect(cells.some((c) => c.includes('unterdrückt'))).toBe(true);
  const row = keySheet?.getRows(1, keySheet.rowCount)?.find((r) => r.getCell(1).value === 'Tandem-Situationen');
  expect(row?.getCell(2).value).toBe(lastYear);
  expect(book.worksheets.map((w) => w.name)).toContain('Zeit bis zur Eingliederung');
});

/** The PDF as text (pdftotext) and its first page as an image (pdftoppm), kept beside the screenshots. */
function readPdf(path: string, name: string): string {
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '2', path, `${SHOTS}/${name}`]);
  return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

test('the cantonal officer writes the annual report; copil.stats downloads it in French and German', async ({
  page,
}) => {
  const year = thisYear - 1;
  // 1. The officer writes last year's texts, in French and in German, and saves each.
  await signIn(page, 'cii.officer');
  await page.getByRole('navigation').getByRole('link', { name: fr['nav.figures'] }).click();
  await pickYear(page, fr['figures.year'], year);
  const report = page.getByTestId('annual-report');
  await expect(report.getByRole('heading', { name: `Rapport annuel ${year}` })).toBeVisible();
  await report.getByTestId('annual-report-achievements').fill('- Formation des répondants CII\n- Nouvelle convention');
  await report.getByTestId('annual-report-conclusions').fill('Une culture CII existe réellement en Valais !');
  await report.getByTestId('annual-report-save').click();
  await expect(report.getByTestId('annual-report-saved-by')).toContainText('Nathalie Crettenand');
  await report.getByTestId('annual-report-language').getByText(fr['annualReport.inGerman']).click();
  await report.getByTestId('annual-report-conclusions').fill('Eine IIZ-Kultur existiert im Wallis.');
  await report.getByTestId('annual-report-save').click();
  await expect(report.getByTestId('annual-report-saved-by')).toBeVisible();
  await report.scrollIntoViewIfNeeded();
  await shot(page, 'annual-report-officer', { onPhone: [report.getByTestId('annual-report-save')] });

  // 2. The statistics reader reads the texts and downloads both PDFs.
  await signOut(page);
  await signIn(page, 'copil.stats');
  // The journey above left copil.stats in German.
  await switchLanguage(page, 'FR');
  await page.getByRole('navigation').getByRole('link', { name: fr['nav.figures'] }).click();
  await pickYear(page, fr['figures.year'], year);
  const readOnly = page.getByTestId('annual-report');
  await expect(readOnly.getByText('Une culture CII existe réellement en Valais !')).toBeVisible();
  await expect(readOnly.getByTestId('annual-report-save')).toHaveCount(0);
  for (const lang of ['fr', 'de'] as const) {
    const download = page.waitForEvent('download');
    await readOnly.getByTestId(`annual-report-pdf-${lang}`).click();
    const file = await download;
    const stem = lang === 'de' ? 'jahresbericht' : 'rapport-annuel';
    expect(file.suggestedFilename()).toBe(`${stem}-cii-${year}.pdf`);
    const text = readPdf(await file.path(), `annual-report-${lang}`);
    if (lang === 'fr') {
      for (const s of [
        `Rapport annuel ${year}`,
        `2. Réalisations clés pour l’année ${year}`,
        '6. Activités du Bureau CII',
        'Formation des répondants CII',
        'Une culture CII existe réellement en Valais !',
        'Tandems par région, état et issue',
      ])
        expect(text).toContain(s);
      expect(text).toMatch(/\d+ situations ont été annoncées/);
    } else {
      for (const s of [`Jahresbericht ${year}`, '6. Tätigkeit des IIZ-Büros', 'Eine IIZ-Kultur existiert im Wallis.'])
        expect(text).toContain(s);
    }
  }
  await switchLanguage(page, 'DE');
  await expect(page.getByTestId('annual-report').getByRole('heading', { name: `Jahresbericht ${year}` })).toBeVisible();
  await page.getByTestId('annual-report').scrollIntoViewIfNeeded();
  await shot(page, 'annual-report-de');
});
