import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { kendallTauB } from "../src/analysis/agreement.js";
import { chunkRng } from "../src/engine/rng.js";
import { type BattleCounts, type BattleRecord, battlesFromMatrix, battlesFromRecords } from "../src/rank/battles.js";
import {
  BT_DEFAULT_RIDGE,
  battleGroups,
  bradleyTerryRatings,
  fitBradleyTerry,
  intervalRanks,
  rankByBradleyTerry,
} from "../src/rank/bradley-terry.js";
import { battleTableFromCounts, battleTableFromMatrix, emptyTable } from "../src/rank/bradley-terry-table.js";
import { matrixFromRows } from "../src/rank/matrix.js";
import { PoissonSampler, poissonResample, poissonSampler } from "../src/rank/poisson.js";
import { meanWinRates } from "../src/rank/win-rate.js";
import { percentileInterval, uniformIndex } from "../src/stats/stats.js";
import { loadHelmLite } from "./rank-data.js";

const close = (a: number, b: number, tol: number) => assert.ok(Math.abs(a - b) <= tol, `${a} vs ${b}`);

function records(a: string, b: string, aWins: number, bWins: number, ties = 0): BattleRecord[] {
  const out: BattleRecord[] = [];
  for (let i = 0; i < aWins; i++) out.push({ a, b, winner: "a" });
  for (let i = 0; i < bWins; i++) out.push({ a, b, winner: "b" });
  for (let i = 0; i < ties; i++) out.push({ a, b, winner: "tie" });
  return out;
}

const rating = (beta: number) => 400 * beta + 1000;

test("two models, ties as half a win: closed form 1000 +- 200 log10(3)", () => {
  // 2 wins + 2 ties against 0 wins: W_ab = 3, W_ba = 1, so 10^(beta_a - beta_b) = 3.
  const counts = battlesFromRecords(["a", "b"], records("a", "b", 2, 0, 2));
  const fit = fitBradleyTerry(counts, 1e-9);
  assert.ok(fit.converged);
  close(rating(fit.beta[0]), 1000 + 200 * Math.log10(3), 1e-5);
  close(rating(fit.beta[1]), 1000 - 200 * Math.log10(3), 1e-5);
});

test("three models whose counts match strengths (4, 2, 1) exactly: the MLE is those strengths", () => {
  // W_ab = n_ab * pi_a / (pi_a + pi_b): 4-2 (n = 6), 4-1 (n = 5), 2-1 (n = 3); score equations hold at pi.
  const counts = battlesFromRecords(["a", "b", "c"], [...records("a", "b", 4, 2), ...records("a", "c", 4, 1), ...records("b", "c", 2, 1)]);
  const fit = fitBradleyTerry(counts, 1e-9);
  const step = 400 * Math.log10(2);
  close(rating(fit.beta[0]), 1000 + step, 1e-5);
  close(rating(fit.beta[1]), 1000, 1e-5);
  close(rating(fit.beta[2]), 1000 - step, 1e-5);
});

/** Gradient of the penalised log-likelihood at beta (should vanish at the fit). */
function gradient(counts: BattleCounts, beta: Float64Array, ridge: number): number[] {
  const n = counts.models.length;
  const w = (a: number, b: number) => counts.wins[a * n + b] + 0.5 * counts.ties[a * n + b];
  return Array.from(beta, (ba, a) => {
    let g = -ridge * ba;
    for (let b = 0; b < n; b++) {
      if (b === a) continue;
      const p = 1 / (1 + 10 ** -(ba - beta[b]));
      g += Math.LN10 * (w(a, b) - (w(a, b) + w(b, a)) * p);
    }
    return g;
  });
}

test("fixed point on HELM Lite: the penalised score equations hold and ratings average 1000", () => {
  const { matrix } = loadHelmLite();
  const counts = battlesFromMatrix(matrix);
  const fit = fitBradleyTerry(counts, 0.01);
  assert.ok(fit.converged, `sweeps ${fit.sweeps}`);
  for (const g of gradient(counts, fit.beta, 0.01)) assert.ok(Math.abs(g) < 1e-6, `gradient ${g}`);
  close(
    fit.beta.reduce((a, b) => a + b, 0),
    0,
    1e-9,
  );
});

