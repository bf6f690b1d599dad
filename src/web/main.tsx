import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app/global.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, prefetchFor } from './app/App.tsx';
import { preloadFor } from './app/screens.ts';
import { initialLanguage, loadDictionary } from './i18n/i18n.tsx';

// A screen's chunk that cannot be fetched any more (a new version was deployed since this page loaded: the old
// hashed names are gone) reloads the page, which brings the new index.html and its chunks; at most once a minute,
// so that a chunk really missing shows the error instead of reloading for ever.
const RELOADED_AT = 'tandem.reloadedForChunkAt';
window.addEventListener('vite:preloadError', (event) => {
  const last = Number(sessionStorage.getItem(RELOADED_AT) ?? 0);
  if (Date.now() - last < 60_000) return;
  sessionStorage.setItem(RELOADED_AT, String(Date.now()));
  event.preventDefault();
  window.location.reload();
});

// The screen the address shows is fetched now, alongside the session, rather than once the session is known; the
// first render waits for the dictionary of the language it will show (German is its own chunk).
preloadFor(window.location.pathname);
const language = initialLanguage();
document.documentElement.lang = language;
prefetchFor(window.location.pathname);
void loadDictionary(language)
  .catch(() => undefined)
  .then(() =>
    // biome-ignore lint/style/noNonNullAssertion: index.html has the #root element
    createRoot(document.getElementById('root')!).render(
      <StrictMode>
        <App language={language} />
      </StrictMode>,
    ),
  );
