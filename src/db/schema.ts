import { sql } from 'drizzle-orm';
import {
  bigserial,
  bigint,
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { INSTITUTION_KINDS, LANGUAGES, ROLES } from '../domain/access/roles.ts';
import { CARE_KINDS, SITUATION_STATUSES } from '../domain/situation/situation-lifecycle.ts';
import type { SuggestedInstitution } from '../domain/situation/refusal.ts';
import { SEXES } from '../domain/situation/vocabulary.ts';
import { CONTRACT_TYPES, OUTCOMES } from '../domain/tandem/closure.ts';
import { MEETING_KINDS, OBJECTIVE_STATUSES } from '../domain/tandem/journal.ts';
import { PLANNED_MEETING_STATUSES } from '../domain/tandem/planned-meeting.ts';
import { COST_UNITS, KIND_CHECKS, REGIMES } from '../domain/measures/catalogue.ts';
import { MEASURE_STATUSES } from '../domain/measures/lifecycle.ts';
import { APPROVAL_STEPS } from '../domain/measures/rule-sets.ts';
import { ALERT_STATES } from '../domain/alerts/alert-rules.ts';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

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
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
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
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
    officeId: uuid('office_id').references(() => offices.id),
    // The region a regional coordinator coordinates; for others, where they work.
    regionId: uuid('region_id').references(() => regions.id),
    roles: roleEnum('roles').array().notNull().default(sql`'{}'::role[]`),
    language: languageEnum('language').notNull().default('fr'),
    passwordHash: text('password_hash').notNull(),
    // A CII correspondent's phone, given to the correspondents of other institutions in a co-follow-up alert.
    phone: text('phone').notNull().default(''),
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
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
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
    // Frozen since migration 0008: the chain lives in audit_chain. Positions sealed
    // before it are kept in audit_chain_legacy; these columns go in a later migration.
    seq: bigint('seq', { mode: 'number' }),
    hash: text('hash'),
  },
  (t) => [
    uniqueIndex('audit_log_seq_key').on(t.seq),
    // The audit page reads newest first, (at, id) after a cursor: each filter has an index in that order
    // (migration 0014), so that a page stops after its rows among two million.
    index('audit_log_at_id_idx').on(t.at, t.id),
    index('audit_log_actor_at_idx').on(t.actorUserId, t.at, t.id),
    index('audit_log_record_at_idx').on(t.recordId, t.at, t.id),
    index('audit_log_subject_at_idx').on(t.subjectPersonId, t.at, t.id),
    index('audit_log_action_at_idx').on(t.action, t.at, t.id),
    // Refusals are few: "only what was refused" finds them without walking every allowed row.
    index('audit_log_denied_idx').on(t.at, t.id).where(sql`NOT ${t.allowed}`),
  ],
);

/**
 * The audit chain (decision 010): position `seq` of audit row `auditId` and its
 * link `mac` = HMAC-SHA-256 under the audit key (kept outside the database) of
 * the previous link and the row. Insert-only, like audit_log: the application's
 * role may INSERT and SELECT, nothing else, and triggers refuse UPDATE, DELETE
 * and TRUNCATE to everyone.
 */
export const auditChain = pgTable('audit_chain', {
  seq: bigint('seq', { mode: 'number' }).primaryKey(),
  auditId: bigint('audit_id', { mode: 'number' })
    .notNull()
    .unique()
    .references(() => auditLog.id),
  mac: text('mac').notNull(),
  sealedAt: ts('sealed_at').notNull().defaultNow(),
});

/** Positions and unkeyed hashes sealed before migration 0008; frozen (no INSERT either). */
export const auditChainLegacy = pgTable('audit_chain_legacy', {
  seq: bigint('seq', { mode: 'number' }).primaryKey(),
  auditId: bigint('audit_id', { mode: 'number' })
    .notNull()
    .unique()
    .references(() => auditLog.id),
  hash: text('hash').notNull(),
});

/* ---------- Persons, situations, consent (issue 3) ---------- */

export const sexEnum = pgEnum('sex', SEXES);
export const situationStatusEnum = pgEnum('situation_status', SITUATION_STATUSES);
export const careKindEnum = pgEnum('care_kind', CARE_KINDS);

/**
 * A person followed by the CII. `searchName` holds the names without accents
 * and case ("evequoz lea"), kept by the repository, for search and duplicates.
 */
export const persons = pgTable(
  'persons',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    navs13: text('navs13'),
    officialName: text('official_name').notNull(),
    firstNames: text('first_names').notNull(),
    searchName: text('search_name').notNull(),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    sex: sexEnum('sex').notNull(),
    correspondenceLanguage: text('correspondence_language').notNull(),
    communeId: uuid('commune_id').references(() => communes.id),
    residencePermit: text('residence_permit').notNull(),
    street: text('street').notNull().default(''),
    postalCode: text('postal_code').notNull().default(''),
    locality: text('locality').notNull().default(''),
    phone: text('phone').notNull().default(''),
    email: text('email').notNull().default(''),
    // Set when a reviewed merge folded this record into another one.
    mergedIntoId: uuid('merged_into_id'),
    createdByUserId: uuid('created_by_user_id')
      .notNull()
      .references(() => users.id),
    createdByInstitutionId: uuid('created_by_institution_id')
      .notNull()
      .references(() => institutions.id),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('persons_navs13_key').on(t.navs13).where(sql`${t.navs13} IS NOT NULL AND ${t.mergedIntoId} IS NULL`),
    index('persons_search_idx').on(t.searchName),
    index('persons_navs13_idx').on(t.navs13),
    index('persons_search_trgm_idx').using('gin', t.searchName.op('gin_trgm_ops')),
    index('persons_birth_idx').on(t.birthDate),
  ],
);

