/** The cost analysis on hand-made tables (figures worked out by hand) and on real data with costs (aider, SWE-bench). */
import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, it } from "node:test";
import { parse } from "csv-parse/sync";
import { analyseCosts, type CostAnalysis, type CostOptions, contestOf } from "../src/cost/analysis.js";
import { costFiguresFromText } from "../src/cost/cost-figures.js";
import { parsePriceTable } from "../src/cost/prices.js";
import { prepareRank, type RankOptions } from "../src/run/rank.js";
import { scoreTableFromText } from "../src/table/load.js";
import { readScoreTable, readTextFile } from "../src/table/read.js";
import { NEEDS_SHARED, ROOT, sharedData, testData, throwsInput } from "./helpers.js";

const FX = (...p: string[]) => join(ROOT, "test", "fixtures", ...p);
const ITEMS = FX("cost", "items-tokens.csv");
const prices = (name: string) => parsePriceTable(readTextFile(FX("cost", name)), name);

function analyse(file: string, options: CostOptions = {}, rank: RankOptions = {}): CostAnalysis {
  return analyseCosts(prepareRank(file, { runs: 100, T: "0", ...rank }), options);
}

/** The cell of a model on a benchmark. */
function cell(a: CostAnalysis, model: string, bench: string) {
  const c = a.cells.find((x) => x.model === model && x.benchmark === bench);
  assert.ok(c, `${model} / ${bench}`);
  return c;
}

const close = (actual: number, expected: number, what = "") =>
  assert.ok(Math.abs(actual - expected) < 1e-12, `${what}: ${actual} != ${expected}`);

