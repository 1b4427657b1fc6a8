import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { CLI, ROOT } from "./helpers.js";

const fx = (name: string) => join(ROOT, "test", "fixtures", name);
const OC = join(ROOT, "data", "opencompass_2024-08-29.csv");
const OC_PLAN = join(ROOT, "data", "opencompass.rounds.json");

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", cwd: ROOT });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tmp(): string {
  return mkdtempSync(join(tmpdir(), "swissround-cli-"));
}

interface JsonResult {
  config: { runs: number; seed: number; settings: { label: string }[]; input: { unusedBenchmarks: string[] } };
  notes: string[];
  results: {
    T: string;
    pointsPerContest: number;
    models: Record<string, number | string>[];
    rankDistribution?: { positions: number[][] };
  }[];
  sensitivity?: { rule: string; models: { model: string; label: string; deltaE: number }[] };
}

describe("swissround rank", () => {
  it("JSON: every figure per model and T, the full configuration, sums equal to the points per contest", () => {
    const r = run("rank", OC, "--rounds", OC_PLAN, "--runs", "3000", "--format", "json");
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as JsonResult;
    assert.deepEqual(
      out.results.map((x) => x.T),
      ["0", "1", "2"],
    );
    assert.deepEqual(out.config.input.unusedBenchmarks, ["opencompass"]);
    for (const res of out.results) {
      assert.equal(res.models.length, 35);
      const keys = [
        "model",
        "expectedScore",
        "standardError",
        "rank",
        "pFirst",
        "medianRank",
        "rankP05",
        "rankP95",
        "meanRounds",
        "pEliminated",
      ];
      for (const k of keys) assert.ok(k in res.models[0], `missing ${k}`);
      const sum = res.models.reduce((a, m) => a + (m.expectedScore as number), 0);
      assert.ok(Math.abs(sum - res.pointsPerContest) < 1e-9, `${sum} vs ${res.pointsPerContest}`);
      const pFirst = res.models.reduce((a, m) => a + (m.pFirst as number), 0);
      assert.ok(Math.abs(pFirst - 1) < 1e-9);
    }
    assert.equal(out.sensitivity?.models.length, 35);
    assert.match(out.sensitivity?.rule ?? "", /specialist/);
  });

  it("table output: aligned sections, the label rule, notes", () => {
    const r = run("rank", OC, "--rounds", OC_PLAN, "--runs", "2000", "--T", "0,2");
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Failure Sensitivity Analysis/);
    assert.match(r.stdout, /Label rule: /);
    assert.match(r.stdout, /T = 2: \d+ points per contest/);
    assert.match(r.stdout, /not used\): opencompass/);
    const lines = r.stdout.split("\n");
    const header = lines.findIndex((l) => /^Rank\s+Model\s+E\[S\]\s+SE/.test(l));
    assert.ok(header > 0);
    // Right-aligned numeric columns: every data row is as long as the dashed rule under the header or shorter only by trailing labels.
    assert.match(lines[header + 1], /^-+ +-+/);
  });

  it("Markdown and CSV outputs", () => {
    const md = run("rank", fx("models-rows.csv"), "--runs", "500", "--format", "markdown");
    assert.equal(md.code, 0, md.stderr);
    assert.match(md.stdout, /^# CSD ranking/);
    assert.match(md.stdout, /\| Rank \| Model \| E\[S\] \|/);
    const csv = run("rank", fx("models-rows.csv"), "--runs", "500", "--format", "csv");
    assert.equal(csv.code, 0, csv.stderr);
    const rows = csv.stdout.trim().split("\n");
    assert.equal(
      rows[0],
      "T,model,rank,expectedScore,standardError,pFirst,medianRank,rankP05,rankP95,meanRounds,meanByes,pEliminated,deltaE,twinDeltaE,profileEffect,label",
    );
    assert.equal(rows.length, 1 + 3 * 3);
  });

  it("-o writes the file in the format its extension names", () => {
    const dir = tmp();
    const file = join(dir, "ranking.json");
    const r = run("rank", fx("long.csv"), "--runs", "500", "-o", file);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, "");
    assert.equal((JSON.parse(readFileSync(file, "utf8")) as JsonResult).config.runs, 500);
    assert.deepEqual(readdirSync(dir), ["ranking.json"]);
  });

  it("the same seed gives identical output for 1 and 2 threads; another seed differs", () => {
    const a = run("rank", fx("models-rows.csv"), "--runs", "5000", "--seed", "3", "--threads", "1", "--format", "json");
    const b = run("rank", fx("models-rows.csv"), "--runs", "5000", "--seed", "3", "--threads", "2", "--format", "json");
    const c = run("rank", fx("models-rows.csv"), "--runs", "5000", "--seed", "4", "--threads", "2", "--format", "json");
    assert.equal(a.code, 0, a.stderr);
    assert.equal(a.stdout, b.stdout);
    assert.notEqual(a.stdout, c.stdout);
  });

  it("script mode warns on stderr that results depend on input order", () => {
    const r = run("rank", fx("models-rows.csv"), "--runs", "500", "--elimination", "script", "--format", "json");
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /warning: .*depend on the input order/);
    assert.ok((JSON.parse(r.stdout) as JsonResult).notes.some((n) => /input order/.test(n)));
  });

  it("--rank-distribution adds the final-position distribution (rows sum to 1)", () => {
    const r = run("rank", fx("models-rows.csv"), "--runs", "800", "--T", "1", "--rank-distribution", "--format", "json");
    assert.equal(r.code, 0, r.stderr);
    const dist = (JSON.parse(r.stdout) as JsonResult).results[0].rankDistribution;
    assert.ok(dist);
    for (const row of dist.positions) assert.ok(Math.abs(row.reduce((a, b) => a + b, 0) - 1) < 1e-9);
    const plain = run("rank", fx("models-rows.csv"), "--runs", "800", "--T", "1", "--format", "json");
    assert.equal((JSON.parse(plain.stdout) as JsonResult).results[0].rankDistribution, undefined);
  });

  it("a reader that closes the pipe early (| head) ends the run quietly, not with a stack trace", async () => {
    // The reader is gone before the results are written: the write fails with EPIPE.
    const child = spawn(process.execPath, [CLI, "rank", OC, "--runs", "200", "--format", "csv"], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.destroy();
    let stderr = "";
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    assert.equal(code, 0, stderr);
    assert.doesNotMatch(stderr, /EPIPE|Unhandled|at .*\.js:\d+/);
  });

  it("--help shows examples and exits 0; --version", () => {
    const h = run("rank", "--help");
    assert.equal(h.code, 0);
    assert.match(h.stdout, /Examples:/);
    assert.equal(run("--version").code, 0);
  });
});