export const situations = pgTable(
  'situations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // Human reference, e.g. CII-2026-0042.
    number: text('number').notNull(),
    status: situationStatusEnum('status').notNull().default('draft'),
    regionId: uuid('region_id')
      .notNull()
      .references(() => regions.id),
    anonymous: boolean('anonymous').notNull().default(false),
    personId: uuid('person_id').references(() => persons.id),
    // The anonymous profile (also kept for identified situations, for the figures).
    ageBand: text('age_band'),
    announcingUserId: uuid('announcing_user_id')
      .notNull()
      .references(() => users.id),
    announcingInstitutionId: uuid('announcing_institution_id')
      .notNull()
      .references(() => institutions.id),
    followingInstitutionIds: uuid('following_institution_ids').array().notNull().default(sql`'{}'::uuid[]`),
    riskFactors: text('risk_factors').array().notNull().default(sql`'{}'::text[]`),
    riskFactorsOther: text('risk_factors_other').notNull().default(''),
    targetGroups: text('target_groups').array().notNull().default(sql`'{}'::text[]`),
    laciBasicProgramme: boolean('laci_basic_programme').notNull().default(false),
    laciEmployabilityCheck: boolean('laci_employability_check').notNull().default(false),
    liasEmployabilityChecked: boolean('lias_employability_checked').notNull().default(false),
    liasIntegrationIndicated: boolean('lias_integration_indicated').notNull().default(false),
    description: text('description').notNull().default(''),
    helpExpected: text('help_expected').notNull().default(''),
    handledByUserId: uuid('handled_by_user_id').references(() => users.id),
    takenUpAt: ts('taken_up_at'),
    announcedAt: ts('announced_at'),
    decidedAt: ts('decided_at'),
    decisionReason: text('decision_reason'),
    refusalSuggestions: text('refusal_suggestions'),
    // The institutions a refusal suggests (issue 13): [{ kind, institutionId, nameFr, nameDe }]; [] before.
    refusalInstitutions: jsonb('refusal_institutions').$type<SuggestedInstitution[]>().notNull().default([]),
    eligibility: jsonb('eligibility'),
    // The kind of care it was last oriented to; kept at closure (the status then says "closed").
    careKind: careKindEnum('care_kind'),
    // Imported from the CII's earlier records (issue 13, history import): anonymous, keyed by the file's row key.
    imported: boolean('imported').notNull().default(false),
    externalKey: text('external_key'),
    // An imported insertion's follow-ups (still in work at 6 and 12 months; null: not known). Live situations keep
    // theirs in insertion_follow_ups, on the mandate.
    importedFollowUp6: boolean('imported_follow_up_6'),
    importedFollowUp12: boolean('imported_follow_up_12'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('situations_number_key').on(t.number),
    uniqueIndex('situations_external_key').on(t.externalKey),
    index('situations_queue_idx').on(t.regionId, t.status, t.announcedAt),
    index('situations_person_idx').on(t.personId),
    index('situations_announcer_idx').on(t.announcingUserId),
    // The list's orders (newest, oldest announced) walk these instead of sorting every visible row.
    index('situations_created_idx').on(t.createdAt, t.id),
    index('situations_announced_idx').on(t.announcedAt, t.createdAt, t.id),
    // The queue and a filter on a rare status (announced, under review) find their few rows without walking the list.
    index('situations_status_idx').on(t.status, t.announcedAt),
    index('situations_number_trgm_idx').using('gin', t.number.op('gin_trgm_ops')),
    index('situations_following_idx').using('gin', t.followingInstitutionIds),
  ],
);

/**
 * Who sees each situation, precomputed from the access rules (issue 10,
 * src/db/situation-grants.ts): one row per way of seeing it, with the validity
 * of the facts behind it. Written only by the triggers of migration 0009.
 */
export const situationGrants = pgTable(
  'situation_grants',
  {
    situationId: uuid('situation_id')
      .notNull()
      .references(() => situations.id),
    action: text('action').notNull(),
    grantee: text('grantee').notNull(),
    fromDay: date('from_day', { mode: 'string' }),
    untilDay: date('until_day', { mode: 'string' }),
    endedAt: ts('ended_at'),
  },
  (t) => [
    index('situation_grants_grantee_idx').on(t.grantee, t.action, t.situationId, t.fromDay, t.untilDay, t.endedAt),
    index('situation_grants_situation_idx').on(t.situationId, t.action, t.grantee),
  ],
);

/** The fingerprint of the rules the grants were written with: a start with other rules rebuilds them. */
export const situationGrantsState = pgTable('situation_grants_state', {
  id: integer('id').primaryKey(),
  fingerprint: text('fingerprint').notNull(),
  installedAt: ts('installed_at').notNull(),
});

/** The timeline: every transition and notable change, with who, when and why. */
export const situationEvents = pgTable(
  'situation_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    situationId: uuid('situation_id')
      .notNull()
      .references(() => situations.id),
    at: ts('at').notNull(),
    actorUserId: uuid('actor_user_id')
      .notNull()
      .references(() => users.id),
    type: text('type').notNull(),
    fromStatus: situationStatusEnum('from_status'),
    toStatus: situationStatusEnum('to_status'),
    reason: text('reason').notNull().default(''),
    details: jsonb('details').notNull().default({}),
  },
  (t) => [index('situation_events_situation_idx').on(t.situationId, t.at)],
);