describe("per-item token counts priced with a price table (items-tokens.csv, worked by hand)", () => {
  // A: 1000 prompt + 500 completion tokens at $1/$2 per million = $0.002 per qa item; B at $10/$20 = $0.02,
  // and $0.03 on q3 (500 reasoning tokens more); C at $0.5/$1 = $0.001. code items have twice the tokens.
  const a = analyse(ITEMS, { prices: prices("prices.csv") });

  it("the per-item reader keeps prompt, completion and reasoning tokens per item (CSV and JSON Lines)", () => {
    const t = readScoreTable(ITEMS);
    const items = t.items;
    assert.ok(items?.promptTokens && items.completionTokens && items.reasoningTokens);
    assert.equal(items.promptTokens[0], 1000);
    assert.equal(items.completionTokens[0], 500);
    assert.ok(Number.isNaN(items.reasoningTokens[0]), "an empty count is unknown");
    assert.equal(items.reasoningTokens[6], 500, "B's q3");
    assert.deepEqual(t.ignored, [], "the token columns are read, not ignored");
    const jsonl = scoreTableFromText('{"model":"m","item_id":"1","correct":true,"input_tokens":10,"output_tokens":5}\n', "x.jsonl");
    assert.equal(jsonl.items?.promptTokens?.[0], 10);
    assert.equal(jsonl.items?.completionTokens?.[0], 5);
    assert.equal(jsonl.items?.reasoningTokens, undefined);
  });

  it("cost per attempt, accuracy and cost-of-pass (ratio of means)", () => {
    close(cell(a, "A", "qa").meanCost, 0.002, "A qa cost");
    close(cell(a, "A", "qa").costOfPass, 0.004, "A qa CoP = 0.002 / 0.5");
    close(cell(a, "B", "qa").meanCost, 0.0225, "B qa cost = (0.02 * 3 + 0.03) / 4");
    close(cell(a, "B", "qa").costOfPass, 0.03, "B qa CoP = 0.0225 / 0.75");
    close(cell(a, "B", "code").costOfPass, 0.08, "B code CoP = 0.04 / 0.5");
    close(cell(a, "C", "code").costOfPass, 0.002, "C code");
    assert.equal(cell(a, "A", "qa").attempts, 4);
    assert.equal(cell(a, "A", "qa").source, "tokens x prices");
  });

  it("a model that never succeeds has an infinite cost-of-pass", () => {
    assert.equal(cell(a, "C", "qa").accuracy, 0);
    assert.equal(cell(a, "C", "qa").costOfPass, Number.POSITIVE_INFINITY);
    assert.equal(a.models.find((m) => m.model === "C")?.costOfPass, Number.POSITIVE_INFINITY, "and so is its mean over benchmarks");
  });

  it("the per-problem form: infinite with one failed problem, finite when every problem is solved", () => {
    assert.deepEqual(cell(a, "A", "qa").perProblem, { problems: 4, solved: 2, costOfPass: Number.POSITIVE_INFINITY });
    assert.deepEqual(cell(a, "A", "code").perProblem, { problems: 2, solved: 2, costOfPass: 0.004 });
    assert.equal(cell(a, "B", "code").perProblem?.costOfPass, Number.POSITIVE_INFINITY);
  });

  it("frontier cost-of-pass: best single model, oracle router (infinite: nobody solves q4) and with a human expert", () => {
    const withExpert = analyse(ITEMS, { prices: prices("prices.csv"), expert: new Map([["qa", 0.01]]) });
    const qa = withExpert.benchmarks[0];
    assert.deepEqual(qa.bestSingle, { models: ["A"], costOfPass: 0.004 });
    assert.equal(qa.router?.unsolved, 1);
    assert.equal(qa.router?.problems, 4);
    assert.equal(qa.router?.costOfPass, Number.POSITIVE_INFINITY);
    // per problem: q1 0.002 (A), q2 0.002 (A), q3 min(0.03 B, 0.01 expert), q4 0.01 expert
    close(qa.router?.withExpert ?? Number.NaN, (0.002 + 0.002 + 0.01 + 0.01) / 4, "router + expert");
    assert.deepEqual(qa.bestWithExpert, { by: "A", costOfPass: 0.004 });
    const code = withExpert.benchmarks[1];
    assert.deepEqual(code.bestSingle, { models: ["C"], costOfPass: 0.002 });
    close(code.router?.costOfPass ?? Number.NaN, 0.002, "code router: C is cheapest on both");
    assert.equal(code.expertCost, undefined);
  });

  it("the model figures and the (cost, mean score) frontier", () => {
    const byName = new Map(a.models.map((m) => [m.model, m]));
    close(byName.get("A")?.costPerAttempt ?? 0, 0.003, "A = (0.002 + 0.004) / 2");
    close(byName.get("B")?.costPerAttempt ?? 0, 0.03125, "B = (0.0225 + 0.04) / 2");
    close(byName.get("C")?.costPerAttempt ?? 0, 0.0015, "C");
    assert.deepEqual(a.scoreFrontier.frontier, ["C", "A"]);
    assert.deepEqual(a.scoreFrontier.dominated, [{ model: "B", by: ["A"] }]);
  });

  it("a JSON price table with aliases gives the same figures; reasoning tokens counted once with --reasoning-tokens included", () => {
    const json = analyse(ITEMS, { prices: prices("prices.json") });
    assert.deepEqual(Array.from(json.costs.meanCost), Array.from(a.costs.meanCost));
    assert.match(a.notes.join("\n"), /reasoning tokens were added to the completion tokens/);
    const included = analyse(ITEMS, { prices: prices("prices.csv"), reasoning: "included" });
    close(cell(included, "B", "qa").meanCost, 0.02, "B qa without the reasoning tokens on top");
  });

  it("a model with tokens but no price is an error naming it, never a default", () => {
    throwsInput(() => analyse(ITEMS, { prices: prices("prices-no-b.csv") }), /prices-no-b\.csv: no price for "B"/, /never assumed/);
    throwsInput(() => analyse(ITEMS), /"A", "B", "C" have token counts but no recorded cost: give a price table with --prices FILE/);
  });
});

