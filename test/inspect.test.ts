/** `swissround inspect`, and every adapter and every malformed file through the built CLI. */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import type { InspectReport } from "../src/table/inspect.js";
import { inspectRaw } from "../src/table/inspect.js";
import type { ReadOptions } from "../src/table/load.js";
import { readRawTable } from "../src/table/read.js";
import { CLI, NEEDS_SHARED, ROOT, sharedData, testData } from "./helpers.js";

const FX = (...p: string[]) => join(ROOT, "test", "fixtures", "adapters", ...p);
const DATA = (...p: string[]) => testData(...p);

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", cwd: ROOT });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("inspect: what was understood", () => {
  it("a leaderboard with duplicates, an aggregate and mixed scales: all reported, nothing fatal", () => {
    const r = inspectRaw(readRawTable(DATA("leaderboards", "open_llm_leaderboard_v2_2024-08-29.csv")));
    assert.equal(r.adapter, "leaderboard");
    assert.equal(r.duplicates.groups.length, 8);
    assert.deepEqual(r.duplicates.groups[0].rows, ["line 43", "line 51"]);
    assert.match(r.benchmarks.find((b) => b.name === "hf_open_llm_v2")?.aggregate ?? "", /row mean/);
    assert.match(r.warnings.join("\n"), /0-1: HFV2_BBH Raw/);
    const bbh = r.benchmarks.find((b) => b.name === "HFV2_BBH Raw");
    assert.equal(bbh?.scale, "0-1");
    assert.equal(bbh?.max, 0.75);
  });

  it("gaps with their places, constant benchmarks, scores outside [0, 100]", () => {
    const helm = inspectRaw(readRawTable(DATA("benchbench", "benchmarks_old", "helm_classic_240829.csv")));
    assert.equal(helm.gaps.count, 196);
    assert.equal(helm.gaps.list.length, 196);
    assert.equal(helm.gaps.byModel[0].gaps, 6);
    assert.equal(helm.gaps.byModel.length, 38);
    const wb = inspectRaw(readRawTable(DATA("benchbench", "benchmarks_old", "wildbench_240829.csv")));
    assert.match(wb.warnings.join("\n"), /scores outside \[0, 100\]: WB-Elo_LC \(\d+(\.\d+)? to \d+/);
  });

  it("LiveBench's own per-task table: no warnings", { skip: NEEDS_SHARED }, () => {
    const livebench = inspectRaw(readRawTable(sharedData("livebench", "table_2025_12_23.csv")));
    assert.equal(livebench.warnings.length, 0, livebench.warnings.join("\n"));
  });

  it("per-item files: item counts, standard errors, the items kept", () => {
    const r = inspectRaw(readRawTable(DATA("mmlu-pro", "mmlu_pro_item_correct.csv")));
    assert.equal(r.adapter, "per-item");
    assert.deepEqual(r.extras, ["stderr", "count"]);
    assert.equal(r.items?.rows, 347215);
  });

  it("the CLI prints text or JSON and exits 0", () => {
    const text = run("inspect", join(ROOT, "data", "opencompass_2024-08-29.csv"));
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /Read as: leaderboard \(layout models-rows\)/);
    assert.match(text.stdout, /Models \(35\)/);
    assert.match(text.stdout, /opencompass .*aggregate: the first column, without the prefix "OC_"/);
    assert.match(text.stdout, /Gaps: none/);
    const json = run("inspect", FX("harness"), "--format", "json");
    assert.equal(json.code, 0, json.stderr);
    const report = JSON.parse(json.stdout) as InspectReport;
    assert.equal(report.adapter, "harness");
    assert.equal(report.models.length, 2);
    const gaps = run("inspect", DATA("benchbench", "benchmarks_old", "helm_classic_240829.csv"), "--all");
    assert.match(gaps.stdout, /Gaps: 196 of \d+ cells missing/);
    assert.doesNotMatch(gaps.stdout, /more \(--all lists them\)/);
  });
});

describe("every adapter ranks through the CLI", () => {
  const cases: [string, string[]][] = [
    ["harness directory", [FX("harness")]],
    ["OpenCompass summary", [FX("opencompass_summary_demo.csv")]],
    ["aider YAML (suffix)", [FX("aider", "polyglot_leaderboard.yml"), "--duplicates", "suffix"]],
    ["per-item JSONL", [FX("alpaca_eval_gpt4_sample.jsonl")]],
    [
      "per-item CSV, --from (SWE-bench, ../shared only)",
      [sharedData("swebench", "verified_per_instance.csv"), "--from", "per-item", "--benchmark-name", "SWE-bench Verified"],
    ],
    [
      "long with --columns and --duplicates",
      [
        DATA("epoch-stitching", "derived_long_scores.csv"),
        "--from",
        "long",
        "--columns",
        "model=model_version,score=score_fraction",
        "--duplicates",
        "best",
        "--missing",
        "lose",
      ],
    ],
  ];
  for (const [name, args] of cases) {
    it(name, { skip: args[0].startsWith(sharedData()) && NEEDS_SHARED }, () => {
      const r = run("rank", ...args, "--runs", "200", "--T", "0", "--format", "json");
      assert.equal(r.code, 0, r.stderr);
      const out = JSON.parse(r.stdout) as { results: { models: unknown[] }[]; config: { input: { adapter: string } } };
      assert.ok(out.results[0].models.length >= 2);
      assert.ok(out.config.input.adapter);
    });
  }
});

