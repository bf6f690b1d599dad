import {
  Alert,
  Button,
  Checkbox,
  Group,
  List,
  NumberInput,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import type { MeasuresFile, RoutePreview } from '../../../contracts/measures.ts';
import { swissDay } from '../../../domain/consent/consent.ts';
import { post } from '../../api/client.ts';
import { DateField } from '../../components/DateField.tsx';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert.tsx';
import type { MessageKey } from '../../i18n/fr/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { MeasureCard } from './MeasureCard.tsx';
import { kindName, stepKey, useMeasuresAction, useMeasuresFile } from './use-measures.ts';

const cents = (francs: number | string) => Math.round(Number(francs || 0) * 100);

/**
 * Proposing a measure: the server computes the route (regime, kind, today's
 * rules) and the checks as the form is filled, so the route is shown before
 * submission and a rule breach can be sent to the Commission droit instead.
 */
function ProposeForm({ situationId, file, onDone }: { situationId: string; file: MeasuresFile; onDone(): void }) {
  const { t, lang, chf, colon } = useI18n();
  const [kindId, setKindId] = useState<string | null>(null);
  const [provider, setProvider] = useState('');
  const [goals, setGoals] = useState('');
  const [startOn, setStartOn] = useState(swissDay(new Date()));
  const [endOn, setEndOn] = useState('');
  const [unitCost, setUnitCost] = useState<number | string>('');
  const [quantity, setQuantity] = useState<number | string>(1);
  const [salary, setSalary] = useState<number | string>('');
  const [percent, setPercent] = useState<number | string>(60);
  const [escalate, setEscalate] = useState(false);
  const [escalationReason, setEscalationReason] = useState('');
  const [preview, setPreview] = useState<RoutePreview | null>(null);
  const { run, error, busy } = useMeasuresAction(situationId);
  const kind = file.kinds.find((k) => k.id === kindId);
  const body = {
    kindId,
    provider,
    goals,
    startOn,
    endOn: kind?.checks === 'mip' ? startOn : endOn,
    unitCostCents: cents(unitCost),
    quantity: kind?.costUnit === 'lump_sum' ? 1 : Number(quantity) || 0,
    normalSalaryCents: kind?.checks === 'ait' ? cents(salary) : null,
    allowancePercent: kind?.checks === 'ait' ? Number(percent) || 0 : null,
  };
  // The preview is asked again only when what would be sent changes (body is a new object at every render).
  const key = JSON.stringify(body);
  useEffect(() => {
    const request = JSON.parse(key) as typeof body;
    if (!request.kindId || !request.startOn || !request.endOn) {
      setPreview(null);
      return;
    }
    const timer = setTimeout(() => {
      post<RoutePreview>(`/api/situations/${situationId}/measures/preview`, request)
        .then(setPreview)
        .catch(() => setPreview(null));
    }, 250);
    return () => clearTimeout(timer);
  }, [key, situationId]);
  const delegated = preview?.route.length === 1 && preview.route[0] === 'tandem';
  const submit = async () => {
    const ok = await run(
      () => post(`/api/situations/${situationId}/measures`, { ...body, escalate, escalationReason }),
      t('measures.proposed'),
    );
    if (ok) onDone();
  };
  const unit = kind?.costUnit === 'day' ? 'day' : 'month';
  return (
    <Paper withBorder p="sm" data-testid="measure-form">
      <Stack gap="xs">
        <Select
          label={t('measures.kind')}
          searchable
          data={file.kinds.map((k) => ({
            value: k.id,
            label: `${t(`regime.${k.regime}` as MessageKey)} · ${kindName(k, lang)}`,
          }))}
          value={kindId}
          onChange={setKindId}
          error={fieldError(error, 'kindId')}
        />
        {kind && kind.checks !== 'mip' && (
          <>
            <TextInput
              label={t('measures.provider')}
              value={provider}
              onChange={(e) => setProvider(e.currentTarget.value)}
              error={fieldError(error, 'provider')}
            />
            <Textarea
              label={t('measures.goals')}
              autosize
              minRows={2}
              value={goals}
              onChange={(e) => setGoals(e.currentTarget.value)}
              error={fieldError(error, 'goals')}
            />
          </>
        )}
        <Group align="flex-start">
          <DateField
            label={t('measures.startOn')}
            value={startOn}
            onChange={setStartOn}
            error={fieldError(error, 'startOn')}
          />
          {kind?.checks !== 'mip' && (
            <DateField
              label={t('measures.endOn')}
              value={endOn}
              onChange={setEndOn}
              error={fieldError(error, 'endOn')}
            />
          )}
        </Group>
        {kind?.checks === 'ait' && (
          <Group align="flex-start">
            <NumberInput
              label={t('measures.salary')}
              w={220}
              min={0}
              decimalScale={2}
              thousandSeparator="’"
              value={salary}
              onChange={setSalary}
              error={fieldError(error, 'normalSalaryCents')}
            />
            <NumberInput
              label={t('measures.percent')}
              w={260}
              min={1}
              max={100}
              value={percent}
              onChange={setPercent}
              error={fieldError(error, 'allowancePercent')}
            />
          </Group>
        )}
        {kind && !kind.checks && (
          <Group align="flex-start">
            <NumberInput
              label={t('measures.unitCost', { unit: t(`costUnit.${kind.costUnit}` as MessageKey) })}
              w={220}
              min={0}
              decimalScale={2}
              thousandSeparator="’"
              value={unitCost}
              onChange={setUnitCost}
              error={fieldError(error, 'unitCostCents')}
            />
            {kind.costUnit !== 'lump_sum' && (
              <NumberInput
                label={t('measures.quantity', { unit: t(`measures.units.${unit}` as MessageKey) })}
                w={160}
                min={1}
                max={1000}
                value={quantity}
                onChange={setQuantity}
                error={fieldError(error, 'quantity')}
              />
            )}
          </Group>
        )}
        {preview && (
          <Alert color="blue" title={t('measures.route')} data-testid="measure-route">
            <Text size="sm" fw={600}>
              {preview.route.map((s) => t(stepKey(s))).join(' → ')}
            </Text>
            <Text size="xs">{t('measures.routeHint', { ruleSet: t(`ruleSet.${preview.ruleSet}` as MessageKey) })}</Text>
            <Text size="sm">
              {colon(t('measures.total'))} {chf(preview.computed.totalCents / 100)}
            </Text>
          </Alert>
        )}
        {preview && preview.breaches.length > 0 && (
          <Alert color="red" title={t('measures.breaches')} data-testid="measure-breaches">
            <List size="sm">
              {preview.breaches.map((b) => (
                <List.Item key={b.path}>{b.message}</List.Item>
              ))}
            </List>
            <Checkbox
              mt="xs"
              label={t('measures.escalate')}
              checked={escalate}
              onChange={(e) => setEscalate(e.currentTarget.checked)}
            />
            {escalate && (
              <Textarea
                mt="xs"
                label={t('measures.escalationReason')}
                autosize
                minRows={2}
                value={escalationReason}
                onChange={(e) => setEscalationReason(e.currentTarget.value)}
                error={fieldError(error, 'escalationReason')}
              />
            )}
          </Alert>
        )}
        <ErrorAlert error={error} />
        <Group>
          <Button loading={busy} disabled={!kindId} onClick={() => void submit()}>
            {delegated && !escalate ? t('measures.submitDelegated') : t('measures.submit')}
          </Button>
          <Button variant="subtle" onClick={onDone}>
            {t('app.cancel')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** The situation's measures: proposed, decided, running, interrupted, completed. */
export function MeasuresPanel({ situationId }: { situationId: string }) {
  const { t } = useI18n();
  const file = useMeasuresFile(situationId);
  const [proposing, setProposing] = useState(false);
  if (!file.data) return null;
  const coach = file.data.canPropose;
  return (
    <Paper withBorder p="md" data-testid="measures">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h4">
            {t('measures.title')}
          </Title>
          {coach && !proposing && <Button onClick={() => setProposing(true)}>{t('measures.propose')}</Button>}
        </Group>
        {proposing && <ProposeForm situationId={situationId} file={file.data} onDone={() => setProposing(false)} />}
        {file.data.withheld ? (
          <Alert color="gray">{t('measures.withheld')}</Alert>
        ) : (
          file.data.measures.length === 0 && <Text size="sm">{t('measures.none')}</Text>
        )}
        {[...file.data.measures].reverse().map((m) => (
          <MeasureCard key={m.id} situationId={situationId} m={m} coach={coach} canRun={file.data.canRun} />
        ))}
      </Stack>
    </Paper>
  );
}