export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    situationId: uuid('situation_id')
      .notNull()
      .references(() => situations.id),
    filename: text('filename').notNull(),
    mimeType: text('mime_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    // Kept in the database: the server keeps no files of its own, and backups take everything.
    content: bytea('content').notNull(),
    uploadedByUserId: uuid('uploaded_by_user_id')
      .notNull()
      .references(() => users.id),
    uploadedAt: ts('uploaded_at').notNull(),
  },
  (t) => [index('attachments_situation_idx').on(t.situationId)],
);

export const consents = pgTable(
  'consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    situationId: uuid('situation_id').references(() => situations.id),
    institutionIds: uuid('institution_ids').array().notNull(),
    dataCategories: text('data_categories').array().notNull(),
    signedOn: date('signed_on', { mode: 'string' }),
    validUntil: date('valid_until', { mode: 'string' }),
    scanAttachmentId: uuid('scan_attachment_id').references(() => attachments.id),
    recordedByUserId: uuid('recorded_by_user_id')
      .notNull()
      .references(() => users.id),
    revokedAt: ts('revoked_at'),
    revokedByUserId: uuid('revoked_by_user_id').references(() => users.id),
    revocationReason: text('revocation_reason'),
    // A procuration counts once its scan was checked by someone other than whoever recorded it;
    // the announcer's own recording counts as checked (decision 005).
    reviewedAt: ts('reviewed_at'),
    reviewedByUserId: uuid('reviewed_by_user_id').references(() => users.id),
    rejectedAt: ts('rejected_at'),
    rejectedByUserId: uuid('rejected_by_user_id').references(() => users.id),
    rejectionReason: text('rejection_reason'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('consents_person_idx').on(t.personId),
    index('consents_situation_idx').on(t.situationId),
    index('consents_institutions_idx').using('gin', t.institutionIds),
  ],
);

/**
 * The case team: the professionals who follow the person (issue 9, need to
 * know). A procuration naming an institution opens the file to its members on
 * the team, not to every employee. Leaving the team ends access after the
 * grace period (ACCESS_AFTER_ROLE_DAYS); rows are never deleted.
 */
export const caseTeamMembers = pgTable(
  'case_team_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    situationId: uuid('situation_id')
      .notNull()
      .references(() => situations.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    addedByUserId: uuid('added_by_user_id')
      .notNull()
      .references(() => users.id),
    addedAt: ts('added_at').notNull(),
    removedAt: ts('removed_at'),
    removedByUserId: uuid('removed_by_user_id').references(() => users.id),
    version: version(),
  },
  (t) => [
    uniqueIndex('case_team_members_active_key').on(t.situationId, t.userId).where(sql`${t.removedAt} IS NULL`),
    index('case_team_members_user_idx').on(t.userId),
    index('case_team_members_situation_idx').on(t.situationId),
  ],
);

export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind').notNull(),
    situationId: uuid('situation_id').references(() => situations.id),
    createdAt: ts('created_at').notNull(),
    readAt: ts('read_at'),
    details: jsonb('details').notNull().default({}),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.readAt)],
);

/** A merge of two person records is asked for, then reviewed by the Bureau: never silent. */
export const personMergeRequests = pgTable('person_merge_requests', {
  id: uuid('id').primaryKey().defaultRandom(),
  survivorId: uuid('survivor_id')
    .notNull()
    .references(() => persons.id),
  duplicateId: uuid('duplicate_id')
    .notNull()
    .references(() => persons.id),
  reason: text('reason').notNull(),
  requestedByUserId: uuid('requested_by_user_id')
    .notNull()
    .references(() => users.id),
  requestedAt: ts('requested_at').notNull(),
  status: text('status').notNull().default('pending'),
  reviewedByUserId: uuid('reviewed_by_user_id').references(() => users.id),
  reviewedAt: ts('reviewed_at'),
  reviewNote: text('review_note'),
  version: version(),
});

/* ---------- E-mail outbox ---------- */

/**
 * E-mails are written here in the transaction of the decision that sends
 * them, and delivered by a worker (src/server/mail/deliver-outbox.ts). The
 * Message-ID is fixed at enqueueing, so a retry is the same message; the
 * idempotency key makes enqueueing the same report twice a no-op.
 */
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    idempotencyKey: text('idempotency_key').notNull(),
    messageId: text('message_id').notNull(),
    toAddresses: text('to_addresses').array().notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    language: languageEnum('language').notNull(),
    situationId: uuid('situation_id').references(() => situations.id),
    createdAt: ts('created_at').notNull(),
    status: text('status').notNull().default('pending'), // pending | sent
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: ts('next_attempt_at').notNull(),
    lockedUntil: ts('locked_until'),
    lastError: text('last_error'),
    sentAt: ts('sent_at'),
    // An invitation (issue 12): the iCalendar object and its iTIP method (REQUEST or CANCEL), sent as a
    // text/calendar part and as an attachment.
    icsMethod: text('ics_method'),
    icsContent: text('ics_content'),
  },
  (t) => [
    uniqueIndex('outbox_idempotency_key').on(t.idempotencyKey),
    index('outbox_due_idx').on(t.status, t.nextAttemptAt),
  ],
);

/* ---------- Tandem coaching (issue 4) ---------- */

export const meetingKindEnum = pgEnum('meeting_kind', MEETING_KINDS);
export const objectiveStatusEnum = pgEnum('objective_status', OBJECTIVE_STATUSES);
export const outcomeEnum = pgEnum('outcome', OUTCOMES);
export const contractTypeEnum = pgEnum('contract_type', CONTRACT_TYPES);

