import AxeBuilder from '@axe-core/playwright';
import { type Locator, type Page, expect, test } from './support/test.ts';
import { DEMO_PASSWORD, phoneShot, settled, switchLanguage } from './support/helpers.ts';

/**
 * WCAG 2.1 AA (eCH-0059) rules that a machine can check, on every screen, in
 * both languages: one test per screen and language, so that a slow or broken
 * screen fails alone and names itself. A screen is checked once it shows what
 * a reader came for (its data, its form), not after a fixed wait.
 *
 * The sign-in screens are reached as a person does; for the others the test
 * signs in and sets the language through the API (both have their own
 * journeys in foundation.spec.ts), then opens the screen.
 */
type Language = 'FR' | 'DE';

interface Screen {
  name: string;
  /** Signed in as this demo user (whose profile says French), or signed out. */
  user: string | null;
  /** Opens the screen and returns what shows that it is ready. */
  open: (page: Page) => Promise<Locator>;
  /** The key buttons that a phone must show without scrolling sideways. */
  onPhone?: (page: Page) => Locator[];
}

const heading = (page: Page) => page.getByRole('heading', { level: 2 }).first();
const firstRow = (page: Page) => page.locator('main table tbody tr').first();
const situationLink = (page: Page) => page.getByRole('link', { name: /^CII-\d{4}-\d+$/ });

/** A list screen of the demo canton: ready when its first row is there. */
const list = (user: string, path: string): Omit<Screen, 'name'> => ({
  user,
  open: async (page) => {
    await page.goto(path);
    await expect(heading(page)).toBeVisible();
    return firstRow(page);
  },
});
/** A screen with no list, or one the demo may leave empty: ready when its heading is there. */
const plain = (user: string, path: string): Omit<Screen, 'name'> => ({
  user,
  open: async (page) => {
    await page.goto(path);
    return heading(page);
  },
});

