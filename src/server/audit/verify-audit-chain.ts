import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/open-db.ts';
import type { ChainReport } from '../../contracts/audit.ts';
import { missingTailFrom } from '../../domain/audit/checkpoint.ts';
import { type ChainState, GENESIS_HASH, verifyChainSegment } from '../../domain/audit/hash-chain.ts';
import { ensureAllowed } from '../http/access.ts';
import type { AuthedContext } from '../http/context.ts';
import { recordAudit } from './audit-log.ts';
import type { AuditSettings } from './audit-settings.ts';
import { AUDIT_ROW_COLUMNS, type RawAuditRow, sealAllPending, toContent } from './seal-audit-chain.ts';
import { readCheckpointFile } from './write-audit-checkpoint.ts';
import { auditMac } from './audit-mac.ts';

const PAGE = 1000;

/**
 * Seals what is pending, recomputes every link under the key from the first
 * position, and compares the chain with the signed checkpoints kept outside
 * the database: a chain that ends before a checkpointed position lost its
 * tail; a link that differs from a checkpoint's was recomputed by someone
 * holding the key.
 */
export async function verifyAuditChain(ctx: AuthedContext, settings: AuditSettings): Promise<ChainReport> {
  await ensureAllowed(ctx, 'verify', { type: 'audit_log' }, { action: 'audit.verify' });
  await sealAllPending(ctx.db, settings.key);
  const checkpoints = await readCheckpointFile(settings);

  let state: ChainState = { previousMac: GENESIS_HASH, expectedSeq: 1 };
  let checked = 0;
  let broken: Pick<ChainReport, 'brokenAtSeq' | 'reason'> | null = null;
  for (;;) {
    const page = await queryRows<RawAuditRow & { chain_seq: number | string; mac: string }>(
      ctx.db,
      sql`SELECT c.seq AS chain_seq, c.mac, ${AUDIT_ROW_COLUMNS}
          FROM audit_chain c JOIN audit_log a ON a.id = c.audit_id
          WHERE c.seq >= ${state.expectedSeq} ORDER BY c.seq LIMIT ${PAGE}`,
    );
    if (page.length === 0) break;
    const verdict = verifyChainSegment(
      auditMac(settings.key),
      page.map((r) => ({ ...toContent(r, Number(r.chain_seq)), mac: r.mac })),
      state,
      checkpoints.anchors,
    );
    checked += verdict.checked;
    if (!verdict.ok) {
      broken = { brokenAtSeq: verdict.brokenAtSeq, reason: verdict.reason };
      break;
    }
    state = verdict.state;
    if (page.length < PAGE) break;
  }
  if (!broken) {
    const walkedTo = state.expectedSeq - 1;
    // A link whose audit row is gone (only possible with the foreign key disabled) ends the walk early.
    const [last] = await queryRows<{ seq: number | string | null }>(
      ctx.db,
      sql`SELECT max(seq) AS seq FROM audit_chain`,
    );
    const tail = missingTailFrom(walkedTo, checkpoints.latest);
    if (Number(last?.seq ?? 0) > walkedTo) broken = { brokenAtSeq: walkedTo + 1, reason: 'missing_row' };
    else if (tail !== null) broken = { brokenAtSeq: tail, reason: 'missing_tail' };
    else if (checkpoints.invalidLines.length > 0) broken = { brokenAtSeq: null, reason: 'checkpoint_invalid' };
  }

  const [pendingRow] = await queryRows<{ n: number | string }>(
    ctx.db,
    sql`SELECT count(*)::int AS n FROM audit_log a
        WHERE NOT EXISTS (SELECT 1 FROM audit_chain c WHERE c.audit_id = a.id)`,
  );
  const report: ChainReport = {
    ok: broken === null,
    checked,
    pending: Number(pendingRow?.n ?? 0),
    brokenAtSeq: broken?.brokenAtSeq ?? null,
    reason: broken?.reason ?? null,
    checkpoint: checkpoints.latest ? { seq: checkpoints.latest.seq, at: checkpoints.latest.at } : null,
    invalidCheckpointLines: checkpoints.invalidLines,
  };
  await recordAudit(ctx.db, ctx, {
    action: 'audit.verify',
    recordType: 'audit_log',
    allowed: true,
    details: { ...report },
  });
  return report;
}
