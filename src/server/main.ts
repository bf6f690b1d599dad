import { spawn } from 'node:child_process';
import { hashPassword, generateTemporaryPassword } from './auth/passwords.ts';
import { ConfigError, parseConfig } from './config.ts';
import { buildApp } from './app.ts';
import { errorFacts } from './http/error-facts.ts';
import { resolveAuditSettings } from './audit/audit-settings.ts';
import { auditChainStarted, checkAuditKey } from './audit/check-audit-key.ts';
import { sealAllPending, sealPending } from './audit/seal-audit-chain.ts';
import { createCheckpointWriter, smtpCheckpointMailer } from './audit/write-audit-checkpoint.ts';
import { DatabaseRoleError, migrateAsOwner } from '../db/app-role.ts';
import { DataDirLockedError } from '../db/data-dir-lock.ts';
import { migrate } from '../db/migrate.ts';
import { ensureMeasureCatalogue } from '../db/seed/measure-catalogue.ts';
import { openDatabase } from '../db/open-db.ts';
import { DEMO_PASSWORD } from '../db/seed/demo-canton.ts';
import { pgliteClusterExists } from '../db/pglite-data-dir.ts';
import { isDatabaseEmpty, seedDemoCanton, seedEmptyInstallation } from '../db/seed/seed.ts';
import { seedDemoSituations } from './demo/seed-demo-situations.ts';
import { seedDemoTandems } from './demo/seed-demo-tandems.ts';
import { seedDemoMeasures } from './demo/seed-demo-measures.ts';
import { seedDemoRoundTables } from './demo/seed-demo-round-tables.ts';
import { seedDemoAssessments } from './demo/seed-demo-assessments.ts';
import { seedDemoHistory } from './demo/seed-demo-history.ts';
import { seedDemoCaseloads } from './demo/seed-demo-caseloads.ts';
import { deliverOutbox } from './mail/deliver-outbox.ts';
import { checkCaseloadKeys, resolveCaseloadKeys } from './alerts/caseload-key.ts';
import { sendAlertDigest } from './alerts/send-alert-digest.ts';
import { smtpTransport } from './mail/mail-transport.ts';

/** Seconds since the process started, for the messages of a start. */
const elapsed = () => `${process.uptime().toFixed(1)} s`;

/** The flag of the short-lived process that prepares a new embedded database (`prepareApart`). */
const PREPARE_ONLY = '--prepare-only';

/**
 * A first start on PGlite creates, migrates and seeds the database in a process of its own, then serves from this
 * one: PGlite's WebAssembly memory grows while it loads the demo canton and never shrinks, so a server that seeded
 * itself idled at 490 MB against 240 MB for every later start (issue 10: under 400 MB idle; decision 015).
 */
async function prepareApart() {
  const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1), PREPARE_ONLY], {
    stdio: 'inherit',
    env: process.env,
  });
  // Stopped while it prepares: the child stops too (it holds the data directory's lock), then this process.
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (c, s) => resolve([c, s]));
  });
  process.off('SIGINT', forward);
  process.off('SIGTERM', forward);
  if (code === 0) return;
  if (signal) console.error(`Preparing the embedded database stopped (${signal}); start again to resume.`);
  process.exit(code ?? 1);
}

/**
 * `npm start`: opens PGlite in DATA_DIR (or PostgreSQL at DATABASE_URL),
 * applies migrations (as DATABASE_OWNER_URL's role when set, then grants the
 * application's role), loads the audit key, seeds a demo canton on first start
 * (or, with --empty, a single administrator whose password is printed once),
 * and serves; timers seal the audit chain and write its checkpoints. The slow
 * steps of a first start say what they do.
 */
