import { formatNavs13, navs13CheckDigit } from '../src/domain/person/navs13.ts';
import { de } from '../src/web/i18n/de/index.ts';
import { fr } from '../src/web/i18n/fr/index.ts';
import { ALERTS_TEXT } from '../src/web/features/alerts/alerts-text.ts';
import { shot, signIn, signOut, switchLanguage } from './support/helpers.ts';
import { expect, test } from './support/test.ts';

/**
 * Issue 14, alerts without disclosure: the OAI's CII correspondent finds on the home page the co-follow-up the demo
 * caseloads make (the ORP Valais central follows the same person), checks a new caseload (a refused row and why,
 * nothing changed), uploads it for real — a person the OSP follows too —, sees the new alert with the OSP's contact
 * and nothing else, and starts an announcement draft from it; in German as well. The administrator creates a machine
 * token, shown once.
 */
const A = ALERTS_TEXT.fr;
const D = ALERTS_TEXT.de;
// The demo's fictitious numbers (src/server/demo/seed-demo-caseloads.ts).
const demoNavs13 = (n: number) => {
  const first12 = `7569990${String(n).padStart(5, '0')}`;
  return formatNavs13(`${first12}${navs13CheckDigit(first12)}`);
};
const file = [
  'navs13;reference;followed_since;laci_end;risk_flags',
  `${demoNavs13(1)};AI-2041-0117;2025-01-10;;health`,
  `${demoNavs13(2)};AI-2041-0233;2025-06-01;;`,
  `${demoNavs13(5)};AI-2041-0301;2025-09-01;;`,
  '756.9217.0769.84;AI-2041-0999;2025-09-01;;',
].join('\r\n');

test('a correspondent uploads a caseload, sees the alert and opens an announcement draft from it', async ({ page }) => {
  await signIn(page, 'oai.repondant');
  // 1. The home page: the alerts, no longer "nothing needs your attention".
  const item = page.getByTestId('attention-alerts');
  await expect(item).toBeVisible();
  await item.getByRole('link', { name: fr['home.alertsAction'] }).click();
  await expect(page.getByRole('heading', { name: A['alerts.title'], level: 2 })).toBeVisible();
  const orp = page.getByTestId('alert-co_follow_up').filter({ hasText: 'ORP Valais central' });
  await expect(orp).toContainText('AI-2041-0117');
  await expect(orp.getByTestId('alert-contacts')).toContainText('Yves Mayor');
  await expect(orp).not.toContainText('ORP-SION');
  await shot(page, 'alerts-fr', { onPhone: [orp.getByTestId('alert-draft')] });

  // 2. The caseload: a dry run lists the refused row and why, and changes nothing; then the real upload.
  await page.getByTestId('caseload-link').click();
  await expect(page.getByRole('heading', { name: A['caseload.title'] })).toBeVisible();
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('caseload-file').click();
  await (await chooser).setFiles({ name: 'suivis.csv', mimeType: 'text/csv', buffer: Buffer.from(file, 'utf8') });
  await page.getByTestId('caseload-check').click();
  const result = page.getByTestId('caseload-result');
  await expect(result.getByRole('status')).toContainText('3 retenues, 1 refusée');
  await expect(result.getByRole('status')).toContainText('Rien n’a été modifié');
  await expect(page.getByTestId('caseload-rejected')).toContainText('numéro AVS invalide');
  // The refused row quotes no number back.
  await expect(page.getByTestId('caseload-rejected')).not.toContainText('0769');
  await shot(page, 'caseload-dry-run-fr', { onPhone: [page.getByTestId('caseload-upload')] });
  // Replacing the list asks first, saying how many rows are refused and how many persons leave it.
  await page.getByTestId('caseload-upload').click();
  const confirm = page.getByRole('dialog', { name: A['caseload.confirmTitle'] });
  await expect(confirm).toContainText('3 personnes formeront la nouvelle liste');
  await expect(confirm).toContainText('1 ligne refusée ne sera pas reprise');
  await expect(confirm).toContainText(/quitte|quitteront/);
  await shot(page, 'caseload-confirm-fr');
  await confirm.getByRole('button', { name: A['caseload.upload'] }).click();
  await expect(result.getByRole('status')).toContainText('Liste remplacée');
  await expect(result.getByRole('status')).toContainText('1 nouvelle alerte');

  // 3. The new alert names the OSP and its correspondent, nothing of its file; a draft starts from it.
  await page.getByRole('link', { name: A['caseload.backToAlerts'] }).click();
  const osp = page.getByTestId('alert-co_follow_up').filter({ hasText: 'AI-2041-0301' });
  await expect(osp).toContainText(/Orientation scolaire|OSP/);
  await expect(osp).not.toContainText('OSP-778');
  await expect(page.getByTestId('caseload-summary')).toContainText('3 personnes');
  await shot(page, 'alerts-after-upload-fr');
  // The announcement's first step, the person from the correspondent's own file; then the draft, procuration next.
  await osp.getByTestId('alert-draft').click();
  await expect(page.getByTestId('from-alert')).toBeVisible();
  await page.getByLabel(fr['person.officialName']).fill('Zufferey');
  await page.getByLabel(fr['person.firstNames']).fill('Léa');
  await page.getByLabel(fr['person.birthDate']).fill('14.03.1988');
  await page.getByLabel(fr['person.navs13']).fill(demoNavs13(5));
  // The OAI's correspondent has no region: none is guessed, they choose it.
  await expect(page.getByTestId('new-region')).toHaveValue('');
  await page.getByRole('button', { name: fr['new.check'] }).click();
  await expect(page.getByText(A['alerts.regionRequired'])).toBeVisible();
  await shot(page, 'alert-new-announcement-fr');
  await page.getByTestId('new-region').click();
  await page.getByRole('option', { name: 'Monthey (Chablais)' }).click();
  await page.getByRole('button', { name: fr['new.check'] }).click();
  await expect(page).toHaveURL(/\/situations\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name: fr['consent.title'], exact: true })).toBeVisible();
  // The draft's texts, read by everyone on the file, carry neither the OAI's reference nor anything of the OSP's.
  await expect(page.getByRole('heading', { name: fr['consent.title'], exact: true })).toBeVisible();
  const texts = () => page.locator('textarea').evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value));
  expect((await texts()).join('|')).not.toMatch(/AI-2041-0301|OSP-778/);
  await shot(page, 'alert-draft-fr');

  // 4. In German.
  await page.getByRole('navigation').getByRole('link', { name: fr['nav.alerts'] }).click();
  await switchLanguage(page, 'DE');
  await expect(page.getByRole('heading', { name: D['alerts.title'], level: 2 })).toBeVisible();
  await expect(page.getByTestId('alert-co_follow_up').filter({ hasText: 'RAV Mittelwallis' })).toContainText(
    'Ihre Referenz: AI-2041-0117',
  );
  await shot(page, 'alerts-de');
  await page.getByTestId('caseload-link').click();
  const again = page.waitForEvent('filechooser');
  await page.getByTestId('caseload-file').click();
  await (await again).setFiles({ name: 'liste.csv', mimeType: 'text/csv', buffer: Buffer.from(file, 'utf8') });
  await page.getByTestId('caseload-check').click();
  await expect(page.getByTestId('caseload-rejected')).toContainText('ungültige AHV-Nummer');
  await shot(page, 'caseload-dry-run-de');
  await page.getByRole('navigation').getByRole('link', { name: de['nav.home'] }).click();
  await expect(page.getByTestId('attention-alerts')).toContainText('Warnung');
  await shot(page, 'alerts-home-de');
  // An alert put aside: asked first (the German word means the same as the French); the card says who and when.
  await page.getByRole('navigation').getByRole('link', { name: de['nav.alerts'] }).click();
  const aside = page.getByTestId('alert-co_follow_up').filter({ hasText: 'AI-2041-0117' });
  await aside.getByTestId('alert-lapse').click();
  const lapse = page.getByRole('dialog', { name: D['alerts.lapseTitle'] });
  await expect(lapse).toContainText(D['alerts.lapseConsequence']);
  await lapse.getByRole('button', { name: D['alerts.lapse'] }).click();
  await expect(aside.getByTestId('alert-state-by')).toContainText('Bearbeitet von Isabelle Carron');
  await expect(aside).toContainText(D['alerts.state.lapsed']);
  await shot(page, 'alert-lapsed-de');
  await switchLanguage(page, 'FR');
  await signOut(page);
});

