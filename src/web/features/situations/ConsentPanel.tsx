import {
  Alert,
  Badge,
  Button,
  Checkbox,
  FileInput,
  Group,
  List,
  Modal,
  MultiSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Situation } from '../../../contracts/situations.ts';
import { DATA_CATEGORIES } from '../../../domain/consent/consent.ts';
import { scopeGaps } from '../../../domain/consent/scope-gaps.ts';
import { post, query, upload } from '../../api/client.ts';
import { DateField } from '../../components/DateField.tsx';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert.tsx';
import type { MessageKey } from '../../i18n/fr/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useDirectory, useLocalName } from '../organisations/use-directory.ts';
import { categoryKey } from './labels.ts';

const inOneYear = () => {
  const d = new Date();
  d.setFullYear(d.getFullYear() + 1);
  return d.toISOString().slice(0, 10);
};

/**
 * The procuration: print it pre-filled in the person's language, record the
 * signed scan with its date, validity and scope; revoke it.
 */
export function ConsentPanel({ situation }: { situation: Situation }) {
  const { t, date } = useI18n();
  const localName = useLocalName();
  const directory = useDirectory();
  const queryClient = useQueryClient();
  const all = directory.data?.institutions ?? [];
  const bureauIds = all.filter((i) => i.kind === 'bureau_cii').map((i) => i.id);
  // A tandem needs the procuration to name an ORP and a CMS of the region (issue 9: no tandem without it).
  const tandemIds = all
    .filter((i) => i.active && (i.kind === 'orp' || i.kind === 'cms') && i.regionId === situation.regionId)
    .map((i) => i.id);
  // Until the user edits it, the scope is what the likely care needs: the institutions following the person,
  // the Bureau CII, and the ORP and CMS of the region for a tandem.
  const [institutionIds, setInstitutionIds] = useState<string[] | null>(null);
  const [categories, setCategories] = useState<string[]>(['identity', 'social_situation', 'employment', 'measures']);
  const [validUntil, setValidUntil] = useState(inOneYear());
  const [signedOn, setSignedOn] = useState('');
  const [scan, setScan] = useState<File | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [revoking, setRevoking] = useState<Situation['consents'][number] | null>(null);
  const [revokeReason, setRevokeReason] = useState('');
  const [rejecting, setRejecting] = useState<Situation['consents'][number] | null>(null);
  const [rejectReason, setRejectReason] = useState('');
  const scope = institutionIds ?? [...new Set([...situation.followingInstitutionIds, ...bureauIds, ...tandemIds])];
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['situation', situation.id] });
  const nameOf = (id: string) => localName(directory.data?.institutions.find((i) => i.id === id));
  // What the chosen scope will prevent later, said while it is chosen (issue 11).
  const gaps = directory.data
    ? scopeGaps(
        all.filter((i) => scope.includes(i.id)),
        situation.announcingInstitutionId,
      )
    : [];

  const record = async () => {
    setBusy(true);
    setError(null);
    try {
      if (!scan) throw new Error(t('consent.scan'));
      const saved = await upload<{ id: string }>(
        `/api/situations/${situation.id}/attachments?filename=${encodeURIComponent(scan.name)}`,
        scan,
      );
      await post(`/api/situations/${situation.id}/consents`, {
        institutionIds: scope,
        dataCategories: categories,
        signedOn,
        validUntil,
        scanAttachmentId: saved.id,
      });
      notifications.show({ color: 'teal', message: t('consent.recorded') });
      setScan(null);
      await refresh();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const review = async (c: Situation['consents'][number], decision: 'approve' | 'reject') => {
    setError(null);
    try {
      await post(
        `/api/situations/${situation.id}/consents/${c.id}/review`,
        decision === 'approve'
          ? { decision, version: c.version }
          : { decision, version: c.version, reason: rejectReason },
      );
      notifications.show({
        color: 'teal',
        message: t(decision === 'approve' ? 'consent.approved' : 'consent.rejectedDone'),
      });
      setRejecting(null);
      setRejectReason('');
      await refresh();
    } catch (e) {
      setError(e);
    }
  };
  // Health data is sensitive: without the health category, the health-related risk factors stay with the announcer.
  const healthAnnounced = situation.riskFactors.some(
    (r) => r === 'health' || r === 'psychological' || r === 'addiction',
  );
  const revoke = async () => {
    if (!revoking) return;
    try {
      await post(`/api/situations/${situation.id}/consents/${revoking.id}/revoke`, {
        version: revoking.version,
        reason: revokeReason,
      });
      setRevoking(null);
      setRevokeReason('');
      await refresh();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('consent.title')}
        </Title>
        {situation.consents.length === 0 && <Text c="gray.7">{t('consent.none')}</Text>}
        {situation.consents.map((c) => (
          <Stack key={c.id} gap={2} data-testid="consent">
            <Group gap="xs">
              <Badge color={c.valid ? 'teal.9' : c.state === 'pending_review' ? 'orange.9' : 'gray.7'}>
                {t(`consent.state.${c.state}` as MessageKey)}
              </Badge>
              <Text size="sm">{t('consent.period', { signed: date(c.signedOn), until: date(c.validUntil) })}</Text>
              {c.canRevoke && (
                <Button size="xs" variant="outline" color="red.9" onClick={() => setRevoking(c)}>
                  {t('consent.revoke')}
                </Button>
              )}
            </Group>
            <Text size="xs" c="gray.7">
              {t('consent.recordedBy', { name: c.recordedByName })}
              {c.reviewedByName && c.reviewedByName !== c.recordedByName
                ? ` · ${t('consent.reviewedBy', { name: c.reviewedByName, date: date(c.reviewedAt) })}`
                : ''}
            </Text>
            {c.state === 'pending_review' && <Text size="sm">{t('consent.pendingNote')}</Text>}
            {c.state === 'rejected' && c.rejectionReason && (
              <Text size="sm" c="red.9">
                {t('consent.rejectedBecause', { reason: c.rejectionReason })}
              </Text>
            )}
            {c.canReview && (
              <Group gap="xs">
                {c.scanAttachmentId && (
                  <Button
                    size="xs"
                    variant="light"
                    component="a"
                    href={`/api/situations/${situation.id}/attachments/${c.scanAttachmentId}`}
                  >
                    {t('consent.openScan')}
                  </Button>
                )}
                <Button size="xs" onClick={() => void review(c, 'approve')}>
                  {t('consent.approve')}
                </Button>
                <Button size="xs" variant="outline" color="red.9" onClick={() => setRejecting(c)}>
                  {t('consent.reject')}
                </Button>
              </Group>
            )}
            <Text size="sm">{c.institutionIds.map(nameOf).join(' · ')}</Text>
            <Text size="xs" c="gray.7">
              {c.dataCategories.map((k) => t(categoryKey(k))).join(' · ')}
            </Text>
            {c.revokedAt && (
              <Text size="sm" c="red.9">
                {t('consent.revoked', { date: date(c.revokedAt), reason: c.revocationReason ?? '' })}
              </Text>
            )}
          </Stack>
        ))}
        {situation.abilities.manageConsent && situation.person && (
          <Stack gap="sm" mt="sm">
            <Title order={4} size="h5">
              {t('consent.prepare')}
            </Title>
            <MultiSelect
              label={t('consent.institutions')}
              searchable
              data={(directory.data?.institutions ?? []).map((i) => ({ value: i.id, label: localName(i) }))}
              value={scope}
              onChange={setInstitutionIds}
              error={fieldError(error, 'institutionIds')}
            />
            {healthAnnounced && !categories.includes('health') && (
              <Alert color="orange">{t('consent.healthHint')}</Alert>
            )}
            <Text size="sm" c="gray.7">
              {t('consent.scopeHint')}
            </Text>
            {gaps.length > 0 && (
              <Alert color="orange" title={t('consent.gapsTitle')} data-testid="scope-gaps">
                <List size="sm">
                  {gaps.map((g) => (
                    <List.Item key={g}>{t(`consent.gap.${g}` as MessageKey)}</List.Item>
                  ))}
                </List>
              </Alert>
            )}
            <Checkbox.Group label={t('consent.categories')} value={categories} onChange={setCategories}>
              <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} mt="xs">
                {DATA_CATEGORIES.map((c) => (
                  <Checkbox key={c} value={c} label={t(categoryKey(c))} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
            <Group align="flex-end">
              <DateField
                label={t('consent.validUntil')}
                value={validUntil}
                onChange={setValidUntil}
                error={fieldError(error, 'validUntil')}
              />
              <Button
                component="a"
                variant="light"
                target="_blank"
                href={`/api/situations/${situation.id}/procuration.pdf${query({
                  institutionIds: scope.join(','),
                  categories: categories.join(','),
                  validUntil,
                })}`}
              >
                {t('consent.print')}
              </Button>
            </Group>
            <Title order={4} size="h5" mt="sm">
              {t('consent.record')}
            </Title>
            <Group align="flex-end">
              <DateField
                label={t('consent.signedOn')}
                value={signedOn}
                onChange={setSignedOn}
                error={fieldError(error, 'signedOn')}
              />
              <FileInput
                label={t('consent.scan')}
                accept="application/pdf,image/png,image/jpeg"
                value={scan}
                onChange={setScan}
                w={320}
                error={fieldError(error, 'scanAttachmentId') ?? fieldError(error, 'file')}
              />
              <Button onClick={record} loading={busy} disabled={!scan || !signedOn}>
                {t('consent.record')}
              </Button>
            </Group>
          </Stack>
        )}
        <ErrorAlert error={error} />
      </Stack>
      <Modal
        closeButtonProps={{ 'aria-label': t('app.close') }}
        opened={rejecting !== null}
        onClose={() => setRejecting(null)}
        title={t('consent.reject')}
      >
        <Stack>
          <Text>{t('consent.rejectConfirm')}</Text>
          <TextInput
            label={t('consent.rejectReason')}
            required
            value={rejectReason}
            onChange={(e) => setRejectReason(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRejecting(null)}>
              {t('app.cancel')}
            </Button>
            <Button
              color="red"
              disabled={!rejectReason.trim()}
              onClick={() => rejecting && void review(rejecting, 'reject')}
            >
              {t('consent.reject')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Modal
        closeButtonProps={{ 'aria-label': t('app.close') }}
        opened={revoking !== null}
        onClose={() => setRevoking(null)}
        title={t('consent.revoke')}
      >
        <Stack>
          <Text>{t('consent.revokeConfirm')}</Text>
          <TextInput
            label={t('consent.revokeReason')}
            required
            value={revokeReason}
            onChange={(e) => setRevokeReason(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRevoking(null)}>
              {t('app.cancel')}
            </Button>
            <Button color="red" disabled={!revokeReason.trim()} onClick={revoke}>
              {t('consent.revoke')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
