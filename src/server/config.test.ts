import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config.ts';

describe('configuration', () => {
  it('has working defaults', () => {
    const config = parseConfig({});
    expect(config).toMatchObject({ PORT: 3000, DATA_DIR: './data', SESSION_IDLE_MINUTES: 30, TRUST_PROXY: false });
    expect(config.DATABASE_URL).toBeUndefined();
  });
  it('stops with the name of the bad variable', () => {
    expect(() => parseConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => parseConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => parseConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: must start with postgres/);
    expect(() => parseConfig({ TRUST_PROXY: 'maybe' })).toThrow(/TRUST_PROXY/);
  });
});

describe('TRUST_PROXY', () => {
  const trust = (value: string) => parseConfig({ TRUST_PROXY: value }).TRUST_PROXY;
  it('trusts nobody by default or when false', () => {
    expect(trust('false')).toBe(false);
    expect(trust('0')).toBe(false);
    expect(trust('no')).toBe(false);
  });
  it('takes a number of proxy hops', () => {
    expect(trust('1')).toEqual({ hops: 1 });
    expect(trust(' 2 ')).toEqual({ hops: 2 });
  });
  it('takes a comma-separated list of addresses, CIDR ranges and proxy-addr names', () => {
    expect(trust('10.0.0.5')).toEqual({ addresses: ['10.0.0.5'] });
    expect(trust('10.0.0.5, 192.168.0.0/16,fd00::/8 ,::1,loopback')).toEqual({
      addresses: ['10.0.0.5', '192.168.0.0/16', 'fd00::/8', '::1', 'loopback'],
    });
  });
  it('refuses true and says what to write instead', () => {
    expect(() => trust('true')).toThrow(
      /TRUST_PROXY: `true` would trust an X-Forwarded-For written by anyone\. Write the number of proxies in front of/,
    );
    expect(() => trust('true')).toThrow(/Tandem \(e\.g\. 1\), or their addresses/);
    expect(() => trust('yes')).toThrow(/number of proxies/);
  });
  it('refuses what is neither, naming the entries it did not understand', () => {
    expect(() => trust('10.0.0.300')).toThrow(/TRUST_PROXY: .*not understood: 10\.0\.0\.300/);
    expect(() => trust('10.0.0.0/33')).toThrow(/not understood: 10\.0\.0\.0\/33/);
    expect(() => trust('proxy.example')).toThrow(/not understood: proxy\.example/);
    expect(() => trust('11')).toThrow(/TRUST_PROXY/);
    expect(() => trust(',')).toThrow(/TRUST_PROXY/);
  });
});

describe('audit configuration', () => {
  it('requires a key on PostgreSQL, naming the variable', () => {
    expect(() => parseConfig({ DATABASE_URL: 'postgres://app@db/tandem' })).toThrow(
      /AUDIT_KEY_FILE: required with DATABASE_URL/,
    );
    expect(
      parseConfig({ DATABASE_URL: 'postgres://app@db/tandem', AUDIT_KEY_FILE: '/etc/tandem/audit.key' }).AUDIT_KEY_FILE,
    ).toBe('/etc/tandem/audit.key');
    expect(parseConfig({}).AUDIT_KEY).toBeUndefined(); // PGlite: a key file is created in DATA_DIR
  });
  it('refuses short, doubled or orphaned audit settings', () => {
    expect(() => parseConfig({ AUDIT_KEY: 'short' })).toThrow(/AUDIT_KEY: must be at least 32 characters/);
    const key = 'k'.repeat(32);
    expect(() => parseConfig({ AUDIT_KEY: key, AUDIT_KEY_FILE: '/k' })).toThrow(
      /AUDIT_KEY: set AUDIT_KEY or AUDIT_KEY_FILE, not both/,
    );
    expect(() => parseConfig({ DATABASE_OWNER_URL: 'postgres://owner@db/tandem' })).toThrow(
      /DATABASE_OWNER_URL: needs DATABASE_URL/,
    );
    expect(() => parseConfig({ AUDIT_CHECKPOINT_EMAIL: 'dpo@example.ch' })).toThrow(
      /AUDIT_CHECKPOINT_EMAIL: needs SMTP_URL/,
    );
    expect(() => parseConfig({ AUDIT_CHECKPOINT_EMAIL: 'nope', SMTP_URL: 'smtp://x' })).toThrow(
      /AUDIT_CHECKPOINT_EMAIL/,
    );
    expect(parseConfig({}).AUDIT_CHECKPOINT_INTERVAL_MS).toBe(3_600_000);
  });
});