describe("cost figures from a long table's cost column and from --costs", () => {
  const longFile = FX("cost", "long-cost.csv");
  const column = costFiguresFromText(readTextFile(longFile), longFile, { required: false });

  it("a cost column of mean USD per attempt; an empty cost is unknown, never 0", () => {
    const a = analyse(longFile, { costColumn: column });
    close(cell(a, "A", "mmlu").costOfPass, 0.01 / 0.8, "A mmlu: the 0-100 scores read as percentages");
    assert.equal(cell(a, "A", "mmlu").source, "cost column");
    assert.ok(Number.isNaN(cell(a, "D", "mmlu").meanCost));
    assert.ok(Number.isNaN(a.models.find((m) => m.model === "D")?.costPerAttempt ?? 0));
    assert.match(a.notes.join("\n"), /cost unknown for 1 of 4 models .*never counted as free\): D/);
  });

  it("identical models tie on the frontier; the unknown one is left out", () => {
    const a = analyse(longFile, { costColumn: column });
    assert.deepEqual(a.scoreFrontier.frontier, ["B", "C", "A"]);
    assert.deepEqual(a.scoreFrontier.ties, [["B", "C"]]);
    assert.deepEqual(a.scoreFrontier.leftOut, ["D"]);
  });

  it("--costs for a table without costs; a file without a cost column is an error", () => {
    const file = FX("cost", "costs.csv");
    const costFile = costFiguresFromText(readTextFile(file), file, { required: true });
    const a = analyse(FX("models-rows.csv"), { costFile });
    close(a.models.find((m) => m.model === "beta")?.costPerAttempt ?? 0, 0.002, "beta");
    assert.equal(cell(a, "beta", "GPQA").source, "cost file");
    throwsInput(() => costFiguresFromText("model,benchmark,score\na,b,1\n", "x.csv", { required: true }), /x\.csv: no cost column/);
    throwsInput(
      () => costFiguresFromText("model,benchmark,cost\na,b,-1\n", "x.csv", { required: true }),
      /x\.csv: invalid costs:/,
      /line 2, column "cost": -1 is negative/,
    );
    throwsInput(() => analyse(FX("models-rows.csv")), /no cost is known for any model/);
  });
});

describe("the contest under a budget and with cost-adjusted outcomes", () => {
  const prepared = prepareRank(ITEMS, { runs: 100, T: "0" });

  it("--budget drop: over-budget models leave before the contest, and the field is rebuilt", () => {
    const a = analyseCosts(prepared, { prices: prices("prices.csv"), budget: { limit: 0.01, per: "attempt", action: "drop" } });
    const c = contestOf(prepared, a);
    assert.deepEqual(c.prepared.table.models, ["A", "C"]);
    assert.deepEqual(c.prepared.config.input.models, ["A", "C"]);
    assert.equal(c.prepared.roundScores.models, 2);
    assert.match(c.notes.join("\n"), /dropped before the contest by the budget: B \(over\)/);
    const marked = contestOf(
      prepared,
      analyseCosts(prepared, { prices: prices("prices.csv"), budget: { limit: 0.01, per: "attempt", action: "mark" } }),
    );
    assert.equal(marked.prepared, prepared, "mark keeps the field");
  });

  it("a budget that leaves too few models, or too few for T, says so", () => {
    const a = analyseCosts(prepared, { prices: prices("prices.csv"), budget: { limit: 0.0001, per: "attempt", action: "drop" } });
    throwsInput(() => contestOf(prepared, a), /--budget leaves 0 models for the contest; CSD needs at least 2/);
    const p2 = prepareRank(ITEMS, { runs: 100, T: "0,2" });
    const a2 = analyseCosts(p2, { prices: prices("prices.csv"), budget: { limit: 0.01, per: "attempt", action: "drop" } });
    throwsInput(() => contestOf(p2, a2), /--T: T = 2 would eliminate the whole field of 2 models/, /--budget leaves 2 models/);
  });

  it("cost-adjusted: round scores become scores per dollar", () => {
    const a = analyseCosts(prepared, { prices: prices("prices.csv"), outcomes: "cost-adjusted" });
    const c = contestOf(prepared, a);
    const got = Array.from(c.prepared.roundScores.values, (v) => Math.round(v * 1e6) / 1e6);
    assert.deepEqual(got, [250, 33.333333, 0, 250, 12.5, 500]);
    assert.deepEqual(Array.from(prepared.roundScores.values), [0.5, 0.75, 0, 1, 0.5, 1], "the original is untouched");
  });
});

