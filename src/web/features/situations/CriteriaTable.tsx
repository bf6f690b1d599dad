import { Group, Radio, Stack, Table, Text, Textarea } from '@mantine/core';
import { MAY_BE_NOT_APPLICABLE, type CriterionAnswer } from '../../../domain/situation/tandem-eligibility.ts';
import { fieldError } from '../../components/ErrorAlert.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { answerKey, criterionKey } from './labels.ts';

/** On screen a criterion starts unanswered: the Bureau answers each one itself (issue 11). */
export type CriterionDraft = Omit<CriterionAnswer, 'answer'> & { answer: CriterionAnswer['answer'] | null };

/**
 * The six tandem criteria, each answered and justified (seeds 002 and 003): in triage, and when a round table
 * orients to a tandem (issue 12).
 */
export function CriteriaTable({
  answers,
  onChange,
  error,
}: {
  answers: CriterionDraft[];
  onChange(i: number, patch: Partial<CriterionDraft>): void;
  error: unknown;
}) {
  const { t } = useI18n();
  return (
    <Stack gap="xs">
      <Text fw={600}>{t('triage.criteria')}</Text>
      <Table withTableBorder>
        <Table.Tbody>
          {answers.map((a, i) => (
            <Table.Tr key={a.criterion}>
              <Table.Td>
                <Radio.Group
                  label={`${i + 1}. ${t(criterionKey(a.criterion))}`}
                  value={a.answer}
                  required
                  onChange={(v) => onChange(i, { answer: v as CriterionAnswer['answer'] })}
                  error={fieldError(error, `eligibility.${a.criterion}`)}
                  data-testid={`answer-${a.criterion}`}
                >
                  <Group gap="sm" mt={4} wrap="wrap">
                    {/* "Sans objet" only where the rules allow it (one of the two regimes). */}
                    {(MAY_BE_NOT_APPLICABLE.includes(a.criterion)
                      ? (['met', 'not_met', 'not_applicable'] as const)
                      : (['met', 'not_met'] as const)
                    ).map((v) => (
                      <Radio key={v} value={v} label={t(answerKey(v))} size="xs" />
                    ))}
                  </Group>
                </Radio.Group>
                <Textarea
                  mt={6}
                  label={t('triage.justification')}
                  size="xs"
                  autosize
                  minRows={1}
                  value={a.justification}
                  onChange={(e) => onChange(i, { justification: e.currentTarget.value })}
                  required
                  error={
                    fieldError(error, `eligibility.${a.criterion}.justification`) ??
                    fieldError(error, `eligibility.${i}.justification`)
                  }
                  data-testid={`justification-${a.criterion}`}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
