import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkpointLine, checkpointVerifies, missingTailFrom, readCheckpoints, signCheckpoint } from './checkpoint.ts';
import type { Mac } from './hash-chain.ts';

// The server's HMAC (src/server/audit/audit-mac.ts), rebuilt here: the domain may not import the server.
const hmacUnder =
  (key: string): Mac =>
  (message) =>
    createHmac('sha256', key).update(message).digest('hex');
const KEY = hmacUnder('unit-test-audit-key-0123456789abcdef');
const OTHER_KEY = hmacUnder('another-audit-key-0123456789abcdefgh');
const mac = (c: string) => c.repeat(64);

describe('audit checkpoints', () => {
  it('signs position, link and time under the key, and the signature covers each of them', () => {
    const checkpoint = signCheckpoint(KEY, { seq: 12, mac: mac('a'), at: '2026-03-01T10:00:00.000Z' });
    expect(checkpoint.sig).toMatch(/^[0-9a-f]{64}$/);
    expect(checkpointVerifies(KEY, checkpoint)).toBe(true);
    expect(checkpointVerifies(OTHER_KEY, checkpoint)).toBe(false);
    expect(checkpointVerifies(KEY, { ...checkpoint, seq: 11 })).toBe(false);
    expect(checkpointVerifies(KEY, { ...checkpoint, mac: mac('b') })).toBe(false);
    expect(checkpointVerifies(KEY, { ...checkpoint, at: '2026-03-01T10:00:01.000Z' })).toBe(false);
  });

  it('reads JSON lines: keeps the signed ones, names the lines that are not', () => {
    const first = signCheckpoint(KEY, { seq: 5, mac: mac('a'), at: '2026-03-01T10:00:00.000Z' });
    const second = signCheckpoint(KEY, { seq: 9, mac: mac('b'), at: '2026-03-01T11:00:00.000Z' });
    const forged = signCheckpoint(OTHER_KEY, { seq: 20, mac: mac('c'), at: '2026-03-01T12:00:00.000Z' });
    const edited = { ...second, seq: 10 };
    const text = [
      checkpointLine(first),
      '',
      checkpointLine(second),
      checkpointLine(forged),
      JSON.stringify(edited),
      'not json',
      '',
    ].join('\n');
    const reading = readCheckpoints(KEY, text);
    expect(reading.valid).toEqual([first, second]);
    expect(reading.invalidLines).toEqual([4, 5, 6]);
    expect(reading.latest).toEqual(second);
    expect([...reading.anchors]).toEqual([
      [5, mac('a')],
      [9, mac('b')],
    ]);
  });

  it('makes a position that two signed checkpoints disagree on unmatchable', () => {
    const a = signCheckpoint(KEY, { seq: 5, mac: mac('a'), at: '2026-03-01T10:00:00.000Z' });
    const b = signCheckpoint(KEY, { seq: 5, mac: mac('b'), at: '2026-03-01T11:00:00.000Z' });
    const anchor = readCheckpoints(KEY, `${checkpointLine(a)}\n${checkpointLine(b)}\n`).anchors.get(5);
    expect(anchor).not.toBe(mac('a'));
    expect(anchor).not.toBe(mac('b'));
  });

  it('names the first position cut off the end of the chain', () => {
    const latest = signCheckpoint(KEY, { seq: 9, mac: mac('b'), at: '2026-03-01T11:00:00.000Z' });
    expect(missingTailFrom(9, latest)).toBeNull();
    expect(missingTailFrom(12, latest)).toBeNull();
    expect(missingTailFrom(6, latest)).toBe(7);
    expect(missingTailFrom(0, latest)).toBe(1);
    expect(missingTailFrom(0, null)).toBeNull();
  });
});
