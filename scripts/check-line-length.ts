import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/**
 * Lines of at most 120 characters in the TypeScript of src/, e2e/ and
 * scripts/. The formatter (Biome, lineWidth 120) wraps code, but not a long
 * string or comment: this catches those. A line that holds a URL is exempt (a
 * URL cannot be wrapped); anything else long is split (`'…' + '…'` for a
 * string, several lines for a comment).
 */
export const MAX_LINE = 120;
const DIRS = ['src', 'e2e', 'scripts'];
const URL = /\bhttps?:\/\/\S+/;

/** Characters as a reader counts them (code points): `é` or `’` is one. */
const width = (line: string) => [...line].length;

export function longLines(source: string): { line: number; width: number }[] {
  return source.split('\n').flatMap((text, i) => {
    const w = width(text.replace(/\r$/, ''));
    return w > MAX_LINE && !URL.test(text) ? [{ line: i + 1, width: w }] : [];
  });
}

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    if (name === 'node_modules') return [];
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

function main(): void {
  const root = process.cwd();
  const problems = DIRS.flatMap((dir) => sourceFiles(join(root, dir))).flatMap((path) =>
    longLines(readFileSync(path, 'utf8')).map((l) => `${relative(root, path)}:${l.line}: ${l.width} characters`),
  );
  if (problems.length) {
    console.error(problems.join('\n'));
    console.error(`line length: ${problems.length} line(s) over ${MAX_LINE} characters (a URL alone is exempt)`);
    process.exit(1);
  }
  console.log(`line length: every line within ${MAX_LINE} characters`);
}

if (resolve(process.argv[1] ?? '') === resolve(import.meta.filename)) main();
