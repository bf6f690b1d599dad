import { expect, test } from './support/test.ts';
import { shot, signIn, signOut, switchLanguage } from './support/helpers.ts';

test.describe.configure({ mode: 'serial' });

test('an administrator signs in, manages users and organisations, reads the audit log, switches to German', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page).toHaveURL(/sign-in/);
  await shot(page, '01-sign-in-fr');

  // A wrong password: a clear message, nothing else.
  await signIn(page, 'admin', 'wrong-password', { expectFailure: true });
  await expect(page.getByRole('alert')).toContainText('Nom d’utilisateur ou mot de passe incorrect.');
  await shot(page, '02-sign-in-error-fr');

  await signIn(page, 'admin');
  await expect(page.getByRole('heading', { name: 'Bonjour Alain' })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  for (const item of [
    'Accueil',
    'Situations',
    'Utilisateurs',
    'Organisations',
    'Journal d’audit',
    'Courriels sortants',
    'Mon profil',
  ]) {
    await expect(nav.getByRole('link', { name: item })).toBeVisible();
  }
  await shot(page, '03-home-admin-fr');

  // Users: list, create, see the temporary password once.
  await nav.getByRole('link', { name: 'Utilisateurs' }).click();
  await expect(page.getByRole('cell', { name: 'cms.sion', exact: true })).toBeVisible();
  await shot(page, '04-users-fr');
  await page.getByRole('button', { name: 'Nouvel utilisateur' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Nom d’utilisateur').fill('nouvelle.as');
  await dialog.getByLabel('Prénom').fill('Léa');
  await dialog.getByLabel('Nom de famille').fill('Évéquoz');
  await dialog.getByLabel('E-mail').fill('not-an-email');
  await dialog.getByRole('combobox', { name: 'Institution' }).click();
  await page.getByRole('option', { name: /CMS de Sion/ }).click();
  await dialog.getByRole('button', { name: 'Créer' }).click();
  // Bad input: the field says what is wrong and what was typed stays.
  await expect(dialog.getByText('Adresse e-mail invalide.')).toBeVisible();
  await expect(dialog.getByLabel('Prénom')).toHaveValue('Léa');
  await shot(page, '05-user-form-error-fr');
  await dialog.getByLabel('E-mail').fill('lea.evequoz@example.ch');
  await dialog.getByRole('button', { name: 'Créer' }).click();
  await expect(page.getByTestId('temporary-password')).toHaveText(/^[A-Za-z0-9]{16}$/);
  await shot(page, '06-user-created-fr');
  await page.getByRole('dialog').getByRole('button', { name: 'Fermer' }).last().click();
  await page.getByLabel('Rechercher').fill('Évéquoz');
  await expect(page.getByRole('cell', { name: 'nouvelle.as', exact: true })).toBeVisible();

  // Organisations and the commune import with its report of rejected rows.
  await nav.getByRole('link', { name: 'Organisations' }).click();
  await expect(page.getByRole('cell', { name: 'SION', exact: true })).toBeVisible();
  await shot(page, '07-organisations-regions-fr');
  await page.getByRole('tab', { name: 'Institutions' }).click();
  await expect(page.getByRole('cell', { name: 'Addiction Valais' }).first()).toBeVisible();
  await shot(page, '08-organisations-institutions-fr');
  await page.getByRole('tab', { name: 'Importer des communes' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByLabel('Fichier CSV').click();
  await (await chooser).setFiles({
    name: 'communes.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('numero_ofs;nom;canton;district;langue\n6217;Chamoson;VS;Conthey;fr\nxx;Ailleurs;VS;Sion;fr\n'),
  });
  await page.getByRole('button', { name: 'Importer', exact: true }).click();
  await expect(page.getByText('1 créée, 0 mise à jour, 1 ligne refusée.')).toBeVisible();
  await expect(page.getByTestId('import-rejections')).toContainText('Ligne 3: Numéro OFS invalide : « xx ».');
  await shot(page, '09-commune-import-fr');

  // The audit log shows what was just done, and its chain verifies.
  await nav.getByRole('link', { name: 'Journal d’audit' }).click();
  await expect(page.getByRole('cell', { name: 'user.create' }).first()).toBeVisible();
  await page.getByRole('button', { name: 'Vérifier la chaîne' }).click();
  await expect(page.getByTestId('chain-report')).toContainText('Chaîne intacte');
  await shot(page, '10-audit-fr');

  // The language switch is remembered on the profile.
  await switchLanguage(page, 'DE');
  await expect(page.getByRole('heading', { name: 'Audit-Protokoll' })).toBeVisible();
  // What the server wrote in French (institution names) is fetched again in German.
  await expect(page.getByRole('table').getByText('IIZ-Büro Wallis').first()).toBeVisible();
  await expect(page.getByRole('table')).not.toContainText('Bureau CII Valais');
  await shot(page, '11-audit-de');
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Benutzer' }).click();
  await shot(page, '12-users-de');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Benutzer' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Mein Profil' }).click();
  await shot(page, '13-profile-de');
  // Back to French for the next journeys.
  await switchLanguage(page, 'FR');
  await expect(page.getByRole('heading', { name: 'Mon profil' })).toBeVisible();
  await signOut(page);
  await expect(page.getByText('Vous êtes déconnecté·e.')).toBeVisible();
});

test('a field professional sees only what the role allows, in German', async ({ page, request }) => {
  await signIn(page, 'rav.brig');
  // Andrea's profile says German: the app follows it.
  await expect(page.getByRole('heading', { name: 'Guten Tag Andrea' })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
  await expect(nav.getByRole('link')).toHaveText(['Startseite', 'Situationen', 'Situation melden', 'Mein Profil']);
  await shot(page, '20-home-field-professional-de');

  // Screens of other roles do not exist for this user, in the UI and in the API.
  await page.goto('/users');
  await expect(page.getByRole('heading', { name: 'Seite nicht gefunden' })).toBeVisible();
  await shot(page, '21-not-found-de');
  const cookies = await page.context().cookies();
  const cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const audit = await request.get('/api/audit', { headers: { cookie } });
  expect(audit.status()).toBe(403);
  const users = await request.get('/api/users', { headers: { cookie } });
  expect((await users.json()).items.map((u: { username: string }) => u.username)).toEqual(['rav.brig']);

  await page.goto('/profile');
  await expect(page.getByRole('heading', { name: 'Mein Profil' })).toBeVisible();
  await shot(page, '22-profile-de');
  await signOut(page);
});

test('the keyboard reaches the sign-in form and the skip link', async ({ page }) => {
  await page.goto('/sign-in');
  // The form first: keys pressed before it is there would go nowhere.
  await expect(page.getByLabel('Nom d’utilisateur')).toBeVisible();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement?.getAttribute('autocomplete'));
  expect(['username', 'current-password']).toContain(focused);
  await signIn(page, 'cms.sion');
  await expect(page.getByRole('heading', { name: 'Bonjour Laura' })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Aller au contenu' })).toBeFocused();
  await shot(page, '30-skip-link-focus');
});
