import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config.ts';

describe('configuration', () => {
  it('has working defaults', () => {
    const config = parseConfig({});
    expect(config).toMatchObject({ PORT: 3000, DATA_DIR: './data', SESSION_IDLE_MINUTES: 30 });
    expect(config.DATABASE_URL).toBeUndefined();
  });
  it('stops with the name of the bad variable', () => {
    expect(() => parseConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => parseConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => parseConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: must start with postgres/);
    expect(() => parseConfig({ TRUST_PROXY: 'maybe' })).toThrow(/TRUST_PROXY/);
  });
});

describe('audit configuration', () => {
  it('requires a key on PostgreSQL, naming the variable', () => {
    expect(() => parseConfig({ DATABASE_URL: 'postgres://app@db/tandem' })).toThrow(/AUDIT_KEY_FILE: required with DATABASE_URL/);
    expect(parseConfig({ DATABASE_URL: 'postgres://app@db/tandem', AUDIT_KEY_FILE: '/etc/tandem/audit.key' }).AUDIT_KEY_FILE).toBe(
      '/etc/tandem/audit.key',
    );
    expect(parseConfig({}).AUDIT_KEY).toBeUndefined(); // PGlite: a key file is created in DATA_DIR
  });
  it('refuses short, doubled or orphaned audit settings', () => {
    expect(() => parseConfig({ AUDIT_KEY: 'short' })).toThrow(/AUDIT_KEY: must be at least 32 characters/);
    const key = 'k'.repeat(32);
    expect(() => parseConfig({ AUDIT_KEY: key, AUDIT_KEY_FILE: '/k' })).toThrow(/AUDIT_KEY: set AUDIT_KEY or AUDIT_KEY_FILE, not both/);
    expect(() => parseConfig({ DATABASE_OWNER_URL: 'postgres://owner@db/tandem' })).toThrow(/DATABASE_OWNER_URL: needs DATABASE_URL/);
    expect(() => parseConfig({ AUDIT_CHECKPOINT_EMAIL: 'dpo@example.ch' })).toThrow(/AUDIT_CHECKPOINT_EMAIL: needs SMTP_URL/);
    expect(() => parseConfig({ AUDIT_CHECKPOINT_EMAIL: 'nope', SMTP_URL: 'smtp://x' })).toThrow(/AUDIT_CHECKPOINT_EMAIL/);
    expect(parseConfig({}).AUDIT_CHECKPOINT_INTERVAL_MS).toBe(3_600_000);
  });
});
