import AxeBuilder from '@axe-core/playwright';
import { type Page, expect, test } from '@playwright/test';
import { signIn, switchLanguage } from './support/helpers.ts';

/** WCAG 2.1 AA (eCH-0059) rules that a machine can check, on every screen, in both languages. */
async function expectNoViolations(page: Page, screen: string) {
  await page.waitForLoadState('networkidle');
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = result.violations.map((v) => `${screen}: ${v.id} (${v.impact}) ${v.nodes.map((n) => `${n.target.join(" ")} ${n.any[0]?.message ?? ""}`).slice(0, 3).join(" | ")}`);
  expect(summary).toEqual([]);
}

for (const language of ['FR', 'DE'] as const) {
  test(`every screen passes the automated WCAG 2.1 AA checks (${language})`, async ({ page }) => {
    await page.goto('/sign-in');
    await switchLanguage(page, language);
    await expectNoViolations(page, 'sign-in');
    await signIn(page, 'admin', 'wrong-password');
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
