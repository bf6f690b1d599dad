import {
  Alert,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DraftBody, Situation } from '../../../contracts/situations.ts';
import { AGE_BANDS, RISK_FACTORS, TARGET_GROUPS } from '../../../domain/situation/vocabulary.ts';
import { ApiError, post, put } from '../../api/client.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useDirectory, useLocalName } from '../organisations/use-directory.ts';
import { ageKey, riskKey, targetKey } from './labels.ts';

const draftOf = (s: Situation): DraftBody => ({
  regionId: s.regionId,
  anonymous: s.anonymous,
  personId: s.personId,
  ageBand: s.ageBand,
  followingInstitutionIds: s.followingInstitutionIds,
  riskFactors: s.riskFactors,
  riskFactorsOther: s.riskFactorsOther,
  targetGroups: s.targetGroups,
  // Drafts (and refused announcements being revised) are their announcer's, who sees every part: never null here.
  laciBasicProgramme: s.laciBasicProgramme ?? false,
  laciEmployabilityCheck: s.laciEmployabilityCheck ?? false,
  liasEmployabilityChecked: s.liasEmployabilityChecked ?? false,
  liasIntegrationIndicated: s.liasIntegrationIndicated ?? false,
  description: s.description,
  helpExpected: s.helpExpected,
});

const backupKey = (id: string) => `tandem.draft.${id}`;
type SaveState = 'saved' | 'saving' | 'unsaved';

/**
 * The draft, saved as one types (1.5 s after the last change) and on demand.
 * Every change is first copied to this browser's storage, so a network or
 * validation error never loses what was typed; the copy is dropped once saved.
 */
