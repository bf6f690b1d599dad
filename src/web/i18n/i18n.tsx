import { type ReactNode, createContext, useCallback, useContext, useMemo, useState } from 'react';
import type { Language } from '../../domain/access/roles.ts';
import { formatMessage, frenchSpacing, withColon } from '../../domain/format/message.ts';
import { formatChf, formatDate, formatDateTime } from '../../domain/format/swiss-format.ts';
import type { MessageKey } from './fr/index.ts';

type Dictionary = Record<MessageKey, string>;
/**
 * Each language's dictionary is a chunk of its own, fetched before the first render (main.tsx) and on a switch:
 * a page carries one language, not both (decision 015). index.html preloads the French one, the default.
 */
const DICTIONARIES: Partial<Record<Language, Dictionary>> = {};
const STORAGE_KEY = 'tandem.language';

export async function loadDictionary(lang: Language): Promise<void> {
  if (DICTIONARIES[lang]) return;
  DICTIONARIES[lang] = lang === 'de' ? (await import('./de/index.ts')).de : (await import('./fr/index.ts')).fr;
}

/** Before sign-in the browser remembers the choice; after, the user's profile wins. */
export function initialLanguage(): Language {
  const stored = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
  if (stored === 'fr' || stored === 'de') return stored;
  return typeof navigator !== 'undefined' && navigator.language.toLowerCase().startsWith('de') ? 'de' : 'fr';
}

export function translate(lang: Language, key: MessageKey, params: Record<string, string | number> = {}) {
  // A language is only switched to once its dictionary is loaded; should that fail, the other one stands in.
  const text = (DICTIONARIES[lang] ?? DICTIONARIES.fr ?? DICTIONARIES.de)?.[key] ?? key;
  // `{name}` and `{count, plural, one {…} other {…}}`: every count with its own form (domain/format/message.ts).
  return formatMessage(lang === 'fr' ? frenchSpacing(text) : text, params, lang);
}

interface I18n {
  lang: Language;
  setLang(lang: Language): void;
  t(key: MessageKey, params?: Record<string, string | number>): string;
  date(value: string | Date | null | undefined): string;
  dateTime(value: string | Date | null | undefined): string;
  chf(amount: number): string;
  /** A label and its colon: "Rempli :" in French, "Erfüllt:" in German. */
  colon(label: string): string;
}

const I18nContext = createContext<I18n | null>(null);

/** `initial` is the language whose dictionary main.tsx loaded before the first render. */
export function I18nProvider({ initial, children }: { initial?: Language; children: ReactNode }) {
  const [lang, setLangState] = useState<Language>(() => initial ?? initialLanguage());
  const setLang = useCallback((next: Language) => {
    localStorage.setItem(STORAGE_KEY, next);
    void loadDictionary(next)
      .catch(() => undefined)
      .then(() => {
        document.documentElement.lang = next;
        setLangState(next);
      });
  }, []);
  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: (key, params) => translate(lang, key, params),
      date: (v) => formatDate(v, lang),
      dateTime: (v) => formatDateTime(v, lang),
      chf: (amount) => formatChf(amount),
      colon: (label) => withColon(label, lang),
    }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