const SCREENS: Screen[] = [
  {
    name: 'sign-in',
    user: null,
    open: async (page) => page.getByLabel(/Nom d’utilisateur|Benutzername/),
  },
  {
    name: 'sign-in error',
    user: null,
    open: async (page) => {
      await page.getByLabel(/Nom d’utilisateur|Benutzername/).fill('admin');
      await page.getByLabel(/^(Mot de passe|Passwort)/).fill('wrong-password');
      await page.getByRole('button', { name: /Se connecter|Anmelden/ }).click();
      return page.getByRole('alert');
    },
  },
  { name: 'home', ...plain('admin', '/') },
  { name: 'users', ...list('admin', '/users') },
  { name: 'regions', ...list('admin', '/organisations/regions') },
  { name: 'institutions', ...list('admin', '/organisations/institutions') },
  { name: 'offices', ...list('admin', '/organisations/offices') },
  { name: 'communes', ...list('admin', '/organisations/communes') },
  { name: 'commune import', ...plain('admin', '/organisations/import') },
  { name: 'audit', ...list('admin', '/audit') },
  { name: 'outbox', ...list('admin', '/outbox') },
  { name: 'care board', ...list('coord.sion', '/care-board') },
  { name: 'profile', ...plain('admin', '/profile') },
  { name: 'not found', ...plain('admin', '/no-such-page') },
  {
    name: 'user form',
    user: 'admin',
    open: async (page) => {
      await page.goto('/users');
      await expect(firstRow(page)).toBeVisible();
      await page.getByRole('button', { name: /Nouvel utilisateur|Neuer Benutzer/ }).click();
      return page.getByRole('dialog');
    },
  },
  {
    name: 'situation with measures',
    user: 'tandem.orp',
    open: async (page) => {
      await page.goto('/situations');
      await page.locator('tr', { hasText: 'Rey Virginie' }).getByRole('link').first().click();
      await expect(page.getByTestId('measures')).toBeVisible();
      await page.getByTestId('measures').getByRole('button').first().click();
      return page.getByTestId('measure-form');
    },
  },
  { name: 'inbox', ...plain('sas.preavis', '/inbox') },
  { name: 'statements', ...plain('sas.preavis', '/statements') },
  { name: 'measure kinds', ...list('admin', '/measure-kinds') },
  { name: 'figures', ...list('copil.stats', '/figures') },
  { name: 'home with figures', ...plain('copil.stats', '/') },
  { name: 'figures with the annual report texts', ...list('cii.officer', '/figures') },
  { name: 'history import', ...plain('admin', '/history-import') },
  { name: 'alerts', ...plain('oai.repondant', '/alerts') },
  { name: 'caseload', ...plain('oai.repondant', '/caseload') },
  { name: 'machine tokens', ...plain('admin', '/machine-tokens') },
  { name: 'situations', ...list('coord.sion', '/situations') },
  {
    name: 'triage',
    ...plain('coord.sion', '/triage'),
    onPhone: (page) => [page.getByRole('button', { name: /^(Prendre en charge|Übernehmen) CII-/ }).first()],
  },
  { name: 'merges', ...plain('coord.sion', '/merges') },
  {
    name: 'situation',
    user: 'coord.sion',
    open: async (page) => {
      await page.goto('/situations');
      await situationLink(page).first().click();
      await expect(page.getByRole('heading', { name: /CII-\d{4}-\d+/ }).first()).toBeVisible();
      return page.getByRole('heading', { name: /Historique|Verlauf/ });
    },
  },
  {
    // Kevin Mayoraz's MAMAC (demo): held, its contract with the parties, the Bureau's conformity form.
    name: 'assessment',
    user: 'coord.sion',
    open: async (page) => {
      await page.goto('/situations');
      await page.locator('tr', { hasText: 'Mayoraz Kevin' }).getByRole('link').first().click();
      return page.getByTestId('conformity-form');
    },
  },
  { name: 'new situation', ...plain('orp.sion', '/situations/new') },
  {
    name: 'draft',
    user: 'orp.sion',
    open: async (page) => {
      // The demo's draft: Marc Dubuis, announced by nobody yet.
      await page.goto('/situations?mine=true&status=draft');
      await page.locator('tr', { hasText: 'Dubuis Marc' }).getByRole('link').first().click();
      return page.getByTestId('save-state');
    },
  },
];

/** Signs in through the API (the page shares its cookies) and sets the profile's language. */
async function signInQuickly(page: Page, username: string, language: Language) {
  const response = await page.request.post('/api/auth/sign-in', { data: { username, password: DEMO_PASSWORD } });
  expect(response.status(), `sign-in of ${username}`).toBe(200);
  await setProfileLanguage(page, language);
}

async function setProfileLanguage(page: Page, language: Language) {
  const response = await page.request.patch('/api/me/preferences', { data: { language: language.toLowerCase() } });
  expect(response.status(), `language ${language}`).toBe(200);
}

async function expectNoViolations(page: Page, screen: string) {
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
  test.describe(`WCAG 2.1 AA (${language})`, () => {
    // The language lives on the user's profile: the next journeys expect the demo users in French again.
    test.afterEach(async ({ page }) => {
      if (language === 'DE') await setProfileLanguage(page, 'FR').catch(() => undefined);
    });

    for (const screen of SCREENS) {
      test(`${screen.name} passes the automated checks (${language})`, async ({ page }) => {
        if (screen.user) {
          await signInQuickly(page, screen.user, language);
        } else {
          await page.goto('/sign-in');
          await switchLanguage(page, language);
        }
        const ready = await screen.open(page);
        await expect(ready).toBeVisible();
        await expect(page.locator('html')).toHaveAttribute('lang', language.toLowerCase());
        await settled(page);
        await expectNoViolations(page, `${screen.name} (${language})`);
        // The same screen on a phone: no sideways scrolling of the page, its key buttons on screen.
        await phoneShot(page, `a11y-${language.toLowerCase()}-${screen.name.replaceAll(' ', '-')}`, [
          ...(screen.onPhone?.(page) ?? []),
        ]);
      });
    }
  });
}
