import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/**
 * Imports point one way: web → contracts ← server → domain, server → db.
 * The domain imports nothing but itself; contracts only the domain; the web
 * never the server or the database.
 */
const RULES: Record<string, string[]> = {
  'src/domain': ['src/domain'],
  'src/contracts': ['src/contracts', 'src/domain'],
  'src/web': ['src/web', 'src/contracts', 'src/domain'],
  'src/db': ['src/db', 'src/domain', 'src/server/auth/passwords.ts'],
  'src/server': ['src/server', 'src/contracts', 'src/domain', 'src/db', 'src/test'],
  'src/test': ['src/test', 'src/server', 'src/db', 'src/domain', 'src/contracts'],
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

const root = process.cwd();
const problems: string[] = [];
for (const file of files('src')) {
  const layer = Object.keys(RULES).find((l) => file.startsWith(`${l}/`));
  if (!layer) continue;
  const source = readFileSync(file, 'utf8');
  for (const match of source.matchAll(/(?:from|import)\s*\(?\s*['"](\.[^'"]+)['"]/g)) {
    const target = relative(root, resolve(join(file, '..'), match[1]!));
    if (!RULES[layer]!.some((allowed) => target === allowed || target.startsWith(`${allowed}/`))) {
      problems.push(`${file}: imports ${target} (${layer} may import only ${RULES[layer]!.join(', ')})`);
    }
  }
  if (layer === 'src/domain' && /from ['"](pg|drizzle-orm|fastify|@electric-sql|react)/.test(source)) {
    problems.push(`${file}: the domain must not import I/O or UI libraries`);
  }
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log('layers: imports point one way');
