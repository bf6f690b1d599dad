import { Badge, Table, Text } from '@mantine/core';
import type { TandemFile } from '../../../contracts/tandem.ts';
import type { IntensityStatus } from '../../../domain/tandem/intensity.ts';
import { monthLabel } from '../../../domain/tandem/monthly-report.ts';
import type { MessageKey } from '../../i18n/fr/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';

const INTENSITY_COLOR: Record<IntensityStatus, string> = {
  met: 'teal.9',
  on_track: 'teal.9',
  missed: 'red.9',
  behind: 'orange.9',
  to_hold: 'blue.9',
  upcoming: 'gray.7',
  not_required: 'gray.7',
};

/**
 * Month by month: meetings with the person against the prorated requirement, with the rule written out under the
 * table (`domain/tandem/intensity.ts`).
 */
export function IntensityView({ file }: { file: TandemFile }) {
  const { t, lang } = useI18n();
  return (
    <div data-testid="intensity">
      <Text fw={600} size="sm" mb={4}>
        {t('intensity.title')}
      </Text>
      <Table withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('intensity.monthHeader')}</Table.Th>
            <Table.Th scope="col">{t('intensity.requiredHeader')}</Table.Th>
            <Table.Th scope="col">{t('intensity.statusHeader')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {file.intensity.map((m) => (
            <Table.Tr key={m.month} data-testid={`intensity-${m.month}`}>
              <Table.Td>{monthLabel(m.month, lang)}</Table.Td>
              <Table.Td>{t('intensity.ofRequired', { n: m.meetingsWithPerson, required: m.required })}</Table.Td>
              <Table.Td>
                <Badge color={INTENSITY_COLOR[m.status]} styles={{ label: { overflow: 'visible' } }}>
                  {t(`intensity.${m.status}` as MessageKey)}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="gray.7" mt={4} data-testid="intensity-legend">
        {t('intensity.legend')}
      </Text>
    </div>
  );
}
