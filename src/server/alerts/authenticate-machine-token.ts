import { and, eq, gt, isNull } from 'drizzle-orm';
import { DomainError } from '../../domain/errors.ts';
import { machineTokens } from '../../db/schema.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { Context } from '../http/context.ts';
import { tokenHash } from './machine-token-repository.ts';

/**
 * The institution a `Authorization: Bearer tdm_…` header speaks for: a token that exists, is not revoked and has not
 * expired. Anything else is a 401, audited (without the secret). A use marks the token used.
 */
export async function authenticateMachineToken(
  ctx: Context,
  header: string | undefined,
): Promise<{ tokenId: string; institutionId: string }> {
  const secret = /^Bearer\s+(tdm_[A-Za-z0-9_-]{20,100})\s*$/.exec(header ?? '')?.[1];
  const now = ctx.now();
  const [token] = secret
    ? await ctx.db
        .select({ id: machineTokens.id, institutionId: machineTokens.institutionId })
        .from(machineTokens)
        .where(
          and(
            eq(machineTokens.tokenHash, tokenHash(secret)),
            isNull(machineTokens.revokedAt),
            gt(machineTokens.expiresAt, now),
          ),
        )
    : [];
  if (!token) {
    await recordAudit(ctx.db, ctx, {
      action: 'machine_token.use',
      recordType: 'machine_token',
      allowed: false,
      details: { reason: secret ? 'unknown_expired_or_revoked' : 'missing' },
    });
    throw new DomainError('unauthenticated', 'caseload.badToken');
  }
  await ctx.db.update(machineTokens).set({ lastUsedAt: now }).where(eq(machineTokens.id, token.id));
  await recordAudit(ctx.db, ctx, {
    action: 'machine_token.use',
    recordType: 'machine_token',
    recordId: token.id,
    allowed: true,
    details: { institutionId: token.institutionId },
  });
  return { tokenId: token.id, institutionId: token.institutionId };
}
