/** lm-evaluation-harness results (test/fixtures/adapters/harness: the harness's output layout and format). */
import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, it } from "node:test";
import { finishTable, readRaw, scoreTableFromText } from "../src/table/load.js";
import { readScoreTable, readTextFile } from "../src/table/read.js";
import type { ScoreTable } from "../src/table/types.js";
import { ROOT, throwsInput } from "./helpers.js";

const DIR = join(ROOT, "test", "fixtures", "adapters", "harness");
const P160 = join(DIR, "EleutherAI__pythia-160m", "results_2024-05-01T10-00-00.000000.json");
const P410 = join(DIR, "EleutherAI__pythia-410m", "results_2024-05-01T11-00-00.000000.json");

function at(t: ScoreTable, model: string, bench: string, arr: Float64Array = t.scores): number {
  return arr[t.models.indexOf(model) * t.benchmarks.length + t.benchmarks.findIndex((b) => b.name === bench)];
}

describe("lm-evaluation-harness results", () => {
  it("a directory of results files, one model each: picked automatically, runs of one model merged", () => {
    const t = readScoreTable(DIR);
    assert.equal(t.adapter, "harness");
    assert.deepEqual(t.models, ["EleutherAI/pythia-160m", "EleutherAI/pythia-410m"]);
    assert.deepEqual(
      t.benchmarks.map((b) => b.name),
      ["arc_easy", "hellaswag", "gsm8k", "mmlu", "lambada_openai"],
    );
    assert.equal(at(t, "EleutherAI/pythia-410m", "lambada_openai"), 0.5168, "from the second run of pythia-410m");
    assert.match(t.notes.join("\n"), /files of one model with different tasks merged: EleutherAI\/pythia-410m/);
    assert.match(t.notes.join("\n"), /2 subtasks folded into their groups/);
  });

  it("the default metric order (acc_norm, acc, exact_match, ...) and the strict-match filter first; stderr and sample counts kept", () => {
    const t = readScoreTable(P160);
    assert.equal(t.adapter, "harness");
    assert.equal(at(t, "EleutherAI/pythia-160m", "arc_easy"), 0.3952, "acc_norm before acc");
    assert.equal(at(t, "EleutherAI/pythia-160m", "gsm8k"), 0.0083, "exact_match,strict-match");
    const se = t.extras?.stderr as Float64Array;
    assert.equal(at(t, "EleutherAI/pythia-160m", "arc_easy", se), 0.0102);
    assert.ok(Number.isNaN(at(t, "EleutherAI/pythia-160m", "hellaswag", se)), '"N/A" is an unknown standard error');
    assert.equal(at(t, "EleutherAI/pythia-160m", "arc_easy", t.extras?.count as Float64Array), 2376);
    assert.match(t.notes.join("\n"), /metrics: arc_easy acc_norm,none; hellaswag acc_norm,none; gsm8k exact_match,strict-match/);
  });

  it("--metric: a metric order, a filter, a task's own metric; lower-is-better from the harness's higher_is_better", () => {
    const t = readScoreTable(DIR, { metric: ["acc", "gsm8k=exact_match:flexible-extract", "lambada_openai=perplexity"] });
    assert.equal(at(t, "EleutherAI/pythia-160m", "arc_easy"), 0.4364);
    assert.equal(at(t, "EleutherAI/pythia-160m", "gsm8k"), 0.0197);
    assert.equal(at(t, "EleutherAI/pythia-410m", "lambada_openai"), 10.84);
    assert.deepEqual(
      t.benchmarks.filter((b) => b.lowerIsBetter).map((b) => b.name),
      ["lambada_openai"],
    );
    throwsInput(() => readScoreTable(DIR, { metric: ["gsm8k=bleu"] }), /--metric gsm8k=bleu: not reported for task "gsm8k"/);
    throwsInput(() => readScoreTable(DIR, { metric: ["nosuch=acc"] }), /no task "nosuch"/);
  });

  it("--harness-tasks all keeps the subtasks", () => {
    const t = readScoreTable(DIR, { harnessTasks: "all" });
    assert.ok(t.benchmarks.some((b) => b.name === "mmlu_anatomy"));
  });

  it("two runs of the same task for one model are duplicates (--duplicates)", () => {
    const text = readTextFile(P410);
    const sources = [
      { file: "a/results_1.json", text },
      { file: "b/results_2.json", text: text.replace("0.5198", "0.53").replace('"date": 1714561200.0', '"date": 1714647600.0') },
    ];
    throwsInput(
      () => finishTable(readRaw(sources, { from: "harness" })),
      /duplicate model names/,
      /"EleutherAI\/pythia-410m" at a\/results_1\.json, b\/results_2\.json/,
    );
    const suffix = finishTable(readRaw(sources, { from: "harness" }), { duplicates: "suffix" });
    assert.equal(suffix.models.length, 2);
    assert.deepEqual(suffix.models, ["EleutherAI/pythia-410m (2024-05-01T11:00:00)", "EleutherAI/pythia-410m (2024-05-02T11:00:00)"]);
  });

  it("the older v0.3 format (plain metric keys) and model names from config.model_args", () => {
    // tests/testdata/arc_easy-v0-res.json of EleutherAI/lm-evaluation-harness (MIT), with a config added as v0.3 wrote it.
    const v03 =
      '{"results": {"arc_easy": {"acc": 0.2474747474747475, "acc_norm": 0.24074074074074073, "acc_norm_stderr": 0.008772796145221907, "acc_stderr": 0.008855114414834707}}, "versions": {"arc_easy": 0}, ' +
      '"config": {"model": "hf-causal", "model_args": "pretrained=EleutherAI/gpt-neo-125M,revision=main"}}';
    const t = scoreTableFromText(v03, "results.json");
    assert.equal(t.adapter, "harness");
    assert.deepEqual(t.models, ["EleutherAI/gpt-neo-125M"]);
    assert.equal(t.scores[0], 0.24074074074074073);
    assert.equal(t.extras?.stderr?.[0], 0.008772796145221907);
  });

  it("a results file cut short is a located error", () => {
    throwsInput(
      () => readScoreTable(join(ROOT, "test", "fixtures", "adapters", "bad", "truncated-results.json")),
      /malformed JSON at line 2, column \d+/,
      /truncated/,
    );
    throwsInput(
      () => scoreTableFromText('{"results": {"x": {}}}', "results.json", { from: "harness" }),
      /not an lm-evaluation-harness results file/,
    );
  });
});
