import { mkdirSync } from 'node:fs';
import { type Locator, type Page, expect } from '@playwright/test';

export const DEMO_PASSWORD = 'Tandem-Demo-2026';
export const SHOTS = 'test-results/screenshots';
mkdirSync(SHOTS, { recursive: true });
const NAVIGATION = /Navigation principale|Hauptnavigation/;

/**
 * Nothing left loading that a reader would wait for: no spinner (the app's, a
 * busy button's) and no request in flight after the last navigation.
 */
export async function settled(page: Page) {
  await expect(page.locator('.mantine-Loader-root')).toHaveCount(0);
  await page.waitForLoadState('networkidle');
}

/**
 * A full-page screenshot per screen, to be opened and looked at (test-results/screenshots), and the same screen on
 * a phone (`<name>-phone.png`, 390 × 844): there the page must not scroll sideways (a wide table scrolls in its own
 * box), and the `onPhone` locators (the screen's key buttons) must lie within the phone's width.
 */
export async function shot(page: Page, name: string, { onPhone = [] as Locator[] } = {}) {
  await settled(page);
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  await phoneShot(page, name, onPhone);
}

export const PHONE = { width: 390, height: 844 };

/** The page at 390 × 844: no horizontal scrolling of the page, the key buttons on screen, a screenshot. */
export async function phoneShot(page: Page, name: string, onPhone: Locator[] = []) {
  const before = page.viewportSize();
  await page.setViewportSize(PHONE);
  try {
    await expectNoSidewaysScroll(page, name);
    for (const key of onPhone) await expectWithinWidth(key, PHONE.width);
    await page.screenshot({ path: `${SHOTS}/${name}-phone.png`, fullPage: true });
  } finally {
    if (before) await page.setViewportSize(before);
  }
}

/** The page is no wider than the window (WCAG 1.4.10 Reflow); names the widest elements otherwise. */
export async function expectNoSidewaysScroll(page: Page, name: string) {
  const overflow = () =>
    page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const scrollWidth = document.scrollingElement?.scrollWidth ?? 0;
      if (scrollWidth <= width) return [];
      // The outermost elements that stick out, so that the message says what to fix.
      const out = [...document.querySelectorAll<HTMLElement>('body *')].filter((el) => {
        const r = el.getBoundingClientRect();
        if (r.right <= width + 1 || r.width === 0) return false;
        const parent = el.parentElement?.getBoundingClientRect();
        return !parent || parent.right <= width + 1;
      });
      return [
        `page ${scrollWidth}px wide in a ${width}px window`,
        ...out.slice(0, 5).map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`),
      ];
    });
  await expect.poll(overflow, { message: `${name}: the page scrolls sideways on a phone` }).toEqual([]);
}

/** The element is within the first `width` pixels of the page, where a phone shows it without scrolling. */
export async function expectWithinWidth(locator: Locator, width: number) {
  await expect(locator).toBeVisible();
  await expect
    .poll(
      async () => {
        const box = await locator.boundingBox();
        return box ? box.x >= 0 && box.x + box.width <= width : false;
      },
      { message: `${locator} within the phone's ${width}px` },
    )
    .toBe(true);
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
  if (!expectFailure) await page.getByRole('navigation', { name: NAVIGATION }).waitFor();
}

export async function signOut(page: Page) {
  await page.getByRole('button', { name: /Se déconnecter|Abmelden/ }).click();
  await page.waitForURL(/sign-in/);
}

/**
 * The FR/DE segmented control: a person clicks its visible label, and sees
 * the page in that language. Signed in, the choice is saved on the profile:
 * this waits for the server's answer, so that a navigation right after does
 * not cancel the request and come back in the old language.
 */
export async function switchLanguage(page: Page, code: 'FR' | 'DE') {
  // The header's (the profile page has a second one, for the saved preference).
  const control = page.getByRole('radiogroup', { name: /^(Langue|Sprache)$/ }).first();
  await expect(control).toBeVisible();
  if (await control.getByRole('radio', { name: code, exact: true }).isChecked()) return;
  const signedIn = await page.getByRole('navigation', { name: NAVIGATION }).isVisible();
  const saved = signedIn
    ? page.waitForResponse((r) => r.url().endsWith('/api/me/preferences') && r.request().method() === 'PATCH')
    : null;
  await control.locator('label', { hasText: new RegExp(`^${code}$`) }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', code.toLowerCase());
  if (saved) expect((await saved).status(), 'the language saved on the profile').toBe(200);
}

/**
 * The confirmation dialog of an irreversible action (issue 11): it names what will happen (`says`), and the action
 * runs only on the dialog's own button; the dialog then closes.
 */
export async function confirmDialog(page: Page, button: string | RegExp, says: (string | RegExp)[] = []) {
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  for (const s of says) await expect(dialog).toContainText(s);
  await dialog.getByRole('button', { name: button }).click();
  await expect(dialog).toBeHidden();
}

/** In the closure panel: a reason for every month not reported (the closure is refused otherwise). */
export async function skipUnsentReports(page: Page, reason: string) {
  const close = page.getByTestId('close-panel');
  await expect(close.getByTestId('closure-loose-ends')).not.toBeEmpty();
  await settled(page);
  const unsent = close.getByTestId('closure-unsent').getByRole('textbox');
  for (let i = 0; i < (await unsent.count()); i++) await unsent.nth(i).fill(reason);
}
