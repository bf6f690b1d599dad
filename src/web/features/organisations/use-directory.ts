import { useQuery } from '@tanstack/react-query';
import type { Directory } from '../../../contracts/organisations.ts';
import { get } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export function useDirectory() {
  return useQuery({ queryKey: ['directory'], queryFn: () => get<Directory>('/api/directory') });
}

/** A bilingual record's name in the current language. */
export function useLocalName() {
  const { lang } = useI18n();
  return (row: { nameFr: string; nameDe: string } | undefined | null) =>
    row ? (lang === 'de' ? row.nameDe : row.nameFr) : '';
}
