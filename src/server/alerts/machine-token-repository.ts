import { createHash, randomBytes } from 'node:crypto';
import { desc, eq } from 'drizzle-orm';
import type { MachineToken } from '../../contracts/alerts.ts';
import type { Queryable } from '../../db/open-db.ts';
import { institutions, machineTokens } from '../../db/schema.ts';

/** A token is 32 random bytes with a prefix that says what it is; the database keeps its SHA-256 only. */
export const newTokenSecret = () => `tdm_${randomBytes(32).toString('base64url')}`;
export const tokenHash = (secret: string) => createHash('sha256').update(secret, 'utf8').digest('hex');

export async function listMachineTokenRows(q: Queryable, id?: string): Promise<MachineToken[]> {
  const rows = await q
    .select({
      id: machineTokens.id,
      institutionId: institutions.id,
      nameFr: institutions.nameFr,
      nameDe: institutions.nameDe,
      label: machineTokens.label,
      expiresAt: machineTokens.expiresAt,
      revokedAt: machineTokens.revokedAt,
      lastUsedAt: machineTokens.lastUsedAt,
      createdAt: machineTokens.createdAt,
      version: machineTokens.version,
    })
    .from(machineTokens)
    .innerJoin(institutions, eq(institutions.id, machineTokens.institutionId))
    .where(id ? eq(machineTokens.id, id) : undefined)
    .orderBy(desc(machineTokens.createdAt));
  return rows.map((r) => ({
    id: r.id,
    institution: { id: r.institutionId, nameFr: r.nameFr, nameDe: r.nameDe },
    label: r.label,
    expiresAt: r.expiresAt.toISOString(),
    revokedAt: r.revokedAt?.toISOString() ?? null,
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    version: r.version,
  }));
}
