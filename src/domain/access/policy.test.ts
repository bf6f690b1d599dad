import { describe, expect, it } from 'vitest';
import { actorAbilities, can, figuresRegions, userAbilities, userListScope } from './policy.ts';
import { ROLES, type Actor, type Role } from './roles.ts';

const actor = (roles: Role[], institutionId = 'inst-a', userId = 'me'): Actor => ({
  userId,
  institutionId,
  regionId: null,
  roles,
});
const userIn = (institutionId: string, id = 'other') => ({ type: 'user' as const, id, institutionId });

describe('access policy', () => {
  it('denies by default: an actor without roles may only read their own user record and the directory', () => {
    const nobody = actor([]);
    expect(can(nobody, 'read', userIn('inst-a', 'me'))).toBe(true);
    expect(can(nobody, 'read', userIn('inst-a'))).toBe(false);
    expect(can(nobody, 'update', userIn('inst-a', 'me'))).toBe(false);
    expect(can(nobody, 'read', { type: 'organisation' })).toBe(true);
    expect(can(nobody, 'manage', { type: 'organisation' })).toBe(false);
    expect(can(nobody, 'read', { type: 'audit_log' })).toBe(false);
  });

  it('gives administration to admins only, whatever other roles a user holds', () => {
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      const a = actor([role]);
      expect(can(a, 'create', userIn('inst-a')), role).toBe(false);
      expect(can(a, 'manage', { type: 'organisation' }), role).toBe(false);
      expect(can(a, 'verify', { type: 'audit_log' }), role).toBe(false);
    }
    const admin = actor(['admin']);
    expect(can(admin, 'update', userIn('inst-z'))).toBe(true);
    expect(can(admin, 'verify', { type: 'audit_log' })).toBe(true);
  });

  it('lets a CII correspondent read the users of their own institution, not others', () => {
    const c = actor(['cii_correspondent']);
    expect(can(c, 'read', userIn('inst-a'))).toBe(true);
    expect(can(c, 'read', userIn('inst-b'))).toBe(false);
    expect(userListScope(c)).toEqual({ kind: 'institution', institutionId: 'inst-a' });
  });

  it('turns roles into list scopes and abilities the UI can use', () => {
    expect(userListScope(actor(['admin']))).toEqual({ kind: 'all' });
    expect(userListScope(actor(['field_professional']))).toEqual({ kind: 'self', userId: 'me' });
    expect(userAbilities(actor(['admin']), { id: 'me', institutionId: 'inst-a' })).toEqual({
      update: true,
      disable: false,
      resetPassword: true,
    });
    expect(actorAbilities(actor(['field_professional']))).toEqual({
      manageUsers: false,
      seeUsers: false,
      manageOrganisations: false,
      readAudit: false,
      readOutbox: false,
      announce: true,
      triage: false,
      reviewMerges: false,
      seeTandems: false,
      coach: false,
      decideMeasures: false,
      readStatements: false,
      manageMeasureKinds: false,
      readFigures: false,
      editAnnualReport: false,
      importHistory: false,
      readAlerts: false,
      manageMachineTokens: false,
    });
  });
});

describe('caseloads and alerts (issue 14): an institution’s own correspondents, no one else', () => {
  const own = { ...actor(['cii_correspondent']), institutionId: 'orp' };
  it('the correspondent reads and uploads their institution’s caseload and acts on its alerts', () => {
    expect(can(own, 'upload', { type: 'caseload', institutionId: 'orp' })).toBe(true);
    expect(can(own, 'read', { type: 'alert', institutionId: 'orp' })).toBe(true);
    expect(can(own, 'update', { type: 'alert', institutionId: 'orp' })).toBe(true);
    expect(can(own, 'upload', { type: 'caseload', institutionId: 'cms' })).toBe(false);
    expect(can(own, 'read', { type: 'alert', institutionId: 'cms' })).toBe(false);
  });
  it('nor a colleague, the Bureau or an administrator; tokens are the administrators’', () => {
    for (const a of [
      { ...actor(['field_professional']), institutionId: 'orp' },
      { ...actor(['bureau_member']), institutionId: 'orp' },
      { ...actor(['admin']), institutionId: 'orp' },
    ]) {
      expect(can(a, 'upload', { type: 'caseload', institutionId: 'orp' })).toBe(false);
      expect(can(a, 'read', { type: 'alert', institutionId: 'orp' })).toBe(false);
    }
    expect(can(actor(['admin']), 'manage', { type: 'machine_token' })).toBe(true);
    expect(can(own, 'manage', { type: 'machine_token' })).toBe(false);
  });
});

