import { expect, test } from './support/test.ts';

/**
 * The check that every journey runs on its German pages (support/german-check.ts) reads a German page, names the
 * French left in it, leaves data alone, and does not read French pages.
 */
const page = (lang: string, body: string) =>
  `<!doctype html><html lang="${lang}"><body><main>${body}</main></body></html>`;

test('the German-page check names French left on a German page, not data or French pages', async ({
  page: browser,
  frenchInGerman,
}) => {
  await browser.route('**/check/*', (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: route.request().url().endsWith('/fr')
        ? page('fr', '<p>Erfüllt : oui, 3 situation(s)</p>')
        : page(
            'de',
            '<p>Erfüllt : ja</p><p>Tandem: Anne (ORP) und Yves (SMZ)</p><p>2 Entwurf/-entwürfe</p>' +
              '<p translate="no">Le Roux, dans la vente</p><p lang="fr">Service de l’action sociale</p>',
          ),
    }),
  );
  await browser.goto('/check/fr');
  await browser.goto('/check/de');
  await expect.poll(() => frenchInGerman.length).toBe(3);
  expect(frenchInGerman.join('\n')).toMatch(/^\/check\/de: a space before.*Erfüllt : ja/m);
  expect(frenchInGerman.join('\n')).toMatch(/a French acronym.*\(ORP\)/);
  expect(frenchInGerman.join('\n')).toMatch(/a count written with "\(s\)".*Entwurf\/-entwürfe/);
  expect(frenchInGerman.join('\n')).not.toMatch(/vente|action sociale|oui/);
  // Found as expected: the fixture must not fail this journey for it.
  frenchInGerman.splice(0);
});
