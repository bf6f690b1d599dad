import { Alert, Badge, Button, Code, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { MachineToken } from '../../../contracts/alerts.ts';
import { get, post } from '../../api/client.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { DateField } from '../../components/DateField.tsx';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useDirectory, useLocalName } from '../organisations/use-directory.ts';
import { useAlertsText } from './alerts-text.ts';

/**
 * The administrators' machine tokens (issue 14): one institution's system pushes its caseload with one. Created with
 * an expiry day, shown once, revocable; the list never shows a secret.
 */
export function MachineTokensPage() {
  const { a, dateTime, date } = useAlertsText();
  const queryClient = useQueryClient();
  const localName = useLocalName();
  const directory = useDirectory();
  const tokens = useQuery({
    queryKey: ['machine-tokens'],
    queryFn: () => get<{ tokens: MachineToken[] }>('/api/machine-tokens'),
  });
  const [institutionId, setInstitutionId] = useState<string | null>(null);
  const [label, setLabel] = useState('');
  const [expiresOn, setExpiresOn] = useState('');
  const [secret, setSecret] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: () => post<{ secret: string }>('/api/machine-tokens', { institutionId, label, expiresOn }),
    onSuccess: async (r) => {
      setSecret(r.secret);
      setLabel('');
      await queryClient.invalidateQueries({ queryKey: ['machine-tokens'] });
    },
  });
  const revoke = useMutation({
    mutationFn: (tk: MachineToken) => post(`/api/machine-tokens/${tk.id}/revoke`, { version: tk.version }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['machine-tokens'] }),
  });
  const now = Date.now();
  return (
    <Stack maw={1000}>
      <Title order={2}>{a('tokens.title')}</Title>
      <Text>{a('tokens.intro')}</Text>
      <Group align="flex-end" wrap="wrap">
        <Select
          label={a('tokens.institution')}
          data={(directory.data?.institutions ?? []).map((i) => ({ value: i.id, label: localName(i) }))}
          value={institutionId}
          onChange={setInstitutionId}
          searchable
          w={{ base: '100%', sm: 280 }}
          error={fieldError(create.error, 'institutionId')}
          data-testid="token-institution"
        />
        <TextInput
          label={a('tokens.label')}
          value={label}
          onChange={(e) => setLabel(e.currentTarget.value)}
          maxLength={100}
          w={{ base: '100%', sm: 220 }}
          error={fieldError(create.error, 'label')}
          data-testid="token-label"
        />
        <DateField
          label={a('tokens.expiresOn')}
          value={expiresOn}
          onChange={setExpiresOn}
          w={180}
          error={fieldError(create.error, 'expiresOn')}
        />
        <Button
          onClick={() => create.mutate()}
          loading={create.isPending}
          disabled={!institutionId || !label.trim() || !expiresOn}
        >
          {a('tokens.create')}
        </Button>
      </Group>
      <ErrorAlert error={create.error ?? revoke.error} />
      {secret && (
        <Alert color="orange" title={a('tokens.secret')} data-testid="token-secret">
          <Code block>{secret}</Code>
        </Alert>
      )}
      <Loading when={tokens.isLoading} />
      {tokens.data && tokens.data.tokens.length === 0 && <Text>{a('tokens.none')}</Text>}
      {tokens.data && tokens.data.tokens.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table striped withTableBorder data-testid="tokens-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{a('tokens.institution')}</Table.Th>
                <Table.Th>{a('tokens.label')}</Table.Th>
                <Table.Th>{a('tokens.expires')}</Table.Th>
                <Table.Th>{a('tokens.lastUsed')}</Table.Th>
                <Table.Th>{a('tokens.state')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tokens.data.tokens.map((tk) => {
                const state = tk.revokedAt ? 'revoked' : Date.parse(tk.expiresAt) <= now ? 'expired' : 'active';
                return (
                  <Table.Tr key={tk.id}>
                    <Table.Td>{localName(tk.institution)}</Table.Td>
                    <Table.Td>{tk.label}</Table.Td>
                    <Table.Td>{date(tk.expiresAt)}</Table.Td>
                    <Table.Td>{tk.lastUsedAt ? dateTime(tk.lastUsedAt) : '—'}</Table.Td>
                    <Table.Td>
                      <Badge color={state === 'active' ? 'teal' : 'gray'} variant="light">
                        {a(`tokens.${state}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {state === 'active' && (
                        <ConfirmButton
                          title={a('tokens.revokeTitle')}
                          consequences={[a('tokens.revokeConsequence')]}
                          confirmLabel={a('tokens.revoke')}
                          onConfirm={() => revoke.mutateAsync(tk)}
                        >
                          {a('tokens.revoke')}
                        </ConfirmButton>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
