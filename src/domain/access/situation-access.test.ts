import { describe, expect, it } from 'vitest';
import type { DataCategory } from '../consent/consent.ts';
import { can } from './policy.ts';
import type { Actor, Role } from './roles.ts';
import { type SituationFacts, bureauRegions, visibleCategories } from './situation-access.ts';

/**
 * The situation rules of decision 005, one row per relation an actor can have
 * to a file. Each row says what the policy must answer; the parity test
 * (access-parity.int.test.ts) then holds the SQL to the same answers.
 */
const NOW = new Date('2026-06-15T10:00:00Z');
const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(NOW.getTime() - n * DAY);

const actor = (userId: string, institutionId: string, roles: Role[], regionId: string | null = null): Actor => ({
  userId,
  institutionId,
  regionId,
  roles,
});
const ALL: DataCategory[] = ['identity', 'social_situation', 'employment', 'measures'];

const facts = (over: Partial<SituationFacts> = {}): SituationFacts => ({
  id: 's1',
  status: 'tandem',
  regionId: 'sion',
  announcingUserId: 'announcer',
  announcingInstitutionId: 'orp',
  anonymous: false,
  imported: false,
  basis: new Map([
    ['orp', new Set(ALL)],
    ['bureau', new Set(ALL)],
    ['cms', new Set<DataCategory>(['identity', 'employment'])],
  ]),
  caseTeam: [],
  mandate: null,
  careParticipants: [],
  now: NOW,
  graceDays: 90,
  ...over,
});

const mandate = (over: Partial<NonNullable<SituationFacts['mandate']>> = {}) => ({
  memberIds: new Set(['tandem.orp', 'tandem.cms']),
  closedAt: null,
  handedBackAt: null,
  holderUserId: 'tandem.orp',
  ...over,
});

interface Row {
  who: string;
  a: Actor;
  s: SituationFacts;
  read: boolean;
  identity: boolean;
}

