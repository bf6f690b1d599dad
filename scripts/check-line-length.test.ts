import { describe, expect, it } from 'vitest';
import { longLines } from './check-line-length.ts';

describe('line length', () => {
  it('counts characters, not bytes, and exempts a line with a URL', () => {
    const ok = `// ${'é'.repeat(117)}`;
    const long = `const s = '${'x'.repeat(110)}';`;
    const url = `// see https://example.org/${'a'.repeat(120)}`;
    expect(longLines([ok, long, url].join('\n'))).toEqual([{ line: 2, width: long.length }]);
  });
});
