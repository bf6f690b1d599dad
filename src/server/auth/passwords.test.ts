import { describe, expect, it } from 'vitest';
import { TEST_PASSWORD, TEST_PASSWORD_HASH } from '../../db/seed/factories.ts';
import { hashPassword, verifyPassword } from './passwords.ts';

describe('password hashing', () => {
  it('verifies what it hashed, and nothing else', async () => {
    const hash = await hashPassword('Tandem-Demo-2026');
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(hash, 'Tandem-Demo-2026')).toBe(true);
    expect(await verifyPassword(hash, 'tandem-demo-2026')).toBe(false);
    expect(await verifyPassword('not a hash', 'Tandem-Demo-2026')).toBe(false);
  });

  it("verifies the factories' fixed hash of the test password", async () => {
    expect(await verifyPassword(TEST_PASSWORD_HASH, TEST_PASSWORD)).toBe(true);
  });
});
