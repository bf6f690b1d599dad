import { Badge, Button, Checkbox, Group, Paper, Radio, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import type { Assessment, ContractVersion } from '../../../contracts/assessments.ts';
import { swissDay } from '../../../domain/consent/consent.ts';
import { withColon } from '../../../domain/format/message.ts';
import { post, put } from '../../api/client.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { DateField } from '../../components/DateField.tsx';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert.tsx';
import type { MessageKey } from '../../i18n/fr/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { assessmentPath, useAssessmentAction } from './use-assessment.ts';

const STATUS_COLOR: Record<ContractVersion['status'], string> = {
  draft: 'gray.8',
  accepted_by_all: 'blue.9',
  conforming: 'blue.9',
  non_conforming: 'red.9',
  in_force: 'teal.9',
  superseded: 'gray.6',
};

interface Objective {
  text: string;
  measuresPlanned: string;
  responsibleInstitutionId: string;
  deadline: string;
}

/** The institutions at the table (the participants'), for the contract's pickers. */
function institutionsOf(a: Assessment) {
  const seen = new Map<string, string>();
  for (const p of a.participants) if (p.institutionId && p.user) seen.set(p.institutionId, p.user.institution);
  return [...seen].map(([value, label]) => ({ value, label }));
}

/** Writing a version: the first, an amendment (a copy of the latest, edited), or an edit of an untouched draft. */
function ContractEditor({
  a,
  base,
  mode,
  onDone,
}: {
  a: Assessment;
  base: ContractVersion | null;
  mode: 'new' | 'edit';
  onDone(): void;
}) {
  const { t } = useI18n();
  const institutions = institutionsOf(a);
  const [caseManager, setCaseManager] = useState<string | null>(base?.caseManager.id ?? null);
  const [objectives, setObjectives] = useState<Objective[]>(
    base?.objectives.map((o) => ({
      text: o.text,
      measuresPlanned: o.measuresPlanned,
      responsibleInstitutionId: o.responsibleInstitution.id,
      deadline: o.deadline,
    })) ?? [{ text: '', measuresPlanned: '', responsibleInstitutionId: '', deadline: '' }],
  );
  const { run, error, busy } = useAssessmentAction(a.situationId);
  const latest = a.contracts[0] ?? null;
  const set = (i: number, patch: Partial<Objective>) =>
    setObjectives(objectives.map((o, j) => (i === j ? { ...o, ...patch } : o)));
  const save = async () => {
    const body = { caseManagerInstitutionId: caseManager, objectives };
    const ok = await run(
      () =>
        mode === 'edit' && base
          ? put(assessmentPath(a.situationId, `/contract/${base.versionNo}`), { ...body, version: base.version })
          : post(assessmentPath(a.situationId, '/contract'), { ...body, basedOnVersionNo: latest?.versionNo ?? null }),
      t('asm.contract.saved'),
    );
    if (ok) onDone();
  };
  return (
    <Stack gap="sm" data-testid="contract-editor">
      <Select
        label={t('asm.contract.caseManager')}
        data={institutions}
        value={caseManager}
        onChange={setCaseManager}
        maw={420}
        error={fieldError(error, 'caseManagerInstitutionId')}
      />
      {objectives.map((o, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: no id until saved; an objective's order is its identity
        <Paper key={i} withBorder p="sm" data-testid="contract-objective-editor">
          <Stack gap="xs">
            <Textarea
              label={`${t('asm.contract.objective')} ${i + 1}`}
              value={o.text}
              onChange={(e) => set(i, { text: e.currentTarget.value })}
              autosize
              error={fieldError(error, `objectives.${i}.text`)}
            />
            <Textarea
              label={t('asm.contract.measures')}
              value={o.measuresPlanned}
              onChange={(e) => set(i, { measuresPlanned: e.currentTarget.value })}
              autosize
              error={fieldError(error, `objectives.${i}.measuresPlanned`)}
            />
            <Group align="flex-start" wrap="wrap">
              <Select
                label={t('asm.contract.responsible')}
                data={institutions}
                value={o.responsibleInstitutionId || null}
                onChange={(v) => set(i, { responsibleInstitutionId: v ?? '' })}
                w={300}
                maw="100%"
                error={fieldError(error, `objectives.${i}.responsibleInstitutionId`)}
              />
              <DateField
                label={t('asm.contract.deadline')}
                value={o.deadline}
                onChange={(v) => set(i, { deadline: v })}
                error={fieldError(error, `objectives.${i}.deadline`)}
              />
            </Group>
            {objectives.length > 1 && (
              <Group>
                <Button
                  size="compact-sm"
                  variant="subtle"
                  color="red.9"
                  onClick={() => setObjectives(objectives.filter((_, j) => j !== i))}
                >
                  {t('asm.contract.removeObjective', { n: i + 1 })}
                </Button>
              </Group>
            )}
          </Stack>
        </Paper>
      ))}
      <ErrorAlert error={error} />
      <Group wrap="wrap">
        <Button
          variant="light"
          onClick={() =>
            setObjectives([
              ...objectives,
              { text: '', measuresPlanned: '', responsibleInstitutionId: '', deadline: '' },
            ])
          }
        >
          {t('asm.contract.addObjective')}
        </Button>
        <Button onClick={save} loading={busy}>
          {t('asm.contract.save')}
        </Button>
        <Button variant="subtle" onClick={onDone}>
          {t('app.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}

/** One party's line: accepted by whom and when, or a button for whoever may accept for it now. */
function PartyLine({ a, v, p }: { a: Assessment; v: ContractVersion; p: ContractVersion['parties'][number] }) {
  const { t, date } = useI18n();
  const [signedOn, setSignedOn] = useState(swissDay(new Date()));
  const { run, error } = useAssessmentAction(a.situationId);
  const person = p.party === 'person';
  const name = person ? t('asm.contract.person') : p.name;
  const label = person ? t('asm.contract.acceptPerson') : t('asm.contract.accept', { party: name });
  const accept = () =>
    run(
      () =>
        post(assessmentPath(a.situationId, `/contract/${v.versionNo}/accept`), {
          party: p.party,
          signedOn: person ? signedOn : null,
          version: v.version,
        }),
      t('asm.contract.accepted'),
    );
  return (
    <Stack gap={4} data-testid="contract-party">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text size="sm" fw={600}>
          {name}
        </Text>
        <Text size="sm" c={p.acceptedBy ? 'teal.9' : 'gray.7'}>
          {p.acceptedBy
            ? p.signedOn
              ? t('asm.contract.signedOn', {
                  date: date(p.signedOn),
                  name: p.acceptedBy,
                  recorded: date(p.acceptedAt),
                })
              : t('asm.contract.acceptedBy', { name: p.acceptedBy, date: date(p.acceptedAt) })
            : t('asm.contract.waiting')}
        </Text>
      </Group>
      {p.canAccept && !p.acceptedBy && (
        <Group align="flex-end" wrap="wrap">
          {person && <DateField label={t('asm.contract.personSigned')} value={signedOn} onChange={setSignedOn} />}
          <ConfirmButton
            size="xs"
            title={label}
            consequences={[
              person ? t('asm.contract.acceptPersonConfirm') : t('asm.contract.acceptConfirm', { party: name }),
            ]}
            confirmLabel={label}
            onConfirm={accept}
          >
            {label}
          </ConfirmButton>
        </Group>
      )}
      {fieldError(error, 'signedOn') && (
        <Text size="sm" c="red.9">
          {fieldError(error, 'signedOn')}
        </Text>
      )}
      {!fieldError(error, 'signedOn') && <ErrorAlert error={error} />}
    </Stack>
  );
}

/** The Bureau's check of one version against each party institution's checklist (seed 004 §6). */
function ConformityForm({ a, v }: { a: Assessment; v: ContractVersion }) {
  const { t } = useI18n();
  const [ok, setOk] = useState<Record<string, boolean>>({});
  const [result, setResult] = useState<'conforming' | 'non_conforming'>('conforming');
  const [reasons, setReasons] = useState('');
  const { run, error } = useAssessmentAction(a.situationId);
  const answers = v.checklist.flatMap((c) =>
    c.items.map((i) => ({
      institutionId: c.institutionId,
      itemId: i.id,
      ok: ok[`${c.institutionId}/${i.id}`] ?? false,
    })),
  );
  const submit = () =>
    run(
      () =>
        post(assessmentPath(a.situationId, `/contract/${v.versionNo}/conformity`), {
          answers,
          result,
          reasons,
          version: v.version,
        }),
      t('asm.conformity.checked'),
    );
  return (
    <Stack gap="xs" data-testid="conformity-form">
      {v.checklist.map((c) => (
        <Stack key={c.institutionId} gap={4}>
          <Text size="sm" fw={600}>
            {c.name}
          </Text>
          {c.items.map((i) => (
            <Checkbox
              key={i.id}
              label={i.label}
              checked={ok[`${c.institutionId}/${i.id}`] ?? false}
              onChange={(e) => {
                const checked = e.currentTarget.checked;
                setOk((o) => ({ ...o, [`${c.institutionId}/${i.id}`]: checked }));
              }}
            />
          ))}
        </Stack>
      ))}
      <Radio.Group
        label={t('asm.conformity.result')}
        value={result}
        onChange={(v) => setResult(v as typeof result)}
        error={fieldError(error, 'result')}
      >
        <Group mt={4} wrap="wrap">
          <Radio value="conforming" label={t('asm.conformity.result.conforming')} />
          <Radio value="non_conforming" label={t('asm.conformity.result.non_conforming')} />
        </Group>
      </Radio.Group>
      {result === 'non_conforming' && (
        <Textarea
          label={t('asm.conformity.reasons')}
          value={reasons}
          onChange={(e) => setReasons(e.currentTarget.value)}
          autosize
          error={fieldError(error, 'reasons')}
        />
      )}
      {fieldError(error, 'answers') && (
        <Text size="sm" c="red.9">
          {fieldError(error, 'answers')}
        </Text>
      )}
      <ErrorAlert error={error} />
      <Group>
        <ConfirmButton
          title={t('asm.conformity.check')}
          consequences={[t(`asm.conformity.confirm.${result}`)]}
          confirmLabel={t('asm.conformity.check')}
          onConfirm={submit}
        >
          {t('asm.conformity.check')}
        </ConfirmButton>
      </Group>
    </Stack>
  );
}

function VersionCard({ a, v, current }: { a: Assessment; v: ContractVersion; current: boolean }) {
  const { t, date, lang } = useI18n();
  const [editing, setEditing] = useState(false);
  const open = v.status === 'draft' || v.status === 'accepted_by_all' || v.status === 'conforming';
  return (
    <Paper withBorder p="sm" data-testid={`contract-version-${v.versionNo}`}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text fw={700}>{t('asm.contract.version', { n: v.versionNo })}</Text>
          <Badge color={STATUS_COLOR[v.status]} data-testid="contract-status">
            {t(`asm.contract.status.${v.status}` as MessageKey)}
          </Badge>
        </Group>
        <Text size="xs" c="gray.7">
          {t('asm.contract.createdBy', { name: v.createdBy, date: date(v.createdAt) })} ·{' '}
          <a href={assessmentPath(a.situationId, `/contract/${v.versionNo}/pdf`)} target="_blank" rel="noreferrer">
            {t('asm.contract.pdf')}
          </a>
        </Text>
        {editing ? (
          <ContractEditor a={a} base={v} mode="edit" onDone={() => setEditing(false)} />
        ) : (
          <>
            <Text size="sm">
              <b>{withColon(t('asm.contract.caseManager'), lang)}</b> {v.caseManager.name}
            </Text>
            {v.objectives.map((o) => (
              <Stack key={o.id} gap={0} data-testid="contract-objective">
                <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {o.position}. {o.text}
                </Text>
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {withColon(t('asm.contract.measures'), lang)} {o.measuresPlanned}
                </Text>
                <Text size="xs" c="gray.7">
                  {o.responsibleInstitution.name} · {t('asm.contract.deadline')} {date(o.deadline)} ·{' '}
                  {t(`asm.objectiveStatus.${o.status}` as MessageKey)}
                </Text>
              </Stack>
            ))}
            {v.editable && a.abilities.writeContract && (
              <Group>
                <Button size="xs" variant="light" onClick={() => setEditing(true)}>
                  {t('asm.contract.editDraft')}
                </Button>
              </Group>
            )}
          </>
        )}
        {v.conformity && (
          <Text
            size="sm"
            c={v.conformity.result === 'conforming' ? 'teal.9' : 'red.9'}
            data-testid="contract-conformity"
          >
            {t('asm.conformity.checkedBy', {
              result: t(`asm.conformity.result.${v.conformity.result}`),
              name: v.conformity.checkedBy,
              date: date(v.conformity.checkedAt),
            })}
            {v.conformity.reasons ? ` — ${t('asm.conformity.backToTeam', { reasons: v.conformity.reasons })}` : ''}
          </Text>
        )}
        {current && (
          <>
            <Title order={4} size="h5">
              {t('asm.contract.parties')}
            </Title>
            {v.parties.map((p) => (
              <PartyLine key={p.party} a={a} v={v} p={p} />
            ))}
            {open && !v.conformity && a.abilities.checkConformity && (
              <>
                <Title order={4} size="h5">
                  {t('asm.conformity')}
                </Title>
                <ConformityForm a={a} v={v} />
              </>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}

/** The objectives contract: versions newest first (earlier ones readable), acceptances, conformity, new versions. */
export function ContractPanel({ a }: { a: Assessment }) {
  const { t } = useI18n();
  const [writing, setWriting] = useState(false);
  const [showEarlier, setShowEarlier] = useState(false);
  const canWrite = a.abilities.writeContract && (a.status === 'held' || a.status === 'in_execution');
  const latest = a.contracts[0] ?? null;
  const earlier = a.contracts.slice(1);
  // The version in force stays shown while its amendment is discussed.
  const inForce = a.contracts.find((v) => v.status === 'in_force' && v !== latest) ?? null;
  return (
    <Paper withBorder p="md" data-testid="assessment-contract">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('asm.contract')}
        </Title>
        {!latest && !writing && (
          <Text size="sm" c="gray.7">
            {t('asm.contract.none')}
          </Text>
        )}
        {writing ? (
          <ContractEditor a={a} base={latest} mode="new" onDone={() => setWriting(false)} />
        ) : (
          canWrite && (
            <Group>
              <Button variant={latest ? 'light' : 'filled'} onClick={() => setWriting(true)}>
                {latest ? t('asm.contract.amend') : t('asm.contract.new')}
              </Button>
            </Group>
          )
        )}
        {latest && <VersionCard a={a} v={latest} current />}
        {inForce && <VersionCard a={a} v={inForce} current={false} />}
        {earlier.length > 0 && (
          <>
            <Group>
              <Button variant="subtle" size="xs" onClick={() => setShowEarlier(!showEarlier)}>
                {t('asm.contract.earlier')} ({earlier.length})
              </Button>
            </Group>
            {showEarlier &&
              earlier.filter((v) => v !== inForce).map((v) => <VersionCard key={v.id} a={a} v={v} current={false} />)}
          </>
        )}
      </Stack>
    </Paper>
  );
}
