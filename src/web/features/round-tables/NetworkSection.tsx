import { Badge, Button, Group, MultiSelect, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import type { NetworkFollowUp } from '../../../contracts/round-tables.ts';
import type { Situation } from '../../../contracts/situations.ts';
import { NETWORK_OUTCOMES, type NetworkOutcome, reviewOverdueDays } from '../../../domain/care/network-follow-up.ts';
import { swissDay } from '../../../domain/consent/consent.ts';
import { post, put } from '../../api/client.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { DateField } from '../../components/DateField.tsx';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert.tsx';
import type { MessageKey } from '../../i18n/fr/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useDirectory, useLocalName } from '../organisations/use-directory.ts';
import { useNetworkAction, useNetworkFollowUp } from './use-round-table.ts';

const outcomeKey = (o: string) => `nf.outcome.${o}` as MessageKey;

function NetworkForm({ nf }: { nf: NetworkFollowUp }) {
  const { t } = useI18n();
  const localName = useLocalName();
  const directory = useDirectory();
  const [institutionIds, setInstitutionIds] = useState<string[]>(nf.institutionIds);
  const [referenceInstitutionId, setReference] = useState<string | null>(nf.referenceInstitutionId);
  const [reviewOn, setReviewOn] = useState(nf.reviewOn ?? '');
  const { run, error, busy } = useNetworkAction(nf.situationId);
  const options = (directory.data?.institutions ?? []).map((i) => ({ value: i.id, label: localName(i) }));
  return (
    <Stack gap="xs">
      <MultiSelect
        label={t('nf.institutions')}
        searchable
        data={options}
        value={institutionIds}
        onChange={setInstitutionIds}
        error={fieldError(error, 'institutionIds')}
      />
      <Select
        label={t('nf.reference')}
        w={{ base: '100%', xs: 360 }}
        data={options.filter((o) => institutionIds.includes(o.value))}
        value={referenceInstitutionId}
        onChange={setReference}
        error={fieldError(error, 'referenceInstitutionId')}
      />
      <DateField
        label={t('nf.reviewOn')}
        value={reviewOn}
        onChange={setReviewOn}
        error={fieldError(error, 'reviewOn')}
      />
      <ErrorAlert error={error} />
      <Button
        variant="light"
        w="fit-content"
        maw="100%"
        loading={busy}
        onClick={() =>
          void run(
            () =>
              put(`/api/situations/${nf.situationId}/network-follow-up`, {
                institutionIds,
                referenceInstitutionId,
                referenceUserId: null,
                reviewOn: reviewOn || null,
                version: nf.version,
              }),
            t('nf.saved'),
          )
        }
      >
        {t('nf.save')}
      </Button>
    </Stack>
  );
}

function ReviewForm({ nf }: { nf: NetworkFollowUp }) {
  const { t } = useI18n();
  const [heldOn, setHeldOn] = useState(swissDay(new Date()));
  const [note, setNote] = useState('');
  const [nextReviewOn, setNext] = useState('');
  const { run, error, busy } = useNetworkAction(nf.situationId);
  return (
    <Stack gap="xs">
      <Group align="flex-start" wrap="wrap">
        <DateField label={t('nf.heldOn')} value={heldOn} onChange={setHeldOn} error={fieldError(error, 'heldOn')} />
        <DateField
          label={t('nf.nextReviewOn')}
          value={nextReviewOn}
          onChange={setNext}
          error={fieldError(error, 'nextReviewOn')}
        />
      </Group>
      <Textarea
        label={t('nf.note')}
        autosize
        minRows={2}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        error={fieldError(error, 'note')}
      />
      <ErrorAlert error={error} />
      <Button
        variant="light"
        w="fit-content"
        maw="100%"
        loading={busy}
        onClick={() =>
          void run(
            () =>
              post(`/api/situations/${nf.situationId}/network-follow-up/reviews`, {
                heldOn,
                note,
                nextReviewOn: nextReviewOn || null,
                version: nf.version,
              }),
            t('nf.reviewSaved'),
          )
        }
      >
        {t('nf.addReview')}
      </Button>
    </Stack>
  );
}

function CloseForm({ nf }: { nf: NetworkFollowUp }) {
  const { t } = useI18n();
  const [outcome, setOutcome] = useState<NetworkOutcome | null>(null);
  const [reason, setReason] = useState('');
  const { run, error, busy } = useNetworkAction(nf.situationId);
  return (
    <Stack gap="xs">
      <Text fw={600} size="sm">
        {t('nf.close')}
      </Text>
      <Select
        label={t('nf.outcome')}
        w={{ base: '100%', xs: 360 }}
        data={NETWORK_OUTCOMES.map((o) => ({ value: o, label: t(outcomeKey(o)) }))}
        value={outcome}
        onChange={(v) => setOutcome(v as NetworkOutcome | null)}
        error={fieldError(error, 'outcome')}
      />
      <Textarea
        label={t('nf.reason')}
        autosize
        minRows={2}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={fieldError(error, 'reason')}
      />
      <ErrorAlert error={error} />
      <ConfirmButton
        w="fit-content"
        maw="100%"
        color="red.9"
        title={t('nf.close')}
        consequences={[t('nf.closeConsequence')]}
        confirmLabel={t('nf.close')}
        loading={busy}
        disabled={!outcome}
        onConfirm={() =>
          run(
            () =>
              post(`/api/situations/${nf.situationId}/network-follow-up/close`, {
                outcome,
                reason,
                version: nf.version,
              }),
            t('nf.closed'),
          )
        }
      >
        {t('nf.close')}
      </ConfirmButton>
    </Stack>
  );
}

/** The network follow-up on the situation page: the institutions, the reference, reviews, closure (issue 12). */
export function NetworkSection({ situation }: { situation: Situation }) {
  const { t, date, colon } = useI18n();
  const localName = useLocalName();
  const directory = useDirectory();
  const query = useNetworkFollowUp(
    situation.id,
    situation.carePassages.some((p) => p.kind === 'network_follow_up'),
  );
  const nf = query.data?.networkFollowUp;
  if (!nf) return null;
  const name = (id: string | null) => localName(directory.data?.institutions.find((i) => i.id === id));
  const manage = nf.abilities.manage && nf.status === 'active';
  const review = nf.abilities.review && nf.status === 'active';
  const overdue = nf.status === 'active' ? reviewOverdueDays(nf.reviewOn, swissDay(new Date())) : null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="nf-title" data-testid="network-follow-up">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Title order={3} size="h4" id="nf-title">
            {t('nf.title')}
          </Title>
          {overdue !== null && overdue > 0 && (
            <Badge color="orange.9" data-testid="nf-overdue">
              {t('nf.reviewDue', { n: overdue })}
            </Badge>
          )}
        </Group>
        <Text size="sm" c="gray.7">
          {t('nf.intro')}
        </Text>
        <Text size="sm">
          <strong>{colon(t('nf.institutions'))}</strong> {nf.institutionIds.map(name).join(' · ') || '—'}
        </Text>
        <Text size="sm">
          <strong>{colon(t('nf.reference'))}</strong> {name(nf.referenceInstitutionId) || '—'}
          {nf.referenceUserName ? ` · ${nf.referenceUserName}` : ''}
        </Text>
        <Text size="sm" data-testid="nf-review-on">
          <strong>{colon(t('nf.reviewOn'))}</strong> {nf.reviewOn ? date(nf.reviewOn) : t('nf.noReview')}
        </Text>
        {manage && <NetworkForm key={`n-${nf.version}`} nf={nf} />}
        <Text fw={600} size="sm">
          {t('nf.reviews')}
        </Text>
        {nf.reviews.length === 0 ? (
          <Text size="sm">{t('nf.noReviews')}</Text>
        ) : (
          nf.reviews.map((r) => (
            <Paper key={r.id} withBorder p="xs" data-testid="nf-review">
              <Text size="xs" c="gray.7">
                {t('nf.reviewBy', { date: date(r.heldOn), name: r.recordedByName })}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {r.note}
              </Text>
            </Paper>
          ))
        )}
        {review && <ReviewForm key={`r-${nf.version}`} nf={nf} />}
        {review && <CloseForm nf={nf} />}
        {nf.status === 'closed' && nf.outcome && (
          <Text size="sm" data-testid="nf-outcome">
            {t('nf.endedBy', {
              date: date(nf.endedAt),
              name: nf.endedByName ?? '',
              outcome: t(outcomeKey(nf.outcome)),
            })}{' '}
            {nf.outcomeReason}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
