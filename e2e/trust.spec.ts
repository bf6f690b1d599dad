import { expect, test } from './support/test.ts';
import { shot, signIn, signOut } from './support/helpers.ts';
import { fr as t } from '../src/web/i18n/fr/index.ts';

test.describe.configure({ mode: 'serial' });

/**
 * Who sees what (issue 9, decision 005), as the users meet it: the case team
 * that opens a file to a professional of a named institution, the parts a
 * procuration does not grant, a procuration recorded by the Bureau that waits
 * for a second person, and the deciders' anonymised requests.
 */
async function openSituation(
  page: import('@playwright/test').Page,
  name: string,
  searchLabel: string,
  navLabel: string,
) {
  await page.getByRole('navigation').getByRole('link', { name: navLabel, exact: true }).click();
  await page.getByLabel(searchLabel).first().fill(name);
  await page.locator('tr', { hasText: name }).getByRole('link').first().click();
}

test('the announcer puts a professional on the case team; the social worker sees the file without the parts not granted', async ({
  page,
}) => {
  await signIn(page, 'orp.sion');
  await openSituation(page, 'Fournier', t['app.search'], t['nav.situations']);
  const team = page.getByTestId('case-team');
  await expect(team).toContainText('Laura Bonvin');
  await team.getByRole('combobox', { name: t['caseTeam.candidate'] }).click();
  await page.getByRole('option', { name: /Yves Mayor/ }).click();
  await team.getByRole('button', { name: t['caseTeam.add'], exact: true }).click();
  await expect(team).toContainText('Yves Mayor');
  await shot(page, '80-fr-case-team');
  await signOut(page);

  await signIn(page, 'cms.sion');
  await openSituation(page, 'Fournier', t['app.search'], t['nav.situations']);
  await expect(page.getByText('Fournier Sandra')).toBeVisible();
  // The procuration grants the CMS identity, social situation, employment and measures: not health, not social aid.
  await expect(page.getByTestId('withheld')).toContainText(t['category.health']);
  await shot(page, '81-fr-withheld');
  await signOut(page);
});

test('a procuration recorded by the Bureau waits until the announcer has checked its scan', async ({ page }) => {
  await signIn(page, 'coord.sion');
  await openSituation(page, 'Carron', t['app.search'], t['nav.situations']);
  await page.getByLabel(t['consent.signedOn']).fill(
    new Intl.DateTimeFormat('de-CH', {
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      timeZone: 'Europe/Zurich',
    }).format(new Date()),
  );
  const chooser = page.waitForEvent('filechooser');
  await page.getByLabel(t['consent.scan']).click();
  await (await chooser).setFiles({
    name: 'procuration.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
  });
  await page.getByRole('button', { name: t['consent.record'], exact: true }).click();
  await expect(page.getByTestId('consent').filter({ hasText: t['consent.state.pending_review'] })).toContainText(
    'Sophie Délèze',
  );
  await shot(page, '82-fr-consent-pending');
  await signOut(page);

  await signIn(page, 'orp.sion');
  await openSituation(page, 'Carron', t['app.search'], t['nav.situations']);
  const pending = page.getByTestId('consent').filter({ hasText: t['consent.state.pending_review'] });
  await pending.getByRole('button', { name: t['consent.approve'] }).click();
  await expect(page.getByTestId('consent').filter({ hasText: 'Sophie Délèze' })).toContainText(
    t['consent.state.in_force'],
  );
  await shot(page, '83-fr-consent-reviewed');
  await signOut(page);
});

test('deciders see an anonymised request where no procuration names them', async ({ page }) => {
  await signIn(page, 'sas.preavis');
  await page.getByRole('navigation').getByRole('link', { name: t['nav.inbox'] }).click();
  const item = page.getByTestId('inbox-item').first();
  await expect(item).toContainText(/Personne de \d+ ans/);
  await shot(page, '84-fr-inbox-anonymised');
  await signOut(page);

  // The commune of Sion decides Virginie Rey's internship: her procuration does not name the commune.
  await signIn(page, 'commune.sion');
  await page.getByRole('navigation').getByRole('link', { name: t['nav.inbox'] }).click();
  const internship = page.getByTestId('inbox-item').filter({ hasText: 'Sport Évasion' });
  await expect(internship).toContainText(/Personne de \d+ ans/);
  await expect(internship).not.toContainText('Rey');
  await shot(page, '85-fr-inbox-commune-anonymised');
});
