import { canonicalJson, type Mac } from './hash-chain.ts';

/**
 * A checkpoint anchors the chain outside the database: the position and link
 * of the chain head at a time, signed with the audit key. Whoever can rewrite
 * the database cannot make its chain end before, or differ at, a position
 * recorded in a checkpoint without verification saying so; whoever lacks the
 * key cannot write a checkpoint that verifies. `mac` is the HMAC under the
 * audit key (see hash-chain.ts).
 */
export interface CheckpointContent {
  seq: number;
  mac: string;
  at: string; // ISO 8601
}
export interface Checkpoint extends CheckpointContent {
  sig: string;
}

// Domain separation: a checkpoint signature can never be taken for a chain link.
const PURPOSE = 'tandem-audit-checkpoint-v1\n';

function signature(mac: Mac, content: CheckpointContent): string {
  return mac(`${PURPOSE}${canonicalJson({ seq: content.seq, mac: content.mac, at: content.at })}`);
}

export function signCheckpoint(mac: Mac, content: CheckpointContent): Checkpoint {
  return { seq: content.seq, mac: content.mac, at: content.at, sig: signature(mac, content) };
}

/** One JSON line, as appended to the checkpoint file and sent by e-mail. */
export function checkpointLine(checkpoint: Checkpoint): string {
  return JSON.stringify({ seq: checkpoint.seq, mac: checkpoint.mac, at: checkpoint.at, sig: checkpoint.sig });
}

/** Compares in time that depends only on the length, so the answer's timing tells nothing of a signature. */
function equalInConstantTime(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}

export function checkpointVerifies(mac: Mac, checkpoint: Checkpoint): boolean {
  return equalInConstantTime(signature(mac, checkpoint), checkpoint.sig);
}

function parseLine(line: string): Checkpoint | null {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  if (value === null || typeof value !== 'object') return null;
  const { seq, mac, at, sig } = value as Record<string, unknown>;
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 1) return null;
  if (typeof mac !== 'string' || typeof at !== 'string' || typeof sig !== 'string' || !/^[0-9a-f]{64}$/.test(sig))
    return null;
  return { seq, mac, at, sig };
}

export interface CheckpointReading {
  /** Checkpoints whose signature verifies, in file order. */
  valid: Checkpoint[];
  /** 1-based numbers of the lines that do not parse or whose signature does not verify. */
  invalidLines: number[];
  /** Position → link recorded there; two signed checkpoints that disagree make the position unmatchable. */
  anchors: Map<number, string>;
  /** The checkpoint with the highest position, if any. */
  latest: Checkpoint | null;
}

export const CONFLICTING_CHECKPOINTS = 'conflicting-checkpoints';

/** Reads a checkpoint file's text (JSON lines; blank lines ignored). */
export function readCheckpoints(mac: Mac, text: string): CheckpointReading {
  const valid: Checkpoint[] = [];
  const invalidLines: number[] = [];
  const anchors = new Map<number, string>();
  let latest: Checkpoint | null = null;
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') return;
    const checkpoint = parseLine(line);
    if (!checkpoint || !checkpointVerifies(mac, checkpoint)) {
      invalidLines.push(index + 1);
      return;
    }
    valid.push(checkpoint);
    const known = anchors.get(checkpoint.seq);
    anchors.set(
      checkpoint.seq,
      known === undefined || known === checkpoint.mac ? checkpoint.mac : CONFLICTING_CHECKPOINTS,
    );
    if (!latest || checkpoint.seq > latest.seq) latest = checkpoint;
  });
  return { valid, invalidLines, anchors, latest };
}

/**
 * The chain in the database ends at `lastSeq` (0 when empty): if a checkpoint
 * recorded a later position, rows were cut off the end. Returns the first
 * missing position, or null.
 */
export function missingTailFrom(lastSeq: number, latest: Checkpoint | null): number | null {
  return latest && latest.seq > lastSeq ? lastSeq + 1 : null;
}