describe('figures (issue 13): aggregate counts for the steering bodies', () => {
  const figures = (regionId: string | null) => ({ type: 'figures' as const, regionId });
  it('statistics readers and the cantonal Bureau read every region and the canton', () => {
    for (const a of [actor(['statistics_reader']), actor(['bureau_member'])]) {
      expect(can(a, 'read', figures(null))).toBe(true);
      expect(can(a, 'read', figures('monthey'))).toBe(true);
    }
  });
  it('a regional coordinator reads their region and the canton, not another region', () => {
    const coord = { ...actor(['regional_coordinator', 'bureau_member']), regionId: 'sion' };
    expect(can(coord, 'read', figures(null))).toBe(true);
    expect(can(coord, 'read', figures('sion'))).toBe(true);
    expect(can(coord, 'read', figures('monthey'))).toBe(false);
    expect(figuresRegions(coord)).toEqual(['sion']);
  });
  it('no one else, and no one writes them', () => {
    for (const role of ['field_professional', 'cii_correspondent', 'tandem_member', 'sas_reviewer', 'admin'] as const)
      expect(can(actor([role]), 'read', figures(null))).toBe(false);
    expect(can(actor(['statistics_reader']), 'manage', figures(null))).toBe(false);
  });
  it('the cantonal CII officer alone edits the annual report; an administrator alone imports the history', () => {
    const officer = actor(['bureau_member', 'statistics_reader']);
    expect(can(officer, 'edit_report', figures(null))).toBe(true);
    expect(can(officer, 'edit_report', figures('sion'))).toBe(false);
    const coord = { ...actor(['regional_coordinator', 'bureau_member', 'statistics_reader']), regionId: 'sion' };
    const placed = { ...actor(['bureau_member', 'statistics_reader']), regionId: 'sion' };
    for (const a of [coord, placed, actor(['bureau_member']), actor(['statistics_reader']), actor(['admin'])])
      expect(can(a, 'edit_report', figures(null))).toBe(false);
    expect(can(actor(['admin']), 'import_history', figures(null))).toBe(true);
    expect(can(officer, 'import_history', figures(null))).toBe(false);
  });
});

describe('measure decisions and statements (decision 009)', () => {
  const own = { communeId: 'sion', actorCommuneId: 'sion' };
  const other = { communeId: 'monthey', actorCommuneId: 'sion' };

  it('each step is decided by its own deciders; a commune only for its residents', () => {
    expect(can(actor(['measures_decider']), 'decide', { type: 'measure_step', step: 'lmmt', ...own })).toBe(true);
    expect(can(actor(['measures_decider']), 'decide', { type: 'measure_step', step: 'sas', ...own })).toBe(false);
    expect(can(actor(['sas_reviewer']), 'decide', { type: 'measure_step', step: 'sas', ...other })).toBe(true);
    expect(can(actor(['commune_approver']), 'decide', { type: 'measure_step', step: 'commune', ...own })).toBe(true);
    expect(can(actor(['commune_approver']), 'decide', { type: 'measure_step', step: 'commune', ...other })).toBe(false);
    expect(
      can(actor(['commune_approver']), 'decide', {
        type: 'measure_step',
        step: 'commune',
        communeId: null,
        actorCommuneId: null,
      }),
    ).toBe(false);
    expect(can(actor(['bureau_member']), 'decide', { type: 'measure_step', step: 'commission', ...own })).toBe(true);
    expect(
      can(actor(['regional_coordinator', 'bureau_member']), 'decide', {
        type: 'measure_step',
        step: 'commission',
        ...own,
      }),
    ).toBe(false);
    expect(can(actor(['tandem_member']), 'decide', { type: 'measure_step', step: 'tandem', ...own })).toBe(false);
    expect(can(actor(['admin']), 'decide', { type: 'measure_step', step: 'lmmt', ...own })).toBe(false);
  });

  it("the SAS reads every commune's statement, a commune its own, nobody else", () => {
    expect(can(actor(['sas_reviewer']), 'read', { type: 'commune_statement', ...other })).toBe(true);
    expect(can(actor(['commune_approver']), 'read', { type: 'commune_statement', ...own })).toBe(true);
    expect(can(actor(['commune_approver']), 'read', { type: 'commune_statement', ...other })).toBe(false);
    expect(can(actor(['admin']), 'read', { type: 'commune_statement', ...own })).toBe(false);
    // The canton view (every commune of a quarter): the SAS only.
    expect(can(actor(['sas_reviewer']), 'read', { type: 'canton_statement' })).toBe(true);
    expect(can(actor(['commune_approver']), 'read', { type: 'canton_statement' })).toBe(false);
    expect(can(actor(['admin']), 'read', { type: 'canton_statement' })).toBe(false);
    expect(can(actor(['sas_reviewer']), 'update', { type: 'canton_statement' })).toBe(false);
    expect(can(actor(['admin']), 'manage', { type: 'measure_kind' })).toBe(true);
    expect(can(actor(['tandem_member']), 'manage', { type: 'measure_kind' })).toBe(false);
  });
});
