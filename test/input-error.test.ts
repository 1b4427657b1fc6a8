/** InputError's fields: the file, row, column or option a message names, for programs (not only people) to read. */
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { corruptionStudy } from "../src/analysis/corruption.js";
import type { RerunSettings } from "../src/analysis/rerun.js";
import { stabilityStudy } from "../src/analysis/stability.js";
import { analyseCosts, contestOf } from "../src/cost/analysis.js";
import { costFiguresFromText } from "../src/cost/cost-figures.js";
import { parsePriceTable } from "../src/cost/prices.js";
import { InputError, prepareRanking, readScoreTable, runRanking, scoreTable, scoreTableFromText } from "../src/index.js";
import { runShard } from "../src/run/pipeline.js";
import { contestRules, prepareRank } from "../src/run/rank.js";
import { rephrased } from "../src/table/errors.js";
import { checkJsonStructure } from "../src/table/json-structure.js";
import { readTextFile } from "../src/table/read.js";
import { prepareForDashboard } from "../src/web/server/prepare.js";
import { ROOT } from "./helpers.js";

const fixture = (...p: string[]) => join(ROOT, "test", "fixtures", ...p);

/** The InputError f throws (failing if it throws anything else, or nothing). */
function caught(f: () => unknown): InputError {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof InputError, `expected an InputError, got ${String(e)}`);
    return e;
  }
  assert.fail("expected an InputError");
}

/** The InputError a promise rejects with (failing if it rejects with anything else, or resolves). */
async function rejected(p: Promise<unknown>): Promise<InputError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof InputError, `expected an InputError, got ${String(e)}`);
    return e;
  }
  assert.fail("expected an InputError");
}

/**
 * The fields are what the message says: the file leads it, the row is its "line N", the column is
 * quoted, a column by number is its "column N".
 */
function saysWhere(e: InputError): void {
  if (e.file !== undefined) assert.ok(e.message.startsWith(`${e.file}: `), e.message);
  if (e.row !== undefined) assert.match(e.message, new RegExp(`line ${e.row}\\b`));
  if (e.column !== undefined) assert.ok(e.message.includes(`column "${e.column}"`), e.message);
  if (e.columnIndex !== undefined) assert.match(e.message, new RegExp(`column ${e.columnIndex}\\b`));
}

/** A temporary directory for files written by a test. */
const tempDir = () => mkdtempSync(join(tmpdir(), "swissround-errors-"));

/** An lm-evaluation-harness results file (v0.4) of one model. */
function harnessFile(dir: string, name: string, results: Record<string, Record<string, unknown>>): string {
  const file = join(dir, name);
  writeFileSync(
    file,
    JSON.stringify({ results, versions: {}, config: { model_args: `pretrained=${name.replace(/\.json$/, "")}` } }, null, 1),
  );
  return file;
}

