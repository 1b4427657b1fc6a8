import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, it } from "node:test";
import { defaultRoundPlan, parseRoundPlan } from "../src/plan/plan.js";
import { buildRoundScores } from "../src/plan/round-scores.js";
import { readScoreTable, readTextFile } from "../src/table/read.js";
import { markLowerIsBetter, requireRankable } from "../src/table/select.js";
import { NEEDS_SHARED, ROOT, sharedData, testData, throwsInput } from "./helpers.js";

const fx = (name: string) => join(ROOT, "test", "fixtures", name);
const EXPECTED = {
  models: ["alpha", "beta", "gamma"],
  benchmarks: ["MMLU", "GPQA", "HumanEval"],
  scores: [70.1, 40.2, 60, 65, 45.5, 55.5, 60, 30, 70],
};

describe("reading score tables in every layout", () => {
  for (const [file, layout] of [
    ["models-rows.csv", "models-rows"],
    ["benchmarks-rows.csv", "benchmarks-rows"],
    ["long.csv", "long"],
    ["models-rows.json", "models-rows"],
    ["nested.json", "models-rows"],
    ["long.json", "long"],
    ["semicolon.csv", "models-rows"],
    ["bom-crlf.csv", "models-rows"],
    ["metadata.csv", "models-rows"],
  ] as const) {
    it(`${file} -> ${layout}`, () => {
      const t = readScoreTable(fx(file));
      requireRankable(t);
      assert.equal(t.layout, layout);
      assert.deepEqual(t.models, EXPECTED.models);
      assert.deepEqual(
        t.benchmarks.map((b) => b.name),
        EXPECTED.benchmarks,
      );
      assert.deepEqual(Array.from(t.scores), EXPECTED.scores);
    });
  }

  it("reports metadata and extra columns instead of dropping them silently", () => {
    assert.deepEqual(readScoreTable(fx("metadata.csv")).ignored, ["org"]);
    assert.deepEqual(readScoreTable(fx("long.csv")).ignored, ["source"]);
  });

  it("--layout forces the reading; --benchmarks and --exclude choose columns", () => {
    const t = readScoreTable(fx("bad-layout.csv"), { layout: "models-rows" });
    assert.deepEqual(t.models, ["alpha", "beta"]);
    const sel = readScoreTable(fx("models-rows.csv"), { benchmarks: ["HumanEval", "MMLU"] });
    assert.deepEqual(
      sel.benchmarks.map((b) => b.name),
      ["HumanEval", "MMLU"],
    );
    assert.deepEqual(Array.from(sel.scores.subarray(0, 2)), [60, 70.1]);
    const ex = readScoreTable(fx("models-rows.csv"), { exclude: ["GPQA"] });
    assert.deepEqual(
      ex.benchmarks.map((b) => b.name),
      ["MMLU", "HumanEval"],
    );
  });

  it("lower-is-better benchmarks are negated in the round scores", () => {
    const t = markLowerIsBetter(readScoreTable(fx("models-rows.csv")), ["GPQA"]);
    const plan = parseRoundPlan(readTextFile(fx("plan-ok.json")), "plan-ok.json", t);
    const rs = buildRoundScores(t, plan);
    // round "one" = mean(MMLU, -GPQA); model-major lookup values[k * M + m]
    assert.ok(Math.abs(rs.values[0] - (70.1 - 40.2) / 2) < 1e-12);
    assert.equal(rs.values[1 * 3 + 2], 70);
  });

  it("real data: the bundled OpenCompass table, and HELM Lite's long table with its 'scenario' column", () => {
    const oc = readScoreTable(join(ROOT, "data", "opencompass_2024-08-29.csv"));
    assert.equal(oc.models.length, 35);
    assert.equal(oc.benchmarks.length, 8);
    const helm = readScoreTable(testData("leaderboards", "helm_lite_2024-06-10_long.csv"));
    assert.equal(helm.layout, "long");
    assert.equal(helm.models.length, 48);
    assert.ok(helm.benchmarks.some((b) => b.name === "helm_lite_mwr"));
  });
});

