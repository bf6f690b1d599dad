import { type Page, expect, test as base } from '@playwright/test';
import { readGermanPagesNow, watchGermanPages } from './german-check.ts';

export { expect };
export type { Locator, Page } from '@playwright/test';

/**
 * Playwright's `test`, failing any journey
 * - in which Chromium reports that the Content-Security-Policy refused something or did not understand the
 *   Permissions-Policy: the headers set in src/server/http/security-headers.ts must never break a screen, and
 *   Chromium only says so on the console;
 * - that shows a German page with French left in it (german-check.ts): every page of every journey is read.
 */
export const test = base.extend<{ policyViolations: string[]; frenchInGerman: string[] }>({
  policyViolations: [
    async ({ context }, use) => {
      const violations: string[] = [];
      const watch = (page: Page) =>
        page.on('console', (message) => {
          const text = message.text();
          if (/Content Security Policy|Permissions-Policy|Permissions policy/i.test(text))
            violations.push(`${page.url()}: ${text}`);
        });
      context.pages().forEach(watch);
      context.on('page', watch);
      await use(violations);
      expect(violations, 'policy violations reported by Chromium').toEqual([]);
    },
    { auto: true },
  ],
  frenchInGerman: [
    async ({ context }, use) => {
      const found: string[] = [];
      await watchGermanPages(context, found);
      await use(found);
      await readGermanPagesNow(context);
      expect(found, 'French on German pages (e2e/support/german-check.ts)').toEqual([]);
    },
    { auto: true },
  ],
});
