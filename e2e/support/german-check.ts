import type { BrowserContext } from '@playwright/test';
import { FRENCH_ONLY_PATTERNS, type FrenchOnlyPattern, frenchInGerman } from '../../src/domain/format/french-only.ts';

/**
 * Every German page a journey shows is read for French left in it (FRENCH_ONLY_PATTERNS: spacing before a colon,
 * ORP/CMS, French words, "(s)"…), whatever the journey and whoever wrote the screen: a script in each page reads
 * the visible text (and the placeholders, labels and titles a person or a screen reader meets) each time the page
 * has settled after a change — no request out, nothing changed for QUIET_MS — while `<html lang="de">`, and hands
 * it here. What is checked is the app's own wording: data is not translated, so the page leaves out
 * - every string the API sent in a successful JSON answer (names, free text, an office called "ORP Sion"); an
 *   error's message is still read, it must be German;
 * - an element marked `translate="no"` (the HTML attribute for that) or whose `lang` is not German (a French name
 *   shown beside the German one);
 * - what matches DATA below.
 *
 * To extend: a new French-only pattern goes into src/domain/format/french-only.ts (the dictionaries' unit tests use
 * it too); data that trips a pattern and does not come from the API goes into DATA, or its element gets
 * `translate="no"`.
 */
const DATA: RegExp[] = [
  // E-mail addresses are identifiers, not words.
  /\b[\w.-]+@[\w.-]+\b/g,
];
const PATTERNS: FrenchOnlyPattern[] = FRENCH_ONLY_PATTERNS;
const BINDING = '__tandemGermanText';
/** How long the page must stay unchanged before it is read: a language switch re-renders right after `lang`. */
const QUIET_MS = 300;

/** Reads the page in the browser: runs there, so it only uses the page's own globals. */
function watchGerman({ binding, quietMs }: { binding: string; quietMs: number }) {
  const NOT_GERMAN = 'body [translate="no"], body [lang]:not([lang^="de"])';
  // The strings the API sent: data, left out of what is read (longest first, so that a name inside a longer text
  // does not cut it).
  const data = new Set<string>();
  const collect = (value: unknown): void => {
    if (typeof value === 'string') {
      if (value.trim().length >= 2 && !/^[a-z_]+$/.test(value)) data.add(value);
    } else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  const withoutData = (text: string) =>
    [...data].sort((a, b) => b.length - a.length).reduce((t, s) => (t.includes(s) ? t.split(s).join(' ') : t), text);

  const read = () => {
    if (document.documentElement.lang !== 'de' || !document.body) return undefined;
    // innerText, not textContent: the text as rendered, without what is hidden (a closed menu, a collapsed panel).
    // biome-ignore lint/performance/useDomNodeTextContent: the visible text is what is checked
    let text = document.body.innerText;
    for (const el of document.querySelectorAll<HTMLElement>(NOT_GERMAN)) {
      // biome-ignore lint/performance/useDomNodeTextContent: the visible text is what is checked
      const part = el.innerText;
      if (part) text = text.replace(part, ' ');
    }
    const attributes = [...document.querySelectorAll<HTMLElement>('[placeholder], [aria-label], [title]')]
      .filter((el) => el.getClientRects().length > 0 && !el.closest(NOT_GERMAN))
      .flatMap((el) => ['placeholder', 'aria-label', 'title'].map((a) => el.getAttribute(a) ?? ''))
      .filter(Boolean);
    const send = (window as unknown as Record<string, (t: string) => Promise<void>>)[binding];
    return send?.(withoutData([text, ...attributes].join('\n')));
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
      const response = await fetchOf(...args);
      if (response.ok && response.headers.get('content-type')?.includes('json'))
        await response
          .clone()
          .json()
          .then(collect)
          .catch(() => undefined);
      return response;
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
    for (const pattern of DATA) readable = readable.replace(pattern, ' ');
    for (const problem of frenchInGerman(readable, PATTERNS)) {
      const entry = `${new URL(page.url()).pathname}: ${problem}`;
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
