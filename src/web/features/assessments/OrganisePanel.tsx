import { Button, Group, NumberInput, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import type { Assessment, AssessmentCandidateSchema } from '../../../contracts/assessments.ts';
import { get, post } from '../../api/client.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { DateField } from '../../components/DateField.tsx';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert.tsx';
import type { MessageKey } from '../../i18n/fr/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { assessmentPath, useAssessmentAction } from './use-assessment.ts';

type Candidate = z.infer<typeof AssessmentCandidateSchema>;
const ROLES = ['correspondent', 'announcer', 'smr_doctor', 'professional'] as const;
type Role = (typeof ROLES)[number];

const defaultRole = (c: Candidate): Role =>
  c.roles.includes('smr_doctor')
    ? 'smr_doctor'
    : c.roles.includes('cii_correspondent')
      ? 'correspondent'
      : 'professional';

/**
 * Organising (the Bureau of the region): the Bureau member responsible, the regional team — répondants CII, the
 * announcing professional, an SMR doctor — and the person's address for her invitation (seed 004 §6).
 */
export function OrganisePanel({
  a,
  identified,
  personLanguage,
}: {
  a: Assessment;
  identified: boolean;
  /** Her correspondence language: the invitation's and the contract PDF's unless changed here. */
  personLanguage: 'fr' | 'de';
}) {
  const { t } = useI18n();
  const candidates = useQuery({
    queryKey: ['assessment-candidates', a.situationId],
    queryFn: () => get<{ items: Candidate[] }>(assessmentPath(a.situationId, '/candidates')),
  });
  const people = a.participants.filter((p) => p.user);
  const personRow = a.participants.find((p) => p.role === 'person');
  const [responsible, setResponsible] = useState<string | null>(a.responsible?.id ?? null);
  const [team, setTeam] = useState<{ userId: string; role: Role; name: string }[]>(
    people
      .filter((p) => p.role !== 'bureau')
      .map((p) => ({ userId: p.user?.id ?? '', role: p.role as Role, name: p.user?.name ?? '' })),
  );
  const [pick, setPick] = useState<string | null>(null);
  const [pickRole, setPickRole] = useState<Role>('correspondent');
  const [email, setEmail] = useState(personRow?.email ?? '');
  const [language, setLanguage] = useState(personRow?.language ?? personLanguage);
  const { run, error, busy } = useAssessmentAction(a.situationId);
  const all = candidates.data?.items ?? [];
  const label = (c: Candidate) => `${c.name} — ${c.institution}`;
  const bureau = all.filter((c) => c.roles.includes('bureau_member') || c.roles.includes('regional_coordinator'));
  const add = () => {
    const c = all.find((x) => x.id === pick);
    if (!c || team.some((m) => m.userId === c.id)) return;
    setTeam([...team, { userId: c.id, role: pickRole, name: label(c) }]);
    setPick(null);
  };
  const submit = () =>
    run(
      () =>
        post(assessmentPath(a.situationId, '/organise'), {
          responsibleUserId: responsible,
          participants: team.map(({ userId, role }) => ({ userId, role })),
          person: identified && email.trim() ? { email: email.trim(), language } : null,
          version: a.version,
        }),
      t('asm.organised'),
    );
  return (
    <Paper withBorder p="md" data-testid="assessment-organise">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('asm.participants')}
        </Title>
        <Select
          label={t('asm.responsible')}
          data={bureau.map((c) => ({ value: c.id, label: label(c) }))}
          value={responsible}
          onChange={setResponsible}
          searchable
          maw={480}
          error={fieldError(error, 'responsibleUserId')}
        />
        <Stack gap={4}>
          {team.map((m, i) => (
            <Stack key={m.userId} gap={0} data-testid="assessment-team-member">
              <Group justify="space-between" wrap="nowrap">
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {m.name} · {t(`asm.role.${m.role}` as MessageKey)}
                </Text>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="red.9"
                  aria-label={t('asm.removeParticipant', { name: m.name })}
                  onClick={() => setTeam(team.filter((_, j) => j !== i))}
                >
                  ×
                </Button>
              </Group>
              {fieldError(error, `participants.${i}.userId`) && (
                <Text size="xs" c="red.9">
                  {fieldError(error, `participants.${i}.userId`)}
                </Text>
              )}
            </Stack>
          ))}
        </Stack>
        <Group align="flex-end" wrap="wrap">
          <Select
            label={t('asm.pickUser')}
            data={all
              .filter((c) => !team.some((m) => m.userId === c.id))
              .map((c) => ({ value: c.id, label: label(c) }))}
            value={pick}
            onChange={(v) => {
              setPick(v);
              const c = all.find((x) => x.id === v);
              if (c) setPickRole(defaultRole(c));
            }}
            searchable
            w={320}
            maw="100%"
          />
          <Select
            label={t('asm.pickRole')}
            data={ROLES.map((r) => ({ value: r, label: t(`asm.role.${r}` as MessageKey) }))}
            value={pickRole}
            onChange={(v) => v && setPickRole(v as Role)}
            w={220}
            maw="100%"
          />
          <Button variant="light" onClick={add} disabled={!pick}>
            {t('asm.addParticipant')}
          </Button>
        </Group>
        {identified ? (
          <Group align="flex-start" wrap="wrap">
            <TextInput
              label={t('asm.personEmail')}
              type="email"
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              w={320}
              maw="100%"
              error={fieldError(error, 'person.email')}
            />
            <Select
              label={t('asm.personLanguage')}
              data={[
                { value: 'fr', label: 'Français' },
                { value: 'de', label: 'Deutsch' },
              ]}
              value={language}
              onChange={(v) => v && setLanguage(v)}
              w={160}
            />
          </Group>
        ) : (
          <Text size="sm" c="gray.7">
            {t('asm.personNotInvited')}
          </Text>
        )}
        <ErrorAlert error={error} />
        <Group>
          <Button onClick={submit} loading={busy} disabled={!responsible || team.length === 0}>
            {t('asm.organise')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** The meeting: convene (to organise, with a team), move or cancel (scheduled). Each sends the .ics invitations. */
export function MeetingPanel({ a }: { a: Assessment }) {
  const { t } = useI18n();
  const m = a.meeting;
  const [startOn, setStartOn] = useState(m?.startOn ?? '');
  const [startTime, setStartTime] = useState(m?.startTime ?? '09:00');
  const [duration, setDuration] = useState<number>(m?.durationMinutes ?? 120);
  const [place, setPlace] = useState(m?.place ?? '');
  const { run, error, busy } = useAssessmentAction(a.situationId);
  const scheduled = a.status === 'scheduled';
  const body = { startOn, startTime, durationMinutes: duration, place, version: a.version };
  const go = (path: string, message: MessageKey) =>
    run(
      () => post(assessmentPath(a.situationId, path), path === '/cancel' ? { version: a.version } : body),
      t(message),
    );
  return (
    <Paper withBorder p="md" data-testid="assessment-meeting">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('asm.meeting')}
        </Title>
        <Group align="flex-start" wrap="wrap">
          <DateField
            label={t('asm.meetingOn')}
            value={startOn}
            onChange={setStartOn}
            error={fieldError(error, 'startOn')}
          />
          <TextInput
            label={t('asm.meetingTime')}
            type="time"
            value={startTime}
            onChange={(e) => setStartTime(e.currentTarget.value)}
            w={120}
            error={fieldError(error, 'startTime')}
          />
          <NumberInput
            label={t('asm.duration')}
            value={duration}
            onChange={(v) => setDuration(Number(v) || 0)}
            min={30}
            max={480}
            step={15}
            w={140}
            error={fieldError(error, 'durationMinutes')}
          />
          <TextInput
            label={t('asm.place')}
            value={place}
            onChange={(e) => setPlace(e.currentTarget.value)}
            w={320}
            maw="100%"
            error={fieldError(error, 'place')}
          />
        </Group>
        <ErrorAlert error={error} />
        <Group wrap="wrap">
          {scheduled ? (
            <>
              <Button onClick={() => go('/move', 'asm.moved')} loading={busy}>
                {t('asm.move')}
              </Button>
              <ConfirmButton
                variant="light"
                color="red.9"
                title={t('asm.cancel')}
                consequences={[t('asm.cancelConfirm')]}
                confirmLabel={t('asm.cancel')}
                onConfirm={() => go('/cancel', 'asm.cancelled')}
              >
                {t('asm.cancel')}
              </ConfirmButton>
            </>
          ) : (
            <Button onClick={() => go('/schedule', 'asm.scheduled')} loading={busy}>
              {t('asm.schedule')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
