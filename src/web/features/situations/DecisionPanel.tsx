import { Button, Group, MultiSelect, Paper, Radio, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { Situation } from '../../../contracts/situations.ts';
import { INSTITUTION_KINDS, type InstitutionKind } from '../../../domain/access/roles.ts';
import { CARE_KINDS, allowedEvents } from '../../../domain/situation/situation-lifecycle.ts';
import { TANDEM_CRITERIA } from '../../../domain/situation/tandem-eligibility.ts';
import { post } from '../../api/client.ts';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useDirectory, useLocalName } from '../organisations/use-directory.ts';
import { CriteriaTable, type CriterionDraft } from './CriteriaTable.tsx';
import { careKey } from './labels.ts';
import { suggestableKinds, suggestedName } from './suggested-institutions.ts';

type Decision = 'refuse' | 'orient' | 'move_region';
type Answer = CriterionDraft;

/** The Bureau's actions on a situation: take up, then refuse, orient (six criteria for a tandem) or move. */
export function DecisionPanel({ situation }: { situation: Situation }) {
  const { t, lang } = useI18n();
  const localName = useLocalName();
  const directory = useDirectory();
  // The institutions a refusal suggests (issue 13): one of the canton's, or any of a kind ("kind:orp").
  const [suggested, setSuggested] = useState<string[]>([]);
  const none = { institutionId: null, nameFr: null, nameDe: null };
  const suggestionOptions = [
    {
      group: t('triage.suggestedKinds'),
      items: suggestableKinds(INSTITUTION_KINDS, directory.data?.institutions ?? []).map((k) => ({
        value: `kind:${k}`,
        label: suggestedName({ kind: k, ...none }, lang),
      })),
    },
    {
      group: t('triage.suggestedDirectory'),
      items: (directory.data?.institutions ?? [])
        .filter((i) => i.active && i.kind !== 'bureau_cii')
        .map((i) => ({ value: `institution:${i.kind}:${i.id}`, label: localName(i) })),
    },
  ];
  const suggestedBody = suggested.map((v) => {
    const [type, kind, id] = v.split(':');
    return { kind: kind as InstitutionKind, institutionId: type === 'institution' ? (id ?? null) : null };
  });
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const events = allowedEvents(situation.status);
  const [decision, setDecision] = useState<Decision>('orient');
  const [careKind, setCareKind] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [suggestions, setSuggestions] = useState('');
  const [regionId, setRegionId] = useState<string | null>(null);
  const [answers, setAnswers] = useState<Answer[]>(
    TANDEM_CRITERIA.map((criterion) => ({ criterion, answer: null, justification: '' })),
  );
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const suggestedError = suggested.map((_, i) => fieldError(error, `suggestedInstitutions.${i}`)).find(Boolean);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['situation', situation.id] });
  const setAnswer = (i: number, patch: Partial<Answer>) =>
    setAnswers((a) => a.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const tandem = decision === 'orient' && careKind === 'tandem';
  const unanswered = tandem ? answers.filter((a) => a.answer === null).length : 0;

  const act = async (fn: () => Promise<unknown>, message?: string) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
      if (message) notifications.show({ color: 'teal', message });
      await refresh();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const submit = () => {
    if (unanswered > 0) return;
    return act(async () => {
      const body =
        decision === 'refuse'
          ? { decision, version: situation.version, reason, suggestedInstitutions: suggestedBody, suggestions }
          : decision === 'move_region'
            ? { decision, version: situation.version, reason, regionId }
            : {
                decision,
                version: situation.version,
                reason,
                careKind,
                eligibility: careKind === 'tandem' ? answers : [],
              };
      const result = await post<{ situation: Situation | null }>(`/api/situations/${situation.id}/decision`, body);
      notifications.show({
        color: 'teal',
        message: decision === 'move_region' ? t('triage.moved') : t('triage.decided'),
      });
      if (!result.situation) void navigate('/triage');
    });
  };

  if (events.includes('take_up')) {
    return (
      <Paper withBorder p="md">
        <Group justify="space-between" gap="sm">
          <Title order={3} size="h4">
            {t('triage.decision')}
          </Title>
          <Button
            maw="100%"
            loading={busy}
            onClick={() => act(() => post(`/api/situations/${situation.id}/take-up`, { version: situation.version }))}
          >
            {t('triage.takeUp')}
          </Button>
        </Group>
        <ErrorAlert error={error} />
      </Paper>
    );
  }
  if (!events.includes('orient') && !events.includes('refuse')) return null;
  const careOptions = CARE_KINDS.filter((k) => k !== situation.status).map((k) => ({ value: k, label: t(careKey(k)) }));

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="decision-title">
      <Stack gap="md">
        <Title order={3} size="h4" id="decision-title">
          {t('triage.decide')}
        </Title>
        <Radio.Group value={decision} onChange={(v) => setDecision(v as Decision)} label={t('triage.decision')}>
          <Group mt="xs">
            <Radio value="orient" label={t('triage.orient')} />
            {events.includes('refuse') && <Radio value="refuse" label={t('triage.refuse')} />}
            {events.includes('move_region') && <Radio value="move_region" label={t('triage.move')} />}
          </Group>
        </Radio.Group>
        {decision === 'orient' && (
          <Select
            label={t('sit.careKind')}
            required
            w={{ base: '100%', xs: 320 }}
            data={careOptions}
            value={careKind}
            onChange={setCareKind}
            error={fieldError(error, 'careKind')}
          />
        )}
        {decision === 'move_region' && (
          <Select
            label={t('sit.region')}
            required
            w={{ base: '100%', xs: 320 }}
            data={(directory.data?.regions ?? [])
              .filter((r) => r.id !== situation.regionId)
              .map((r) => ({ value: r.id, label: localName(r) }))}
            value={regionId}
            onChange={setRegionId}
            error={fieldError(error, 'regionId')}
          />
        )}
        {tandem && <CriteriaTable answers={answers} onChange={setAnswer} error={error} />}
        <Textarea
          label={t('triage.reason')}
          required
          autosize
          minRows={2}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={fieldError(error, 'reason')}
        />
        {decision === 'refuse' && (
          <MultiSelect
            label={t('triage.suggestedInstitutions')}
            description={t('triage.suggestedHint')}
            data={suggestionOptions}
            value={suggested}
            onChange={setSuggested}
            searchable
            clearable
            maxValues={12}
            error={suggestedError}
            data-testid="refusal-institutions"
          />
        )}
        {decision === 'refuse' && (
          <Textarea
            label={t('triage.suggestions')}
            autosize
            minRows={3}
            value={suggestions}
            onChange={(e) => setSuggestions(e.currentTarget.value)}
            error={fieldError(error, 'suggestions')}
          />
        )}
        <ErrorAlert error={error} />
        {unanswered > 0 && (
          <Text size="sm" fw={500} id="criteria-left" aria-live="polite">
            {t('triage.criteriaLeft', { count: unanswered })}
          </Text>
        )}
        <Button
          onClick={submit}
          loading={busy}
          w="fit-content"
          maw="100%"
          disabled={unanswered > 0}
          aria-describedby={unanswered > 0 ? 'criteria-left' : undefined}
        >
          {t('triage.submit')}
        </Button>
      </Stack>
    </Paper>
  );
}
