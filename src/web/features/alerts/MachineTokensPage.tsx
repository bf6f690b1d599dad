import {
  Alert,
  Badge,
  Button,
  Card,
  Code,
  CopyButton,
  Group,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
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
  // A year from today by default (the longest allowed is two): the administrator may shorten it.
  const [expiresOn, setExpiresOn] = useState(() => inAYear(new Date()));
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
  const revokeButton = (tk: MachineToken) => (
    <ConfirmButton
      size="xs"
      title={a('tokens.revokeTitle')}
      consequences={[a('tokens.revokeConsequence')]}
      confirmLabel={a('tokens.revoke')}
      onConfirm={() => revoke.mutateAsync(tk).catch(() => undefined)}
    >
      {a('tokens.revoke')}
    </ConfirmButton>
  );
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
          required
          w={{ base: '100%', sm: 280 }}
          error={fieldError(create.error, 'institutionId')}
          data-testid="token-institution"
        />
        <TextInput
          label={a('tokens.label')}
          value={label}
          onChange={(e) => setLabel(e.currentTarget.value)}
          maxLength={100}
          required
          w={{ base: '100%', sm: 220 }}
          error={fieldError(create.error, 'label')}
          data-testid="token-label"
        />
        <DateField
          label={a('tokens.expiresOn')}
          value={expiresOn}
          onChange={setExpiresOn}
          required
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
      {(!institutionId || !label.trim() || !expiresOn) && (
        <Text size="sm" c="gray.7" data-testid="token-missing">
          {a('tokens.missing')}
        </Text>
      )}
      <ErrorAlert error={create.error ?? revoke.error} />
      {secret && (
        <Alert color="orange" title={a('tokens.secret')} data-testid="token-secret">
          <Code block style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
            {secret}
          </Code>
          <CopyButton value={secret}>
            {({ copied, copy }) => (
              <Button size="xs" mt="xs" variant="light" color={copied ? 'teal' : 'orange'} onClick={copy}>
                {copied ? a('tokens.copied') : a('tokens.copy')}
              </Button>
            )}
          </CopyButton>
        </Alert>
      )}
      <Loading when={tokens.isLoading} />
      {tokens.data && tokens.data.tokens.length === 0 && <Text>{a('tokens.none')}</Text>}
      {tokens.data && tokens.data.tokens.length > 0 && (
        // On a phone, one card per token (the revoke button within reach); from `sm` on, the table.
        <Stack gap="xs" hiddenFrom="sm" data-testid="tokens-cards">
          {tokens.data.tokens.map((tk) => {
            const state = stateOf(tk, now);
            return (
              <Card key={tk.id} withBorder padding="sm" component="article">
                <Text fw={500}>{tk.label}</Text>
                <Text size="sm">{localName(tk.institution)}</Text>
                <Text size="sm">
                  {a('tokens.expires')} {date(tk.expiresAt)} · {a('tokens.lastUsed')}{' '}
                  {tk.lastUsedAt ? dateTime(tk.lastUsedAt) : '—'}
                </Text>
                <Group justify="space-between" mt="xs">
                  <StateBadge tk={tk} state={state} />
                  {state === 'active' && revokeButton(tk)}
                </Group>
              </Card>
            );
          })}
        </Stack>
      )}
      {tokens.data && tokens.data.tokens.length > 0 && (
        <Table.ScrollContainer minWidth={640} visibleFrom="sm">
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
                const state = stateOf(tk, now);
                return (
                  <Table.Tr key={tk.id}>
                    <Table.Td>{localName(tk.institution)}</Table.Td>
                    <Table.Td>{tk.label}</Table.Td>
                    <Table.Td>{date(tk.expiresAt)}</Table.Td>
                    <Table.Td>{tk.lastUsedAt ? dateTime(tk.lastUsedAt) : '—'}</Table.Td>
                    <Table.Td>
                      <StateBadge tk={tk} state={state} />
                    </Table.Td>
                    <Table.Td>{state === 'active' && revokeButton(tk)}</Table.Td>
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

type TokenState = 'active' | 'revoked' | 'expired';
const stateOf = (tk: MachineToken, now: number): TokenState =>
  tk.revokedAt ? 'revoked' : Date.parse(tk.expiresAt) <= now ? 'expired' : 'active';

/** A year from a day, as yyyy-mm-dd in the local calendar (29 February gives 28 February). */
function inAYear(day: Date): string {
  const next = new Date(day.getFullYear() + 1, day.getMonth(), day.getDate());
  if (next.getMonth() !== day.getMonth()) next.setDate(0);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${next.getFullYear()}-${pad(next.getMonth() + 1)}-${pad(next.getDate())}`;
}

/** The token's state; a revoked one says since when. */
function StateBadge({ tk, state }: { tk: MachineToken; state: TokenState }) {
  const { a, date } = useAlertsText();
  return (
    <Badge color={state === 'active' ? 'teal' : 'gray'} variant="light">
      {state === 'revoked' && tk.revokedAt ? a('tokens.revokedOn', { date: date(tk.revokedAt) }) : a(`tokens.${state}`)}
    </Badge>
  );
}
