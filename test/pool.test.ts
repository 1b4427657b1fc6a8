import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { pathToFileURL } from "node:url";
import { planChunks } from "../src/engine/montecarlo.js";
import type { Tally } from "../src/engine/types.js";
import { SimulationPool } from "../src/parallel/pool.js";
import { simulate } from "../src/parallel/simulate.js";
import { ROOT, roundScores, rules } from "./helpers.js";

const bits = (tallies: Tally[]) =>
  JSON.stringify(
    tallies.map((t) => [
      t.contests,
      ...[t.scoreSum, t.scoreSqSum, t.firstCount, t.eliminatedCount, t.roundsSum, t.byeSum, t.rankHistogram].map((a) => Array.from(a)),
    ]),
  );

const rows = Array.from({ length: 17 }, (_, m) => Array.from({ length: 7 }, (_, k) => ((m * 29 + k * 13) % 11) / 3));
const rs = roundScores(rows);
const settings = [rules(7, 0), rules(7, 1), rules(7, [0, 2, 1, 0, 3, 1, 0])];
const shape = { models: 17, rankBinWidth: 1 };
const plan = planChunks(6_001, 99);

const waitUntil = async (test: () => boolean, what: string) => {
  for (let i = 0; i < 400 && !test(); i++) await new Promise((r) => setTimeout(r, 25));
  assert.ok(test(), `timed out waiting until ${what}`);
};

describe("worker pool", () => {
  const pool = new SimulationPool(3);
  after(() => pool.close());

  it("reuses its workers across calls, and every call gives the one-thread bits", async () => {
    const one = bits(await simulate(rs, settings, plan, shape, { threads: 1 }));
    assert.equal(bits(await simulate(rs, settings, plan, shape, { threads: 2, pool })), one);
    assert.equal(pool.size, 1, "a two-thread call starts one worker (the calling thread plays too)");
    await waitUntil(() => pool.readyIdle === 1, "the worker is back and ready");
    assert.equal(bits(await simulate(rs, settings, plan, shape, { threads: 3, pool })), one);
    assert.equal(pool.size, 2, "the idle worker is reused and one more is started");
  });

  it("with enough warm workers the calling thread only waits, and the bits are the same", async () => {
    const warm = new SimulationPool(2);
    try {
      warm.prestart(2);
      await waitUntil(() => warm.readyIdle === 2, "two prestarted workers have warmed up");
      const one = bits(await simulate(rs, settings, plan, shape, { threads: 1 }));
      let progress = 0;
      const two = await simulate(rs, settings, plan, shape, { threads: 2, pool: warm, onProgress: (n) => (progress = n) });
      assert.equal(bits(two), one);
      assert.equal(progress, plan.runs * settings.length, "progress reaches every contest of every setting");
      assert.equal(warm.size, 2, "no new worker was started");
    } finally {
      await warm.close();
    }
  });

  it("tallies above 32 MB (transferred back, not copied) give the same numbers as one thread", async () => {
    // 4,200 models with an exact rank histogram: 67 MB per thread for the one setting.
    const M = 4200;
    const K = 3;
    const field = { models: M, rounds: K, values: Float64Array.from({ length: M * K }, (_, i) => (i * 7919) % 1000) };
    const big = [rules(K, 1)];
    const few = planChunks(64, 3);
    const exact = { models: M, rankBinWidth: 1 };
    const one = await simulate(field, big, few, exact, { threads: 1 });
    const two = await simulate(field, big, few, exact, { threads: 2, pool });
    assert.ok(two[0].rankHistogram.byteLength > 32 << 20);
    for (const key of ["scoreSum", "scoreSqSum", "firstCount", "eliminatedCount", "roundsSum", "byeSum", "rankHistogram"] as const) {
      assert.deepEqual(two[0][key], one[0][key], key);
    }
    assert.equal(two[0].contests, 64);
  });

  it("a worker that cannot start rejects the call instead of hanging it", async () => {
    const broken = new SimulationPool(1, pathToFileURL(join(ROOT, "test", "fixtures", "no-such-worker.js")));
    try {
      await assert.rejects(simulate(rs, settings, plan, shape, { threads: 2, pool: broken }));
      assert.equal(broken.size, 0, "the dead worker left the pool");
    } finally {
      await broken.close();
    }
  });

  it("idle workers never keep the process alive (a worker that got no job included)", () => {
    // Regression: a "message" listener added after unref() refs the worker again (nodejs/node#53036).
    const script = `
      import { sharedPool } from ${JSON.stringify(pathToFileURL(join(ROOT, "dist", "src", "parallel", "pool.js")).href)};
      import { simulate } from ${JSON.stringify(pathToFileURL(join(ROOT, "dist", "src", "parallel", "simulate.js")).href)};
      import { planChunks } from ${JSON.stringify(pathToFileURL(join(ROOT, "dist", "src", "engine", "montecarlo.js")).href)};
      sharedPool().prestart(2);
      const values = Float64Array.from({ length: 40 }, (_, i) => (i * 7) % 5);
      const schedule = new Int32Array(4).fill(1);
      const t = await simulate({ models: 10, rounds: 4, values }, [{ schedule, elimination: "paper", tieTolerance: 0 }], planChunks(3000, 1), { models: 10, rankBinWidth: 1 }, { threads: 2 });
      console.log(t[0].contests);`;
    const dir = mkdtempSync(join(tmpdir(), "swissround-pool-"));
    const file = join(dir, "exit.mjs");
    writeFileSync(file, script);
    const r = spawnSync(process.execPath, [file], { encoding: "utf8", timeout: 20_000 });
    rmSync(dir, { recursive: true, force: true });
    assert.equal(r.signal, null, `the process had to be killed: it did not exit by itself (${r.stderr})`);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout.trim(), "3000");
  });
});