const rows: Row[] = [
  {
    who: 'the announcer',
    a: actor('announcer', 'orp', ['field_professional']),
    s: facts(),
    read: true,
    identity: true,
  },
  {
    who: 'whoever imported a situation of the earlier records (decision 025): not its announcer',
    a: actor('announcer', 'orp', ['admin']),
    s: facts({ imported: true, anonymous: true, basis: new Map(), status: 'closed' }),
    read: false,
    identity: false,
  },
  {
    who: 'the announcer of a draft',
    a: actor('announcer', 'orp', ['field_professional']),
    s: facts({ status: 'draft' }),
    read: true,
    identity: true,
  },
  {
    who: 'the announcer after moving to another institution, not named',
    a: actor('announcer', 'oai', ['field_professional']),
    s: facts(),
    read: true,
    identity: false,
  },
  {
    who: 'a colleague of the announcer, off the case team',
    a: actor('colleague', 'orp', ['field_professional']),
    s: facts(),
    read: false,
    identity: false,
  },
  {
    who: 'a colleague on the case team',
    a: actor('colleague', 'orp', ['field_professional']),
    s: facts({ caseTeam: [{ userId: 'colleague', removedAt: null }] }),
    read: true,
    identity: true,
  },
  {
    who: 'a case-team member whose institution is not named',
    a: actor('osp.pro', 'osp', ['field_professional']),
    s: facts({ caseTeam: [{ userId: 'osp.pro', removedAt: null }] }),
    read: false,
    identity: false,
  },
  {
    who: 'a case-team member who left 89 days ago',
    a: actor('colleague', 'orp', ['field_professional']),
    s: facts({ caseTeam: [{ userId: 'colleague', removedAt: daysAgo(89) }] }),
    read: true,
    identity: true,
  },
  {
    who: 'a case-team member who left 91 days ago',
    a: actor('colleague', 'orp', ['field_professional']),
    s: facts({ caseTeam: [{ userId: 'colleague', removedAt: daysAgo(91) }] }),
    read: false,
    identity: false,
  },
  {
    who: 'the SMR doctor taking part in the assessment, OAI named: neither the file nor who it is (issue 12)',
    a: actor('smr', 'oai', ['smr_doctor']),
    s: facts({
      basis: new Map([['oai', new Set<DataCategory>(['identity', 'health'])]]),
      careParticipants: [{ userId: 'smr', institutionId: 'oai', role: 'smr_doctor', endedAt: null }],
    }),
    read: false,
    identity: false,
  },
  {
    who: 'the SMR doctor taking part, OAI not named: nothing of the file',
    a: actor('smr', 'oai', ['smr_doctor']),
    s: facts({ careParticipants: [{ userId: 'smr', institutionId: 'oai', role: 'smr_doctor', endedAt: null }] }),
    read: false,
    identity: false,
  },
  {
    who: 'an SMR doctor who does not take part',
    a: actor('smr2', 'oai', ['smr_doctor']),
    s: facts({
      basis: new Map([['oai', new Set<DataCategory>(['identity', 'health'])]]),
      careParticipants: [{ userId: 'smr', institutionId: 'oai', role: 'smr_doctor', endedAt: null }],
    }),
    read: false,
    identity: false,
  },
  {
    who: 'a round-table participant 91 days after it ended',
    a: actor('osp.pro', 'osp', ['field_professional']),
    s: facts({
      careParticipants: [{ userId: 'osp.pro', institutionId: 'osp', role: 'professional', endedAt: daysAgo(91) }],
    }),
    read: false,
    identity: false,
  },
  {
    who: 'a round-table participant 89 days after it ended',
    a: actor('osp.pro', 'osp', ['field_professional']),
    s: facts({
      careParticipants: [{ userId: 'osp.pro', institutionId: 'osp', role: 'professional', endedAt: daysAgo(89) }],
    }),
    read: true,
    identity: false,
  },
  {
    who: 'the répondant CII of an institution taking part, not named',
    a: actor('rep', 'osp', ['cii_correspondent']),
    s: facts({ careParticipants: [{ userId: 'osp.pro', institutionId: 'osp', role: 'professional', endedAt: null }] }),
    read: true,
    identity: false,
  },
  {
    who: 'a colleague of a participant (not répondant)',
    a: actor('colleague2', 'osp', ['field_professional']),
    s: facts({ careParticipants: [{ userId: 'osp.pro', institutionId: 'osp', role: 'professional', endedAt: null }] }),
    read: false,
    identity: false,
  },
  {
    who: 'a participant of a draft (never so, but no access before announcement)',
    a: actor('osp.pro', 'osp', ['field_professional']),
    s: facts({
      status: 'draft',
      careParticipants: [{ userId: 'osp.pro', institutionId: 'osp', role: 'professional', endedAt: null }],
    }),
    read: false,
    identity: false,
  },
  {
    who: 'the répondant CII of a named institution',
    a: actor('rep', 'cms', ['cii_correspondent']),
    s: facts(),
    read: true,
    identity: true,
  },
  {
    who: 'the répondant CII of an institution not named',
    a: actor('rep', 'oai', ['cii_correspondent']),
    s: facts(),
    read: false,
    identity: false,
  },
  {
    who: 'the répondant of a named institution, on a draft',
    a: actor('rep', 'cms', ['cii_correspondent']),
    s: facts({ status: 'draft' }),
    read: false,
    identity: false,
  },
  {
    who: 'the répondant of a named institution, anonymous announcement',
    a: actor('rep', 'cms', ['cii_correspondent']),
    s: facts({ anonymous: true, basis: new Map() }),
    read: false,
    identity: false,
  },
  {
    who: 'the coordinator of the region, Bureau named',
    a: actor('coord', 'bureau', ['regional_coordinator', 'bureau_member'], 'sion'),
    s: facts(),
    read: true,
    identity: true,
  },
  {
    who: 'the coordinator of the region, Bureau not named',
    a: actor('coord', 'bureau', ['regional_coordinator', 'bureau_member'], 'sion'),
    s: facts({ basis: new Map([['orp', new Set(ALL)]]) }),
    read: true,
    identity: false,
  },
  {
    who: 'the coordinator of another region',
    a: actor('coord.m', 'bureau', ['regional_coordinator', 'bureau_member'], 'monthey'),
    s: facts(),
    read: false,
    identity: false,
  },
  {
    who: 'a coordinator without a region (fails closed)',
    a: actor('coord.x', 'bureau', ['regional_coordinator', 'bureau_member'], null),
    s: facts(),
    read: false,
    identity: false,
  },
  {
    who: 'the cantonal Bureau (no region)',
    a: actor('officer', 'bureau', ['bureau_member']),
    s: facts(),
    read: true,
    identity: true,
  },
  {
    who: 'the Bureau on a draft',
    a: actor('officer', 'bureau', ['bureau_member']),
    s: facts({ status: 'draft' }),
    read: false,
    identity: false,
  },
  {
    who: 'an administrator of the Bureau institution',
    a: actor('admin', 'bureau', ['admin']),
    s: facts(),
    read: false,
    identity: false,
  },
  {
    who: 'a statistics reader of a named institution',
    a: actor('stats', 'bureau', ['statistics_reader']),
    s: facts(),
    read: false,
    identity: false,
  },
  {
    who: 'a decider of a named institution',
    a: actor('commune', 'cms', ['commune_approver']),
    s: facts(),
    read: false,
    identity: false,
  },
  {
    who: 'a tandem member, mandate open',
    a: actor('tandem.cms', 'cms', ['tandem_member']),
    s: facts({ mandate: mandate() }),
    read: true,
    identity: true,
  },
  {
    who: 'a tandem member whose institution is not named',
    a: actor('tandem.cms', 'cms2', ['tandem_member']),
    s: facts({ mandate: mandate() }),
    read: true,
    identity: false,
  },
  {
    who: 'a tandem member 89 days after closure',
    a: actor('tandem.cms', 'cms', ['tandem_member']),
    s: facts({ mandate: mandate({ closedAt: daysAgo(89) }) }),
    read: true,
    identity: true,
  },
  {
    who: 'a tandem member 91 days after closure',
    a: actor('tandem.cms', 'cms', ['tandem_member']),
    s: facts({ mandate: mandate({ closedAt: daysAgo(91), holderUserId: 'announcer' }) }),
    read: false,
    identity: false,
  },
  {
    who: 'a tandem member 91 days after closure, 10 after the hand-back',
    a: actor('tandem.cms', 'cms', ['tandem_member']),
    s: facts({ mandate: mandate({ closedAt: daysAgo(91), handedBackAt: daysAgo(10), holderUserId: 'announcer' }) }),
    read: true,
    identity: true,
  },
  {
    who: 'the lead still holding the file long after closure',
    a: actor('tandem.orp', 'orp', ['tandem_member']),
    s: facts({ mandate: mandate({ closedAt: daysAgo(400) }) }),
    read: true,
    identity: true,
  },
  {
    who: 'a member of another tandem',
    a: actor('other.tandem', 'orp', ['tandem_member']),
    s: facts({ mandate: mandate() }),
    read: false,
    identity: false,
  },
  { who: 'a stranger', a: actor('x', 'suva', ['field_professional']), s: facts(), read: false, identity: false },
];

