import { Anchor, Button, Checkbox, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { SituationSummary } from '../../../contracts/situations.ts';
import { CARE_KINDS, SITUATION_STATUSES } from '../../../domain/situation/situation-lifecycle.ts';
import { get, query } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSession } from '../auth/session.tsx';
import { useDirectory, useLocalName } from '../organisations/use-directory.ts';
import { ageKey, careKey, statusKey } from './labels.ts';
import { StatusBadge } from './StatusBadge.tsx';

const PAGE_SIZE = 25;

type SituationPage = { items: SituationSummary[]; nextCursor: string | null };

export function PersonCell({ s }: { s: SituationSummary }) {
  const { t } = useI18n();
  if (s.displayName) return <Text size="sm">{s.displayName}</Text>;
  if (s.anonymous)
    return (
      <Text size="sm" c="gray.7">
        {t('sit.anonymousPerson', { age: s.ageBand ? t(ageKey(s.ageBand)) : '—' })}
      </Text>
    );
  return (
    <Text size="sm" c="gray.7">
      {t('sit.hiddenPerson')}
    </Text>
  );
}

export function SituationsPage() {
  const { t, date } = useI18n();
  const { me } = useSession();
  const localName = useLocalName();
  const directory = useDirectory();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 300);
  const [careKind, setCareKind] = useState<string | null>(null);
  const [regionId, setRegionId] = useState<string | null>(null);
  const [institutionId, setInstitutionId] = useState<string | null>(null);
  const [sort, setSort] = useState<string>('newest');
  const [params] = useSearchParams();
  const [status, setStatus] = useState<string | null>(params.get('status'));
  const [mine, setMine] = useState(params.get('mine') === 'true');
  // A changed filter starts a new list (the query key changes); "show more" reads on after the last row.
  const list = useInfiniteQuery({
    queryKey: ['situations', debounced, status, careKind, regionId, institutionId, sort, mine],
    queryFn: ({ pageParam }) =>
      get<SituationPage>(
        `/api/situations${query({
          q: debounced,
          status,
          careKind,
          regionId,
          institutionId,
          sort,
          mine: mine || undefined,
          pageSize: PAGE_SIZE,
          cursor: pageParam ?? undefined,
        })}`,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const regionName = (id: string) => localName(directory.data?.regions.find((r) => r.id === id));

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>{t('sit.listTitle')}</Title>
        {me?.abilities.announce && (
          <Button component={Link} to="/situations/new">
            {t('nav.newSituation')}
          </Button>
        )}
      </Group>
      <Group align="flex-end" gap="sm">
        <TextInput
          label={t('app.search')}
          placeholder={t('sit.search')}
          w={280}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
        />
        <Select
          label={t('sit.status')}
          clearable
          w={170}
          data={SITUATION_STATUSES.map((s) => ({ value: s, label: t(statusKey(s)) }))}
          value={status}
          onChange={setStatus}
        />
        <Select
          label={t('sit.careKind')}
          clearable
          w={190}
          data={CARE_KINDS.map((s) => ({ value: s, label: t(careKey(s)) }))}
          value={careKind}
          onChange={setCareKind}
        />
        <Select
          label={t('sit.region')}
          clearable
          w={190}
          data={(directory.data?.regions ?? []).map((r) => ({ value: r.id, label: localName(r) }))}
          value={regionId}
          onChange={setRegionId}
        />
        <Select
          label={t('sit.institution')}
          clearable
          searchable
          w={220}
          data={(directory.data?.institutions ?? []).map((i) => ({ value: i.id, label: localName(i) }))}
          value={institutionId}
          onChange={setInstitutionId}
        />
        <Select
          label={t('sit.sort')}
          w={150}
          allowDeselect={false}
          data={(['newest', 'oldest', 'number'] as const).map((s) => ({ value: s, label: t(`sit.sort.${s}`) }))}
          value={sort}
          onChange={(v) => setSort(v ?? 'newest')}
        />
        <Checkbox label={t('sit.mine')} checked={mine} onChange={(e) => setMine(e.currentTarget.checked)} mb={8} />
      </Group>
      <ErrorAlert error={list.error} />
      <Loading when={list.isLoading} />
      <Table.ScrollContainer minWidth={800}>
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('sit.number')}</Table.Th>
              <Table.Th scope="col">{t('sit.person')}</Table.Th>
              <Table.Th scope="col">{t('sit.status')}</Table.Th>
              <Table.Th scope="col">{t('sit.region')}</Table.Th>
              <Table.Th scope="col">{t('sit.announcedBy')}</Table.Th>
              <Table.Th scope="col">{t('sit.announcedAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/situations/${s.id}`}>
                    {s.number}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <PersonCell s={s} />
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={s.status} imported={s.imported} />
                </Table.Td>
                <Table.Td>{regionName(s.regionId)}</Table.Td>
                <Table.Td>{s.announcingInstitutionName}</Table.Td>
                <Table.Td>{date(s.announcedAt ?? s.createdAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {list.data && items.length === 0 && <Text c="gray.7">{t('sit.none')}</Text>}
      <Group justify="space-between">
        <Text size="sm" c="gray.7" aria-live="polite">
          {items.length > 0 && t(list.hasNextPage ? 'sit.shownMore' : 'sit.shownAll', { n: items.length })}
        </Text>
        {list.hasNextPage && (
          <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('sit.showMore')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