describe("bad input: exit code 2, a clear message, no output file", () => {
  const cases: [string, string[], RegExp][] = [
    ["missing file", ["rank", "nope.csv"], /nope\.csv: cannot read the score table: no such file/],
    ["empty file", ["rank", fx("bad-empty.csv")], /empty/],
    ["malformed CSV", ["rank", fx("bad-ragged.csv")], /malformed CSV near line 3/],
    ["malformed JSON", ["rank", fx("bad-truncated.json")], /malformed JSON/],
    ["duplicate model", ["rank", fx("bad-dup-model.csv")], /duplicate model names/],
    ["duplicate benchmark", ["rank", fx("bad-dup-bench.csv")], /duplicate benchmark/],
    ["non-numeric, NaN, infinite", ["rank", fx("bad-values.csv")], /"abc" is not a number/],
    ["missing scores", ["rank", fx("bad-missing.csv")], /2 missing scores/],
    ["one model", ["rank", fx("bad-one-model.csv")], /at least 2/],
    ["plan with unknown benchmark", ["rank", fx("models-rows.csv"), "--rounds", fx("plan-unknown.json")], /unknown benchmark "ARC"/],
    ["plan with empty round", ["rank", fx("models-rows.csv"), "--rounds", fx("plan-empty-round.json")], /at least one benchmark/],
    ["bad T", ["rank", fx("models-rows.csv"), "--T", "0,-1"], /--T: "-1" is not a whole number/],
    ["T too large", ["rank", fx("models-rows.csv"), "--T", "3"], /whole field of 3 models/],
    ["T schedule of the wrong length", ["rank", fx("models-rows.csv"), "--T", "0:1"], /has 2 values but the plan has 3 rounds/],
    ["bad N", ["rank", fx("models-rows.csv"), "--runs", "1e5"], /--runs: "1e5" is not valid/],
    ["bad seed", ["rank", fx("models-rows.csv"), "--seed", "-4"], /--seed: "-4" is not valid/],
    ["bad threads", ["rank", fx("models-rows.csv"), "--threads", "0"], /--threads/],
    ["bad format", ["rank", fx("models-rows.csv"), "--format", "xml"], /Allowed choices are table, json, csv, markdown/],
    ["unknown option", ["rank", fx("models-rows.csv"), "--frobnicate"], /unknown option/],
    ["unknown extension for -o", ["rank", fx("models-rows.csv"), "-o", "x.xlsx"], /cannot tell the format/],
  ];
  for (const [name, args, pattern] of cases) {
    it(name, () => {
      const dir = tmp();
      const out = join(dir, "out.json");
      const withOutput = args.includes("-o") ? args : [...args, "-o", out];
      const r = run(...withOutput);
      assert.equal(r.code, 2, `exit code; stderr: ${r.stderr}`);
      assert.match(r.stderr, pattern);
      assert.equal(r.stdout, "");
      assert.ok(!existsSync(out), "no output file");
      assert.deepEqual(readdirSync(dir), []);
    });
  }
});

