import { Alert, Button, Checkbox, Group, MultiSelect, Paper, Select, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Situation } from '../../../contracts/situations.ts';
import type { Tandem, TandemFile } from '../../../contracts/tandem.ts';
import { swissDay } from '../../../domain/consent/consent.ts';
import { get, post } from '../../api/client.ts';
import { DateField } from '../../components/DateField.tsx';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useTandemAction } from './use-tandem-file.ts';

/** The Bureau assigns a situation oriented to a tandem: the tandems of the region with their load. */
export function AssignPanel({ situation }: { situation: Situation }) {
  const { t } = useI18n();
  const tandems = useQuery({
    queryKey: ['tandems', situation.regionId],
    queryFn: () => get<Tandem[]>(`/api/tandems?regionId=${situation.regionId}`),
  });
  const people = useQuery({
    queryKey: ['report-recipients', situation.id],
    queryFn: () => get<{ id: string; name: string }[]>(`/api/situations/${situation.id}/report-recipient-candidates`),
  });
  const [tandemId, setTandemId] = useState<string | null>(null);
  const [startOn, setStartOn] = useState(swissDay(new Date()));
  const [confirm, setConfirm] = useState(false);
  const [extra, setExtra] = useState<string[]>([]);
  const { run, error, busy } = useTandemAction(situation.id);
  const active = (tandems.data ?? []).filter((x) => x.active);
  const chosen = active.find((x) => x.id === tandemId);
  const full = chosen ? chosen.load >= chosen.capacity : false;
  const submit = () =>
    run(
      () =>
        post<TandemFile>(`/api/situations/${situation.id}/mandate`, {
          tandemId,
          startOn,
          confirmOverCapacity: confirm,
          extraRecipientIds: extra,
          version: situation.version,
        }),
      t('assign.done'),
    );
  return (
    <Paper withBorder p="md" data-testid="assign-panel">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('assign.title')}
        </Title>
        {tandems.data && active.length === 0 && <Alert color="orange">{t('assign.noTandem')}</Alert>}
        <Group align="flex-start">
          <Select
            label={t('assign.tandem')}
            w={380}
            data={active.map((x) => ({
              value: x.id,
              label: t('assign.option', { orp: x.orp.name, cms: x.cms.name, load: x.load, capacity: x.capacity }),
            }))}
            value={tandemId}
            onChange={(v) => {
              setTandemId(v);
              setConfirm(false);
            }}
            error={fieldError(error, 'tandemId')}
          />
          <DateField
            label={t('assign.startOn')}
            value={startOn}
            onChange={setStartOn}
            error={fieldError(error, 'startOn')}
          />
        </Group>
        {full && chosen && (
          <Checkbox
            color="orange"
            label={t('assign.overCapacity', { load: chosen.load, capacity: chosen.capacity })}
            checked={confirm}
            onChange={(e) => setConfirm(e.currentTarget.checked)}
            error={fieldError(error, 'confirmOverCapacity')}
          />
        )}
        {people.data && people.data.length > 0 && (
          <MultiSelect
            label={t('assign.extra')}
            searchable
            data={people.data.map((u) => ({ value: u.id, label: u.name }))}
            value={extra}
            onChange={setExtra}
            error={fieldError(error, 'extraRecipientIds')}
          />
        )}
        <ErrorAlert error={error} />
        <Group>
          <Button loading={busy} disabled={!tandemId} onClick={() => void submit()}>
            {t('assign.submit')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
