/** Roles and institution kinds are vocabulary; which organisations exist is configuration data. */
export const ROLES = [
  'field_professional',
  'cii_correspondent',
  'bureau_member',
  'regional_coordinator',
  'tandem_member',
  'measures_decider',
  'sas_reviewer',
  'commune_approver',
  'statistics_reader',
  // A doctor delegated by the OAI's medical service (SMR) to MAMAC assessments (004 §6): sees only those.
  'smr_doctor',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

export const INSTITUTION_KINDS = [
  'orp',
  'cms',
  'oai',
  'osp',
  'addiction_valais',
  'suva',
  'sas',
  'sict_lmmt',
  'commune',
  'bureau_cii',
] as const;
export type InstitutionKind = (typeof INSTITUTION_KINDS)[number];

export const LANGUAGES = ['fr', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Who is acting: what the access policy needs to know, nothing more. */
export interface Actor {
  userId: string;
  institutionId: string;
  regionId: string | null;
  roles: readonly Role[];
}

export const hasRole = (actor: Actor, role: Role) => actor.roles.includes(role);