describe("InputError's fields", () => {
  it("a non-numeric cell: file, row (the file's line, the header being line 1) and column", () => {
    const file = fixture("bad-values.csv");
    const e = caught(() => readScoreTable(file));
    assert.equal(e.file, file);
    assert.equal(e.row, 2); // alpha,70,abc is the file's second line
    assert.equal(e.column, "GPQA");
    assert.equal(e.option, undefined);
    saysWhere(e);
  });

  it("a cell in pasted text: the file is the name given to the text", () => {
    const e = caught(() => scoreTableFromText("model,MMLU,GSM8K\na,70,50\nb,65,six\n", "pasted.csv"));
    assert.deepEqual({ file: e.file, row: e.row, column: e.column }, { file: "pasted.csv", row: 3, column: "GSM8K" });
    saysWhere(e);
  });

  it("a repeated model: the row of the repeat", () => {
    const e = caught(() => readScoreTable(fixture("bad-dup-model.csv")));
    assert.equal(e.row, 4);
    assert.match(e.message, /"alpha" at line 2, line 4/);
  });

  it("a missing file: the file, no row", () => {
    const e = caught(() => readScoreTable(join(ROOT, "no-such-file.csv")));
    assert.equal(e.file, join(ROOT, "no-such-file.csv"));
    assert.equal(e.row, undefined);
    assert.match(e.message, /no such file/);
  });

  it("malformed JSON: the line the parser stopped on", () => {
    const dir = mkdtempSync(join(tmpdir(), "swissround-errors-"));
    const file = join(dir, "scores.json");
    writeFileSync(file, '[\n{"model": "a", "MMLU": 70},\n{"model": "b", "MMLU": 6,}\n]\n');
    const e = caught(() => readScoreTable(file));
    assert.equal(e.file, file);
    assert.equal(e.row, 3);
    saysWhere(e);
  });

  it("a gap: the first missing score's line and column", () => {
    const table = scoreTableFromText("model,MMLU,GSM8K\na,70,50\nb,65,\nc,,1\n", "gaps.csv");
    const e = caught(() => prepareRanking(table));
    assert.deepEqual({ file: e.file, row: e.row, column: e.column }, { file: "gaps.csv", row: 3, column: "GSM8K" });
    assert.equal(e.option, undefined);
  });

  it("a rounds file that does not fit: the file, the option plan, the code invalid-plan", () => {
    const scores = fixture("models-rows.csv");
    const rounds = fixture("plan-unknown.json");
    const e = caught(() => prepareRank(scores, { rounds }));
    assert.deepEqual({ file: e.file, option: e.option, code: e.code }, { file: rounds, option: "plan", code: "invalid-plan" });
    const missing = caught(() => prepareRank(scores, { rounds: fixture("no-such-plan.json") }));
    assert.equal(missing.file, fixture("no-such-plan.json"));
  });

  it("a price table: the first bad cell's row and column", () => {
    const e = caught(() => parsePriceTable("model,input,output\nA,1,2\nB,-10,20\n", "prices.csv"));
    assert.deepEqual({ file: e.file, row: e.row, column: e.column }, { file: "prices.csv", row: 3, column: "input" });
    saysWhere(e);
  });

  it("a bad option through the library: option is the library's name, and survives the rephrasing", () => {
    const table = readScoreTable(fixture("models-rows.csv"));
    const runs = caught(() => prepareRanking(table, { runs: 0 }));
    assert.deepEqual({ option: runs.option, code: runs.code }, { option: "runs", code: "invalid-option" });
    const T = caught(() => prepareRanking(table, { T: [1.5] }));
    assert.deepEqual({ option: T.option, code: T.code }, { option: "T", code: "invalid-option" });
    // Read with --benchmarks in the CLI's words, rephrased for the API: the field is set either way.
    const bench = caught(() => readScoreTable(fixture("models-rows.csv"), { benchmarks: ["nope"] }));
    assert.equal(bench.option, "benchmarks");
    assert.doesNotMatch(bench.message, /--benchmarks/);
    const from = caught(() => readScoreTable(fixture("models-rows.csv"), { from: "nope" as "long" }));
    assert.equal(from.option, "from");
  });

  it("the dashboard's rephrasing keeps them, under the upload's shown name", () => {
    const bytes = new TextEncoder().encode("model,MMLU,GSM8K\na,70,50\nb,65,six\n");
    const settings = { T: "0", runs: "100", seed: "1", elimination: "paper" as const };
    const e = caught(() => prepareForDashboard({ scores: { upload: { name: "../my scores.csv", bytes } }, settings }));
    assert.deepEqual({ file: e.file, row: e.row, column: e.column }, { file: "my scores.csv", row: 3, column: "GSM8K" });
    saysWhere(e);
  });

  it("in-memory arrays: the input field as the option", () => {
    const e = caught(() => scoreTable({ models: ["a", "b"], benchmarks: ["x"], scores: [[1], [Number.POSITIVE_INFINITY]] }));
    assert.equal(e.option, "scores");
    assert.equal(e.code, "invalid-table");
  });

  it("the constructor's two forms, and a rephrasing that keeps the fields and the stack", () => {
    assert.equal(new InputError("m").code, "invalid-input");
    assert.equal(new InputError("m", "invalid-table").code, "invalid-table");
    const e = new InputError("a.csv: line 3", { file: "a.csv", row: 3 });
    assert.deepEqual({ ...e }, { name: "InputError", code: "invalid-input", file: "a.csv", row: 3 });
    assert.ok(!("column" in e), "an unknown field is absent, not undefined");
    const r = rephrased(e, "a.csv: row 3");
    assert.deepEqual(
      { message: r.message, file: r.file, row: r.row, stack: r.stack },
      { message: "a.csv: row 3", file: "a.csv", row: 3, stack: e.stack },
    );
  });
});