/** One ORP counsellor and one CMS social worker, in a region, with a capacity (seed 001: six at a time). */
export const tandems = pgTable(
  'tandems',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionId: uuid('region_id')
      .notNull()
      .references(() => regions.id),
    orpUserId: uuid('orp_user_id')
      .notNull()
      .references(() => users.id),
    cmsUserId: uuid('cms_user_id')
      .notNull()
      .references(() => users.id),
    capacity: integer('capacity').notNull().default(6),
    active: boolean('active').notNull().default(true),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('tandems_region_idx').on(t.regionId),
    index('tandems_orp_idx').on(t.orpUserId),
    index('tandems_cms_idx').on(t.cmsUserId),
  ],
);

/**
 * The tandem's mandate on one situation: six months planned, extended by
 * justified decisions, never beyond nine (src/domain/tandem/mandate.ts). Who
 * holds the file follows the seeds (src/domain/tandem/file-holding.ts).
 */
export const mandates = pgTable(
  'mandates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    situationId: uuid('situation_id')
      .notNull()
      .references(() => situations.id),
    tandemId: uuid('tandem_id')
      .notNull()
      .references(() => tandems.id),
    startOn: date('start_on', { mode: 'string' }).notNull(),
    plannedEndOn: date('planned_end_on', { mode: 'string' }).notNull(),
    // The planned end including extensions.
    endOn: date('end_on', { mode: 'string' }).notNull(),
    assignedByUserId: uuid('assigned_by_user_id')
      .notNull()
      .references(() => users.id),
    assignedAt: ts('assigned_at').notNull(),
    overCapacity: boolean('over_capacity').notNull().default(false),
    leadUserId: uuid('lead_user_id')
      .notNull()
      .references(() => users.id),
    budgetHolderUserId: uuid('budget_holder_user_id').references(() => users.id),
    handBackToUserId: uuid('hand_back_to_user_id').references(() => users.id),
    // Who holds the file now; changes at closure and at the hand-back.
    holderUserId: uuid('holder_user_id')
      .notNull()
      .references(() => users.id),
    // The professionals initially in charge: they receive the monthly reports.
    reportRecipientIds: uuid('report_recipient_ids').array().notNull(),
    closedAt: ts('closed_at'),
    outcome: outcomeEnum('outcome'),
    outcomeOn: date('outcome_on', { mode: 'string' }),
    insertionEmployer: text('insertion_employer'),
    insertionStartOn: date('insertion_start_on', { mode: 'string' }),
    insertionContractType: contractTypeEnum('insertion_contract_type'),
    insertionRatePercent: integer('insertion_rate_percent'),
    handedBackAt: ts('handed_back_at'),
    handedBackByUserId: uuid('handed_back_by_user_id').references(() => users.id),
    handBackNote: text('hand_back_note'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('mandates_situation_key').on(t.situationId),
    index('mandates_tandem_idx').on(t.tandemId, t.closedAt),
    index('mandates_holder_idx').on(t.holderUserId),
  ],
);

export const meetings = pgTable(
  'meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    mandateId: uuid('mandate_id')
      .notNull()
      .references(() => mandates.id),
    situationId: uuid('situation_id')
      .notNull()
      .references(() => situations.id),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    kind: meetingKindEnum('kind').notNull(),
    personPresent: boolean('person_present').notNull(),
    participants: text('participants').notNull().default(''),
    notes: text('notes').notNull().default(''),
    nextSteps: text('next_steps').notNull().default(''),
    authorUserId: uuid('author_user_id')
      .notNull()
      .references(() => users.id),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  // By day too: the figures count the tandems' time of a period (decision 027) among millions of meetings.
  (t) => [index('meetings_mandate_idx').on(t.mandateId, t.heldOn), index('meetings_held_idx').on(t.heldOn)],
);

/** Every earlier state of an edited meeting: an edit never erases what was written. */
export const meetingRevisions = pgTable(
  'meeting_revisions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id),
    version: integer('version').notNull(),
    content: jsonb('content').notNull(),
    writtenByUserId: uuid('written_by_user_id')
      .notNull()
      .references(() => users.id),
    writtenAt: ts('written_at').notNull(),
    replacedAt: ts('replaced_at').notNull(),
  },
  (t) => [index('meeting_revisions_meeting_idx').on(t.meetingId, t.version)],
);

/** What happened to a planned meeting: still ahead, held (then in the journal), or cancelled. */
export const plannedMeetingStatusEnum = pgEnum('planned_meeting_status', PLANNED_MEETING_STATUSES);

/**
 * A meeting the tandem plans ahead (issue 11): a local day and time in Europe/Zurich, who is invited, and the
 * iCalendar SEQUENCE that grows with every change the invited see (moved, cancelled). Held, it points to its journal
 * entry.
 */
export const plannedMeetings = pgTable(
  'planned_meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    mandateId: uuid('mandate_id')
      .notNull()
      .references(() => mandates.id),
    situationId: uuid('situation_id')
      .notNull()
      .references(() => situations.id),
    plannedOn: date('planned_on', { mode: 'string' }).notNull(),
    startTime: text('start_time').notNull(),
    durationMinutes: integer('duration_minutes').notNull().default(60),
    kind: meetingKindEnum('kind').notNull(),
    personInvited: boolean('person_invited').notNull(),
    others: text('others').notNull().default(''),
    location: text('location').notNull().default(''),
    status: plannedMeetingStatusEnum('status').notNull().default('planned'),
    sequence: integer('sequence').notNull().default(0),
    heldMeetingId: uuid('held_meeting_id').references(() => meetings.id),
    createdByUserId: uuid('created_by_user_id')
      .notNull()
      .references(() => users.id),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('planned_meetings_mandate_idx').on(t.mandateId, t.status, t.plannedOn)],
);

