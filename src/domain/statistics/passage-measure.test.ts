import { describe, expect, it } from 'vitest';
import { type PassageAtEnd, passageMeasure } from './passage-measure.ts';

const passage = (o: Partial<PassageAtEnd>): PassageAtEnd => ({
  careKind: 'tandem',
  status: 'active',
  outcome: null,
  ended: null,
  met: null,
  began: null,
  ...o,
});

describe('a passage at the end of the period (issue 13)', () => {
  it('is its outcome when it ended by then, "other" without one', () => {
    expect(passageMeasure(passage({ ended: true, outcome: 'inserted', status: 'ended' }))).toBe('ended:inserted');
    expect(passageMeasure(passage({ ended: true, careKind: 'round_table', status: 'ended' }))).toBe('ended:other');
  });

  it('is its own state while it is still open', () => {
    expect(passageMeasure(passage({ status: 'waiting_tandem' }))).toBe('open:waiting_tandem');
    expect(passageMeasure(passage({ careKind: 'assessment', status: 'convened', met: true }))).toBe('open:convened');
  });

  it('is the state its dates tell when it ended after the period', () => {
    const later = { ended: false, status: 'ended', outcome: 'inserted' } as const;
    expect(passageMeasure(passage({ ...later, began: true }))).toBe('open:active');
    expect(passageMeasure(passage({ ...later, began: false }))).toBe('open:waiting_tandem');
    expect(passageMeasure(passage({ ...later, began: null }))).toBe('open:waiting_tandem');
    expect(passageMeasure(passage({ ...later, careKind: 'network_follow_up' }))).toBe('open:active');
    expect(passageMeasure(passage({ ...later, careKind: 'assessment', met: true }))).toBe('open:in_execution');
    expect(passageMeasure(passage({ ...later, careKind: 'round_table', met: true }))).toBe('open:held');
    expect(passageMeasure(passage({ ...later, careKind: 'round_table', met: false }))).toBe('open:scheduled');
    expect(passageMeasure(passage({ ...later, careKind: 'assessment', met: false }))).toBe('open:scheduled');
    expect(passageMeasure(passage({ ...later, careKind: 'assessment' }))).toBe('open:to_organise');
    expect(passageMeasure(passage({ ...later, careKind: 'round_table' }))).toBe('open:in_preparation');
  });
});
