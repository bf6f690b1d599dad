import { Anchor, Badge, Button, Card, Checkbox, Group, List, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { Alert, CaseloadSummary } from '../../../contracts/alerts.ts';
import { monthLabel } from '../../../domain/tandem/monthly-report.ts';
import { get, post } from '../../api/client.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { type AlertsKey, useAlertsText } from './alerts-text.ts';

export const alertKeys = {
  list: (closed: boolean) => ['alerts', { closed }] as const,
  caseload: ['caseload'] as const,
};

const STATE_COLOR: Record<Alert['state'], string> = {
  open: 'red',
  not_relevant: 'gray',
  lapsed: 'gray',
  closed: 'gray',
  drafted: 'teal',
};

/**
 * A CII correspondent's alerts (issue 14): co-follow-ups (own reference, the other institution, since when, whom to
 * call — nothing else) and early-risk alerts (which rule, and why, from the institution's own data). From an open
 * alert: prepare an announcement, mark it not relevant with a reason, or leave it aside.
 */
export function AlertsPage() {
  const { a, date } = useAlertsText();
  const [closed, setClosed] = useState(false);
  const alerts = useQuery({
    queryKey: alertKeys.list(closed),
    queryFn: () => get<{ alerts: Alert[] }>(`/api/alerts?closed=${closed}`),
  });
  const caseload = useQuery({ queryKey: alertKeys.caseload, queryFn: () => get<CaseloadSummary>('/api/caseload') });
  return (
    <Stack maw={960}>
      <Title order={2}>{a('alerts.title')}</Title>
      <Text c="gray.7">{a('alerts.intro')}</Text>
      {caseload.data && (
        <Group gap="sm" data-testid="caseload-summary">
          <Text fw={500}>
            {a('alerts.caseload', { rows: caseload.data.rows })}
            {caseload.data.uploadedAt
              ? ` · ${a('alerts.caseloadUploaded', { date: date(caseload.data.uploadedAt) })}`
              : ''}
          </Text>
          <Button component={Link} to="/caseload" size="xs" variant="light" data-testid="caseload-link">
            {a('alerts.caseloadAction')}
          </Button>
        </Group>
      )}
      <Checkbox label={a('alerts.showClosed')} checked={closed} onChange={(e) => setClosed(e.currentTarget.checked)} />
      <ErrorAlert error={alerts.error} />
      <Loading when={alerts.isLoading} />
      {alerts.data && alerts.data.alerts.length === 0 && <Text data-testid="alerts-none">{a('alerts.none')}</Text>}
      {alerts.data?.alerts.map((alert) => (
        <AlertCard key={alert.id} alert={alert} />
      ))}
    </Stack>
  );
}

function AlertCard({ alert }: { alert: Alert }) {
  const { a, lang, date } = useAlertsText();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [reasoning, setReasoning] = useState(false);
  const [reason, setReason] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['alerts'] });
  const act = useMutation({
    mutationFn: (body: { action: 'lapse' } | { action: 'not_relevant'; reason: string }) =>
      post(`/api/alerts/${alert.id}/action`, { ...body, version: alert.version }),
    onSuccess: refresh,
  });
  const why = alert.why as Record<string, string | number>;
  const day = (v: string | number | undefined) => date(String(v ?? ''));
  const text =
    alert.rule === 'co_follow_up'
      ? a('alerts.coFollowUp', {
          reference: alert.reference,
          institution: (lang === 'de' ? alert.otherInstitution?.nameDe : alert.otherInstitution?.nameFr) ?? '',
          month: alert.otherSince ? monthLabel(alert.otherSince, lang) : '',
        })
      : alert.rule === 'laci_end_risk'
        ? a('alerts.laciWhy', { ...why, reference: alert.reference, laciEnd: day(why.laciEnd) })
        : a('alerts.transferWhy', {
            ...why,
            reference: alert.reference,
            leftOn: day(why.leftOn),
            followedSince: day(why.followedSince),
          });
  return (
    <Card withBorder padding="md" data-testid={`alert-${alert.rule}`} component="article">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Title order={3} size="h5">
          {a(`alerts.rule.${alert.rule}` as AlertsKey)}
        </Title>
        <Badge color={STATE_COLOR[alert.state]} variant="light">
          {a(`alerts.state.${alert.state}` as AlertsKey)}
        </Badge>
      </Group>
      <Text mt="xs">{text}</Text>
      {alert.rule === 'co_follow_up' && (
        <Stack gap={2} mt="xs">
          <Text size="sm" fw={500}>
            {a('alerts.contact')}
          </Text>
          {alert.contacts.length === 0 ? (
            <Text size="sm">{a('alerts.noContact')}</Text>
          ) : (
            <List size="sm" listStyleType="none" data-testid="alert-contacts">
              {alert.contacts.map((c) => (
                <List.Item key={`${c.name}${c.email}`}>
                  {c.name}
                  {c.phone && (
                    <>
                      {' · '}
                      <Anchor href={`tel:${c.phone.replace(/\s/g, '')}`}>{c.phone}</Anchor>
                    </>
                  )}
                  {c.email && (
                    <>
                      {' · '}
                      <Anchor href={`mailto:${c.email}`}>{c.email}</Anchor>
                    </>
                  )}
                </List.Item>
              ))}
            </List>
          )}
        </Stack>
      )}
      {alert.stateReason && (
        <Text size="sm" c="gray.7" mt="xs" data-testid="alert-reason-shown">
          {a('alerts.reasonShown', { reason: alert.stateReason })}
        </Text>
      )}
      {alert.stateChangedAt && (
        <Text size="xs" c="gray.7" mt="xs" data-testid="alert-state-by">
          {alert.stateBy
            ? a('alerts.stateBy', { name: alert.stateBy, date: date(alert.stateChangedAt) })
            : a('alerts.stateByTandem', { date: date(alert.stateChangedAt) })}
        </Text>
      )}
      <Text size="xs" c="gray.7" mt="xs">
        {a('alerts.raisedOn', { date: date(alert.createdAt) })}
      </Text>
      <ErrorAlert error={act.error} />
      {alert.state === 'open' && (
        <Stack gap="xs" mt="sm">
          <Group gap="xs" wrap="wrap">
            <Button
              size="xs"
              onClick={() => navigate(`/situations/new?alert=${alert.id}&version=${alert.version}`)}
              data-testid="alert-draft"
            >
              {a('alerts.draft')}
            </Button>
            <Button size="xs" variant="light" onClick={() => setReasoning((v) => !v)} data-testid="alert-not-relevant">
              {a('alerts.notRelevant')}
            </Button>
            <ConfirmButton
              size="xs"
              variant="subtle"
              title={a('alerts.lapseTitle')}
              consequences={[a('alerts.lapseConsequence')]}
              confirmLabel={a('alerts.lapse')}
              onConfirm={() => act.mutateAsync({ action: 'lapse' }).catch(() => undefined)}
              loading={act.isPending}
              data-testid="alert-lapse"
            >
              {a('alerts.lapse')}
            </ConfirmButton>
          </Group>
          <Text size="xs" c="gray.7">
            {a('alerts.draftHint')}
          </Text>
          {reasoning && (
            <Group align="flex-end" wrap="wrap">
              <Textarea
                label={a('alerts.reason')}
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                maxLength={500}
                autosize
                minRows={2}
                w={{ base: '100%', sm: 420 }}
                data-testid="alert-reason"
              />
              <Button
                size="xs"
                disabled={!reason.trim()}
                loading={act.isPending}
                onClick={() => act.mutate({ action: 'not_relevant', reason })}
              >
                {a('alerts.confirmNotRelevant')}
              </Button>
            </Group>
          )}
        </Stack>
      )}
      {alert.situationId && (
        <Button component={Link} to={`/situations/${alert.situationId}`} size="xs" variant="light" mt="sm">
          {a('alerts.openDraft')}
        </Button>
      )}
    </Card>
  );
}