export const objectives = pgTable(
  'objectives',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    mandateId: uuid('mandate_id')
      .notNull()
      .references(() => mandates.id),
    situationId: uuid('situation_id')
      .notNull()
      .references(() => situations.id),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    status: objectiveStatusEnum('status').notNull().default('planned'),
    startOn: date('start_on', { mode: 'string' }),
    targetOn: date('target_on', { mode: 'string' }),
    doneOn: date('done_on', { mode: 'string' }),
    createdByUserId: uuid('created_by_user_id')
      .notNull()
      .references(() => users.id),
    updatedByUserId: uuid('updated_by_user_id')
      .notNull()
      .references(() => users.id),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('objectives_mandate_idx').on(t.mandateId)],
);

/** One per mandate and month; `recipients` keeps to whom it went, in which language, with which Message-ID. */
export const monthlyReports = pgTable(
  'monthly_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    mandateId: uuid('mandate_id')
      .notNull()
      .references(() => mandates.id),
    situationId: uuid('situation_id')
      .notNull()
      .references(() => situations.id),
    month: text('month').notNull(), // yyyy-mm
    significantElements: text('significant_elements').notNull().default(''),
    status: text('status').notNull().default('draft'), // draft | sent | skipped
    draftedByUserId: uuid('drafted_by_user_id')
      .notNull()
      .references(() => users.id),
    draftedAt: ts('drafted_at').notNull(),
    sentByUserId: uuid('sent_by_user_id').references(() => users.id),
    sentAt: ts('sent_at'),
    recipients: jsonb('recipients').notNull().default([]),
    // A month not reported, said so at the closure with its reason (issue 11).
    skipReason: text('skip_reason'),
    skippedAt: ts('skipped_at'),
    skippedByUserId: uuid('skipped_by_user_id').references(() => users.id),
    version: version(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('monthly_reports_month_key').on(t.mandateId, t.month)],
);

/** The bilan final: the five sections of the seeds; once finalised its PDF is kept as an attachment. */
export const finalReports = pgTable(
  'final_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    mandateId: uuid('mandate_id')
      .notNull()
      .references(() => mandates.id),
    situationId: uuid('situation_id')
      .notNull()
      .references(() => situations.id),
    workDone: text('work_done').notNull().default(''),
    obstacles: text('obstacles').notNull().default(''),
    strengths: text('strengths').notNull().default(''),
    stepsTaken: text('steps_taken').notNull().default(''),
    stepsToTake: text('steps_to_take').notNull().default(''),
    status: text('status').notNull().default('draft'), // draft | final
    language: languageEnum('language'),
    pdfAttachmentId: uuid('pdf_attachment_id').references(() => attachments.id),
    finalisedByUserId: uuid('finalised_by_user_id').references(() => users.id),
    finalisedAt: ts('finalised_at'),
    updatedByUserId: uuid('updated_by_user_id')
      .notNull()
      .references(() => users.id),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('final_reports_mandate_key').on(t.mandateId),
    index('final_reports_situation_idx').on(t.situationId),
  ],
);

/** Is the person still in work 6 and 12 months after an insertion (seed 000: "insertion durable")? */
export const insertionFollowUps = pgTable(
  'insertion_follow_ups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    mandateId: uuid('mandate_id')
      .notNull()
      .references(() => mandates.id),
    situationId: uuid('situation_id')
      .notNull()
      .references(() => situations.id),
    months: integer('months').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    stillInWork: boolean('still_in_work'),
    note: text('note').notNull().default(''),
    recordedByUserId: uuid('recorded_by_user_id').references(() => users.id),
    recordedAt: ts('recorded_at'),
    version: version(),
  },
  (t) => [
    uniqueIndex('insertion_follow_ups_key').on(t.mandateId, t.months),
    index('insertion_follow_ups_due_idx').on(t.dueOn),
  ],
);

// --- Labour-market measures (issue 5) ---------------------------------------

export const regimeEnum = pgEnum('measure_regime', REGIMES);
export const costUnitEnum = pgEnum('cost_unit', COST_UNITS);
export const kindCheckEnum = pgEnum('measure_kind_check', KIND_CHECKS);
export const measureStatusEnum = pgEnum('measure_status', MEASURE_STATUSES);
export const approvalStepEnum = pgEnum('approval_step', APPROVAL_STEPS);

