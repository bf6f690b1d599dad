import { parseArgs } from 'node:util';
import { TARGET_OPTIONS, auditKeyFor, describeTarget, openTarget, targetsFrom } from './bench-target.ts';
import { DEFAULT_AS_OF, DEFAULT_SEED, formatCounts, generateCanton } from './generate-canton.ts';

/**
 * `npm run bench:data -- --scale N [--database-url URL | --pglite DIR] [--seed S] [--as-of ISO] [--lean]`
 * Generates the benchmark's canton into an empty database (see generate-canton.ts).
 */
const { values } = parseArgs({
  options: {
    ...TARGET_OPTIONS,
    scale: { type: 'string' },
    seed: { type: 'string', default: String(DEFAULT_SEED) },
    'as-of': { type: 'string', default: DEFAULT_AS_OF.toISOString() },
    lean: { type: 'boolean', default: false },
  },
});

async function main() {
  const targets = targetsFrom(values);
  if (!values.scale || targets.length !== 1) {
    console.error(
      'Usage: npm run bench:data -- --scale N (1, 10 or 50) and one of ' +
        '--database-url URL (or DATABASE_URL) or --pglite DIR',
    );
    process.exit(2);
  }
  const target = targets[0]!;
  const asOf = new Date(values['as-of']);
  if (Number.isNaN(asOf.getTime())) throw new Error(`--as-of: not a date: ${values['as-of']}`);
  const key = auditKeyFor(target, console.log);
  const database = await openTarget(target);
  try {
    console.log(`Target: ${describeTarget(target)}`);
    const counts = await generateCanton(database, {
      scale: Number(values.scale),
      seed: Number(values.seed),
      asOf,
      auditKey: key,
      lean: values.lean,
    });
    console.log(`Rows:\n${formatCounts(counts)}`);
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
