import { Badge, Button, Checkbox, Group, Modal, NumberInput, Select, Stack, Table, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { post, put } from '../../api/client.ts';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert.tsx';
import type { MessageKey } from '../../i18n/fr/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/**
 * One table-and-form for the four kinds of organisation record: they differ
 * only in their fields, so each tab is a list of field definitions.
 */
export type FieldDef =
  | { key: string; label: MessageKey; type: 'text'; required?: boolean }
  | { key: string; label: MessageKey; type: 'number'; required?: boolean }
  | { key: string; label: MessageKey; type: 'checkbox' }
  | { key: string; label: MessageKey; type: 'select'; options: { value: string; label: string }[]; required?: boolean };

type Row = { id: string; version: number } & Record<string, unknown>;

export function OrganisationTab(props: {
  path: string;
  fields: FieldDef[];
  rows: Row[];
  defaults: Record<string, unknown>;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Row | 'new' | null>(null);
  const [values, setValues] = useState<Record<string, unknown>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const open = (row: Row | 'new') => {
    setError(null);
    setValues(row === 'new' ? { ...props.defaults } : Object.fromEntries(props.fields.map((f) => [f.key, row[f.key]])));
    setEditing(row);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (editing === 'new') await post(`/api/${props.path}`, values);
      else if (editing) await put(`/api/${props.path}/${editing.id}`, { ...values, version: editing.version });
      notifications.show({ color: 'teal', message: t('app.saved') });
      setEditing(null);
      await queryClient.invalidateQueries({ queryKey: ['directory'] });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const display = (field: FieldDef, row: Row) => {
    const value = row[field.key];
    if (field.type === 'checkbox') return value ? t('app.yes') : t('app.no');
    if (field.type === 'select') return field.options.find((o) => o.value === value)?.label ?? t('app.none');
    return value === null || value === undefined || value === '' ? t('app.none') : String(value);
  };

  return (
    <Stack gap="sm">
      <Group justify="flex-end">
        <Button onClick={() => open('new')}>{t('org.new')}</Button>
      </Group>
      <Table.ScrollContainer minWidth={700}>
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              {props.fields.map((f) => (
                <Table.Th key={f.key} scope="col">
                  {t(f.label)}
                </Table.Th>
              ))}
              <Table.Th scope="col">{t('app.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {props.rows.map((row) => (
              <Table.Tr key={row.id}>
                {props.fields.map((f) => (
                  // A name in the other language says so (screen readers read it as such; WCAG 3.1.2).
                  <Table.Td key={f.key} lang={f.key === 'nameFr' ? 'fr' : f.key === 'nameDe' ? 'de' : undefined}>
                    {f.key === 'active' && !row.active ? <Badge color="gray.7">{t('app.no')}</Badge> : display(f, row)}
                  </Table.Td>
                ))}
                <Table.Td>
                  <Button size="xs" variant="light" onClick={() => open(row)}>
                    {t('app.edit')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Modal
        closeButtonProps={{ 'aria-label': t('app.close') }}
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('org.new') : t('app.edit')}
        size="lg"
      >
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <ErrorAlert error={error} />
            {props.fields.map((f) => {
              // The key goes on each element itself: React does not take it from a spread.
              const common = { label: t(f.label), error: fieldError(error, f.key) };
              const set = (v: unknown) => setValues((s) => ({ ...s, [f.key]: v }));
              switch (f.type) {
                case 'text':
                  return (
                    <TextInput
                      key={f.key}
                      {...common}
                      required={f.required}
                      value={String(values[f.key] ?? '')}
                      onChange={(e) => set(e.currentTarget.value)}
                    />
                  );
                case 'number':
                  return (
                    <NumberInput
                      key={f.key}
                      {...common}
                      required={f.required}
                      value={(values[f.key] as number | undefined) ?? ''}
                      onChange={(v) => set(typeof v === 'number' ? v : null)}
                      allowDecimal={false}
                    />
                  );
                case 'checkbox':
                  return (
                    <Checkbox
                      key={f.key}
                      {...common}
                      checked={Boolean(values[f.key])}
                      onChange={(e) => set(e.currentTarget.checked)}
                    />
                  );
                case 'select':
                  return (
                    <Select
                      key={f.key}
                      {...common}
                      required={f.required}
                      clearable={!f.required}
                      searchable
                      data={f.options}
                      value={(values[f.key] as string | null) ?? null}
                      onChange={(v) => set(v)}
                    />
                  );
                default: {
                  const unknown: never = f;
                  throw new Error(`unknown field type ${JSON.stringify(unknown)}`);
                }
              }
            })}
            <Group justify="flex-end" mt="sm">
              <Button variant="default" onClick={() => setEditing(null)}>
                {t('app.cancel')}
              </Button>
              <Button type="submit" loading={busy}>
                {t('app.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}
