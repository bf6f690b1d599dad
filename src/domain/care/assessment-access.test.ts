import { describe, expect, it } from 'vitest';
import { can } from '../access/policy.ts';
import type { Actor, Role } from '../access/roles.ts';
import type { SituationFacts } from '../access/situation-access.ts';
import type { DataCategory } from '../consent/consent.ts';
import type { AssessmentFacts } from './assessment-access.ts';
import { isSmrReader } from './assessment-access.ts';

/**
 * Who does what in a MAMAC (seed 004 §6): the Bureau organises and checks conformity, the team writes, each party
 * accepts for itself, the person's signature is recorded by the Bureau or the case manager, the SMR doctor only reads.
 */
const NOW = new Date('2026-06-15T10:00:00Z');
const actor = (userId: string, institutionId: string, roles: Role[], regionId: string | null = null): Actor => ({
  userId,
  institutionId,
  regionId,
  roles,
});
const ALL: DataCategory[] = ['identity', 'social_situation', 'employment', 'measures', 'health'];
const participants = [
  { userId: 'coord', institutionId: 'bureau', role: 'bureau' },
  { userId: 'orp.rep', institutionId: 'orp', role: 'correspondent' },
  { userId: 'cms.pro', institutionId: 'cms', role: 'professional' },
  { userId: 'smr', institutionId: 'oai', role: 'smr_doctor' },
];
const situation: SituationFacts = {
  id: 's1',
  status: 'assessment',
  regionId: 'sion',
  announcingUserId: 'orp.pro',
  announcingInstitutionId: 'orp',
  anonymous: false,
  imported: false,
  basis: new Map(['orp', 'bureau', 'cms', 'oai'].map((i) => [i, new Set(ALL)])),
  caseTeam: [],
  mandate: null,
  careParticipants: participants.map((p) => ({
    userId: p.userId,
    institutionId: p.institutionId,
    role: p.role,
    endedAt: null,
  })),
  now: NOW,
  graceDays: 90,
};
const facts = (party?: string): AssessmentFacts => ({
  situation,
  participants,
  caseManagerInstitutionId: 'cms',
  ...(party === undefined ? {} : { party }),
});
const coord = actor('coord', 'bureau', ['regional_coordinator', 'bureau_member'], 'sion');
const otherCoord = actor('coord.m', 'bureau', ['regional_coordinator', 'bureau_member'], 'monthey');
const orpRep = actor('orp.rep', 'orp', ['cii_correspondent']);
const cmsPro = actor('cms.pro', 'cms', ['field_professional']);
const smr = actor('smr', 'oai', ['smr_doctor']);
const on = (a: Actor, action: Parameters<typeof can>[1], party?: string) =>
  can(a, action, { type: 'assessment', ...facts(party) });

describe('who does what in a MAMAC assessment (seed 004 §6)', () => {
  it('the Bureau of the region organises and checks conformity; another region’s Bureau does nothing', () => {
    expect(on(coord, 'organise_assessment')).toBe(true);
    expect(on(coord, 'check_conformity')).toBe(true);
    expect(on(orpRep, 'organise_assessment')).toBe(false);
    expect(on(orpRep, 'check_conformity')).toBe(false);
    for (const action of ['organise_assessment', 'write_contract', 'check_conformity', 'manage_assessment'] as const)
      expect(on(otherCoord, action), action).toBe(false);
  });
  it('each party accepts for itself; the person’s signature is recorded by the Bureau or the case manager', () => {
    expect(on(orpRep, 'accept_contract', 'orp')).toBe(true);
    expect(on(orpRep, 'accept_contract', 'cms')).toBe(false);
    expect(on(cmsPro, 'accept_contract', 'cms')).toBe(true);
    expect(on(coord, 'accept_contract', 'person')).toBe(true);
    expect(on(cmsPro, 'accept_contract', 'person')).toBe(true);
    expect(on(orpRep, 'accept_contract', 'person')).toBe(false);
    expect(on(orpRep, 'accept_contract')).toBe(false);
  });
  it('the case manager follows and closes; the SMR doctor reads the medical part and does nothing else', () => {
    expect(on(cmsPro, 'manage_assessment')).toBe(true);
    expect(on(orpRep, 'manage_assessment')).toBe(false);
    expect(isSmrReader(smr, facts())).toBe(true);
    expect(isSmrReader(coord, facts())).toBe(false);
    for (const action of ['organise_assessment', 'write_contract', 'check_conformity', 'manage_assessment'] as const)
      expect(on(smr, action), action).toBe(false);
    expect(on(smr, 'accept_contract', 'oai')).toBe(false);
  });
});
