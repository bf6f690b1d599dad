import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router-dom';
import type { Assessment } from '../../../contracts/assessments.ts';
import type { Situation } from '../../../contracts/situations.ts';
import { withColon } from '../../../domain/format/message.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import type { MessageKey } from '../../i18n/fr/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ContractPanel } from './ContractPanel.tsx';
import { CloseAssessmentPanel, ExecutionPanel } from './ExecutionPanel.tsx';
import { MeetingPanel, OrganisePanel } from './OrganisePanel.tsx';
import { SectionsPanel } from './SectionsPanel.tsx';
import { useAssessment } from './use-assessment.ts';

const STATUS_COLOR: Record<Assessment['status'], string> = {
  to_organise: 'orange.9',
  scheduled: 'blue.9',
  held: 'blue.9',
  in_execution: 'teal.9',
  closed: 'gray.7',
};

/** Who takes part and whether their invitation went out. */
function Participants({ a }: { a: Assessment }) {
  const { t } = useI18n();
  return (
    <Stack gap={2} data-testid="assessment-participants">
      <Text size="sm" fw={600}>
        {t('asm.invitations')}
        {a.invitationSequence > 0 ? ` · ${t('asm.invitationSequence', { n: a.invitationSequence })}` : ''}
      </Text>
      {a.participants.map((p) => (
        <Text key={p.id} size="sm" style={{ overflowWrap: 'anywhere' }}>
          {p.user ? `${p.user.name} (${p.user.institution}) · ` : ''}
          {t(`asm.role.${p.role}` as MessageKey)}
          {p.email ? ` · ${p.email}` : ''}
          {/* Once convened: whether the invitation went out (a participant without an address gets none). */}
          {a.meeting && (
            <Text span size="xs" c={p.invited ? 'teal.9' : 'gray.7'}>
              {' '}
              · {p.invited ? t('asm.invited') : t('asm.notInvited')}
            </Text>
          )}
        </Text>
      ))}
    </Stack>
  );
}

/**
 * The situation's MAMAC assessment (issue 12): shown on the situation page while it is in assessment, and afterwards
 * for whoever still reads it (earlier contracts stay readable). Each panel appears for whom it is meant.
 */
export function AssessmentSection({ situation }: { situation: Situation }) {
  // In assessment, or after one (closed, or oriented on from it): one of its passages is an assessment.
  const had = situation.status === 'assessment' || situation.carePassages.some((p) => p.kind === 'assessment');
  return (
    <AssessmentView
      situationId={situation.id}
      enabled={had}
      identified={!situation.anonymous}
      personLanguage={situation.person?.correspondenceLanguage === 'de' ? 'de' : 'fr'}
    />
  );
}

/**
 * The assessment alone, for the SMR doctor who takes part in it: they read its medical part without reading the file
 * (issue 12), so there is no situation page around it.
 */
export function AssessmentOnlyPage() {
  const { id } = useParams();
  const { t } = useI18n();
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/" size="sm">
        {t('app.backHome')}
      </Anchor>
      <AssessmentView situationId={id ?? ''} enabled={Boolean(id)} identified personLanguage="fr" />
    </Stack>
  );
}

function AssessmentView({
  situationId,
  enabled,
  identified,
  personLanguage,
}: {
  situationId: string;
  enabled: boolean;
  identified: boolean;
  personLanguage: 'fr' | 'de';
}) {
  const { t, date, lang } = useI18n();
  const query = useAssessment(situationId, enabled);
  if (query.isLoading) return <Loading minHeight={80} />;
  if (query.error) return <ErrorAlert error={query.error} />;
  const a = query.data;
  if (!a) return null;
  const open = a.status !== 'closed';
  return (
    <section aria-labelledby="assessment-title" data-testid="assessment-section">
      <Stack gap="md">
        <Paper withBorder p="md">
          <Stack gap="xs">
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Title order={2} size="h3" id="assessment-title">
                {t('asm.title')}
              </Title>
              <Badge color={STATUS_COLOR[a.status]} data-testid="assessment-status">
                {t(`asm.status.${a.status}` as MessageKey)}
              </Badge>
            </Group>
            <Text size="sm" c="gray.7">
              {t('asm.intro')}
            </Text>
            {open && (
              <Text size="sm" data-testid="assessment-waiting">
                {t('asm.waiting', { n: a.waitingDays })}
              </Text>
            )}
            {a.responsible && (
              <Text size="sm">
                {withColon(t('asm.responsible'), lang)} {a.responsible.name}
              </Text>
            )}
            {a.meeting && (
              <Text size="sm" data-testid="assessment-meeting-value">
                {withColon(t('asm.meeting'), lang)}{' '}
                {t('asm.meetingValue', {
                  date: date(a.meeting.startOn),
                  time: a.meeting.startTime,
                  minutes: a.meeting.durationMinutes,
                  place: a.meeting.place,
                })}
              </Text>
            )}
            {a.outcome && (
              <Text size="sm" fw={600} data-testid="assessment-outcome">
                {t('asm.closedWith', {
                  date: date(a.outcome.endedAt),
                  name: a.outcome.endedBy,
                  outcome: t(`asm.outcome.${a.outcome.outcome}` as MessageKey),
                })}
                {a.outcome.reason ? ` — ${a.outcome.reason}` : ''}
              </Text>
            )}
            {a.participants.length > 0 && !a.abilities.smrOnly && <Participants a={a} />}
          </Stack>
        </Paper>
        {a.abilities.organise && a.status === 'to_organise' && (
          <OrganisePanel a={a} identified={identified} personLanguage={personLanguage} />
        )}
        {a.abilities.organise &&
          (a.status === 'to_organise' || a.status === 'scheduled') &&
          a.participants.length > 0 && <MeetingPanel a={a} />}
        <SectionsPanel a={a} />
        {!a.abilities.smrOnly && (a.status === 'held' || a.status === 'in_execution' || a.contracts.length > 0) && (
          <ContractPanel a={a} />
        )}
        {!a.abilities.smrOnly && (a.status === 'in_execution' || a.notes.length > 0) && <ExecutionPanel a={a} />}
        {open && a.abilities.manage && <CloseAssessmentPanel a={a} />}
      </Stack>
    </section>
  );
}
