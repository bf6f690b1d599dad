import { Alert, Button, Card, Group, Radio, Select, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { type DuplicateMatch, type PersonInput, emptyDraft } from '../../../contracts/situations.ts';
import { post } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSession } from '../auth/session.tsx';
import { useDirectory, useLocalName } from '../organisations/use-directory.ts';
import { PersonForm, emptyPerson } from './PersonForm.tsx';
import { useAlertsText } from '../alerts/alerts-text.ts';

/**
 * Step one of an announcement: anonymous or identified; for an identified
 * person, the duplicates are shown before a new record is created. Then the
 * draft opens, where the rest is written and saved as one types.
 */
export function NewSituationPage() {
  const { t, date, lang } = useI18n();
  const { a } = useAlertsText();
  const { me } = useSession();
  const directory = useDirectory();
  const localName = useLocalName();
  const navigate = useNavigate();
  const [mode, setMode] = useState<'identified' | 'anonymous'>('identified');
  const [regionId, setRegionId] = useState<string | null>(me?.regionId ?? null);
  // The user's saved language, else the screen's: the person's letters start in the language of who announces.
  const [person, setPerson] = useState<PersonInput>(() => emptyPerson(me?.language ?? lang));
  const [candidates, setCandidates] = useState<DuplicateMatch[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // From an alert (issue 14): the same first step, then the draft is made from the alert with the caller's own data.
  const [params] = useSearchParams();
  const fromAlert = params.get('alert');
  // From an alert, no region is guessed: the caller's, else their institution's, else they choose one.
  const homeRegion = directory.data?.institutions.find((i) => i.id === me?.institution.id)?.regionId ?? null;
  const region = regionId ?? (fromAlert ? homeRegion : (directory.data?.regions[0]?.id ?? null));
  const [regionMissing, setRegionMissing] = useState(false);

  const startDraft = async (personId: string | null) => {
    if (!me) return;
    if (!region) {
      setRegionMissing(true);
      return;
    }
    if (fromAlert) {
      const version = Number(params.get('version') ?? 0);
      const body = { version, personId, regionId: region };
      const { situationId } = await post<{ situationId: string }>(`/api/alerts/${fromAlert}/draft`, body);
      void navigate(`/situations/${situationId}`);
      return;
    }
    const body = emptyDraft({ regionId: region, personId, institutionId: me.institution.id });
    const { id } = await post<{ id: string }>('/api/situations', body);
    void navigate(`/situations/${id}`);
  };

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const check = (event: FormEvent) => {
    event.preventDefault();
    if (!region) {
      setRegionMissing(true);
      return;
    }
    void run(async () => {
      const { candidates: found } = await post<{ candidates: DuplicateMatch[] }>('/api/persons/duplicates', person);
      if (found.length) setCandidates(found);
      else await createAndStart([]);
    });
  };
  const createAndStart = async (distinctFrom: string[]) => {
    const { id } = await post<{ id: string }>('/api/persons', { person, confirmDistinctFrom: distinctFrom });
    await startDraft(id);
  };

  return (
    <Stack gap="lg" maw={900}>
      <Title order={2}>{t('new.title')}</Title>
      <Text>{t('new.intro')}</Text>
      {fromAlert && (
        <Alert color="blue" data-testid="from-alert">
          {a('alerts.newFromAlert')}
        </Alert>
      )}
      <Radio.Group value={mode} onChange={(v) => setMode(v as typeof mode)} label={t('nav.newSituation')}>
        <Stack gap="xs" mt="xs">
          <Radio value="identified" label={t('new.identified')} />
          <Radio value="anonymous" label={t('new.anonymous')} />
        </Stack>
      </Radio.Group>
      <Select
        label={t('sit.region')}
        required
        allowDeselect={false}
        w={320}
        data={(directory.data?.regions ?? []).map((r) => ({ value: r.id, label: localName(r) }))}
        value={region}
        onChange={(v) => {
          setRegionId(v);
          setRegionMissing(false);
        }}
        error={regionMissing && !region ? a('alerts.regionRequired') : undefined}
        data-testid="new-region"
      />
      {mode === 'anonymous' ? (
        <>
          <ErrorAlert error={error} />
          <Button w="fit-content" loading={busy} onClick={() => run(() => startDraft(null))}>
            {t('new.startAnonymous')}
          </Button>
        </>
      ) : (
        <Card withBorder component="form" onSubmit={check} noValidate>
          <Stack gap="md">
            <Title order={3} size="h4">
              {t('new.person')}
            </Title>
            <PersonForm
              value={person}
              onChange={(v) => {
                setPerson(v);
                setCandidates(null);
              }}
              error={error}
            />
            {candidates && (
              <Alert color="orange" title={t('new.duplicates')}>
                <Stack gap="sm">
                  <Text size="sm">{t('new.duplicatesIntro')}</Text>
                  {candidates.map((c) => (
                    <Group key={c.id} justify="space-between" wrap="nowrap">
                      <Text size="sm">
                        <strong>
                          {c.officialName} {c.firstNames}
                        </strong>{' '}
                        · {date(c.birthDate)} {c.navs13 && `· ${c.navs13}`} —{' '}
                        {c.matchedOn === 'navs13' ? t('new.matchedNavs') : t('new.matchedName')},{' '}
                        {t('new.createdBy', { institution: c.createdByInstitutionName })}
                      </Text>
                      {c.usable ? (
                        <Button size="xs" onClick={() => run(() => startDraft(c.id))}>
                          {t('new.useThis')}
                        </Button>
                      ) : (
                        <Text size="xs" c="gray.7" maw={260}>
                          {t('new.notUsable')}
                        </Text>
                      )}
                    </Group>
                  ))}
                  {!candidates.some((c) => c.matchedOn === 'navs13') && (
                    <Button
                      variant="default"
                      size="xs"
                      w="fit-content"
                      onClick={() => run(() => createAndStart(candidates.map((c) => c.id)))}
                    >
                      {t('new.createDistinct')}
                    </Button>
                  )}
                </Stack>
              </Alert>
            )}
            <ErrorAlert error={error} />
            {!candidates && (
              <Button type="submit" loading={busy} w="fit-content">
                {t('new.check')}
              </Button>
            )}
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