/** The catalogue: data an administrator maintains; the defaults are inserted at start-up. */
export const measureKinds = pgTable('measure_kinds', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  nameFr: text('name_fr').notNull(),
  nameDe: text('name_de').notNull(),
  regime: regimeEnum('regime').notNull(),
  delegated: boolean('delegated').notNull(),
  costUnit: costUnitEnum('cost_unit').notNull(),
  checks: kindCheckEnum('checks'),
  active: boolean('active').notNull().default(true),
  version: version(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const measures = pgTable(
  'measures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    situationId: uuid('situation_id')
      .notNull()
      .references(() => situations.id),
    mandateId: uuid('mandate_id')
      .notNull()
      .references(() => mandates.id),
    kindId: uuid('kind_id')
      .notNull()
      .references(() => measureKinds.id),
    // The kind's regime when proposed: a later catalogue change does not reroute it.
    regime: regimeEnum('regime').notNull(),
    provider: text('provider').notNull().default(''),
    goals: text('goals').notNull().default(''),
    startOn: date('start_on', { mode: 'string' }).notNull(),
    endOn: date('end_on', { mode: 'string' }).notNull(),
    unitCostCents: integer('unit_cost_cents').notNull(),
    quantity: integer('quantity').notNull(),
    totalCents: integer('total_cents').notNull(),
    normalSalaryCents: integer('normal_salary_cents'),
    allowancePercent: integer('allowance_percent'),
    // The person's commune of residence when proposed: whose approvers decide and whose statement it lands in.
    communeId: uuid('commune_id').references(() => communes.id),
    ruleSet: text('rule_set').notNull(),
    route: approvalStepEnum('route').array().notNull(),
    stepIndex: integer('step_index').notNull().default(0),
    status: measureStatusEnum('status').notNull(),
    escalatedAt: ts('escalated_at'),
    escalationReason: text('escalation_reason'),
    exception: boolean('exception').notNull().default(false),
    proposedByUserId: uuid('proposed_by_user_id')
      .notNull()
      .references(() => users.id),
    proposedAt: ts('proposed_at').notNull(),
    startedOn: date('started_on', { mode: 'string' }),
    endedOn: date('ended_on', { mode: 'string' }),
    endReason: text('end_reason'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('measures_situation_idx').on(t.situationId),
    index('measures_status_idx').on(t.status),
    index('measures_commune_idx').on(t.communeId, t.regime),
  ],
);

/** One decision per step of a measure: the unique key is what stops two deciders from both winning. */
export const measureDecisions = pgTable(
  'measure_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    measureId: uuid('measure_id')
      .notNull()
      .references(() => measures.id),
    step: approvalStepEnum('step').notNull(),
    decision: text('decision').notNull(), // approve | refuse
    reason: text('reason').notNull().default(''),
    decidedByUserId: uuid('decided_by_user_id')
      .notNull()
      .references(() => users.id),
    decidedAt: ts('decided_at').notNull(),
  },
  (t) => [uniqueIndex('measure_decisions_step_key').on(t.measureId, t.step)],
);

/* ---------- Every kind of care (issue 12) ---------- */

/**
 * One situation's stay in one kind of care (src/domain/care/passage.ts): its
 * dates, who opened and ended it, its outcome and why. An assessment or a round
 * table also has its one meeting here (date, place, the invitations' sequence).
 */
export const carePassages = pgTable(
  'care_passages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    situationId: uuid('situation_id')
      .notNull()
      .references(() => situations.id),
    kind: careKindEnum('kind').notNull(),
    status: text('status').notNull(),
    startedAt: ts('started_at').notNull(),
    startedByUserId: uuid('started_by_user_id')
      .notNull()
      .references(() => users.id),
    // The Bureau member responsible for an assessment, the coordinator piloting a round table, a network's reference.
    responsibleUserId: uuid('responsible_user_id').references(() => users.id),
    meetingStart: ts('meeting_start'),
    meetingDurationMinutes: integer('meeting_duration_minutes').notNull().default(120),
    meetingPlace: text('meeting_place').notNull().default(''),
    // The iCalendar SEQUENCE of the invitations: grows with every change the participants must see.
    invitationSequence: integer('invitation_sequence').notNull().default(0),
    reviewOn: date('review_on', { mode: 'string' }),
    endedAt: ts('ended_at'),
    endedByUserId: uuid('ended_by_user_id').references(() => users.id),
    outcome: text('outcome'),
    outcomeReason: text('outcome_reason').notNull().default(''),
    outcomeInstitutionId: uuid('outcome_institution_id').references(() => institutions.id),
    mandateId: uuid('mandate_id').references(() => mandates.id),
    // The situation's region and announcing institution, copied by triggers (migration 0021) so that the figures
    // count passages without joining every situation; never written by the application.
    regionId: uuid('region_id').references(() => regions.id),
    announcingInstitutionId: uuid('announcing_institution_id').references(() => institutions.id),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  // The figures' covering indexes on started_at (INCLUDE, which this schema cannot say) are in migration 0021.
  (t) => [
    index('care_passages_situation_idx').on(t.situationId, t.startedAt),
    index('care_passages_kind_status_idx').on(t.kind, t.status, t.startedAt),
    // At most one open passage per situation: the situation is in one kind of care at a time.
    uniqueIndex('care_passages_open_key').on(t.situationId).where(sql`${t.endedAt} IS NULL`),
  ],
);

/**
 * Who takes part in a passage: users (répondants, professionals, the SMR doctor,
 * the Bureau) and, at an assessment, the person (no account: the address and
 * language of the invitation). Taking part opens the file through the access
 * rules (`care_participant`, `care_institution`).
 */
export const careParticipants = pgTable(
  'care_participants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    passageId: uuid('passage_id')
      .notNull()
      .references(() => carePassages.id),
    situationId: uuid('situation_id')
      .notNull()
      .references(() => situations.id),
    userId: uuid('user_id').references(() => users.id),
    institutionId: uuid('institution_id').references(() => institutions.id),
    role: text('role').notNull(),
    email: text('email').notNull().default(''),
    language: languageEnum('language').notNull().default('fr'),
    addedAt: ts('added_at').notNull(),
    addedByUserId: uuid('added_by_user_id')
      .notNull()
      .references(() => users.id),
    removedAt: ts('removed_at'),
    version: version(),
  },
  (t) => [
    index('care_participants_passage_idx').on(t.passageId),
    index('care_participants_situation_idx').on(t.situationId),
    index('care_participants_user_idx').on(t.userId),
    uniqueIndex('care_participants_user_key')
      .on(t.passageId, t.userId)
      .where(sql`${t.userId} IS NOT NULL AND ${t.removedAt} IS NULL`),
  ],
);

/* ---------- MAMAC assessments and their objectives contracts (issue 12) ---------- */

/**
 * What the assessment found (seed 004 §6): the medical, professional and social situation, the person's resources and
 * the SMR doctor's conclusions — one row per assessment passage, written when the meeting is recorded held. Health
 * data (medical, SMR) is shown only under a procuration naming the health category (decision 005).
 */