describe("sharded runs", () => {
  it("rank --shard i/n --out + merge reproduce the single run exactly", () => {
    const dir = tmp();
    const common = ["--rounds", OC_PLAN, "--runs", "4000", "--seed", "99", "--T", "0,1,2"];
    const single = run("rank", OC, ...common, "--format", "json");
    assert.equal(single.code, 0, single.stderr);
    const parts = [1, 2, 3].map((i) => join(dir, `part${i}.json`));
    parts.forEach((p, i) => {
      const r = run("rank", OC, ...common, "--shard", `${i + 1}/3`, "--out", p, "--threads", String(1 + (i % 2)));
      assert.equal(r.code, 0, r.stderr);
    });
    const merged = run("merge", parts[2], parts[0], parts[1], "--format", "json");
    assert.equal(merged.code, 0, merged.stderr);
    assert.equal(merged.stdout, single.stdout);
  });

  it("merge refuses incomplete, duplicated or mismatched shards", () => {
    const dir = tmp();
    const p = (name: string) => join(dir, name);
    for (const [i, seed] of [
      [1, 1],
      [2, 1],
      [2, 2],
    ] as const) {
      const r = run(
        "rank",
        fx("models-rows.csv"),
        "--runs",
        "600",
        "--seed",
        String(seed),
        "--shard",
        `${i}/2`,
        "--out",
        p(`s${seed}-${i}.json`),
      );
      assert.equal(r.code, 0, r.stderr);
    }
    const missing = run("merge", p("s1-1.json"));
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /missing shard 2\/2/);
    const dup = run("merge", p("s1-1.json"), p("s1-1.json"), p("s1-2.json"));
    assert.match(dup.stderr, /shard 1\/2 is also in/);
    const mixed = run("merge", p("s1-1.json"), p("s2-2.json"));
    assert.equal(mixed.code, 2);
    assert.match(mixed.stderr, /configuration .* differs/);
    const notPart = run("merge", fx("models-rows.json"));
    assert.equal(notPart.code, 2);
    assert.match(notPart.stderr, /not a swissround shard file/);
    const noOut = run("rank", fx("models-rows.csv"), "--shard", "1/2");
    assert.equal(noOut.code, 2);
    assert.match(noOut.stderr, /--shard needs --out/);
  });

  it("merge refuses edited tallies: each part is checked against the contests it says it played", () => {
    const dir = tmp();
    const parts = [1, 2].map((i) => join(dir, `p${i}.json`));
    parts.forEach((file, i) => {
      const r = run("rank", OC, "--runs", "2000", "--T", "0,1", "--shard", `${i + 1}/2`, "--out", file);
      assert.equal(r.code, 0, r.stderr);
    });
    const good = run("merge", ...parts, "--format", "json");
    assert.equal(good.code, 0, good.stderr);
    type Part = { shard: { chunks: number[] }; tallies: Record<string, unknown>[] };
    const original = readFileSync(parts[1], "utf8");
    const edits: [string, (p: Part) => void, RegExp][] = [
      ["contests", (p) => (p.tallies[0].contests = 5000), /contests is 5000, but the shard plays \d+/],
      [
        "a negative count",
        (p) => ((p.tallies[1].firstCount as number[])[3] = -1),
        /firstCount holds a value that is not a whole number >= 0/,
      ],
      ["NaN", (p) => ((p.tallies[0].scoreSum as unknown[])[0] = "NaN"), /scoreSum holds a value that is not a whole number/],
      ["a truncated array", (p) => (p.tallies[0].byeSum as number[]).pop(), /byeSum should hold 35 numbers/],
      [
        "points moved",
        (p) => ((p.tallies[0].scoreSum as number[])[0] += 7),
        /the points add up to \d+, not \d+ per contest x \d+ contests/,
      ],
      ["chunks", (p) => (p.shard.chunks = [0, 1]), /covers chunks \d+-\d+, not \[0,1\]/],
    ];
    for (const [name, edit, pattern] of edits) {
      const part = JSON.parse(original) as Part;
      edit(part);
      writeFileSync(parts[1], JSON.stringify(part));
      const r = run("merge", ...parts, "--format", "json");
      assert.equal(r.code, 2, `${name}: ${r.stderr}`);
      assert.match(r.stderr, /p2\.json: damaged or edited shard file:/, name);
      assert.match(r.stderr, pattern, name);
      assert.equal(r.stdout, "", name);
    }
  });
});
