import type { ReactNode } from 'react';
import { Alert, Badge, Grid, Group, List, Paper, SimpleGrid, Stack, Text, Timeline, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import type { Situation } from '../../../contracts/situations.ts';
import { isEditableStatus } from '../../../domain/situation/situation-lifecycle.ts';
import { ApiError } from '../../api/client.ts';
import { situationQuery } from './situation-query.ts';
import { Field } from '../../components/Field.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { NotFoundPage } from '../../components/NotFoundPage.tsx';
import type { MessageKey } from '../../i18n/fr/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useDirectory, useLocalName } from '../organisations/use-directory.ts';
import { suggestedName, suggestedOf } from './suggested-institutions.ts';
import { AttachmentsPanel } from './AttachmentsPanel.tsx';
import { CareHistory } from './CareHistory.tsx';
import { CaseTeamPanel } from './CaseTeamPanel.tsx';
import { ConsentPanel } from './ConsentPanel.tsx';
import { DecisionPanel } from './DecisionPanel.tsx';
import { DraftEditor } from './DraftEditor.tsx';
import { MergeRequestButton } from './MergeRequestButton.tsx';
import {
  ageKey,
  answerKey,
  careKey,
  categoryKey,
  criterionKey,
  eventKey,
  permitKey,
  riskKey,
  targetKey,
} from './labels.ts';
import { StatusBadge } from './StatusBadge.tsx';
import { TandemSection } from '../tandem/TandemSection.tsx';
import { NetworkSection } from '../round-tables/NetworkSection.tsx';
import { RoundTableSection } from '../round-tables/RoundTableSection.tsx';
import { AssessmentSection } from '../assessments/AssessmentSection.tsx';

function PersonCard({ s }: { s: Situation }) {
  const { t, date } = useI18n();
  const localName = useLocalName();
  const directory = useDirectory();
  const regionName = localName(directory.data?.regions.find((r) => r.id === s.regionId));
  const p = s.person;
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('view.person')}
        </Title>
        {p ? (
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Field label={t('person.officialName')}>{`${p.officialName} ${p.firstNames}`}</Field>
            <Field label={t('person.birthDate')}>{date(p.birthDate)}</Field>
            <Field label={t('person.navs13')}>{p.navs13}</Field>
            <Field label={t('person.permit')}>{t(permitKey(p.residencePermit))}</Field>
            <Field label={t('person.language')}>{t(`corr.${p.correspondenceLanguage}` as MessageKey)}</Field>
            <Field label={t('person.street')}>
              {[p.street, `${p.postalCode} ${p.locality}`.trim()].filter(Boolean).join(', ')}
            </Field>
          </SimpleGrid>
        ) : null}
        {p ? (
          <MergeRequestButton person={p} />
        ) : s.anonymous ? (
          <Text>{t('view.anonymousProfile', { age: s.ageBand ? t(ageKey(s.ageBand)) : '—', region: regionName })}</Text>
        ) : (
          <Alert color="gray">{t('view.noIdentity')}</Alert>
        )}
      </Stack>
    </Paper>
  );
}

function SituationDetails({ s }: { s: Situation }) {
  const { t } = useI18n();
  const localName = useLocalName();
  const directory = useDirectory();
  const yes = (v: boolean | null) => (v === null ? t('view.withheldValue') : v ? t('view.yes') : t('view.no'));
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('view.situation')}
        </Title>
        <Field label={t('draft.following')}>
          {s.followingInstitutionIds
            .map((id) => localName(directory.data?.institutions.find((i) => i.id === id)))
            .join(' · ')}
        </Field>
        <Field label={t('draft.riskFactors')}>
          {[...s.riskFactors.map((r) => t(riskKey(r))), s.riskFactorsOther].filter(Boolean).join(' · ')}
        </Field>
        <Field label={t('draft.targetGroups')}>{s.targetGroups.map((g) => t(targetKey(g))).join(' · ')}</Field>
        <div>
          <Text size="xs" c="gray.7" fw={600}>
            {t('view.prior')}
          </Text>
          <List size="sm">
            {(
              [
                ['draft.laciBasic', s.laciBasicProgramme],
                ['draft.laciCheck', s.laciEmployabilityCheck],
                ['draft.liasCheck', s.liasEmployabilityChecked],
                ['draft.liasIndicated', s.liasIntegrationIndicated],
              ] as const
            ).map(([key, value]) => (
              <List.Item key={key}>
                {t(key)} — {yes(value)}
              </List.Item>
            ))}
          </List>
        </div>
        {s.withheldCategories.length > 0 && (
          <Alert color="gray" data-testid="withheld">
            {t('view.withheld', { categories: s.withheldCategories.map((c) => t(categoryKey(c))).join(', ') })}
          </Alert>
        )}
        <Field label={t('draft.description')}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{s.description}</span>
        </Field>
        <Field label={t('draft.helpExpected')}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{s.helpExpected}</span>
        </Field>
      </Stack>
    </Paper>
  );
}

