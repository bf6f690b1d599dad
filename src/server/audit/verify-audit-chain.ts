import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/open-db.ts';
import type { ChainReport } from '../../contracts/audit.ts';
import { GENESIS_HASH, verifyChainSegment } from '../../domain/audit/hash-chain.ts';
import { ensureAllowed } from '../http/access.ts';
import type { AuthedContext } from '../http/context.ts';
import { recordAudit } from './audit-log.ts';
import { type RawAuditRow, sealAuditChain, toContent } from './seal-audit-chain.ts';

const PAGE = 1000;

/** Seals what is pending, then recomputes every hash from the first row. */
export async function verifyAuditChain(ctx: AuthedContext): Promise<ChainReport> {
  await ensureAllowed(ctx, 'verify', { type: 'audit_log' }, { action: 'audit.verify' });
  while ((await sealAuditChain(ctx.db)) > 0) {
    // keep sealing until nothing is pending
  }
  let state = { previousHash: GENESIS_HASH, expectedSeq: 1 };
  let checked = 0;
  let report: ChainReport | null = null;
  for (;;) {
    const page = await queryRows<RawAuditRow>(
      ctx.db,
      sql`SELECT * FROM audit_log WHERE seq >= ${state.expectedSeq} AND seq IS NOT NULL ORDER BY seq LIMIT ${PAGE}`,
    );
    const rows = page.map((r) => ({
      ...toContent(r, Number(r.seq)),
      hash: String(r.hash),
    }));
    if (rows.length === 0) break;
    const verdict = verifyChainSegment(rows, state);
    checked += verdict.checked;
    if (!verdict.ok) {
      report = { ok: false, checked, pending: 0, brokenAtSeq: verdict.brokenAtSeq, reason: verdict.reason };
      break;
    }
    state = verdict.state;
    if (rows.length < PAGE) break;
  }
  const [pendingRow] = await queryRows<{ n: number }>(ctx.db, sql`SELECT count(*)::int AS n FROM audit_log WHERE seq IS NULL`);
  const pending = Number(pendingRow?.n ?? 0);
  report = report ? { ...report, pending } : { ok: true, checked, pending, brokenAtSeq: null, reason: null };
  await recordAudit(ctx.db, ctx, { action: 'audit.verify', recordType: 'audit_log', allowed: true, details: { ...report } });
  return report;
}
