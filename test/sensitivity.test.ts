/**
 * The Failure Sensitivity labels: the flat twin, the rule, exact small fields (enumeration), and the
 * real leaderboards whose ends the old straight-line rule got wrong.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, it } from "node:test";
import fc from "fast-check";
import { runPrepared, runShard } from "../src/run/pipeline.js";
import type { RankOptions } from "../src/run/prepare.js";
import { computeTallies, prepareRank } from "../src/run/rank.js";
import type { RankResult } from "../src/run/result.js";
import { assembleResult } from "../src/run/result.js";
import { failureSensitivity, labelFor, PRACTICAL_FLOOR, withDataUncertainty } from "../src/run/sensitivity.js";
import { mergeParts, parsePart } from "../src/run/shard.js";
import { fieldShapes, flatCurve, flatTwin, roundWins, twinOf, twinOnCurve, withRow } from "../src/run/twin.js";
import { flatTwins, probeModels, probesPerRun, sensitivityRules, twinRuns } from "../src/run/twins.js";
import { playFlatTwinsOnThreads } from "../src/run/twins-threads.js";
import { enumerateExact, ROOT, roundScores, rules, testData } from "./helpers.js";

describe("the flat twin", () => {
  const rs = roundScores([
    [10, 10, 10],
    [1, 9, 9],
    [5, 5, 0],
    [0, 0, 5],
  ]);

  it("wins the model's mean number of matches in every round (to the nearest half)", () => {
    assert.deepEqual(roundWins(rs, 1), [1, 2, 2]);
    const t = flatTwin(rs, 1);
    assert.equal(t.flat, false);
    assert.equal(t.meanWins, 5 / 3);
    assert.equal(t.twinWins, 1.5);
    const twinField = withRow(rs, 1, t.row);
    // 1.5 wins: beats one model and ties (a coin flip) with the next in every round.
    assert.deepEqual(roundWins(twinField, 1), [1.5, 1.5, 1.5]);
  });

  it("a model at the top (or bottom) of every round is flat: its own twin", () => {
    assert.equal(flatTwin(rs, 0).flat, true);
    assert.deepEqual(Array.from(flatTwin(rs, 0).row), [10, 10, 10]);
    const floor = roundScores([
      [3, 2],
      [2, 3],
      [0, 0],
    ]);
    assert.equal(flatTwin(floor, 2).flat, true);
  });

  it("missing scores (-Infinity) are beaten by any finite twin and never produce NaN", () => {
    const gaps = roundScores([
      [-Infinity, 3],
      [2, -Infinity],
      [1, 1],
    ]);
    const t = flatTwin(gaps, 2);
    assert.ok(Array.from(t.row).every((x) => !Number.isNaN(x)));
    assert.deepEqual(roundWins(withRow(gaps, 2, t.row), 2), [1, 1]);
  });
});

describe("the field's shapes at once", () => {
  it("property: fieldShapes and twinOf give flatTwin's figures for every model (ties, tolerances, missing scores)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 9 }).chain((M) =>
          fc.tuple(
            fc.array(
              fc.array(
                fc.oneof(
                  fc.integer({ min: 0, max: 6 }).map((x) => x / 2),
                  fc.constant(Number.NEGATIVE_INFINITY),
                ),
                {
                  minLength: 3,
                  maxLength: 3,
                },
              ),
              { minLength: M, maxLength: M },
            ),
            fc.constantFrom(0, 0.5, 1),
          ),
        ),
        ([rows, tol]) => {
          const rs = roundScores(rows);
          const shapes = fieldShapes(rs, tol);
          for (let m = 0; m < rs.models; m++) {
            const want = flatTwin(rs, m, tol);
            const got = twinOf(rs, m, shapes);
            assert.equal(got.meanWins, want.meanWins, `model ${m}: mean wins`);
            assert.equal(got.flat, want.flat, `model ${m}: flat`);
            assert.deepEqual(Array.from(got.row), Array.from(want.row), `model ${m}: row`);
          }
        },
      ),
      { numRuns: 300, seed: 23 },
    );
  });

  it("runs are shared by two probes from 20 models on, and by up to 2% of the field in large ones", () => {
    assert.equal(probesPerRun(19), 1);
    assert.equal(probesPerRun(29), 2);
    assert.equal(probesPerRun(149), 2);
    assert.equal(probesPerRun(340), 6);
    assert.equal(probesPerRun(5000), 100);
  });

  for (const [name, file] of [
    ["MMLU-Pro (29 models)", testData("mmlu-pro", "mmlu_pro_item_correct.csv")],
    ["HELM Lite (48 models, the most uneven rounds)", testData("leaderboards", "helm_lite_2024-06-10_long.csv")],
  ])
    it(`${name}: twins sharing runs move no more than a change of seed does`, async () => {
      const p = prepareRank(file, { T: "0,2", runs: 2_000 });
      const rules = sensitivityRules(p.config);
      assert.ok(rules);
      const twins = (seed: number, perRun?: number) => flatTwins(p.roundScores, rules, 2_000, seed, undefined, perRun);
      const [single, shared, reseeded] = await Promise.all([twins(7, 1), twins(7), twins(8, 1)]);
      assert.equal(shared.played.length, single.played.length);
      const deltas = (f: typeof single) => f.played.map((t) => t.harshest[0] - t.baseline[0]);
      const rms = (a: number[], b: number[]) => Math.sqrt(a.reduce((s, x, i) => s + (x - b[i]) ** 2, 0) / a.length);
      const moved = rms(deltas(shared), deltas(single));
      const noise = rms(deltas(reseeded), deltas(single));
      assert.ok(moved < 1.5 * noise, `sharing moved the twins' Delta E by ${moved.toFixed(4)} rms, a new seed by ${noise.toFixed(4)}`);
    });
});

describe("the flat curve and the twin runs", () => {
  const pt = (baseline: number, deltaE: number, deltaSE = 0) => ({ baseline, deltaE, deltaSE });

  it("reads a model's twin linearly between the two nearest flat points, with a quarter of their gap as uncertainty", () => {
    const curve = [pt(0, 0), pt(2, -1, 0.01), pt(4, -0.2, 0.02)];
    const t = twinOnCurve(curve, 3);
    assert.ok(Math.abs(t.deltaE - -0.6) < 1e-12);
    assert.ok(Math.abs(t.deltaSE - (0.02 + 0.8 / 12)) < 1e-12);
    assert.equal(t.baseline, 3);
    // On a point: that point; beyond the ends: the end point.
    assert.equal(twinOnCurve(curve, 2).deltaE, -1);
    assert.equal(twinOnCurve(curve, 9).deltaE, -0.2);
  });

  it("the curve always holds the floor (0, 0), the flat models and the ceiling", () => {
    const own = [
      { baseline: [3, 0.01] as [number, number], harshest: [2.9, 0.01] as [number, number] },
      { baseline: [1, 0.01] as [number, number], harshest: [0.5, 0.01] as [number, number] },
    ];
    const curve = flatCurve(
      {
        runs: 10,
        meanWins: [1, 0.5],
        flat: [true, false],
        played: [{ model: 1, baseline: [1.2, 0.02], harshest: [0.4, 0.02] }],
        ceiling: { model: 0, baseline: [3.5, 0.01], harshest: [3.4, 0.01] },
      },
      own,
    );
    assert.deepEqual(
      curve.map((p) => p.baseline),
      [0, 1.2, 3, 3.5],
    );
    assert.equal(curve[0].deltaE, 0);
  });

  it("plays every non-flat model's twin up to 40 models; above, the 6 strongest, the 6 weakest and 20 between", () => {
    const small = probeModels([3, 2, 1, 0], [false, true, false, false]);
    assert.deepEqual(small, [0, 2, 3]);
    const M = 200;
    const wins = Array.from({ length: M }, (_, m) => M - m);
    const picked = probeModels(wins, new Array(M).fill(false));
    assert.equal(picked.length, 32);
    for (const m of [0, 5, M - 6, M - 1]) assert.ok(picked.includes(m), `model ${m}`);
  });

  it("gives each twin run min(N, 5,000) contests within the match budget, never fewer than 1,000", () => {
    const r = (T: number, K: number) => rules(K, T);
    assert.equal(twinRuns(2_000, 30, 29, [r(0, 12), r(2, 12)]), 2_000);
    assert.equal(twinRuns(100_000, 30, 29, [r(0, 12), r(2, 12)]), 5_000);
    const big = twinRuns(100_000, 33, 469, [r(0, 42), r(2, 42)]);
    assert.equal(big, 1_000);
  });
});

describe("the label rule", () => {
  it("needs a clear difference from the twin, beyond the floor, and a real loss for a specialist", () => {
    assert.equal(labelFor(-1, -0.5, 0.1), "specialist");
    assert.equal(labelFor(-0.05, -0.5, 0.1), "balanced", "a model that loses under 0.1 points is never a specialist");
    assert.equal(labelFor(-1, -0.09, 0.1), "balanced");
    assert.equal(labelFor(-1, 0.3, 0.1), "generalist");
    assert.equal(labelFor(-1, 0.3, 0.4), "balanced", "inside the Monte Carlo band");
    // With the data's interval: the whole interval must lie beyond the twin's Delta E.
    assert.equal(labelFor(-1, -0.5, 0.1, [-1.2, -0.4], -0.5), "balanced");
    assert.equal(labelFor(-1, -0.5, 0.1, [-1.2, -0.6], -0.5), "specialist");
  });

  it("without twins every label is undetermined, and the rule says why", () => {
    const s = failureSensitivity({
      models: ["a", "b"],
      baselineLabel: "0",
      harshestLabel: "1",
      baseline: [
        { expectedScore: 2, standardError: 0 },
        { expectedScore: 1, standardError: 0 },
      ],
      harshest: [
        { expectedScore: 1, standardError: 0 },
        { expectedScore: 1, standardError: 0 },
      ],
    });
    assert.deepEqual(
      s.models.map((m) => m.label),
      ["undetermined", "undetermined"],
    );
    assert.match(s.rule, /undetermined/);
  });

  it("the bootstrap's intervals can only make a label balanced, and the rule then says so", () => {
    const rs = roundScores(EXACT_FIELD);
    const s = failureSensitivity({
      models: ["a", "b", "c", "d", "e", "f"],
      baselineLabel: "0",
      harshestLabel: "1",
      baseline: EXACT.e0.map((e) => ({ expectedScore: e, standardError: 0 })),
      harshest: EXACT.eh.map((e) => ({ expectedScore: e, standardError: 0 })),
      twins: exactTwins(rs),
    });
    const wide = new Map(s.models.map((m) => [m.model, [m.deltaE - 5, m.deltaE + 5] as [number, number]]));
    const b = withDataUncertainty(s, wide);
    assert.ok(b.models.every((m) => m.label === "balanced"));
    assert.match(b.rule, /bootstrap/);
  });
});

/**
 * A field small enough to enumerate: a ceiling model, a specialist (weak in round 1, strong after),
 * a generalist (strong in round 1, weak after), two flat middling models and a floor model.
 */