describe("InputError's fields: results files, layout, JSON structure", () => {
  it("a harness results file with a task that reports no metric: that file", () => {
    const dir = tempDir();
    harnessFile(dir, "model-a.json", { arc_easy: { "acc,none": 0.5 }, gsm8k: { "exact_match,strict-match": 0.1 } });
    const broken = harnessFile(dir, "model-b.json", { arc_easy: { "acc,none": 0.4 }, gsm8k: { alias: "gsm8k" } });
    const e = caught(() => readScoreTable(dir));
    assert.equal(e.file, broken);
    assert.ok(e.message.includes(`${broken}: (none)`), e.message);
    assert.equal(e.option, undefined);
    // One file alone: the same.
    const one = caught(() => readScoreTable(broken));
    assert.equal(one.file, broken);
  });

  it("a harness --metric that names no task, or a metric not reported: the option metric, no file", () => {
    const dir = tempDir();
    const file = harnessFile(dir, "model-a.json", { arc_easy: { "acc,none": 0.5, "acc_norm,none": 0.6 } });
    const task = caught(() => readScoreTable(file, { metric: ["nope=acc"] }));
    assert.deepEqual(
      { option: task.option, code: task.code, file: task.file },
      { option: "metric", code: "invalid-option", file: undefined },
    );
    assert.match(task.message, /no task "nope"/);
    assert.doesNotMatch(task.message, /--metric/);
    const metric = caught(() => readScoreTable(file, { metric: ["arc_easy=f1"] }));
    assert.deepEqual({ option: metric.option, code: metric.code }, { option: "metric", code: "invalid-option" });
    // A file that is not harness results, read as one.
    const json = fixture("models-rows.json");
    const notHarness = caught(() => readScoreTable(json, { from: "harness" }));
    assert.equal(notHarness.file, json);
    saysWhere(notHarness);
    // A directory without results files: the directory.
    const empty = tempDir();
    writeFileSync(join(empty, "other.json"), '{"a": 1}');
    assert.equal(caught(() => readScoreTable(empty)).file, empty);
  });

  it("an OpenCompass summary: the bad cell's row and column, the file; a --metric that keeps no row: the option", () => {
    const text = "dataset,version,metric,mode,model-a,model-b\ngsm8k,1d7fe4,accuracy,gen,72.10,-\nmath,393424,accuracy,gen,40.00,forty\n";
    const e = caught(() => scoreTableFromText(text, "summary.csv"));
    assert.deepEqual({ file: e.file, row: e.row, column: e.column }, { file: "summary.csv", row: 3, column: "model-b" });
    saysWhere(e);
    const m = caught(() => scoreTableFromText(text.replace(",forty", ",41"), "summary.csv", { metric: ["pass@1"] }));
    assert.deepEqual({ file: m.file, option: m.option, code: m.code }, { file: "summary.csv", option: "metric", code: "invalid-option" });
    saysWhere(m);
    const twice = caught(() => scoreTableFromText(`${text.replace(",forty", ",41")}gsm8k,1d7fe4,accuracy,gen,1,2\n`, "summary.csv"));
    assert.equal(twice.file, "summary.csv");
    assert.match(twice.message, /listed twice/);
  });

  it("a layout that cannot be told, or --layout long without its columns: the file (and the option layout)", () => {
    const e = caught(() => scoreTableFromText("who,MMLU\na,1\nb,2\n", "t.csv"));
    assert.deepEqual({ file: e.file, option: e.option }, { file: "t.csv", option: undefined });
    saysWhere(e);
    const long = caught(() => scoreTableFromText("model,MMLU\na,1\nb,2\n", "t.csv", { layout: "long" }));
    assert.deepEqual({ file: long.file, option: long.option }, { file: "t.csv", option: "layout" });
    saysWhere(long);
    // Forced by from: "long" instead, the message and the field say so.
    const from = caught(() => scoreTableFromText("model,MMLU\na,1\nb,2\n", "t.csv", { from: "long" }));
    assert.deepEqual({ file: from.file, option: from.option }, { file: "t.csv", option: "from" });
    assert.match(from.message, /^t\.csv: the option from long needs a model column/);
    const perItem = caught(() => scoreTableFromText("model,MMLU\na,1\nb,2\n", "p.csv", { from: "per-item" }));
    assert.equal(perItem.file, "p.csv");
    saysWhere(perItem);
    const misplaced = caught(() => readScoreTable(fixture("models-rows.csv"), { harnessTasks: "all" }));
    assert.deepEqual({ option: misplaced.option, code: misplaced.code }, { option: "harnessTasks", code: "invalid-option" });
  });

  it("a column without a name: its number as columnIndex (1-based, as the message says), no column name", () => {
    const e = caught(() => scoreTableFromText("model,MMLU,,GSM8K\na,70,1,50\nb,65,2,60\n", "t.csv"));
    assert.deepEqual({ file: e.file, columnIndex: e.columnIndex, column: e.column }, { file: "t.csv", columnIndex: 3, column: undefined });
    assert.match(e.message, /column 3 has values but no name/);
    saysWhere(e);
    // A repeated column name: the name, and the repeat's number.
    const dup = caught(() => scoreTableFromText("model,MMLU,GSM8K,MMLU\na,70,50,1\nb,65,60,2\n", "t.csv"));
    assert.deepEqual({ column: dup.column, columnIndex: dup.columnIndex }, { column: "MMLU", columnIndex: 4 });
    assert.match(dup.message, /"MMLU" at column 2, column 4/);
  });

  it("a repeated key: in a JSON file the line it is on; in JSON Lines the file and its line apart", () => {
    const json = caught(() => scoreTableFromText('[\n{"model": "a", "MMLU": 1},\n{"model": "b", "MMLU": 2, "MMLU": 3}\n]\n', "s.json"));
    assert.deepEqual({ file: json.file, row: json.row }, { file: "s.json", row: 3 });
    saysWhere(json);
    const jsonl = caught(() =>
      scoreTableFromText('{"model": "a", "MMLU": 1}\n\n{"model": "b", "MMLU": 2}\n{"model": "c", "MMLU": 3, "MMLU": 4}\n', "s.jsonl"),
    );
    assert.deepEqual({ file: jsonl.file, row: jsonl.row }, { file: "s.jsonl", row: 4 });
    assert.equal(jsonl.message, 's.jsonl: line 4: the key "MMLU" appears twice in one object; JSON would keep only the last one');
    saysWhere(jsonl);
    const deep = caught(() => checkJsonStructure('{"a": [[[1]]]}', "d.jsonl", 7, 3));
    assert.deepEqual({ file: deep.file, row: deep.row }, { file: "d.jsonl", row: 7 });
    assert.match(deep.message, /^d\.jsonl: line 7: JSON nested more than 3 levels deep: not a results file$/);
    // A round plan's repeated key: the plan's file, option and code too.
    const dir = tempDir();
    const plan = join(dir, "plan.json");
    writeFileSync(plan, '{"rounds": [{"name": "a", "benchmarks": ["MMLU"]}],\n "rounds": []}\n');
    const p = caught(() => prepareRank(fixture("models-rows.csv"), { rounds: plan }));
    assert.deepEqual(
      { file: p.file, row: p.row, option: p.option, code: p.code },
      { file: plan, row: 2, option: "plan", code: "invalid-plan" },
    );
    saysWhere(p);
  });
});

