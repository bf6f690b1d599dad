import type { MessageKey } from '../../i18n/fr/index.ts';

/** Keys of the vocabulary labels, typed so a missing translation fails the typecheck. */
export const statusKey = (s: string) => `status.${s}` as MessageKey;
export const careKey = (s: string) => `care.${s}` as MessageKey;
export const riskKey = (s: string) => `risk.${s}` as MessageKey;
export const targetKey = (s: string) => `target.${s}` as MessageKey;
export const ageKey = (s: string) => `age.${s}` as MessageKey;
export const categoryKey = (s: string) => `category.${s}` as MessageKey;
export const criterionKey = (s: string) => `criterion.${s}` as MessageKey;
export const answerKey = (s: string) => `answer.${s}` as MessageKey;
export const eventKey = (s: string) => `event.${s}` as MessageKey;
export const permitKey = (s: string) => `permit.${s}` as MessageKey;
