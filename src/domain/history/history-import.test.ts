import { describe, expect, it } from 'vitest';
import {
  HISTORY_COLUMNS,
  TEMPLATE_EXAMPLES,
  historyRowChanges,
  parseCsv,
  parseDay,
  parseHistoryRow,
  parseHistoryTable,
} from './history-import.ts';

/** The history import (issue 13; seed 004 "ASGAL", seed 000 tandems since 2011): the template and its checks. */
const ctx = {
  regionCodes: ['SION', 'MONTHEY', 'BRIG'],
  institutionKinds: ['orp', 'cms', 'sas'] as const,
  today: '2026-11-30',
};
const c = { ...ctx, institutionKinds: [...ctx.institutionKinds] };
const keysOf = (raw: Record<string, string>) => parseHistoryRow(raw, c).problems.map((p) => `${p.column}:${p.key}`);
const tandem = TEMPLATE_EXAMPLES[0] as Record<string, string>;

describe('reading a day', () => {
  it('takes yyyy-mm-dd and dd.mm.yyyy, refuses a day that does not exist', () => {
    expect(parseDay('2012-02-29')).toBe('2012-02-29');
    expect(parseDay('1.3.2012')).toBe('2012-03-01');
    expect(parseDay('2013-02-29')).toBeNull();
    expect(parseDay('31.04.2012')).toBeNull();
    expect(parseDay('March 2012')).toBeNull();
  });
});

describe('a row of the template', () => {
  it('the template’s examples are all accepted', () => {
    for (const raw of TEMPLATE_EXAMPLES) expect(parseHistoryRow(raw, c).problems, raw.external_key).toEqual([]);
  });

  it('a tandem with its insertion and its follow-ups (seed 000: durable insertions)', () => {
    const { row } = parseHistoryRow(tandem, c);
    expect(row).toEqual({
      externalKey: 'ASGAL-2012-001',
      announcedOn: '2012-02-01',
      decidedOn: '2012-02-15',
      regionCode: 'SION',
      institutionKind: 'orp',
      decision: 'taken_into_care',
      passages: [{ kind: 'tandem', startedOn: '2012-03-01', endedOn: '2012-09-14', outcome: 'inserted' }],
      followUp6: true,
      followUp12: true,
    });
  });

  it('a round table oriented to a network follow-up: two passages, one after the other', () => {
    const { row } = parseHistoryRow(TEMPLATE_EXAMPLES[1] as Record<string, string>, c);
    expect(row?.passages.map((p) => [p.kind, p.endedOn, p.outcome])).toEqual([
      ['round_table', '2012-05-10', 'oriented_network_follow_up'],
      ['network_follow_up', '2012-11-30', 'followed_by_institution'],
    ]);
  });

  it('the history is what has ended: an undecided situation or a care still going on is entered live', () => {
    expect(keysOf({ ...tandem, decision: '', decided_on: '' })).toEqual(['decision:history.required']);
    expect(keysOf({ ...tandem, care1_ended_on: '', care1_outcome: '' })).toContain('care1_ended_on:history.stillOpen');
  });

  it('says why a row is refused, field by field', () => {
    expect(keysOf({})).toEqual([
      'external_key:history.required',
      'announced_on:history.required',
      'region:history.required',
      'institution_kind:history.required',
      'decision:history.required',
    ]);
    expect(keysOf({ ...tandem, region: 'GENEVE' })).toEqual(['region:history.region']);
    expect(keysOf({ ...tandem, institution_kind: 'bank' })).toEqual(['institution_kind:history.institutionKind']);
    expect(keysOf({ ...tandem, institution_kind: 'oai' })).toEqual(['institution_kind:history.noInstitution']);
    expect(keysOf({ ...tandem, announced_on: '2012-02-30' })).toEqual(['announced_on:history.date']);
    expect(keysOf({ ...tandem, announced_on: '2027-01-01' })).toContain('announced_on:history.dateRange');
    expect(keysOf({ ...tandem, decided_on: '2012-01-01' })).toContain('decided_on:history.decidedBeforeAnnounced');
    expect(keysOf({ ...tandem, care1_outcome: 'won_the_lottery' })).toContain('care1_outcome:history.outcome');
    expect(keysOf({ ...tandem, care1_outcome: '' })).toContain('care1_outcome:history.outcomeMissing');
    expect(keysOf({ ...tandem, care1_ended_on: '2012-02-01' })).toContain('care1_ended_on:history.endedBeforeStarted');
    expect(keysOf({ ...tandem, care1_kind: 'holiday' })).toContain('care1_kind:history.careKind');
    expect(keysOf({ ...tandem, decision: 'refused' })).toContain('decision:history.careWithoutDecision');
    expect(keysOf({ ...tandem, external_key: 'a key with spaces' })).toEqual(['external_key:history.externalKey']);
    expect(
      keysOf({
        ...tandem,
        care2_kind: 'network_follow_up',
        care2_started_on: '2012-09-01',
        care2_ended_on: '2012-10-01',
        care2_outcome: 'other',
      }),
    ).toContain('care2_started_on:history.startedBeforePrevious');
    expect(keysOf({ ...tandem, care1_outcome: 'lack_of_cooperation' })).toContain(
      'follow_up_6_months:history.followUpWithoutInsertion',
    );
  });
});

