import type { Directory } from '../../contracts/organisations.ts';
import { ensureAllowed } from '../http/access.ts';
import type { AuthedContext } from '../http/context.ts';
import { readDirectory as queryDirectory } from './organisation-repository.ts';

/** Regions, institutions, offices and communes: configuration every signed-in user reads (no personal data). */
export async function readDirectory(ctx: AuthedContext): Promise<Directory> {
  await ensureAllowed(ctx, 'read', { type: 'organisation' }, { action: 'directory.read' });
  return queryDirectory(ctx.db);
}
