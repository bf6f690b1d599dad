import {
  Alert,
  Button,
  Checkbox,
  Code,
  Group,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { User } from '../../../contracts/users.ts';
import { ROLES } from '../../../domain/access/roles.ts';
import { get, post, put, query } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Pager } from '../../components/Pager.tsx';
import { useUsersText } from './users-text.ts';
import { useSession } from '../auth/session.tsx';
import { useDirectory, useLocalName } from '../organisations/use-directory.ts';
import { UserForm, type UserFormValues, emptyUser, formValuesOf } from './UserForm.tsx';

interface Page {
  items: User[];
  total: number;
  page: number;
  pageSize: number;
}
const PAGE_SIZE = 25;

export function UsersPage() {
  const { t, dateTime } = useUsersText();
  const { me } = useSession();
  const localName = useLocalName();
  const directory = useDirectory();
  const queryClient = useQueryClient();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 300);
  const [institutionId, setInstitutionId] = useState<string | null>(null);
  const [role, setRole] = useState<string | null>(null);
  const [includeDisabled, setIncludeDisabled] = useState(false);
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const [temporary, setTemporary] = useState<{ user: User; temporaryPassword: string } | null>(null);
  const [resetError, setResetError] = useState<unknown>(null);

  const users = useQuery({
    queryKey: ['users', debounced, institutionId, role, includeDisabled, page],
    queryFn: () =>
      get<Page>(
        `/api/users${query({
          q: debounced,
          institutionId,
          role,
          includeDisabled: includeDisabled || undefined,
          page,
          pageSize: PAGE_SIZE,
        })}`,
      ),
    placeholderData: keepPreviousData,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['users'] });

  const save = async (values: UserFormValues) => {
    if (editing === 'new') {
      const { disabled: _unused, ...body } = values;
      const created = await post<{ user: User; temporaryPassword: string }>('/api/users', body);
      setTemporary(created);
    } else if (editing) {
      const { username: _username, ...body } = values;
      await put<User>(`/api/users/${editing.id}`, { ...body, version: editing.version });
      notifications.show({ color: 'teal', message: t('app.saved') });
    }
    setEditing(null);
    await refresh();
  };

  const reset = async () => {
    if (!resetting) return;
    try {
      setTemporary(await post<{ user: User; temporaryPassword: string }>(`/api/users/${resetting.id}/reset-password`));
      setResetting(null);
      await refresh();
    } catch (e) {
      setResetError(e);
    }
  };

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>{t('users.title')}</Title>
        {me?.abilities.manageUsers && <Button onClick={() => setEditing('new')}>{t('users.new')}</Button>}
      </Group>
      {!me?.abilities.manageUsers && <Alert color="gray">{t('users.readOnly')}</Alert>}
      <Group align="flex-end" gap="sm">
        <TextInput
          label={t('app.search')}
          placeholder={t('users.search')}
          value={search}
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            setPage(1);
          }}
          w={280}
        />
        <Select
          label={t('users.institution')}
          clearable
          searchable
          w={260}
          data={(directory.data?.institutions ?? []).map((i) => ({ value: i.id, label: localName(i) }))}
          value={institutionId}
          onChange={(v) => {
            setInstitutionId(v);
            setPage(1);
          }}
        />
        <Select
          label={t('users.roles')}
          clearable
          w={240}
          data={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          value={role}
          onChange={(v) => {
            setRole(v);
            setPage(1);
          }}
        />
        <Checkbox
          label={t('users.includeDisabled')}
          checked={includeDisabled}
          onChange={(e) => {
            setIncludeDisabled(e.currentTarget.checked);
            setPage(1);
          }}
          mb={8}
        />
      </Group>
      <ErrorAlert error={users.error} />
      <Loading when={users.isLoading} />
      <Table.ScrollContainer minWidth={800}>
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('users.name')}</Table.Th>
              <Table.Th scope="col">{t('users.username')}</Table.Th>
              <Table.Th scope="col">{t('users.institution')}</Table.Th>
              <Table.Th scope="col">{t('users.roles')}</Table.Th>
              <Table.Th scope="col">{t('users.status')}</Table.Th>
              <Table.Th scope="col">{t('app.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.data?.items.map((u) => (
              <Table.Tr key={u.id}>
                <Table.Td>
                  {u.familyName} {u.givenName}
                  <Text size="xs" c="gray.7">
                    {u.email}
                  </Text>
                </Table.Td>
                <Table.Td>{u.username}</Table.Td>
                <Table.Td>{u.institutionName}</Table.Td>
                <Table.Td>
                  <Text size="sm">{u.roles.map((r) => t(`role.${r}`)).join(', ')}</Text>
                </Table.Td>
                <Table.Td>
                  <Stack gap={2}>
                    {u.disabled ? (
                      <Text size="sm" c="gray.7">
                        {t('users.disabled')}
                      </Text>
                    ) : (
                      <Text size="sm" c="teal.9">
                        {t('users.active')}
                      </Text>
                    )}
                    {u.lockedUntil && (
                      <Text size="sm" c="red.9" fw={600}>
                        {t('users.locked', { time: dateTime(u.lockedUntil) })}
                      </Text>
                    )}
                    {u.mustChangePassword && (
                      <Text size="sm" c="orange.9">
                        {t('users.mustChange')}
                      </Text>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {u.abilities.update && (
                      <Button
                        size="xs"
                        variant="light"
                        onClick={() => setEditing(u)}
                        aria-label={`${t('app.edit')} ${u.username}`}
                      >
                        {t('app.edit')}
                      </Button>
                    )}
                    {u.abilities.resetPassword && (
                      <Button
                        size="xs"
                        variant="subtle"
                        onClick={() => {
                          setResetError(null);
                          setResetting(u);
                        }}
                      >
                        {t('users.resetPassword')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {users.data && users.data.items.length === 0 && <Text c="gray.7">{t('users.none')}</Text>}
      <Pager page={page} total={users.data?.total ?? 0} pageSize={PAGE_SIZE} onChange={setPage} />

      <Modal
        closeButtonProps={{ 'aria-label': t('app.close') }}
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('users.new') : t('users.edit')}
        size="lg"
      >
        {editing !== null && (
          <UserForm
            initial={editing === 'new' ? emptyUser : formValuesOf(editing)}
            isNew={editing === 'new'}
            canDisable={editing !== 'new' && editing.abilities.disable}
            onSubmit={save}
            onCancel={() => setEditing(null)}
          />
        )}
      </Modal>
      <Modal
        closeButtonProps={{ 'aria-label': t('app.close') }}
        opened={resetting !== null}
        onClose={() => setResetting(null)}
        title={t('users.resetPassword')}
      >
        <Stack>
          <ErrorAlert error={resetError} />
          <Text>{t('users.resetConfirm')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setResetting(null)}>
              {t('app.cancel')}
            </Button>
            <Button color="red" onClick={reset}>
              {t('users.resetPassword')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Modal
        closeButtonProps={{ 'aria-label': t('app.close') }}
        opened={temporary !== null}
        onClose={() => setTemporary(null)}
        title={t('users.temporaryPassword')}
      >
        {temporary && (
          <Stack>
            <Text>
              {t('users.temporaryPasswordText', { name: `${temporary.user.givenName} ${temporary.user.familyName}` })}
            </Text>
            <Code fz="lg" data-testid="temporary-password">
              {temporary.temporaryPassword}
            </Code>
            <Button onClick={() => setTemporary(null)} w="fit-content">
              {t('app.close')}
            </Button>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