describe("real data: aider's polyglot leaderboard (Apache-2.0; total_cost 0 = unknown)", () => {
  const file = testData("aider", "polyglot_leaderboard.yml");
  const a = analyse(file, {}, { duplicates: "suffix" });
  const rows = parse(readTextFile(testData("aider", "derived_polyglot_leaderboard.csv")), { columns: true }) as Record<string, string>[];

  it("18 runs of unknown cost (17 written as 0, one without the key) are never free", () => {
    const unknown = a.models.filter((m) => Number.isNaN(m.costPerAttempt));
    assert.equal(unknown.length, 18);
    assert.equal(rows.filter((r) => r.total_cost === "" || Number(r.total_cost) === 0).length, 18);
    assert.ok(a.models.every((m) => Number.isNaN(m.costPerAttempt) || m.costPerAttempt > 0));
    assert.ok(a.scoreFrontier.leftOut.includes("Gemini 2.5 Pro Preview 03-25"), "72.9% at an unknown cost is not on the frontier");
  });

  it("cost per attempt = total_cost / test_cases and cost-of-pass = that / pass_rate_2, for every run with a cost", () => {
    for (const r of rows.filter((x) => Number(x.total_cost) > 0)) {
      const model = r.model === "Qwen2.5-Coder-32B-Instruct" ? `${r.model} (${r.edit_format})` : r.model;
      const c = cell(a, model, "polyglot");
      const perAttempt = Number(r.total_cost) / Number(r.test_cases);
      assert.ok(Math.abs(c.meanCost - perAttempt) < 1e-15, model);
      assert.ok(Math.abs(c.costOfPass - perAttempt / (Number(r.pass_rate_2) / 100)) < 1e-12, model);
    }
    assert.deepEqual(a.benchmarks[0].bestSingle?.models, ["DeepSeek Chat V3 (prev)"]);
    close(a.benchmarks[0].bestSingle?.costOfPass ?? 0, 0.3369 / 225 / 0.484, "0.3369 USD over 225 exercises at 48.4%");
  });

  it("the (cost, pass rate) Pareto frontier", () => {
    assert.deepEqual(a.scoreFrontier.frontier, [
      "gpt-4o-mini-2024-07-18",
      "DeepSeek Chat V3 (prev)",
      "Grok 3 Mini Beta (high)",
      "DeepSeek-V3.2-Exp (Chat)",
      "DeepSeek-V3.2-Exp (Reasoner)",
      "gpt-5 (low)",
      "gpt-5 (medium)",
      "gpt-5 (high)",
    ]);
    assert.equal(a.scoreFrontier.dominated.length, 43);
    assert.deepEqual(a.scoreFrontier.dominated.find((d) => d.model === "o3-pro (high)")?.by, ["gpt-5 (medium)", "gpt-5 (high)"]);
  });
});

describe("real data: SWE-bench Verified per instance (CC BY-NC 4.0: read here, never copied)", { skip: NEEDS_SHARED }, () => {
  // Read only when the suite runs: a skipped suite's body is still evaluated.
  const file = sharedData("swebench", "verified_per_instance.csv");
  const a = NEEDS_SHARED ? undefined : analyse(file, { expert: new Map([["verified", 5]]) }, { benchmarkName: "verified" });
  const rows = NEEDS_SHARED ? [] : (parse(readTextFile(file), { columns: true }) as Record<string, string>[]);

  it("mean cost per attempt is the mean per-instance cost; Claude 3.7 Sonnet's per-instance record resolves 51/500", () => {
    assert.ok(a);
    const claude = cell(a, "Claude 3.7 Sonnet (20250219)", "verified");
    const own = rows.filter((r) => r.name === "Claude 3.7 Sonnet (20250219)");
    close(claude.meanCost, own.reduce((s, r) => s + Number(r.cost_usd), 0) / 500, "mean cost");
    close(claude.accuracy, 0.102, "51/500, not the headline 52.8%");
    assert.equal(claude.perProblem?.solved, 51);
    assert.equal(claude.source, "per-item costs");
  });

  it("the oracle router: 64 of 500 instances are resolved by no run, so it is infinite without the expert", () => {
    const solved = new Map<string, number>();
    for (const r of rows) solved.set(r.instance_id, (solved.get(r.instance_id) ?? 0) + Number(r.resolved));
    const unsolved = [...solved.values()].filter((v) => v === 0).length;
    assert.ok(a);
    const router = a.benchmarks[0].router;
    assert.equal(router?.unsolved, unsolved);
    assert.equal(router?.unsolved, 64);
    assert.equal(router?.costOfPass, Number.POSITIVE_INFINITY);
    assert.ok((router?.withExpert ?? 0) > (64 * 5) / 500, "each unsolved instance costs the expert's 5 USD");
    assert.deepEqual(a.benchmarks[0].bestSingle?.models, ["DeepSeek V3.2 Reasoner"]);
  });
});
