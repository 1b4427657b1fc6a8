/** The library as a TypeScript user calls it: typed options, in-memory tables, the CLI's numbers. */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import {
  InputError,
  prepareRanking,
  type RankingOptions,
  readScoreTable,
  renderRank,
  reportData,
  runRanking,
  runRankingWithTallies,
  scoreTable,
  scoreTableFromText,
} from "../src/index.js";
import { forTheApi } from "../src/table/option-names.js";
import { CLI, ROOT, testData } from "./helpers.js";

const OC = join(ROOT, "data", "opencompass_2024-08-29.csv");
const OC_PLAN = join(ROOT, "data", "opencompass.rounds.json");

function cliJson(...args: string[]): { results: unknown; noise?: unknown; sensitivity?: unknown } {
  const r = spawnSync(process.execPath, [CLI, "rank", ...args, "--format", "json", "--quiet"], { encoding: "utf8", cwd: ROOT });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

/** Through JSON, as the CLI writes it (NaN -> null and so on). */
const asJson = (x: unknown): unknown => JSON.parse(JSON.stringify(x));

describe("runRanking returns the results of swissround rank --format json", () => {
  it("the bundled table with its round plan, T as numbers", async () => {
    const plan = JSON.parse(readFileSync(OC_PLAN, "utf8"));
    const lib = await runRanking(readScoreTable(OC), { T: [0, 1, 2], runs: 3000, seed: 7, plan });
    const cli = cliJson(OC, "--rounds", OC_PLAN, "--T", "0,1,2", "--runs", "3000", "--seed", "7");
    assert.deepEqual(asJson(lib.results), cli.results);
    assert.deepEqual(asJson(lib.sensitivity), cli.sensitivity);
  });

  it("per-item data: the noise report is in the library's result as in the CLI's", async () => {
    const file = testData("mmlu-pro", "mmlu_pro_item_correct.csv");
    const lib = await runRanking(readScoreTable(file), { T: 1, runs: 1000 });
    const cli = cliJson(file, "--T", "1", "--runs", "1000");
    assert.ok(lib.noise, "noise report");
    assert.deepEqual(asJson(lib.noise), cli.noise);
    assert.deepEqual(asJson(lib.results), cli.results);
  });

  it("T: one number, several settings, or per-round schedules, as --T writes them", async () => {
    const table = readScoreTable(OC);
    const rounds = table.benchmarks.length - 1; // the default plan leaves the aggregate out
    const schedule = Array.from({ length: rounds }, (_, k) => (k < 3 ? 0 : 1));
    const lib = await runRanking(table, { T: [[...schedule], 2], runs: 1000 });
    const cli = cliJson(OC, "--T", `${schedule.join(":")},2`, "--runs", "1000");
    assert.deepEqual(asJson(lib.results), cli.results);
    assert.deepEqual(
      (await runRanking(table, { T: 1, runs: 500 })).results.map((r) => r.T),
      ["1"],
    );
    assert.throws(
      () => prepareRanking(table, { T: [0, 40] }),
      (e: unknown) => e instanceof InputError && /^T: T = 40 would eliminate the whole field of 35 models/.test(e.message),
    );
    assert.throws(() => prepareRanking(table, { T: [[0, 1]] }), /T: the schedule "0:1" has 2 values but the plan has 7 rounds/);
    assert.throws(() => prepareRanking(table, { T: [1.5] }), /T: "1.5" is not a whole number >= 0/);
  });

  it("options are checked with messages that name the option, not a flag", () => {
    const table = readScoreTable(OC);
    const cases: [RankingOptions, RegExp][] = [
      [{ runs: 0 }, /^runs: expected a whole number >= 1, got 0/],
      [{ seed: -1 }, /^seed: expected a whole number >= 0/],
      [{ tieTolerance: Number.NaN }, /^tieTolerance: expected a number >= 0/],
      [{ plan: { rounds: [{ name: "x", benchmarks: ["nope"] }] } }, /options\.plan: .*unknown benchmark "nope"/s],
    ];
    for (const [options, pattern] of cases) {
      assert.throws(
        () => prepareRanking(table, options),
        (e: unknown) => e instanceof InputError && pattern.test(e.message),
      );
    }
  });

  it("the same seed gives the same numbers on one thread and two", async () => {
    const table = readScoreTable(OC);
    const one = await runRanking(table, { runs: 4000, threads: 1 });
    const two = await runRanking(table, { runs: 4000, threads: 2 });
    assert.deepEqual(one.results, two.results);
  });
});

describe("scoreTable: an in-memory table, checked as a file is", () => {
  const models = ["a", "b", "c", "d"];
  const benchmarks = ["MMLU", "GSM8K", "perplexity"];
  const scores = [
    [70, 50, 8.1],
    [65, 60, 7.4],
    [40, 30, 12],
    [55, 45, 9],
  ];

  it("ranks exactly as the same table written as CSV", async () => {
    const csv = `model,${benchmarks.join(",")}\n${models.map((m, i) => `${m},${scores[i].join(",")}`).join("\n")}\n`;
    const fromText = scoreTableFromText(csv, "same.csv", { lowerIsBetter: ["perplexity"] });
    const fromArrays = scoreTable({ models, benchmarks, scores, lowerIsBetter: ["perplexity"] });
    assert.deepEqual(fromArrays.benchmarks, fromText.benchmarks);
    const a = await runRanking(fromArrays, { runs: 2000 });
    const b = await runRanking(fromText, { runs: 2000 });
    assert.deepEqual(a.results, b.results);
    assert.match(renderRank(a, "table"), /E\[S\]/);
  });

  it("standard errors feed noise-aware contests", async () => {
    const standardErrors = scores.map((r) => r.map(() => 1));
    const t = scoreTable({ models, benchmarks, scores, standardErrors });
    const r = await runRanking(t, { runs: 1000, outcomes: "probabilistic", T: 0 });
    assert.match(r.notes.join("\n"), /noise-aware contests/);
    assert.throws(
      () => prepareRanking(scoreTable({ models, benchmarks, scores }), { outcomes: "probabilistic" }),
      /no per-item results, standard errors/,
    );
  });

  it("every problem at once, naming the row and column, with a code", () => {
    assert.throws(
      () =>
        scoreTable({
          models: ["a", "a", "c"],
          benchmarks: ["MMLU", "GSM8K"],
          scores: [[1, 2], [3], [Number.POSITIVE_INFINITY, "x" as unknown as number]],
          lowerIsBetter: ["BLEU"],
        }),
      (e: unknown) => {
        assert.ok(e instanceof InputError);
        assert.equal(e.code, "invalid-table");
        assert.match(e.message, /models: "a" appears more than once/);
        assert.match(e.message, /lowerIsBetter: "BLEU" is not one of the benchmarks/);
        assert.match(e.message, /scores\[1\] \(model "a"\): expected 2 values \(one per benchmark\), got 1/);
        assert.match(e.message, /scores\[2\]\[0\] \(model "c", benchmark "MMLU"\): Infinity is not a finite number/);
        assert.match(e.message, /scores\[2\]\[1\] \(model "c", benchmark "GSM8K"\): x is not a finite number/);
        return true;
      },
    );
    assert.throws(() => scoreTable({ models: ["a"], benchmarks: ["MMLU"], scores: [[1]] }), /at least 2 models/);
  });

  it("null marks a gap: an error without a policy, ranked with one", async () => {
    const t = scoreTable({ models, benchmarks, scores: scores.map((r, i) => (i === 1 ? [null, ...r.slice(1)] : r)) });
    // In the library's words: the option and its values, never a flag; same code as the CLI's error.
    assert.throws(
      () => prepareRanking(t),
      (e: unknown) =>
        e instanceof InputError &&
        /the option missing: "drop-model" \| "drop-benchmark" \| "lose" \| "available-mean"/.test(e.message) &&
        !/--[a-z]/.test(e.message),
    );
    const r = await runRanking(t, { missing: "lose", runs: 500 });
    assert.equal(r.results[0].models.length, 4);
  });
});

describe("reportData computes only what is asked", () => {
  it("one chart's inputs: no comparison, no studies; the whole report: both (small field)", async () => {
    const run = await runRankingWithTallies(readScoreTable(OC), { runs: 1000 });
    const chart = await reportData(run, { charts: ["sensitivity"] });
    assert.equal(chart.comparison, undefined);
    assert.equal(chart.studies, undefined);
    assert.equal(chart.omitted, undefined);
    const compare = await reportData(run, { charts: ["compare"] });
    assert.ok(compare.comparison);
    assert.equal(compare.studies, undefined);
    const whole = await reportData(run, { threads: 1 });
    assert.ok(whole.comparison && whole.studies && whole.studies.length > 0);
  });
});

describe("library errors name options, the CLI's name flags", () => {
  it("readScoreTable, scoreTableFromText and runRanking rephrase; the CLI keeps --flags", async () => {
    const dup = "model,MMLU,GSM8K\na,70,50\na,71,52\nb,65,60\n";
    assert.throws(
      () => scoreTableFromText(dup, "dup.csv"),
      (e: unknown) => e instanceof InputError && /the option duplicates/.test(e.message) && !/--[a-z]/.test(e.message),
    );
    const file = join(ROOT, "test", "fixtures", "models-rows.csv");
    assert.throws(
      () => readScoreTable(file, { metric: ["acc"] }),
      (e: unknown) => e instanceof InputError && /the option metric/.test(e.message) && !/--[a-z]/.test(e.message),
    );
    const t = scoreTable({ models: ["a", "b"], benchmarks: ["x"], scores: [[1], [null]] });
    await assert.rejects(runRanking(t, { runs: 10 }), (e: unknown) => e instanceof InputError && !/--[a-z]/.test(e.message));
    const cli = spawnSync(process.execPath, [CLI, "rank", file, "--metric", "acc"], { encoding: "utf8", cwd: ROOT });
    assert.equal(cli.status, 2);
    assert.match(cli.stderr, /--metric/);
  });
});

describe("forTheApi", () => {
  it("turns flags into options, values into quoted choices, and leaves other words alone", () => {
    const cases: [string, string][] = [
      ["pass --missing lose", 'set the option missing: "lose"'],
      ["choose one with --duplicates first|best", 'choose one with the option duplicates: "first" | "best"'],
      ["--metric applies to harness files", "the option metric applies to harness files"],
      ["--benchmarks and --benchmark-name", "the option benchmarks and the option benchmarkName"],
      ["see --T 0,1,2", "see the option T 0,1,2"],
      ["no flag here", "no flag here"],
    ];
    for (const [flagged, api] of cases) assert.equal(forTheApi(flagged), api);
  });
});