test("nearly separable battles (one column): Newton steps take over from the sweeps and reach the same optimum", () => {
  // One column of 120 scores in 60 tied pairs: every other pair's battles go one way, so the
  // ratings spread far apart and coordinate sweeps crawl (thousands of them).
  const names = Array.from({ length: 120 }, (_, i) => `m${i}`);
  const m = matrixFromRows(
    names,
    ["only"],
    names.map((_, i) => [Math.floor(((i * 37) % 120) / 2)]),
  );
  const counts = battlesFromMatrix(m);
  const fast = fitBradleyTerry(counts, 0.01);
  assert.ok(fast.converged && fast.newtonSteps > 0, `sweeps ${fast.sweeps}, Newton steps ${fast.newtonSteps}`);
  assert.equal(fast.sweeps, 50);
  for (const g of gradient(counts, fast.beta, 0.01)) assert.ok(Math.abs(g) < 1e-6, `gradient ${g}`);
  const slow = fitBradleyTerry(counts, 0.01, undefined, 1e-12, Number.POSITIVE_INFINITY);
  assert.ok(slow.converged && slow.newtonSteps === 0 && slow.sweeps > 500, `sweeps ${slow.sweeps}`);
  fast.beta.forEach((b, i) => close(b, slow.beta[i], 1e-6));
  // Scores tied in the column stay tied in the ratings (m0 and m13 both score 0).
  close(fast.beta[0], fast.beta[13], 1e-9);
});

test("a model that never loses gets a finite top rating, pulled in more by a larger ridge", () => {
  const m = matrixFromRows(
    ["champ", "b", "c"],
    ["x", "y", "z"],
    [
      [9, 9, 9],
      [5, 2, 3],
      [4, 3, 3],
    ],
  );
  const counts = battlesFromMatrix(m);
  const soft = fitBradleyTerry(counts, 0.01);
  const hard = fitBradleyTerry(counts, 1);
  assert.ok(Number.isFinite(soft.beta[0]) && soft.converged);
  assert.ok(soft.beta[0] > hard.beta[0] && hard.beta[0] > soft.beta[1]);
  close(soft.beta[1], soft.beta[2], 1e-9); // b and c: 1 win each and a tie; both lose to champ
  const r = rankByBradleyTerry(m, { resamples: 20 });
  assert.equal(r.ranks[0], 1);
  assert.ok(r.notes[0].includes("ridge penalty lambda = 0.01"));
  assert.throws(() => fitBradleyTerry(counts, 0), /positive ridge/);
});

test("interval ranks: 1 + number of models whose lower bound exceeds my upper bound", () => {
  assert.deepEqual(
    intervalRanks([
      [10, 20],
      [15, 25],
      [0, 9],
      [30, 40],
    ]),
    [2, 2, 4, 1],
  );
});

test("Poisson resample draws only observed outcomes, keeps each pair's games consistent, and is seeded", () => {
  const counts = battlesFromRecords(["a", "b", "c"], [...records("a", "b", 3, 1, 2), ...records("b", "c", 0, 4)]);
  const base = battleTableFromCounts(counts);
  const out = () => emptyTable(3, false);
  const x = out();
  const y = out();
  poissonResample(base, x, poissonSampler(8), chunkRng(1, 0, 12));
  poissonResample(base, y, poissonSampler(8), chunkRng(1, 0, 12));
  assert.deepEqual([Array.from(x.win2), Array.from(x.games)], [Array.from(y.win2), Array.from(y.games)]);
  assert.equal(x.games[0 * 3 + 2] + x.games[2 * 3 + 0], 0); // a-c never met
  assert.equal(x.win2[1 * 3 + 2], 0); // b never beat nor tied c
  for (let a = 0; a < 3; a++) {
    for (let b = 0; b < 3; b++) assert.equal(x.games[a * 3 + b], (x.win2[a * 3 + b] + x.win2[b * 3 + a]) / 2);
  }
  assert.deepEqual(Array.from(battleGroups(counts)), [0, 0, 0]);
});

test("bootstrap intervals are seeded, unanchored, and the ranks follow from them (HELM Lite)", () => {
  const { matrix } = loadHelmLite();
  const counts = battlesFromMatrix(matrix);
  const a = bradleyTerryRatings(counts, { resamples: 100, seed: 3 });
  const b = bradleyTerryRatings(counts, { resamples: 100, seed: 3 });
  const c = bradleyTerryRatings(counts, { resamples: 30, seed: 4 });
  assert.deepEqual(a, b);
  assert.notDeepEqual(a.intervals, c.intervals);
  assert.deepEqual(a.ratings, c.ratings);
  close(a.ratings.reduce((x, y) => x + y, 0) / a.ratings.length, 1000, 1e-6);
  assert.deepEqual(a.ranks, intervalRanks(a.intervals));
  let inside = 0;
  a.intervals.forEach(([lo, hi], i) => {
    assert.ok(lo <= hi);
    if (lo <= a.ratings[i] && a.ratings[i] <= hi) inside++;
  });
  assert.ok(inside >= 0.9 * a.ratings.length, `${inside} ratings inside their interval`);
  assert.ok(kendallTauB(a.ratings, meanWinRates(matrix).meanWinRates) > 0.9);
  assert.ok(
    a.ranks.some((r, i) => r !== 1 + a.ratings.filter((x) => x > a.ratings[i]).length),
    "ranks are shared",
  );
});

