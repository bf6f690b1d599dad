import { sql } from 'drizzle-orm';
import type { Db } from '../db/open-db.ts';

/**
 * A trigger that stands in for any constraint a use case did not check: an
 * insert of a person whose locality reads `SQLSTATE <code>` fails with that
 * code, a constraint name, and a message quoting the person's e-mail and
 * birth date (as PostgreSQL's own messages quote offending values).
 */
export async function installFailingPersonTrigger(db: Db) {
  await db.execute(
    sql.raw(`
      CREATE FUNCTION test_fail_person() RETURNS trigger AS $$
      BEGIN
        IF NEW.locality LIKE 'SQLSTATE %' THEN
          RAISE EXCEPTION 'refused person % born %', NEW.email, NEW.birth_date
            USING ERRCODE = substr(NEW.locality, 10, 5), CONSTRAINT = 'test_person_rule';
        END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`),
  );
  await db.execute(
    sql.raw(
      'CREATE TRIGGER test_fail_person BEFORE INSERT ON persons FOR EACH ROW EXECUTE FUNCTION test_fail_person()',
    ),
  );
}

export const failWith = (code: string) => `SQLSTATE ${code}`;
