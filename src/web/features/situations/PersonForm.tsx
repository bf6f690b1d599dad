import { Select, SimpleGrid, TextInput } from '@mantine/core';
import type { PersonInput } from '../../../contracts/situations.ts';
import { CORRESPONDENCE_LANGUAGES, RESIDENCE_PERMITS, SEXES } from '../../../domain/situation/vocabulary.ts';
import { DateField } from '../../components/DateField.tsx';
import { fieldError } from '../../components/ErrorAlert.tsx';
import type { MessageKey } from '../../i18n/fr/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useDirectory } from '../organisations/use-directory.ts';
import { permitKey } from './labels.ts';

/** A new person; the correspondence language starts as the announcing user's (a German user writes in German). */
export const emptyPerson = (language: PersonInput['correspondenceLanguage']): PersonInput => ({
  navs13: '',
  officialName: '',
  firstNames: '',
  birthDate: '',
  sex: 'unknown',
  correspondenceLanguage: language,
  communeId: null,
  residencePermit: 'swiss',
  street: '',
  postalCode: '',
  locality: '',
  phone: '',
  email: '',
});

/** The person's identity (eCH-0044 fields) and contact; server field messages appear beside each field. */
export function PersonForm({
  value,
  onChange,
  error,
}: {
  value: PersonInput;
  onChange(v: PersonInput): void;
  error: unknown;
}) {
  const { t } = useI18n();
  const directory = useDirectory();
  const set = <K extends keyof PersonInput>(key: K, v: PersonInput[K]) => onChange({ ...value, [key]: v });
  const err = (path: string) => fieldError(error, `person.${path}`) ?? fieldError(error, path);
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <TextInput
        label={t('person.officialName')}
        required
        value={value.officialName}
        onChange={(e) => set('officialName', e.currentTarget.value)}
        error={err('officialName')}
      />
      <TextInput
        label={t('person.firstNames')}
        required
        value={value.firstNames}
        onChange={(e) => set('firstNames', e.currentTarget.value)}
        error={err('firstNames')}
      />
      <DateField
        label={t('person.birthDate')}
        value={value.birthDate}
        onChange={(v) => set('birthDate', v)}
        w={undefined}
        error={err('birthDate')}
        required
      />
      <TextInput
        label={t('person.navs13')}
        value={value.navs13}
        onChange={(e) => set('navs13', e.currentTarget.value)}
        error={err('navs13')}
        inputMode="numeric"
      />
      <Select
        label={t('person.sex')}
        allowDeselect={false}
        data={SEXES.map((s) => ({ value: s, label: t(`sex.${s}` as MessageKey) }))}
        value={value.sex}
        onChange={(v) => set('sex', (v ?? 'unknown') as PersonInput['sex'])}
        error={err('sex')}
      />
      <Select
        label={t('person.language')}
        allowDeselect={false}
        data={CORRESPONDENCE_LANGUAGES.map((s) => ({ value: s, label: t(`corr.${s}` as MessageKey) }))}
        required
        value={value.correspondenceLanguage}
        onChange={(v) => v && set('correspondenceLanguage', v as PersonInput['correspondenceLanguage'])}
        error={err('correspondenceLanguage')}
      />
      <Select
        label={t('person.commune')}
        searchable
        clearable
        data={(directory.data?.communes ?? []).map((c) => ({ value: c.id, label: `${c.name} (${c.bfsNumber})` }))}
        value={value.communeId}
        onChange={(v) => set('communeId', v)}
        error={err('communeId')}
      />
      <Select
        label={t('person.permit')}
        allowDeselect={false}
        data={RESIDENCE_PERMITS.map((s) => ({ value: s, label: t(permitKey(s)) }))}
        value={value.residencePermit}
        onChange={(v) => set('residencePermit', (v ?? 'swiss') as PersonInput['residencePermit'])}
        error={err('residencePermit')}
      />
      <TextInput
        label={t('person.street')}
        value={value.street}
        onChange={(e) => set('street', e.currentTarget.value)}
        error={err('street')}
      />
      <SimpleGrid cols={2}>
        <TextInput
          label={t('person.postalCode')}
          value={value.postalCode}
          onChange={(e) => set('postalCode', e.currentTarget.value)}
          error={err('postalCode')}
        />
        <TextInput
          label={t('person.locality')}
          value={value.locality}
          onChange={(e) => set('locality', e.currentTarget.value)}
          error={err('locality')}
        />
      </SimpleGrid>
      <TextInput
        label={t('person.phone')}
        value={value.phone}
        onChange={(e) => set('phone', e.currentTarget.value)}
        error={err('phone')}
      />
      <TextInput
        label={t('person.email')}
        value={value.email}
        onChange={(e) => set('email', e.currentTarget.value)}
        error={err('email')}
      />
    </SimpleGrid>
  );
}
