/** Scores near the largest double: every method's figures stay finite (scaled before summing). */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { it } from "node:test";
import { matrixFromRows, minMaxNormalise, zScoreNormalise } from "../src/rank/matrix.js";
import { meanScores } from "../src/rank/mean.js";
import { finiteMean } from "../src/stats/stats.js";
import { CLI } from "./helpers.js";

it("means, min-max and z-scores of columns near +-1e308 are finite and right", () => {
  assert.equal(finiteMean([1e308, 1e308, -1e308]), 1e308 / 3);
  assert.equal(finiteMean([1, 2, 3]), 2);
  const m = matrixFromRows(
    ["a", "b", "c"],
    ["x", "y"],
    [
      [1e308, 9e307],
      [-1e308, 9e307],
      [0, -9e307],
    ],
  );
  const means = meanScores(m).means;
  for (const [got, want] of [
    [means[0], 9.5e307],
    [means[1], -5e306],
    [means[2], -4.5e307],
  ])
    assert.ok(Math.abs(got / want - 1) < 1e-12, `${got} vs ${want}`);
  const mm = minMaxNormalise(m).values;
  assert.deepEqual(Array.from(mm), [1, 1, 0, 1, 0.5, 0]);
  const z = zScoreNormalise(m).values;
  assert.ok(Array.from(z).every(Number.isFinite));
  assert.ok(Math.abs(z[0] - Math.sqrt(1.5)) < 1e-12, String(z[0]));
});

it("compare on a table of scores near +-1e308: no Infinity, no null, the same order as scaled-down scores", () => {
  const dir = mkdtempSync(join(tmpdir(), "swissround-huge-"));
  const huge = join(dir, "huge.csv");
  const small = join(dir, "small.csv");
  const rows = [
    ["m1", 1, -1, 0.5],
    ["m2", -1, 1, 0.1],
    ["m3", 0.9, 0.9, -0.9],
    ["m4", 0, 0.2, 0.3],
  ] as const;
  const write = (file: string, scale: number) =>
    writeFileSync(file, `model,a,b,c\n${rows.map(([m, ...v]) => `${m},${v.map((x) => x * scale).join(",")}`).join("\n")}\n`);
  write(huge, 1e308);
  write(small, 1);
  const ranks = (file: string, normalise: string) => {
    const r = spawnSync(process.execPath, [CLI, "compare", file, "--runs", "300", "--normalise", normalise, "--format", "json"], {
      encoding: "utf8",
    });
    assert.equal(r.status, 0, r.stderr);
    assert.doesNotMatch(r.stdout, /Infinity|NaN/);
    const out = JSON.parse(r.stdout) as { methods: { id: string; scores: (number | null)[]; ranks: number[] }[] };
    for (const m of out.methods)
      assert.ok(
        m.scores.every((s) => s !== null),
        `${m.id} has a null score`,
      );
    // The optimality gap's threshold (gamma = 1) is absolute: on raw scores it depends on their scale by definition.
    return out.methods.filter((m) => normalise !== "none" || m.id !== "optimality-gap").map((m) => [m.id, m.ranks]);
  };
  for (const how of ["none", "minmax", "zscore"]) assert.deepEqual(ranks(huge, how), ranks(small, how), how);
});
