import { sql } from 'drizzle-orm';
import {
  bigserial,
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { INSTITUTION_KINDS, LANGUAGES, ROLES } from '../domain/access/roles.ts';

/**
 * Every mutable row carries `version`: an update names the version it read
 * (`WHERE id = $1 AND version = $2`) so two concurrent writers cannot both win.
 * Names of people sort with the ICU collation `person_name` (fr-CH), created in
 * the first migration.
 */
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const version = () => integer('version').notNull().default(1);
const createdAt = () => ts('created_at').notNull().defaultNow();
const updatedAt = () => ts('updated_at').notNull().defaultNow();

export const roleEnum = pgEnum('role', ROLES);
export const institutionKindEnum = pgEnum('institution_kind', INSTITUTION_KINDS);
export const languageEnum = pgEnum('language', LANGUAGES);

export const regions = pgTable('regions', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  nameFr: text('name_fr').notNull(),
  nameDe: text('name_de').notNull(),
  active: boolean('active').notNull().default(true),
  version: version(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const communes = pgTable(
  'communes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bfsNumber: integer('bfs_number').notNull().unique(),
    name: text('name').notNull(),
    canton: text('canton').notNull(),
    district: text('district').notNull(),
    language: languageEnum('language').notNull(),
    regionId: uuid('region_id').references(() => regions.id),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('communes_region_idx').on(t.regionId)],
);

export const institutions = pgTable(
  'institutions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: institutionKindEnum('kind').notNull(),
    nameFr: text('name_fr').notNull(),
    nameDe: text('name_de').notNull(),
    regionId: uuid('region_id').references(() => regions.id),
    // Set for institutions of kind `commune`: the municipality whose approvers they are.
    communeId: uuid('commune_id').references(() => communes.id),
    active: boolean('active').notNull().default(true),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('institutions_kind_idx').on(t.kind)],
);

export const offices = pgTable(
  'offices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    institutionId: uuid('institution_id').notNull().references(() => institutions.id),
    name: text('name').notNull(),
    regionId: uuid('region_id').references(() => regions.id),
    address: text('address').notNull().default(''),
    active: boolean('active').notNull().default(true),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('offices_institution_idx').on(t.institutionId)],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // Stored lower-case: sign-in is case-insensitive on the name.
    username: text('username').notNull(),
    email: text('email').notNull(),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    institutionId: uuid('institution_id').notNull().references(() => institutions.id),
    officeId: uuid('office_id').references(() => offices.id),
    // The region a regional coordinator coordinates; for others, where they work.
    regionId: uuid('region_id').references(() => regions.id),
    roles: roleEnum('roles').array().notNull().default(sql`'{}'::role[]`),
    language: languageEnum('language').notNull().default('fr'),
    passwordHash: text('password_hash').notNull(),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    passwordChangedAt: ts('password_changed_at').notNull().defaultNow(),
    disabledAt: ts('disabled_at'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('users_username_key').on(t.username), index('users_institution_idx').on(t.institutionId)],
);

export const sessions = pgTable(
  'sessions',
  {
    // sha256 of the cookie's token: a leaked table does not hand out live sessions.
    id: text('id').primaryKey(),
    userId: uuid('user_id').notNull().references(() => users.id),
    createdAt: ts('created_at').notNull(),
    lastSeenAt: ts('last_seen_at').notNull(),
    endedAt: ts('ended_at'),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: bigserial('id', { mode: 'bigint' }).primaryKey(),
    at: ts('at').notNull(),
    usernameKey: text('username_key').notNull(),
    ip: text('ip').notNull(),
    succeeded: boolean('succeeded').notNull(),
  },
  (t) => [index('login_attempts_username_idx').on(t.usernameKey, t.at), index('login_attempts_ip_idx').on(t.ip, t.at)],
);

/**
 * Append-only (triggers in migration 0001 refuse DELETE and any UPDATE but the
 * sealer's one-time setting of seq and hash). Holds who did what to which
 * record, never the record's content.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: ts('at').notNull(),
    actorUserId: uuid('actor_user_id'),
    actorInstitutionId: uuid('actor_institution_id'),
    action: text('action').notNull(),
    recordType: text('record_type'),
    recordId: text('record_id'),
    // The person whose data was touched (persons arrive with the situations issue).
    subjectPersonId: uuid('subject_person_id'),
    ip: text('ip'),
    allowed: boolean('allowed').notNull(),
    details: jsonb('details').notNull().default({}),
    seq: bigint('seq', { mode: 'number' }),
    hash: text('hash'),
  },
  (t) => [
    uniqueIndex('audit_log_seq_key').on(t.seq),
    index('audit_log_at_idx').on(t.at),
    index('audit_log_actor_idx').on(t.actorUserId, t.at),
    index('audit_log_record_idx').on(t.recordType, t.recordId),
    index('audit_log_subject_idx').on(t.subjectPersonId),
  ],
);
