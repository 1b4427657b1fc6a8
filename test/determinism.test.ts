import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { planChunks, runChunks, sliceChunks } from "../src/engine/montecarlo.js";
import { emptyTally, mergeTallyInto } from "../src/engine/tally.js";
import type { Tally } from "../src/engine/types.js";
import { simulate } from "../src/parallel/simulate.js";
import { roundScores, rules } from "./helpers.js";

function snapshot(t: Tally): string {
  return JSON.stringify({
    contests: t.contests,
    s: Array.from(t.scoreSum),
    q: Array.from(t.scoreSqSum),
    f: Array.from(t.firstCount),
    e: Array.from(t.eliminatedCount),
    r: Array.from(t.roundsSum),
    b: Array.from(t.byeSum),
    h: Array.from(t.rankHistogram),
  });
}

const rows = Array.from({ length: 23 }, (_, m) => Array.from({ length: 9 }, (_, k) => ((m * 37 + k * 11) % 13) / 2));
const rs = roundScores(rows);
const settings = [rules(9, 0), rules(9, 2), rules(9, [0, 1, 1, 2, 2, 0, 1, 0, 3])];
const shape = { models: 23, rankBinWidth: 1 };

describe("determinism", () => {
  it("the same seed gives bit-identical tallies for 1, 2 and 3 worker threads", async () => {
    const plan = planChunks(10_001, 42);
    const one = await simulate(rs, settings, plan, shape, { threads: 1 });
    for (const threads of [2, 3]) {
      const many = await simulate(rs, settings, plan, shape, { threads });
      many.forEach((t, i) => assert.equal(snapshot(t), snapshot(one[i]), `setting ${i}, ${threads} threads`));
    }
  });

  it("slices of the chunks add up to the whole run, however they are cut", async () => {
    const plan = planChunks(5_000, 7);
    const whole = await simulate(rs, settings, plan, shape, { threads: 1 });
    for (const n of [2, 5, 7]) {
      const sum = settings.map(() => emptyTally(shape));
      for (let i = 0; i < n; i++) {
        const part = await simulate(rs, settings, plan, shape, { threads: 1, chunkRange: sliceChunks(plan, i, n) });
        part.forEach((t, s) => mergeTallyInto(sum[s], t));
      }
      sum.forEach((t, s) => assert.equal(snapshot(t), snapshot(whole[s]), `${n} slices, setting ${s}`));
    }
  });

  it("a different seed gives different numbers; a T setting alone equals its part of a sweep", async () => {
    const a = await simulate(rs, settings, planChunks(2_000, 1), shape, { threads: 1 });
    const b = await simulate(rs, settings, planChunks(2_000, 2), shape, { threads: 1 });
    assert.notEqual(snapshot(a[1]), snapshot(b[1]));
    const alone = await simulate(rs, [settings[1]], planChunks(2_000, 1), shape, { threads: 2 });
    assert.equal(snapshot(alone[0]), snapshot(a[1]));
  });

  it("a run started from inside another run's progress callback changes neither (they share the thread's workspace)", () => {
    const plan = planChunks(600, 5);
    const other = roundScores(rows.map((r) => [...r].reverse()));
    const otherRules = [rules(9, 1)];
    const otherShape = { models: 23, rankBinWidth: 2 };
    const alone = runChunks(rs, settings, plan, 0, plan.chunks, shape);
    const innerAlone = runChunks(other, otherRules, plan, 0, plan.chunks, otherShape);
    let inner: Tally[] = [];
    const outer = runChunks(rs, settings, plan, 0, plan.chunks, shape, () => {
      inner = runChunks(other, otherRules, plan, 0, plan.chunks, otherShape);
    });
    outer.forEach((t, s) => assert.equal(snapshot(t), snapshot(alone[s]), `outer setting ${s}`));
    assert.equal(snapshot(inner[0]), snapshot(innerAlone[0]));
  });

  for (const threads of [1, 2]) {
    it(`a thread's reused workspace sees round scores changed in place between runs (${threads} threads)`, async () => {
      const plan = planChunks(1_000, 3);
      const values = Float64Array.from(rs.values);
      const field = { ...rs, values };
      await simulate(field, settings, plan, shape, { threads });
      // Reverse every round's order in place: stale ranks (a thread's cache, or the ones the calling
      // thread hands its workers) would replay the old contests.
      values.forEach((v, i) => {
        values[i] = -v;
      });
      const inPlace = await simulate(field, settings, plan, shape, { threads });
      const fresh = await simulate({ ...rs, values: Float64Array.from(values) }, settings, plan, shape, { threads: 1 });
      inPlace.forEach((t, s) => assert.equal(snapshot(t), snapshot(fresh[s]), `setting ${s}`));
      const before = await simulate(rs, settings, plan, shape, { threads: 1 });
      assert.notEqual(snapshot(inPlace[0]), snapshot(before[0]));
    });
  }

  it("a field with a missing score (no integer ranks: workers compare the doubles) gives the same bits on 1 and 2 threads", async () => {
    const plan = planChunks(3_000, 9);
    const values = Float64Array.from(rs.values);
    values[4 * 23 + 5] = Number.NaN;
    const field = { ...rs, values };
    const one = await simulate(field, settings, plan, shape, { threads: 1 });
    const two = await simulate(field, settings, plan, shape, { threads: 2 });
    two.forEach((t, s) => assert.equal(snapshot(t), snapshot(one[s]), `setting ${s}`));
    const full = await simulate(rs, settings, plan, shape, { threads: 1 });
    assert.notEqual(snapshot(one[0]), snapshot(full[0]));
  });
});
