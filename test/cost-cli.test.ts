/** `swissround cost` end to end, the cost chart in `plot` and `report`, and every bad input's message. */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { ROOT, testData } from "./helpers.js";
import { CLI, tmp } from "./report-fixture.js";

const FX = (...p: string[]) => join(ROOT, "test", "fixtures", ...p);
const ITEMS = FX("cost", "items-tokens.csv");
const PRICES = FX("cost", "prices.csv");
const AIDER = testData("aider", "polyglot_leaderboard.yml");

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", cwd: ROOT });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface CostJson {
  kind: string;
  config: { outcomes: string; rank: { input: { models: string[] } } };
  definitions: string[];
  cells: { model: string; benchmark: string; costOfPass: number | string | null }[];
  models: { model: string; inContest: boolean; budget?: string; expectedScore: Record<string, number> }[];
  frontiers: { axis: string; result: { frontier: string[]; uncertain: string[] } }[];
  budget?: { kept: string[] };
}

const json = (stdout: string) => JSON.parse(stdout) as CostJson;

describe("swissround cost", () => {
  const base = ["cost", ITEMS, "--prices", PRICES, "--runs", "500", "--T", "0,1", "-q"];

  it("prints cost-of-pass, the frontier figures, the Pareto frontiers and the definitions", () => {
    const r = run(...base, "--expert-cost", "qa=0.01");
    assert.equal(r.code, 0, r.stderr);
    for (const s of [
      /^Cost-aware ranking of .*items-tokens\.csv: 3 models \(3 with a known cost\), 2 benchmarks/,
      /Cost-of-pass on qa \(accuracy = mean score\)/,
      /C +\$0\.001 +4 +0\.0% +inf/,
      /Frontier cost-of-pass over the field/,
      /qa +A +\$0\.004 +\$0\.01 +\$0\.004 \(A\) +inf +1\/4 +\$0\.006/,
      /Oracle router: every problem goes to its cheapest solver/,
      /B +\$0\.03125 +0\.625 +dominated by A/,
      /CSD with the usual outcomes/,
      /- Pareto frontier: model a dominates model b/,
    ])
      assert.match(r.stdout, s);
  });

  it("JSON (Infinity as a string), CSV (one row per model) and Markdown", () => {
    const j = json(run(...base, "--format", "json").stdout);
    assert.equal(j.kind, "cost");
    assert.equal(j.cells.find((c) => c.model === "C" && c.benchmark === "qa")?.costOfPass, "Infinity");
    assert.deepEqual(
      j.frontiers.map((f) => f.axis),
      ["mean score", "E[S] T=0", "E[S] T=1"],
    );
    const csv = run(...base, "--format", "csv")
      .stdout.trim()
      .split("\n");
    assert.equal(csv.length, 4);
    assert.match(
      csv[0],
      /^model,in_contest,budget,cost_per_attempt,mean_score,accuracy,cost_of_pass,frontier_mean_score,dominated_by_mean_score,es_T0,/,
    );
    assert.match(csv[3], /^C,1,,0\.0015,0\.5,0\.5,Infinity,1,/);
    assert.match(run(...base, "--format", "markdown").stdout, /^# Cost-aware ranking/);
  });

  it("--budget drops over-budget models before the contest, or marks them", () => {
    const drop = json(run(...base, "--T", "0", "--budget", "0.01", "--format", "json").stdout);
    assert.deepEqual(drop.config.rank.input.models, ["A", "C"]);
    assert.deepEqual(drop.budget?.kept, ["A", "C"]);
    assert.equal(drop.models.find((m) => m.model === "B")?.inContest, false);
    assert.deepEqual(drop.models.find((m) => m.model === "B")?.expectedScore, {});
    const mark = run(...base, "--T", "0", "--budget", "0.01", "--budget-action", "mark");
    assert.match(mark.stdout, /Budget: USD 0\.01 per attempt.*every model plays; .*: 3 of 3 models play\./);
    assert.match(mark.stdout, /B +\$0\.03125 +over/);
  });

  it("--outcomes cost-adjusted plays on scores per dollar and says so", () => {
    const r = run(...base, "--outcomes", "cost-adjusted");
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Outcomes: cost-adjusted \(a round's match goes to the higher score per dollar/);
    assert.match(r.stdout, /CSD with cost-adjusted outcomes/);
    assert.equal(json(run(...base, "--outcomes", "cost-adjusted", "--format", "json").stdout).config.outcomes, "cost-adjusted");
  });

  it("aider's leaderboard under a budget of 1 cent per exercise: 16 of the 51 priced runs play, the unknown ones do not", () => {
    const r = run("cost", AIDER, "--duplicates", "suffix", "--budget", "0.01", "--T", "0", "--runs", "1000", "-q", "--format", "json");
    assert.equal(r.code, 0, r.stderr);
    const j = json(r.stdout);
    assert.equal(j.config.rank.input.models.length, 16);
    assert.equal(j.models.filter((m) => m.budget === "unknown").length, 18);
    assert.ok(j.config.rank.input.models.includes("DeepSeek-V3.2-Exp (Reasoner)"));
  });

  for (const [name, args, pattern] of [
    ["a model with tokens but no price", ["cost", ITEMS, "--prices", FX("cost", "prices-no-b.csv")], /prices-no-b\.csv: no price for "B"/],
    ["tokens and no price table", ["cost", ITEMS], /"A", "B", "C" have token counts but no recorded cost/],
    ["a bad price table", ["cost", ITEMS, "--prices", FX("cost", "prices-bad.csv")], /line 3, column "input": -10 is negative/],
    ["no cost at all", ["cost", FX("models-rows.csv")], /no cost is known for any model/],
    ["a budget of 0", ["cost", ITEMS, "--prices", PRICES, "--budget", "0"], /--budget: "0" is not valid/],
    [
      "--budget-per without --budget",
      ["cost", ITEMS, "--prices", PRICES, "--budget-per", "pass"],
      /--budget-per and --budget-action need --budget USD/,
    ],
    [
      "an expert cost for an unknown benchmark",
      ["cost", ITEMS, "--prices", PRICES, "--expert-cost", "math=3"],
      /--expert-cost: "math" is not a benchmark/,
    ],
    [
      "a success scale the scores exceed",
      ["cost", FX("cost", "long-cost.csv"), "--success-scale", "1"],
      /--success-scale 1: benchmark "mmlu" has scores outside \[0, 1\]/,
    ],
    [
      "a missing --costs file",
      ["cost", FX("models-rows.csv"), "--costs", FX("cost", "nope.csv")],
      /nope\.csv: cannot read the cost file: no such file/,
    ],
  ] as const) {
    it(`exit 2 and no output file: ${name}`, () => {
      const out = join(tmp(), "cost.json");
      const r = run(...args, "--runs", "200", "-q", "-o", out);
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, pattern);
      assert.equal(existsSync(out), false);
    });
  }
});

describe("the cost chart", () => {
  it("plot cost draws cost against E[S] with the frontier; a table without costs is refused", () => {
    const out = join(tmp(), "cost.svg");
    const r = run("plot", "cost", ITEMS, "--prices", PRICES, "--runs", "300", "--T", "0,1", "--setting", "0", "-q", "-o", out);
    assert.equal(r.code, 0, r.stderr);
    const svg = readFileSync(out, "utf8");
    assert.match(svg, /^<svg/);
    assert.match(svg, /E\[S\] at T = 0/);
    const none = run("plot", "cost", FX("models-rows.csv"), "--runs", "300", "-q", "-o", join(tmp(), "none.svg"));
    assert.equal(none.code, 2);
    assert.match(none.stderr, /cost: the cost chart needs costs/);
  });

  it("the report has a cost section when the input has costs, and none otherwise", () => {
    const dir = tmp();
    const withCost = run(
      "report",
      ITEMS,
      "--prices",
      PRICES,
      "--runs",
      "300",
      "--no-compare",
      "--no-studies",
      "-q",
      "-o",
      join(dir, "a.html"),
    );
    assert.equal(withCost.code, 0, withCost.stderr);
    const html = readFileSync(join(dir, "a.html"), "utf8");
    assert.match(html, /<section id="cost"/);
    assert.match(html, /Cost against E\[S\]/);
    const plain = run("report", FX("models-rows.csv"), "--runs", "300", "--no-compare", "--no-studies", "-q", "-o", join(dir, "b.html"));
    assert.equal(plain.code, 0, plain.stderr);
    assert.doesNotMatch(readFileSync(join(dir, "b.html"), "utf8"), /id="cost"/);
  });
});