describe("InputError's fields: the cost checks, the run's options and the studies", () => {
  const SCORES = fixture("models-rows.csv");
  const COSTS = fixture("cost", "costs.csv");
  const costFile = () => costFiguresFromText(readTextFile(COSTS), COSTS, { required: true });

  it("no cost at all: the score table's file; token counts without a price: the option prices (and the price file, when given)", () => {
    const e = caught(() => analyseCosts(prepareRank(SCORES, { runs: 100, T: "0" })));
    assert.deepEqual({ file: e.file, option: e.option }, { file: SCORES, option: undefined });
    saysWhere(e);
    const items = prepareRank(fixture("cost", "items-tokens.csv"), { runs: 100, T: "0" });
    const none = caught(() => analyseCosts(items));
    assert.deepEqual({ file: none.file, option: none.option }, { file: undefined, option: "prices" });
    const noB = caught(() =>
      analyseCosts(items, { prices: parsePriceTable(readTextFile(fixture("cost", "prices-no-b.csv")), "prices-no-b.csv") }),
    );
    assert.deepEqual({ file: noB.file, option: noB.option }, { file: "prices-no-b.csv", option: "prices" });
    saysWhere(noB);
  });

  it("successScale, budget.per, budget and outcomes: the library's names for --success-scale, --budget-per, --budget, --outcomes", () => {
    const prepared = prepareRank(SCORES, { runs: 100, T: "0" });
    const scale = caught(() => analyseCosts(prepared, { costFile: costFile(), successScale: "1" }));
    assert.deepEqual({ option: scale.option, code: scale.code }, { option: "successScale", code: "invalid-option" });
    const lower = prepareRank(SCORES, { runs: 100, T: "0", lowerIsBetter: ["GPQA"] });
    const per = caught(() => analyseCosts(lower, { costFile: costFile(), budget: { limit: 1, per: "pass", action: "drop" } }));
    assert.deepEqual({ option: per.option, code: per.code }, { option: "budget.per", code: "invalid-option" });
    const tight = analyseCosts(prepared, { costFile: costFile(), budget: { limit: 0.001, per: "attempt", action: "drop" } });
    const budget = caught(() => contestOf(prepared, tight));
    assert.equal(budget.option, "budget");
    assert.match(budget.message, /^--budget leaves 0 models/);
    const adjusted = caught(() => contestOf(lower, analyseCosts(lower, { costFile: costFile(), outcomes: "cost-adjusted" })));
    assert.equal(adjusted.option, "outcomes");
    assert.match(adjusted.message, /^--outcomes cost-adjusted: cannot compute scores per dollar/);
  });

  it("bootstrap and probabilistic outcomes without noise to draw from: the option and the table's file, in the library's words", async () => {
    const table = readScoreTable(SCORES);
    const boot = await rejected(runRanking(table, { T: [0], runs: 100, bootstrap: 5, threads: 1 }));
    assert.deepEqual({ option: boot.option, file: boot.file }, { option: "bootstrap", file: SCORES });
    assert.doesNotMatch(boot.message, /--bootstrap/);
    assert.ok(boot.message.includes(SCORES), boot.message);
    const outcomes = caught(() => prepareRanking(table, { outcomes: "probabilistic" }));
    assert.deepEqual({ option: outcomes.option, file: outcomes.file }, { option: "outcomes", file: SCORES });
    const shard = await rejected(runShard(prepareRank(SCORES, { runs: 100, T: "0" }), { index: 3, count: 2 }));
    assert.deepEqual({ option: shard.option, code: shard.code }, { option: "shard", code: "invalid-option" });
  });

  it("the corruption and order studies: corrupt, targets and givenOrders", async () => {
    const prepared = prepareRank(SCORES, { runs: 100, T: "0" });
    const rules = contestRules(prepared.config);
    const settings: RerunSettings = {
      csd: prepared.config.settings.map((s, i) => ({ label: s.label, rules: rules[i] })),
      runs: 100,
      seed: 1,
      methods: ["mean"],
      over: "benchmarks",
      eloOrders: 5,
    };
    const { table, plan } = prepared;
    const corrupt = await rejected(corruptionStudy(table, plan, settings, { corrupt: 9, trials: 1, to: "zero" }));
    assert.deepEqual({ option: corrupt.option, code: corrupt.code }, { option: "corrupt", code: "invalid-option" });
    const targets = await rejected(corruptionStudy(table, plan, settings, { corrupt: 1, trials: 1, targets: ["nope"], to: "zero" }));
    assert.deepEqual({ option: targets.option, code: targets.code }, { option: "targets", code: "invalid-option" });
    const order = await rejected(stabilityStudy(table, plan, settings, { randomOrders: 0, givenOrders: [["nope"]], leaveOneOut: false }));
    assert.deepEqual({ option: order.option, code: order.code }, { option: "givenOrders", code: "invalid-option" });
  });
});