export const assessments = pgTable('assessments', {
  passageId: uuid('passage_id')
    .primaryKey()
    .references(() => carePassages.id),
  situationId: uuid('situation_id')
    .notNull()
    .references(() => situations.id),
  medical: text('medical').notNull().default(''),
  professional: text('professional').notNull().default(''),
  social: text('social').notNull().default(''),
  resources: text('resources').notNull().default(''),
  smrConclusions: text('smr_conclusions').notNull().default(''),
  heldAt: ts('held_at'),
  heldByUserId: uuid('held_by_user_id').references(() => users.id),
  version: version(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/**
 * One version of an assessment's objectives contract (src/domain/care/objectives-contract.ts). An amendment is a new
 * row (version_no + 1) with no acceptance and no conformity; the unique key stops two amendments of one version.
 * `status` is the domain's status of the version, written under the row's lock with every acceptance and check.
 */
export const objectivesContracts = pgTable(
  'objectives_contracts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    passageId: uuid('passage_id')
      .notNull()
      .references(() => carePassages.id),
    situationId: uuid('situation_id')
      .notNull()
      .references(() => situations.id),
    versionNo: integer('version_no').notNull(),
    status: text('status').notNull().default('draft'),
    caseManagerInstitutionId: uuid('case_manager_institution_id')
      .notNull()
      .references(() => institutions.id),
    createdByUserId: uuid('created_by_user_id')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull(),
    conformityCheckedByUserId: uuid('conformity_checked_by_user_id').references(() => users.id),
    conformityCheckedAt: ts('conformity_checked_at'),
    conformityResult: text('conformity_result'),
    conformityReasons: text('conformity_reasons').notNull().default(''),
    // The Bureau's answers, item by item: [{ institutionId, itemId, ok }].
    checklist: jsonb('checklist').notNull().default(sql`'[]'::jsonb`),
    inForceAt: ts('in_force_at'),
    supersededAt: ts('superseded_at'),
    // The PDF of the version in force, kept on the situation.
    pdfAttachmentId: uuid('pdf_attachment_id').references(() => attachments.id),
    version: version(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('objectives_contracts_version_key').on(t.passageId, t.versionNo)],
);

export const contractObjectives = pgTable(
  'contract_objectives',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => objectivesContracts.id),
    position: integer('position').notNull(),
    text: text('text').notNull(),
    measuresPlanned: text('measures_planned').notNull(),
    responsibleInstitutionId: uuid('responsible_institution_id')
      .notNull()
      .references(() => institutions.id),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    status: text('status').notNull().default('open'),
    statusChangedAt: ts('status_changed_at'),
  },
  (t) => [uniqueIndex('contract_objectives_position_key').on(t.contractId, t.position)],
);

/**
 * Each party's acceptance of one version: an institution (by a participant of it) or the person (her signature on the
 * PDF, recorded by the Bureau or the case manager). One per party and version: two accepting at once, one wins.
 */
export const contractAcceptances = pgTable(
  'contract_acceptances',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => objectivesContracts.id),
    // The institution's id, or 'person'.
    party: text('party').notNull(),
    partyInstitutionId: uuid('party_institution_id').references(() => institutions.id),
    acceptedByUserId: uuid('accepted_by_user_id')
      .notNull()
      .references(() => users.id),
    acceptedAt: ts('accepted_at').notNull(),
    signedOn: date('signed_on', { mode: 'string' }),
  },
  (t) => [uniqueIndex('contract_acceptances_party_key').on(t.contractId, t.party)],
);

/** The case manager's notes and the review meetings of an assessment in execution. */
export const assessmentNotes = pgTable(
  'assessment_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    passageId: uuid('passage_id')
      .notNull()
      .references(() => carePassages.id),
    situationId: uuid('situation_id')
      .notNull()
      .references(() => situations.id),
    kind: text('kind').notNull(), // note | review_meeting
    at: date('at', { mode: 'string' }).notNull(),
    text: text('text').notNull(),
    authorUserId: uuid('author_user_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('assessment_notes_passage_idx').on(t.passageId, t.at)],
);

/* ---------- Round tables and network follow-ups (issue 12, migration 0017) ---------- */

/**
 * A round table's minutes (decision 023): written once when it is held, with the anonymous profile discussed (age
 * band, region, risk factors) as it was that day. Never changed afterwards — a trigger refuses updates and deletes —
 * so that a later link to the person leaves them as written.
 */
export const roundTableMinutes = pgTable(
  'round_table_minutes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    passageId: uuid('passage_id')
      .notNull()
      .references(() => carePassages.id),
    situationId: uuid('situation_id')
      .notNull()
      .references(() => situations.id),
    text: text('text').notNull(),
    writtenByUserId: uuid('written_by_user_id')
      .notNull()
      .references(() => users.id),
    writtenAt: ts('written_at').notNull(),
    profile: jsonb('profile').notNull(),
  },
  (t) => [uniqueIndex('round_table_minutes_passage_key').on(t.passageId)],
);

/** A network follow-up's reviews (004 §6: several institutions around the person): when, what was found, the next. */
export const networkReviews = pgTable(
  'network_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    passageId: uuid('passage_id')
      .notNull()
      .references(() => carePassages.id),
    situationId: uuid('situation_id')
      .notNull()
      .references(() => situations.id),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    note: text('note').notNull(),
    nextReviewOn: date('next_review_on', { mode: 'string' }),
    recordedByUserId: uuid('recorded_by_user_id')
      .notNull()
      .references(() => users.id),
    recordedAt: ts('recorded_at').notNull(),
  },
  (t) => [index('network_reviews_passage_idx').on(t.passageId, t.heldOn)],
);

