import { Button, Checkbox, Group, MultiSelect, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { User } from '../../../contracts/users.ts';
import { LANGUAGES, ROLES, type Language, type Role } from '../../../domain/access/roles.ts';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert.tsx';
import { useUsersText } from './users-text.ts';
import { useDirectory, useLocalName } from '../organisations/use-directory.ts';

export interface UserFormValues {
  username: string;
  email: string;
  phone: string;
  givenName: string;
  familyName: string;
  institutionId: string;
  officeId: string | null;
  regionId: string | null;
  roles: Role[];
  language: Language;
  disabled: boolean;
}

export const emptyUser: UserFormValues = {
  username: '',
  email: '',
  phone: '',
  givenName: '',
  familyName: '',
  institutionId: '',
  officeId: null,
  regionId: null,
  roles: ['field_professional'],
  language: 'fr',
  disabled: false,
};

export const formValuesOf = (u: User): UserFormValues => ({
  username: u.username,
  email: u.email,
  phone: u.phone,
  givenName: u.givenName,
  familyName: u.familyName,
  institutionId: u.institutionId,
  officeId: u.officeId,
  regionId: u.regionId,
  roles: u.roles,
  language: u.language,
  disabled: u.disabled,
});

/** Create or edit a user. What the user typed stays in the form when the server refuses it. */
export function UserForm(props: {
  initial: UserFormValues;
  isNew: boolean;
  canDisable: boolean;
  onSubmit(values: UserFormValues): Promise<void>;
  onCancel(): void;
}) {
  const { t } = useUsersText();
  const localName = useLocalName();
  const directory = useDirectory();
  const [values, setValues] = useState(props.initial);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof UserFormValues>(key: K, value: UserFormValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await props.onSubmit(values);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const err = (path: string) => fieldError(error, path);
  const institutions = directory.data?.institutions ?? [];
  const offices = (directory.data?.offices ?? []).filter((o) => o.institutionId === values.institutionId);

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <ErrorAlert error={error} />
        <TextInput
          label={t('users.username')}
          required
          disabled={!props.isNew}
          value={values.username}
          onChange={(e) => set('username', e.currentTarget.value)}
          error={err('username')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('users.givenName')}
            required
            value={values.givenName}
            onChange={(e) => set('givenName', e.currentTarget.value)}
            error={err('givenName')}
          />
          <TextInput
            label={t('users.familyName')}
            required
            value={values.familyName}
            onChange={(e) => set('familyName', e.currentTarget.value)}
            error={err('familyName')}
          />
        </SimpleGrid>
        <TextInput
          label={t('users.email')}
          type="email"
          required
          value={values.email}
          onChange={(e) => set('email', e.currentTarget.value)}
          error={err('email')}
        />
        <TextInput
          label={t('users.phone')}
          type="tel"
          value={values.phone}
          onChange={(e) => set('phone', e.currentTarget.value)}
          error={err('phone')}
        />
        <Select
          label={t('users.institution')}
          required
          searchable
          data={institutions.map((i) => ({ value: i.id, label: `${localName(i)} · ${t(`kind.${i.kind}`)}` }))}
          value={values.institutionId || null}
          onChange={(v) => setValues((s) => ({ ...s, institutionId: v ?? '', officeId: null }))}
          error={err('institutionId')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('users.office')}
            clearable
            data={offices.map((o) => ({ value: o.id, label: o.name }))}
            value={values.officeId}
            onChange={(v) => set('officeId', v)}
            error={err('officeId')}
          />
          <Select
            label={t('users.region')}
            clearable
            data={(directory.data?.regions ?? []).map((r) => ({ value: r.id, label: localName(r) }))}
            value={values.regionId}
            onChange={(v) => set('regionId', v)}
            error={err('regionId')}
          />
        </SimpleGrid>
        <MultiSelect
          label={t('users.roles')}
          required
          data={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          value={values.roles}
          onChange={(v) => set('roles', v as Role[])}
          error={err('roles')}
        />
        <Select
          label={t('users.language')}
          required
          data={LANGUAGES.map((l) => ({ value: l, label: t(`lang.${l}`) }))}
          value={values.language}
          onChange={(v) => set('language', (v ?? 'fr') as Language)}
          error={err('language')}
          allowDeselect={false}
        />
        {!props.isNew && (
          <Checkbox
            label={t('users.disable')}
            checked={values.disabled}
            disabled={!props.canDisable}
            onChange={(e) => set('disabled', e.currentTarget.checked)}
            error={err('disabled')}
          />
        )}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={props.onCancel}>
            {t('app.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {props.isNew ? t('app.create') : t('app.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
