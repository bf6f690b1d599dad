import { asc } from 'drizzle-orm';
import type { CantonStatement } from '../../contracts/measures.ts';
import { notFound } from '../../domain/errors.ts';
import { quarterOf } from '../../domain/measures/costs.ts';
import { composeCantonStatement } from '../../domain/measures/statement.ts';
import { communes } from '../../db/schema.ts';
import { recordAuditMany } from '../audit/audit-log.ts';
import { ensureAllowed } from '../http/access.ts';
import type { AuthedContext } from '../http/context.ts';
import { composeCommuneStatements, personReads } from './quarterly-statement.ts';

/**
 * The SAS's canton view of a quarter: every commune in one table, each row the totals of that commune's own
 * statement (the same computation, so the two never disagree), with the canton's totals. For the SAS only; the
 * read is audited, with one row per person the statements behind it name.
 */
export async function getCantonStatement(ctx: AuthedContext, quarterKey: string): Promise<CantonStatement> {
  await ensureAllowed(ctx, 'read', { type: 'canton_statement' }, { action: 'statement.canton_read' });
  const quarter = quarterOf(quarterKey);
  if (!quarter) throw notFound();
  const all = await ctx.db.select({ id: communes.id, name: communes.name }).from(communes).orderBy(asc(communes.name));
  const perCommune = [];
  const audits = [];
  for (const { commune, statement, rows } of await composeCommuneStatements(ctx.db, all, quarter)) {
    perCommune.push({ commune, statement });
    audits.push(
      ...personReads(statement, rows, 'statement.canton_read', { communeId: commune.id, quarter: quarter.key }),
    );
  }
  const canton = composeCantonStatement(quarter, perCommune);
  await recordAuditMany(ctx.db, ctx, [
    {
      action: 'statement.canton_read',
      recordType: 'canton_statement',
      allowed: true,
      details: { quarter: quarter.key, communes: all.length, lines: audits.length },
    },
    ...audits,
  ]);
  return canton;
}
