import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { GENESIS_HASH, macAuditRow } from '../../domain/audit/hash-chain.ts';
import { queryRows } from '../../db/open-db.ts';
import { type TestApp, createTestApp } from '../../test/int-harness.ts';
import { checkAuditKey } from './check-audit-key.ts';
import { AUDIT_ROW_COLUMNS, type RawAuditRow, sealAllPending, toContent } from './seal-audit-chain.ts';
import { createCheckpointWriter } from './write-audit-checkpoint.ts';
import { auditMac } from './audit-mac.ts';

/**
 * The attacker of these tests is a superuser of the database who disables the
 * triggers (and with them the foreign keys) and deletes or rewrites rows. The
 * verification must name what was done, from the chain and the checkpoints
 * kept outside the database.
 */
const dirs: string[] = [];
const apps: TestApp[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function sealedApp(options: { checkpoints?: boolean } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-audit-'));
  dirs.push(dir);
  const file = join(dir, 'audit-checkpoints.jsonl');
  const t = await createTestApp(options.checkpoints === false ? {} : { AUDIT_CHECKPOINT_FILE: file });
  apps.push(t);
  const cookie = await t.signIn('admin');
  for (let i = 0; i < 4; i++) await t.request(cookie, { method: 'GET', url: '/api/users' });
  await sealAllPending(t.database.db, t.audit.key);
  const checkpoint = await createCheckpointWriter({ db: t.database.db, settings: t.audit }).write(new Date());
  const verify = async () => (await t.request(cookie, { method: 'POST', url: '/api/audit/verify' })).json();
  const headSeq = async () =>
    Number((await queryRows<{ s: string | number }>(t.database.db, sql`SELECT max(seq) AS s FROM audit_chain`))[0]!.s);
  return { t, cookie, file, checkpoint, verify, headSeq };
}

/**
 * As a superuser: every trigger of the audit tables off (the append-only guards and the foreign keys), then back on.
 */
const asAttacker = (t: TestApp, script: string) =>
  t.database.execScript(`
    ALTER TABLE audit_log DISABLE TRIGGER ALL;
    ALTER TABLE audit_chain DISABLE TRIGGER ALL;
    ${script}
    ALTER TABLE audit_log ENABLE TRIGGER ALL;
    ALTER TABLE audit_chain ENABLE TRIGGER ALL;`);

describe('audit chain against an attacker with the database', () => {
  it('verifies an untouched chain against its checkpoint', async () => {
    const { checkpoint, verify } = await sealedApp();
    expect(checkpoint).not.toBeNull();
    expect(await verify()).toMatchObject({
      ok: true,
      reason: null,
      checkpoint: { seq: checkpoint!.seq, at: checkpoint!.at },
      invalidCheckpointLines: [],
    });
  });

  it('reports a deleted row (and its link) as missing_row', async () => {
    const { t, verify } = await sealedApp();
    await asAttacker(
      t,
      `
      DELETE FROM audit_log WHERE id = (SELECT audit_id FROM audit_chain WHERE seq = 2);
      DELETE FROM audit_chain WHERE seq = 2;`,
    );
    expect(await verify()).toMatchObject({ ok: false, brokenAtSeq: 2, reason: 'missing_row' });
  });

  it('reports a link left without its row as missing_row, even at the end', async () => {
    const { t, verify, headSeq } = await sealedApp();
    const head = await headSeq();
    await asAttacker(t, `DELETE FROM audit_log WHERE id = (SELECT audit_id FROM audit_chain WHERE seq = ${head});`);
    expect(await verify()).toMatchObject({ ok: false, brokenAtSeq: head, reason: 'missing_row' });
  });

  it('reports the newest rows cut off after a checkpoint as missing_tail', async () => {
    const { t, checkpoint, verify } = await sealedApp();
    const keep = checkpoint!.seq - 3;
    await asAttacker(
      t,
      `
      DELETE FROM audit_log WHERE id IN (SELECT audit_id FROM audit_chain WHERE seq > ${keep});
      DELETE FROM audit_chain WHERE seq > ${keep};`,
    );
    expect(await verify()).toMatchObject({ ok: false, brokenAtSeq: keep + 1, reason: 'missing_tail' });
  });

  it('reports a cut tail that new rows grew back over the checkpointed position as checkpoint_mismatch', async () => {
    const { t, cookie, checkpoint, verify, headSeq } = await sealedApp();
    const keep = checkpoint!.seq - 2;
    await asAttacker(
      t,
      `
      DELETE FROM audit_log WHERE id IN (SELECT audit_id FROM audit_chain WHERE seq > ${keep});
      DELETE FROM audit_chain WHERE seq > ${keep};`,
    );
    for (let i = 0; i < 4; i++) await t.request(cookie, { method: 'GET', url: '/api/users' });
    await sealAllPending(t.database.db, t.audit.key);
    expect(await headSeq()).toBeGreaterThan(checkpoint!.seq);
    expect(await verify()).toMatchObject({ ok: false, brokenAtSeq: checkpoint!.seq, reason: 'checkpoint_mismatch' });
  });

  it('reports a row rewritten by someone with the key, links after it recomputed, as checkpoint_mismatch', async () => {
    const { t, checkpoint, verify } = await sealedApp();
    await asAttacker(
      t,
      `UPDATE audit_log SET ip = '203.0.113.66' WHERE id = (SELECT audit_id FROM audit_chain WHERE seq = 2);`,
    );
    // With the key (on PGlite it lies beside the data), every link from position 2 on is recomputed.
    const rows = await queryRows<RawAuditRow & { chain_seq: string | number }>(
      t.database.db,
      sql`SELECT c.seq AS chain_seq, ${AUDIT_ROW_COLUMNS}
          FROM audit_chain c JOIN audit_log a ON a.id = c.audit_id ORDER BY c.seq`,
    );
    let previous = GENESIS_HASH;
    const updates = rows.map((r) => {
      previous = macAuditRow(auditMac(t.audit.key), previous, toContent(r, Number(r.chain_seq)));
      return `UPDATE audit_chain SET mac = '${previous}' WHERE seq = ${Number(r.chain_seq)};`;
    });
    await asAttacker(t, updates.join('\n'));
    expect(await verify()).toMatchObject({ ok: false, brokenAtSeq: checkpoint!.seq, reason: 'checkpoint_mismatch' });
  });

  it('reports a checkpoint line edited without the key as checkpoint_invalid, naming the line', async () => {
    const { file, verify } = await sealedApp();
    const line = JSON.parse(readFileSync(file, 'utf8').trim());
    writeFileSync(file, `${JSON.stringify({ ...line, seq: line.seq + 100 })}\n`);
    expect(await verify()).toMatchObject({
      ok: false,
      brokenAtSeq: null,
      reason: 'checkpoint_invalid',
      invalidCheckpointLines: [1],
    });
  });

  it('cannot see a cut tail without checkpoints: that is what they are for', async () => {
    const { t, checkpoint, verify, headSeq } = await sealedApp({ checkpoints: false });
    expect(checkpoint).toBeNull();
    const head = await headSeq();
    await asAttacker(
      t,
      `
      DELETE FROM audit_log WHERE id IN (SELECT audit_id FROM audit_chain WHERE seq > ${head - 3});
      DELETE FROM audit_chain WHERE seq > ${head - 3};`,
    );
    expect(await verify()).toMatchObject({ ok: true, checkpoint: null });
  });

  it('tells at start whether the configured key is the one that sealed the chain', async () => {
    const { t, headSeq } = await sealedApp({ checkpoints: false });
    expect(await checkAuditKey(t.database.db, t.audit.key)).toBe('ok');
    expect(await checkAuditKey(t.database.db, Buffer.from('a-different-key-of-at-least-32-characters'))).toBe(
      'wrong_key',
    );
    await asAttacker(
      t,
      `UPDATE audit_log SET action = 'x' WHERE id = (SELECT audit_id FROM audit_chain WHERE seq = ${await headSeq()});`,
    );
    expect(await checkAuditKey(t.database.db, t.audit.key)).toBe('some_fail');
  });
});