describe("bad input gets a clear, located error", () => {
  const cases: [string, RegExp[]][] = [
    ["bad-empty.csv", [/bad-empty\.csv/, /empty/]],
    ["bad-header-only.csv", [/only a header/]],
    ["bad-ragged.csv", [/malformed CSV/, /line 3/, /fields/]],
    ["bad-quote.csv", [/malformed CSV/, /Quote/i]],
    ["bad-dup-model.csv", [/duplicate model/, /"alpha" at line 2, line 4/]],
    ["bad-dup-bench.csv", [/duplicate benchmark/, /"MMLU"/]],
    [
      "bad-values.csv",
      [
        /line 2, column "GPQA": "abc" is not a number/,
        /line 3, column "MMLU": "NaN" is not a finite score/,
        /line 4, column "GPQA": "inf"/,
      ],
    ],
    ["bad-truncated.json", [/malformed JSON/]],
    ["bad-long-dup.csv", [/line 3: a second score for model "alpha" on "MMLU" \(first at line 2\)/]],
    ["bad-layout.csv", [/cannot tell the layout/, /--layout/]],
    ["does-not-exist.csv", [/no such file/]],
  ];
  for (const [file, patterns] of cases) {
    it(file, () => throwsInput(() => requireRankable(readScoreTable(fx(file))), ...patterns));
  }

  it("every missing score is named, with its place", () => {
    throwsInput(
      () => requireRankable(readScoreTable(fx("bad-missing.csv"))),
      /2 missing scores/,
      /model "alpha", benchmark "GPQA" \(line 2, column "GPQA"\)/,
      /model "beta", benchmark "MMLU" \(line 3, column "MMLU"\)/,
    );
    throwsInput(() => requireRankable(readScoreTable(fx("bad-long-gap.csv"))), /model "beta", benchmark "GPQA" \(no row\)/);
  });

  it("fewer than 2 models", () => {
    throwsInput(() => requireRankable(readScoreTable(fx("bad-one-model.csv"))), /: 1 model found; ranking needs at least 2/);
    // A real metadata table (one row per benchmark, no column of scores): no model at all.
    const meta = testData("epoch-stitching", "benchmark_optim.csv");
    throwsInput(() => requireRankable(readScoreTable(meta)), /benchmark_optim\.csv: 0 models found; ranking needs at least 2/);
  });

  it("duplicate model names in the real Open LLM Leaderboard v2 file are all named", () => {
    throwsInput(() => readScoreTable(testData("leaderboards", "open_llm_leaderboard_v2_2024-08-29.csv")), /duplicate model names/);
  });

  it("the real LiveBench 2026-01-08 row with too few fields", { skip: NEEDS_SHARED }, () => {
    throwsInput(() => readScoreTable(sharedData("livebench", "table_2026_01_08.csv")), /malformed CSV near line \d+/, /expect 24, got 21/);
  });

  it("unknown benchmark names in options", () => {
    throwsInput(() => readScoreTable(fx("models-rows.csv"), { exclude: ["ARC"] }), /--exclude: "ARC" is not a benchmark/);
    throwsInput(() => markLowerIsBetter(readScoreTable(fx("models-rows.csv")), ["ppl"]), /--lower-is-better: "ppl"/);
  });
});

describe("round plans", () => {
  const table = readScoreTable(fx("models-rows.csv"));
  const plan = (name: string) => parseRoundPlan(readTextFile(fx(name)), name, table);

  it("a valid plan: rounds in order, each the mean of its benchmarks", () => {
    const p = plan("plan-ok.json");
    assert.deepEqual(
      p.rounds.map((r) => r.name),
      ["one", "two"],
    );
    const rs = buildRoundScores(table, p);
    assert.ok(Math.abs(rs.values[0] - (70.1 + 40.2) / 2) < 1e-12);
  });

  it("without a plan: one round per benchmark in input order", () => {
    assert.deepEqual(
      defaultRoundPlan(table).rounds.map((r) => r.benchmarks),
      [["MMLU"], ["GPQA"], ["HumanEval"]],
    );
  });

  it("bad plans", () => {
    throwsInput(() => plan("plan-unknown.json"), /round "one": unknown benchmark "ARC"/);
    throwsInput(() => plan("plan-empty-round.json"), /rounds\.0\.benchmarks: a round needs at least one benchmark/);
    throwsInput(() => plan("plan-no-rounds.json"), /at least one round/);
    throwsInput(() => plan("plan-dup-name.json"), /used twice/);
    // A plan naming a metadata column (text) is told that the column is not read as scores.
    const meta = readScoreTable(fx("metadata.csv"));
    throwsInput(
      () => parseRoundPlan('{"rounds": [{"name": "r", "benchmarks": ["org", "MMLU"]}]}', "p.json", meta),
      /round "r": unknown benchmark "org"; column "org" is not read as scores/,
    );
    throwsInput(() => parseRoundPlan("{", "p.json", table), /p\.json: malformed JSON/);
  });
});