describe('a whole file', () => {
  const header = [...HISTORY_COLUMNS];
  const line = (raw: Record<string, string>) => header.map((h) => raw[h] ?? '');
  it('imports the good rows, lists every refused one with its line, and a key seen twice', () => {
    const parsed = parseHistoryTable(
      [
        header,
        line(tandem),
        line({ ...tandem, external_key: 'ASGAL-X', region: 'NOWHERE' }),
        [],
        line(tandem),
        line(TEMPLATE_EXAMPLES[2] as Record<string, string>),
      ],
      c,
    );
    expect(parsed.fileProblems).toEqual([]);
    expect(parsed.rows.map((r) => [r.line, r.row.externalKey])).toEqual([
      [2, 'ASGAL-2012-001'],
      [6, 'ASGAL-2012-003'],
    ]);
    expect(parsed.rejected.map((r) => [r.line, r.externalKey, r.problems.map((p) => p.key)])).toEqual([
      [3, 'ASGAL-X', ['history.region']],
      [5, 'ASGAL-2012-001', ['history.duplicate']],
    ]);
  });

  it('a missing or unknown column refuses the file', () => {
    const parsed = parseHistoryTable(
      [
        ['external_key', 'announced', 'region'],
        ['A', '2012-01-01', 'SION'],
      ],
      c,
    );
    expect(parsed.fileProblems.map((p) => `${p.column}:${p.key}`)).toEqual([
      'announced_on:history.columnMissing',
      'decided_on:history.columnMissing',
      'institution_kind:history.columnMissing',
      'decision:history.columnMissing',
      'announced:history.columnUnknown',
    ]);
    expect(parseHistoryTable([header], c).fileProblems.map((p) => p.key)).toEqual(['history.noRows']);
  });
});

describe('CSV', () => {
  it('reads semicolons (Swiss Excel), commas, quotes, doubled quotes, CRLF and the BOM', () => {
    expect(parseCsv('\uFEFFa;b;c\r\n1;"x;y";"say ""hi"""\r\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', 'x;y', 'say "hi"'],
    ]);
    expect(parseCsv('a,b\n1,"line\nbreak"')).toEqual([
      ['a', 'b'],
      ['1', 'line\nbreak'],
    ]);
  });
});

describe('correcting a row imported before (decision 025)', () => {
  it('names the columns that differ; the same row is unchanged', () => {
    const row = parseHistoryRow(tandem, c).row;
    if (!row) throw new Error('the template example imports');
    expect(historyRowChanges(row, { ...row, regionCode: row.regionCode.toLowerCase() })).toEqual([]);
    const ended = row.passages.map((p) => ({ ...p, outcome: 'lack_of_cooperation' as const }));
    expect(historyRowChanges(row, { ...row, decidedOn: '2012-01-02', passages: ended, followUp6: null })).toEqual([
      'decided_on',
      'care',
      'follow_up_6_months',
    ]);
  });
});
