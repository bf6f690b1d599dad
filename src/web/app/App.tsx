import { Center, DEFAULT_THEME, Loader, MantineProvider, createTheme, type MantineColorsTuple } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, Suspense, useEffect } from 'react';
import { situationQuery } from '../features/situations/situation-query.ts';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import type { Language } from '../../domain/access/roles.ts';
import { NotFoundPage } from '../components/NotFoundPage.tsx';
import { SessionProvider, useSession } from '../features/auth/session.tsx';
import { I18nProvider, useI18n } from '../i18n/i18n.tsx';
import {
  AuditPage,
  HomePage,
  InboxPage,
  Layout,
  MeasureKindsPage,
  FiguresPage,
  HistoryImportPage,
  AlertsPage,
  CaseloadPage,
  MachineTokensPage,
  MergesPage,
  NewSituationPage,
  Notifications,
  OrganisationsPage,
  OutboxPage,
  ProfilePage,
  SignInPage,
  SituationPage,
  SituationsPage,
  StatementsPage,
  TandemsPage,
  CareBoardPage,
  TriagePage,
  UsersPage,
  preloadAfterSignIn,
  AssessmentOnlyPage,
} from './screens.ts';

// Teal 9 (#087f5b) keeps text and buttons above WCAG AA's 4.5:1 on white.
// Mantine's orange 9 (#d9480f) gives white text only 4.29:1: warning badges use a
// darker last shade (#c2410c, 5.2:1) so that the whole orange scale stays usable.
const orange = [...DEFAULT_THEME.colors.orange.slice(0, 9), '#c2410c'] as unknown as MantineColorsTuple;
const theme = createTheme({
  primaryColor: 'teal',
  colors: { orange },
  primaryShade: 9,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
  focusRing: 'always',
});

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: (count, error) => count < 2 && !('status' in (error as object)) } },
});

const SITUATION_ADDRESS = /^\/situations\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** The data the address shows first, asked for as the app starts, alongside the session (main.tsx). */
export function prefetchFor(pathname: string) {
  const id = SITUATION_ADDRESS.exec(pathname)?.[1];
  if (id) void queryClient.prefetchQuery({ ...situationQuery(id), retry: false });
}

/** While the session or the first chunk of a page is on its way. */
function PageLoader() {
  const { t } = useI18n();
  return (
    <Center h="100vh">
      <Loader aria-label={t('app.loading')} />
    </Center>
  );
}

function RequireSession({ children }: { children: ReactNode }) {
  const { me, loading } = useSession();
  const location = useLocation();
  if (loading) return <PageLoader />;
  if (!me) return <Navigate to="/sign-in" replace state={{ from: location.pathname }} />;
  // A temporary password must be replaced before anything else (the server enforces it too).
  if (me.mustChangePassword && location.pathname !== '/profile') return <Navigate to="/profile" replace />;
  return children;
}

/** Screens the policy does not give this user do not exist for them: the not-found page. */
function Gate({ allowed, children }: { allowed: boolean; children: ReactNode }) {
  return allowed ? children : <NotFoundPage />;
}

function SignIn() {
  useEffect(() => {
    const timer = setTimeout(preloadAfterSignIn, 1_000);
    return () => clearTimeout(timer);
  }, []);
  return <SignInPage />;
}

function AppRoutes() {
  const { me } = useSession();
  return (
    <Suspense fallback={<PageLoader />}>
      <Routes>
        <Route path="/sign-in" element={<SignIn />} />
        <Route
          element={
            <RequireSession>
              <Layout />
            </RequireSession>
          }
        >
          <Route index element={<HomePage />} />
          <Route path="profile" element={<ProfilePage />} />
          <Route path="situations" element={<SituationsPage />} />
          <Route
            path="situations/new"
            element={
              <Gate allowed={Boolean(me?.abilities.announce)}>
                <NewSituationPage />
              </Gate>
            }
          />
          <Route path="situations/:id" element={<SituationPage />} />
          <Route path="situations/:id/assessment" element={<AssessmentOnlyPage />} />
          <Route
            path="triage"
            element={
              <Gate allowed={Boolean(me?.abilities.triage)}>
                <TriagePage />
              </Gate>
            }
          />
          <Route
            path="care-board"
            element={
              <Gate allowed={Boolean(me?.abilities.triage)}>
                <CareBoardPage />
              </Gate>
            }
          />
          <Route
            path="tandems"
            element={
              <Gate allowed={Boolean(me?.abilities.seeTandems)}>
                <TandemsPage />
              </Gate>
            }
          />
          <Route
            path="inbox"
            element={
              <Gate allowed={Boolean(me?.abilities.decideMeasures)}>
                <InboxPage />
              </Gate>
            }
          />
          <Route
            path="statements"
            element={
              <Gate allowed={Boolean(me?.abilities.readStatements)}>
                <StatementsPage />
              </Gate>
            }
          />
          <Route
            path="figures"
            element={
              <Gate allowed={Boolean(me?.abilities.readFigures)}>
                <FiguresPage />
              </Gate>
            }
          />
          <Route
            path="alerts"
            element={
              <Gate allowed={Boolean(me?.abilities.readAlerts)}>
                <AlertsPage />
              </Gate>
            }
          />
          <Route
            path="caseload"
            element={
              <Gate allowed={Boolean(me?.abilities.readAlerts)}>
                <CaseloadPage />
              </Gate>
            }
          />
          <Route
            path="machine-tokens"
            element={
              <Gate allowed={Boolean(me?.abilities.manageMachineTokens)}>
                <MachineTokensPage />
              </Gate>
            }
          />
          <Route
            path="history-import"
            element={
              <Gate allowed={Boolean(me?.abilities.importHistory)}>
                <HistoryImportPage />
              </Gate>
            }
          />
          <Route
            path="measure-kinds"
            element={
              <Gate allowed={Boolean(me?.abilities.manageMeasureKinds)}>
                <MeasureKindsPage />
              </Gate>
            }
          />
          <Route
            path="outbox"
            element={
              <Gate allowed={Boolean(me?.abilities.readOutbox)}>
                <OutboxPage />
              </Gate>
            }
          />
          <Route
            path="merges"
            element={
              <Gate allowed={Boolean(me?.abilities.reviewMerges)}>
                <MergesPage />
              </Gate>
            }
          />
          <Route
            path="users"
            element={
              <Gate allowed={Boolean(me?.abilities.seeUsers)}>
                <UsersPage />
              </Gate>
            }
          />
          <Route
            path="organisations/*"
            element={
              <Gate allowed={Boolean(me?.abilities.manageOrganisations)}>
                <OrganisationsPage />
              </Gate>
            }
          />
          <Route
            path="audit"
            element={
              <Gate allowed={Boolean(me?.abilities.readAudit)}>
                <AuditPage />
              </Gate>
            }
          />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </Suspense>
  );
}

export function App({ language }: { language: Language }) {
  return (
    <MantineProvider theme={theme}>
      <Suspense fallback={null}>
        <Notifications position="top-right" />
      </Suspense>
      <QueryClientProvider client={queryClient}>
        <I18nProvider initial={language}>
          <BrowserRouter>
            <SessionProvider>
              <AppRoutes />
            </SessionProvider>
          </BrowserRouter>
        </I18nProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
