import { type SQL, sql } from 'drizzle-orm';
import { migrate } from './migrate.ts';
import { type Database, openDatabase, queryRows } from './open-db.ts';
import { oneRow } from './one-row.ts';

/**
 * Two roles on PostgreSQL (decision 010). The owner role (DATABASE_OWNER_URL)
 * owns the tables and runs the migrations; the application's role (DATABASE_URL)
 * gets ordinary DML on the tables, but only INSERT and SELECT on the audit
 * tables: it cannot update, delete, truncate, alter (disable their triggers)
 * or drop them. Grants are applied again after every start's migrations, so a
 * table added by a later migration gets them too.
 */

/** The application may append to these and read them, nothing else. */
export const APPEND_ONLY_TABLES = ['audit_log', 'audit_chain'] as const;
/** The application may only read these. */
export const READ_ONLY_TABLES = ['audit_chain_legacy', 'schema_migrations'] as const;

export class DatabaseRoleError extends Error {}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

async function one<T>(database: Database, query: SQL): Promise<T> {
  return oneRow(await queryRows<T>(database.db, query));
}

/**
 * Refuses an application role that could still reach around the grants: the
 * owner itself, a superuser, a member of the owner role, the owner of the
 * schema (it could drop any table in it) or of any table.
 */
async function checkRoles(owner: Database, appRole: string, ownerRole: string, schema: string) {
  const stop = (why: string) => {
    throw new DatabaseRoleError(`DATABASE_URL: the role "${appRole}" ${why}`);
  };
  if (appRole === ownerRole)
    stop('is also the role of DATABASE_OWNER_URL; use two roles (README, "Protecting the audit log")');
  const facts = await one<{ superuser: boolean; member: boolean; owns_schema: boolean }>(
    owner,
    sql`SELECT r.rolsuper AS superuser,
               pg_has_role(${appRole}::name, ${ownerRole}::name, 'MEMBER') AS member,
               pg_has_role(${appRole}::name, n.nspowner, 'MEMBER') AS owns_schema
        FROM pg_roles r, pg_namespace n
        WHERE r.rolname = ${appRole} AND n.nspname = ${schema}`,
  );
  if (facts.superuser) stop('is a superuser: it could alter the audit tables');
  if (facts.member) stop(`is a member of "${ownerRole}": it could act as the owner of the audit tables`);
  if (facts.owns_schema) {
    stop(
      `owns the schema "${schema}" (or the database): it could drop the audit tables. ` +
        `As a superuser: ALTER DATABASE … OWNER TO ${ident(ownerRole)}`,
    );
  }
  const owned = await queryRows<{ relname: string }>(
    owner.db,
    sql`SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = ${schema} AND c.relkind IN ('r', 'p', 'S', 'v')
          AND pg_has_role(${appRole}::name, c.relowner, 'MEMBER')
        ORDER BY c.relname LIMIT 5`,
  );
  if (owned.length > 0) {
    stop(
      `owns tables (${owned.map((r) => r.relname).join(', ')}…). Hand them to the owner once, as a superuser: ` +
        `REASSIGN OWNED BY ${ident(appRole)} TO ${ident(ownerRole)}`,
    );
  }
}

/** Grants of the application's role; idempotent, in one transaction. */
export async function grantAppRole(owner: Database, appRole: string, schema: string) {
  const app = ident(appRole);
  const s = ident(schema);
  await owner.execScript(`
    BEGIN;
    REVOKE ALL ON ALL TABLES IN SCHEMA ${s} FROM ${app};
    REVOKE ALL ON ALL SEQUENCES IN SCHEMA ${s} FROM ${app};
    GRANT USAGE ON SCHEMA ${s} TO ${app};
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${s} TO ${app};
    REVOKE UPDATE, DELETE ON ${APPEND_ONLY_TABLES.join(', ')} FROM ${app};
    REVOKE INSERT, UPDATE, DELETE ON ${READ_ONLY_TABLES.join(', ')} FROM ${app};
    -- USAGE gives nextval (ids), not setval.
    GRANT USAGE ON ALL SEQUENCES IN SCHEMA ${s} TO ${app};
    COMMIT;`);
}

/**
 * At start with DATABASE_OWNER_URL: checks the roles, migrates as the owner,
 * then applies the application role's grants. `app` is the application's
 * database (DATABASE_URL); its role is the one connected.
 */
export async function migrateAsOwner(app: Database, ownerUrl: string): Promise<{ appRole: string; ownerRole: string }> {
  const owner = await openDatabase({ kind: 'postgres', url: ownerUrl, poolSize: 1 });
  try {
    const { role: appRole } = await one<{ role: string }>(app, sql`SELECT current_user AS role`);
    const { role: ownerRole, schema } = await one<{ role: string; schema: string }>(
      owner,
      sql`SELECT current_user AS role, current_schema() AS schema`,
    );
    await checkRoles(owner, appRole, ownerRole, schema);
    await migrate(owner);
    await grantAppRole(owner, appRole, schema);
    return { appRole, ownerRole };
  } finally {
    await owner.close();
  }
}
