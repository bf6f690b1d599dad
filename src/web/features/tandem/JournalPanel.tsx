import { Badge, Button, Checkbox, Group, Paper, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import type { TandemFile } from '../../../contracts/tandem.ts';
import {
  MEETING_KINDS,
  OBJECTIVE_STATUSES,
  type MeetingKind,
  type ObjectiveStatus,
} from '../../../domain/tandem/journal.ts';
import { swissDay } from '../../../domain/consent/consent.ts';
import { post, put } from '../../api/client.ts';
import { DateField } from '../../components/DateField.tsx';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert.tsx';
import type { MessageKey } from '../../i18n/fr/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useTandemAction } from './use-tandem-file.ts';

type Meeting = TandemFile['meetings'][number];
const kindKey = (k: string) => `meetingKind.${k}` as MessageKey;
const statusKey = (s: string) => `objectiveStatus.${s}` as MessageKey;

function MeetingForm({ situationId, meeting, onDone }: { situationId: string; meeting?: Meeting; onDone(): void }) {
  const { t } = useI18n();
  const [heldOn, setHeldOn] = useState(meeting?.heldOn ?? swissDay(new Date()));
  const [kind, setKind] = useState<MeetingKind>(meeting?.kind ?? 'with_person');
  const [personPresent, setPersonPresent] = useState(meeting?.personPresent ?? true);
  const [participants, setParticipants] = useState(meeting?.participants ?? '');
  const [notes, setNotes] = useState(meeting?.notes ?? '');
  const [nextSteps, setNextSteps] = useState(meeting?.nextSteps ?? '');
  const { run, error, busy } = useTandemAction(situationId);
  const submit = async () => {
    const body = {
      heldOn,
      kind,
      personPresent: kind === 'with_person' || personPresent,
      participants,
      notes,
      nextSteps,
    };
    const ok = await run(
      () =>
        meeting
          ? put(`/api/situations/${situationId}/meetings/${meeting.id}`, { ...body, version: meeting.version })
          : post(`/api/situations/${situationId}/meetings`, body),
      t('meetings.saved'),
    );
    if (ok) onDone();
  };
  return (
    <Stack gap="xs" data-testid="meeting-form">
      <Group align="flex-start">
        <DateField
          label={t('meetings.heldOn')}
          value={heldOn}
          onChange={setHeldOn}
          error={fieldError(error, 'heldOn')}
        />
        <Select
          label={t('meetings.kind')}
          w={260}
          allowDeselect={false}
          data={MEETING_KINDS.map((k) => ({ value: k, label: t(kindKey(k)) }))}
          value={kind}
          onChange={(v) => setKind((v ?? 'with_person') as MeetingKind)}
        />
        {kind !== 'with_person' && (
          <Checkbox
            mt={30}
            label={t('meetings.personPresent')}
            checked={personPresent}
            onChange={(e) => setPersonPresent(e.currentTarget.checked)}
          />
        )}
      </Group>
      <TextInput
        label={t('meetings.participants')}
        value={participants}
        onChange={(e) => setParticipants(e.currentTarget.value)}
      />
      <Textarea
        label={t('meetings.notes')}
        autosize
        minRows={2}
        value={notes}
        onChange={(e) => setNotes(e.currentTarget.value)}
      />
      <Textarea
        label={t('meetings.nextSteps')}
        autosize
        minRows={1}
        value={nextSteps}
        onChange={(e) => setNextSteps(e.currentTarget.value)}
      />
      <ErrorAlert error={error} />
      <Group>
        <Button loading={busy} onClick={() => void submit()}>
          {t('app.save')}
        </Button>
        <Button variant="subtle" onClick={onDone}>
          {t('app.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}

function MeetingItem({ situationId, m }: { situationId: string; m: Meeting }) {
  const { t, date, dateTime, colon } = useI18n();
  const [editing, setEditing] = useState(false);
  const [history, setHistory] = useState(false);
  if (editing) return <MeetingForm situationId={situationId} meeting={m} onDone={() => setEditing(false)} />;
  return (
    <Paper withBorder p="sm" data-testid="meeting">
      <Group justify="space-between" align="flex-start">
        <div>
          <Text fw={600} size="sm">
            {date(m.heldOn)} · {t(kindKey(m.kind))}{' '}
            {m.countsForIntensity && (
              <Badge size="xs" color="teal.9" aria-label={t('meetings.counts')} title={t('meetings.counts')}>
                ✓
              </Badge>
            )}
          </Text>
          <Text size="xs" c="gray.7">
            {[m.participants, t('meetings.by', { name: m.authorName })].filter(Boolean).join(' · ')}
            {m.revisions.length > 0 && ` · ${t('meetings.edited', { n: m.revisions.length })}`}
          </Text>
        </div>
        <Group gap="xs">
          {m.revisions.length > 0 && (
            <Button size="xs" variant="subtle" onClick={() => setHistory((h) => !h)}>
              {t('meetings.history')}
            </Button>
          )}
          {m.canEdit && (
            <Button size="xs" variant="light" onClick={() => setEditing(true)}>
              {t('meetings.edit')}
            </Button>
          )}
        </Group>
      </Group>
      {m.notes && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {m.notes}
        </Text>
      )}
      {m.nextSteps && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          <strong>{colon(t('meetings.nextSteps'))}</strong> {m.nextSteps}
        </Text>
      )}
      {history &&
        m.revisions.map((r) => (
          <Paper key={r.version} bg="gray.0" p="xs" mt="xs" data-testid="meeting-revision">
            <Text size="xs" c="gray.7">
              {t('meetings.version', { n: r.version, date: dateTime(r.writtenAt), name: r.writtenByName })}
            </Text>
            <Text size="sm">
              {date(r.heldOn)} · {t(kindKey(r.kind))} — {r.notes}
            </Text>
          </Paper>
        ))}
    </Paper>
  );
}

export function MeetingsPanel({ situationId, file, coach }: { situationId: string; file: TandemFile; coach: boolean }) {
  const { t } = useI18n();
  const [adding, setAdding] = useState(false);
  const meetings = [...file.meetings].reverse();
  return (
    <Paper withBorder p="md" data-testid="meetings">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h4">
            {t('meetings.title')}
          </Title>
          {coach && !adding && <Button onClick={() => setAdding(true)}>{t('meetings.add')}</Button>}
        </Group>
        {adding && <MeetingForm situationId={situationId} onDone={() => setAdding(false)} />}
        {meetings.length === 0 && <Text c="gray.7">{t('meetings.none')}</Text>}
        {meetings.map((m) => (
          <MeetingItem key={`${m.id}-${m.version}`} situationId={situationId} m={m} />
        ))}
      </Stack>
    </Paper>
  );
}

type Objective = TandemFile['objectives'][number];

function ObjectiveForm({ situationId, o, onDone }: { situationId: string; o?: Objective; onDone(): void }) {
  const { t } = useI18n();
  const [title, setTitle] = useState(o?.title ?? '');
  const [status, setStatus] = useState<ObjectiveStatus>(o?.status ?? 'planned');
  const [startOn, setStartOn] = useState(o?.startOn ?? '');
  const [targetOn, setTargetOn] = useState(o?.targetOn ?? '');
  const { run, error, busy } = useTandemAction(situationId);
  const submit = async () => {
    const body = {
      title,
      description: o?.description ?? '',
      status,
      startOn: startOn || null,
      targetOn: targetOn || null,
    };
    const ok = await run(
      () =>
        o
          ? put(`/api/situations/${situationId}/objectives/${o.id}`, { ...body, version: o.version })
          : post(`/api/situations/${situationId}/objectives`, body),
      t('objectives.saved'),
    );
    if (ok) onDone();
  };
  return (
    <Stack gap="xs" data-testid="objective-form">
      <Group align="flex-start">
        <TextInput
          label={t('objectives.titleField')}
          w={320}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={fieldError(error, 'title')}
        />
        <Select
          label={t('objectives.status')}
          w={160}
          allowDeselect={false}
          data={OBJECTIVE_STATUSES.map((s) => ({ value: s, label: t(statusKey(s)) }))}
          value={status}
          onChange={(v) => setStatus((v ?? 'planned') as ObjectiveStatus)}
        />
        <DateField label={t('objectives.startOn')} value={startOn} onChange={setStartOn} />
        <DateField
          label={t('objectives.targetOn')}
          value={targetOn}
          onChange={setTargetOn}
          error={fieldError(error, 'targetOn')}
        />
      </Group>
      <ErrorAlert error={error} />
      <Group>
        <Button loading={busy} onClick={() => void submit()}>
          {t('app.save')}
        </Button>
        <Button variant="subtle" onClick={onDone}>
          {t('app.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}

export function ObjectivesPanel({
  situationId,
  file,
  coach,
}: {
  situationId: string;
  file: TandemFile;
  coach: boolean;
}) {
  const { t, date } = useI18n();
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <Paper withBorder p="md" data-testid="objectives">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h4">
            {t('objectives.title')}
          </Title>
          {coach && editing !== 'new' && (
            <Button variant="light" onClick={() => setEditing('new')}>
              {t('objectives.add')}
            </Button>
          )}
        </Group>
        {editing === 'new' && <ObjectiveForm situationId={situationId} onDone={() => setEditing(null)} />}
        {file.objectives.length === 0 && <Text c="gray.7">{t('objectives.none')}</Text>}
        {file.objectives.map((o) =>
          editing === o.id ? (
            <ObjectiveForm key={o.id} situationId={situationId} o={o} onDone={() => setEditing(null)} />
          ) : (
            <Group key={o.id} justify="space-between" data-testid="objective">
              <Text size="sm">
                <strong>{o.title}</strong> — {t(statusKey(o.status))}
                {o.targetOn ? ` · ${t('objectives.targetOn')} ${date(o.targetOn)}` : ''}
                {o.doneOn ? ` · ${t('objectives.doneOn', { date: date(o.doneOn) })}` : ''}
              </Text>
              {coach && (
                <Button size="xs" variant="subtle" onClick={() => setEditing(o.id)}>
                  {t('app.edit')}
                </Button>
              )}
            </Group>
          ),
        )}
      </Stack>
    </Paper>
  );
}
