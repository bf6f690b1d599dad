/**
 * The row of a statement that cannot give none: an INSERT … RETURNING of one
 * row, or a read by a key that a foreign key or the surrounding transaction
 * guarantees. No row there is a bug, and it fails here saying so, rather than
 * as a TypeError further on.
 */
export function oneRow<T>(rows: readonly T[]): T {
  const row = rows[0];
  if (row === undefined) throw new Error('Expected one row, the statement gave none');
  return row;
}
