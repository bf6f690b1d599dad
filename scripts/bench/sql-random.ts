/**
 * Seeded pseudo-randomness in SQL: every value of the generated canton is a
 * hash of (seed, row number, salt), so two runs with the same seed write the
 * same rows on PostgreSQL and on PGlite (hashint8extended is the hash behind
 * hash partitioning, stable across versions and platforms), and the database
 * does the work in bulk instead of JavaScript row by row.
 */
export interface Generation {
  seed: number;
  scale: number;
  /** The instant the canton is "as of": fixed by default so that two runs give the same data. */
  asOf: Date;
}

/** A string as an SQL literal. */
export const lit = (s: string) => `'${s.replaceAll("'", "''")}'`;
export const textArray = (xs: readonly string[]) => `ARRAY[${xs.map(lit).join(',')}]::text[]`;
export const tsLit = (d: Date) => `${lit(d.toISOString())}::timestamptz`;

export function randomSql(seed: number) {
  /** A non-negative integer below 2^31, fixed by (seed, expr, salt). */
  const h = (expr: string, salt: number) =>
    `((hashint8extended((${expr})::int8, ${seed * 1000 + salt}::int8) & 2147483647)::int)`;
  /** A float in [0, 1). */
  const r = (expr: string, salt: number) => `(${h(expr, salt)}::float8 / 2147483648.0)`;
  /** One of `list`. */
  const pick = (list: readonly string[], expr: string, salt: number) =>
    `(${textArray(list)})[1 + ${h(expr, salt)} % ${list.length}]`;
  /**
   * A deterministic UUID for row `expr` of `kind`, shaped as a version-4 UUID
   * (version nibble 4, variant 8): the API's schemas accept no other.
   */
  const uuid = (kind: string, expr: string) =>
    `overlay(overlay(md5(${lit(`${seed}:${kind}:`)} || (${expr})::text) placing '4' from 13 for 1) placing '8' from 17 for 1)::uuid`;
  return { h, r, pick, uuid };
}
export type RandomSql = ReturnType<typeof randomSql>;
