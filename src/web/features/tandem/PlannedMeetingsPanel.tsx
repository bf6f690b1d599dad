import {
  Badge,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import type { PlannedMeeting, TandemFile } from '../../../contracts/tandem.ts';
import { swissDay } from '../../../domain/consent/consent.ts';
import { MEETING_KINDS, type MeetingKind } from '../../../domain/tandem/journal.ts';
import { post, put } from '../../api/client.ts';
import { DateField } from '../../components/DateField.tsx';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert.tsx';
import type { MessageKey } from '../../i18n/fr/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useTandemAction } from './use-tandem-file.ts';

const kindKey = (k: string) => `meetingKind.${k}` as MessageKey;

/** One line: when, what, with whom, where. */
function Summary({ p }: { p: PlannedMeeting }) {
  const { t, date } = useI18n();
  return (
    <>
      <Text fw={600} size="sm">
        {t('planned.when', { date: date(p.plannedOn), time: p.startTime })} · {t(kindKey(p.kind))}
      </Text>
      <Text size="xs" c="gray.7">
        {[
          p.personInvited ? t('planned.withPerson') : t('planned.tandemOnly'),
          p.others,
          p.location,
          t('planned.by', { name: p.createdByName }),
        ]
          .filter(Boolean)
          .join(' · ')}
      </Text>
    </>
  );
}

/** The next planned meeting, at the top of the file. */
export function NextPlannedMeeting({ file }: { file: TandemFile }) {
  const { t } = useI18n();
  const next = file.plannedMeetings.find((p) => p.id === file.nextPlannedMeetingId);
  return (
    <Paper withBorder p="sm" data-testid="next-planned-meeting" bg="blue.0">
      <Text size="xs" fw={600} c="blue.9" tt="uppercase">
        {t('planned.next')}
      </Text>
      {next ? <Summary p={next} /> : <Text size="sm">{t('planned.noneNext')}</Text>}
    </Paper>
  );
}

function PlanForm({ situationId, p, onDone }: { situationId: string; p?: PlannedMeeting; onDone(): void }) {
  const { t } = useI18n();
  const [plannedOn, setPlannedOn] = useState(p?.plannedOn ?? '');
  const [startTime, setStartTime] = useState(p?.startTime ?? '');
  const [durationMinutes, setDuration] = useState<number>(p?.durationMinutes ?? 60);
  const [kind, setKind] = useState<MeetingKind>(p?.kind ?? 'with_person');
  const [personInvited, setPersonInvited] = useState(p?.personInvited ?? true);
  const [others, setOthers] = useState(p?.others ?? '');
  const [location, setLocation] = useState(p?.location ?? '');
  const { run, error, busy } = useTandemAction(situationId);
  const submit = async () => {
    const base = `/api/situations/${situationId}/planned-meetings`;
    const ok = await run(
      () =>
        p
          ? put(`${base}/${p.id}`, { plannedOn, startTime, durationMinutes, location, version: p.version })
          : post(base, { plannedOn, startTime, durationMinutes, kind, personInvited, others, location }),
      t(p ? 'planned.moved' : 'planned.saved'),
    );
    if (ok) onDone();
  };
  return (
    <Stack gap="xs" data-testid="plan-form">
      <Group align="flex-start">
        <DateField
          label={t('planned.on')}
          value={plannedOn}
          onChange={setPlannedOn}
          error={fieldError(error, 'plannedOn')}
        />
        <TextInput
          type="time"
          label={t('planned.time')}
          w={120}
          value={startTime}
          onChange={(e) => setStartTime(e.currentTarget.value)}
          error={fieldError(error, 'startTime')}
        />
        <NumberInput
          label={t('planned.duration')}
          w={140}
          min={15}
          max={480}
          step={15}
          value={durationMinutes}
          onChange={(v) => setDuration(Number(v) || 60)}
        />
      </Group>
      {!p && (
        <Group align="flex-start">
          <Select
            label={t('planned.kind')}
            w={260}
            allowDeselect={false}
            data={MEETING_KINDS.map((k) => ({ value: k, label: t(kindKey(k)) }))}
            value={kind}
            onChange={(v) => setKind((v ?? 'with_person') as MeetingKind)}
          />
          <Checkbox
            mt={30}
            label={t('planned.personInvited')}
            checked={personInvited}
            onChange={(e) => setPersonInvited(e.currentTarget.checked)}
          />
        </Group>
      )}
      {!p && (
        <TextInput label={t('planned.others')} value={others} onChange={(e) => setOthers(e.currentTarget.value)} />
      )}
      <TextInput label={t('planned.location')} value={location} onChange={(e) => setLocation(e.currentTarget.value)} />
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

function PlannedItem({
  situationId,
  p,
  coach,
  open,
}: {
  situationId: string;
  p: PlannedMeeting;
  coach: boolean;
  open: boolean;
}) {
  const { t, lang } = useI18n();
  const [moving, setMoving] = useState(false);
  const { run, error, busy } = useTandemAction(situationId);
  const today = swissDay(new Date());
  const base = `/api/situations/${situationId}/planned-meetings/${p.id}`;
  if (moving) return <PlanForm situationId={situationId} p={p} onDone={() => setMoving(false)} />;
  return (
    <Paper withBorder p="sm" data-testid="planned-meeting">
      <Group justify="space-between" align="flex-start">
        {/* The text side shrinks and wraps (a phone is 390 pixels wide); the buttons keep their labels. */}
        <div style={{ flex: '1 1 14rem', minWidth: 0 }}>
          <Summary p={p} />
          {p.status === 'cancelled' ? (
            // A sentence, not a label: it wraps like text instead of widening the page.
            <Text size="xs" c="gray.7" fw={600}>
              {t('planned.cancelledByClosure')}
            </Text>
          ) : (
            p.plannedOn < today && (
              <Badge size="xs" color="orange.9">
                {t('planned.overdue')}
              </Badge>
            )
          )}
        </div>
        <Group gap="xs">
          <Button size="xs" variant="light" component="a" href={`${base}/invitation.ics?lang=${lang}`} download>
            {t('planned.ics')}
          </Button>
          {coach && open && p.plannedOn <= today && (
            <Button
              size="xs"
              loading={busy}
              onClick={() => void run(() => post(`${base}/hold`, { version: p.version }), t('planned.held'))}
            >
              {t('planned.hold')}
            </Button>
          )}
          {coach && open && (
            <Button size="xs" variant="subtle" onClick={() => setMoving(true)}>
              {t('planned.move')}
            </Button>
          )}
          {coach && (
            <Button
              size="xs"
              variant="light"
              color="red"
              loading={busy}
              onClick={() => void run(() => post(`${base}/cancel`, { version: p.version }), t('planned.cancelled'))}
            >
              {t('planned.cancel')}
            </Button>
          )}
        </Group>
      </Group>
      <ErrorAlert error={error} />
    </Paper>
  );
}

/** Meetings planned ahead: plan, move, cancel, mark as held (then in the journal), download the invitation. */
export function PlannedMeetingsPanel({
  situationId,
  file,
  coach,
  open,
}: {
  situationId: string;
  file: TandemFile;
  coach: boolean;
  open: boolean;
}) {
  const { t } = useI18n();
  const [adding, setAdding] = useState(false);
  if (!coach && file.plannedMeetings.length === 0) return null;
  return (
    <Paper withBorder p="md" data-testid="planned-meetings">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h4">
            {t('planned.title')}
          </Title>
          {coach && open && !adding && (
            <Button variant="light" onClick={() => setAdding(true)}>
              {t('planned.add')}
            </Button>
          )}
        </Group>
        {adding && <PlanForm situationId={situationId} onDone={() => setAdding(false)} />}
        {file.plannedMeetings.length === 0 && !adding && <Text c="gray.7">{t('planned.noneNext')}</Text>}
        {file.plannedMeetings.map((p) => (
          <PlannedItem key={`${p.id}-${p.version}`} situationId={situationId} p={p} coach={coach} open={open} />
        ))}
      </Stack>
    </Paper>
  );
}
