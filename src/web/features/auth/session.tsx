import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, createContext, useContext, useEffect } from 'react';
import type { Me } from '../../../contracts/auth.ts';
import { ApiError, get, setUnauthenticatedHandler } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';

interface Session {
  me: Me | null;
  loading: boolean;
  refresh(): Promise<unknown>;
}
const SessionContext = createContext<Session | null>(null);

/** Who is signed in, from GET /api/me; a 401 anywhere sends the app back to sign-in. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const { setLang, lang } = useI18n();
  const meQuery = useQuery({
    queryKey: ['me'],
    queryFn: async () => {
      try {
        return await get<Me>('/api/me');
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
  });
  useEffect(() => {
    setUnauthenticatedHandler(() => queryClient.setQueryData(['me'], null));
  }, [queryClient]);
  const me = meQuery.data ?? null;
  // The user's saved language wins over the browser's once signed in.
  useEffect(() => {
    if (me && me.language !== lang) setLang(me.language);
  }, [me, lang, setLang]);
  return (
    <SessionContext.Provider value={{ me, loading: meQuery.isLoading, refresh: () => meQuery.refetch() }}>
      {children}
    </SessionContext.Provider>
  );
}

export function useSession(): Session {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