test("separate groups are each centred; a model with no battle is unrated", () => {
  const m = matrixFromRows(
    ["a", "b", "c", "d", "lonely"],
    ["x", "y"],
    [
      [2, null],
      [1, null],
      [null, 5],
      [null, 3],
      [null, null],
    ],
  );
  const r = rankByBradleyTerry(m, { resamples: 10 });
  close(r.scores[0] + r.scores[1], 2000, 1e-6);
  close(r.scores[2] + r.scores[3], 2000, 1e-6);
  assert.ok(Number.isNaN(r.scores[4]) && Number.isNaN(r.ranks[4]));
  assert.ok(r.notes.some((n) => n.includes("groups of models never met")));
  assert.ok(r.notes.some((n) => n.includes("1 model(s) have no battle")));
});

test("a Poisson resample redraws a's wins, b's wins and the ties of every pair as independent Poisson counts (its definition)", () => {
  const counts = battlesFromRecords(
    ["a", "b", "c", "d"],
    [...records("a", "b", 5, 2, 3), ...records("a", "c", 0, 4, 1), ...records("b", "d", 7, 0), ...records("c", "d", 1, 1, 1)],
  );
  const n = 4;
  const base = battleTableFromCounts(counts);
  // The definition, written out with the sampler's own draws, pair by pair (a < b) in row order (one tile here).
  for (let r = 0; r < 5; r++) {
    const rng = chunkRng(11, r, 3);
    const sampler = poissonSampler(16);
    const win2 = new Float64Array(n * n);
    for (let a = 0; a < n; a++) {
      for (let b = a + 1; b < n; b++) {
        const x = sampler.draw(counts.wins[a * n + b], rng);
        const y = sampler.draw(counts.wins[b * n + a], rng);
        const z = sampler.draw(counts.ties[a * n + b], rng);
        win2[a * n + b] = 2 * x + z;
        win2[b * n + a] = 2 * y + z;
      }
    }
    const boot = emptyTable(n, false);
    poissonResample(base, boot, poissonSampler(16), chunkRng(11, r, 3));
    assert.deepEqual(Array.from(boot.win2), Array.from(win2), `resample ${r}`);
  }
});

test("the inlined table resampler and the general one (counts above 1,024 drawn as sums) give the same draws", () => {
  const { matrix } = loadHelmLite();
  const base = battleTableFromMatrix(matrix);
  const n = matrix.models.length;
  const inline = emptyTable(n, false);
  const general = emptyTable(n, false);
  poissonResample(base, inline, new PoissonSampler(20), chunkRng(5, 2, 12)); // top < 1024: the inlined path
  poissonResample(base, general, new PoissonSampler(1024), chunkRng(5, 2, 12));
  assert.deepEqual(Array.from(inline.win2), Array.from(general.win2));
  assert.deepEqual(Array.from(inline.games), Array.from(general.games));
});

test("Poisson draws have the Poisson distribution: mean and variance lambda, and the pmf at small lambda", () => {
  const sampler = poissonSampler(1024);
  const rng = chunkRng(3, 0, 12);
  for (const lambda of [1, 3, 30, 700, 2500]) {
    const draws = 20000;
    let s = 0;
    let s2 = 0;
    const hist = new Map<number, number>();
    for (let i = 0; i < draws; i++) {
      const x = sampler.draw(lambda, rng);
      assert.ok(Number.isInteger(x) && x >= 0);
      s += x;
      s2 += x * x;
      hist.set(x, (hist.get(x) ?? 0) + 1);
    }
    const mean = s / draws;
    const variance = s2 / draws - mean * mean;
    // Standard error of the mean sqrt(lambda / draws): allow 5 of them; the variance within 5%.
    assert.ok(Math.abs(mean - lambda) < 5 * Math.sqrt(lambda / draws), `lambda ${lambda}: mean ${mean}`);
    assert.ok(Math.abs(variance / lambda - 1) < 0.05, `lambda ${lambda}: variance ${variance}`);
    if (lambda === 3) {
      // Chi-square over 0..9 and the tail (11 cells, 10 df; 35 is far past the 0.9999 quantile).
      let chi = 0;
      let p = Math.exp(-lambda);
      let tail = 1;
      for (let k = 0; k <= 9; k++) {
        chi += ((hist.get(k) ?? 0) - draws * p) ** 2 / (draws * p);
        tail -= p;
        p *= lambda / (k + 1);
      }
      const rest = [...hist].filter(([k]) => k > 9).reduce((a, [, c]) => a + c, 0);
      chi += (rest - draws * tail) ** 2 / (draws * tail);
      assert.ok(chi < 35, `chi-square ${chi}`);
    }
  }
});

