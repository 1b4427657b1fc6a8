/** The named column rules of wide tables: each verdict with its rule and reason, linear in the cells. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { COLUMN_RULES, classifyColumn, columnFacts } from "../src/table/column-rules.js";
import { inspectRaw } from "../src/table/inspect.js";
import { readRaw } from "../src/table/load.js";
import type { Cell } from "../src/table/records.js";

const judge = (name: string, cells: Cell[], byModel = true) => classifyColumn(columnFacts(name, 1, cells), { file: "t.csv", byModel });

describe("column rules", () => {
  it("each rule gives its verdict, in order", () => {
    assert.deepEqual(
      COLUMN_RULES.map((r) => r.name),
      ["empty", "unnamed", "metadata", "identifier", "statistic", "score"],
    );
    assert.equal(judge("", [null, ""]).rule, "empty");
    assert.equal(judge("Notes", [null, "-"]).verdict, "empty");
    assert.equal(judge("Notes", [null, "-"], false).verdict, "score"); // a model column of a by-benchmark table
    assert.match(judge("", ["1", "2"]).reason, /column 2 has values but no name/);
    assert.equal(judge("", ["1"]).verdict, "error");
    assert.deepEqual(
      { ...judge("org", ["OpenAI", "Meta"]) },
      { name: "org", verdict: "metadata", rule: "metadata", reason: "its values are text" },
    );
    const hash = judge("commit_hash", ["a1b2", "c3d4", "e5f6", "1234"]);
    assert.equal(hash.verdict, "identifier");
    assert.match(hash.note ?? "", /3 of 4 values are text \(identifiers\).*such as "1234"/);
    // Scores with a typo or their interval stay scores (and their text is an error when read).
    assert.equal(judge("MMLU", ["52.8 ± 1.2", "50.1 ± 1.1", "3"]).verdict, "score");
    assert.equal(judge("MMLU", ["—", "—", "—", "3"]).verdict, "score");
    assert.equal(judge("MMLU", ["71,2", "x"]).verdict, "score");
    assert.deepEqual(
      { ...judge("MMLU_stderr", ["1.2", "0.8"]) },
      { name: "MMLU_stderr", verdict: "statistic", rule: "statistic", reason: "a standard error or interval" },
    );
    assert.equal(judge("MMLU_stderr", ["1.2"], false).verdict, "score");
    assert.deepEqual(
      { ...judge("MMLU", ["70", "", "71.5"]) },
      { name: "MMLU", verdict: "score", rule: "score", reason: "2 of 3 values are numbers" },
    );
  });

  it("inspect reports every column's rule and reason; aggregates keep theirs", () => {
    const text = ["model,org,MMLU,GPQA,Average,n_samples", "a,X,70,40,55,10", "b,Y,60,50,55,10", "c,Z,80,30,55,10"].join("\n");
    const r = inspectRaw(readRaw([{ file: "t.csv", text }]));
    const by = Object.fromEntries(r.columns.map((c) => [c.name, `${c.verdict}/${c.rule}`]));
    assert.deepEqual(by, {
      model: "key/layout",
      org: "metadata/metadata",
      MMLU: "score/score",
      GPQA: "score/score",
      Average: "aggregate/aggregate",
      n_samples: "statistic/statistic",
    });
    assert.match(r.columns.find((c) => c.name === "Average")?.reason ?? "", /named "Average"/);
  });

  it("a long table's columns are named by their roles", () => {
    const text = ["model,benchmark,score,stderr,org", "a,MMLU,1,0.1,X", "b,MMLU,2,0.2,Y"].join("\n");
    const r = inspectRaw(readRaw([{ file: "l.csv", text }]));
    assert.deepEqual(
      r.columns.map((c) => `${c.name}:${c.verdict}/${c.rule}`),
      ["model:key/long", "benchmark:key/long", "score:score/long", "stderr:statistic/long", "org:metadata/long"],
    );
  });

  it("linear in the cells: 20000 x 100 classified in well under a second", () => {
    const cells: Cell[] = Array.from({ length: 20000 }, (_, i) => String(((i * 7919) % 1000) / 10));
    const t0 = performance.now();
    for (let c = 0; c < 100; c++) assert.equal(judge(`B${c}`, cells).verdict, "score");
    const ms = performance.now() - t0;
    assert.ok(ms < 1500, `${ms} ms`);
    const ids: Cell[] = Array.from({ length: 200_000 }, (_, i) => (i % 50 === 0 ? String(i) : `id-${i}`));
    const t1 = performance.now();
    assert.equal(judge("run_id", ids).verdict, "identifier");
    assert.ok(performance.now() - t1 < 1500);
  });
});