/**
 * The texts of the annual report (issue 13, seed 004 §2–§7) that the cantonal CII officer writes, per year and
 * language; the figures are filled in from the published cube when the PDF is made.
 */
export const annualReportTexts = pgTable(
  'annual_report_texts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    year: integer('year').notNull(),
    language: languageEnum('language').notNull(),
    achievements: text('achievements').notNull().default(''),
    copil: text('copil').notNull().default(''),
    cdc: text('cdc').notNull().default(''),
    commission: text('commission').notNull().default(''),
    bureau: text('bureau').notNull().default(''),
    conclusions: text('conclusions').notNull().default(''),
    updatedByUserId: uuid('updated_by_user_id')
      .notNull()
      .references(() => users.id),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('annual_report_texts_year_language_key').on(t.year, t.language)],
);

export const alertStateEnum = pgEnum('alert_state', ALERT_STATES);

/**
 * An institution's caseload (issue 14, decision 026): who it follows now, known only by a keyed pseudonym of the
 * NAVS13 (never the number), its own file reference, since when, and the holder's own risk data. An upload replaces
 * the institution's rows.
 */
export const caseloadEntries = pgTable(
  'caseload_entries',
  {
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
    pseudonym: text('pseudonym').notNull(),
    reference: text('reference').notNull(),
    followedSince: date('followed_since', { mode: 'string' }).notNull(),
    laciEnd: date('laci_end', { mode: 'string' }),
    riskFlags: text('risk_flags').array().notNull().default(sql`'{}'::text[]`),
    uploadedAt: ts('uploaded_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.institutionId, t.pseudonym] }),
    index('caseload_entries_pseudonym_idx').on(t.pseudonym, t.institutionId),
  ],
);

/** Each institution's last upload (the caseload page says when; the rows change only where the file did). */
export const caseloadUploads = pgTable('caseload_uploads', {
  institutionId: uuid('institution_id')
    .primaryKey()
    .references(() => institutions.id),
  uploadedAt: ts('uploaded_at').notNull(),
  rows: integer('rows').notNull(),
  machineTokenId: uuid('machine_token_id'),
});

/** Who left a caseload, kept a month for the "moved between caseloads" rule, then deleted. */
export const caseloadDepartures = pgTable(
  'caseload_departures',
  {
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
    pseudonym: text('pseudonym').notNull(),
    leftOn: date('left_on', { mode: 'string' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.institutionId, t.pseudonym] }),
    index('caseload_departures_pseudonym_idx').on(t.pseudonym),
  ],
);

/** The pseudonym of each person with a NAVS13, so that Tandem's situations join the matching (issue 14). */
export const personPseudonyms = pgTable(
  'person_pseudonyms',
  {
    personId: uuid('person_id')
      .primaryKey()
      .references(() => persons.id),
    pseudonym: text('pseudonym').notNull(),
  },
  (t) => [index('person_pseudonyms_pseudonym_idx').on(t.pseudonym)],
);

/** Which key chain the stored pseudonyms are under: a fingerprint of it, never the key (checked at start). */
export const caseloadKeyState = pgTable('caseload_key_state', {
  id: integer('id').primaryKey(),
  fingerprint: text('fingerprint').notNull(),
  keyCount: integer('key_count').notNull(),
  changedAt: ts('changed_at').notNull(),
});

/** An institution's system pushing its caseload (issue 14): a token shown once, kept as its SHA-256. */
export const machineTokens = pgTable(
  'machine_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
    label: text('label').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdByUserId: uuid('created_by_user_id')
      .notNull()
      .references(() => users.id),
    expiresAt: ts('expires_at').notNull(),
    revokedAt: ts('revoked_at'),
    revokedByUserId: uuid('revoked_by_user_id').references(() => users.id),
    lastUsedAt: ts('last_used_at'),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('machine_tokens_hash_key').on(t.tokenHash),
    index('machine_tokens_institution_idx').on(t.institutionId),
  ],
);

/** The alert rules as effective-dated data the Bureau reads (validFrom inclusive, validTo exclusive). */
export const alertRules = pgTable(
  'alert_rules',
  {
    code: text('code').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    params: jsonb('params').notNull(),
  },
  (t) => [primaryKey({ columns: [t.code, t.validFrom] })],
);

/**
 * An alert to one institution's CII correspondents (issue 14). A co-follow-up names the other institution and the
 * month it follows since; an early-risk alert says which rule fired and why, from the holder's own data. While an
 * alert stands (not closed) the same pair is not raised again.
 */
export const alerts = pgTable(
  'alerts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
    pseudonym: text('pseudonym').notNull(),
    rule: text('rule').notNull(),
    otherInstitutionId: uuid('other_institution_id').references(() => institutions.id),
    reference: text('reference').notNull(),
    otherSince: date('other_since', { mode: 'string' }),
    why: jsonb('why').notNull(),
    state: alertStateEnum('state').notNull().default('open'),
    stateReason: text('state_reason').notNull().default(''),
    stateChangedAt: ts('state_changed_at'),
    stateByUserId: uuid('state_by_user_id').references(() => users.id),
    situationId: uuid('situation_id').references(() => situations.id),
    notifiedAt: ts('notified_at'),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('alerts_standing_key')
      .on(
        t.institutionId,
        t.pseudonym,
        t.rule,
        sql`coalesce(${t.otherInstitutionId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
      )
      .where(sql`${t.state} <> 'closed'`),
    index('alerts_institution_state_idx').on(t.institutionId, t.state),
    index('alerts_pseudonym_idx').on(t.pseudonym),
  ],
);
