import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The lint rules the issue asks for really fire under this repository's
 * biome.json (a nursery rule may be renamed or dropped by a Biome upgrade):
 * a file with one mistake of each kind is linted in a scratch folder.
 */
const BIOME = resolve('node_modules/.bin/biome');
const dir = mkdtempSync(join(tmpdir(), 'tandem-lint-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function rulesFiredOn(source: string, file = 'probe.ts'): string[] {
  const { $schema: _schema, vcs: _vcs, ...config } = JSON.parse(readFileSync('biome.json', 'utf8'));
  writeFileSync(join(dir, 'biome.json'), JSON.stringify(config));
  writeFileSync(join(dir, file), source);
  const run = spawnSync(BIOME, ['lint', '--colors=off', '--max-diagnostics=50', file], { cwd: dir, encoding: 'utf8' });
  return [...`${run.stdout}${run.stderr}`.matchAll(/lint\/\w+\/(\w+)/g)].map((m) => m[1] ?? '');
}

describe('lint rules', () => {
  it('flag floating promises and unused code', () => {
    const fired = rulesFiredOn(`import { readFile } from 'node:fs/promises';
async function work(): Promise<number> {
  return 1;
}
export function run(): void {
  work();
  const unused = 1;
}
export class Box {
  private never = 1;
  size(width: number, height: number): number {
    return width;
  }
}
`);
    expect(new Set(fired)).toEqual(
      new Set([
        'noUnusedImports',
        'noFloatingPromises',
        'noUnusedVariables',
        'noUnusedPrivateClassMembers',
        'noUnusedFunctionParameters',
      ]),
    );
  });

  it('refuse a non-null assertion outside tests, and allow it in a test', () => {
    const source = 'export const first = (xs: number[]) => xs[0]!;\n';
    expect(rulesFiredOn(source)).toContain('noNonNullAssertion');
    expect(rulesFiredOn(source, 'probe.test.ts')).not.toContain('noNonNullAssertion');
  });
});
