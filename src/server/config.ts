import { z } from 'zod';

/**
 * Configuration, parsed once at boot. A bad value stops the start with the
 * variable's name; nothing else in the server reads process.env.
 */
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(72).default(10),
  // Behind a TLS-terminating proxy: trust X-Forwarded-* so the client IP and https are seen.
  TRUST_PROXY: bool.default(false),
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
  // Signed checkpoints of the chain head, outside the database (default for PGlite: DATA_DIR/audit-checkpoints.jsonl).
  AUDIT_CHECKPOINT_FILE: z.string().min(1).optional(),
  AUDIT_CHECKPOINT_EMAIL: z.email('must be an e-mail address').optional(),
  AUDIT_CHECKPOINT_INTERVAL_MS: z.coerce.number().int().min(1000).default(3_600_000),
}).superRefine((c, issues) => {
  const issue = (path: string, message: string) => issues.addIssue({ code: 'custom', path: [path], message });
  if (c.DATABASE_OWNER_URL && !c.DATABASE_URL) issue('DATABASE_OWNER_URL', "needs DATABASE_URL (the application's role)");
  if (c.AUDIT_KEY && c.AUDIT_KEY_FILE) issue('AUDIT_KEY', 'set AUDIT_KEY or AUDIT_KEY_FILE, not both');
  if (c.DATABASE_URL && !c.AUDIT_KEY && !c.AUDIT_KEY_FILE) {
    issue('AUDIT_KEY_FILE', 'required with DATABASE_URL: a file holding the audit key of at least 32 characters (or AUDIT_KEY)');
  }
  if (c.AUDIT_CHECKPOINT_EMAIL && !c.SMTP_URL) issue('AUDIT_CHECKPOINT_EMAIL', 'needs SMTP_URL (checkpoints are sent directly, not through the outbox)');
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
