import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { DuplicateMatch, PersonInput, Situation } from '../../../contracts/situations.ts';
import { post } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { PersonForm, emptyPerson } from '../situations/PersonForm.tsx';
import { roundTableKeys } from './use-round-table.ts';

/**
 * A consent arrived after an anonymous round table: the situation is linked to the person — one already known (from
 * the duplicates shown) or a new one, as in the announcement's first step. The minutes stay as they were written.
 */
export function LinkPersonPanel({ situation }: { situation: Situation }) {
  const { t, date, lang } = useI18n();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [person, setPerson] = useState<PersonInput>(() => emptyPerson(lang));
  const [candidates, setCandidates] = useState<DuplicateMatch[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const url = `/api/situations/${situation.id}/link-person`;
  const run = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const link = (body: object) =>
    run(async () => {
      await post(url, { ...body, version: situation.version });
      notifications.show({ color: 'teal', message: t('rt.linked') });
      await queryClient.invalidateQueries({ queryKey: ['situation', situation.id] });
      await queryClient.invalidateQueries({ queryKey: roundTableKeys.roundTable(situation.id) });
    });
  const check = () =>
    run(async () => {
      const { candidates: found } = await post<{ candidates: DuplicateMatch[] }>('/api/persons/duplicates', person);
      if (found.length) setCandidates(found);
      else await link({ person, confirmDistinctFrom: [] });
    });
  if (!open)
    return (
      <Button variant="light" w="fit-content" maw="100%" onClick={() => setOpen(true)} data-testid="rt-link-open">
        {t('rt.link')}
      </Button>
    );
  return (
    <Paper withBorder p="sm" data-testid="rt-link">
      <Stack gap="sm">
        <Title order={4} size="h5">
          {t('rt.link')}
        </Title>
        <Text size="sm">{t('rt.linkIntro')}</Text>
        <PersonForm
          value={person}
          onChange={(v) => {
            setPerson(v);
            setCandidates(null);
          }}
          error={error}
        />
        {candidates && (
          <Alert color="orange" title={t('new.duplicates')}>
            <Stack gap="sm">
              {candidates.map((c) => (
                <Group key={c.id} justify="space-between" wrap="wrap">
                  <Text size="sm">
                    <strong>
                      {c.officialName} {c.firstNames}
                    </strong>{' '}
                    · {date(c.birthDate)}
                  </Text>
                  {c.usable ? (
                    <Button size="xs" loading={busy} onClick={() => void link({ personId: c.id })}>
                      {t('new.useThis')}
                    </Button>
                  ) : (
                    <Text size="xs" c="gray.7" maw={260}>
                      {t('new.notUsable')}
                    </Text>
                  )}
                </Group>
              ))}
              {!candidates.some((c) => c.matchedOn === 'navs13') && (
                <Button
                  variant="default"
                  size="xs"
                  w="fit-content"
                  onClick={() => void link({ person, confirmDistinctFrom: candidates.map((c) => c.id) })}
                >
                  {t('new.createDistinct')}
                </Button>
              )}
            </Stack>
          </Alert>
        )}
        <ErrorAlert error={error} />
        {!candidates && (
          <Button w="fit-content" maw="100%" loading={busy} onClick={() => void check()}>
            {t('rt.linkSubmit')}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
