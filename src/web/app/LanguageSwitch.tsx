import { SegmentedControl } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import type { Me } from '../../contracts/auth.ts';
import type { Language } from '../../domain/access/roles.ts';
import { patch } from '../api/client.ts';
import { useSession } from '../features/auth/session.tsx';
import { useI18n } from '../i18n/i18n.tsx';

/**
 * FR/DE switch; once signed in the choice is saved on the user's profile, and what the server wrote in the old
 * language (institution names, messages) is fetched again in the new one.
 */
export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  const { me } = useSession();
  const queryClient = useQueryClient();
  const change = async (value: string) => {
    const next = value as Language;
    setLang(next);
    if (!me) return;
    queryClient.setQueryData(['me'], await patch<Me>('/api/me/preferences', { language: next }));
    await queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
  };
  return (
    <SegmentedControl
      aria-label={t('app.language')}
      size="xs"
      value={lang}
      onChange={change}
      data={[
        { value: 'fr', label: 'FR' },
        { value: 'de', label: 'DE' },
      ]}
    />
  );
}
