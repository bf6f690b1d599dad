import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { type Locator, type Page, expect, test } from './support/test.ts';
import { de } from '../src/web/i18n/de/index.ts';
import { fr } from '../src/web/i18n/fr/index.ts';
import { confirmDialog, shot, signIn, signOut, skipUnsentReports } from './support/helpers.ts';

/**
 * Issue 4's journey: the Bureau assigns Kevin Moret (demo, oriented to a
 * tandem) to the Sion tandem; the tandem logs meetings over three months,
 * sees the warning for the thin month, extends once, is refused an extension
 * past nine months, sends a monthly report, writes the final report (PDF
 * rendered), closes with an insertion and hands the file back; the ORP
 * counsellor who announced it sees it handed back. Then the Brig tandem's
 * file in German.
 */
test.describe.configure({ mode: 'serial' });

const t = fr;
const swiss = (d: Date) =>
  d.toLocaleDateString('de-CH', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Europe/Zurich' });
const zurichToday = () => {
  const [d, m, y] = swiss(new Date()).split('.').map(Number) as [number, number, number];
  return { y, m, d };
};
/** A calendar day as dd.mm.yyyy, `months` after the current month, clamped to the month's end. */
const day = (months: number, dayOfMonth: number) => {
  const { y, m } = zurichToday();
  const total = y * 12 + (m - 1) + months;
  const last = new Date(Date.UTC(Math.floor(total / 12), (total % 12) + 1, 0)).getUTCDate();
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(Math.min(dayOfMonth, last))}.${two((total % 12) + 1)}.${Math.floor(total / 12)}`;
};
const today = () => swiss(new Date());

async function pick(page: Page, scope: Locator, label: string, option: RegExp | string) {
  await scope.getByRole('combobox', { name: label }).first().click();
  await page.getByRole('option', { name: option }).first().click();
}

test('the Bureau assigns, the tandem coaches for months, reports, closes with an insertion, hands back', async ({
  page,
  request,
}) => {
  // 1. The Bureau sees the tandems and their load, and assigns the situation waiting for a tandem.
  await signIn(page, 'coord.sion');
  await expect(page.getByRole('navigation')).toBeVisible();
  await expect(page.getByTestId('attention-tandem_to_assign')).toBeVisible();
  await page.getByRole('navigation').getByRole('link', { name: t['nav.tandems'] }).click();
  await expect(page.getByRole('heading', { name: t['tandems.title'] })).toBeVisible();
  await expect(page.getByTestId('tandem-row').filter({ hasText: 'Pierre Métrailler' })).toContainText('Anne Théodoloz');
  await shot(page, '60-fr-tandems');
  await page.getByRole('navigation').getByRole('link', { name: t['nav.situations'], exact: true }).click();
  await page.getByLabel(t['app.search']).first().fill('Moret');
  await page.locator('tr', { hasText: 'Moret Kevin' }).getByRole('link').first().click();
  const assignPanel = page.getByTestId('assign-panel');
  await expect(assignPanel).toBeVisible();
  await pick(page, assignPanel, t['assign.tandem'], /Pierre Métrailler/);
  // A start on the 20th: the first month is partial and asks for one meeting only (issue 11).
  await assignPanel.getByLabel(t['assign.startOn']).fill(day(-2, 20));
  await shot(page, '61-fr-assign');
  await assignPanel.getByRole('button', { name: t['assign.submit'] }).click();
  await expect(page.getByTestId('mandate')).toBeVisible();
  const url = page.url();
  await signOut(page);

  // 2. The tandem logs meetings over three months: one in the partial first (enough), one in the second (thin), one
  // this month.
  await signIn(page, 'tandem.orp');
  await expect(page.getByRole('navigation')).toBeVisible();
  await page.goto(url);
  const meetings = page.getByTestId('meetings');
  const log = async (heldOn: string, notes: string) => {
    await meetings.getByRole('button', { name: t['meetings.add'] }).click();
    const form = page.getByTestId('meeting-form');
    await form.getByLabel(t['meetings.heldOn']).fill(heldOn);
    await form.getByLabel(t['meetings.participants']).fill('M. Moret, tandem');
    await form.getByLabel(t['meetings.notes']).fill(notes);
    await form.getByLabel(t['meetings.nextSteps']).fill(`Suite : ${notes}`);
    await form.getByRole('button', { name: t['app.save'] }).click();
    await expect(form).toHaveCount(0);
  };
  await log(day(-2, 25), 'Premier entretien, objectifs posés.');
  await log(day(-1, 10), 'Recherche de stage.');
  await log(today(), 'Stage trouvé dans un garage.');
  await expect(meetings.getByTestId('meeting')).toHaveCount(3);
  const intensity = page.getByTestId('intensity');
  const monthOf = (d: string) => d.split('.').reverse().slice(0, 2).join('-');
  // The partial first month: one meeting of one required, met; no false alarm on the current month.
  await expect(intensity.getByTestId(`intensity-${monthOf(day(-2, 20))}`)).toContainText(t['intensity.met']);
  await expect(intensity.getByTestId(`intensity-${monthOf(day(-2, 20))}`)).toContainText('1 / 1');
  await expect(intensity.getByTestId(`intensity-${monthOf(day(-1, 1))}`)).toContainText(t['intensity.missed']);
  await expect(intensity.getByTestId(`intensity-${monthOf(today())}`)).toContainText(t['intensity.to_hold']);
  await expect(intensity.getByText(t['intensity.behind'], { exact: true })).toHaveCount(0);
  await expect(page.getByTestId('intensity-legend')).toContainText('arrondi(2 × jours couverts ÷ jours du mois)');
  await page.getByRole('navigation').getByRole('link', { name: t['nav.home'] }).click();
  await expect(page.getByTestId('attention-months_missed').first()).toBeVisible();
  await shot(page, '62-fr-tandem-home-warnings');
  await page.goto(url);

  // 3. One extension, then one past nine months is refused with the reason.
  const extend = page.getByTestId('extend-form');
  await extend.getByLabel(t['mandate.newEnd']).fill(day(6, 1));
  await extend.getByLabel(t['mandate.justification']).fill('Stage en cours, engagement probable.');
  await extend.getByRole('button', { name: t['mandate.extend'] }).click();
  await expect(page.getByTestId('mandate')).toContainText(day(6, 1));
  await extend.getByLabel(t['mandate.newEnd']).fill(day(8, 1));
  await extend.getByLabel(t['mandate.justification']).fill('Encore deux mois.');
  await extend.getByRole('button', { name: t['mandate.extend'] }).click();
  await expect(
    extend.getByText(`Un mandat ne peut pas dépasser neuf mois : la fin ne peut pas être après le ${day(7, 20)}.`),
  ).toBeVisible();
  await shot(page, '63-fr-mandate-extension-refused');

  // 4. The monthly report of the first month, drafted from its meetings, edited and sent.
  const firstMonth = page.getByTestId(`report-${monthOf(day(-2, 1))}`);
  await firstMonth.getByRole('button', { name: t['reports.draft'] }).click();
  await expect(firstMonth.getByLabel(t['reports.elements'])).toHaveValue(/Suite : Premier entretien/);
  await firstMonth
    .getByLabel(t['reports.elements'])
    .fill('Objectifs posés ; bilan de compétences fait ; motivation bonne.');
  await firstMonth.getByRole('button', { name: t['reports.send'] }).click();
  await confirmDialog(page, t['reports.send'], ['Julien Fournier', t['reports.confirmFinal']]);
  await expect(firstMonth.getByTestId('report-recipient')).toContainText('Julien Fournier');
  await shot(page, '64-fr-monthly-report-sent');

  // 5. The final report, finalised as a PDF, and the closure with an insertion.
  const final = page.getByTestId('final-report');
  await final.getByLabel(t['final.workDone']).fill('Trois entretiens, bilan de compétences, recherche de stage.');
  await final.getByLabel(t['final.obstacles']).fill('Consommation de cannabis, abandons de mesures passés.');
  await final.getByLabel(t['final.strengths']).fill('Habileté manuelle, motivation retrouvée.');
  await final.getByLabel(t['final.stepsTaken']).fill('Stage dans un garage, engagement comme aide-mécanicien.');
  await final.getByLabel(t['final.stepsToTake']).fill('Suivi par l’ORP ; contact avec Addiction Valais si besoin.');
  await final.getByRole('button', { name: t['final.finalise'] }).click();
  await confirmDialog(page, t['final.finalise']);
  await expect(page.getByTestId('final-done')).toBeVisible();
  const cookies = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  const situationId = url.split('/').pop();
  for (const lang of ['fr', 'de']) {
    const pdf = await request.get(`/api/situations/${situationId}/final-report.pdf?lang=${lang}`, {
      headers: { cookie: cookies },
    });
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const path = `test-results/screenshots/final-report-${lang}.pdf`;
    writeFileSync(path, await pdf.body());
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '70',
      '-f',
      '1',
      '-l',
      '1',
      path,
      `test-results/screenshots/65-${lang}-final-report`,
    ]);
  }
  const close = page.getByTestId('close-panel');
  await pick(page, close, t['close.outcome'], t['outcome.inserted']);
  await close.getByLabel(t['close.employer']).fill('Garage du Rhône SA');
  await close.getByLabel(t['close.insertionStart']).fill(today());
  await close.getByLabel(t['close.rate']).fill('80');
  await skipUnsentReports(page, 'Point fait oralement avec l’ORP.');
  await shot(page, '66-fr-closure');
  await close.getByRole('button', { name: t['close.submit'] }).click();
  await confirmDialog(page, t['close.submit'], ['Julien Fournier']);
  await expect(page.getByTestId('mandate-closed')).toContainText('Garage du Rhône SA');
  await expect(page.getByTestId('follow-ups')).toBeVisible();
  await page.getByRole('button', { name: /Rendre le dossier à Julien Fournier/ }).click();
  await confirmDialog(page, /Rendre le dossier à Julien Fournier/, [t['mandate.handBackConfirmFinal']]);
  await expect(page.getByTestId('handed-back')).toBeVisible();
  await shot(page, '67-fr-closed-handed-back');
  await signOut(page);

  // 6. The ORP counsellor who announced it sees the file handed back.
  await signIn(page, 'orp.sion');
  const item = page.getByTestId('attention-handed_back');
  await expect(item).toBeVisible();
  await shot(page, '68-fr-handed-back-home');
  await item.getByRole('link', { name: t['home.openSituation'] }).click();
  await expect(page.getByTestId('handed-back')).toBeVisible();
  await expect(page.getByTestId('mandate')).toContainText('Julien Fournier');
  await signOut(page);
});

test('the Brig tandem works in German', async ({ page }) => {
  await signIn(page, 'tandem.smz.brig');
  await page.getByRole('navigation').getByRole('link', { name: de['nav.situations'], exact: true }).click();
  await page.locator('tr', { hasText: 'Schmid Petra' }).getByRole('link').first().click();
  await expect(page.getByRole('heading', { name: de['mandate.title'] })).toBeVisible();
  await expect(page.getByTestId('meetings')).toContainText('Erstgespräch zu dritt');
  await expect(page.getByTestId('monthly-reports')).toContainText(de['reports.status.sent']);
  await shot(page, '69-de-tandem-file');
});