export function DraftEditor({ situation }: { situation: Situation }) {
  const { t } = useI18n();
  const localName = useLocalName();
  const directory = useDirectory();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<DraftBody>(() => {
    const stored = localStorage.getItem(backupKey(situation.id));
    if (stored) {
      try {
        return JSON.parse(stored) as DraftBody;
      } catch {
        // unreadable copy: start from the server's
      }
    }
    return draftOf(situation);
  });
  const [restored] = useState(() => localStorage.getItem(backupKey(situation.id)) !== null);
  const version = useRef(situation.version);
  const [state, setState] = useState<SaveState>('saved');
  const [error, setError] = useState<unknown>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef(form);

  const save = useCallback(async (): Promise<boolean> => {
    if (timer.current) clearTimeout(timer.current);
    setState('saving');
    try {
      const saved = await put<Situation>(`/api/situations/${situation.id}`, {
        ...latest.current,
        version: version.current,
      });
      version.current = saved.version;
      localStorage.removeItem(backupKey(situation.id));
      setState('saved');
      setError(null);
      return true;
    } catch (e) {
      setState('unsaved');
      setError(e);
      // A network failure is retried; a refusal waits for the user's correction.
      if (!(e instanceof ApiError)) timer.current = setTimeout(() => void save(), 5000);
      return false;
    }
  }, [situation.id]);

  const change = (patch: Partial<DraftBody>) => {
    const next = { ...latest.current, ...patch };
    latest.current = next;
    setForm(next);
    localStorage.setItem(backupKey(situation.id), JSON.stringify(next));
    setState('unsaved');
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), 1500);
  };
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const announce = async () => {
    if (!(await save())) return;
    try {
      await post(`/api/situations/${situation.id}/announce`, { version: version.current });
      notifications.show({ color: 'teal', message: t('draft.announced') });
      await queryClient.invalidateQueries({ queryKey: ['situation', situation.id] });
    } catch (e) {
      setError(e);
    }
  };
  const err = (path: string) => fieldError(error, path);
  const institutionOptions = (directory.data?.institutions ?? []).map((i) => ({ value: i.id, label: localName(i) }));

  return (
    <Paper withBorder p="md">
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={3} size="h4">
            {t('view.situation')}
          </Title>
          <Text
            size="sm"
            c={state === 'unsaved' ? 'orange.9' : 'gray.7'}
            role="status"
            aria-live="polite"
            data-testid="save-state"
          >
            {state === 'saved' ? t('draft.saved') : state === 'saving' ? t('draft.saving') : ''}
          </Text>
        </Group>
        {situation.status === 'refused' && <Alert color="orange">{t('draft.refusedIntro')}</Alert>}
        {restored && <Alert color="blue">{t('draft.restored')}</Alert>}
        {state === 'unsaved' && error !== null && !(error instanceof ApiError) && (
          <Alert color="orange">{t('draft.unsaved')}</Alert>
        )}
        <ErrorAlert error={error instanceof ApiError ? error : null} />
        <Select
          label={t('sit.region')}
          allowDeselect={false}
          w={320}
          data={(directory.data?.regions ?? []).map((r) => ({ value: r.id, label: localName(r) }))}
          value={form.regionId}
          onChange={(v) => v && change({ regionId: v })}
          error={err('regionId')}
          // A refused announcement is revised for the same Bureau (decision 016).
          disabled={situation.status !== 'draft'}
          description={situation.status !== 'draft' ? t('draft.regionFixed') : undefined}
        />
        {form.anonymous && (
          <Select
            label={t('draft.ageBand')}
            required
            w={320}
            data={AGE_BANDS.map((a) => ({ value: a, label: t(ageKey(a)) }))}
            value={form.ageBand}
            onChange={(v) => change({ ageBand: v as DraftBody['ageBand'] })}
            error={err('ageBand')}
          />
        )}
        <MultiSelect
          label={t('draft.following')}
          required
          searchable
          data={institutionOptions}
          value={form.followingInstitutionIds}
          onChange={(v) => change({ followingInstitutionIds: v })}
          error={err('followingInstitutionIds')}
        />
        <Checkbox.Group
          label={t('draft.riskFactors')}
          required
          value={form.riskFactors}
          onChange={(v) => change({ riskFactors: v as DraftBody['riskFactors'] })}
          error={err('riskFactors')}
        >
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} mt="xs">
            {RISK_FACTORS.map((r) => (
              <Checkbox key={r} value={r} label={t(riskKey(r))} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <Textarea
          label={t('draft.riskOther')}
          autosize
          minRows={2}
          value={form.riskFactorsOther}
          onChange={(e) => change({ riskFactorsOther: e.currentTarget.value })}
        />
        <Checkbox.Group
          label={t('draft.targetGroups')}
          value={form.targetGroups}
          onChange={(v) => change({ targetGroups: v as DraftBody['targetGroups'] })}
        >
          <Stack gap={6} mt="xs">
            {TARGET_GROUPS.map((g) => (
              <Checkbox key={g} value={g} label={t(targetKey(g))} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Stack gap={6}>
          <Text fw={600} size="sm">
            {t('draft.prior')}
          </Text>
          <Checkbox
            label={t('draft.laciBasic')}
            checked={form.laciBasicProgramme}
            onChange={(e) => change({ laciBasicProgramme: e.currentTarget.checked })}
          />
          <Checkbox
            label={t('draft.laciCheck')}
            checked={form.laciEmployabilityCheck}
            onChange={(e) => change({ laciEmployabilityCheck: e.currentTarget.checked })}
          />
          <Checkbox
            label={t('draft.liasCheck')}
            checked={form.liasEmployabilityChecked}
            onChange={(e) => change({ liasEmployabilityChecked: e.currentTarget.checked })}
          />
          <Checkbox
            label={t('draft.liasIndicated')}
            checked={form.liasIntegrationIndicated}
            onChange={(e) => change({ liasIntegrationIndicated: e.currentTarget.checked })}
          />
        </Stack>
        <Textarea
          label={t('draft.description')}
          description={t('draft.descriptionHint')}
          required
          autosize
          minRows={4}
          value={form.description}
          onChange={(e) => change({ description: e.currentTarget.value })}
          error={err('description')}
        />
        <Textarea
          label={t('draft.helpExpected')}
          required
          autosize
          minRows={3}
          value={form.helpExpected}
          onChange={(e) => change({ helpExpected: e.currentTarget.value })}
          error={err('helpExpected')}
        />
        {(err('consent') || err('personId')) && (
          <Alert color="red" role="alert">
            {[err('consent'), err('personId')].filter(Boolean).join(' ')}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => void save()}>
            {t('draft.save')}
          </Button>
          {situation.abilities.announce && (
            <ConfirmButton
              title={t('draft.announceConfirmTitle')}
              consequences={[t('draft.announceConfirmTo'), t('draft.announceConfirmFinal')]}
              confirmLabel={t(situation.status === 'refused' ? 'draft.announceAgain' : 'draft.announce')}
              onConfirm={announce}
            >
              {t(situation.status === 'refused' ? 'draft.announceAgain' : 'draft.announce')}
            </ConfirmButton>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
