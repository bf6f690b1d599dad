import { type ComponentType, lazy } from 'react';

/**
 * Every screen is its own chunk, fetched when first shown, so that a page loads only the shell and itself
 * (decision 015): the sign-in page does not carry the navigation, the home page not the forms of the file.
 * `preload()` starts the fetch early — the screen the address asks for is requested at start, in parallel with
 * the session (`preloadFor`), instead of after it.
 */
// biome-ignore lint/suspicious/noExplicitAny: each screen has its own props; `lazy` keeps them.
function screen<K extends string, C extends ComponentType<any>>(load: () => Promise<Record<K, C>>, name: K) {
  let pending: Promise<{ default: C }> | null = null;
  const preload = () => {
    pending ??= load().then(
      (module) => ({ default: module[name] }),
      (error) => {
        pending = null; // a later visit tries again
        throw error;
      },
    );
    return pending;
  };
  return Object.assign(lazy(preload), { preload });
}

export const SignInPage = screen(() => import('../features/auth/SignInPage.tsx'), 'SignInPage');
export const Layout = screen(() => import('./Layout.tsx'), 'Layout');
export const HomePage = screen(() => import('../features/home/HomePage.tsx'), 'HomePage');
export const ProfilePage = screen(() => import('../features/profile/ProfilePage.tsx'), 'ProfilePage');
export const SituationsPage = screen(() => import('../features/situations/SituationsPage.tsx'), 'SituationsPage');
export const NewSituationPage = screen(() => import('../features/situations/NewSituationPage.tsx'), 'NewSituationPage');
export const SituationPage = screen(() => import('../features/situations/SituationPage.tsx'), 'SituationPage');
export const AssessmentOnlyPage = screen(
  () => import('../features/assessments/AssessmentSection.tsx'),
  'AssessmentOnlyPage',
);
export const TriagePage = screen(() => import('../features/triage/TriagePage.tsx'), 'TriagePage');
export const TandemsPage = screen(() => import('../features/tandem/TandemsPage.tsx'), 'TandemsPage');
export const CareBoardPage = screen(() => import('../features/care-board/CareBoardPage.tsx'), 'CareBoardPage');
export const InboxPage = screen(() => import('../features/measures/InboxPage.tsx'), 'InboxPage');
export const StatementsPage = screen(() => import('../features/measures/StatementsPage.tsx'), 'StatementsPage');
export const FiguresPage = screen(() => import('../features/figures/FiguresPage.tsx'), 'FiguresPage');
export const HistoryImportPage = screen(() => import('../features/history/HistoryImportPage.tsx'), 'HistoryImportPage');
export const MeasureKindsPage = screen(() => import('../features/measures/MeasureKindsPage.tsx'), 'MeasureKindsPage');
export const OutboxPage = screen(() => import('../features/outbox/OutboxPage.tsx'), 'OutboxPage');
export const MergesPage = screen(() => import('../features/persons/MergesPage.tsx'), 'MergesPage');
export const UsersPage = screen(() => import('../features/users/UsersPage.tsx'), 'UsersPage');
export const OrganisationsPage = screen(
  () => import('../features/organisations/OrganisationsPage.tsx'),
  'OrganisationsPage',
);
export const AuditPage = screen(() => import('../features/audit/AuditPage.tsx'), 'AuditPage');
// Caseloads and alerts (issue 14).
export const AlertsPage = screen(() => import('../features/alerts/AlertsPage.tsx'), 'AlertsPage');
export const CaseloadPage = screen(() => import('../features/alerts/CaseloadPage.tsx'), 'CaseloadPage');
export const MachineTokensPage = screen(() => import('../features/alerts/MachineTokensPage.tsx'), 'MachineTokensPage');
// Nothing is notified before the first screen is up: the container comes after it (the store keeps what is shown).
export const Notifications = screen(() => import('@mantine/notifications'), 'Notifications');

/** The screens an address shows first, by path prefix (the rest load as they are visited). */
const FIRST: [RegExp, { preload(): Promise<unknown> }[]][] = [
  [/^\/sign-in/, [SignInPage]],
  [/^\/$/, [Layout, HomePage]],
  [/^\/situations\/new/, [Layout, NewSituationPage]],
  [/^\/situations\/./, [Layout, SituationPage]],
  [/^\/situations/, [Layout, SituationsPage]],
  [/^\/triage/, [Layout, TriagePage]],
  [/^\/tandems/, [Layout, TandemsPage]],
  [/^\/inbox/, [Layout, InboxPage]],
  [/^\/figures/, [Layout, FiguresPage]],
];

export function preloadFor(pathname: string) {
  const screens = FIRST.find(([pattern]) => pattern.test(pathname))?.[1] ?? [Layout];
  for (const s of screens) s.preload().catch(() => undefined);
}

/** After the sign-in page is shown, the shell and the home page are fetched while the user types. */
export function preloadAfterSignIn() {
  for (const s of [Layout, HomePage]) s.preload().catch(() => undefined);
}
