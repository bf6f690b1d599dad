import { eq, inArray } from 'drizzle-orm';
import { addDays } from '../../domain/alerts/alert-rules.ts';
import { CASELOAD_COLUMNS } from '../../domain/alerts/caseload.ts';
import { swissDay } from '../../domain/consent/consent.ts';
import { formatNavs13, navs13CheckDigit } from '../../domain/person/navs13.ts';
import type { Db } from '../../db/open-db.ts';
import { users } from '../../db/schema.ts';
import { found } from '../../db/seed/found.ts';
import { uploadCaseload } from '../alerts/upload-caseload.ts';
import type { CaseloadKeys } from '../alerts/caseload-key.ts';
import type { Config } from '../config.ts';

/** A fictitious valid NAVS13 of the demo (756.9990.…): the check digit computed, never a real person's. */
export const demoNavs13 = (n: number) => {
  const first12 = `7569990${String(n).padStart(5, '0')}`;
  return formatNavs13(`${first12}${navs13CheckDigit(first12)}`);
};

/** The demo correspondents' phones, given to the other institution in a co-follow-up alert. */
const PHONES: Record<string, string> = {
  'orp.repondant': '027 606 73 10',
  'oai.repondant': '027 324 96 11',
  'osp.repondant': '027 606 45 00',
  'suva.repondant': '027 329 51 11',
};

/**
 * The demo's caseloads (issue 14), uploaded through the same use case as the screen, dated back from the clock so
 * that they are right whenever the demo is made: the OAI and the ORP Valais central both follow one person (each
 * correspondent sees a co-follow-up alert naming the other), the ORP follows one whose LACI rights end in six weeks
 * with two risk factors (the early-risk rule fires for the ORP only), the OSP follows someone no one else does.
 */
export async function seedDemoCaseloads(db: Db, _config: Config, keys: CaseloadKeys, now = new Date()) {
  const today = swissDay(now);
  const ago = (days: number) => addDays(today, -days);
  const people = await db
    .select({ id: users.id, username: users.username, institutionId: users.institutionId, roles: users.roles })
    .from(users)
    .where(inArray(users.username, Object.keys(PHONES)));
  for (const [username, phone] of Object.entries(PHONES))
    await db.update(users).set({ phone }).where(eq(users.username, username));
  const as = (username: string) => {
    const u = found(
      people.find((p) => p.username === username),
      username,
    );
    return {
      db,
      now: () => now,
      ip: 'demo-seed',
      lang: 'fr' as const,
      actor: { userId: u.id, institutionId: u.institutionId, regionId: null, roles: u.roles },
    };
  };
  const csv = (rows: string[][]) =>
    Buffer.from([CASELOAD_COLUMNS.join(';'), ...rows.map((r) => r.join(';'))].join('\n'), 'utf8');
  const upload = async (username: string, rows: string[][]) => {
    const caller = as(username);
    const institutionId = caller.actor.institutionId;
    await uploadCaseload(caller, {
      institutionId,
      file: { content: csv(rows), type: 'text/csv' },
      dryRun: false,
      keys,
    });
  };
  await upload('oai.repondant', [
    [demoNavs13(1), 'AI-2041-0117', ago(400), '', 'health'],
    [demoNavs13(2), 'AI-2041-0233', ago(150), '', ''],
  ]);
  await upload('orp.repondant', [
    [demoNavs13(1), 'ORP-SION-5521', ago(95), '', 'employability'],
    [demoNavs13(3), 'ORP-SION-5560', ago(300), addDays(today, 42), 'health, debts'],
    [demoNavs13(4), 'ORP-SION-5602', ago(20), '', ''],
  ]);
  await upload('osp.repondant', [[demoNavs13(5), 'OSP-778', ago(60), '', '']]);
}
