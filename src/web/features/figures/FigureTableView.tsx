import { Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useI18n } from '../../i18n/i18n.tsx';
import type { TableAnswer } from './use-figures.ts';

/** A table wider than the screen scrolls in its own box, which the keyboard must reach (WCAG 2.1.1, axe). */
export const FOCUSABLE_SCROLL = { viewportProps: { tabIndex: 0 } };

const NOWRAP = { whiteSpace: 'nowrap' } as const;

/** A table of counts with its totals; a hidden count reads "x" (and "masqué" / "unterdrückt" to a screen reader). */
export function FigureTableView({ table, caption }: { table: TableAnswer; caption?: string }) {
  const { t, lang } = useI18n();
  const cell = (v: number | null) =>
    v === null ? (
      <>
        <span aria-hidden>x</span>
        <VisuallyHidden>{t('figures.hidden')}</VisuallyHidden>
      </>
    ) : (
      v
    );
  const id = `table-${table.key}`;
  return (
    <section aria-labelledby={`${id}-title`} data-testid={id}>
      <Title order={4} size="h5" id={`${id}-title`}>
        {caption ?? table.label[lang]}
      </Title>
      <Text size="xs" c="gray.7" mb={4}>
        <Text span size="xs" fw={600}>
          {t('figures.howCounted')}
        </Text>{' '}
        {table.counted[lang]} {t('figures.source', { source: table.source[lang] })}
      </Text>
      <Table.ScrollContainer
        minWidth={Math.max(360, 140 + table.columns.length * 90)}
        scrollAreaProps={FOCUSABLE_SCROLL}
      >
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{table.rowHeading[lang]}</Table.Th>
              {table.columns.map((c) => (
                <Table.Th key={c.key} ta="right">
                  {c.label[lang]}
                </Table.Th>
              ))}
              <Table.Th ta="right">{t('figures.total')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {table.rows.map((r, i) => (
              <Table.Tr key={r.key}>
                <Table.Th scope="row" fw={500}>
                  {r.label[lang]}
                </Table.Th>
                {(table.cells[i] ?? []).map((v, j) => (
                  <Table.Td key={table.columns[j]?.key ?? j} ta="right" style={NOWRAP}>
                    {cell(v)}
                  </Table.Td>
                ))}
                <Table.Td ta="right" fw={600} style={NOWRAP}>
                  {cell(table.rowTotals[i] ?? null)}
                </Table.Td>
              </Table.Tr>
            ))}
            {table.totalsRow && (
              <Table.Tr>
                <Table.Th scope="row">{t('figures.total')}</Table.Th>
                {table.columnTotals.map((v, j) => (
                  <Table.Td key={table.columns[j]?.key ?? j} ta="right" fw={600} style={NOWRAP}>
                    {cell(v)}
                  </Table.Td>
                ))}
                <Table.Td ta="right" fw={700} style={NOWRAP} data-testid={`${id}-total`}>
                  {cell(table.total)}
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </section>
  );
}
