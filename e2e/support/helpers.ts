import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';

export const DEMO_PASSWORD = 'Tandem-Demo-2026';
const SHOTS = 'test-results/screenshots';
mkdirSync(SHOTS, { recursive: true });

/** A full-page screenshot per screen, to be opened and looked at (test-results/screenshots). */
export async function shot(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/**
 * Signs in and, unless the password is meant to fail, waits until the app
 * shows its navigation: a `page.goto` right after the click would otherwise
 * race the session cookie and land back on the sign-in page.
 */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD, { expectFailure = false } = {}) {
  await page.goto('/sign-in');
  await page.getByLabel(/Nom d’utilisateur|Benutzername/).fill(username);
  await page.getByLabel(/^(Mot de passe|Passwort)/).fill(password);
  await page.getByRole('button', { name: /Se connecter|Anmelden/ }).click();
  if (!expectFailure) await page.getByRole('navigation', { name: /Navigation principale|Hauptnavigation/ }).waitFor();
}

export async function signOut(page: Page) {
  await page.getByRole('button', { name: /Se déconnecter|Abmelden/ }).click();
  await page.waitForURL(/sign-in/);
}

/** The FR/DE segmented control: a person clicks its visible label. */
export async function switchLanguage(page: Page, code: 'FR' | 'DE') {
  await page
    .locator('label', { hasText: new RegExp(`^${code}$`) })
    .first()
    .click();
}