describe('who reads a situation and who sees the person (decision 005)', () => {
  it.each(rows)('$who: read $read, identity $identity', ({ a, s, read, identity }) => {
    expect(can(a, 'read', { type: 'situation', ...s })).toBe(read);
    expect(can(a, 'read_identity', { type: 'situation', ...s })).toBe(identity);
  });

  it('never shows the identity to someone who may not read the file', () => {
    for (const r of rows) if (r.identity) expect(r.read, r.who).toBe(true);
  });

  it('a coordinator without a region coordinates nothing; a cantonal Bureau member, every region', () => {
    expect(bureauRegions(actor('c', 'bureau', ['regional_coordinator'], null))).toEqual([]);
    expect(bureauRegions(actor('c', 'bureau', ['regional_coordinator', 'bureau_member'], 'sion'))).toEqual(['sion']);
    expect(bureauRegions(actor('c', 'bureau', ['bureau_member'], null))).toBe('all');
    expect(bureauRegions(actor('c', 'bureau', ['admin'], null))).toBeNull();
  });
});

describe('what else follows from reading', () => {
  it('records a procuration and adds documents only with the identity', () => {
    const coordNotNamed = actor('coord', 'bureau', ['regional_coordinator', 'bureau_member'], 'sion');
    const expired = facts({ basis: new Map([['orp', new Set(ALL)]]) });
    expect(can(coordNotNamed, 'manage_consent', { type: 'situation', ...expired })).toBe(false);
    expect(can(coordNotNamed, 'attach', { type: 'situation', ...expired })).toBe(false);
    expect(can(coordNotNamed, 'manage_consent', { type: 'situation', ...facts() })).toBe(true);
    expect(
      can(actor('announcer', 'orp', ['field_professional']), 'manage_consent', {
        type: 'situation',
        ...facts({ anonymous: true, basis: new Map() }),
      }),
    ).toBe(false);
  });

  it('the announcer alone edits and announces a draft or a refused announcement, nothing later', () => {
    const announcer = actor('announcer', 'orp', ['field_professional']);
    const colleague = actor('colleague', 'orp', ['field_professional', 'cii_correspondent']);
    const coord = actor('coord', 'bureau', ['regional_coordinator'], 'sion');
    for (const status of ['draft', 'refused']) {
      const s = { type: 'situation' as const, ...facts({ status }) };
      expect(can(announcer, 'update', s)).toBe(true);
      expect(can(announcer, 'announce', s)).toBe(true);
      expect(can(colleague, 'update', s)).toBe(false);
      expect(can(coord, 'announce', s)).toBe(false);
    }
    for (const status of ['announced', 'under_review', 'tandem', 'closed']) {
      expect(can(announcer, 'update', { type: 'situation', ...facts({ status }) })).toBe(false);
    }
  });

  it("the announcer and the region's Bureau manage the case team; a tandem coaches while its mandate is open", () => {
    const s = facts({ mandate: mandate() });
    expect(
      can(actor('announcer', 'orp', ['field_professional']), 'manage_case_team', { type: 'situation', ...s }),
    ).toBe(true);
    expect(
      can(actor('coord', 'bureau', ['regional_coordinator'], 'sion'), 'manage_case_team', { type: 'situation', ...s }),
    ).toBe(true);
    expect(can(actor('rep', 'cms', ['cii_correspondent']), 'manage_case_team', { type: 'situation', ...s })).toBe(
      false,
    );
    expect(can(actor('tandem.cms', 'cms', ['tandem_member']), 'coach', { type: 'situation', ...s })).toBe(true);
    expect(
      can(actor('tandem.cms', 'cms', ['tandem_member']), 'coach', {
        type: 'situation',
        ...facts({ mandate: mandate({ closedAt: daysAgo(1) }) }),
      }),
    ).toBe(false);
  });

  it('shows each institution the categories its procurations grant; the announcing institution sees everything', () => {
    expect([...visibleCategories(actor('rep', 'cms', ['cii_correspondent']), facts())].sort()).toEqual([
      'employment',
      'identity',
    ]);
    expect(visibleCategories(actor('announcer', 'orp', ['field_professional']), facts()).has('health')).toBe(true);
    expect(
      visibleCategories(actor('coord', 'bureau', ['regional_coordinator'], 'sion'), facts({ basis: new Map() })).size,
    ).toBe(0);
  });

  it("the SMR doctor of an assessment sees its medical part under the procuration's health category only", () => {
    const smr = actor('smr', 'oai', ['smr_doctor']);
    const taking = { careParticipants: [{ userId: 'smr', institutionId: 'oai', role: 'smr_doctor', endedAt: null }] };
    const withHealth = new Map([['oai', new Set<DataCategory>(['identity', 'health', 'employment'])]]);
    expect([...visibleCategories(smr, facts({ ...taking, basis: withHealth }))]).toEqual(['health']);
    expect(visibleCategories(smr, facts({ ...taking })).size).toBe(0);
    expect(visibleCategories(smr, facts({ basis: withHealth })).size).toBe(0);
    const resource = { type: 'situation' as const, ...facts({ ...taking, basis: withHealth }) };
    expect(can(smr, 'read_assessment', resource)).toBe(true);
    for (const action of ['read', 'read_identity', 'manage_consent', 'attach'] as const)
      expect(can(smr, action, resource), action).toBe(false);
    // Taking part in another role does not make the SMR doctor a reader of the file either.
    const asProfessional = { careParticipants: [{ ...taking.careParticipants[0]!, role: 'professional' }] };
    expect(can(actor('x', 'osp', ['field_professional']), 'read_assessment', { type: 'situation', ...facts() })).toBe(
      false,
    );
    expect(can(actor('smr', 'oai', ['smr_doctor']), 'read', { type: 'situation', ...facts(asProfessional) })).toBe(
      true,
    );
  });

  it('a decider sees who the person is only where a valid procuration names its institution', () => {
    const sas = actor('sas', 'sas-inst', ['sas_reviewer']);
    const step = { type: 'measure_step' as const, step: 'sas' as const, communeId: null, actorCommuneId: null };
    expect(can(sas, 'read', step)).toBe(true);
    expect(can(sas, 'read_identity', { ...step, basis: new Set(['orp']) })).toBe(false);
    expect(can(sas, 'read_identity', { ...step, basis: new Set(['sas-inst']) })).toBe(true);
    expect(
      can(actor('lmmt', 'sas-inst', ['measures_decider']), 'read_identity', { ...step, basis: new Set(['sas-inst']) }),
    ).toBe(false);
  });
});
