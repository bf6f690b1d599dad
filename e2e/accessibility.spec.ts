import AxeBuilder from '@axe-core/playwright';
import { type Page, expect, test } from './support/test.ts';
import { signIn, signOut, switchLanguage } from './support/helpers.ts';

/** WCAG 2.1 AA (eCH-0059) rules that a machine can check, on every screen, in both languages. */
async function expectNoViolations(page: Page, screen: string) {
  await page.waitForLoadState('networkidle');
  // Checked at rest: a hover left by the last click is not what a reader sees first.
  await page.mouse.move(0, 0);
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = result.violations.map(
    (v) =>
      `${screen}: ${v.id} (${v.impact}) ${v.nodes
        .map((n) => `${n.target.join(' ')} ${n.any[0]?.message ?? ''}`)
        .slice(0, 3)
        .join(' | ')}`,
  );
  expect(summary).toEqual([]);
}

for (const language of ['FR', 'DE'] as const) {
  test(`every screen passes the automated WCAG 2.1 AA checks (${language})`, async ({ page }) => {
    await page.goto('/sign-in');
    await switchLanguage(page, language);
    await expectNoViolations(page, 'sign-in');
    await signIn(page, 'admin', 'wrong-password', { expectFailure: true });
    await expect(page.getByRole('alert')).toBeVisible();
    await expectNoViolations(page, 'sign-in error');

    await signIn(page, 'admin');
    await switchLanguage(page, language);
    await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
    await expectNoViolations(page, 'home');
    for (const [path, screen] of [
      ['/users', 'users'],
      ['/organisations/regions', 'regions'],
      ['/organisations/institutions', 'institutions'],
      ['/organisations/offices', 'offices'],
      ['/organisations/communes', 'communes'],
      ['/organisations/import', 'import'],
      ['/audit', 'audit'],
      ['/outbox', 'outbox'],
      ['/profile', 'profile'],
      ['/no-such-page', 'not found'],
    ] as const) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
      await expectNoViolations(page, screen);
    }
    await page.goto('/users');
    await page.getByRole('button', { name: /Nouvel utilisateur|Neuer Benutzer/ }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await expectNoViolations(page, 'user form');
    // The language is saved on the admin's profile: leave it as the other journeys expect it.
    await page.keyboard.press('Escape');
    await switchLanguage(page, 'FR');
    await expect(page.getByRole('heading', { name: 'Utilisateurs' })).toBeVisible();
  });
}

for (const language of ['FR', 'DE'] as const) {
  test(`the measure screens pass the automated WCAG 2.1 AA checks (${language})`, async ({ page }) => {
    await signIn(page, 'tandem.orp');
    await switchLanguage(page, language);
    await page.goto('/situations');
    await page.locator('tr', { hasText: 'Rey Virginie' }).getByRole('link').first().click();
    await expect(page.getByTestId('measures')).toBeVisible();
    await page.getByTestId('measures').getByRole('button').first().click();
    await expect(page.getByTestId('measure-form')).toBeVisible();
    await expectNoViolations(page, 'situation with measures');
    await switchLanguage(page, 'FR');
    await signOut(page);
    await signIn(page, 'sas.preavis');
    await switchLanguage(page, language);
    for (const path of ['/inbox', '/statements']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
      await expectNoViolations(page, path);
    }
    await switchLanguage(page, 'FR');
    await signOut(page);
    await signIn(page, 'admin');
    await page.goto('/measure-kinds');
    await switchLanguage(page, language);
    await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
    await expectNoViolations(page, 'measure kinds');
    await switchLanguage(page, 'FR');
  });
}

for (const language of ['FR', 'DE'] as const) {
  test(`the situation screens pass the automated WCAG 2.1 AA checks (${language})`, async ({ page }) => {
    await signIn(page, 'coord.sion');
    await switchLanguage(page, language);
    for (const path of ['/situations', '/triage', '/merges']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
      await expectNoViolations(page, path);
    }
    await page.goto('/situations');
    await page
      .getByRole('link', { name: /CII-\d{4}-\d+/ })
      .first()
      .click();
    await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
    await expectNoViolations(page, 'situation');
    await switchLanguage(page, 'FR');
    await signOut(page);
    await signIn(page, 'orp.sion');
    await switchLanguage(page, language);
    await page.goto('/situations/new');
    await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
    await expectNoViolations(page, 'new situation');
    await page.goto('/situations?mine=true');
    await page
      .getByRole('link', { name: /CII-\d{4}-\d+/ })
      .last()
      .click();
    await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
    await expectNoViolations(page, 'draft');
    await switchLanguage(page, 'FR');
  });
}
