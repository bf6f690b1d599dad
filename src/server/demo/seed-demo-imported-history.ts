import { HISTORY_COLUMNS } from '../../domain/history/history-import.ts';
import type { Actor } from '../../domain/access/roles.ts';
import type { Db } from '../../db/open-db.ts';
import { users } from '../../db/schema.ts';
import { found } from '../../db/seed/found.ts';
import type { Config } from '../config.ts';
import { importHistory } from '../history/import-history.ts';

/**
 * The demo's older history (issue 13, decision 025): four years before the live history, the CII's former records as
 * an administrator imports them — about a situation a month, anonymous, through the import use case itself (one CSV
 * file in the template). So the figures show imported and live years side by side, and "since the start" means it.
 */
const REGIONS = ['SION', 'SION', 'MONTHEY', 'BRIG'] as const;
const TANDEM_OUTCOMES = ['inserted', 'lack_of_cooperation', 'inserted', 'unavailable', 'inserted', 'social_aid_only'];
const pad = (n: number) => String(n).padStart(2, '0');

export function demoHistoryCsv(now: Date): string {
  const firstYear = now.getUTCFullYear() - 8;
  const rows: Record<string, string>[] = [];
  for (let y = 0; y < 4; y++)
    for (let m = 1; m <= 12; m++) {
      const i = y * 12 + m;
      const year = firstYear + y;
      const day = (d: number, month = m) =>
        `${year + Math.floor((month - 1) / 12)}-${pad(((month - 1) % 12) + 1)}-${pad(d)}`;
      const base = {
        external_key: `ASGAL-${year}-${pad(m)}`,
        announced_on: day(3),
        decided_on: day(17),
        region: REGIONS[i % REGIONS.length] as string,
        institution_kind: i % 3 === 0 ? 'cms' : 'orp',
      };
      if (i % 6 === 0) rows.push({ ...base, decision: 'refused' });
      else if (i % 5 === 0)
        rows.push({
          ...base,
          decision: 'taken_into_care',
          care1_kind: 'round_table',
          care1_started_on: day(20),
          care1_ended_on: day(10, m + 1),
          care1_outcome: 'oriented_network_follow_up',
          care2_kind: 'network_follow_up',
          care2_started_on: day(10, m + 1),
          care2_ended_on: day(10, m + 5),
          care2_outcome: i % 2 ? 'inserted' : 'followed_by_institution',
        });
      else {
        const outcome = TANDEM_OUTCOMES[i % TANDEM_OUTCOMES.length] as string;
        rows.push({
          ...base,
          decision: 'taken_into_care',
          care1_kind: 'tandem',
          care1_started_on: day(24),
          care1_ended_on: day(15, m + 4 + (i % 4)),
          care1_outcome: outcome,
          follow_up_6_months: outcome === 'inserted' ? (i % 7 ? 'in_work' : 'not_in_work') : '',
          follow_up_12_months: outcome === 'inserted' ? (i % 4 ? 'in_work' : 'not_in_work') : '',
        });
      }
    }
  return [HISTORY_COLUMNS.join(';'), ...rows.map((r) => HISTORY_COLUMNS.map((c) => r[c] ?? '').join(';'))].join('\r\n');
}

export async function seedDemoImportedHistory(db: Db, config: Config, now: Date = new Date()) {
  const admin = found(
    (await db.select().from(users)).find((u) => u.username === 'admin'),
    'user admin',
  );
  const actor: Actor = {
    userId: admin.id,
    institutionId: admin.institutionId,
    regionId: admin.regionId,
    roles: admin.roles,
  };
  const ctx = { db, config, now: () => now, ip: '127.0.0.1', lang: admin.language, actor };
  const result = await importHistory(ctx, { content: Buffer.from(demoHistoryCsv(now)), type: 'text/csv' }, false);
  if (result.rejected.length || result.fileProblems.length)
    throw new Error(`demo history import: ${JSON.stringify({ ...result.rejected[0], ...result.fileProblems })}`);
}
