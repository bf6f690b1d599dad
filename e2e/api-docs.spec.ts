import { shot } from './support/helpers.ts';
import { expect, test } from './support/test.ts';

// The OpenAPI page is served under the same Content-Security-Policy as the app (scripts from its own origin only).
test('the API documentation renders under the content security policy', async ({ page }) => {
  const response = await page.goto('/api/docs');
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  await expect(page.getByRole('heading', { name: /Tandem API/ })).toBeVisible();
  await expect(page.getByText('/api/auth/sign-in').first()).toBeVisible();
  await shot(page, 'api-docs');
});
