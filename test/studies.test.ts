import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, it } from "node:test";
import { compareRankings, compareRankingsWith } from "../src/analysis/compare.js";
import { corruptionStudy } from "../src/analysis/corruption.js";
import { methodsOnThreads } from "../src/analysis/methods-threads.js";
import { rerankOnThreads } from "../src/analysis/rerank-threads.js";
import type { RerunSettings } from "../src/analysis/rerun.js";
import { stabilityStudy } from "../src/analysis/stability.js";
import { SimulationPool } from "../src/parallel/pool.js";
import { computeTallies, contestRules, prepareRank } from "../src/run/rank.js";
import { assembleResult } from "../src/run/result.js";
import { InputError } from "../src/table/errors.js";
import { ROOT } from "./helpers.js";

const OC = join(ROOT, "data", "opencompass_2024-08-29.csv");
const OC_PLAN = join(ROOT, "data", "opencompass.rounds.json");

function settingsFor(prepared: ReturnType<typeof prepareRank>, methods?: string[]): RerunSettings {
  const rules = contestRules(prepared.config);
  return {
    csd: prepared.config.settings.map((s, i) => ({ label: s.label, rules: rules[i] })),
    runs: prepared.config.runs,
    seed: prepared.config.seed,
    methods,
    over: "benchmarks",
    eloOrders: 5,
  };
}

describe("method comparison", () => {
  it("every method on the same table, CSD per T, agreement for every pair, tiers, tail risk", async () => {
    const prepared = prepareRank(OC, { rounds: OC_PLAN, runs: 2000, T: "0,2" });
    const rank = assembleResult(prepared.config, await computeTallies(prepared, { threads: 1 }), prepared.notes);
    const c = compareRankings({ table: prepared.table, plan: prepared.plan, roundScores: prepared.roundScores, rank }, { resamples: 5 });
    const ids = c.methods.map((m) => m.id);
    assert.deepEqual(ids.slice(-2), ["csd-T0", "csd-T2"]);
    for (const id of ["mean", "mean-rank", "win-rate", "iqm", "borda", "copeland", "bradley-terry", "elo"]) assert.ok(ids.includes(id), id);
    assert.equal(c.agreement.length, (ids.length * (ids.length - 1)) / 2);
    for (const a of c.agreement) assert.ok(a.kendallTauB > 0.5 && a.kendallTauB <= 1, `${a.a} vs ${a.b}: ${a.kendallTauB}`);
    assert.equal(c.tiers.length, 2);
    assert.ok(c.tiers.every((t) => t.k === 4 && t.sizes.reduce((x, y) => x + y, 0) === 35));
    // Tier 1 holds the best E[S]: tiers are monotone in E[S].
    const csd = c.methods[c.methods.length - 1];
    const t = c.tiers[1].tiers;
    for (let i = 0; i < 35; i++) for (let j = 0; j < 35; j++) if (csd.scores[i] > csd.scores[j]) assert.ok(t[i] <= t[j]);
    assert.equal(c.tailRisk.cvar.length, 35);
    assert.ok(c.tailRisk.cvar.every((x, i) => x <= c.tailRisk.mean[i] + 1e-12));
    assert.equal(c.tailRisk.deltaE?.length, 35);
    // The methods shared among threads (heaviest first, any order of finishing): the same comparison.
    const pool = new SimulationPool(2);
    try {
      const input = { table: prepared.table, plan: prepared.plan, roundScores: prepared.roundScores, rank };
      assert.deepEqual(await compareRankingsWith(input, { resamples: 5 }, methodsOnThreads(3, pool)), c);
      const some = { resamples: 5, methods: ["elo", "mean", "bradley-terry"] };
      assert.deepEqual(await compareRankingsWith(input, some, methodsOnThreads(2, pool)), compareRankings(input, some));
    } finally {
      await pool.close();
    }
  });
});