const EXACT_FIELD = [
  [10, 10, 10, 10],
  [1, 9, 9, 9],
  [9, 2, 2, 2],
  [6, 6, 6, 6],
  [5, 5, 5, 5],
  [0, 0, 0, 0],
];
const K = 4;
const EXACT = (() => {
  const rs = roundScores(EXACT_FIELD);
  return { e0: enumerateExact(rs, rules(K, 0)).expected, eh: enumerateExact(rs, rules(K, 1)).expected };
})();

/** The twin figures with exact expectations (standard errors 0). */
function exactTwins(rs: ReturnType<typeof roundScores>) {
  const shapes = EXACT_FIELD.map((_, m) => flatTwin(rs, m));
  const played = shapes.flatMap((s, m) => {
    if (s.flat) return [];
    const f = withRow(rs, m, s.row);
    const b = enumerateExact(f, rules(K, 0)).expected[m];
    const h = enumerateExact(f, rules(K, 1)).expected[m];
    return [{ model: m, baseline: [b, 0] as [number, number], harshest: [h, 0] as [number, number] }];
  });
  return { runs: 0, meanWins: shapes.map((s) => s.meanWins), flat: shapes.map((s) => s.flat), played };
}

describe("exact small fields (enumeration)", () => {
  it("labels the specialist, the generalist, and the ceiling, floor and flat models balanced", () => {
    const rs = roundScores(EXACT_FIELD);
    const twins = exactTwins(rs);
    const own = EXACT.e0.map((e, m) => ({ baseline: [e, 0] as [number, number], harshest: [EXACT.eh[m], 0] as [number, number] }));
    const curve = flatCurve(twins, own);
    const labels = EXACT_FIELD.map((_, m) => {
      if (twins.flat[m]) return "balanced";
      const t = twinOnCurve(curve, EXACT.e0[m]);
      const d = EXACT.eh[m] - EXACT.e0[m] - t.deltaE;
      return labelFor(EXACT.eh[m] - EXACT.e0[m], d, Math.max(PRACTICAL_FLOOR, 0.1 * Math.abs(t.deltaE), 3 * t.deltaSE));
    });
    assert.deepEqual(labels, ["balanced", "specialist", "generalist", "balanced", "balanced", "balanced"]);
  });

  it("the Monte Carlo pipeline gives the exact labels, and the twins' expectations within error", async () => {
    const csv = `model,r1,r2,r3,r4\n${EXACT_FIELD.map((r, m) => `${"abcdef"[m]},${r.join(",")}`).join("\n")}\n`;
    const { writeFileSync, mkdtempSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const file = join(mkdtempSync(join(tmpdir(), "swissround-sens-")), "exact.csv");
    writeFileSync(file, csv);
    const r = (await runPrepared(prepareRank(file, { T: "0,1", runs: 20_000, seed: 3 }), { threads: 1 })).result;
    const s = r.sensitivity;
    assert.ok(s);
    assert.deepEqual(
      s.models.map((m) => m.label),
      ["balanced", "specialist", "generalist", "balanced", "balanced", "balanced"],
    );
    // Flat models are their own twins: no contests, profile effect exactly 0.
    for (const m of [0, 3, 4, 5]) assert.equal(s.models[m].profileEffect, 0);
    // The played twins agree with their enumerated expectations.
    const rs = roundScores(EXACT_FIELD);
    const played = await flatTwins(rs, [rules(K, 0), rules(K, 1)], 20_000, 3);
    for (const p of exactTwins(rs).played) {
      const mc = played.played.find((q) => q.model === p.model);
      assert.ok(mc);
      assert.ok(Math.abs(mc.baseline[0] - p.baseline[0]) <= 4 * mc.baseline[1] + 1e-9, `twin of ${p.model} at T = 0`);
      assert.ok(Math.abs(mc.harshest[0] - p.harshest[0]) <= 4 * mc.harshest[1] + 1e-9, `twin of ${p.model} at T = 1`);
    }
  });
});

describe("sharded runs carry the twins", () => {
  it("shard 1's file holds them (merge labels as the single run); edited twins are refused", async () => {
    const prepared = prepareRank(join(ROOT, "data", "opencompass_2024-08-29.csv"), {
      rounds: join(ROOT, "data", "opencompass.rounds.json"),
      runs: 600,
      seed: 2,
    });
    const [one, two] = await Promise.all([1, 2].map((index) => runShard(prepared, { index, count: 2 }, { threads: 1 })));
    assert.ok(one.twins);
    assert.equal(two.twins, undefined);
    const merged = mergeParts([
      { file: "2.json", part: parsePart(JSON.stringify(two), "2.json") },
      { file: "1.json", part: parsePart(JSON.stringify(one), "1.json") },
    ]);
    const single = (await runPrepared(prepared, { threads: 1 })).result;
    assert.deepEqual(assembleResult(merged.config, merged.tallies, merged.notes, merged.twins).sensitivity, single.sensitivity);
    const edited = { ...one, twins: { ...one.twins, meanWins: one.twins.meanWins.slice(1) } };
    assert.throws(() => parsePart(JSON.stringify(edited), "1.json"), /twins: not the flat-twin figures of this field/);
  });
});

/** The real leaderboards of the issue, as copied into test/data (and the bundled OpenCompass table). */
const REAL: { name: string; file: string; options: RankOptions }[] = [
  { name: "MMLU-Pro per item", file: testData("mmlu-pro", "mmlu_pro_item_correct.csv"), options: {} },
  { name: "HELM Lite", file: testData("leaderboards", "helm_lite_2024-06-10_long.csv"), options: {} },
  {
    name: "OpenCompass",
    file: join(ROOT, "data", "opencompass_2024-08-29.csv"),
    options: { rounds: join(ROOT, "data", "opencompass.rounds.json") },
  },
];

async function ranked(file: string, options: RankOptions, runs: number): Promise<RankResult> {
  return (await runPrepared(prepareRank(file, { ...options, runs }), { threads: 1 })).result;
}

/** Mean wins in the first and second half of the rounds: a front-loaded profile keeps its points under elimination. */
function halves(file: string, options: RankOptions, model: string): [number, number] {
  const p = prepareRank(file, { ...options, runs: 1 });
  const w = roundWins(p.roundScores, p.config.input.models.indexOf(model), p.config.tieTolerance);
  const h = Math.floor(w.length / 2);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return [mean(w.slice(0, h)), mean(w.slice(h))];
}

describe("real leaderboards: the ends of the field", () => {
  for (const { name, file, options } of REAL) {
    it(`${name}: labels agree at N = 20,000 and 100,000; no specialist keeps its points; the last-placed are generalists only when front-loaded`, async () => {
      // Only the two settings Delta E uses. The twins play min(N, 5,000) contests: the same figures at both N, played once.
      const [small, large] = [20_000, 100_000].map((runs) => prepareRank(file, { ...options, T: "0,2", runs }));
      const twins = await playFlatTwinsOnThreads(large.config, large.roundScores, 1);
      assert.deepEqual(await playFlatTwinsOnThreads(small.config, small.roundScores, 1), twins);
      const [a, b] = await Promise.all(
        [small, large].map(async (p) => assembleResult(p.config, await computeTallies(p, { threads: 1 }), p.notes, twins)),
      );
      const labels = new Map((b.sensitivity?.models ?? []).map((m) => [m.model, m]));
      const agree = (a.sensitivity?.models ?? []).filter((m) => labels.get(m.model)?.label === m.label).length / labels.size;
      assert.ok(agree >= 0.9, `${name}: ${(agree * 100).toFixed(1)}% of labels agree`);
      for (const m of labels.values()) {
        if (m.deltaE > -0.05) assert.notEqual(m.label, "specialist", `${m.model}: Delta E ${m.deltaE}`);
        assert.notEqual(m.label, "undetermined");
      }
      const last = b.results[b.results.length - 1].models.slice(-3);
      for (const o of last) {
        if (labels.get(o.model)?.label !== "generalist") continue;
        const [early, late] = halves(file, options, o.model);
        assert.ok(early > late, `${o.model}: last-placed generalist with wins ${early} early, ${late} late`);
      }
    });
  }

  it("Open LLM v2 (--duplicates best): the top models, who lose nothing, are not specialists", async () => {
    const file = testData("leaderboards", "open_llm_leaderboard_v2_2024-08-29.csv");
    const r = await ranked(file, { duplicates: "best" }, 20_000);
    const s = r.sensitivity;
    assert.ok(s);
    const byModel = new Map(s.models.map((m) => [m.model, m]));
    for (const o of r.results[r.results.length - 1].models.slice(0, 4)) assert.notEqual(byModel.get(o.model)?.label, "specialist", o.model);
    assert.equal(byModel.get("MaziyarPanahi/calme-2.1-qwen2-72b")?.label, "balanced");
    for (const m of s.models) if (m.deltaE > -0.05) assert.notEqual(m.label, "specialist", m.model);
  });

  it("Epoch (--missing lose): the top four, Delta E about -0.03, are not specialists", async () => {
    const file = testData("epoch-stitching", "derived_long_scores.csv");
    const options: RankOptions = {
      missing: "lose",
      duplicates: "best",
      columns: { model: "model_version", benchmark: "benchmark", score: "score_fraction" },
    };
    // Only the two settings Delta E uses, and a small N: the twins (1,000 contests each) are most of the time.
    const r = await ranked(file, { ...options, T: "0,2" }, 1_000);
    const s = r.sensitivity;
    assert.ok(s);
    const byModel = new Map(s.models.map((m) => [m.model, m]));
    for (const o of r.results[r.results.length - 1].models.slice(0, 4)) assert.notEqual(byModel.get(o.model)?.label, "specialist", o.model);
    for (const m of s.models) if (m.deltaE > -0.05) assert.notEqual(m.label, "specialist", m.model);
  });
});
