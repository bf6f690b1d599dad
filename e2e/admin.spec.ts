import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { de } from '../src/web/i18n/de/index.ts';
import { fr } from '../src/web/i18n/fr/index.ts';
import { shot, signIn, signOut, switchLanguage } from './support/helpers.ts';
import { expect, test } from './support/test.ts';

test.describe.configure({ mode: 'serial' });

/**
 * Issue 11, administration as the administrator meets it: the audit log in words (labels, names, the situation's
 * number), its filters and the CSV export, in French and German, on a desk and on a phone; the outbox's status read
 * whole; a loader, not a blank page, while a list comes.
 */

/** The CSV behind the export button, as the browser saved it. */
async function downloadCsv(page: Page, label: string) {
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: label }).click();
  const file = await download;
  const bytes = readFileSync(await file.path());
  return {
    name: file.suggestedFilename(),
    bytes,
    lines: bytes
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n'),
  };
}

/** A situation the demo announced: its number, as the audit log itself tells it. */
async function announcedNumber(page: Page) {
  const response = await page.request.get('/api/audit?action=situation.announce&pageSize=1');
  const number = (await response.json()).items[0]?.situationNumber as string | undefined;
  expect(number).toMatch(/^CII-\d{4}-\d{4}$/);
  return number as string;
}

async function chooseAction(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label, exact: true }).fill(option);
  await page.getByRole('option', { name: option, exact: true }).click();
}

for (const size of [
  { name: 'desk', width: 1280, height: 860 },
  { name: 'phone', width: 390, height: 844 },
]) {
  test(`the administrator filters the audit log and exports it, in French and German (${size.name})`, async ({
    page,
  }) => {
    await signIn(page, 'admin');
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.goto('/audit');
    await expect(page.getByRole('heading', { name: fr['audit.title'] })).toBeVisible();
    const number = await announcedNumber(page);

    // By situation and action: the rows name the situation, say what happened, and keep the person hidden.
    await page.getByRole('textbox', { name: fr['audit.filterRecord'] }).fill(number);
    await chooseAction(page, fr['audit.filterActionLabel'], 'Situation annoncée');
    // A table on a desk, cards on a phone: the entries shown either way.
    const rows = page.getByTestId('audit-entry').filter({ visible: true });
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(number);
    await expect(rows.first()).toContainText('Situation annoncée');
    await expect(rows.first()).toContainText(fr['audit.personHidden']);
    await shot(page, `90-audit-filtered-fr-${size.name}`);

    const csv = await downloadCsv(page, fr['audit.exportCsv']);
    expect(csv.name).toMatch(/^journal-audit-\d{4}-\d{2}-\d{2}\.csv$/);
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.lines[0]).toMatch(/^Date et heure;Utilisateur;Institution;Action;Code de l’action;/);
    expect(csv.lines.filter(Boolean)).toHaveLength(2);
    expect(csv.lines[1]).toContain(`;Situation annoncée;situation.announce;Situation;`);
    expect(csv.lines[1]).toContain(`;${number};`);

    // In German: the same filters, German labels on the screen and in the file.
    await switchLanguage(page, 'DE');
    await expect(page.getByRole('heading', { name: de['audit.title'] })).toBeVisible();
    await expect(rows.first()).toContainText('Situation gemeldet');
    await expect(rows.first()).toContainText(de['audit.personHidden']);
    const csvDe = await downloadCsv(page, de['audit.exportCsv']);
    expect(csvDe.name).toMatch(/^audit-protokoll-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(csvDe.lines[0]).toMatch(/^Datum und Zeit;Benutzer;Institution;Aktion;Code der Aktion;/);
    expect(csvDe.lines[1]).toContain(';Situation gemeldet;situation.announce;');

    // By user and by a day range that holds nothing: an empty list says so.
    await page.getByRole('textbox', { name: de['audit.filterRecord'] }).fill('');
    await chooseAction(page, de['audit.filterActionLabel'], 'Anmeldung');
    await expect(rows.first()).toContainText('Anmeldung');
    await page.getByRole('textbox', { name: de['audit.from'], exact: true }).fill('01.01.2099');
    await expect(page.getByText(de['audit.none'])).toBeVisible();
    await shot(page, `91-audit-empty-de-${size.name}`);
    await page.getByRole('textbox', { name: de['audit.from'], exact: true }).fill('');
    await expect(rows.first()).toContainText('Anmeldung');
    await shot(page, `92-audit-sign-ins-de-${size.name}`);

    await switchLanguage(page, 'FR');
    await page.setViewportSize({ width: 1280, height: 860 }); // the sign-out link is in the menu on a phone
    await signOut(page);
  });
}

test('the outbox shows each status whole, in French and German, on a desk and on a phone', async ({ page }) => {
  await signIn(page, 'admin');
  // While the list comes, a loader says so (held back here until it has been seen).
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route('**/api/outbox', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/outbox');
  await expect(page.getByRole('status').filter({ hasText: fr['app.loading'] })).toBeVisible();
  // `shot` waits for loaders to go: this one is the point of the picture.
  await page.screenshot({ path: 'test-results/screenshots/93-outbox-loading-fr.png' });
  release();
  await expect(page.getByRole('status').filter({ hasText: fr['app.loading'] })).toHaveCount(0);
  await page.unroute('**/api/outbox');

  for (const lang of ['FR', 'DE'] as const) {
    await switchLanguage(page, lang);
    const t = lang === 'FR' ? fr : de;
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 844 });
      const badges = page.locator('.badge-whole').filter({ visible: true });
      await expect(badges.first()).toBeVisible();
      await expect(badges.filter({ hasText: t['outbox.pending'] }).first()).toBeVisible();
      // No label ends in "…" and none lies beyond the screen's right edge: each shows all of its text.
      const cut = await badges.evaluateAll((all) =>
        all
          .map((b) => b.querySelector('.badge-whole-label') as HTMLElement)
          .filter(
            (l) =>
              l.scrollWidth > l.clientWidth + 1 ||
              l.scrollHeight > l.clientHeight + 1 ||
              l.getBoundingClientRect().right > window.innerWidth,
          )
          .map((l) => l.textContent),
      );
      expect(cut).toEqual([]);
      await shot(page, `94-outbox-${lang.toLowerCase()}-${width}`);
    }
  }
  await switchLanguage(page, 'FR');
  await page.setViewportSize({ width: 1280, height: 860 });
  await signOut(page);
});
