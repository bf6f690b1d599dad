import {
  Alert,
  Badge,
  Button,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import type { AnonymousProfile, RoundTable } from '../../../contracts/round-tables.ts';
import type { Situation } from '../../../contracts/situations.ts';
import { ROUND_TABLE_OUTCOMES, type RoundTableOutcome, conclusionEffect } from '../../../domain/care/round-table.ts';
import { TANDEM_CRITERIA } from '../../../domain/situation/tandem-eligibility.ts';
import { post, put } from '../../api/client.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { DateField } from '../../components/DateField.tsx';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert.tsx';
import type { MessageKey } from '../../i18n/fr/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useDirectory, useLocalName } from '../organisations/use-directory.ts';
import { CriteriaTable, type CriterionDraft } from '../situations/CriteriaTable.tsx';
import { ageKey, careKey, riskKey } from '../situations/labels.ts';
import { LinkPersonPanel } from './LinkPersonPanel.tsx';
import { useRoundTable, useRoundTableAction, useRoundTableCandidates } from './use-round-table.ts';

const statusKey = (s: string) => `rt.status.${s}` as MessageKey;
export const rtOutcomeKey = (o: string) => `rt.outcome.${o}` as MessageKey;

/** Age band · region · risk factors: what the round table discusses without a consent. */
export function useProfileText() {
  const { t } = useI18n();
  const localName = useLocalName();
  const directory = useDirectory();
  return (p: AnonymousProfile) => ({
    age: p.ageBand ? t(ageKey(p.ageBand)) : '—',
    region: localName(directory.data?.regions.find((r) => r.id === p.regionId)),
    risks: p.riskFactors.map((r) => t(riskKey(r))).join(', ') || '—',
  });
}

function Participants({ rt }: { rt: RoundTable }) {
  const { t } = useI18n();
  return (
    <Stack gap={4}>
      <Text fw={600} size="sm">
        {t('rt.participants')}
      </Text>
      {rt.participants.length === 0 ? (
        <Text size="sm">{t('rt.noParticipants')}</Text>
      ) : (
        <Stack gap={2} data-testid="rt-participants">
          {rt.participants.map((p) => (
            <Text key={p.id} size="sm">
              {p.name} · {p.institutionName}
            </Text>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function ParticipantsForm({ rt }: { rt: RoundTable }) {
  const { t } = useI18n();
  const candidates = useRoundTableCandidates(rt.situationId, true);
  const [userIds, setUserIds] = useState<string[]>(
    rt.participants.filter((p) => p.role !== 'coordinator' && p.userId).map((p) => p.userId as string),
  );
  const { run, error, busy } = useRoundTableAction(rt.situationId);
  return (
    <Stack gap="xs">
      <MultiSelect
        label={t('rt.pickParticipants')}
        description={t('rt.pickHint')}
        searchable
        data={(candidates.data ?? []).map((c) => ({ value: c.id, label: `${c.name} · ${c.institutionName}` }))}
        value={userIds}
        onChange={setUserIds}
        error={fieldError(error, 'userIds') ?? fieldError(error, 'participants')}
        data-testid="rt-pick"
      />
      <ErrorAlert error={error} />
      <Button
        variant="light"
        w="fit-content"
        maw="100%"
        loading={busy}
        onClick={() =>
          void run(
            () => put(`/api/situations/${rt.situationId}/round-table/participants`, { userIds, version: rt.version }),
            t('rt.participantsSaved'),
          )
        }
      >
        {t('rt.saveParticipants')}
      </Button>
    </Stack>
  );
}

function MeetingForm({ rt }: { rt: RoundTable }) {
  const { t } = useI18n();
  const [meetingOn, setMeetingOn] = useState(rt.meetingOn ?? '');
  const [meetingTime, setMeetingTime] = useState(rt.meetingTime ?? '');
  const [durationMinutes, setDuration] = useState<number>(rt.durationMinutes);
  const [place, setPlace] = useState(rt.place);
  const [reason, setReason] = useState('');
  const { run, error, busy } = useRoundTableAction(rt.situationId);
  const base = `/api/situations/${rt.situationId}/round-table`;
  const moving = rt.status === 'scheduled';
  return (
    <Stack gap="xs">
      <Text fw={600} size="sm">
        {t('rt.meeting')}
      </Text>
      <Group align="flex-start" wrap="wrap">
        <DateField
          label={t('rt.meetingOn')}
          value={meetingOn}
          onChange={setMeetingOn}
          error={fieldError(error, 'meetingOn') ?? fieldError(error, 'meetingStart')}
        />
        <TextInput
          type="time"
          label={t('rt.meetingTime')}
          w={120}
          value={meetingTime}
          onChange={(e) => setMeetingTime(e.currentTarget.value)}
          error={fieldError(error, 'meetingTime')}
        />
        <NumberInput
          label={t('rt.duration')}
          w={140}
          min={30}
          max={480}
          step={15}
          value={durationMinutes}
          onChange={(v) => setDuration(Number(v) || 120)}
        />
      </Group>
      <TextInput
        label={t('rt.place')}
        value={place}
        onChange={(e) => setPlace(e.currentTarget.value)}
        error={fieldError(error, 'place')}
      />
      <ErrorAlert error={error} />
      <Group wrap="wrap">
        <ConfirmButton
          title={t('rt.scheduleConfirm')}
          consequences={[t(moving ? 'rt.moveConsequence' : 'rt.scheduleConsequence')]}
          confirmLabel={t(moving ? 'rt.move' : 'rt.schedule')}
          loading={busy}
          onConfirm={() =>
            run(
              () => post(`${base}/schedule`, { meetingOn, meetingTime, durationMinutes, place, version: rt.version }),
              t('rt.scheduled'),
            )
          }
        >
          {t(moving ? 'rt.move' : 'rt.schedule')}
        </ConfirmButton>
      </Group>
      {moving && (
        <Stack gap="xs">
          <TextInput
            label={t('rt.callOffReason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={fieldError(error, 'reason')}
          />
          <ConfirmButton
            variant="subtle"
            color="red.9"
            w="fit-content"
            title={t('rt.callOff')}
            consequences={[t('rt.callOffConsequence')]}
            confirmLabel={t('rt.callOff')}
            onConfirm={() => run(() => post(`${base}/cancel`, { reason, version: rt.version }), t('rt.calledOff'))}
          >
            {t('rt.callOff')}
          </ConfirmButton>
        </Stack>
      )}
    </Stack>
  );
}

function HoldForm({ rt }: { rt: RoundTable }) {
  const { t } = useI18n();
  const [minutes, setMinutes] = useState('');
  const { run, error, busy } = useRoundTableAction(rt.situationId);
  return (
    <Stack gap="xs">
      <Textarea
        label={t('rt.minutes')}
        description={t('rt.minutesHint')}
        autosize
        minRows={4}
        value={minutes}
        onChange={(e) => setMinutes(e.currentTarget.value)}
        error={fieldError(error, 'minutes')}
        data-testid="rt-minutes-input"
      />
      <ErrorAlert error={error} />
      <ConfirmButton
        w="fit-content"
        maw="100%"
        title={t('rt.hold')}
        consequences={[t('rt.holdConsequence')]}
        confirmLabel={t('rt.hold')}
        loading={busy}
        onConfirm={() =>
          run(
            () => post(`/api/situations/${rt.situationId}/round-table/hold`, { minutes, version: rt.version }),
            t('rt.held'),
          )
        }
      >
        {t('rt.hold')}
      </ConfirmButton>
    </Stack>
  );
}

function ConcludeForm({ rt }: { rt: RoundTable }) {
  const { t } = useI18n();
  const localName = useLocalName();
  const directory = useDirectory();
  const [outcome, setOutcome] = useState<RoundTableOutcome | null>(null);
  const [reason, setReason] = useState('');
  const [institutionId, setInstitutionId] = useState<string | null>(null);
  const [answers, setAnswers] = useState<CriterionDraft[]>(
    TANDEM_CRITERIA.map((criterion) => ({ criterion, answer: null, justification: '' })),
  );
  const { run, error, busy } = useRoundTableAction(rt.situationId);
  const effect = outcome ? conclusionEffect(outcome) : null;
  const consequence =
    effect === null
      ? ''
      : effect.kind === 'orient'
        ? t('rt.concludeConsequence.orient', { care: t(careKey(effect.to)) })
        : t(`rt.concludeConsequence.${effect.kind}`);
  const tandem = outcome === 'oriented_tandem';
  const unanswered = tandem ? answers.filter((a) => a.answer === null).length : 0;
  return (
    <Stack gap="xs" data-testid="rt-conclude">
      <Text fw={600} size="sm">
        {t('rt.conclude')}
      </Text>
      <Select
        label={t('rt.outcome')}
        required
        w={{ base: '100%', xs: 360 }}
        data={ROUND_TABLE_OUTCOMES.filter((o) => !(o === 'pending' && rt.outcome === 'pending')).map((o) => ({
          value: o,
          label: t(rtOutcomeKey(o)),
        }))}
        value={outcome}
        onChange={(v) => setOutcome(v as RoundTableOutcome | null)}
        error={fieldError(error, 'outcome')}
      />
      {outcome === 'followed_by_institution' && (
        <Select
          label={t('rt.institution')}
          required
          searchable
          w={{ base: '100%', xs: 360 }}
          data={(directory.data?.institutions ?? []).map((i) => ({ value: i.id, label: localName(i) }))}
          value={institutionId}
          onChange={setInstitutionId}
          error={fieldError(error, 'institutionId')}
        />
      )}
      {tandem && (
        <CriteriaTable
          answers={answers}
          onChange={(i, patch) => setAnswers((a) => a.map((x, j) => (j === i ? { ...x, ...patch } : x)))}
          error={error}
        />
      )}
      <Textarea
        label={t('rt.reason')}
        required
        autosize
        minRows={2}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={fieldError(error, 'reason')}
      />
      <ErrorAlert error={error} />
      {unanswered > 0 && (
        <Text size="sm" fw={500} aria-live="polite">
          {t('triage.criteriaLeft', { count: unanswered })}
        </Text>
      )}
      <ConfirmButton
        w="fit-content"
        maw="100%"
        title={t('rt.conclude')}
        consequences={[consequence]}
        confirmLabel={t('rt.concludeSubmit')}
        loading={busy}
        disabled={!outcome || unanswered > 0}
        onConfirm={() =>
          run(
            () =>
              post(`/api/situations/${rt.situationId}/round-table/conclude`, {
                outcome,
                reason,
                institutionId: outcome === 'followed_by_institution' ? institutionId : null,
                eligibility: tandem ? answers : [],
                version: rt.version,
              }),
            t('rt.concluded'),
          )
        }
      >
        {t('rt.concludeSubmit')}
      </ConfirmButton>
    </Stack>
  );
}

function invitationState(rt: RoundTable, t: ReturnType<typeof useI18n>['t']) {
  if (rt.invitationsCancelled) return t('rt.invitations.cancelled');
  if (rt.status === 'in_preparation' && rt.invitationSequence === 0) return t('rt.invitations.none');
  if (rt.invitationSequence === 0) return t('rt.invitations.sent');
  return t('rt.invitations.updated', { n: rt.invitationSequence });
}

/**
 * The round table on the situation page (issue 12, seed 004 §6): who takes part, when and where, the invitations,
 * the minutes, and the outcome. Without the identity the caller sees the anonymous profile only.
 */
export function RoundTableSection({ situation }: { situation: Situation }) {
  const { t, date, colon } = useI18n();
  const localName = useLocalName();
  const directory = useDirectory();
  const profileText = useProfileText();
  // Asked only when the situation went through a round table (its passages say so): no request on other pages.
  const query = useRoundTable(
    situation.id,
    situation.carePassages.some((p) => p.kind === 'round_table'),
  );
  const rt = query.data?.roundTable;
  if (!rt) return null;
  const manage = rt.abilities.manage && rt.status !== 'concluded';
  const profile = profileText(rt.profile);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="rt-title" data-testid="round-table">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Title order={3} size="h4" id="rt-title">
            {t('rt.title')}
          </Title>
          <Badge color={rt.status === 'concluded' ? 'gray.7' : 'blue.9'} data-testid="rt-status">
            {t(statusKey(rt.status))}
          </Badge>
        </Group>
        <Text size="sm" c="gray.7">
          {t('rt.intro')}
        </Text>
        {!situation.abilities.readIdentity && (
          <Alert color="gray" data-testid="rt-anonymous">
            <Text size="sm">{t('rt.anonymousProfile', profile)}</Text>
            <Text size="xs" mt={4}>
              {t('rt.anonymousNote')}
            </Text>
          </Alert>
        )}
        <Text size="sm">{t('rt.coordinator', { name: rt.coordinatorName })}</Text>
        <Participants rt={rt} />
        <Text size="sm" data-testid="rt-when">
          {rt.meetingOn && rt.meetingTime
            ? t('rt.when', { date: date(rt.meetingOn), time: rt.meetingTime, place: rt.place })
            : t('rt.noDate')}
        </Text>
        <Text size="xs" c="gray.7" data-testid="rt-invitations">
          {t('rt.invitations', { state: invitationState(rt, t) })}
        </Text>
        {manage && (rt.status === 'in_preparation' || rt.status === 'scheduled') && (
          <>
            <ParticipantsForm key={`p-${rt.version}`} rt={rt} />
            <MeetingForm key={`m-${rt.version}`} rt={rt} />
          </>
        )}
        {manage && rt.status === 'scheduled' && <HoldForm rt={rt} />}
        {rt.minutes && (
          <Paper withBorder p="sm" bg="gray.0" data-testid="rt-minutes">
            <Text fw={600} size="sm">
              {t('rt.minutes')}
            </Text>
            <Text size="xs" c="gray.7">
              {t('rt.minutesBy', { name: rt.minutes.writtenByName, date: date(rt.minutes.writtenAt) })}
            </Text>
            <Text size="xs" c="gray.7">
              {t('rt.minutesProfile', profileText(rt.minutes.profile))}
            </Text>
            <Text size="sm" mt={6} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {rt.minutes.text}
            </Text>
          </Paper>
        )}
        {rt.status === 'held' && rt.outcome === 'pending' && (
          <Text size="sm" data-testid="rt-pending">
            <strong>{colon(t('rt.outcome.pending'))}</strong> {rt.outcomeReason}
          </Text>
        )}
        {manage && rt.status === 'held' && <ConcludeForm key={`c-${rt.version}`} rt={rt} />}
        {rt.status === 'concluded' && rt.outcome && (
          <div data-testid="rt-outcome">
            <Text size="sm" fw={600}>
              {t('rt.endedBy', {
                date: date(rt.endedAt),
                name: rt.endedByName ?? '',
                outcome: [
                  t(rtOutcomeKey(rt.outcome)),
                  rt.outcomeInstitutionId
                    ? localName(directory.data?.institutions.find((i) => i.id === rt.outcomeInstitutionId))
                    : '',
                ]
                  .filter(Boolean)
                  .join(' — '),
              })}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {rt.outcomeReason}
            </Text>
          </div>
        )}
        {rt.abilities.linkPerson && <LinkPersonPanel situation={situation} />}
      </Stack>
    </Paper>
  );
}
