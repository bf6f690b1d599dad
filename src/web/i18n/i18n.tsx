import { type ReactNode, createContext, useCallback, useContext, useMemo, useState } from 'react';
import type { Language } from '../../domain/access/roles.ts';
import { formatChf, formatDate, formatDateTime } from '../../domain/format/swiss-format.ts';
import { de } from './de/index.ts';
import { type MessageKey, fr } from './fr/index.ts';

const DICTIONARIES: Record<Language, Record<MessageKey, string>> = { fr, de };
const STORAGE_KEY = 'tandem.language';

/** Before sign-in the browser remembers the choice; after, the user's profile wins. */
export function initialLanguage(): Language {
  const stored = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
  if (stored === 'fr' || stored === 'de') return stored;
  return typeof navigator !== 'undefined' && navigator.language.toLowerCase().startsWith('de') ? 'de' : 'fr';
}

export function translate(lang: Language, key: MessageKey, params: Record<string, string | number> = {}) {
  return DICTIONARIES[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}

interface I18n {
  lang: Language;
  setLang(lang: Language): void;
  t(key: MessageKey, params?: Record<string, string | number>): string;
  date(value: string | Date | null | undefined): string;
  dateTime(value: string | Date | null | undefined): string;
  chf(amount: number): string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Language>(initialLanguage);
  const setLang = useCallback((next: Language) => {
    localStorage.setItem(STORAGE_KEY, next);
    document.documentElement.lang = next;
    setLangState(next);
  }, []);
  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: (key, params) => translate(lang, key, params),
      date: (v) => formatDate(v, lang),
      dateTime: (v) => formatDateTime(v, lang),
      chf: (amount) => formatChf(amount),
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
