import { describe, expect, it } from 'vitest';
import { checkFile, importsOf } from './check-layers.ts';

const rules = (file: string, source: string) => checkFile(file, source).map((p) => `${p.line}:${p.rule}`);

describe('import rules', () => {
  it('finds static, multi-line, side-effect, re-exported and dynamic imports with their lines', () => {
    const source = [
      "import { a } from './a.ts';",
      'import {',
      '  b,',
      "} from './b.ts';",
      "import './c.css';",
      "export { d } from './d.ts';",
      "// a comment that says import x from 'pg'",
      "const s = 'from \\'pg\\'';",
      "const e = await import('./e.ts');",
    ].join('\n');
    expect(importsOf(source)).toEqual([
      { specifier: './a.ts', line: 1 },
      { specifier: './b.ts', line: 2 },
      { specifier: './c.css', line: 5 },
      { specifier: './d.ts', line: 6 },
      { specifier: './e.ts', line: 9 },
    ]);
  });

  it('keeps the layers pointing one way', () => {
    expect(rules('src/domain/x.ts', "import { y } from '../server/y.ts';")).toEqual(['1:layers']);
    expect(rules('src/db/seed/x.ts', "import { h } from '../../server/auth/passwords.ts';")).toEqual(['1:layers']);
    expect(rules('src/server/x.ts', "import { y } from '../db/y.ts';")).toEqual([]);
    expect(rules('src/web/x.tsx', "import { y } from '../contracts/y.ts';")).toEqual([]);
  });

  it('keeps Node built-ins and I/O packages out of the domain and the web app', () => {
    expect(rules('src/domain/x.ts', "import { createHash } from 'node:crypto';")).toEqual(['1:no-io']);
    expect(rules('src/web/x.tsx', "import { readFile } from 'fs/promises';")).toEqual(['1:no-io']);
    for (const pkg of [
      'pg',
      '@electric-sql/pglite',
      'drizzle-orm',
      'drizzle-orm/pg-core',
      'fastify',
      '@fastify/cookie',
    ]) {
      expect(rules('src/web/x.tsx', `import x from '${pkg}';`)).toEqual(['1:no-io']);
    }
    for (const pkg of ['nodemailer', 'pdfmake', '@node-rs/argon2', 'pino']) {
      expect(rules('src/domain/x.ts', `import x from '${pkg}';`)).toEqual(['1:no-io']);
    }
    expect(rules('src/domain/x.ts', "import { useState } from 'react';")).toEqual(['1:no-ui']);
    expect(rules('src/web/x.tsx', "import { useState } from 'react';\nimport { z } from 'zod';")).toEqual([]);
    expect(rules('src/server/x.ts', "import { readFile } from 'node:fs/promises';\nimport pg from 'pg';")).toEqual([]);
    // A unit test of the domain runs in Node only.
    expect(rules('src/domain/x.test.ts', "import { createHmac } from 'node:crypto';")).toEqual([]);
    expect(rules('src/domain/x.test.ts', "import pg from 'pg';")).toEqual(['1:no-io']);
  });

  it('keeps the test helpers for tests', () => {
    const helper = "import { createTestApp } from '../../test/int-harness.ts';";
    expect(rules('src/server/users/create-user.ts', helper)).toEqual(['1:test-helpers']);
    expect(rules('src/server/users/users.int.test.ts', helper)).toEqual([]);
    expect(rules('scripts/bench/run.ts', "import { seedDemo } from '../../src/test/demo-canton.ts';")).toEqual([]);
    expect(rules('scripts/test/run.ts', "import { seedDemo } from '../../src/test/demo-canton.ts';")).toEqual([]);
    expect(rules('scripts/tool.ts', "import { seedDemo } from '../src/test/demo-canton.ts';")).toEqual([
      '1:test-helpers',
    ]);
    expect(rules('e2e/x.spec.ts', "import { seedDemo } from '../src/test/demo-canton.ts';")).toEqual([]);
  });
});
