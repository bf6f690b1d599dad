import { Button, Group, Modal, Radio, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { DuplicateMatch, Person } from '../../../contracts/situations.ts';
import { post } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

/**
 * Reports that this person record duplicates another one. The Bureau reviews
 * the request (MergesPage); nothing is merged before that.
 */
export function MergeRequestButton({ person }: { person: Person }) {
  const { t, date } = useI18n();
  const [open, setOpen] = useState(false);
  const [candidates, setCandidates] = useState<DuplicateMatch[]>([]);
  const [survivorId, setSurvivorId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const start = async () => {
    setError(null);
    setOpen(true);
    try {
      const { id: _id, version: _version, ...input } = person;
      const found = await post<{ candidates: DuplicateMatch[] }>('/api/persons/duplicates', { ...input, navs13: '' });
      setCandidates(found.candidates.filter((c) => c.id !== person.id));
    } catch (e) {
      setError(e);
    }
  };
  const send = async () => {
    try {
      await post('/api/person-merges', { survivorId, duplicateId: person.id, reason });
      notifications.show({ color: 'teal', message: t('merge.requested') });
      setOpen(false);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <>
      <Button size="xs" variant="subtle" onClick={start} w="fit-content">
        {t('merge.request')}
      </Button>
      <Modal
        closeButtonProps={{ 'aria-label': t('app.close') }}
        opened={open}
        onClose={() => setOpen(false)}
        title={t('merge.request')}
        size="lg"
      >
        <Stack>
          <ErrorAlert error={error} />
          {candidates.length === 0 ? (
            <Text c="gray.7">{t('merge.noCandidates')}</Text>
          ) : (
            <Radio.Group label={t('merge.survivor')} value={survivorId} onChange={setSurvivorId}>
              <Stack gap="xs" mt="xs">
                {candidates.map((c) => (
                  <Radio
                    key={c.id}
                    value={c.id}
                    label={[
                      `${c.officialName} ${c.firstNames}`,
                      date(c.birthDate),
                      ...(c.navs13 ? [c.navs13] : []),
                      c.createdByInstitutionName,
                    ].join(' · ')}
                  />
                ))}
              </Stack>
            </Radio.Group>
          )}
          <Textarea
            label={t('merge.requestReason')}
            required
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              {t('app.cancel')}
            </Button>
            <Button onClick={send} disabled={!survivorId || !reason.trim()}>
              {t('merge.request')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
