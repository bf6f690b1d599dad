import type { Language } from '../access/roles.ts';

/**
 * Messages a person reads, filled in their language: `{name}` is replaced by a parameter, and
 * `{count, plural, one {# jour} other {# jours}}` (the ICU subset the dictionaries use) picks the form that
 * `Intl.PluralRules` gives for the count in fr-CH or de-CH, `#` being the count. `=0 {…}` picks an exact value
 * first. No "jour(s)", "Tag(e)": every count is written with its own form. Shared by screens, e-mails and PDFs.
 */
export type MessageParams = Record<string, string | number>;

const RULES: Partial<Record<Language, Intl.PluralRules>> = {};
const pluralRules = (lang: Language) => {
  RULES[lang] ??= new Intl.PluralRules(lang === 'de' ? 'de-CH' : 'fr-CH');
  return RULES[lang];
};

/** `one` or `other`: French says "0 jour", "1,5 jour"; German "0 Tage", "1 Tag". */
export function pluralForm(count: number, lang: Language): 'one' | 'other' {
  return pluralRules(lang).select(count) === 'one' ? 'one' : 'other';
}

/** Where the `}` closing the `{` at `open` is (nesting counted), or -1. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

/** The branches of a plural: `one {…} other {…}` → { one: '…', other: '…' }. */
function branches(spec: string): Map<string, string> {
  const found = new Map<string, string>();
  let i = 0;
  while (i < spec.length) {
    const selector = /^\s*(=\d+|zero|one|two|few|many|other)\s*\{/.exec(spec.slice(i));
    if (!selector) break;
    const open = i + selector[0].length - 1;
    const end = closing(spec, open);
    if (end < 0) break;
    found.set(selector[1] as string, spec.slice(open + 1, end));
    i = end + 1;
  }
  return found;
}

const PLURAL = /^\s*(\w+)\s*,\s*plural\s*,/;

/** The names of a template's parameters, simple and plural, for the dictionaries' checks. */
export function messageParameters(template: string): string[] {
  const names = new Set<string>();
  for (let i = template.indexOf('{'); i >= 0; i = template.indexOf('{', i + 1)) {
    const end = closing(template, i);
    if (end < 0) break;
    const inner = template.slice(i + 1, end);
    const plural = PLURAL.exec(inner);
    if (plural) {
      names.add(plural[1] as string);
      for (const text of branches(inner.slice(plural[0].length)).values())
        for (const n of messageParameters(text)) names.add(n);
      i = end;
    } else if (/^\w+$/.test(inner)) names.add(inner);
  }
  return [...names].sort();
}

/** `missing` writes a parameter the caller did not give (the server keeps `{name}`, the web app an empty string). */
export function formatMessage(
  template: string,
  params: MessageParams,
  lang: Language,
  missing: (name: string) => string = () => '',
): string {
  let out = '';
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) break;
    const end = closing(template, open);
    if (end < 0) break;
    out += template.slice(i, open);
    const inner = template.slice(open + 1, end);
    const plural = PLURAL.exec(inner);
    if (plural) {
      const name = plural[1] as string;
      const count = Number(params[name]);
      const forms = branches(inner.slice(plural[0].length));
      const text = forms.get(`=${count}`) ?? forms.get(pluralForm(count, lang)) ?? forms.get('other') ?? missing(name);
      out += formatMessage(text.replaceAll('#', String(params[name] ?? '')), params, lang, missing);
    } else if (/^\w+$/.test(inner)) {
      out += inner in params ? String(params[inner]) : missing(inner);
    } else {
      out += template.slice(open, end + 1);
    }
    i = end + 1;
  }
  return out + template.slice(i);
}

/** A label followed by a colon: French puts a no-break space before it, German none ("Erfüllt:"). */
export const withColon = (label: string, lang: Language) => (lang === 'fr' ? `${label}\u00a0:` : `${label}:`);

/**
 * French typography: a no-break space before : ; ? ! » and after «, so that a line never starts with a colon
 * ("Tandem\n: Anne"). Applied to the web's French texts; German has no space there at all.
 */
export const frenchSpacing = (text: string) => text.replace(/ ([:;?!»])/g, '\u00a0$1').replace(/« /g, '«\u00a0');
