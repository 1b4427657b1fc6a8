/** Per-item results: aggregation to benchmark means, counts and standard errors, on real files. */
import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, it } from "node:test";
import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { CsvSplitter } from "../src/table/csv-stream.js";
import { scoreTableFromText } from "../src/table/load.js";
import { readScoreTable, readTextFile } from "../src/table/read.js";
import type { ScoreTable } from "../src/table/types.js";
import { NEEDS_SHARED, ROOT, sharedData, testData, throwsInput } from "./helpers.js";

const DATA = (...p: string[]) => testData(...p);
const FX = (...p: string[]) => join(ROOT, "test", "fixtures", "adapters", ...p);

function cell(t: ScoreTable, model: string, bench: string): number {
  const m = t.models.indexOf(model);
  const b = t.benchmarks.findIndex((x) => x.name === bench);
  assert.ok(m >= 0 && b >= 0, `${model} / ${bench}`);
  return t.scores[m * t.benchmarks.length + b];
}

function extra(t: ScoreTable, name: "count" | "stderr" | "cost", model: string, bench: string): number {
  const m = t.models.indexOf(model);
  const b = t.benchmarks.findIndex((x) => x.name === bench);
  return t.extras?.[name]?.[m * t.benchmarks.length + b] ?? Number.NaN;
}

describe("MMLU-Pro: one row per question, one column per model (items-rows)", () => {
  const file = DATA("mmlu-pro", "mmlu_pro_item_correct.csv");
  const t = readScoreTable(file);

  it("reproduces the published per-category accuracy table exactly (29 models x 14 categories)", () => {
    assert.equal(t.adapter, "per-item");
    assert.equal(t.layout, "items-rows");
    assert.equal(t.models.length, 29);
    assert.equal(t.benchmarks.length, 14);
    const ref = readScoreTable(DATA("mmlu-pro", "mmlu_pro_category_accuracy.csv"));
    for (const model of ref.models) {
      for (const b of ref.benchmarks)
        assert.equal(Math.round(cell(t, model, b.name) * 1e4) / 1e4, cell(ref, model, b.name), `${model} ${b.name}`);
    }
    assert.ok(t.ignored.includes("src") && t.ignored.includes("answer"));
  });

  it("counts, standard errors, unequal coverage and the item-level results are kept", () => {
    assert.equal(extra(t, "count", "DeepSeek-Coder-V2_5shots", "business"), 789);
    const p = cell(t, "DeepSeek-Coder-V2_5shots", "business");
    const n = 789;
    assert.ok(Math.abs(extra(t, "stderr", "DeepSeek-Coder-V2_5shots", "business") - Math.sqrt((p * (1 - p) * n) / (n - 1) / n)) < 1e-12);
    assert.match(t.notes.join("\n"), /unequal item coverage .*chemistry 344-1132 of 1132/);
    assert.equal(t.items?.length, 347215);
    assert.equal(readScoreTable(file, { keepItems: false }).items, undefined);
  });

  it("streaming the file and parsing it whole give the same table", () => {
    const whole = scoreTableFromText(readTextFile(file), file);
    assert.deepEqual(Array.from(whole.scores), Array.from(t.scores));
    assert.deepEqual(whole.models, t.models);
  });
});

describe("AlpacaEval per-instruction preferences (long, with the dataset as benchmark)", () => {
  it("reproduces the AlpacaEval 1.0 leaderboard's win rate and standard error (0 = draw, as alpaca_eval counts it)", () => {
    const t = readScoreTable(DATA("alpaca-eval", "alpaca_eval_gpt4_per_instance.csv"));
    assert.deepEqual(t.benchmarks.map((b) => b.name).sort(), ["helpful_base", "koala", "oasst", "selfinstruct", "vicuna"]);
    const board = readScoreTable(DATA("alpaca-eval", "alpaca_eval_gpt4_leaderboard.csv"));
    const items = t.items;
    assert.ok(items);
    for (const model of ["gpt4", "alpaca-7b", "phi-2", "text_davinci_001", "gpt35_turbo_instruct"]) {
      const mi = items.models.indexOf(model);
      const s: number[] = [];
      for (let k = 0; k < items.length; k++) if (items.model[k] === mi) s.push(items.score[k]);
      const mean = s.reduce((a, x) => a + x, 0) / s.length;
      const sd = Math.sqrt(s.reduce((a, x) => a + (x - mean) ** 2, 0) / (s.length - 1));
      assert.ok(Math.abs(mean * 100 - cell(board, model, "win_rate")) < 1e-9, model);
      const se = board.scores[board.models.indexOf(model) * board.benchmarks.length + 0];
      assert.ok(se > 0);
      assert.ok(
        Math.abs(
          (100 * sd) / Math.sqrt(s.length) -
            Number(
              readTextFile(DATA("alpaca-eval", "alpaca_eval_gpt4_leaderboard.csv"))
                .split("\n")
                .find((l) => l.startsWith(`${model},`))
                ?.split(",")[2],
            ),
        ) < 1e-9,
        `${model} SE`,
      );
    }
    assert.match(t.notes.join("\n"), /61 rows without a score/);
    assert.ok(t.ignored.includes("judge_price_per_example_usd"), "the judge's cost is not the model's");
    assert.equal(t.extras?.cost, undefined);
  });

  it("the weighted 2.0 file repeats every instruction of two models: an error naming the rows, or combined by policy", () => {
    const file = DATA("alpaca-eval", "weighted_alpaca_eval_gpt4_turbo_per_instance.csv");
    throwsInput(
      () => readScoreTable(file, { keepItems: false }),
      /line 42657: a second result for model "vicuna-13b-v1.5", benchmark "helpful_base", item "fb5e4d4705fb"/,
      /--duplicates first\|best\|mean/,
    );
    const first = readScoreTable(file, { duplicates: "first", keepItems: false });
    assert.equal(first.models.length, 58);
    assert.match(first.notes.join("\n"), /--duplicates first: 1610 repeated \(model, benchmark, item\) rows: vicuna-13b-v1.5 \(805\), /);
    const mean = readScoreTable(file, { duplicates: "mean", keepItems: false });
    assert.equal(extra(mean, "count", "vicuna-13b-v1.5", "vicuna"), 80);
  });

  it("JSON Lines: the same rows give the same means", () => {
    const t = readScoreTable(FX("alpaca_eval_gpt4_sample.jsonl"));
    assert.equal(t.adapter, "per-item");
    assert.deepEqual(t.models, ["gpt4", "alpaca-7b", "claude-2"]);
    const lines = readTextFile(FX("alpaca_eval_gpt4_sample.jsonl"))
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { model: string; dataset: string; preference: number });
    const p = lines
      .filter((r) => r.model === "alpaca-7b" && r.dataset === "koala")
      .map((r) => (r.preference === 0 ? 0.5 : r.preference - 1));
    assert.ok(Math.abs(cell(t, "alpaca-7b", "koala") - p.reduce((a, x) => a + x, 0) / p.length) < 1e-12);
  });
});

