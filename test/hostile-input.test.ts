/** Input that tries to break the reader: endless streams, huge records, deep or repeated JSON keys, nameless columns. */
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { checkJsonStructure, MAX_JSON_DEPTH } from "../src/table/json-structure.js";
import { readScoreTable } from "../src/table/read.js";
import { CLI, ROOT, throwsInput } from "./helpers.js";

const OC = join(ROOT, "data", "opencompass_2024-08-29.csv");
const tmp = () => mkdtempSync(join(tmpdir(), "swissround-hostile-"));

function run(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", cwd: ROOT, timeout: 60_000, input });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("endless and oversized input: a stated limit, exit 2, bounded memory", () => {
  it("/dev/zero stops at the limit for files read whole", () => {
    const r = run(["rank", "/dev/zero"]);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /\/dev\/zero: the score table is larger than 256 MiB .* the limit for files read whole/);
  });

  it("a streamed per-item line without an end stops at 16M characters", () => {
    const dir = tmp();
    const file = join(dir, "items.csv");
    writeFileSync(file, `model,benchmark,item,score\na,b,${"x".repeat(17 * 1024 * 1024)}`);
    const r = run(["rank", file, "--from", "per-item"]);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /malformed CSV near line 2: a record longer than 16M characters/);
    const jsonl = join(dir, "items.jsonl");
    writeFileSync(jsonl, `{"model":"a","benchmark":"b","item":"1","score":1}\n{"model":"${"y".repeat(17 * 1024 * 1024)}`);
    const j = run(["rank", jsonl]);
    assert.equal(j.code, 2, j.stderr);
    assert.match(j.stderr, /items\.jsonl: line 2 is longer than 16M characters/);
  });

  it("a FIFO and standard input are read (once, whole, within the limit)", async () => {
    const dir = tmp();
    const fifo = join(dir, "scores.csv");
    if (spawnSync("mkfifo", [fifo]).status === 0) {
      const writer = spawn("sh", ["-c", `cat "${OC}" > "${fifo}"`]);
      const r = run(["rank", fifo, "--runs", "500", "-q", "--format", "json"]);
      await new Promise((resolve) => writer.on("close", resolve));
      assert.equal(r.code, 0, r.stderr);
      assert.equal((JSON.parse(r.stdout) as { config: { input: { models: string[] } } }).config.input.models.length, 35);
    }
    const stdin = run(["rank", "-", "--runs", "500", "-q", "--format", "json"], readFileSync(OC, "utf8"));
    assert.equal(stdin.code, 0, stdin.stderr);
    assert.equal((JSON.parse(stdin.stdout) as { config: { input: { file: string } } }).config.input.file, "-");
  });
});

describe("cells built to make a regular expression backtrack", () => {
  // A number pattern with two ways to split a run of digits took 60 s on a 200,000-digit cell; the timeout catches a hang.
  it("a score cell of 200,000 digits (or spaces) is judged in linear time", { timeout: 20_000 }, () => {
    const dir = tmp();
    const file = join(dir, "scores.csv");
    for (const cell of [`${"9".repeat(200_000)}x`, `1${" ".repeat(200_000)}x`, `${"1".repeat(200_000)}.5 ~`]) {
      writeFileSync(file, `model,MMLU,GSM8K\na,1,2\nb,3,4\nc,5,${cell}\n`);
      throwsInput(() => readScoreTable(file), /line 4, column "GSM8K"/);
    }
  });
});

describe("JSON that JSON.parse would accept silently", () => {
  it("a repeated key is an error naming the key and its line (tables, JSON Lines, round plans)", () => {
    const dir = tmp();
    const table = join(dir, "scores.json");
    writeFileSync(table, '{\n"a": {"MMLU": 1, "GSM8K": 2},\n"b": {"MMLU": 3, "GSM8K": 4},\n"a": {"MMLU": 5, "GSM8K": 6}\n}\n');
    const r = run(["rank", table]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /scores\.json: the key "a" appears twice in one object \(line 4\); JSON would keep only the last one/);
    const row = join(dir, "rows.json");
    writeFileSync(row, '[{"model": "a", "MMLU": 1, "MMLU": 2}, {"model": "b", "MMLU": 3}]');
    assert.match(run(["rank", row]).stderr, /the key "MMLU" appears twice/);
    const jsonl = join(dir, "items.jsonl");
    writeFileSync(
      jsonl,
      '{"model":"a","benchmark":"b","item":"1","score":1}\n{"model":"a","model":"c","benchmark":"b","item":"2","score":0}\n',
    );
    const j = run(["rank", jsonl]);
    assert.equal(j.code, 2);
    assert.match(j.stderr, /items\.jsonl: line 2: the key "model" appears twice/);
    const plan = join(dir, "plan.json");
    writeFileSync(plan, '{"rounds": [{"name": "x", "benchmarks": ["OC_Math"], "benchmarks": ["OC_Code"]}]}');
    const p = run(["rank", OC, "--rounds", plan]);
    assert.equal(p.code, 2);
    assert.match(p.stderr, /plan\.json: the key "benchmarks" appears twice/);
  });

  it("escaped spellings of one key are the same key; the same key in different objects is fine", () => {
    throwsInput(() => checkJsonStructure('{"a": 1, "\\u0061": 2}', "x.json"), /the key "a" appears twice/);
    checkJsonStructure('{"a": {"a": 1}, "b": [{"a": 1}, {"a": 2}], "c": "\\"a\\": 1"}', "x.json");
  });

  it("nesting deeper than the limit is an error, not a stack overflow", () => {
    const dir = tmp();
    const deep = join(dir, "deep.json");
    writeFileSync(deep, `${"[".repeat(200_000)}${"]".repeat(200_000)}`);
    const r = run(["rank", deep]);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, new RegExp(`deep\\.json: JSON nested more than ${MAX_JSON_DEPTH} levels deep`));
    checkJsonStructure(`${"[".repeat(MAX_JSON_DEPTH)}${"]".repeat(MAX_JSON_DEPTH)}`, "ok.json");
  });
});

describe("header cells", () => {
  it("a column with values but no name is an error naming the column; an empty trailing column is ignored", () => {
    const dir = tmp();
    const file = join(dir, "scores.csv");
    writeFileSync(file, "model,MMLU,,GSM8K\na,1,2,3\nb,4,5,6\nc,7,8,9\n");
    const r = run(["rank", file]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /scores\.csv: column 3 has values but no name in the header/);
    writeFileSync(file, "model,MMLU,GSM8K,\na,1,3,\nb,4,6,\nc,7,9,\n");
    const ok = run(["rank", file, "--runs", "200", "--format", "json"]);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match((JSON.parse(ok.stdout) as { notes: string[] }).notes.join("\n"), /column 4 has no name and no values/);
  });
});
