/**
 * Real files, damaged on purpose (seeded): truncated, bytes flipped, delimiters and encodings
 * changed, cells emptied or blown up, lines dropped or repeated. Every run must end as the CLI's
 * exit 0 (read and ranked) or 2 (an InputError naming the problem), never 1 (anything else), and
 * the CLI must leave no output file behind when it fails.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, extname, join } from "node:path";
import { describe, it } from "node:test";
import { runRanking } from "../src/run/ranking.js";
import { InputError } from "../src/table/errors.js";
import { readScoreTable } from "../src/table/read.js";
import { CLI, NEEDS_SHARED, ROOT, sharedData, testData } from "./helpers.js";

/** mulberry32: a tiny seeded generator, so every case is reproducible from its number. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Mutation = (bytes: Buffer, r: () => number) => Buffer;

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const at = (r: () => number, n: number) => Math.floor(r() * n);

function lines(b: Buffer): string[] {
  return b.toString("utf8").split("\n");
}

const MUTATIONS: Record<string, Mutation> = {
  truncate: (b, r) => b.subarray(0, at(r, b.length)),
  flipBytes: (b, r) => {
    const out = Buffer.from(b);
    for (let i = 0; i < 1 + at(r, 8); i++) out[at(r, out.length)] = at(r, 256);
    return out;
  },
  delimiterSemicolon: (b) => Buffer.from(b.toString("utf8").replace(/,/g, ";")),
  delimiterTab: (b) => Buffer.from(b.toString("utf8").replace(/,/g, "\t")),
  utf16: (b) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(b.toString("utf8"), "utf16le")]),
  latin1: (b) => Buffer.from(b.toString("utf8").replace(/e/g, "\u00e9"), "latin1"),
  emptyCells: (b, r) => Buffer.from(b.toString("utf8").replace(/[0-9.]+/g, (m) => (r() < 0.05 ? "" : m))),
  hugeCell: (b, r) => {
    const ls = lines(b);
    const i = 1 + at(r, Math.max(1, ls.length - 1));
    ls[i] = `${ls[i] ?? ""}${"9".repeat(200_000)}`;
    return Buffer.from(ls.join("\n"));
  },
  dropLines: (b, r) =>
    Buffer.from(
      lines(b)
        .filter(() => r() > 0.2)
        .join("\n"),
    ),
  repeatLines: (b, r) =>
    Buffer.from(
      lines(b)
        .flatMap((l) => (r() < 0.1 ? [l, l] : [l]))
        .join("\n"),
    ),
  quotes: (b, r) => Buffer.from(b.toString("utf8").replace(/,/g, (m) => (r() < 0.02 ? ',"' : m))),
  crlfAndBom: (b) => Buffer.from(`\ufeff${b.toString("utf8").replace(/\n/g, "\r\n")}`),
  nulBytes: (b, r) => {
    const out = Buffer.from(b);
    for (let i = 0; i < 4; i++) out[at(r, out.length)] = 0;
    return out;
  },
};

/** Files of every adapter, trimmed to their first 64 KB so that a few hundred cases stay fast. */
function sources(): string[] {
  const files = [
    join(ROOT, "data", "opencompass_2024-08-29.csv"),
    testData("leaderboards", "open_llm_leaderboard_v2_2024-08-29.csv"),
    testData("leaderboards", "helm_lite_2024-06-10_long.csv"),
    testData("benchbench", "benchmarks_old", "helm_classic_240829.csv"),
    testData("epoch-stitching", "external_benchmark_gsm8k.csv"),
    testData("epoch-stitching", "derived_long_scores.csv"),
    testData("aider", "polyglot_leaderboard.yml"),
    testData("alpaca-eval", "alpaca_eval_gpt4_leaderboard.csv"),
    testData("alpaca-eval", "alpaca_eval_gpt4_per_instance.csv"),
    testData("mmlu-pro", "mmlu_pro_item_correct.csv"),
    join(ROOT, "test", "fixtures", "adapters", "alpaca_eval_gpt4_sample.jsonl"),
    join(ROOT, "test", "fixtures", "adapters", "harness", "EleutherAI__pythia-160m", "results_2024-05-01T10-00-00.000000.json"),
    join(ROOT, "test", "fixtures", "long.json"),
  ];
  if (!NEEDS_SHARED) files.push(sharedData("livebench", "table_2025_12_23.csv"), sharedData("swebench", "verified_per_instance.csv"));
  return files;
}

/** What the CLI's exit code would be for this file: 0 read and ranked, 2 an InputError, 1 anything else. */
async function outcome(file: string): Promise<{ code: 0 | 1 | 2; message: string }> {
  try {
    const table = readScoreTable(file, { duplicates: "first" });
    await runRanking(table, { runs: 100, T: 0, threads: 1, missing: "lose" });
    return { code: 0, message: "" };
  } catch (e) {
    if (e instanceof InputError) return { code: 2, message: e.message };
    return { code: 1, message: (e as Error).stack ?? String(e) };
  }
}

describe("damaged real files end as exit 0 or 2, never 1", () => {
  const dir = mkdtempSync(join(tmpdir(), "swissround-fuzz-"));
  const files = sources();
  const names = Object.keys(MUTATIONS);
  const CASES = 300;

  it(`${CASES} seeded mutations through the reader and a small contest (in process)`, async () => {
    const internal: string[] = [];
    const counts = { 0: 0, 2: 0 };
    for (let c = 0; c < CASES; c++) {
      const r = rng(1000 + c);
      const source = pick(r, files);
      const name = names[c % names.length];
      const bytes = MUTATIONS[name](readFileSync(source).subarray(0, 64 * 1024), r);
      const file = join(dir, `case${c}-${name}${extname(source)}`);
      writeFileSync(file, bytes);
      const o = await outcome(file);
      if (o.code === 1) internal.push(`case ${c} (${name} of ${basename(source)}): ${o.message.split("\n").slice(0, 3).join(" | ")}`);
      else counts[o.code]++;
      rmSync(file);
    }
    assert.deepEqual(internal, []);
    // The mix says the fuzzing bites: some damage is read through (0), much is refused (2).
    assert.ok(counts[0] > 20 && counts[2] > 20, JSON.stringify(counts));
  });

  it("the CLI itself on a sample of them: exit 0 or 2, and no output file left on failure", () => {
    for (let c = 0; c < 24; c++) {
      const r = rng(5000 + c);
      const source = pick(r, files);
      const name = names[c % names.length];
      const file = join(dir, `cli${c}-${name}${extname(source)}`);
      writeFileSync(file, MUTATIONS[name](readFileSync(source).subarray(0, 64 * 1024), r));
      const outDir = mkdtempSync(join(dir, "out-"));
      const out = join(outDir, "ranking.json");
      const p = spawnSync(process.execPath, [CLI, "rank", file, "--runs", "100", "--T", "0", "--missing", "lose", "-q", "-o", out], {
        encoding: "utf8",
        timeout: 60_000,
      });
      assert.ok(
        p.status === 0 || p.status === 2,
        `case ${c} (${name} of ${basename(source)}): exit ${p.status}: ${p.stderr.slice(0, 500)}`,
      );
      if (p.status === 2) {
        assert.ok(!existsSync(out), `case ${c}: an output file after a failure`);
        assert.deepEqual(readdirSync(outDir), [], `case ${c}: a temporary file left behind`);
        assert.match(p.stderr, /^swissround: error: /);
      }
    }
  });
});