test("Poisson and multinomial bootstraps agree on HELM Lite: interval widths and ends within Monte Carlo error", () => {
  const { matrix } = loadHelmLite();
  const counts = battlesFromMatrix(matrix);
  const n = matrix.models.length;
  const resamples = 200;
  const poisson = bradleyTerryRatings(counts, { resamples, seed: 21 });
  // The classic bootstrap, written out: draw as many battles as there are, uniformly with replacement, and refit.
  const listed: [number, number, number][] = [];
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      for (let t = 0; t < counts.wins[a * n + b]; t++) listed.push([a, b, 2]);
      for (let t = 0; t < counts.wins[b * n + a]; t++) listed.push([a, b, 0]);
      for (let t = 0; t < counts.ties[a * n + b]; t++) listed.push([a, b, 1]);
    }
  }
  const draws = Array.from({ length: n }, () => new Float64Array(resamples));
  for (let r = 0; r < resamples; r++) {
    const rng = chunkRng(22, r, 12);
    const wins = new Float64Array(n * n);
    const ties = new Float64Array(n * n);
    for (let t = 0; t < listed.length; t++) {
      const [a, b, outcome] = listed[uniformIndex(rng, listed.length)];
      if (outcome === 2) wins[a * n + b]++;
      else if (outcome === 0) wins[b * n + a]++;
      else {
        ties[a * n + b]++;
        ties[b * n + a]++;
      }
    }
    const fit = fitBradleyTerry({ models: counts.models, wins, ties }, BT_DEFAULT_RIDGE);
    for (let m = 0; m < n; m++) draws[m][r] = rating(fit.beta[m]);
  }
  const ratios: number[] = [];
  const shifts: number[] = [];
  for (let m = 0; m < n; m++) {
    const [lo, hi] = percentileInterval(draws[m].sort());
    const [plo, phi] = poisson.intervals[m];
    ratios.push((phi - plo) / (hi - lo));
    shifts.push(Math.abs((plo + phi) / 2 - (lo + hi) / 2) / (hi - lo));
  }
  ratios.sort((a, b) => a - b);
  shifts.sort((a, b) => a - b);
  const med = ratios[Math.floor(n / 2)];
  // 200 resamples put about 10% Monte Carlo error on one interval's width; the median over 72 models is far tighter.
  assert.ok(med > 0.9 && med < 1.1, `median width ratio ${med}`);
  assert.ok(ratios[Math.floor(0.1 * n)] > 0.7 && ratios[Math.floor(0.9 * n)] < 1.4, `width ratios ${ratios[0]}..${ratios[n - 1]}`);
  assert.ok(shifts[Math.floor(n / 2)] < 0.1, `median centre shift ${shifts[Math.floor(n / 2)]} widths`);
});

test("property: Newton steps from the start reach the optimum (zero gradient; the sweeps' result where they converge) on random battles with ties, unplayed pairs, split groups and ridges down to 1e-9", () => {
  fc.assert(
    fc.property(
      fc
        .integer({ min: 2, max: 7 })
        .chain((n) =>
          fc.tuple(
            fc.constant(n),
            fc.array(fc.integer({ min: 0, max: 3 }), { minLength: n * n, maxLength: n * n }),
            fc.array(fc.integer({ min: 0, max: 1 }), { minLength: n * n, maxLength: n * n }),
            fc.constantFrom(1e-9, 1e-3, 0.01, 1),
          ),
        ),
      ([n, wins, ties, ridge]) => {
        const counts = {
          models: Array.from({ length: n }, (_, i) => `m${i}`),
          wins: Float64Array.from(wins, (w, i) => (Math.floor(i / n) === i % n ? 0 : w)),
          ties: new Float64Array(n * n),
        };
        for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) counts.ties[a * n + b] = counts.ties[b * n + a] = ties[a * n + b];
        const newton = fitBradleyTerry(counts, ridge, undefined, 1e-12, 0);
        assert.ok(newton.converged && newton.sweeps === 0, "Newton converged on its own, without falling back to sweeps");
        for (const g of gradient(counts, newton.beta, ridge)) assert.ok(Math.abs(g) < 1e-8, `gradient ${g}`);
        // Under ridge 1e-9 the optimum of separable battles is flat to rounding over about 1e-7 in beta: the
        // sweeps alone crawl there (10,000 of them for one pair) or stop anywhere on that stretch, so the
        // two fits are compared under the larger ridges only.
        const sweeps = fitBradleyTerry(counts, ridge, undefined, 1e-12, Number.POSITIVE_INFINITY);
        if (ridge >= 1e-3) {
          assert.ok(sweeps.converged);
          newton.beta.forEach((b, i) => close(b, sweeps.beta[i], 1e-7));
        }
      },
    ),
    { numRuns: 1000 },
  );
});
