import type { UserListQuery } from '../../contracts/users.ts';
import { userListScope } from '../../domain/access/policy.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { AuthedContext } from '../http/context.ts';
import { listUsers as queryUsers } from './user-repository.ts';

/** Users the caller may see (the policy's scope is a SQL condition); the read is audited with the ids shown. */
export async function listUsers(ctx: AuthedContext, query: UserListQuery) {
  const page = await queryUsers(ctx.db, userListScope(ctx.actor), query, ctx.actor, ctx.lang, ctx.now());
  await recordAudit(ctx.db, ctx, {
    action: 'user.list',
    recordType: 'user',
    allowed: true,
    details: { ids: page.items.map((u) => u.id), total: page.total },
  });
  return page;
}
