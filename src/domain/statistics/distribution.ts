/**
 * Durations come out of the database already counted (how many situations waited 0, 1, 2 … days): a few hundred
 * rows whatever the number of situations. Their median and mean are read from those counts.
 */
export interface Bucket {
  value: number;
  count: number;
}

export interface Summary {
  n: number;
  median: number | null;
  mean: number | null;
}

export function summarise(buckets: readonly Bucket[]): Summary {
  const sorted = buckets.filter((b) => b.count > 0).sort((a, b) => a.value - b.value);
  const n = sorted.reduce((s, b) => s + b.count, 0);
  if (n === 0) return { n: 0, median: null, mean: null };
  const at = (rank: number) => {
    let seen = 0;
    for (const b of sorted) {
      seen += b.count;
      if (seen > rank) return b.value;
    }
    return sorted.at(-1)?.value ?? 0;
  };
  // The middle value, or the mean of the two middle values of an even count.
  const median = n % 2 === 1 ? at((n - 1) / 2) : (at(n / 2 - 1) + at(n / 2)) / 2;
  const mean = sorted.reduce((s, b) => s + b.value * b.count, 0) / n;
  return { n, median, mean: Math.round(mean * 10) / 10 };
}
