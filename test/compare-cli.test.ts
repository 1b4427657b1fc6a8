import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { CLI, ROOT } from "./helpers.js";

const OC = join(ROOT, "data", "opencompass_2024-08-29.csv");
const OC_PLAN = join(ROOT, "data", "opencompass.rounds.json");
const FX = join(ROOT, "test", "fixtures", "models-rows.csv");

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", cwd: ROOT });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("swissround compare / stress / order end to end", () => {
  it("mean rank and optimality gap are shown as they are (lower is better), not negated", () => {
    const base = ["compare", OC, "--rounds", OC_PLAN, "--runs", "1000", "--methods", "mean,mean-rank,optimality-gap", "--T", "0"];
    const json = JSON.parse(run(...base, "--format", "json").stdout) as {
      methods: { id: string; scores: number[]; values: number[]; lowerIsBetter: boolean; ranks: number[] }[];
    };
    const byId = new Map(json.methods.map((m) => [m.id, m]));
    for (const id of ["mean-rank", "optimality-gap"]) {
      const m = byId.get(id);
      assert.ok(m?.lowerIsBetter, id);
      assert.deepEqual(
        m.values,
        m.scores.map((x) => -x),
      );
      assert.ok(
        m.values.every((x) => x >= 0),
        `${id}: ${m.values.slice(0, 3)}`,
      );
      // The best-ranked model has the lowest figure.
      assert.equal(m.values[m.ranks.indexOf(1)], Math.min(...m.values));
    }
    assert.equal(byId.get("mean")?.lowerIsBetter, false);
    const text = run(...base).stdout;
    assert.match(text, /mean-rank \(low\)/);
    assert.match(text, /\(low\): lower is better/);
    const scores = text.slice(text.indexOf("Scores"), text.indexOf("Definitions"));
    assert.doesNotMatch(scores, / -\d/, "no negated figure in the scores table");
    const csv = run(...base, "--format", "csv").stdout.split("\n");
    const at = csv[0].split(",").indexOf("mean-rank_score");
    assert.ok(Number(csv[1].split(",")[at]) > 0, csv[1]);
  });

  it("compare in every format", () => {
    const base = ["compare", OC, "--rounds", OC_PLAN, "--runs", "1000", "--resamples", "5", "--T", "0,2"];
    const t = run(...base);
    assert.equal(t.code, 0, t.stderr);
    for (const s of [
      "Ranks under every method",
      "Agreement between methods",
      "Tiers and tail risk",
      "Definitions",
      "bradley-terry",
      "Kemeny distance to the 7 per-column orders",
    ])
      assert.match(t.stdout, new RegExp(s));
    const md = run(...base, "--format", "markdown");
    assert.match(md.stdout, /^# Method comparison/);
    const json = JSON.parse(run(...base, "--format", "json").stdout) as {
      methods: { id: string }[];
      agreement: unknown[];
      kemeny: { battles: number; distances: { id: string; distance: number }[] };
    };
    assert.equal(json.methods.length, 12);
    // 35 models, 7 columns, every pair scored on every column.
    assert.equal(json.kemeny.battles, ((35 * 34) / 2) * 7);
    const distance = new Map(json.kemeny.distances.map((d) => [d.id, d.distance]));
    assert.equal(distance.size, 12);
    // The consensus disagrees least with the columns (a local search at 35 models, so checked against the others).
    for (const [id, d] of distance) assert.ok((distance.get("kemeny") ?? Number.NaN) <= d, id);
    const csv = run(...base, "--format", "csv")
      .stdout.trim()
      .split("\n");
    assert.equal(csv.length, 36);
    assert.match(csv[0], /^model,tier_T0,tier_T2,mean_score,mean_rank,/);
  });

  it("compare --over rounds --normalise minmax --methods", () => {
    const r = run(
      "compare",
      OC,
      "--rounds",
      OC_PLAN,
      "--runs",
      "500",
      "--over",
      "rounds",
      "--normalise",
      "minmax",
      "--methods",
      "mean,win-rate",
      "--format",
      "json",
    );
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { over: string; columns: string[]; methods: { id: string }[] };
    assert.equal(out.over, "rounds");
    assert.equal(out.columns[0], "language");
    assert.deepEqual(
      out.methods.map((m) => m.id),
      ["mean", "win-rate", "csd-T0", "csd-T1", "csd-T2"],
    );
  });

  it("stress and order in table and JSON", () => {
    const s = run("stress", FX, "--runs", "300", "--corrupt", "1", "--trials", "2", "--elo-orders", "3", "--format", "json");
    assert.equal(s.code, 0, s.stderr);
    const sj = JSON.parse(s.stdout) as { summary: { id: string }[]; trialsDetail: unknown[] };
    assert.equal(sj.trialsDetail.length, 6);
    assert.ok(sj.summary.some((x) => x.id === "csd-T2"));
    const st = run("stress", FX, "--runs", "300", "--corrupt", "1", "--trials", "1", "--elo-orders", "3");
    assert.match(st.stdout, /Rank shift of the corrupted model/);
    const o = run("order", FX, "--runs", "300", "--orders", "3", "--order", "GPQA,MMLU,HumanEval", "--elo-orders", "3");
    assert.equal(o.code, 0, o.stderr);
    assert.match(o.stdout, /over 4 orders of the rounds/);
    assert.match(o.stdout, /Leave one benchmark out/);
    const oc = run("order", FX, "--runs", "300", "--orders", "2", "--no-leave-one-out", "--format", "csv");
    assert.equal(oc.stdout.trim().split("\n").length, 1 + 3 * 3);
  });

  for (const [name, args, pattern] of [
    ["unknown method", ["compare", FX, "--methods", "mean,xyz"], /--methods: unknown method "xyz"/],
    ["bad tiers", ["compare", FX, "--tiers", "0"], /--tiers/],
    ["bad cvar", ["compare", FX, "--cvar", "1.5"], /--cvar/],
    ["too many corrupted", ["stress", FX, "--corrupt", "4"], /--corrupt: 4 is not valid/],
    [
      "the default of 2 corrupted, one benchmark in use",
      ["stress", FX, "--benchmarks", "GPQA"],
      /--corrupt: by default 2 benchmarks are corrupted per trial, but 1 is in use: pass --corrupt 1/,
    ],
    ["unknown target", ["stress", FX, "--models", "delta"], /not in the table: "delta"/],
    ["bad order", ["order", FX, "--order", "MMLU,GPQA"], /every round exactly once/],
    ["bad input file", ["compare", join(ROOT, "test", "fixtures", "bad-missing.csv")], /missing scores/],
  ] as [string, string[], RegExp][]) {
    it(`${name}: exit 2, no output file`, () => {
      const dir = mkdtempSync(join(tmpdir(), "swissround-cmp-"));
      const out = join(dir, "out.json");
      const r = run(...args, "-o", out);
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, pattern);
      assert.ok(!existsSync(out));
      assert.deepEqual(readdirSync(dir), []);
    });
  }
});
