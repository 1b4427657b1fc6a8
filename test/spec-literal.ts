/**
 * The spec (shared/spec/csd.md) written literally and slowly, as an independent check of the
 * optimised engine: shuffle each bucket and pair neighbours, the last of an odd bucket gets a bye,
 * eliminate from the lowest bucket(s) (random at the cut, or by input order in script mode).
 */
import type { EliminationMode } from "../src/engine/types.js";

export interface LiteralRng {
  below(n: number): number;
}

function shuffle<T>(xs: T[], rng: LiteralRng): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = rng.below(i + 1);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

/** One contest; returns final scores. rows[m][k] are round scores. */
export function literalContest(rows: number[][], T: number[], mode: EliminationMode, rng: LiteralRng): number[] {
  const M = rows.length;
  const score = new Array(M).fill(0);
  let active = Array.from({ length: M }, (_, i) => i);
  for (let k = 0; k < T.length; k++) {
    if (active.length <= 1) break;
    const buckets = new Map<number, number[]>();
    for (const m of active) buckets.set(score[m], [...(buckets.get(score[m]) ?? []), m]);
    for (const members of buckets.values()) {
      const order = shuffle(members, rng);
      for (let i = 0; i + 1 < order.length; i += 2) {
        const [a, b] = [order[i], order[i + 1]];
        const [x, y] = [rows[a][k], rows[b][k]];
        if (x > y) score[a]++;
        else if (y > x) score[b]++;
        else score[rng.below(2) === 0 ? a : b]++;
      }
    }
    const drop = Math.min(T[k], active.length);
    if (drop === 0) continue;
    if (mode === "script") {
      const sorted = [...active].sort((a, b) => score[a] - score[b] || a - b);
      active = sorted.slice(drop);
    } else {
      const levels = [...new Set(active.map((m) => score[m]))].sort((a, b) => a - b);
      const out: number[] = [];
      for (const v of levels) {
        if (out.length >= drop) break;
        const bucket = shuffle(
          active.filter((m) => score[m] === v),
          rng,
        );
        out.push(...bucket.slice(0, drop - out.length));
      }
      active = active.filter((m) => !out.includes(m));
    }
  }
  return score;
}
