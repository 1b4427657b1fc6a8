/** Aggregate-column detection at leaderboard scale: linear in the cells, and no false alarm on whole numbers. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { detectAggregates } from "../src/table/aggregates.js";
import { scoreTable } from "../src/table/from-arrays.js";
import { scoreTableFromText } from "../src/table/load.js";

/** A deterministic table of M models x B benchmarks, scores with two decimals. */
function randomCsv(M: number, B: number, seed = 1): string {
  let x = seed;
  const next = () => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return (x / 2 ** 31) * 100;
  };
  const lines = [`model,${Array.from({ length: B }, (_, b) => `b${b}`).join(",")}`];
  for (let m = 0; m < M; m++) lines.push(`m${m},${Array.from({ length: B }, () => next().toFixed(2)).join(",")}`);
  return `${lines.join("\n")}\n`;
}

describe("aggregate detection at scale", () => {
  it("5000 x 50 and 150 x 1000 read without a stack overflow (a spread of a whole column set did)", () => {
    for (const [M, B] of [
      [5000, 50],
      [150, 1000],
    ]) {
      const t = scoreTableFromText(randomCsv(M, B), `random-${M}x${B}.csv`);
      assert.equal(t.models.length, M);
      assert.equal(t.benchmarks.length, B);
      assert.equal(t.aggregates, undefined, `${M} x ${B}: random columns are no aggregates`);
    }
  });

  it("an average column among 2,000 is still found, and the count of others is right", () => {
    const B = 2000;
    const text = randomCsv(8, B, 7);
    const rows = text.trim().split("\n");
    const withMean = rows.map((line, i) => {
      if (i === 0) return `${line},Overall score`;
      const v = line.split(",").slice(1).map(Number);
      return `${line},${(v.reduce((a, b) => a + b, 0) / v.length).toFixed(2)}`;
    });
    const t = scoreTableFromText(`${withMean.join("\n")}\n`, "wide.csv", { aggregates: "auto" });
    assert.deepEqual(
      t.aggregates?.map((a) => a.name),
      ["Overall score"],
    );
    // Not by its name: the same column under a plain name is found by value.
    const plain = scoreTableFromText(`${withMean.join("\n").replace("Overall score", "zz")}\n`, "wide.csv");
    assert.deepEqual(plain.aggregates, [{ name: "zz", reason: `the row mean of the other ${B} columns on its scale, within rounding` }]);
  });

  it("a benchmark of whole numbers within 0.5 of the others' mean is not an aggregate by rounding alone", () => {
    // c = floor((a + b) / 2): half a point off the mean on every row, as a real integer score can be.
    const a = [10, 21, 33, 40, 55, 61];
    const b = [13, 28, 36, 47, 58, 70];
    const c = a.map((x, i) => Math.floor((x + b[i]) / 2));
    const t = scoreTable({ models: a.map((_, i) => `m${i}`), benchmarks: ["a", "b", "c"], scores: a.map((x, i) => [x, b[i], c[i]]) });
    assert.deepEqual(detectAggregates({ ...t, adapter: "leaderboard" }), []);
    // The exact mean of whole numbers, a whole number itself, is still one.
    const even = b.map((x, i) => x + ((x + a[i]) % 2));
    const mean = a.map((x, i) => (x + even[i]) / 2);
    const u = scoreTable({ models: a.map((_, i) => `m${i}`), benchmarks: ["a", "b", "c"], scores: a.map((x, i) => [x, even[i], mean[i]]) });
    assert.deepEqual(
      detectAggregates({ ...u, adapter: "leaderboard" }).map((x) => x.name),
      ["c"],
    );
  });

  it("detection never depends on the file's name: the bundled table under any name, the same aggregate", async () => {
    const { readFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    const { ROOT } = await import("./helpers.js");
    const text = readFileSync(join(ROOT, "data", "opencompass_2024-08-29.csv"), "utf8");
    for (const name of ["opencompass_2024-08-29.csv", "scores.csv", "upload (3).csv"])
      assert.deepEqual(
        scoreTableFromText(text, name).aggregates?.map((a) => a.name),
        ["opencompass"],
        name,
      );
    // A first column that orders the models unlike the others' mean is a benchmark, whatever its name.
    const lines = text.trim().split("\n");
    const shuffled = lines.map((l, i) => (i === 0 ? l : l.replace(/^([^,]*),([^,]*)/, (_, m) => `${m},${(i * 37) % 50}`)));
    assert.equal(scoreTableFromText(`${shuffled.join("\n")}\n`, "x.csv").aggregates, undefined);
  });
});
