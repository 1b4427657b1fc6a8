import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, it } from "node:test";
import { planChunks, runChunks } from "../src/engine/montecarlo.js";
import { normalCdf } from "../src/engine/normal.js";
import type { ContestRules, RoundScores, Tally } from "../src/engine/types.js";
import { CLI, means, ROOT, roundScores, rules, standardErrors, testData } from "./helpers.js";

function play(rs: RoundScores, r: ContestRules, runs: number, seed = 3): Tally {
  const p = planChunks(runs, seed);
  return runChunks(rs, [r], p, 0, p.chunks, { models: rs.models, rankBinWidth: 1 })[0];
}

const snapshot = (t: Tally) =>
  JSON.stringify(
    [t.scoreSum, t.scoreSqSum, t.firstCount, t.eliminatedCount, t.roundsSum, t.byeSum, t.rankHistogram].map((a) => Array.from(a)),
  );

describe("noise-aware contests (--outcomes probabilistic)", () => {
  const rows = Array.from({ length: 9 }, (_, m) => Array.from({ length: 5 }, (_, k) => ((m * 7 + k * 3) % 6) / 10));
  const rs = roundScores(rows);

  it("with zero uncertainty they reduce exactly to the paper's binary W (bit-identical tallies)", () => {
    const zero = { ...rs, errors: new Float64Array(rs.values.length) };
    for (const T of [0, 1, 2]) {
      for (const mode of ["paper", "script"] as const) {
        const binary = play(rs, rules(5, T, mode), 3000);
        const noisy = play(zero, { ...rules(5, T, mode), outcomes: "probabilistic" }, 3000);
        assert.equal(snapshot(noisy), snapshot(binary), `T=${T} ${mode}`);
      }
    }
  });

  it("a match is won with probability Phi(d / sqrt(se_a^2 + se_b^2))", () => {
    const two = roundScores([[0.6], [0.5]]);
    const errors = Float64Array.from([0.05, 0.05]);
    const t = play({ ...two, errors }, { ...rules(1, 0), outcomes: "probabilistic" }, 40_000, 9);
    const expected = normalCdf(0.1 / Math.hypot(0.05, 0.05));
    const [ea] = means(t);
    const [se] = standardErrors(t);
    assert.ok(Math.abs(ea - expected) <= 4 * se, `${ea} vs ${expected} (SE ${se})`);
    // Binary mode: a always wins.
    assert.equal(means(play(two, rules(1, 0), 1000))[0], 1);
  });

  it("points per contest stay the same, and noise pulls E[S] of far-apart models together", () => {
    const errors = new Float64Array(rs.values.length).fill(0.2);
    const t = play({ ...rs, errors }, { ...rules(5, 1), outcomes: "probabilistic" }, 4000);
    const b = play(rs, rules(5, 1), 4000);
    assert.equal(
      t.scoreSum.reduce((x, y) => x + y, 0),
      b.scoreSum.reduce((x, y) => x + y, 0),
    );
    const spread = (x: number[]) => Math.max(...x) - Math.min(...x);
    assert.ok(spread(means(t)) < spread(means(b)));
  });

  it("CLI: per-item data runs; a table without noise information is an input error", () => {
    const items = testData("mmlu-pro", "mmlu_pro_item_correct.csv");
    const r = spawnSync(
      process.execPath,
      [CLI, "rank", items, "--runs", "2000", "--T", "0,1", "--outcomes", "probabilistic", "--format", "json"],
      { encoding: "utf8" },
    );
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { config: { outcomes: string }; notes: string[] };
    assert.equal(out.config.outcomes, "probabilistic");
    assert.ok(out.notes.some((n) => /noise-aware contests/.test(n)));
    // Reruns keep the noise: the bootstrap and the studies play noise-aware contests too.
    const boot = spawnSync(
      process.execPath,
      [CLI, "rank", items, "--runs", "1000", "--T", "1", "--outcomes", "probabilistic", "--bootstrap", "5", "-q"],
      { encoding: "utf8" },
    );
    assert.equal(boot.status, 0, boot.stderr);
    assert.match(boot.stdout, /Separable neighbours/);
    const long = join(ROOT, "test", "fixtures", "long-stderr.csv");
    for (const cmd of [
      ["stress", "--trials", "1", "--corrupt", "1"],
      ["order", "--orders", "2"],
    ]) {
      const r2 = spawnSync(process.execPath, [CLI, cmd[0], long, "--runs", "300", "--outcomes", "probabilistic", ...cmd.slice(1)], {
        encoding: "utf8",
      });
      assert.equal(r2.status, 0, r2.stderr);
    }
    const bad = spawnSync(
      process.execPath,
      [CLI, "rank", join(ROOT, "data", "opencompass_2024-08-29.csv"), "--outcomes", "probabilistic"],
      { encoding: "utf8" },
    );
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--outcomes probabilistic: .* has no per-item results, standard errors or item counts/);
  });
});