function DecisionCard({ s }: { s: Situation }) {
  const { t, date, colon, lang } = useI18n();
  if (!s.decidedAt) return null;
  return (
    <Paper withBorder p="md" data-testid="decision">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('view.decision')}
        </Title>
        {s.status === 'refused' ? (
          <Badge color="red.9">{t('view.refused', { date: date(s.decidedAt) })}</Badge>
        ) : (
          <StatusBadge status={s.status} />
        )}
        <Field label={t('view.reason')}>{s.decisionReason}</Field>
        {(s.refusalSuggestions || s.refusalInstitutions.length > 0) && (
          <Alert color="orange" title={t('view.suggestions')} data-testid="refusal-suggestions">
            {s.refusalInstitutions.length > 0 && (
              <Text size="sm" fw={500} mb={s.refusalSuggestions ? 4 : 0}>
                {t('view.suggestedInstitutions', {
                  list: s.refusalInstitutions.map((i) => suggestedName(i, lang)).join(', '),
                })}
              </Text>
            )}
            {s.refusalSuggestions && <span style={{ whiteSpace: 'pre-wrap' }}>{s.refusalSuggestions}</span>}
          </Alert>
        )}
        {s.eligibility && s.eligibility.length > 0 && (
          <>
            <Text fw={600} size="sm">
              {t('view.eligibility')}
            </Text>
            <List size="sm">
              {s.eligibility.map((a) => (
                <List.Item key={a.criterion}>
                  {t(criterionKey(a.criterion))} — <strong>{colon(t(answerKey(a.answer)))}</strong> {a.justification}
                </List.Item>
              ))}
            </List>
          </>
        )}
      </Stack>
    </Paper>
  );
}

function SituationTimeline({ s }: { s: Situation }) {
  const { t, dateTime, lang } = useI18n();
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4" mb="sm">
        {t('view.timeline')}
      </Title>
      <Timeline bulletSize={14} lineWidth={2} active={s.timeline.length}>
        {s.timeline.map((e, i) => (
          <Timeline.Item
            // biome-ignore lint/suspicious/noArrayIndexKey: events have no id; the list only grows, and holds no state
            key={i}
            title={`${t(e.type === 'announce' && e.details.again ? 'event.announceAgain' : eventKey(e.type))}${
              e.toStatus && e.type === 'orient' ? ` → ${t(careKey(e.toStatus))}` : ''
            }`}
          >
            <Text size="xs" c="gray.7">
              {dateTime(e.at)} · {e.actorName}
            </Text>
            {typeof e.details.name === 'string' && e.details.name && <Text size="sm">{e.details.name}</Text>}
            {e.reason && <Text size="sm">{e.reason}</Text>}
            {/* A refusal's suggestions stay readable here after the announcement is revised and announced again. */}
            {suggestedOf(e.details).length > 0 && (
              <Text size="sm" data-testid="timeline-suggested-institutions">
                {t('view.suggestedInstitutions', {
                  list: suggestedOf(e.details)
                    .map((i) => suggestedName(i, lang))
                    .join(', '),
                })}
              </Text>
            )}
            {typeof e.details.suggestions === 'string' && e.details.suggestions && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="timeline-suggestions">
                {t('view.timelineSuggestions', { text: e.details.suggestions })}
              </Text>
            )}
          </Timeline.Item>
        ))}
      </Timeline>
    </Paper>
  );
}

/** A part of the page laid out only when it comes near the screen (`.near-screen` in global.css, issue 10). */
function LaidOutNearScreen({ children }: { children: ReactNode }) {
  return <div className="near-screen">{children}</div>;
}

export function SituationPage() {
  const { id } = useParams();
  const { t, date } = useI18n();
  const situation = useQuery({ ...situationQuery(id), retry: false });
  if (situation.error instanceof ApiError && (situation.error.status === 404 || situation.error.status === 400))
    return <NotFoundPage />;
  const s = situation.data;
  if (!s) return situation.isLoading ? <Loading /> : <ErrorAlert error={situation.error} />;
  // A draft, or a refused announcement its announcer revises to announce again.
  const editing = isEditableStatus(s.status) && s.abilities.update;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2}>{t('draft.title', { number: s.number })}</Title>
          <Text size="sm" c="gray.7">
            {s.announcingUserName} · {s.announcingInstitutionName} · {t('sit.createdAt')} {date(s.createdAt)}
            {s.handledByName ? ` · ${t('sit.handledBy')} ${s.handledByName}` : ''}
          </Text>
        </div>
        <StatusBadge status={s.status} imported={s.imported} />
      </Group>
      <Grid>
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="md">
            <PersonCard s={s} />
            {s.abilities.triage && <DecisionPanel situation={s} />}
            <DecisionCard s={s} />
            <RoundTableSection situation={s} />
            <NetworkSection situation={s} />
            <TandemSection situation={s} />
            <AssessmentSection situation={s} />
            <LaidOutNearScreen>
              {editing ? <DraftEditor key={s.id} situation={s} /> : <SituationDetails s={s} />}
            </LaidOutNearScreen>
            {!s.anonymous && (s.person || s.consents.length > 0) && (
              <LaidOutNearScreen>
                <ConsentPanel situation={s} />
              </LaidOutNearScreen>
            )}
            {!s.anonymous && s.status !== 'draft' && (
              <LaidOutNearScreen>
                <CaseTeamPanel situation={s} />
              </LaidOutNearScreen>
            )}
            {/* Documents identify the person: only for whoever may see who it is. */}
            {s.abilities.readIdentity && (
              <LaidOutNearScreen>
                <AttachmentsPanel situation={s} />
              </LaidOutNearScreen>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md">
            <CareHistory situation={s} />
            <LaidOutNearScreen>
              <SituationTimeline s={s} />
            </LaidOutNearScreen>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
