import { type Actor, hasRole } from './roles.ts';

/**
 * The one access policy. Deny by default: an action/resource pair that is not
 * named below is refused. Use cases ask `can()` for single records, and list
 * queries turn `listScope()` into a SQL condition so that rows the caller may
 * not see are never read.
 */
export type Resource =
  | { type: 'user'; id: string; institutionId: string }
  | { type: 'organisation' }
  | { type: 'audit_log' };

export type Action =
  | 'read'
  | 'create'
  | 'update'
  | 'disable'
  | 'reset_password'
  | 'manage'
  | 'verify';

export function can(actor: Actor, action: Action, resource: Resource): boolean {
  const admin = hasRole(actor, 'admin');
  switch (resource.type) {
    case 'user': {
      if (admin) return ['read', 'create', 'update', 'disable', 'reset_password'].includes(action);
      if (action !== 'read') return false;
      if (resource.id === actor.userId) return true;
      // A répondant CII is the contact point of their institution: they may see who works there.
      return hasRole(actor, 'cii_correspondent') && resource.institutionId === actor.institutionId;
    }
    case 'organisation':
      // Every signed-in user reads the directory of regions, institutions and communes.
      if (action === 'read') return true;
      return admin && action === 'manage';
    case 'audit_log':
      return admin && (action === 'read' || action === 'verify');
    default:
      return false;
  }
}

/** What a list query may return, as plain data the repository turns into SQL. */
export type ListScope =
  | { kind: 'all' }
  | { kind: 'none' }
  | { kind: 'institution'; institutionId: string }
  | { kind: 'self'; userId: string };

export function userListScope(actor: Actor): ListScope {
  if (hasRole(actor, 'admin')) return { kind: 'all' };
  if (hasRole(actor, 'cii_correspondent')) {
    return { kind: 'institution', institutionId: actor.institutionId };
  }
  return { kind: 'self', userId: actor.userId };
}

/** The abilities sent with each user record, so the UI hides what the server forbids anyway. */
export function userAbilities(actor: Actor, user: { id: string; institutionId: string }) {
  const resource = { type: 'user' as const, ...user };
  return {
    update: can(actor, 'update', resource),
    disable: can(actor, 'disable', resource) && user.id !== actor.userId,
    resetPassword: can(actor, 'reset_password', resource),
  };
}

/** Navigation and screen-level abilities of the signed-in user. */
export function actorAbilities(actor: Actor) {
  return {
    manageUsers: can(actor, 'create', { type: 'user', id: '', institutionId: '' }),
    seeUsers: userListScope(actor).kind !== 'self',
    manageOrganisations: can(actor, 'manage', { type: 'organisation' }),
    readAudit: can(actor, 'read', { type: 'audit_log' }),
  };
}
