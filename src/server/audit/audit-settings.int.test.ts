import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../config.ts';
import { resolveAuditSettings } from './audit-settings.ts';

/** The key and the checkpoint file live outside the database; here, on the file system. */
const work = mkdtempSync(join(tmpdir(), 'tandem-audit-settings-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('audit settings', () => {
  it('on PGlite without a key, creates DATA_DIR/audit.key (0600) on first start and keeps it', () => {
    const dataDir = join(work, 'data');
    const config = parseConfig({ DATA_DIR: dataDir });
    const first = resolveAuditSettings(config, { dataDir, chainStarted: false });
    const path = join(dataDir, 'audit.key');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(first.key.toString('utf8')).toBe(readFileSync(path, 'utf8').trim());
    expect(first.key.length).toBeGreaterThanOrEqual(32);
    expect(first.checkpointFile).toBe(join(dataDir, 'audit-checkpoints.jsonl'));
    expect(first.warnings).toEqual([]);
    const again = resolveAuditSettings(config, { dataDir, chainStarted: true });
    expect(again.key.equals(first.key)).toBe(true);
  });

  it('refuses to replace a lost key file once the chain has links', () => {
    const dataDir = join(work, 'lost');
    expect(() => resolveAuditSettings(parseConfig({ DATA_DIR: dataDir }), { dataDir, chainStarted: true })).toThrow(
      /AUDIT_KEY_FILE: .*audit\.key is missing but the audit chain already has sealed rows/,
    );
  });

  it('reads AUDIT_KEY_FILE (trimmed; the same key as AUDIT_KEY with its content), warns if others can read it', () => {
    const path = join(work, 'given.key');
    const text = 'a-key-given-by-the-installation-0123456789';
    writeFileSync(path, `${text}\n`, { mode: 0o644 });
    chmodSync(path, 0o644);
    const fromFile = resolveAuditSettings(parseConfig({ AUDIT_KEY_FILE: path }), {
      dataDir: null,
      chainStarted: false,
    });
    const fromValue = resolveAuditSettings(parseConfig({ AUDIT_KEY: text }), { dataDir: null, chainStarted: false });
    expect(fromFile.key.equals(fromValue.key)).toBe(true);
    expect(fromFile.warnings.join()).toMatch(/AUDIT_KEY_FILE: .* readable by other users/);
    expect(fromFile.checkpointFile).toBeNull();
  });

  it('stops with the variable name on a missing or short key file', () => {
    const short = join(work, 'short.key');
    writeFileSync(short, 'too-short\n', { mode: 0o600 });
    const resolve = (env: Record<string, string>) =>
      resolveAuditSettings(parseConfig(env), { dataDir: null, chainStarted: false });
    expect(() => resolve({ AUDIT_KEY_FILE: short })).toThrow(ConfigError);
    expect(() => resolve({ AUDIT_KEY_FILE: short })).toThrow(
      /AUDIT_KEY_FILE: the key in .* is shorter than 32 characters/,
    );
    expect(() => resolve({ AUDIT_KEY_FILE: join(work, 'none.key') })).toThrow(/AUDIT_KEY_FILE: cannot read .*ENOENT/);
  });
});
