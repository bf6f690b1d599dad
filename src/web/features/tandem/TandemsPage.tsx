import { Badge, Button, Group, NumberInput, Paper, Select, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Tandem } from '../../../contracts/tandem.ts';
import { get, post, put } from '../../api/client.ts';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useDirectory, useLocalName } from '../organisations/use-directory.ts';

interface Candidate {
  id: string;
  name: string;
  institutionKind: 'orp' | 'cms';
  regionId: string | null;
}

function TandemRow({ tandem, regionName }: { tandem: Tandem; regionName: string }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [capacity, setCapacity] = useState<number>(tandem.capacity);
  const [error, setError] = useState<unknown>(null);
  const save = async (active: boolean) => {
    setError(null);
    try {
      await put(`/api/tandems/${tandem.id}`, { capacity, active, version: tandem.version });
      notifications.show({ color: 'teal', message: t('tandems.updated') });
      await queryClient.invalidateQueries({ queryKey: ['tandems'] });
    } catch (e) {
      setError(e);
    }
  };
  const full = tandem.load >= tandem.capacity;
  return (
    <Table.Tr data-testid="tandem-row">
      <Table.Td>{regionName}</Table.Td>
      <Table.Td>{tandem.orp.name}</Table.Td>
      <Table.Td>{tandem.cms.name}</Table.Td>
      <Table.Td>
        <Group gap="xs">
          <Text size="sm">{t('tandems.loadValue', { load: tandem.load, capacity: tandem.capacity })}</Text>
          {full && <Badge color="orange.9">{t('tandems.full')}</Badge>}
        </Group>
      </Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <NumberInput
            aria-label={t('tandems.capacity')}
            w={80}
            min={1}
            max={30}
            value={capacity}
            onChange={(v) => setCapacity(Number(v) || 1)}
          />
          <Button
            size="xs"
            variant="light"
            onClick={() => void save(tandem.active)}
            disabled={capacity === tandem.capacity}
          >
            {t('app.save')}
          </Button>
        </Group>
        <ErrorAlert error={error} />
      </Table.Td>
      <Table.Td>
        <Switch
          checked={tandem.active}
          label={tandem.active ? t('tandems.active') : t('tandems.inactive')}
          onChange={(e) => void save(e.currentTarget.checked)}
        />
      </Table.Td>
    </Table.Tr>
  );
}

/** The Bureau's view of the tandems: who, where, how loaded; creation and capacity. */
export function TandemsPage() {
  const { t } = useI18n();
  const localName = useLocalName();
  const directory = useDirectory();
  const queryClient = useQueryClient();
  const tandems = useQuery({ queryKey: ['tandems'], queryFn: () => get<Tandem[]>('/api/tandems') });
  const candidates = useQuery({
    queryKey: ['tandem-candidates'],
    queryFn: () => get<Candidate[]>('/api/tandems/candidates'),
  });
  const [regionId, setRegionId] = useState<string | null>(null);
  const [orpUserId, setOrp] = useState<string | null>(null);
  const [cmsUserId, setCms] = useState<string | null>(null);
  const [capacity, setCapacity] = useState<number>(6);
  const [error, setError] = useState<unknown>(null);
  const regions = directory.data?.regions ?? [];
  const people = (kind: 'orp' | 'cms') =>
    (candidates.data ?? []).filter((c) => c.institutionKind === kind).map((c) => ({ value: c.id, label: c.name }));
  const create = async () => {
    setError(null);
    try {
      await post('/api/tandems', { regionId, orpUserId, cmsUserId, capacity });
      notifications.show({ color: 'teal', message: t('tandems.created') });
      setOrp(null);
      setCms(null);
      await queryClient.invalidateQueries({ queryKey: ['tandems'] });
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Stack gap="md">
      <Title order={2}>{t('tandems.title')}</Title>
      <Text c="gray.7">{t('tandems.intro')}</Text>
      <ErrorAlert error={tandems.error} />
      <Loading when={tandems.isLoading} />
      <Paper withBorder p="md">
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('tandems.region')}</Table.Th>
              <Table.Th>{t('tandems.orp')}</Table.Th>
              <Table.Th>{t('tandems.cms')}</Table.Th>
              <Table.Th>{t('tandems.load')}</Table.Th>
              <Table.Th>{t('tandems.capacity')}</Table.Th>
              <Table.Th>{t('tandems.active')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(tandems.data ?? []).map((x) => (
              <TandemRow
                key={`${x.id}-${x.version}`}
                tandem={x}
                regionName={localName(regions.find((r) => r.id === x.regionId))}
              />
            ))}
          </Table.Tbody>
        </Table>
        {tandems.data?.length === 0 && <Text c="gray.7">{t('tandems.none')}</Text>}
      </Paper>
      <Paper withBorder p="md">
        <Title order={3} size="h4" mb="sm">
          {t('tandems.new')}
        </Title>
        <Group align="flex-end">
          <Select
            label={t('tandems.region')}
            data={regions.map((r) => ({ value: r.id, label: localName(r) }))}
            value={regionId}
            onChange={setRegionId}
            error={fieldError(error, 'regionId')}
            w={180}
          />
          <Select
            label={t('tandems.orp')}
            searchable
            data={people('orp')}
            value={orpUserId}
            onChange={setOrp}
            error={fieldError(error, 'orpUserId')}
            w={240}
          />
          <Select
            label={t('tandems.cms')}
            searchable
            data={people('cms')}
            value={cmsUserId}
            onChange={setCms}
            error={fieldError(error, 'cmsUserId')}
            w={240}
          />
          <NumberInput
            label={t('tandems.capacity')}
            min={1}
            max={30}
            value={capacity}
            onChange={(v) => setCapacity(Number(v) || 1)}
            w={100}
          />
          <Button onClick={() => void create()}>{t('app.create')}</Button>
        </Group>
        <ErrorAlert error={error} />
      </Paper>
    </Stack>
  );
}
