import { isIP } from 'node:net';
import { z } from 'zod';

/**
 * Which proxies may speak for the client (X-Forwarded-For, -Proto, -Host):
 * none (`false`), the last N hops (`1`, `2`), or the proxies' addresses
 * (`10.0.0.5,10.1.0.0/16`; also proxy-addr's names `loopback`,
 * `linklocal`, `uniquelocal`). `true` is refused: it would believe any
 * client that writes the header itself.
 */
export type TrustProxy = false | { hops: number } | { addresses: string[] };
const TRUST_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);
const isAddressOrRange = (entry: string) => {
  if (TRUST_NAMES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (!version || rest.length) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
};
const trustProxy = z.string().transform((raw, ctx): TrustProxy => {
  const value = raw.trim().toLowerCase();
  if (['false', '0', 'no'].includes(value)) return false;
  if (['true', 'yes'].includes(value)) {
    ctx.addIssue({
      code: 'custom',
      message:
        '`true` would trust an X-Forwarded-For written by anyone. Write the number of proxies in front of Tandem ' +
        '(e.g. 1), or their addresses (e.g. 10.0.0.5 or 10.0.0.0/24, comma-separated), or false',
    });
    return z.NEVER;
  }
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops <= 10) return { hops };
  }
  const entries = raw
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  const bad = entries.filter((e) => !isAddressOrRange(e));
  if (!entries.length || bad.length) {
    ctx.addIssue({
      code: 'custom',
      message:
        'must be false, a number of proxy hops (1 to 10), or a comma-separated list of IP addresses or CIDR ranges' +
        (bad.length ? `; not understood: ${bad.join(', ')}` : ''),
    });
    return z.NEVER;
  }
  return { addresses: entries };
});

/**
 * Configuration, parsed once at boot. A bad value stops the start with the
 * variable's name; nothing else in the server reads process.env.
 */
const ConfigSchema = z
  .object({
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
    DATA_DIR: z.string().min(1).default('./data'),
    SESSION_IDLE_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(30),
    SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(72).default(10),
    // Behind a TLS-terminating proxy: trust X-Forwarded-* from it only, so the client IP and https are seen.
    TRUST_PROXY: trustProxy.default(false),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    WEB_DIST_DIR: z.string().min(1).default('./dist/web'),
    AUDIT_SEAL_INTERVAL_MS: z.coerce.number().int().min(100).default(2000),
    // Without SMTP_URL, e-mails stay in the outbox (admin page, .eml download).
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
      .optional(),
    MAIL_FROM: z.string().min(3).default('Tandem CII <tandem@localhost>'),
    MAIL_INTERVAL_MS: z.coerce.number().int().min(100).default(5000),
    // How long a tandem or case-team member keeps read access after their role in a file ends (issue 9).
    ACCESS_AFTER_ROLE_DAYS: z.coerce.number().int().min(0).max(3650).default(90),
    // Published figures hide counts below this (issue 13, decision 024): 3 hides 1 and 2.
    FIGURES_MIN_COUNT: z.coerce.number().int().min(2).max(100).default(3),
    // PostgreSQL: a role that owns the tables and runs the migrations; DATABASE_URL's role
    // then gets INSERT and SELECT only on the audit tables (decision 010).
    DATABASE_OWNER_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
    // The key of the audit chain's HMAC, never stored in the database. PGlite creates
    // DATA_DIR/audit.key when neither is set; PostgreSQL requires one of them.
    AUDIT_KEY: z.string().min(32, 'must be at least 32 characters (e.g. `openssl rand -base64 32`)').optional(),
    AUDIT_KEY_FILE: z.string().min(1).optional(),
    // The key (or key chain, oldest first) of the caseloads' NAVS13 pseudonyms (issue 14, decision 026), never
    // stored in the database. PGlite creates DATA_DIR/caseload.key when neither is set; elsewhere it is derived
    // from the audit key (with a warning): production sets its own, kept apart from the database.
    CASELOAD_KEY: z.string().min(32, 'must be at least 32 characters (e.g. `openssl rand -base64 32`)').optional(),
    CASELOAD_KEY_FILE: z.string().min(1).optional(),
    // How often the alerts' daily digest is looked at (one e-mail per correspondent and day at most).
    ALERT_DIGEST_INTERVAL_MS: z.coerce.number().int().min(1000).default(3_600_000),
    // Signed checkpoints of the chain head, outside the database (default for PGlite:
    // DATA_DIR/audit-checkpoints.jsonl).
    AUDIT_CHECKPOINT_FILE: z.string().min(1).optional(),
    AUDIT_CHECKPOINT_EMAIL: z.email('must be an e-mail address').optional(),
    AUDIT_CHECKPOINT_INTERVAL_MS: z.coerce.number().int().min(1000).default(3_600_000),
    // Load (issue 10): the PostgreSQL pool, how long a request may wait for one of its connections,
    // how long one statement may run, and how many API requests may be in flight before the next gets a 503.
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(10),
    DATABASE_WAIT_MS: z.coerce.number().int().min(100).max(120_000).default(5_000),
    STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(15_000),
    MAX_CONCURRENT_REQUESTS: z.coerce.number().int().min(1).max(10_000).default(64),
  })
  .superRefine((c, issues) => {
    const issue = (path: string, message: string) => issues.addIssue({ code: 'custom', path: [path], message });
    if (c.DATABASE_OWNER_URL && !c.DATABASE_URL)
      issue('DATABASE_OWNER_URL', "needs DATABASE_URL (the application's role)");
    if (c.AUDIT_KEY && c.AUDIT_KEY_FILE) issue('AUDIT_KEY', 'set AUDIT_KEY or AUDIT_KEY_FILE, not both');
    if (c.CASELOAD_KEY && c.CASELOAD_KEY_FILE) issue('CASELOAD_KEY', 'set CASELOAD_KEY or CASELOAD_KEY_FILE, not both');
    if (c.DATABASE_URL && !c.AUDIT_KEY && !c.AUDIT_KEY_FILE) {
      issue(
        'AUDIT_KEY_FILE',
        'required with DATABASE_URL: a file holding the audit key of at least 32 characters (or AUDIT_KEY)',
      );
    }
    if (c.AUDIT_CHECKPOINT_EMAIL && !c.SMTP_URL)
      issue('AUDIT_CHECKPOINT_EMAIL', 'needs SMTP_URL (checkpoints are sent directly, not through the outbox)');
  });

export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {}

export function parseConfig(env: Record<string, string | undefined>): Config {
  // An empty variable means "not set", as in most shells' `VAR= cmd`.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = ConfigSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}
