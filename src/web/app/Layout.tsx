import { Burger, Center, Group, Loader, NavLink, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { Suspense } from 'react';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet, useLocation } from 'react-router-dom';
import type { MessageKey } from '../i18n/fr/index.ts';
import { post } from '../api/client.ts';
import { useSession } from '../features/auth/session.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';

/**
 * The navigation follows the abilities the server sent with the profile. A fixed header, the navigation beside the
 * content and under a burger on small screens, in plain CSS (`.shell-*` in global.css): Mantine's AppShell would
 * weigh about 9 KB gzip in the home page's first script (decision 015).
 */
export function Layout() {
  const { t } = useI18n();
  const { me } = useSession();
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  if (!me) return null;

  const items: { to: string; label: MessageKey; show: boolean }[] = [
    { to: '/', label: 'nav.home', show: true },
    { to: '/situations', label: 'nav.situations', show: true },
    { to: '/situations/new', label: 'nav.newSituation', show: me.abilities.announce },
    { to: '/alerts', label: 'nav.alerts', show: me.abilities.readAlerts },
    { to: '/triage', label: 'nav.triage', show: me.abilities.triage },
    { to: '/care-board', label: 'nav.careBoard', show: me.abilities.triage },
    { to: '/tandems', label: 'nav.tandems', show: me.abilities.seeTandems },
    { to: '/inbox', label: 'nav.inbox', show: me.abilities.decideMeasures },
    { to: '/statements', label: 'nav.statements', show: me.abilities.readStatements },
    { to: '/measure-kinds', label: 'nav.measureKinds', show: me.abilities.manageMeasureKinds },
    { to: '/figures', label: 'nav.figures', show: me.abilities.readFigures },
    { to: '/merges', label: 'nav.merges', show: me.abilities.reviewMerges },
    { to: '/users', label: 'nav.users', show: me.abilities.seeUsers },
    { to: '/organisations', label: 'nav.organisations', show: me.abilities.manageOrganisations },
    { to: '/audit', label: 'nav.audit', show: me.abilities.readAudit },
    { to: '/history-import', label: 'nav.history', show: me.abilities.importHistory },
    { to: '/machine-tokens', label: 'nav.machineTokens', show: me.abilities.manageMachineTokens },
    { to: '/outbox', label: 'nav.outbox', show: me.abilities.readOutbox },
    { to: '/profile', label: 'nav.profile', show: true },
  ];

  const signOut = async () => {
    await post('/api/auth/sign-out').catch(() => undefined);
    // A full page load drops every cached record from memory, not just the session.
    window.location.assign('/sign-in?signedOut=1');
  };

  return (
    <>
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <header className="shell-header">
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.main')} />
            <UnstyledButton component={Link} to="/" aria-label={t('nav.home')}>
              <Title order={1} size="h3" c="teal.9">
                {t('app.name')}
              </Title>
            </UnstyledButton>
            <Text size="sm" c="gray.7" visibleFrom="md">
              {t('app.tagline')}
            </Text>
          </Group>
          <Group gap="md" wrap="nowrap">
            <Text size="sm" visibleFrom="sm">
              {me.givenName} {me.familyName}
            </Text>
            <LanguageSwitch />
          </Group>
        </Group>
      </header>
      <nav className="shell-navbar" aria-label={t('nav.main')} data-opened={opened || undefined}>
        <Stack gap={4} justify="space-between" h="100%">
          <Stack gap={4}>
            {items
              .filter((i) => i.show)
              .map((item) => (
                <NavLink
                  key={item.to}
                  component={Link}
                  to={item.to}
                  label={t(item.label)}
                  variant="filled"
                  active={
                    item.to === '/' || item.to === '/situations'
                      ? location.pathname === item.to ||
                        (item.to === '/situations' && /^\/situations\/(?!new)/.test(location.pathname))
                      : location.pathname.startsWith(item.to)
                  }
                  aria-current={location.pathname === item.to ? 'page' : undefined}
                  onClick={close}
                />
              ))}
          </Stack>
          <NavLink component="button" label={t('nav.signOut')} onClick={signOut} />
        </Stack>
      </nav>
      <main className="shell-main" id="main" tabIndex={-1}>
        {/* Screens are loaded on first visit (screens.ts): the shell stays while one arrives. */}
        <Suspense
          fallback={
            <Center mih={200}>
              <Loader aria-label={t('app.loading')} />
            </Center>
          }
        >
          <Outlet />
        </Suspense>
      </main>
    </>
  );
}
