import { TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

/** dd.mm.yyyy → yyyy-mm-dd, or null when it is not a real calendar day. */
export function parseSwissDate(text: string): string | null {
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text.trim());
  if (!m) return null;
  const [, d, mo, y] = m as unknown as [string, string, string, string];
  const iso = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const date = new Date(`${iso}T12:00:00Z`);
  return date.getUTCDate() === Number(d) && date.getUTCMonth() + 1 === Number(mo) ? iso : null;
}

/**
 * A date typed the Swiss way (dd.mm.yyyy) whatever the browser's own locale;
 * the value handed out is ISO (yyyy-mm-dd) or '' while empty or incomplete.
 */
export function DateField(props: {
  label: string;
  value: string;
  onChange(iso: string): void;
  w?: number;
  error?: string;
  required?: boolean;
}) {
  const { t, date } = useI18n();
  const [text, setText] = useState(props.value ? date(props.value) : '');
  useEffect(() => {
    // Cleared by the form (after a save): a complete date still shown goes; an incomplete one being typed stays.
    if (!props.value) setText((current) => (parseSwissDate(current) ? '' : current));
    else setText(date(props.value));
  }, [props.value, date]);
  const invalid = text.trim() !== '' && parseSwissDate(text) === null;
  return (
    <TextInput
      label={props.label}
      placeholder={t('app.datePlaceholder')}
      w={props.w}
      miw={150}
      required={props.required}
      value={text}
      inputMode="numeric"
      error={invalid ? t('app.dateInvalid') : props.error}
      onChange={(e) => {
        const next = e.currentTarget.value;
        setText(next);
        const iso = parseSwissDate(next);
        if (iso) props.onChange(iso);
        else if (next.trim() === '') props.onChange('');
      }}
    />
  );
}
