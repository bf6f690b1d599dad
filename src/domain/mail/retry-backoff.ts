/**
 * When to try a message again after a failed delivery: 30 s, 1 min, 2 min…
 * doubling up to one hour, with no last attempt — a message is never given up,
 * only delayed (issue 4: "delays a report, never loses it").
 */
export const FIRST_RETRY_SECONDS = 30;
export const MAX_RETRY_SECONDS = 3600;

export function retryDelaySeconds(attempts: number): number {
  return Math.min(MAX_RETRY_SECONDS, FIRST_RETRY_SECONDS * 2 ** Math.max(0, attempts - 1));
}