async function main() {
  const config = parseConfig(process.env);
  const empty = process.argv.includes('--empty');
  const prepareOnly = process.argv.includes(PREPARE_ONLY);
  // The process that prepares a new database leaves the warnings, which hold for every start, to the server.
  const warn = (text: string) => {
    if (!prepareOnly) console.warn(text);
  };
  if (!config.DATABASE_URL && !pgliteClusterExists(config.DATA_DIR) && !prepareOnly) {
    console.log(`Creating the embedded database (PGlite) in ${config.DATA_DIR} and its tables…`);
    await prepareApart();
  }
  const database = await openDatabase(
    config.DATABASE_URL
      ? {
          kind: 'postgres',
          url: config.DATABASE_URL,
          poolSize: config.DATABASE_POOL_SIZE,
          connectTimeoutMs: config.DATABASE_WAIT_MS,
          statementTimeoutMs: config.STATEMENT_TIMEOUT_MS,
        }
      : { kind: 'pglite', dataDir: config.DATA_DIR },
  );
  if (config.DATABASE_OWNER_URL) {
    const roles = await migrateAsOwner(database, config.DATABASE_OWNER_URL);
    console.log(
      `Migrations ran as "${roles.ownerRole}"; "${roles.appRole}" may only append to and read the audit tables.`,
    );
  } else {
    const applied = await migrate(database);
    if (applied.length) console.log(`Database migrated: ${applied.length} migration(s) applied (${elapsed()}).`);
    warn(
      database.kind === 'postgres'
        ? 'Warning: no DATABASE_OWNER_URL, so the application runs as the owner of its tables: the audit tables ' +
            'are protected by triggers and the keyed chain only (README, "Protecting the audit log").'
        : 'Warning: PGlite runs as its one superuser: the audit tables are protected by triggers and the keyed ' +
            'chain only, with checkpoints outside the database (README, "Protecting the audit log").',
    );
  }
  const audit = resolveAuditSettings(config, {
    dataDir: database.kind === 'pglite' ? config.DATA_DIR : null,
    chainStarted: await auditChainStarted(database.db),
  });
  for (const warning of audit.warnings) warn(`Warning: ${warning}`);
  const keyCheck = await checkAuditKey(database.db, audit.key);
  if (keyCheck === 'wrong_key') {
    throw new ConfigError(
      `Invalid configuration:\n  ${config.AUDIT_KEY ? 'AUDIT_KEY' : 'AUDIT_KEY_FILE'}: ` +
        'this key does not verify the newest links of the audit chain; it is not the key that sealed them.',
    );
  }
  if (keyCheck === 'some_fail')
    warn(
      'Warning: the newest audit entry does not verify under the audit key: run the verification on the audit page.',
    );
  if (!audit.checkpointFile && !config.AUDIT_CHECKPOINT_EMAIL) {
    warn(
      'Warning: no AUDIT_CHECKPOINT_FILE nor AUDIT_CHECKPOINT_EMAIL: rows cut off the end of the audit log could ' +
        'not be detected.',
    );
  }
  // The caseload pseudonyms' key (issue 14, decision 026): outside the database, its fingerprint checked.
  const caseload = resolveCaseloadKeys(config, {
    dataDir: database.kind === 'pglite' ? config.DATA_DIR : null,
    auditKey: audit.key,
  });
  for (const warning of caseload.warnings) warn(`Warning: ${warning}`);
  await checkCaseloadKeys(database.db, caseload.keys, new Date());
  await ensureMeasureCatalogue(database.db);
  if (await isDatabaseEmpty(database.db)) {
    if (empty) {
      const password = generateTemporaryPassword();
      await seedEmptyInstallation(database.db, { adminPasswordHash: await hashPassword(password) });
      console.log(
        `\nEmpty installation. Sign in as "admin" with this password, shown only once:\n\n    ${password}\n\n` +
          'You will be asked to change it.\n',
      );
    } else {
      console.log('Seeding the demo canton (first start only)…');
      await seedDemoCanton(database.db, { passwordHash: await hashPassword(DEMO_PASSWORD) });
      const situations = await seedDemoSituations(database.db, config);
      await seedDemoTandems(database.db, config, situations);
      await seedDemoMeasures(database.db, config, situations);
      await seedDemoRoundTables(database.db, config);
      await seedDemoAssessments(database.db, config);
      await seedDemoHistory(database.db, config);
      await seedDemoCaseloads(database.db, config, caseload);
      console.log(`Demo canton created (${elapsed()}): the sign-ins are listed in README.md.`);
    }
  }
  // Signed checkpoints of the chain head, outside the database, when the head moved.
  const checkpointMailer =
    config.AUDIT_CHECKPOINT_EMAIL && config.SMTP_URL
      ? smtpCheckpointMailer(config.SMTP_URL, config.MAIL_FROM, config.AUDIT_CHECKPOINT_EMAIL)
      : null;
  const anchoring = Boolean(audit.checkpointFile || checkpointMailer);
  const checkpoints = createCheckpointWriter({ db: database.db, settings: audit, mailer: checkpointMailer });
  const writeCheckpoint = async () => {
    await sealAllPending(database.db, audit.key);
    await checkpoints.write(new Date());
  };
  // Positions from before migration 0008 and the seed's rows are sealed, and anchored, before serving.
  if (anchoring) {
    await writeCheckpoint().catch((error) => console.error(`audit checkpoint failed: ${(error as Error).message}`));
  } else {
    await sealAllPending(database.db, audit.key);
  }

  if (prepareOnly) {
    checkpointMailer?.close();
    await database.close();
    return;
  }

  const app = await buildApp({ db: database.db, config, audit, caseloadKeys: caseload, poolLoad: database.poolLoad });
  // Error messages may quote personal data (a query's parameters, a recipient): only their facts are logged.
  // Each tick seals what came since, in batches, for at most half the interval: a backlog is caught up, not grown.
  let sealing = false;
  const sealer = setInterval(() => {
    if (sealing) return;
    sealing = true;
    sealPending(database.db, audit.key, { sweep: 'recent', budgetMs: config.AUDIT_SEAL_INTERVAL_MS / 2 })
      .catch((error) => app.log.error({ err: errorFacts(error) }, 'audit sealing failed'))
      .finally(() => {
        sealing = false;
      });
  }, config.AUDIT_SEAL_INTERVAL_MS);
  let checkpointing = false;
  const checkpointer = anchoring
    ? setInterval(() => {
        if (checkpointing) return;
        checkpointing = true;
        writeCheckpoint()
          .catch((error) => app.log.error({ err: errorFacts(error) }, 'audit checkpoint failed'))
          .finally(() => (checkpointing = false));
      }, config.AUDIT_CHECKPOINT_INTERVAL_MS)
    : null;

  // E-mails leave through SMTP when it is configured; otherwise they wait in the outbox (admin page).
  const transport = config.SMTP_URL ? smtpTransport(config.SMTP_URL) : null;
  let delivering = false;
  const mailer = transport
    ? setInterval(() => {
        if (delivering) return;
        delivering = true;
        deliverOutbox({ db: database.db, transport, from: config.MAIL_FROM, now: () => new Date() })
          .catch((error) => app.log.error({ err: errorFacts(error) }, 'mail delivery failed'))
          .finally(() => (delivering = false));
      }, config.MAIL_INTERVAL_MS)
    : null;

  // The alerts' daily run (issue 14): a situation's co-follow-ups, then one digest a day per correspondent.
  let digesting = false;
  const digester = setInterval(() => {
    if (digesting) return;
    digesting = true;
    sendAlertDigest({ db: database.db, now: new Date(), keys: caseload })
      .catch((error) => app.log.error({ err: errorFacts(error) }, 'alert digest failed'))
      .finally(() => (digesting = false));
  }, config.ALERT_DIGEST_INTERVAL_MS);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    clearInterval(sealer);
    clearInterval(digester);
    if (mailer) clearInterval(mailer);
    if (checkpointer) clearInterval(checkpointer);
    transport?.close();
    await app.close();
    if (anchoring) {
      await writeCheckpoint().catch((error) => console.error(`audit checkpoint failed: ${(error as Error).message}`));
    } else {
      await sealAllPending(database.db, audit.key).catch(() => 0);
    }
    checkpointMailer?.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  await app.listen({ port: config.PORT, host: config.HOST });
  console.log(
    `Tandem listens on http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${config.PORT} (${database.kind}), ready in ${elapsed()}.`,
  );
}

main().catch((error) => {
  if (error instanceof ConfigError || error instanceof DataDirLockedError || error instanceof DatabaseRoleError) {
    console.error(error.message);
  } else {
    console.error('Tandem could not start:', error);
  }
  process.exit(1);
});
