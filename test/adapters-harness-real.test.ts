/** Real lm-evaluation-harness output (the Pythia suite, harness 0.3; the harness's own 0.4 regression files), read by content. */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { readScoreTable } from "../src/table/read.js";
import type { ScoreTable } from "../src/table/types.js";
import { NEEDS_SHARED, sharedData, testData } from "./helpers.js";

const PYTHIA = testData("harness", "pythia-v1");
const REGRESSION = testData("harness", "lm-eval-regression");

function cell(t: ScoreTable, model: string, bench: string): number {
  const m = t.models.indexOf(model);
  const b = t.benchmarks.findIndex((x) => x.name === bench);
  assert.ok(m >= 0 && b >= 0, `${model} / ${bench}`);
  return t.scores[m * t.benchmarks.length + b];
}

describe("lm-evaluation-harness 0.3 (Pythia): a folder of files whatever their names", () => {
  it("each checkpoint is a model of its own (name@revision), crows_pairs is not a benchmark, lambada is ranked on acc", () => {
    const t = readScoreTable(join(PYTHIA, "pythia-160m", "zero-shot"));
    assert.equal(t.adapter, "harness");
    assert.deepEqual(t.models, [
      "EleutherAI/pythia-v1.1-160m@step1000",
      "EleutherAI/pythia-v1.1-160m@step143000",
      "EleutherAI/pythia-v1.1-160m@step73000",
    ]);
    const names = t.benchmarks.map((b) => b.name);
    assert.equal(names.length, 65);
    assert.ok(!names.some((n) => n.startsWith("crows_pairs")));
    assert.ok(t.ignored.includes("crows_pairs_english"));
    const notes = t.notes.join("\n");
    assert.match(notes, /tasks without a score metric left out: .*crows_pairs_english \(likelihood_difference, pct_stereotype\)/);
    assert.match(notes, /models at several checkpoints are kept apart as name@revision: EleutherAI\/pythia-v1.1-160m \(3\)/);
    assert.match(notes, /lambada_openai acc[;)]/);
    const raw = JSON.parse(readFileSync(join(PYTHIA, "pythia-160m", "zero-shot", "160m_step143000.json"), "utf8")) as {
      results: Record<string, Record<string, number>>;
    };
    assert.equal(cell(t, "EleutherAI/pythia-v1.1-160m@step143000", "lambada_openai"), raw.results.lambada_openai.acc);
    assert.equal(cell(t, "EleutherAI/pythia-v1.1-160m@step143000", "arc_easy"), raw.results.arc_easy.acc_norm);
    assert.equal(t.benchmarks.find((b) => b.name === "lambada_openai")?.lowerIsBetter, false);
  });

  it("--metric ranks a non-score or lower-is-better metric when asked: crows_pairs' pct_stereotype, lambada's ppl", () => {
    const t = readScoreTable(join(PYTHIA, "pythia-410m", "zero-shot"), {
      metric: ["crows_pairs_english=pct_stereotype", "lambada_openai=ppl"],
    });
    assert.ok(t.benchmarks.some((b) => b.name === "crows_pairs_english"));
    assert.equal(t.benchmarks.find((b) => b.name === "lambada_openai")?.lowerIsBetter, true);
  });

  it("zero- and five-shot runs of one task are one benchmark per count; two models, checkpoints kept apart", () => {
    const t = readScoreTable(PYTHIA);
    assert.equal(t.models.length, 6);
    const names = t.benchmarks.map((b) => b.name);
    assert.ok(names.includes("arc_easy (0-shot)") && names.includes("arc_easy (5-shot)"), names.slice(0, 8).join(", "));
    assert.match(t.notes.join("\n"), /tasks run with different few-shot counts are one benchmark per count/);
  });

  it("a glob picks files across folders: the final checkpoint of each model, zero-shot", () => {
    const t = readScoreTable(join(PYTHIA, "*", "zero-shot", "*_step143000.json"));
    assert.deepEqual(t.models, ["EleutherAI/pythia-v1.1-160m", "EleutherAI/pythia-v1.1-410m"]);
    assert.match(t.notes.join("\n"), /read by the harness adapter \(2 results files\)/);
  });

  it("JSON files that are not results are left out with a note; a folder of none is an error", () => {
    const dir = mkdtempSync(join(tmpdir(), "swissround-harness-"));
    for (const f of ["a.json", "b.json"])
      writeFileSync(
        join(dir, f),
        readFileSync(join(PYTHIA, "pythia-160m", "zero-shot", f === "a.json" ? "160m_step1000.json" : "160m_step73000.json")),
      );
    writeFileSync(join(dir, "notes.json"), '{"comment": "not results"}');
    const t = readScoreTable(dir);
    assert.equal(t.models.length, 2);
    assert.match(t.notes.join("\n"), /JSON files that are not harness results, left out: .*notes\.json/);
    const empty = mkdtempSync(join(tmpdir(), "swissround-harness-none-"));
    writeFileSync(join(empty, "x.json"), "{}");
    assert.throws(() => readScoreTable(empty), /no lm-evaluation-harness results files .* among its 1 JSON files/);
  });
});

describe("lm-evaluation-harness 0.4 (the harness's regression outputs)", () => {
  it("no model in the files: names from the file names; higher_is_better marks perplexities; N/A standard errors unknown", () => {
    const t = readScoreTable(REGRESSION, { missing: "lose" });
    assert.deepEqual(t.models, ["cpu_group_regression_expected", "cpu_regression_expected"]);
    const notes = t.notes.join("\n");
    assert.match(notes, /model names from the file name \(the file names no model\)/);
    assert.match(notes, /lower is better \(from the harness's higher_is_better\): wikitext/);
    assert.match(notes, /standard errors are "N\/A"|"N\/A" in the files/);
    assert.equal(t.benchmarks.find((b) => b.name === "wikitext")?.lowerIsBetter, true);
    assert.equal(cell(t, "cpu_regression_expected", "arc_easy"), 0.1);
  });
});

describe("the whole Pythia suite (701 files, ../shared only)", { skip: NEEDS_SHARED }, () => {
  it("every model at every checkpoint, zero- and five-shot apart", () => {
    const t = readScoreTable(sharedData("harness", "pythia-v1"), { missing: "lose" });
    assert.equal(t.models.length, 461);
    assert.equal(t.benchmarks.length, 130);
    assert.ok(t.models.includes("EleutherAI/pythia-v1.1-12b-deduped@step143000"));
  });
});