test('the administrator creates a machine token, shown once', async ({ page }) => {
  await signIn(page, 'admin');
  await page.getByRole('navigation').getByRole('link', { name: fr['nav.machineTokens'] }).click();
  await expect(page.getByRole('heading', { name: A['tokens.title'] })).toBeVisible();
  await page.getByTestId('token-institution').click();
  await page.getByRole('option', { name: 'Office AI du Valais' }).click();
  await page.getByTestId('token-label').fill('Système de l’OAI');
  // The expiry is proposed (a year); nothing is missing any more.
  await expect(page.getByLabel(A['tokens.expiresOn'])).not.toHaveValue('');
  await expect(page.getByTestId('token-missing')).toBeHidden();
  await page.getByRole('button', { name: A['tokens.create'] }).click();
  await expect(page.getByTestId('token-secret')).toContainText('tdm_');
  await expect(page.getByRole('button', { name: A['tokens.copy'] })).toBeVisible();
  await expect(page.getByTestId('tokens-table')).toContainText('Système de l’OAI');
  // On a phone, each token is a card, its revoke button within reach.
  const cardRevoke = page.getByTestId('tokens-cards').getByRole('button', { name: A['tokens.revoke'] }).first();
  await shot(page, 'machine-tokens-fr', { onPhone: [cardRevoke] });
  // Revoked: the status says since when.
  const row = page.getByTestId('tokens-table').getByRole('row').filter({ hasText: 'Système de l’OAI' });
  await row.getByRole('button', { name: A['tokens.revoke'] }).click();
  await page.getByRole('dialog').getByRole('button', { name: A['tokens.revoke'] }).click();
  await expect(row).toContainText('Révoqué le');
  await switchLanguage(page, 'DE');
  await expect(page.getByRole('heading', { name: D['tokens.title'] })).toBeVisible();
  await expect(page.getByTestId('tokens-table')).toContainText('Widerrufen am');
  await shot(page, 'machine-tokens-de');
  await switchLanguage(page, 'FR');
});
