import { hashPassword, generateTemporaryPassword } from './auth/passwords.ts';
import { ConfigError, parseConfig } from './config.ts';
import { buildApp } from './app.ts';
import { errorFacts } from './http/error-facts.ts';
import { sealAuditChain } from './audit/seal-audit-chain.ts';
import { DataDirLockedError } from '../db/data-dir-lock.ts';
import { migrate } from '../db/migrate.ts';
import { ensureMeasureCatalogue } from '../db/seed/measure-catalogue.ts';
import { openDatabase } from '../db/open-db.ts';
import { isDatabaseEmpty, seedDemoCanton, seedEmptyInstallation } from '../db/seed/seed.ts';
import { seedDemoSituations } from './demo/seed-demo-situations.ts';
import { seedDemoTandems } from './demo/seed-demo-tandems.ts';
import { seedDemoMeasures } from './demo/seed-demo-measures.ts';
import { deliverOutbox } from './mail/deliver-outbox.ts';
import { smtpTransport } from './mail/mail-transport.ts';

/**
 * `npm start`: opens PGlite in DATA_DIR (or PostgreSQL at DATABASE_URL),
 * applies migrations, seeds a demo canton on first start (or, with --empty, a
 * single administrator whose password is printed once), and serves.
 */
async function main() {
  const config = parseConfig(process.env);
  const empty = process.argv.includes('--empty');
  const database = await openDatabase(
    config.DATABASE_URL ? { kind: 'postgres', url: config.DATABASE_URL } : { kind: 'pglite', dataDir: config.DATA_DIR },
  );
  await migrate(database);
  await ensureMeasureCatalogue(database.db);
  if (await isDatabaseEmpty(database.db)) {
    if (empty) {
      const password = generateTemporaryPassword();
      await seedEmptyInstallation(database.db, { adminPasswordHash: await hashPassword(password) });
      console.log(`\nEmpty installation. Sign in as "admin" with this password, shown only once:\n\n    ${password}\n\nYou will be asked to change it.\n`);
    } else {
      await seedDemoCanton(database.db);
      const situations = await seedDemoSituations(database.db, config);
      await seedDemoTandems(database.db, config, situations);
      await seedDemoMeasures(database.db, config, situations);
      console.log('Demo canton created: the sign-ins are listed in README.md.');
    }
  }
  const app = await buildApp({ db: database.db, config });
  // Error messages may quote personal data (a query's parameters, a recipient): only their facts are logged.
  const sealer = setInterval(() => {
    sealAuditChain(database.db).catch((error) => app.log.error({ err: errorFacts(error) }, 'audit sealing failed'));
  }, config.AUDIT_SEAL_INTERVAL_MS);

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

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    clearInterval(sealer);
    if (mailer) clearInterval(mailer);
    transport?.close();
    await app.close();
    await sealAuditChain(database.db).catch(() => 0);
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  await app.listen({ port: config.PORT, host: config.HOST });
  console.log(`Tandem listens on http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${config.PORT} (${database.kind})`);
}

main().catch((error) => {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    console.error(error.message);
  } else {
    console.error('Tandem could not start:', error);
  }
  process.exit(1);
});