describe("per-item shapes", () => {
  it("a JSON array of results with true/false flags, a CSV with True/False (as pandas writes them), and costs and tokens", () => {
    const json = JSON.stringify([
      { model: "a", task: "t1", item_id: "q1", correct: true, cost: 0.5, tokens: 10 },
      { model: "a", task: "t1", item_id: "q2", correct: false, cost: 0.25, tokens: 20 },
      { model: "b", task: "t1", item_id: "q1", correct: true, cost: 1, tokens: 5 },
      { model: "b", task: "t1", item_id: "q2", correct: true, cost: 1, tokens: 5 },
    ]);
    const t = scoreTableFromText(json, "results.json");
    assert.equal(t.adapter, "per-item");
    assert.deepEqual(Array.from(t.scores), [0.5, 1]);
    assert.deepEqual(Array.from(t.extras?.cost ?? []), [0.75, 2]);
    assert.deepEqual(Array.from(t.extras?.tokens ?? []), [30, 10]);
    const csv = scoreTableFromText("model,benchmark,doc_id,is_correct\na,x,1,True\na,x,2,False\nb,x,1,False\nb,x,2,False\n", "log.csv");
    assert.deepEqual(Array.from(csv.scores), [0.5, 0]);
    throwsInput(
      () => scoreTableFromText(json.replace("true", '"yes please"'), "results.json"),
      /element 1: score "yes please" is not a number/,
    );
  });
});

describe("SWE-bench Verified per instance (CC BY-NC: read from ../shared only)", { skip: NEEDS_SHARED }, () => {
  it("resolved flags and costs per instance; the source's own data error shows (Claude 3.7 Sonnet: 51/500, not 52.8 %)", () => {
    const t = readScoreTable(sharedData("swebench", "verified_per_instance.csv"), { benchmarkName: "SWE-bench Verified" });
    assert.equal(t.models.length, 25);
    assert.deepEqual(
      t.benchmarks.map((b) => b.name),
      ["SWE-bench Verified"],
    );
    assert.equal(cell(t, "Claude 3.7 Sonnet (20250219)", "SWE-bench Verified"), 0.102);
    assert.equal(extra(t, "count", "Claude 3.7 Sonnet (20250219)", "SWE-bench Verified"), 500);
    assert.ok(t.extras?.cost && Array.from(t.extras.cost).every((c) => c > 0));
    assert.ok(t.ignored.includes("api_calls") && t.ignored.includes("folder"));
  });
});

describe("the streaming CSV splitter", () => {
  const field = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('a"b', "x,y", "l1\nl2", '""', "", " s ", "c\r\nd"));
  const quote = (s: string) => (/[",\n\r]/.test(s) || s === "" ? `"${s.replace(/"/g, '""')}"` : s);

  it("splits exactly as csv-parse does, whatever the chunk boundaries", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(field, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.nat(40), { maxLength: 5 }),
        (rows, cuts) => {
          const text = `${rows.map((r) => r.map(quote).join(",")).join("\r\n")}\r\n`;
          const expected = (parse(text, { relax_column_count: true }) as string[][]).filter((r) => !(r.length === 1 && r[0] === ""));
          const got: string[][] = [];
          const s = new CsvSplitter("t.csv", ",", (f) => got.push(f));
          let at = 0;
          for (const c of [...cuts].sort((a, b) => a - b)) {
            s.push(text.slice(at, Math.max(at, c)));
            at = Math.max(at, c);
          }
          s.push(text.slice(at));
          s.end();
          assert.deepEqual(got, expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("reports the line of a quote in the middle of a field or a quote never closed", () => {
    const run = (text: string) => {
      const s = new CsvSplitter("t.csv", ",", () => undefined);
      s.push(text);
      s.end();
    };
    throwsInput(() => run('a,b\nc,d"e\n'), /near line 2: a quote inside an unquoted field/);
    throwsInput(() => run('a,b\nc,"d\ne,f\n'), /near line 2: a quoted field is never closed/);
    throwsInput(() => run("a,b\n\uFEFFc,d\n"), /near line 2: a byte-order mark inside the file/);
  });
});
