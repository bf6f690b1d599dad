import { de } from '../src/web/i18n/de/index.ts';
import { fr } from '../src/web/i18n/fr/index.ts';
import { confirmDialog, settled, signIn, signOut, switchLanguage } from './support/helpers.ts';
import { type Locator, type Page, expect, test } from './support/test.ts';

/**
 * Issue 11's journey: the Brig tandem closes Petra Schmid's file (demo) while measures still wait for a decision
 * (the LIAS internship at the SAS, the art. 59d course at the LMMT) and months are not reported. The closure lists
 * them; without reasons it is refused and nothing changes; with a reason for the withdrawal and for each month, and
 * after a confirmation that names all of it, the file closes, the measures are withdrawn and the LMMT's decider is
 * told. First in French, then in German.
 *
 * Runs after every other journey (its own Playwright project, `closing`, depends on `journeys`): measures.spec.ts
 * still decides Schmid's measures at the commune of Brig-Glis, and the German tandem journeys work on her file.
 */
test.describe.configure({ mode: 'serial' });

/** What the user sees at this moment (not the full page): the panel or the dialog at hand. */
async function view(page: Page, name: string, scope?: Locator) {
  await settled(page);
  if (scope) await scope.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `test-results/screenshots/${name}.png` });
}

async function pick(page: Page, scope: Locator, label: string, option: RegExp | string) {
  await scope.getByRole('combobox', { name: label }).first().click();
  await page.getByRole('option', { name: option }).first().click();
}

test('closing with measures waiting and months not reported: listed, confirmed, withdrawn, deciders told', async ({
  page,
}) => {
  await signIn(page, 'tandem.smz.brig');
  await switchLanguage(page, 'FR');
  let t: typeof fr | typeof de = fr;
  await page.getByRole('navigation').getByRole('link', { name: t['nav.situations'], exact: true }).click();
  await page.locator('tr', { hasText: 'Schmid Petra' }).getByRole('link').first().click();
  await expect(page.getByRole('heading', { name: t['mandate.title'] })).toBeVisible();

  // The bilan final, finalised after a confirmation that says what it does.
  const final = page.getByTestId('final-report');
  await final.getByLabel(t['final.workDone']).fill('Cinq entretiens ; garde d’enfant organisée ; candidatures.');
  await final.getByLabel(t['final.obstacles']).fill('Garde d’enfant, français à consolider.');
  await final.getByLabel(t['final.strengths']).fill('Expérience de la vente, fiabilité.');
  await final.getByLabel(t['final.stepsTaken']).fill('Crèche trouvée, stage demandé.');
  await final.getByLabel(t['final.stepsToTake']).fill('Suivi par le réseau ; stage chez Coop Visp.');
  await final.getByRole('button', { name: t['final.finalise'] }).click();
  await confirmDialog(page, t['final.finalise'], [t['final.confirmFinal']]);
  await expect(page.getByTestId('final-done')).toBeVisible();

  // What is open: the measures waiting (and at whose step), the months not reported.
  const close = page.getByTestId('close-panel');
  const waiting = close.getByTestId('closure-waiting');
  await expect(waiting).toContainText(t['step.sas']);
  await expect(waiting).toContainText(t['step.lmmt']);
  await expect(close.getByTestId('closure-unsent')).toBeVisible();
  await pick(page, close, t['close.outcome'], t['outcome.network_follow_up']);
  // Without reasons: no confirmation that would promise them recorded; each field says what is missing.
  await close.getByRole('button', { name: t['close.submit'] }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(close.getByText('Indiquez pourquoi les mesures en attente sont retirées.')).toBeVisible();
  await expect(close.getByText('Indiquez pourquoi ce rapport mensuel n’est pas envoyé.').first()).toBeVisible();
  await expect(page.getByTestId('mandate-closed')).toHaveCount(0);
  await view(page, '90-fr-closure-loose-ends', close.getByTestId('closure-waiting'));
  await page.setViewportSize({ width: 390, height: 844 });
  await view(page, '90-fr-closure-loose-ends-mobile', close.getByTestId('closure-waiting'));
  await page.setViewportSize({ width: 1280, height: 900 });

  // In German: the reasons, then the confirmation that names everything that will happen.
  await switchLanguage(page, 'DE');
  t = de;
  await close.getByLabel(t['close.withdrawReason']).fill('Mandat abgeschlossen, Begleitung durch das Netz.');
  const unsent = close.getByTestId('closure-unsent').getByRole('textbox');
  const months = await unsent.count();
  expect(months).toBeGreaterThan(0);
  for (let i = 0; i < months; i++) await unsent.nth(i).fill('Mündlich an der Netzwerksitzung besprochen.');
  await close.getByRole('button', { name: t['close.submit'] }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(t['close.confirmTitle']);
  await expect(dialog).toContainText(/Massnahmen? mit hängigem Entscheid (wird|werden)\s+zurückgezogen/);
  await expect(dialog).toContainText('nicht versandt werden');
  await view(page, '91-de-closure-confirm');
  await page.setViewportSize({ width: 390, height: 844 });
  await view(page, '91-de-closure-confirm-mobile');
  await page.setViewportSize({ width: 1280, height: 900 });
  await confirmDialog(page, t['close.submit']);
  await expect(page.getByTestId('mandate-closed')).toBeVisible();
  await expect(page.getByText(t['measureStatus.withdrawn']).first()).toBeVisible();
  await expect(page.getByTestId('report-skipped').first()).toContainText('Mündlich an der Netzwerksitzung');
  await view(page, '92-de-closed-measures-withdrawn', page.getByText(t['measureStatus.withdrawn']).first());
  await page.setViewportSize({ width: 390, height: 844 });
  await view(page, '92-de-closed-mandate-mobile', page.getByTestId('mandate-closed'));
  await page.setViewportSize({ width: 1280, height: 900 });
  await switchLanguage(page, 'DE');
  await signOut(page);

  // The LMMT's decider is told, and finds nothing of it left to decide.
  await signIn(page, 'lmmt.decideur');
  await expect(page.getByTestId('notification').filter({ hasText: 'retirée à la clôture' }).first()).toBeVisible();
  await view(page, '93-fr-decider-told');
  await page.getByRole('navigation').getByRole('link', { name: fr['nav.inbox'] }).click();
  await settled(page);
  await expect(page.getByTestId('inbox-item').filter({ hasText: 'Bildungszentrum Oberwallis' })).toHaveCount(0);
  await signOut(page);
});
