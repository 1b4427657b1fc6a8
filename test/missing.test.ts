/** --missing policies: what each does to the table, the plan and the round scores, and that it says so. */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { parseRoundPlan } from "../src/plan/plan.js";
import { buildRoundScores } from "../src/plan/round-scores.js";
import { prepareRank } from "../src/run/rank.js";
import { InputError } from "../src/table/errors.js";
import { scoreTableFromText } from "../src/table/load.js";
import { applyMissingPolicy } from "../src/table/missing.js";
import { CLI, enumerateExact, ROOT, roundScores, rules, testData } from "./helpers.js";

const HELM = testData("benchbench", "benchmarks_old", "helm_classic_240829.csv");
// alpha misses GPQA, beta misses HumanEval and GPQA; gamma and delta are complete.
const GAPPY = "model,MMLU,GPQA,HumanEval\nalpha,70,,60\nbeta,65,,\ngamma,60,30,70\ndelta,55,35,50\n";
const PLAN = '{"rounds": [{"name": "knowledge", "benchmarks": ["MMLU", "GPQA"]}, {"name": "code", "benchmarks": ["HumanEval"]}]}';

function table() {
  return scoreTableFromText(GAPPY, "gappy.csv");
}
function plan() {
  return parseRoundPlan(PLAN, "plan.json", table());
}

function throwsInput(fn: () => unknown, ...patterns: RegExp[]): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof InputError, `expected InputError, got ${e}`);
    for (const p of patterns) assert.match(e.message, p);
    return true;
  });
}

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", cwd: ROOT });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("--missing policies on a small table", () => {
  it("error (default) lists every gap with its place", () => {
    throwsInput(
      () => applyMissingPolicy(table(), plan()),
      /3 missing scores/,
      /model "alpha", benchmark "GPQA" \(line 2, column "GPQA"\)/,
      /model "beta", benchmark "HumanEval"/,
      /--missing drop-model/,
    );
  });

  it("drop-model leaves out the models with a gap and names them", () => {
    const out = applyMissingPolicy(table(), plan(), "drop-model");
    assert.deepEqual(out.table.models, ["gamma", "delta"]);
    assert.deepEqual(out.report, { policy: "drop-model", gaps: 3, droppedModels: ["alpha", "beta"] });
    assert.match(out.notes[0], /left out 2 of 4 models: alpha \(no GPQA\); beta \(no GPQA, HumanEval\)/);
  });

  it("drop-benchmark leaves out the benchmarks with a gap, and a round left empty", () => {
    const out = applyMissingPolicy(table(), plan(), "drop-benchmark");
    assert.deepEqual(
      out.table.benchmarks.map((b) => b.name),
      ["MMLU"],
    );
    assert.deepEqual(out.plan.rounds, [{ name: "knowledge", benchmarks: ["MMLU"] }]);
    assert.deepEqual(out.report.droppedRounds, ["code"]);
    assert.match(out.notes.join("\n"), /left out 2 of 3 benchmarks: GPQA \(2 models without it\); HumanEval \(1 model without it\)/);
  });

  it("lose: a model without a round score gets -Infinity (the engine's 'no score')", () => {
    const out = applyMissingPolicy(table(), plan(), "lose");
    const rs = buildRoundScores(out.table, out.plan, out.roundMissing);
    // round-major: values[k * M + m]
    assert.deepEqual(Array.from(rs.values), [
      Number.NEGATIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      45,
      45,
      60,
      Number.NEGATIVE_INFINITY,
      70,
      50,
    ]);
    assert.equal(out.report.lostRounds, 3);
    assert.match(
      out.notes.join("\n"),
      /3 \(model, round\) pairs without a round score: .*alpha in round knowledge; beta in round knowledge; beta in round code/,
    );
  });

  it("available-mean: the mean of the benchmarks the model has; none of them loses, as with lose", () => {
    const out = applyMissingPolicy(table(), plan(), "available-mean");
    const rs = buildRoundScores(out.table, out.plan, out.roundMissing);
    assert.deepEqual(Array.from(rs.values), [70, 65, 45, 45, 60, Number.NEGATIVE_INFINITY, 70, 50]);
    assert.equal(out.report.partialRounds, 2);
    assert.equal(out.report.lostRounds, 1);
    assert.match(out.notes.join("\n"), /alpha in round knowledge \(mean of 1 of 2: without GPQA\)/);
  });

  it("a policy that leaves fewer than 2 models or no benchmark is an error", () => {
    const t = scoreTableFromText("model,A,B\nx,1,\ny,,2\nz,3,4\n", "t.csv");
    throwsInput(
      () =>
        applyMissingPolicy(
          t,
          {
            source: "",
            rounds: [
              { name: "A", benchmarks: ["A"] },
              { name: "B", benchmarks: ["B"] },
            ],
          },
          "drop-model",
        ),
      /--missing drop-model leaves 1 model; ranking needs at least 2/,
    );
    const none = scoreTableFromText("model,A,B\nx,1,\ny,,2\n", "none.csv");
    const plan = {
      source: "",
      rounds: [
        { name: "A", benchmarks: ["A"] },
        { name: "B", benchmarks: ["B"] },
      ],
    };
    throwsInput(() => applyMissingPolicy(none, plan, "drop-model"), /--missing drop-model leaves 0 models; ranking needs at least 2/);
    throwsInput(
      () =>
        applyMissingPolicy(
          t,
          {
            source: "",
            rounds: [
              { name: "A", benchmarks: ["A"] },
              { name: "B", benchmarks: ["B"] },
            ],
          },
          "drop-benchmark",
        ),
      /leaves no benchmark/,
    );
  });
});

