import { Badge, Button, Group, Paper, Select, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { MeasureKind } from '../../../contracts/measures.ts';
import { COST_UNITS, REGIMES } from '../../../domain/measures/catalogue.ts';
import { get, post, put } from '../../api/client.ts';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import type { MessageKey } from '../../i18n/fr/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';

type Draft = Pick<MeasureKind, 'nameFr' | 'nameDe' | 'regime' | 'delegated' | 'costUnit' | 'active'>;

function KindFields({ value, onChange, error }: { value: Draft; onChange(d: Draft): void; error: unknown }) {
  const { t } = useI18n();
  return (
    <>
      <TextInput
        label={t('kinds.nameFr')}
        w={260}
        value={value.nameFr}
        onChange={(e) => onChange({ ...value, nameFr: e.currentTarget.value })}
        error={fieldError(error, 'nameFr')}
      />
      <TextInput
        label={t('kinds.nameDe')}
        w={260}
        value={value.nameDe}
        onChange={(e) => onChange({ ...value, nameDe: e.currentTarget.value })}
        error={fieldError(error, 'nameDe')}
      />
      <Select
        label={t('kinds.regime')}
        w={110}
        allowDeselect={false}
        data={REGIMES.map((r) => ({ value: r, label: t(`regime.${r}` as MessageKey) }))}
        value={value.regime}
        onChange={(v) => onChange({ ...value, regime: (v ?? 'LACI') as Draft['regime'] })}
        error={fieldError(error, 'regime')}
      />
      <Select
        label={t('kinds.costUnit')}
        w={140}
        allowDeselect={false}
        data={COST_UNITS.map((u) => ({ value: u, label: t(`costUnit.${u}` as MessageKey) }))}
        value={value.costUnit}
        onChange={(v) => onChange({ ...value, costUnit: (v ?? 'month') as Draft['costUnit'] })}
      />
      <Switch
        mt={28}
        label={t('kinds.delegated')}
        checked={value.delegated}
        onChange={(e) => onChange({ ...value, delegated: e.currentTarget.checked })}
        error={fieldError(error, 'delegated')}
      />
      <Switch
        mt={28}
        label={t('kinds.active')}
        checked={value.active}
        onChange={(e) => onChange({ ...value, active: e.currentTarget.checked })}
      />
    </>
  );
}

function KindRow({ kind }: { kind: MeasureKind }) {
  const { t, lang } = useI18n();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<Draft>(kind);
  const [error, setError] = useState<unknown>(null);
  const save = async () => {
    setError(null);
    try {
      await put(`/api/measure-kinds/${kind.id}`, { ...draft, version: kind.version });
      notifications.show({ color: 'teal', message: t('kinds.saved') });
      setEditing(false);
      await queryClient.invalidateQueries({ queryKey: ['measure-kinds'] });
    } catch (e) {
      setError(e);
    }
  };
  if (editing) {
    return (
      <Table.Tr>
        <Table.Td colSpan={6}>
          <Group align="flex-start">
            <KindFields value={draft} onChange={setDraft} error={error} />
          </Group>
          <ErrorAlert error={error} />
          <Group mt="xs">
            <Button size="xs" onClick={() => void save()}>
              {t('app.save')}
            </Button>
            <Button size="xs" variant="subtle" onClick={() => setEditing(false)}>
              {t('app.cancel')}
            </Button>
          </Group>
        </Table.Td>
      </Table.Tr>
    );
  }
  return (
    <Table.Tr data-testid="measure-kind">
      <Table.Td>
        <Text size="sm" fw={600}>
          {lang === 'de' ? kind.nameDe : kind.nameFr}
        </Text>
        <Text size="xs" c="gray.7">
          {kind.code}
        </Text>
      </Table.Td>
      <Table.Td>{t(`regime.${kind.regime}` as MessageKey)}</Table.Td>
      <Table.Td>{kind.delegated ? t('app.yes') : t('app.no')}</Table.Td>
      <Table.Td>{t(`costUnit.${kind.costUnit}` as MessageKey)}</Table.Td>
      <Table.Td>
        {kind.checks && <Badge color="blue.9">{t(`kinds.rules.${kind.checks}` as MessageKey)}</Badge>}{' '}
        {!kind.active && <Badge color="gray.7">{t('app.no')}</Badge>}
      </Table.Td>
      <Table.Td>
        <Button
          size="xs"
          variant="light"
          onClick={() => setEditing(true)}
          aria-label={`${t('app.edit')} ${lang === 'de' ? kind.nameDe : kind.nameFr}`}
        >
          {t('app.edit')}
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}

/** The measure catalogue, kept by administrators (issue 5: kinds are data). */
export function MeasureKindsPage() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const kinds = useQuery({ queryKey: ['measure-kinds'], queryFn: () => get<MeasureKind[]>('/api/measure-kinds') });
  const empty: Draft & { code: string } = {
    code: '',
    nameFr: '',
    nameDe: '',
    regime: 'LACI',
    delegated: false,
    costUnit: 'month',
    active: true,
  };
  const [draft, setDraft] = useState(empty);
  const [error, setError] = useState<unknown>(null);
  const create = async () => {
    setError(null);
    try {
      await post('/api/measure-kinds', draft);
      notifications.show({ color: 'teal', message: t('kinds.saved') });
      setDraft(empty);
      await queryClient.invalidateQueries({ queryKey: ['measure-kinds'] });
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Stack>
      <Title order={2}>{t('kinds.title')}</Title>
      <Text c="gray.7">{t('kinds.intro')}</Text>
      <ErrorAlert error={kinds.error} />
      <Loading when={kinds.isLoading} />
      <Paper withBorder p="md">
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('measures.kind')}</Table.Th>
              <Table.Th>{t('kinds.regime')}</Table.Th>
              <Table.Th>{t('kinds.delegated')}</Table.Th>
              <Table.Th>{t('kinds.costUnit')}</Table.Th>
              <Table.Th>{t('kinds.rules')}</Table.Th>
              <Table.Th>{t('app.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {kinds.data?.map((k) => (
              <KindRow key={`${k.id}-${k.version}`} kind={k} />
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      <Paper withBorder p="md">
        <Title order={3} size="h4" mb="sm">
          {t('kinds.add')}
        </Title>
        <Group align="flex-start">
          <TextInput
            label={t('kinds.code')}
            w={180}
            value={draft.code}
            onChange={(e) => setDraft({ ...draft, code: e.currentTarget.value })}
            error={fieldError(error, 'code')}
          />
          <KindFields value={draft} onChange={(d) => setDraft({ ...draft, ...d })} error={error} />
        </Group>
        <ErrorAlert error={error} />
        <Button mt="sm" onClick={() => void create()}>
          {t('app.create')}
        </Button>
      </Paper>
    </Stack>
  );
}
