/** OpenCompass summary CSV and aider's leaderboard YAML. */
import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, it } from "node:test";
import { scoreTableFromText } from "../src/table/load.js";
import { readScoreTable } from "../src/table/read.js";
import { ROOT, testData, throwsInput } from "./helpers.js";

const FX = (...p: string[]) => join(ROOT, "test", "fixtures", "adapters", ...p);

describe("OpenCompass summary CSV", () => {
  it("datasets as rows, one column per model, recognised by its header", () => {
    const t = readScoreTable(FX("opencompass_summary_demo.csv"));
    assert.equal(t.adapter, "opencompass");
    assert.equal(t.layout, "benchmarks-rows");
    assert.deepEqual(t.models, ["qwen2-1.5b-instruct-hf", "internlm2-chat-1.8b-hf"]);
    assert.deepEqual(
      t.benchmarks.map((b) => b.name),
      ["demo_gsm8k", "demo_math"],
    );
    assert.deepEqual(Array.from(t.scores), [56.25, 18.75, 32.81, 14.06]);
  });

  it("section rows and '-' (as the summarizer writes them) are reported; a dataset with two metrics gives two benchmarks or --metric keeps one", () => {
    const text = [
      "dataset,version,metric,mode,model-a,model-b",
      "--------- 考试 Exam ---------,-,-,-,-,-",
      "ceval,-,naive_average,gen,60.20,55.10",
      "gsm8k,1d7fe4,accuracy,gen,72.10,-",
      "humaneval,8e312c,humaneval_pass@1,gen,40.00,35.00",
      "humaneval,8e312c,humaneval_pass@10,gen,60.00,52.00",
    ].join("\n");
    const t = scoreTableFromText(text, "summary_20240101.csv");
    assert.equal(t.adapter, "opencompass");
    assert.deepEqual(
      t.benchmarks.map((b) => b.name),
      ["ceval", "gsm8k", "humaneval (humaneval_pass@1)", "humaneval (humaneval_pass@10)"],
    );
    assert.ok(Number.isNaN(t.scores[1 * 4 + 1]), '"-" is a gap');
    const notes = t.notes.join("\n");
    assert.match(notes, /rows without results .*"--------- 考试 Exam ---------"/);
    assert.match(notes, /averages of other datasets .*: ceval/);
    const one = scoreTableFromText(text, "summary.csv", { metric: ["accuracy", "humaneval_pass@1"] });
    assert.deepEqual(
      one.benchmarks.map((b) => b.name),
      ["gsm8k", "humaneval"],
    );
  });
});

describe("aider leaderboard YAML", () => {
  const POLYGLOT = testData("aider", "polyglot_leaderboard.yml");

  it("the real polyglot leaderboard: one benchmark, pass_rate_2, its duplicate model named with both records", () => {
    throwsInput(
      () => readScoreTable(POLYGLOT),
      /duplicate model names/,
      /"Qwen2\.5-Coder-32B-Instruct" at record \d+ \(2024-12-22-13-22-32--polyglot-qwen-diff\), record \d+/,
    );
    const t = readScoreTable(POLYGLOT, { duplicates: "suffix" });
    assert.equal(t.adapter, "aider");
    assert.equal(t.models.length, 69);
    assert.deepEqual(
      t.benchmarks.map((b) => b.name),
      ["polyglot"],
    );
    assert.ok(t.models.includes("Qwen2.5-Coder-32B-Instruct (diff)") && t.models.includes("Qwen2.5-Coder-32B-Instruct (whole)"));
    assert.match(t.notes.join("\n"), /total_cost unknown for 18 runs \(17 written as 0, .*; 1 without the key\)/);
    const cost = t.extras?.cost as Float64Array;
    assert.equal(Array.from(cost).filter((c) => Number.isNaN(c)).length, 18);
  });

  it("--metric pass_rate_1; the bundled sample reads the same", () => {
    const t = readScoreTable(FX("aider", "polyglot_leaderboard.yml"), { metric: ["pass_rate_1"], duplicates: "first" });
    assert.equal(t.scores[t.models.indexOf("Gemini 2.0 Pro exp-02-05")], 20.4);
    assert.equal(t.scores[t.models.indexOf("Qwen2.5-Coder-32B-Instruct")], 4.4);
    throwsInput(() => readScoreTable(FX("aider", "polyglot_leaderboard.yml"), { metric: ["pass@1"] }), /--metric pass@1: no record/);
  });

  it("other YAML lists of rows are read like JSON rows; broken YAML is located", () => {
    const t = scoreTableFromText("- model: a\n  MMLU: 70\n  GPQA: 40\n- model: b\n  MMLU: 65\n  GPQA: 45\n", "scores.yaml");
    assert.equal(t.adapter, "leaderboard");
    assert.deepEqual(Array.from(t.scores), [70, 40, 65, 45]);
    throwsInput(() => readScoreTable(FX("bad", "broken.yml")), /malformed YAML at line \d+, column \d+/);
  });
});

it("aider's refactor leaderboard (no second tries): ranked on pass_rate_1 with a note; a missing --metric names what the file has", () => {
  const t = readScoreTable(testData("aider", "refactor_leaderboard.yml"), { duplicates: "suffix" });
  assert.equal(t.benchmarks[0].name, "refactor");
  assert.match(t.notes.join("\n"), /score pass_rate_1 \(%\) \(the file has no pass_rate_2: no second tries\)/);
  throwsInput(
    () => readScoreTable(testData("aider", "refactor_leaderboard.yml"), { metric: ["pass_rate_2"] }),
    /--metric pass_rate_2: no record of .* has it \(it has pass_rate_1\)/,
  );
});
