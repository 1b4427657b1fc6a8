/** The pure cost modules on hand-checked cases: cost-of-pass, Pareto dominance and ties, prices, budget, scores per dollar. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { costAdjustedRoundScores, roundCosts } from "../src/cost/adjusted.js";
import { applyBudget, parseBudget } from "../src/cost/budget.js";
import { costOfPass } from "../src/cost/cost-of-pass.js";
import { parseExpertCost } from "../src/cost/expert.js";
import type { ModelCost } from "../src/cost/models.js";
import { dominates, paretoFrontier } from "../src/cost/pareto.js";
import { parsePriceTable, priceOf } from "../src/cost/prices.js";
import type { AttemptCosts } from "../src/cost/types.js";
import type { RoundPlan } from "../src/plan/plan.js";
import type { ScoreTable } from "../src/table/types.js";
import { roundScores, throwsInput } from "./helpers.js";

describe("cost-of-pass", () => {
  it("is the mean cost over the success rate, infinite when the model never succeeds", () => {
    assert.equal(costOfPass(0.002, 0.5), 0.004);
    assert.equal(costOfPass(0.03, 1), 0.03);
    assert.equal(costOfPass(0.001, 0), Number.POSITIVE_INFINITY);
    assert.equal(costOfPass(0, 0), Number.POSITIVE_INFINITY, "free but never right is still never right");
    assert.ok(Number.isNaN(costOfPass(Number.NaN, 0.5)), "an unknown cost stays unknown, never 0");
    assert.ok(Number.isNaN(costOfPass(0.01, Number.NaN)));
  });

  it("prices a call per million tokens", () => {
    assert.equal(priceOf({ input: 2.5, output: 10, where: "" }, 1000, 500), 0.0075);
  });
});

describe("Pareto frontier", () => {
  const p = (model: string, cost: number, value: number, se?: number) => ({ model, cost, value, ...(se !== undefined ? { se } : {}) });

  it("keeps the models nobody dominates and names, for each other one, the frontier models that dominate it (cheapest first)", () => {
    const r = paretoFrontier([p("a", 1, 50), p("b", 2, 70), p("c", 3, 60), p("d", 4, 90), p("e", 5, 40)]);
    assert.deepEqual(r.frontier, ["a", "b", "d"]);
    assert.deepEqual(r.dominated, [
      { model: "c", by: ["b"] },
      { model: "e", by: ["a", "b", "d"] },
    ]);
    assert.deepEqual(r.ties, []);
  });

  it("exact ties dominate neither way: both stay, listed as tied; a tie on one axis still dominates", () => {
    assert.equal(dominates(p("x", 1, 5), p("y", 1, 5)), false);
    assert.equal(dominates(p("x", 1, 5), p("y", 1, 4)), true, "same cost, higher value");
    assert.equal(dominates(p("x", 1, 5), p("y", 2, 5)), true, "same value, lower cost");
    const r = paretoFrontier([p("b", 0.0015, 67.5), p("c", 0.0015, 67.5), p("a", 0.015, 70), p("z", 0.0015, 60), p("w", 0.02, 70)]);
    assert.deepEqual(r.frontier, ["b", "c", "a"]);
    assert.deepEqual(r.ties, [["b", "c"]]);
    assert.deepEqual(r.dominated, [
      { model: "z", by: ["b", "c"] },
      { model: "w", by: ["a"] },
    ]);
  });

  it("leaves out unknown costs (never as free) and flags statuses within the Monte Carlo noise", () => {
    const r = paretoFrontier([p("known", 1, 0.5), p("unknown", Number.NaN, 0.9)]);
    assert.deepEqual(r.frontier, ["known"]);
    assert.deepEqual(r.leftOut, ["unknown"]);
    // Same true E[S], estimates 0.002 apart with SE 0.003: which one is dominated is noise.
    const noisy = paretoFrontier([
      p("twin1", 1, 0.501, 0.003),
      p("twin2", 1, 0.499, 0.003),
      p("far", 2, 0.9, 0.003),
      p("poor", 3, 0.2, 0.003),
    ]);
    assert.deepEqual(noisy.frontier, ["twin1", "far"]);
    assert.deepEqual(noisy.uncertain, ["twin1", "twin2"]);
    assert.deepEqual(paretoFrontier([p("a", 1, 1), p("b", 2, 2)]).uncertain, [], "no standard errors, no doubt");
  });
});

describe("price tables", () => {
  it("reads CSV, JSON objects (with aliases) and JSON arrays to the same prices", () => {
    const csv = parsePriceTable("model,input,output\nA,1,2\nB,10,20\n", "p.csv");
    const obj = parsePriceTable('{"models": {"A": {"input": 1, "output": 2}, "B": {"prompt": 10, "completion_price": 20}}}', "p.json");
    const arr = parsePriceTable(
      '[{"model": "A", "input": 1, "output": 2}, {"name": "B", "input_per_million": 10, "output_per_million": 20}]',
      "p.json",
    );
    const yaml = parsePriceTable("A: {input: 1, output: 2}\nB: {input: 10, output: 20}\n", "p.yaml");
    for (const t of [csv, obj, arr, yaml]) {
      assert.deepEqual([...t.prices.keys()], ["A", "B"]);
      assert.equal(t.prices.get("B")?.input, 10);
      assert.equal(t.prices.get("B")?.output, 20);
    }
  });

  it("names the file, row and field of every bad entry", () => {
    throwsInput(
      () => parsePriceTable("model,input,output\nA,1,2\nB,-1,2\nC,x,2\nA,1,2\n", "p.csv"),
      /p\.csv/,
      /line 3, column "input": -1 is negative/,
      /line 4, column "input": "x" is not a number/,
      /line 5: model "A" is priced twice \(also at line 2\)/,
    );
    throwsInput(() => parsePriceTable("model,input\nA,1\n", "p.csv"), /p\.csv: no "output" column/);
    throwsInput(() => parsePriceTable("model,input,output,cache\nA,1,2,3\n", "p.csv"), /unknown columns "cache"/);
    throwsInput(
      () => parsePriceTable('{"A": {"input": 1}, "B": {"input": 1, "output": 2, "cached": 1}}', "p.json"),
      /model "A", field "output": expected a number/,
      /model "B": Unrecognized key: "cached"/,
    );
    throwsInput(
      () => parsePriceTable('[{"model": "A", "input": 1, "output": -2}]', "p.json"),
      /element \[0\], field "output": a price cannot be negative/,
    );
    throwsInput(() => parsePriceTable("[1, 2]", "p.json"), /element \[0\]: expected an object with model, input and output/);
  });
});

describe("options", () => {
  it("--expert-cost: one amount for every benchmark, or per benchmark", () => {
    assert.deepEqual(
      [...parseExpertCost("20", ["a", "b"])],
      [
        ["a", 20],
        ["b", 20],
      ],
    );
    assert.deepEqual([...parseExpertCost("a=2.5", ["a", "b"])], [["a", 2.5]]);
    throwsInput(() => parseExpertCost("c=1", ["a", "b"]), /--expert-cost: "c" is not a benchmark of this run/);
    throwsInput(() => parseExpertCost("-1", ["a"]), /--expert-cost: "-1" is not valid/);
    throwsInput(() => parseExpertCost("a=1,a=2", ["a"]), /"a" is given twice/);
  });

  it("--budget is a positive amount", () => {
    assert.equal(parseBudget("0.05"), 0.05);
    for (const bad of ["0", "-1", "x", ""]) throwsInput(() => parseBudget(bad), /--budget: .* expected a positive amount in USD/);
  });
});

describe("budget", () => {
  const models: ModelCost[] = [
    { model: "A", costPerAttempt: 0.003, meanScore: 0.75, accuracy: 0.75, costOfPass: 0.004 },
    { model: "B", costPerAttempt: 0.03125, meanScore: 0.625, accuracy: 0.625, costOfPass: 0.055 },
    { model: "C", costPerAttempt: 0.0015, meanScore: 0.5, accuracy: 0.5, costOfPass: Number.POSITIVE_INFINITY },
    { model: "D", costPerAttempt: Number.NaN, meanScore: 0.9, accuracy: 0.9, costOfPass: Number.NaN },
  ];

  it("drops models over the limit and of unknown cost, per attempt or per pass", () => {
    const perAttempt = applyBudget(models, { limit: 0.01, per: "attempt", action: "drop" });
    assert.deepEqual(perAttempt.kept, ["A", "C"]);
    assert.deepEqual(
      perAttempt.models.map((m) => m.status),
      ["within", "over", "within", "unknown"],
    );
    const perPass = applyBudget(models, { limit: 0.01, per: "pass", action: "drop" });
    assert.deepEqual(perPass.kept, ["A"], "an infinite cost-of-pass never fits");
    assert.match(perPass.definition, /USD 0.01 per pass/);
  });

  it("marks instead of dropping with action mark", () => {
    const r = applyBudget(models, { limit: 0.01, per: "attempt", action: "mark" });
    assert.deepEqual(r.kept, ["A", "B", "C", "D"]);
    assert.equal(r.models[1].status, "over");
  });
});

describe("cost-adjusted round scores", () => {
  const table = {
    models: ["A", "B", "C"],
    benchmarks: [
      { name: "qa", lowerIsBetter: false },
      { name: "code", lowerIsBetter: false },
    ],
  } as ScoreTable;
  const plan: RoundPlan = {
    source: "",
    rounds: [
      { name: "qa", benchmarks: ["qa"] },
      { name: "code", benchmarks: ["code"] },
    ],
  };
  const costs = {
    models: ["A", "B", "C"],
    benchmarks: ["qa", "code"],
    meanCost: Float64Array.of(0.002, 0.004, 0.0225, 0.04, 0.001, 0.002),
  } as AttemptCosts;

  it("are the round score per dollar of the round", () => {
    const rs = roundScores([
      [0.5, 1],
      [0.75, 0.5],
      [0, 1],
    ]);
    const adjusted = costAdjustedRoundScores(table, plan, rs, roundCosts(table, plan, costs));
    const got = Array.from(adjusted.values, (v) => Math.round(v * 1e6) / 1e6);
    // round-major: qa for A, B, C, then code
    assert.deepEqual(got, [250, 33.333333, 0, 250, 12.5, 500]);
  });

  it("refuse negative scores, lower-is-better benchmarks and unknown or zero costs, listing each", () => {
    const rs = roundScores([
      [-1, 1],
      [0.75, 0.5],
      [0, 1],
    ]);
    const bad = { ...costs, meanCost: Float64Array.of(0.002, Number.NaN, 0, 0.04, 0.001, 0.002) } as AttemptCosts;
    const lower = { ...table, benchmarks: [table.benchmarks[0], { name: "code", lowerIsBetter: true }] } as ScoreTable;
    throwsInput(
      () => costAdjustedRoundScores(lower, plan, rs, roundCosts(table, plan, bad)),
      /--outcomes cost-adjusted/,
      /lower-is-better benchmarks \(code\)/,
      /model "A", round "qa": round score -1 is negative/,
      /model "A", round "code": cost unknown/,
      /model "B", round "qa": cost 0/,
    );
  });
});