describe("malformed files: a clear located message, exit 2, nothing written", () => {
  const bad = (f: string) => FX("bad", f);
  const cases: [string, string, RegExp][] = [
    ["truncated JSON", bad("truncated-results.json"), /malformed JSON at line 2, column \d+: .*truncated/],
    ["wrong delimiter", bad("wrong-delimiter.csv"), /the header has 1 column .*separated by "\|"/],
    ["BOM inside the file", bad("bom-inside.csv"), /near line 3: a byte-order mark inside the file/],
    ["duplicate header", bad("duplicate-header.csv"), /duplicate benchmark \(column\) names.*\n.*"MMLU" at column 2, column 4/],
    ["mixed types", bad("mixed-types.csv"), /line 3, column "MMLU": "sixty-five" is not a number/],
    ["empty row", bad("empty-row.csv"), /rows without a name in column "model" \(or leave them out with --unnamed drop\):\n {2}- line 3/],
    ["decimal commas", bad("decimal-comma.csv"), /line 2, column "MMLU": "70,1" is not a number \(a decimal comma\? write 70\.1\)/],
    ["unclosed quote (per-item)", bad("per-item-open-quote.csv"), /near line 3: a quoted field is never closed/],
    ["short row (per-item)", bad("per-item-short-row.csv"), /near line 3: Invalid Record Length: expect 4, got 3/],
    [
      "bad values and a repeated item (per-item)",
      bad("per-item-bad-values.csv"),
      /line 3: score "maybe" is not a number[\s\S]*line 5: a second result for model "beta", benchmark "MMLU", item "q1"/,
    ],
    ["broken JSON Lines", bad("per-item-broken.jsonl"), /line 2: malformed JSON at column \d+/],
    ["broken YAML", bad("broken.yml"), /malformed YAML at line \d+, column \d+/],
    [
      "the real LiveBench 2026-01-08 row with too few fields",
      sharedData("livebench", "table_2026_01_08.csv"),
      /near line 110 \(the row of "nemotron-3-super-120b-a12b"\): Invalid Record Length: expect 24, got 21/,
    ],
    [
      "a directory with a results file cut short",
      join(ROOT, "test", "fixtures", "adapters", "bad"),
      /truncated-results\.json: malformed JSON at line 2/,
    ],
    [
      "a directory without JSON files",
      join(ROOT, "test", "fixtures", "adapters", "aider"),
      /a directory without JSON files \(expected lm-evaluation-harness results\)/,
    ],
  ];
  for (const [name, file, pattern] of cases) {
    for (const command of ["rank", "inspect"]) {
      it(`${command}: ${name}`, { skip: file.startsWith(sharedData()) && NEEDS_SHARED }, () => {
        const dir = mkdtempSync(join(tmpdir(), "swissround-bad-"));
        const out = join(dir, "out.json");
        const r = run(command, file, "-o", out);
        assert.equal(r.code, 2, `exit code; stderr: ${r.stderr}`);
        assert.match(r.stderr, pattern);
        assert.equal(r.stdout, "");
        assert.ok(!existsSync(out));
        assert.deepEqual(readdirSync(dir), []);
      });
    }
  }
});

describe("the adapter's choice: one place, a note on every read, in inspect", () => {
  it("every kind of file says which adapter read it and why", () => {
    const cases: [string, string, RegExp, ReadOptions?][] = [
      [DATA("leaderboards", "open_llm_leaderboard_v2_2024-08-29.csv"), "leaderboard", /no other adapter fits/],
      [DATA("mmlu-pro", "mmlu_pro_item_correct.csv"), "per-item", /per-item items-rows .*\), streamed$/],
      [FX("harness"), "harness", /^\d+ results files$/],
      [FX("opencompass_summary_demo.csv"), "opencompass", /header dataset,version,metric,mode/],
      [FX("aider", "polyglot_leaderboard.yml"), "aider", /pass_rate_1/, { duplicates: "suffix" }],
    ];
    for (const [file, adapter, reason, options] of cases) {
      const r = inspectRaw(readRawTable(file, options), options);
      assert.equal(r.adapter, adapter, file);
      assert.match(r.adapterReason, reason, file);
      assert.ok(r.notes[0].startsWith(`read by the ${adapter} adapter (${r.adapterReason.replace(/, streamed$/, "")})`), file);
    }
  });

  it("the CLI's text and JSON name the choice", () => {
    const text = run("inspect", join(ROOT, "data", "opencompass_2024-08-29.csv"));
    assert.match(text.stdout, /Adapter chosen: no other adapter fits/);
    // Each column's rule and reason (aider's commit hashes: identifiers, not scores).
    const aider = run("inspect", DATA("aider", "derived_edit_leaderboard.csv"), "--duplicates", "suffix");
    assert.match(aider.stdout, /Not read as scores: .*commit_hash \[identifier: 95 of 98 values are text, mostly distinct\]/);
    assert.match(aider.stdout, /num_malformed_responses \[statistic: a count\]/);
    const json = JSON.parse(run("inspect", FX("alpaca_eval_gpt4_sample.jsonl"), "--format", "json").stdout) as InspectReport;
    assert.equal(json.adapter, "per-item");
    assert.match(json.adapterReason, /^per-item long \(.*\), streamed$/);
  });
});
