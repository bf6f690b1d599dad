import { Stack, Tabs, Title } from '@mantine/core';
import { useNavigate, useParams } from 'react-router-dom';
import { INSTITUTION_KINDS, LANGUAGES } from '../../../domain/access/roles.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { CommuneImport } from './CommuneImport.tsx';
import { type FieldDef, OrganisationTab } from './OrganisationTab.tsx';
import { useDirectory, useLocalName } from './use-directory.ts';

const TABS = ['regions', 'institutions', 'offices', 'communes', 'import'] as const;

export function OrganisationsPage() {
  const { t } = useI18n();
  const localName = useLocalName();
  const directory = useDirectory();
  const params = useParams();
  const navigate = useNavigate();
  const tab = TABS.find((name) => name === params['*']) ?? 'regions';
  const d = directory.data;
  const regionOptions = (d?.regions ?? []).map((r) => ({ value: r.id, label: localName(r) }));
  const communeOptions = (d?.communes ?? []).map((c) => ({ value: c.id, label: `${c.name} (${c.bfsNumber})` }));
  const institutionOptions = (d?.institutions ?? []).map((i) => ({ value: i.id, label: localName(i) }));

  const fields: Record<Exclude<(typeof TABS)[number], 'import'>, FieldDef[]> = {
    regions: [
      { key: 'code', label: 'org.code', type: 'text', required: true },
      { key: 'nameFr', label: 'org.nameFr', type: 'text', required: true },
      { key: 'nameDe', label: 'org.nameDe', type: 'text', required: true },
      { key: 'active', label: 'org.active', type: 'checkbox' },
    ],
    institutions: [
      {
        key: 'kind',
        label: 'org.kind',
        type: 'select',
        required: true,
        options: INSTITUTION_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) })),
      },
      { key: 'nameFr', label: 'org.nameFr', type: 'text', required: true },
      { key: 'nameDe', label: 'org.nameDe', type: 'text', required: true },
      { key: 'regionId', label: 'org.region', type: 'select', options: regionOptions },
      { key: 'communeId', label: 'org.commune', type: 'select', options: communeOptions },
      { key: 'active', label: 'org.active', type: 'checkbox' },
    ],
    offices: [
      { key: 'institutionId', label: 'org.institution', type: 'select', required: true, options: institutionOptions },
      { key: 'name', label: 'org.name', type: 'text', required: true },
      { key: 'regionId', label: 'org.region', type: 'select', options: regionOptions },
      { key: 'address', label: 'org.address', type: 'text' },
      { key: 'active', label: 'org.active', type: 'checkbox' },
    ],
    communes: [
      { key: 'bfsNumber', label: 'org.bfsNumber', type: 'number', required: true },
      { key: 'name', label: 'org.name', type: 'text', required: true },
      { key: 'canton', label: 'org.canton', type: 'text', required: true },
      { key: 'district', label: 'org.district', type: 'text', required: true },
      {
        key: 'language',
        label: 'org.language',
        type: 'select',
        required: true,
        options: LANGUAGES.map((l) => ({ value: l, label: t(`lang.${l}`) })),
      },
      { key: 'regionId', label: 'org.region', type: 'select', options: regionOptions },
    ],
  };
  const defaults = {
    regions: { code: '', nameFr: '', nameDe: '', active: true },
    institutions: { kind: 'orp', nameFr: '', nameDe: '', regionId: null, communeId: null, active: true },
    offices: { institutionId: null, name: '', regionId: null, address: '', active: true },
    communes: { bfsNumber: null, name: '', canton: 'VS', district: '', language: 'fr', regionId: null },
  };
  const rows = { regions: d?.regions, institutions: d?.institutions, offices: d?.offices, communes: d?.communes };

  return (
    <Stack gap="md">
      <Title order={2}>{t('org.title')}</Title>
      <ErrorAlert error={directory.error} />
      <Loading when={directory.isLoading} />
      <Tabs value={tab} onChange={(v) => navigate(`/organisations/${v}`)} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="regions">{t('org.regions')}</Tabs.Tab>
          <Tabs.Tab value="institutions">{t('org.institutions')}</Tabs.Tab>
          <Tabs.Tab value="offices">{t('org.offices')}</Tabs.Tab>
          <Tabs.Tab value="communes">{t('org.communes')}</Tabs.Tab>
          <Tabs.Tab value="import">{t('org.import')}</Tabs.Tab>
        </Tabs.List>
        {(['regions', 'institutions', 'offices', 'communes'] as const).map((key) => (
          <Tabs.Panel key={key} value={key} pt="md">
            <OrganisationTab
              path={key}
              fields={fields[key]}
              rows={(rows[key] ?? []) as never}
              defaults={defaults[key]}
            />
          </Tabs.Panel>
        ))}
        <Tabs.Panel value="import" pt="md">
          <CommuneImport />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
