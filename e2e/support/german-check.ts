import type { BrowserContext } from '@playwright/test';
import { FRENCH_ONLY_PATTERNS, type FrenchOnlyPattern, frenchInGerman } from '../../src/domain/format/french-only.ts';

/**
 * Every German page a journey shows is read for French left in it (FRENCH_ONLY_PATTERNS: spacing before a colon,
 * ORP/CMS, French words, "(s)"…), whatever the journey and whoever wrote the screen: a script in each page reads
 * the visible text (and the placeholders, labels and titles a person or a screen reader meets) each time the page
 * has settled after a change while `<html lang="de">`, and hands it here. Names and data are not translated: an
 * element marked `translate="no"` (the HTML attribute for that) is left out, and DATA below lists the demo data
 * that a German page shows as it was entered (an office called "ORP Sion" is still called so in German).
 *
 * To extend: a new French-only pattern goes into src/domain/format/french-only.ts (the dictionaries' unit tests use
 * it too); a piece of data that trips a pattern goes into DATA, or its element gets `translate="no"`.
 */
const DATA: RegExp[] = [
  // Offices and institutions of the demo canton that have a single, French name.
  /\b(ORP|CMS) (Sion|Sierre|Monthey|Martigny)\b[^\n]*/g,
  // Audit action codes and e-mail addresses are identifiers, not words.
  /\b[\w.-]+@[\w.-]+\b/g,
];
const PATTERNS: FrenchOnlyPattern[] = FRENCH_ONLY_PATTERNS;
const BINDING = '__tandemGermanText';
/** How long the page must stay unchanged before it is read: a language switch re-renders right after `lang`. */
const QUIET_MS = 300;

/** Reads the page in the browser: runs there, so it only uses the page's own globals. */
function watchGerman({ binding, quietMs }: { binding: string; quietMs: number }) {
  const read = () => {
    if (document.documentElement.lang !== 'de' || !document.body) return undefined;
    // innerText, not textContent: the text as rendered, without what is hidden (a closed menu, a collapsed panel).
    // biome-ignore lint/performance/useDomNodeTextContent: the visible text is what is checked
    let text = document.body.innerText;
    for (const el of document.querySelectorAll<HTMLElement>('[translate="no"]')) {
      // biome-ignore lint/performance/useDomNodeTextContent: the visible text is what is checked
      const data = el.innerText;
      if (data) text = text.replace(data, ' ');
    }
    const attributes = [...document.querySelectorAll<HTMLElement>('[placeholder], [aria-label], [title]')]
      .filter((el) => el.getClientRects().length > 0 && !el.closest('[translate="no"]'))
      .flatMap((el) => ['placeholder', 'aria-label', 'title'].map((a) => el.getAttribute(a) ?? ''))
      .filter(Boolean);
    const send = (window as unknown as Record<string, (t: string) => Promise<void>>)[binding];
    return send?.([text, ...attributes].join('\n'));
  };
  // Read once nothing changed for a while and no request is out: a page waiting for its data is not done.
  let timer: number | undefined;
  let inFlight = 0;
  const later = () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void (inFlight === 0 ? read() : undefined), quietMs);
  };
  const fetchOf = window.fetch.bind(window);
  window.fetch = async (...args: Parameters<typeof fetch>) => {
    inFlight++;
    try {
      return await fetchOf(...args);
    } finally {
      inFlight--;
      later();
    }
  };
  new MutationObserver(later).observe(document, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['lang', 'placeholder', 'aria-label', 'title'],
  });
  window.addEventListener('pagehide', () => void read());
  (window as unknown as Record<string, typeof read>)[`${binding}Now`] = read;
}

/** Installs the check on every page of the context; what it finds is pushed to `found` (page address, text). */
export async function watchGermanPages(context: BrowserContext, found: string[]) {
  const seen = new Set<string>();
  await context.exposeBinding(BINDING, ({ page }, text: string) => {
    let readable = text;
    for (const data of DATA) readable = readable.replace(data, ' ');
    for (const problem of frenchInGerman(readable, PATTERNS)) {
      const path = new URL(page.url()).pathname;
      const entry = `${path}: ${problem}`;
      if (!seen.has(entry)) found.push(entry);
      seen.add(entry);
    }
  });
  await context.addInitScript(watchGerman, { binding: BINDING, quietMs: QUIET_MS });
}

/** Reads the pages still open once more (the last screen of a journey may not have waited the quiet time). */
export async function readGermanPagesNow(context: BrowserContext) {
  for (const page of context.pages())
    await page
      .evaluate(
        (name) => (window as unknown as Record<string, (() => Promise<void> | undefined) | undefined>)[name]?.(),
        `${BINDING}Now`,
      )
      .catch(() => undefined);
}
