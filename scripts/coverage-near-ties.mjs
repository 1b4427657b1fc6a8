#!/usr/bin/env node
// The bootstrap coverage study of docs/method.md ("Coverage near ties"): true accuracies, per-item
// 0/1 results sampled from them (300 items per benchmark), B = 200 item resamples re-ranked by CSD at
// T = 1, and how often each kind of 95% interval covers the true E[S] (from the true accuracies).
// Usage (after npm run build): node scripts/coverage-near-ties.mjs [repetitions] [spread|ties]
// "spread": the test suite's field (6 models x 4 benchmarks); "ties": 8 x 5 with many near-ties.
import { planChunks, runChunks } from "../dist/src/engine/montecarlo.js";
import { normalCdf } from "../dist/src/engine/normal.js";
import { chunkRng } from "../dist/src/engine/rng.js";
import { buildRoundScores } from "../dist/src/plan/round-scores.js";
import { bootstrapDraw } from "../dist/src/run/bootstrap.js";
import { itemResampler } from "../dist/src/run/resample.js";

const REPS = Number(process.argv[2] ?? 200);
const ties = process.argv[3] === "ties";
const [M, K] = ties ? [8, 5] : [6, 4];
const truth = Array.from({ length: M }, (_, m) =>
  Array.from({ length: K }, (_, k) => (ties ? 0.5 + 0.02 * m + 0.03 * Math.cos(m * 5 + k * 3) : 0.45 + 0.04 * m + 0.05 * Math.sin(m * 3 + k * 2))),
);

/** Per-item results drawn from the true accuracies (as test/uncertainty.test.ts does). */
function synthetic(n, seed) {
  const models = truth.map((_, m) => `m${m}`);
  const benches = truth[0].map((_, k) => `b${k}`);
  const L = M * K * n;
  const [model, benchmark, item, score] = [new Int32Array(L), new Int32Array(L), new Int32Array(L), new Float64Array(L)];
  const scores = new Float64Array(M * K);
  const rng = chunkRng(seed, 0, 3);
  let e = 0;
  for (let m = 0; m < M; m++)
    for (let k = 0; k < K; k++) {
      let s = 0;
      for (let i = 0; i < n; i++, e++) {
        const c = rng.nextFloat() < truth[m][k] ? 1 : 0;
        [model[e], benchmark[e], item[e], score[e]] = [m, k, i, c];
        s += c;
      }
      scores[m * K + k] = s / n;
    }
  const items = { models, benchmarks: benches, itemIds: benches.map(() => Array.from({ length: n }, (_, i) => `i${i}`)), length: L, model, benchmark, item, score };
  return { source: "synthetic", layout: "long", models, benchmarks: benches.map((name) => ({ name, lowerIsBetter: false })), scores, modelWhere: models.map(() => ""), benchmarkWhere: benches.map(() => ""), ignored: [], notes: [], items };
}

const plan = { source: "study", rounds: truth[0].map((_, k) => ({ name: `b${k}`, benchmarks: [`b${k}`] })) };
const rules = { schedule: new Int32Array(K).fill(1), elimination: "paper", tieTolerance: 0 };
function expected(table, runs, seed) {
  const p = planChunks(runs, seed);
  const t = runChunks(buildRoundScores(table, plan), [rules], p, 0, p.chunks, { models: M, rankBinWidth: M })[0];
  return Array.from(t.scoreSum, (x) => x / t.contests);
}
const quantile = (xs, p) => {
  const a = [...xs].sort((x, y) => x - y);
  const h = (a.length - 1) * p;
  const lo = Math.floor(h);
  return a[lo] + (h - lo) * (a[Math.min(lo + 1, a.length - 1)] - a[lo]);
};
const probit = (p) => {
  let [lo, hi] = [-10, 10];
  for (let i = 0; i < 80; i++) [lo, hi] = normalCdf((lo + hi) / 2) < p ? [(lo + hi) / 2, hi] : [lo, (lo + hi) / 2];
  return (lo + hi) / 2;
};

const trueE = expected({ ...synthetic(1, 1), scores: Float64Array.from(truth.flat()) }, 200_000, 5);
const B = 200;
const s = { resamples: B, runsPerResample: 1000, seed: 7, csd: [{ label: "1", rules }] };
const kinds = ["percentile", "bias-corrected", "basic", "union of percentile and bias-corrected"];
const covered = Object.fromEntries(kinds.map((k) => [k, new Array(M).fill(0)]));
const bias = new Array(M).fill(0);
for (let rep = 0; rep < REPS; rep++) {
  const table = synthetic(300, 1000 + rep);
  const point = expected(table, 10_000, 7);
  const resample = itemResampler(table, rep);
  const draws = Array.from({ length: B }, (_, r) => bootstrapDraw(table, plan, resample, s, r)[0]);
  for (let m = 0; m < M; m++) {
    const d = draws.map((x) => x[m]);
    const [l, h] = [quantile(d, 0.025), quantile(d, 0.975)];
    const below = d.filter((x) => x < point[m]).length + 0.5 * d.filter((x) => x === point[m]).length;
    const z0 = probit(Math.min(1 - 0.5 / B, Math.max(0.5 / B, below / B)));
    const [bl, bh] = [quantile(d, normalCdf(2 * z0 - 1.959964)), quantile(d, normalCdf(2 * z0 + 1.959964))];
    const inside = (lo, hi) => trueE[m] >= lo && trueE[m] <= hi;
    if (inside(l, h)) covered.percentile[m]++;
    if (inside(bl, bh)) covered["bias-corrected"][m]++;
    if (inside(2 * point[m] - h, 2 * point[m] - l)) covered.basic[m]++;
    if (inside(Math.min(l, bl), Math.max(h, bh))) covered["union of percentile and bias-corrected"][m]++;
    bias[m] += (point[m] - trueE[m]) / REPS;
  }
}
console.log(`${ties ? "ties" : "spread"}: ${M} models x ${K} benchmarks, ${REPS} repetitions, B = ${B}`);
console.log("true E[S]:", trueE.map((x) => x.toFixed(3)).join(" "));
console.log("mean bias of the point estimate:", bias.map((x) => x.toFixed(3)).join(" "));
for (const k of kinds) {
  const c = covered[k];
  console.log(`${k}: ${c.map((x) => (x / REPS).toFixed(2)).join(" ")}; overall ${(c.reduce((a, b) => a + b, 0) / (REPS * M)).toFixed(3)}`);
}