describe("corruption study", () => {
  it("corrupting a model's scores never raises its rank, and the study is reproducible", async () => {
    const prepared = prepareRank(OC, { rounds: OC_PLAN, runs: 500, T: "0,1" });
    const s = settingsFor(prepared, ["mean", "win-rate"]);
    const opts = { corrupt: 2, trials: 3, targets: ["GPT-4o-20240513", "Qwen-Max-0428"], to: "zero" as const };
    const a = await corruptionStudy(prepared.table, prepared.plan, s, opts);
    assert.deepEqual(
      a.methods.map((m) => m.id),
      ["mean", "win-rate", "csd-T0", "csd-T1"],
    );
    assert.equal(a.trialsDetail.length, 6);
    for (const d of a.trialsDetail) {
      assert.equal(d.benchmarks.length, 2);
      d.after.forEach((r, i) => assert.ok(r >= d.before[i], `${d.model} ${a.methods[i].id}: ${d.before[i]} -> ${r}`));
    }
    // Zeroing two 0-100 scores costs the mean ~2/7 of the scale: the leader must fall under the mean.
    assert.ok(a.summary[0].perModel[0] > 0);
    assert.deepEqual(await corruptionStudy(prepared.table, prepared.plan, s, opts), a);
    // Shared among two threads (pooled workers pull the re-rankings), the study is the same.
    const pool = new SimulationPool(2);
    try {
      assert.deepEqual(await corruptionStudy(prepared.table, prepared.plan, s, opts, rerankOnThreads(3, pool)), a);
    } finally {
      await pool.close();
    }
  });

  it("bad study options are input errors", async () => {
    const prepared = prepareRank(OC, { rounds: OC_PLAN, runs: 200, T: "0" });
    const s = settingsFor(prepared, ["mean"]);
    await assert.rejects(corruptionStudy(prepared.table, prepared.plan, s, { corrupt: 9, trials: 1, to: "zero" }), InputError);
    await assert.rejects(
      corruptionStudy(prepared.table, prepared.plan, s, { corrupt: 1, trials: 1, targets: ["nope"], to: "zero" }),
      /not in the table: "nope"/,
    );
  });
});

describe("stability study", () => {
  it("the plan's own order given back yields exactly the plan's E[S]; leave-one-out covers every benchmark", async () => {
    const prepared = prepareRank(OC, { rounds: OC_PLAN, runs: 800, T: "0,2" });
    const s = settingsFor(prepared, ["mean", "borda"]);
    const same = prepared.plan.rounds.map((r) => r.name);
    const r = await stabilityStudy(prepared.table, prepared.plan, s, { randomOrders: 3, givenOrders: [same], leaveOneOut: true });
    assert.equal(r.orders.length, 4);
    assert.deepEqual(r.orders[0].rounds, same);
    for (const sp of r.spread) {
      for (const m of sp.models) {
        assert.ok(m.minE <= m.planE + 1e-12 || m.minE <= m.meanE);
        assert.ok(m.rankMin <= m.planRank && m.planRank <= m.rankMax);
      }
    }
    // Given the plan's own order, the first "other" order reproduces the plan exactly (same seed).
    const again = await stabilityStudy(prepared.table, prepared.plan, s, { randomOrders: 0, givenOrders: [same], leaveOneOut: false });
    for (const sp of again.spread) for (const m of sp.models) assert.equal(m.meanE, m.planE);
    assert.deepEqual(r.leaveOneOut?.benchmarks.length, 7);
    assert.deepEqual(
      r.leaveOneOut?.methods.map((m) => m.id),
      ["mean", "borda", "csd-T0", "csd-T2"],
    );
  });

  it("an order naming an unknown round or missing one is an input error", async () => {
    const prepared = prepareRank(OC, { rounds: OC_PLAN, runs: 200, T: "0" });
    const s = settingsFor(prepared, ["mean"]);
    await assert.rejects(
      stabilityStudy(prepared.table, prepared.plan, s, { randomOrders: 0, givenOrders: [["code"]], leaveOneOut: false }),
      /every round exactly once/,
    );
    await assert.rejects(
      stabilityStudy(prepared.table, prepared.plan, s, { randomOrders: 0, givenOrders: [["x"]], leaveOneOut: false }),
      /unknown round "x"/,
    );
  });

  it("shared among threads, orders and leave-one-out (plans that lose a round included) give the same study", async () => {
    const prepared = prepareRank(OC, { rounds: OC_PLAN, runs: 300, T: "0,1" });
    const s = settingsFor(prepared, ["mean", "elo"]);
    const options = { randomOrders: 4, leaveOneOut: true };
    const here = await stabilityStudy(prepared.table, prepared.plan, s, options);
    const pool = new SimulationPool(2);
    try {
      assert.deepEqual(await stabilityStudy(prepared.table, prepared.plan, s, options, rerankOnThreads(2, pool)), here);
    } finally {
      await pool.close();
    }
  });
});
