/**
 * The demo seed looks up what it has just created or read (a user by name, a
 * situation by the person's family name, a file's mandate…). Not finding it is
 * a bug in the demo script: it stops there, naming what is missing.
 */
export function found<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`Demo seed: ${what} not found`);
  return value;
}
