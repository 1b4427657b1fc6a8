/** InputError's fields: the file, row, column or option a message names, for programs (not only people) to read. */
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { parsePriceTable } from "../src/cost/prices.js";
import { InputError, prepareRanking, readScoreTable, scoreTable, scoreTableFromText } from "../src/index.js";
import { prepareRank } from "../src/run/rank.js";
import { rephrased } from "../src/table/errors.js";
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

/** The fields are what the message says: the file leads it, the row is its "line N", the column is quoted. */
function saysWhere(e: InputError): void {
  if (e.file !== undefined) assert.ok(e.message.startsWith(`${e.file}: `), e.message);
  if (e.row !== undefined) assert.match(e.message, new RegExp(`line ${e.row}\\b`));
  if (e.column !== undefined) assert.ok(e.message.includes(`column "${e.column}"`), e.message);
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
