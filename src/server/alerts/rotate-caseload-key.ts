import { sql } from 'drizzle-orm';
import { keyFingerprint, rekey } from '../../domain/alerts/pseudonym.ts';
import { type Db, queryRows } from '../../db/open-db.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { caseloadHmac, checkCaseloadKeys } from './caseload-key.ts';
import { refreshPersonPseudonyms } from './caseload-repository.ts';

/**
 * Key rotation (issue 14, decision 026) without a single NAVS13 in clear: every stored pseudonym p becomes
 * HMAC(newKey, p), which is the pseudonym under the chain [...oldKeys, newKey] (src/domain/alerts/pseudonym.ts).
 * The caseloads, departures and standing alerts are re-keyed in one transaction with the fingerprint; the persons'
 * pseudonyms are recomputed from their numbers (Tandem holds those anyway). Audited.
 */
export async function rotateCaseloadKey(db: Db, options: { oldKeys: string[]; newKey: string; now: Date }) {
  const { oldKeys, newKey, now } = options;
  await checkCaseloadKeys(db, oldKeys, now);
  const chain = [...oldKeys, newKey];
  const rekeyed = await db.transaction(async (tx) => {
    const stored = await queryRows<{ pseudonym: string }>(
      tx,
      sql`SELECT pseudonym FROM caseload_entries UNION SELECT pseudonym FROM caseload_departures
          UNION SELECT pseudonym FROM alerts WHERE pseudonym <> ''`,
    );
    await tx.execute(sql`CREATE TEMP TABLE caseload_rekey (old text PRIMARY KEY, new text NOT NULL) ON COMMIT DROP`);
    const pairs = stored.map((s) => ({ old: s.pseudonym, new: rekey(s.pseudonym, [newKey], caseloadHmac) }));
    for (let i = 0; i < pairs.length; i += 10_000) {
      const chunk = JSON.stringify(pairs.slice(i, i + 10_000));
      await tx.execute(
        sql`INSERT INTO caseload_rekey SELECT * FROM jsonb_to_recordset(${chunk}::jsonb) AS x(old text, new text)`,
      );
    }
    for (const table of ['caseload_entries', 'caseload_departures', 'alerts'])
      await tx.execute(
        sql`UPDATE ${sql.identifier(table)} t SET pseudonym = m.new FROM caseload_rekey m WHERE t.pseudonym = m.old`,
      );
    await tx.execute(sql`DELETE FROM person_pseudonyms`);
    await tx.execute(
      sql`UPDATE caseload_key_state SET fingerprint = ${keyFingerprint(chain, caseloadHmac)},
            key_count = ${chain.length}, changed_at = ${now.toISOString()}::timestamptz WHERE id = 1`,
    );
    await recordAudit(
      tx,
      { actor: null, ip: 'command', now: () => now },
      {
        action: 'caseload.rotate_key',
        recordType: 'caseload',
        allowed: true,
        details: { pseudonyms: pairs.length, keys: chain.length },
      },
    );
    return pairs.length;
  });
  const persons = await refreshPersonPseudonyms(db, chain, caseloadHmac);
  return { rekeyed, persons, chain };
}
