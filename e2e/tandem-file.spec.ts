import { readFileSync } from 'node:fs';
import { type Page, expect, test } from './support/test.ts';
import { de } from '../src/web/i18n/de/index.ts';
import { fr } from '../src/web/i18n/fr/index.ts';
import { shot, signIn } from './support/helpers.ts';

/**
 * Issue 11's tandem file: the sections a user jumps to, the intensity legend,
 * a meeting planned ahead (shown as the next one), its .ics invitation
 * downloaded, moved, another held from the plan into the journal; in French
 * on Virginie Rey's file (Sion), in German on Petra Schmid's (Brig), at 1280
 * pixels and on a 390 × 844 phone.
 */
test.describe.configure({ mode: 'serial' });

const swiss = (d: Date) =>
  d.toLocaleDateString('de-CH', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Europe/Zurich' });
/** A calendar day `days` from today in Zurich, as dd.mm.yyyy and as yyyymmdd (the .ics form). */
const inDays = (days: number) => {
  const [d, m, y] = swiss(new Date()).split('.').map(Number) as [number, number, number];
  const at = new Date(Date.UTC(y, m - 1, d + days));
  const two = (n: number) => String(n).padStart(2, '0');
  const [dd, mm, yyyy] = [two(at.getUTCDate()), two(at.getUTCMonth() + 1), at.getUTCFullYear()];
  return { swiss: `${dd}.${mm}.${yyyy}`, ics: `${yyyy}${mm}${dd}` };
};

async function openFile(page: Page, username: string, search: string, row: string, situations: string) {
  await signIn(page, username);
  await page.getByRole('navigation').getByRole('link', { name: situations, exact: true }).click();
  await page
    .getByLabel(/^(Rechercher|Suchen)/)
    .first()
    .fill(search);
  await page.locator('tr', { hasText: row }).getByRole('link').first().click();
  await expect(page.getByTestId('tandem-sections')).toBeVisible();
}

async function plan(page: Page, t: typeof fr, on: string, time: string, others: string, place = 'CMS, salle 2') {
  const panel = page.getByTestId('planned-meetings');
  await panel.getByRole('button', { name: t['planned.add'] }).click();
  const form = page.getByTestId('plan-form');
  await form.getByLabel(t['planned.on']).fill(on);
  await form.getByLabel(t['planned.time']).fill(time);
  await form.getByLabel(t['planned.others']).fill(others);
  await form.getByLabel(t['planned.location']).fill(place);
  await form.getByRole('button', { name: t['app.save'] }).click();
  await expect(form).toHaveCount(0);
}

/** Downloads the invitation of the planned meeting shown with `text`, and returns the .ics unfolded. */
async function invitation(page: Page, t: typeof fr, text: string) {
  const item = page.getByTestId('planned-meeting').filter({ hasText: text });
  const waiting = page.waitForEvent('download');
  await item.getByRole('link', { name: t['planned.ics'] }).click();
  const download = await waiting;
  expect(download.suggestedFilename()).toMatch(/^tandem-\d{4}-\d{2}-\d{2}\.ics$/);
  const body = readFileSync(await download.path(), 'utf8');
  expect(body).toMatch(/^BEGIN:VCALENDAR\r\n/);
  return body.replace(/\r\n /g, '');
}

test('the tandem jumps through the file, plans a meeting, downloads its invitation, holds another (FR)', async ({
  page,
}) => {
  const t = fr;
  await openFile(page, 'tandem.orp', 'Rey', 'Rey Virginie', t['nav.situations']);
  const bar = page.getByRole('navigation', { name: t['tandemFile.sections'] });
  for (const s of ['overview', 'journal', 'objectives', 'measures', 'reports', 'closure'] as const)
    await expect(bar.getByRole('link', { name: t[`tandemFile.section.${s}`] })).toBeVisible();
  await expect(page.getByTestId('intensity-legend')).toContainText('arrondi(2 × jours couverts ÷ jours du mois)');
  // The demo's next meeting, planned in six days.
  await expect(page.getByTestId('next-planned-meeting')).toContainText('Gérante du magasin de sport');

  // Jumping: the section comes into view and takes the focus.
  await bar.getByRole('link', { name: t['tandemFile.section.reports'] }).click();
  await expect(page.getByTestId('section-reports')).toBeInViewport();
  await expect(page.getByTestId('section-reports')).toBeFocused();
  await bar.getByRole('link', { name: t['tandemFile.section.journal'] }).click();
  await expect(page.getByTestId('section-journal')).toBeInViewport();

  // A meeting planned in three days at 14:30: the next one at the top; its invitation a REQUEST at that hour.
  const later = inDays(3);
  await plan(page, t, later.swiss, '14:30', 'Mme Luyet (OSP)');
  await expect(page.getByTestId('next-planned-meeting')).toContainText(`${later.swiss} à 14:30`);
  let ics = await invitation(page, t, 'Mme Luyet');
  expect(ics).toContain('METHOD:REQUEST');
  expect(ics).toContain(`DTSTART;TZID=Europe/Zurich:${later.ics}T143000`);
  expect(ics).toContain('SEQUENCE:0');
  expect(ics).toContain('Autres participant·es : Mme Luyet (OSP).');
  const uid = ics.match(/\r\nUID:(.+?)\r\n/)?.[1];
  expect(uid).toBeTruthy();

  // Moved to 09:00 a day later: same UID, SEQUENCE 1.
  const moved = inDays(4);
  const item = page.getByTestId('planned-meeting').filter({ hasText: 'Mme Luyet' });
  await item.getByRole('button', { name: t['planned.move'] }).click();
  const form = page.getByTestId('plan-form');
  await form.getByLabel(t['planned.on']).fill(moved.swiss);
  await form.getByLabel(t['planned.time']).fill('09:00');
  await form.getByRole('button', { name: t['app.save'] }).click();
  await expect(page.getByTestId('next-planned-meeting')).toContainText(`${moved.swiss} à 09:00`);
  ics = await invitation(page, t, 'Mme Luyet');
  expect(ics).toContain(`UID:${uid}\r\n`);
  expect(ics).toContain('SEQUENCE:1');
  expect(ics).toContain(`DTSTART;TZID=Europe/Zurich:${moved.ics}T090000`);

  // One planned for today takes place: it goes into the journal, dated today.
  const journal = page.getByTestId('meetings').getByTestId('meeting');
  const before = await journal.count();
  await plan(page, t, inDays(0).swiss, '08:00', 'Employeur du stage');
  await page
    .getByTestId('planned-meeting')
    .filter({ hasText: 'Employeur du stage' })
    .getByRole('button', { name: t['planned.hold'] })
    .click();
  await expect(journal).toHaveCount(before + 1);
  await expect(journal.first()).toContainText(inDays(0).swiss);
  await expect(page.getByTestId('planned-meeting')).toHaveCount(2);
  await page.getByTestId('section-overview').scrollIntoViewIfNeeded();
  await shot(page, '110-fr-tandem-file-sections');
  await bar.getByRole('link', { name: t['tandemFile.section.overview'] }).click();
  await settledShot(page, '110-fr-tandem-file-overview-1280');
  await bar.getByRole('link', { name: t['tandemFile.section.journal'] }).click();
  await settledShot(page, '110-fr-tandem-file-journal-1280');

  // On a phone: the bar scrolls sideways and still jumps.
  await page.setViewportSize({ width: 390, height: 844 });
  await bar.getByRole('link', { name: t['tandemFile.section.closure'] }).click();
  await expect(page.getByTestId('section-closure')).toBeInViewport();
  // The bar scrolls inside itself: the page does not scroll sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await bar.getByRole('link', { name: t['tandemFile.section.overview'] }).click();
  await expect(page.getByTestId('next-planned-meeting')).toBeInViewport();
  await settledShot(page, '111-fr-tandem-file-phone');
});

test('the Brig tandem plans in German and downloads a German invitation', async ({ page }) => {
  const t = de as typeof fr;
  await openFile(page, 'tandem.smz.brig', 'Schmid', 'Schmid Petra', t['nav.situations']);
  const bar = page.getByRole('navigation', { name: t['tandemFile.sections'] });
  await expect(bar.getByRole('link', { name: t['tandemFile.section.overview'] })).toBeVisible();
  await expect(page.getByTestId('intensity-legend')).toContainText('gerundet(2 × abgedeckte Tage ÷ Tage des Monats)');
  await bar.getByRole('link', { name: t['tandemFile.section.journal'] }).click();
  // German punctuation in the journal: no space before the colon.
  await expect(page.getByTestId('meetings')).toContainText('Nächste Schritte: Praktikum in Visp.');
  const later = inDays(2);
  await plan(page, t, later.swiss, '10:15', 'Frau Imboden (RAV)', 'SMZ Brig, Raum 2');
  await expect(page.getByTestId('next-planned-meeting')).toContainText(`${later.swiss} um 10:15`);
  const ics = await invitation(page, t, 'Frau Imboden');
  expect(ics).toContain('SUMMARY:Tandem · Gespräch mit der Person · Situation');
  expect(ics).toContain(`DTSTART;TZID=Europe/Zurich:${later.ics}T101500`);
  await page.getByTestId('section-overview').scrollIntoViewIfNeeded();
  await shot(page, '112-de-tandem-file-sections');
  await bar.getByRole('link', { name: t['tandemFile.section.overview'] }).click();
  await settledShot(page, '112-de-tandem-file-overview-1280');
  await bar.getByRole('link', { name: t['tandemFile.section.journal'] }).click();
  await settledShot(page, '112-de-tandem-file-journal-1280');
  await page.setViewportSize({ width: 390, height: 844 });
  await bar.getByRole('link', { name: t['tandemFile.section.overview'] }).click();
  await settledShot(page, '113-de-tandem-file-phone');
});

/** The viewport as the user sees it after a jump (not the full page). */
async function settledShot(page: Page, name: string) {
  await expect(page.locator('.mantine-Loader-root')).toHaveCount(0);
  await page.screenshot({ path: `test-results/screenshots/${name}.png` });
}
