import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { CarePassageSummary, Situation } from '../../../contracts/situations.ts';
import type { MessageKey } from '../../i18n/fr/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { careKey } from './labels.ts';
import { passageStateKey } from './passage-labels.ts';

const outcomeKey = (o: string) => `outcome.${o}` as MessageKey;

/**
 * The kinds of care the situation went through (issue 12), each with its own
 * dates, who opened and ended it, and its outcome: a round table that oriented
 * to a tandem shows both, in order.
 */
export function CareHistory({ situation }: { situation: Situation }) {
  const { t, date } = useI18n();
  if (!situation.carePassages.length) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="care-history-title">
      <Title order={3} size="h4" mb="sm" id="care-history-title">
        {t('careHistory.title')}
      </Title>
      <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {situation.carePassages.map((p) => (
          <li key={p.id} data-testid="care-passage">
            <Group gap="xs" wrap="wrap">
              <Text fw={600}>{t(careKey(p.kind))}</Text>
              <Badge variant="light" color={p.endedAt ? 'gray' : 'blue'}>
                {t(passageStateKey(p))}
              </Badge>
            </Group>
            <Text size="sm" c="gray.7">
              {p.endedAt
                ? t('careHistory.period', { from: date(p.startedAt), to: date(p.endedAt) })
                : t('careHistory.open', { date: date(p.startedAt) })}
              {' · '}
              {t('careHistory.startedBy', { name: p.startedByName })}
              {p.endedByName ? ` · ${t('careHistory.endedBy', { name: p.endedByName })}` : ''}
            </Text>
            {p.outcome && <PassageOutcome p={p} />}
          </li>
        ))}
      </Stack>
    </Paper>
  );
}

function PassageOutcome({ p }: { p: CarePassageSummary }) {
  const { t, colon } = useI18n();
  const label =
    p.outcome === 'followed_by_institution' && p.outcomeInstitutionName
      ? t('outcome.followedBy', { institution: p.outcomeInstitutionName })
      : t(outcomeKey(p.outcome ?? 'other'));
  return (
    <Text size="sm">
      {colon(t('careHistory.outcome'))} <strong>{label}</strong>
      {p.outcomeReason ? ` — ${p.outcomeReason}` : ''}
    </Text>
  );
}
