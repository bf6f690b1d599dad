import { describe, expect, it } from 'vitest';
import { isSameOrigin } from './origin-check.ts';

describe('same origin', () => {
  it('matches the host and port the request was addressed to', () => {
    expect(isSameOrigin('http://127.0.0.1:3000', '127.0.0.1:3000', 'http')).toBe(true);
    expect(isSameOrigin('https://tandem.vs.ch', 'tandem.vs.ch', 'https')).toBe(true);
    expect(isSameOrigin('https://tandem.vs.ch', 'tandem.vs.ch:443', 'https')).toBe(true);
    expect(isSameOrigin('https://TANDEM.vs.ch', 'tandem.vs.ch', 'https')).toBe(true);
  });
  it('refuses another host, another port, an opaque or malformed origin', () => {
    expect(isSameOrigin('https://evil.example', 'tandem.vs.ch', 'https')).toBe(false);
    expect(isSameOrigin('https://tandem.vs.ch.evil.example', 'tandem.vs.ch', 'https')).toBe(false);
    expect(isSameOrigin('http://127.0.0.1:3001', '127.0.0.1:3000', 'http')).toBe(false);
    expect(isSameOrigin('null', 'tandem.vs.ch', 'https')).toBe(false);
    expect(isSameOrigin('file://', 'tandem.vs.ch', 'https')).toBe(false);
    expect(isSameOrigin('not an origin', 'tandem.vs.ch', 'https')).toBe(false);
    expect(isSameOrigin('https://tandem.vs.ch', '', 'https')).toBe(false);
    expect(isSameOrigin('https://tandem.vs.ch', 'x@tandem.vs.ch', 'https')).toBe(false);
  });
  it('refuses a plain-http page posting to the https site, accepts https seen as http behind an unnamed proxy', () => {
    expect(isSameOrigin('http://tandem.vs.ch', 'tandem.vs.ch', 'https')).toBe(false);
    expect(isSameOrigin('https://tandem.vs.ch', 'tandem.vs.ch', 'http')).toBe(true);
  });
});
