import { eq } from 'drizzle-orm';
import { alerts } from '../../db/schema.ts';
import { ensureAllowed } from '../http/access.ts';
import type { AuthedContext } from '../http/context.ts';
import { notFoundAudited } from '../http/access.ts';

/** One alert the caller's institution holds, or a 404 (audited) for anyone else's or none. */
export async function loadAlertFor(ctx: AuthedContext, id: string) {
  const [alert] = await ctx.db.select().from(alerts).where(eq(alerts.id, id));
  if (!alert) throw await notFoundAudited(ctx, { action: 'alert.update', recordType: 'alert', recordId: id });
  await ensureAllowed(
    ctx,
    'update',
    { type: 'alert', institutionId: alert.institutionId },
    { action: 'alert.update', recordId: id },
  );
  return alert;
}