describe("the engine reads -Infinity as a lost match (exact enumeration)", () => {
  it("3 models, 1 round: the scoreless models lose to the scored one and toss a coin between themselves", () => {
    const exact = enumerateExact(roundScores([[1], [Number.NEGATIVE_INFINITY], [Number.NEGATIVE_INFINITY]]), rules(1, 0));
    // A plays (not the bye) with probability 2/3 and always wins; B meets C with probability 1/3 and wins half.
    assert.ok(Math.abs(exact.expected[0] - 2 / 3) < 1e-12);
    assert.ok(Math.abs(exact.expected[1] - 1 / 6) < 1e-12);
    assert.ok(Math.abs(exact.expected[2] - 1 / 6) < 1e-12);
  });
});

describe("--missing through prepareRank on HELM Classic (196 gaps)", () => {
  it("each policy records what it did in the configuration", () => {
    throwsInput(() => prepareRank(HELM), /196 missing scores/);
    const dm = prepareRank(HELM, { missing: "drop-model", runs: 100 });
    assert.equal(dm.config.input.missing?.droppedModels?.length, 38);
    assert.equal(dm.table.models.length, 29);
    const db = prepareRank(HELM, { missing: "drop-benchmark", runs: 100 });
    assert.deepEqual(db.config.input.missing?.droppedBenchmarks?.length, 10);
    assert.equal(db.plan.rounds.length, 6);
    const lose = prepareRank(HELM, { missing: "lose", runs: 100 });
    assert.equal(lose.config.input.missing?.lostRounds, 196);
    assert.equal(Array.from(lose.roundScores.values).filter((v) => v === Number.NEGATIVE_INFINITY).length, 196);
    assert.deepEqual(
      lose.config.input.aggregateColumns?.map((a) => a.name),
      ["helm_classic"],
    );
    assert.deepEqual(lose.config.input.unusedBenchmarks, ["helm_classic"]);
  });
});

describe("CLI: --missing and --duplicates end to end", () => {
  it("rank --missing lose ranks a table with gaps and reports the policy in the JSON", () => {
    const r = run("rank", HELM, "--missing", "lose", "--runs", "400", "--T", "0,1", "--format", "json");
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as {
      config: { input: { missing: { policy: string; lostRounds: number }; adapter: string } };
      notes: string[];
    };
    assert.deepEqual(out.config.input.missing, { policy: "lose", gaps: 196, lostRounds: 196 });
    assert.equal(out.config.input.adapter, "leaderboard");
    assert.ok(out.notes.some((n) => /196 \(model, round\) pairs without a round score/.test(n)));
  });

  it("rank --missing drop-model and --duplicates suffix, written with -o", () => {
    const dir = mkdtempSync(join(tmpdir(), "swissround-missing-"));
    const file = join(dir, "r.json");
    const r = run(
      "rank",
      testData("leaderboards", "open_llm_leaderboard_v2_2024-08-29.csv"),
      "--duplicates",
      "suffix",
      "--runs",
      "300",
      "--T",
      "0",
      "-o",
      file,
    );
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /--duplicates suffix: 8 duplicate model names/);
    const dm = run("rank", HELM, "--missing", "drop-model", "--runs", "300", "--T", "0", "--format", "json");
    assert.equal(dm.code, 0, dm.stderr);
    assert.equal((JSON.parse(dm.stdout) as { config: { input: { models: string[] } } }).config.input.models.length, 29);
  });

  const bad: [string, string[], RegExp][] = [
    ["gaps without a policy", ["rank", HELM], /196 missing scores/],
    [
      "unknown policy",
      ["rank", HELM, "--missing", "zero"],
      /--missing.*Allowed choices are error, drop-model, drop-benchmark, lose, available-mean/,
    ],
    ["duplicates without a policy", ["rank", testData("leaderboards", "open_llm_leaderboard_v2_2024-08-29.csv")], /duplicate model names/],
    ["unknown duplicates policy", ["rank", HELM, "--duplicates", "last"], /Allowed choices are error, first, best, mean, suffix/],
    ["unknown adapter", ["rank", HELM, "--from", "excel"], /Allowed choices are leaderboard, long, per-item, harness, opencompass, aider/],
    ["bad --columns", ["rank", HELM, "--columns", "modle=x"], /--columns: "modle=x" is not valid/],
    ["unknown --aggregates column", ["rank", HELM, "--aggregates", "Overall"], /--aggregates: "Overall" not a benchmark column/],
  ];
  for (const [name, args, pattern] of bad) {
    it(`exit 2, no output file: ${name}`, () => {
      const dir = mkdtempSync(join(tmpdir(), "swissround-missing-"));
      const r = run(...args, "-o", join(dir, "out.json"));
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, pattern);
      assert.deepEqual(readdirSync(dir), []);
      assert.ok(!existsSync(join(dir, "out.json")));
    });
  }
});
