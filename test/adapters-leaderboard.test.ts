/** Leaderboard exports and long tables: aggregates, metadata and statistics columns, duplicates, scales. */
import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, it } from "node:test";
import fc from "fast-check";
import { scoreTableFromText } from "../src/table/load.js";
import { readScoreTable, readTextFile } from "../src/table/read.js";
import { scaleWarnings } from "../src/table/scales.js";
import { NEEDS_SHARED, ROOT, sharedData, testData, throwsInput } from "./helpers.js";

const LB = (name: string) => testData("leaderboards", name);
const BB = (name: string) => testData("benchbench", "benchmarks_old", name);
const OLLM2 = LB("open_llm_leaderboard_v2_2024-08-29.csv");

describe("leaderboard exports: the leaderboard's own aggregate columns", () => {
  it("detected by name, kept as columns (so they can be named), reported and left out of default plans", () => {
    const cases: [string, string, RegExp][] = [
      [join(ROOT, "data", "opencompass_2024-08-29.csv"), "opencompass", /the first column, without the prefix "OC_" of the others/],
      [LB("livebench_2024-08-29.csv"), "livebench_240725", /the row mean of the other 6 columns/],
      [LB("helm_lite_2024-06-10_long.csv"), "helm_lite_mwr", /mean win rate/],
      [
        BB("helm_classic_240829.csv"),
        "helm_classic",
        /the first column, without the prefix "HELM_" of the others, ordering the models as their mean does/,
      ],
    ];
    for (const [file, name, reason] of cases) {
      const t = readScoreTable(file);
      assert.deepEqual(
        t.aggregates?.map((a) => a.name),
        [name],
        file,
      );
      assert.match(t.aggregates?.[0].reason ?? "", reason);
      assert.ok(t.benchmarks.some((b) => b.name === name));
      assert.ok(t.notes.some((n) => n.includes("aggregate columns") && n.includes(name)));
    }
  });

  it("detected by value: the row mean of the other columns on its scale (Open LLM v2, with its 0-1 BBH Raw column set apart)", () => {
    const t = readScoreTable(OLLM2, { duplicates: "first" });
    assert.deepEqual(
      t.aggregates?.map((a) => a.name),
      ["hf_open_llm_v2"],
    );
    assert.match(t.aggregates?.[0].reason ?? "", /row mean of the other 6 columns/);
    const trust = readScoreTable(BB("llm_trustworthy_241001_safety.csv"));
    assert.deepEqual(
      trust.aggregates?.map((a) => a.name),
      ["trustworthy_average"],
    );
  });

  it("detected by value: HELM's mean win rate, even under another name", () => {
    const text = readTextFile(BB("helm_lite_240829.csv")).replace("model,helm_lite,", "model,hidden,");
    const t = scoreTableFromText(text, "renamed.csv");
    assert.deepEqual(
      t.aggregates?.map((a) => a.name),
      ["hidden"],
    );
    assert.match(t.aggregates?.[0].reason ?? "", /mean win rate over the other 10 columns/);
  });

  it("no false alarm on plain benchmark tables (MMLU-Pro categories)", () => {
    assert.equal(readScoreTable(testData("mmlu-pro", "mmlu_pro_category_accuracy.csv")).aggregates, undefined);
  });

  it("no false alarm on LiveBench's own per-task table", { skip: NEEDS_SHARED }, () => {
    assert.equal(readScoreTable(sharedData("livebench", "table_2025_12_23.csv")).aggregates, undefined);
  });

  it("--aggregates names them (WildBench's weighted WB-Score is not an exact mean) or turns detection off", () => {
    const wb = readScoreTable(BB("wildbench_240829.csv"), { aggregates: ["WB-Score"] });
    assert.deepEqual(wb.aggregates, [{ name: "WB-Score", reason: "named by --aggregates" }]);
    assert.equal(readScoreTable(join(ROOT, "data", "opencompass_2024-08-29.csv"), { aggregates: "none" }).aggregates, undefined);
    throwsInput(
      () => readScoreTable(BB("wildbench_240829.csv"), { aggregates: ["Overall"] }),
      /--aggregates: "Overall" not a benchmark column/,
    );
  });
});

describe("leaderboard exports: metadata and statistics columns", () => {
  it("AlpacaEval's leaderboard: the unnamed index column holds the models; standard errors, counts and lengths are not benchmarks", () => {
    const t = readScoreTable(testData("alpaca-eval", "weighted_alpaca_eval_gpt4_turbo_leaderboard.csv"));
    assert.equal(t.models.length, 223);
    assert.equal(t.models[0], "NullModel");
    assert.deepEqual(
      t.benchmarks.map((b) => b.name),
      ["win_rate", "discrete_win_rate", "length_controlled_winrate"],
    );
    for (const c of ["standard_error", "n_wins", "n_total", "avg_length", "lc_standard_error", "mode"]) assert.ok(t.ignored.includes(c), c);
    assert.ok(t.notes.some((n) => /standard_error \(a standard error or interval\)/.test(n)));
  });

  it("AlpacaEval's standard_error and lc_standard_error are the standard errors of win_rate and length_controlled_winrate", async () => {
    const file = testData("alpaca-eval", "weighted_alpaca_eval_gpt4_turbo_leaderboard.csv");
    const t = readScoreTable(file);
    assert.match(
      t.notes.join("\n"),
      /standard errors beside the scores: standard_error for win_rate, lc_standard_error for length_controlled_winrate/,
    );
    const se = t.extras?.stderr;
    assert.ok(se);
    const B = t.benchmarks.length;
    // NullModel's row: 76.92 +- 0.909 (win rate), 86.46 +- 0.1418 (length-controlled); discrete_win_rate has none.
    assert.equal(se[0 * B + 0], 0.9090102449662572);
    assert.equal(se[0 * B + 2], 0.14180005113427935);
    assert.ok(Number.isNaN(se[0 * B + 1]));
    // --bootstrap now has something to resample (it said the file had no standard errors).
    const { runRanking } = await import("../src/run/ranking.js");
    const r = await runRanking(t, { runs: 200, T: 0, bootstrap: 5, threads: 1 });
    assert.ok(r.uncertainty && r.uncertainty.settings[0].models.length === 223);
    // A column named after its benchmark pairs with it wherever it stands.
    const named = scoreTableFromText("model,MMLU,GSM8K,MMLU_stderr\na,70,50,1.5\nb,60,55,1.2\n", "x.csv");
    assert.deepEqual(Array.from(named.extras?.stderr ?? []), [1.5, Number.NaN, 1.2, Number.NaN]);
  });
});

describe("identifier columns (mostly distinct text, a few values all digits)", () => {
  it("aider's run table: commit_hash is metadata, with a note naming its number-like values; the pass rates are read", () => {
    const file = testData("aider", "derived_edit_leaderboard.csv");
    const t = readScoreTable(file, { benchmarks: ["pass_rate_1", "pass_rate_2"] });
    assert.equal(t.models.length, 98);
    assert.deepEqual(
      t.benchmarks.map((b) => b.name),
      ["pass_rate_1", "pass_rate_2"],
    );
    assert.ok(t.ignored.includes("commit_hash"));
    assert.ok(
      t.notes.some((n) => /column "commit_hash": 95 of 98 values are text .*its 3 number-like values \(such as "5493654"\)/.test(n)),
      t.notes.join("\n"),
    );
  });

  it("a score column with a repeated placeholder for its gaps, intervals written in, or a few typos, is still an error", () => {
    const placeholder = ["model,MMLU,GPQA", "a,70,—", "b,71,—", "c,72,—", "d,73,41.5", "e,74,—"].join("\n");
    throwsInput(
      () => scoreTableFromText(placeholder, "gaps.csv"),
      /gaps\.csv: invalid scores/,
      /line 2, column "GPQA": "—" is not a number/,
    );
    const withIntervals = ["model,MMLU,GPQA", "a,70,40.1 ± 1.2", "b,71,41", "c,72,39.9 ± 1.1", "d,73,41.5 (0.9)"].join("\n");
    throwsInput(() => scoreTableFromText(withIntervals, "ci.csv"), /line 2, column "GPQA": "40\.1 ± 1\.2" is not a number/);
    const typos = ["model,MMLU,GPQA", "a,70,40", "b,71,4O.2", "c,72,39.9", "d,73,41.5"].join("\n");
    throwsInput(() => scoreTableFromText(typos, "typos.csv"), /line 3, column "GPQA": "4O\.2" is not a number/);
  });
});

describe("percentages and empty columns", () => {
  it("a benchmark written all in percentages is read without the % sign, with a note; a mix is an error", () => {
    const wide = ["model,MMLU,GPQA", "a,70.5%,40", "b,71 %,", "c,,39.9"].join("\n");
    const t = scoreTableFromText(wide, "pct.csv");
    assert.deepEqual(Array.from(t.scores), [70.5, 40, 71, Number.NaN, Number.NaN, 39.9]);
    assert.ok(t.notes.some((n) => n === "percentages read as numbers from 0 to 100 (the % sign dropped): MMLU"));
    // One row per benchmark: the row is the benchmark.
    const rowsWide = ["benchmark,a,b", "MMLU,70.5%,71%", "GPQA,40,41"].join("\n");
    const r = scoreTableFromText(rowsWide, "pct-rows.csv");
    assert.deepEqual(Array.from(r.scores), [70.5, 40, 71, 41]);
    // Long tables: per benchmark.
    const long = ["model,benchmark,score", "a,MMLU,70.5%", "b,MMLU,71%", "a,GPQA,40", "b,GPQA,41"].join("\n");
    const l = scoreTableFromText(long, "pct-long.csv");
    assert.deepEqual(Array.from(l.scores), [70.5, 40, 71, 41]);
    assert.ok(l.notes.some((n) => n === "percentages read as numbers from 0 to 100 (the % sign dropped): MMLU"));
    throwsInput(
      () => scoreTableFromText(`${long}\nc,GPQA,39%\nc,MMLU,69%`, "mixed-long.csv"),
      /line 6, column "score": "39%" is a percentage among plain numbers/,
    );
    const mixed = ["model,MMLU,GPQA", "a,70.5%,40", "b,0.71,41"].join("\n");
    throwsInput(
      () => scoreTableFromText(mixed, "mixed.csv"),
      /line 2, column "MMLU": "70\.5%" is a percentage among plain numbers \(write every value of a benchmark the same way\)/,
    );
  });

  it("Epoch's ARC (AI2) table: 50.3% reads as 50.3, and its empty Notes column is not a benchmark", () => {
    const file = testData("epoch-stitching", "external_benchmark_arc_ai2.csv");
    const t = readScoreTable(file, { duplicates: "first" });
    assert.deepEqual(
      t.benchmarks.map((b) => b.name),
      ["Challenge score", "Easy score"],
    );
    assert.equal(t.models[0], "Yi 6b");
    assert.equal(t.scores[0], 50.3);
    assert.ok(t.ignored.includes("Notes"));
    assert.ok(t.notes.includes('column "Notes" has no values: not a benchmark'));
    assert.ok(t.notes.some((n) => /percentages read as numbers .*: Challenge score, Easy score/.test(n)));
    // Naming a column read as not scores says so, and where to see why.
    throwsInput(
      () => readScoreTable(file, { duplicates: "first", benchmarks: ["Notes"] }),
      /--benchmarks: "Notes" is not a benchmark of .*; column "Notes" is not read as scores \(no values, text, or a statistic by its name: `swissround inspect .*` says which\)/,
    );
  });
});

describe("Epoch AI's benchmark tables: one row per model with a record id", () => {
  it("ANLI: read as a leaderboard (not per-item), Shots is a few-shot count, empty columns and percentages noted", () => {
    const file = testData("epoch-stitching", "external_benchmark_anli.csv");
    const t = readScoreTable(file, { duplicates: "first" });
    assert.equal(t.adapter, "leaderboard");
    assert.deepEqual(
      t.benchmarks.map((b) => b.name),
      ["Score"],
    );
    assert.equal(t.models.length, 15);
    assert.equal(t.scores[t.models.indexOf("Phi-3-mini 3.8b")], 52.8);
    for (const c of ["id", "Shots", "R1", "Notes", "Source"]) assert.ok(t.ignored.includes(c), c);
    assert.ok(t.notes.some((n) => n.includes("Shots (a few-shot count)")));
    // --from per-item still reads it as per-item (its percentages are then not per-item scores).
    throwsInput(() => readScoreTable(file, { from: "per-item" }), /invalid per-item rows/, /"52\.8%" is not a number/);
  });

  it("SWE-bench's leaderboard rows: instance_calls is a count and the empty warning column is not a benchmark", {
    skip: NEEDS_SHARED,
  }, () => {
    const t = readScoreTable(sharedData("swebench", "leaderboard_rows.csv"), { duplicates: "first" });
    assert.deepEqual(
      t.benchmarks.map((b) => b.name),
      ["resolved_pct"],
    );
    assert.ok(t.notes.some((n) => n.includes("instance_calls (a count)")));
    assert.ok(t.notes.includes('column "warning" has no values: not a benchmark'));
  });

  it("METR: the model column is found as 'Model version'; CI_high and CI_low are an interval, not benchmarks", () => {
    const t = readScoreTable(testData("epoch-stitching", "external_benchmark_metr.csv"), { duplicates: "first" });
    assert.deepEqual(
      t.benchmarks.map((b) => b.name),
      ["Time horizon", "average_score"],
    );
    assert.ok(t.notes.some((n) => n.includes('layout models-rows (column "Model version")')));
    assert.ok(t.notes.some((n) => /CI_high \(a standard error or interval\), CI_low \(a standard error or interval\)/.test(n)));
  });

  it("--columns model=COL or benchmark=COL names the key column of a wide table; other roles are for long files", () => {
    const wide = ["org,Display name,Handle,MMLU,GPQA", "o1,Alpha,a-1,70,40", "o2,Beta,b-2,71,41"].join("\n");
    const t = scoreTableFromText(wide, "wide.csv", { columns: { model: "Handle" } });
    assert.deepEqual(t.models, ["a-1", "b-2"]);
    assert.deepEqual(
      t.benchmarks.map((b) => b.name),
      ["MMLU", "GPQA"],
    );
    assert.ok(t.notes.includes("layout models-rows (--columns model=Handle)"));
    const byBench = ["Suite,Task,a,b", "x,MMLU,70,71", "y,GPQA,40,41"].join("\n");
    const b = scoreTableFromText(byBench, "rows.csv", { columns: { benchmark: "Task" } });
    assert.deepEqual(b.models, ["a", "b"]);
    throwsInput(
      () => scoreTableFromText(wide, "wide.csv", { columns: { model: "Nope" } }),
      /--columns model=Nope: wide\.csv has no column "Nope"/,
    );
    throwsInput(
      () => scoreTableFromText(wide, "wide.csv", { columns: { model: "Handle", score: "MMLU" } }),
      /--columns: a table with one row per model \(or per benchmark\) takes model=COLUMN or benchmark=COLUMN alone/,
    );
    // A long table whose columns no name gives away: --columns names all three.
    const long = ["who,what,how much", "a,MMLU,70", "b,MMLU,71", "a,GPQA,40", "b,GPQA,41"].join("\n");
    const l = scoreTableFromText(long, "long.csv", { columns: { model: "who", benchmark: "what", score: "how much" } });
    assert.deepEqual(Array.from(l.scores), [70, 40, 71, 41]);
  });

  it("per-item files still read as per-item, sorted by item or by model", () => {
    const byItem = ["item_id,model,score", "q1,a,1", "q1,b,0", "q1,c,1", "q2,a,0", "q2,b,1", "q2,c,1"].join("\n");
    const byModel = ["id,model,score", "q1,a,1", "q2,a,0", "q3,a,1", "q1,b,0", "q2,b,1", "q3,b,1"].join("\n");
    for (const [name, text] of [
      ["by-item.csv", byItem],
      ["by-model.csv", byModel],
    ]) {
      const t = scoreTableFromText(text, name, { benchmarkName: "B" });
      assert.equal(t.adapter, "per-item", name);
    }
  });
});

describe("--unnamed: rows without a name", () => {
  it("an error by default; left out with a note under --unnamed drop (wide and long tables)", () => {
    const wide = ["model,MMLU,GPQA", "a,70,40", ",71,41", "b,72,42"].join("\n");
    throwsInput(
      () => scoreTableFromText(wide, "w.csv"),
      /rows without a name in column "model" \(or leave them out with --unnamed drop\):\n {2}- line 3/,
    );
    const w = scoreTableFromText(wide, "w.csv", { unnamed: "drop" });
    assert.deepEqual(w.models, ["a", "b"]);
    assert.deepEqual(Array.from(w.scores), [70, 40, 72, 42]);
    assert.ok(w.notes.includes('1 row without a name in column "model" left out (--unnamed drop): line 3'));
    const long = ["model,benchmark,score", "a,MMLU,70", ",MMLU,71", "b,,40", "b,MMLU,72"].join("\n");
    throwsInput(
      () => scoreTableFromText(long, "l.csv"),
      /line 3: empty "model" \(or leave such rows out with --unnamed drop\)/,
      /line 4: empty "benchmark"/,
    );
    const l = scoreTableFromText(long, "l.csv", { unnamed: "drop" });
    assert.deepEqual(l.models, ["a", "b"]);
    assert.ok(l.notes.includes('2 rows without a name in column "model" or "benchmark" left out (--unnamed drop): line 3, line 4'));
  });

  it("Epoch's GSM8K table: four unnamed rows, left out on request", () => {
    const file = testData("epoch-stitching", "external_benchmark_gsm8k.csv");
    throwsInput(() => readScoreTable(file), /rows without a name in column "Name"/);
    const t = readScoreTable(file, { unnamed: "drop", duplicates: "first" });
    assert.ok(t.notes.includes('4 rows without a name in column "Name" left out (--unnamed drop): line 71, line 72, line 74, line 75'));
  });

  it("--unnamed is for wide and long tables", () => {
    const perItem = ["item_id,model,score", "q1,a,1", "q1,b,0", "q2,a,1", "q2,b,1"].join("\n");
    throwsInput(
      () => scoreTableFromText(perItem, "p.csv", { unnamed: "drop", benchmarkName: "B" }),
      /--unnamed applies to leaderboard, long files; p\.csv was read by the per-item adapter/,
    );
  });
});

describe("the reading rules never take a score column away", () => {
  it("property: random score tables, plain or all in percentages, with gaps, read back every column and value", () => {
    const value = fc.option(
      fc.integer({ min: -100_000, max: 100_000 }).map((n) => n / 100),
      { nil: undefined, freq: 5 },
    );
    const table = fc
      .tuple(fc.integer({ min: 2, max: 7 }), fc.integer({ min: 1, max: 5 }))
      .chain(([m, b]) =>
        fc.tuple(
          fc.array(fc.array(value, { minLength: m, maxLength: m }), { minLength: b, maxLength: b }),
          fc.array(fc.boolean(), { minLength: b, maxLength: b }),
        ),
      )
      // Every column has a score (a column with none is not a benchmark, by design).
      .filter(([cols]) => cols.every((c) => c.some((v) => v !== undefined)));
    fc.assert(
      fc.property(table, ([cols, inPercent]) => {
        const m = cols[0].length;
        const header = ["model", ...cols.map((_, j) => `bench ${j}`)].join(",");
        const rows = Array.from({ length: m }, (_, i) =>
          [`model ${i}`, ...cols.map((c, j) => (c[i] === undefined ? "" : `${c[i]}${inPercent[j] ? "%" : ""}`))].join(","),
        );
        const t = scoreTableFromText([header, ...rows].join("\n"), "random.csv");
        assert.deepEqual(
          t.benchmarks.map((x) => x.name),
          cols.map((_, j) => `bench ${j}`),
        );
        for (let i = 0; i < m; i++) {
          for (let j = 0; j < cols.length; j++) {
            const got = t.scores[i * cols.length + j];
            const want = cols[j][i];
            if (want === undefined) assert.ok(Number.isNaN(got));
            else assert.equal(got, want);
          }
        }
      }),
      { numRuns: 200, seed: 7 },
    );
  });
});

describe("duplicate model names: --duplicates", () => {
  it("error (default) names each of the eight duplicates of the Open LLM Leaderboard v2 with its rows", () => {
    throwsInput(
      () => readScoreTable(OLLM2),
      /duplicate model names .*8 names/,
      /"microsoft\/Phi-3-mini-4k-instruct" at line 43, line 51/,
      /"gpt2" at line 293, line 307/,
      /"openai-community\/gpt2" at line 294, line 300/,
    );
  });

  it("first, best, mean and suffix each say what they did", () => {
    const first = readScoreTable(OLLM2, { duplicates: "first" });
    assert.equal(first.models.length, 340);
    const phi = (t: typeof first) =>
      first.benchmarks.findIndex((b) => b.name === "HFV2_IFEval") +
      t.models.indexOf("microsoft/Phi-3-mini-4k-instruct") * t.benchmarks.length;
    assert.equal(first.scores[phi(first)], 54.77); // line 43
    assert.equal(first.duplicates?.groups.length, 8);
    assert.match(
      first.notes.join("\n"),
      /--duplicates first: 8 duplicate model names: "microsoft\/Phi-3-mini-4k-instruct" \(line 43, line 51\): kept line 43/,
    );
    const mean = readScoreTable(OLLM2, { duplicates: "mean" });
    assert.ok(Math.abs(mean.scores[phi(mean)] - (56.13 + 54.77) / 2) < 1e-9);
    const best = readScoreTable(OLLM2, { duplicates: "best" });
    assert.match(best.notes.join("\n"), /kept line \d+ \(highest mean standardised score\)/);
    const suffix = readScoreTable(OLLM2, { duplicates: "suffix" });
    assert.equal(suffix.models.length, 348);
    assert.ok(suffix.models.includes("gpt2 #1") && suffix.models.includes("gpt2 #2"));
  });

  it("long tables: a second score for a (model, benchmark) pair is a duplicate; suffix does not apply", () => {
    const text = "model,benchmark,score\na,MMLU,70\na,MMLU,72\nb,MMLU,60\na,GPQA,40\nb,GPQA,45\n";
    throwsInput(() => scoreTableFromText(text, "long.csv"), /line 3: a second score for model "a" on "MMLU" \(first at line 2\)/);
    assert.equal(scoreTableFromText(text, "long.csv", { duplicates: "first" }).scores[0], 70);
    assert.equal(scoreTableFromText(text, "long.csv", { duplicates: "best" }).scores[0], 72);
    assert.equal(scoreTableFromText(text, "long.csv", { duplicates: "mean" }).scores[0], 71);
    throwsInput(() => scoreTableFromText(text, "long.csv", { duplicates: "suffix" }), /--duplicates suffix: .*long table/);
  });

  it("Epoch AI's sparse long table: 269 repeated (model, benchmark) pairs, read with --columns", () => {
    const file = testData("epoch-stitching", "derived_long_scores.csv");
    const opts = { from: "long" as const, columns: { model: "model_version", score: "score_fraction" } };
    throwsInput(() => readScoreTable(file, opts), /a second score for model/);
    const t = readScoreTable(file, { ...opts, duplicates: "best" });
    assert.equal(t.benchmarks.length, 42);
    assert.equal(t.models.length, 469);
    assert.match(t.notes.join("\n"), /--duplicates best: \d+ models with repeated scores/);
  });

  it("without options, Epoch's table is recognised as long and the error gives the --columns line that reads it", () => {
    const file = testData("epoch-stitching", "derived_long_scores.csv");
    let suggestion = "";
    throwsInput(
      () => readScoreTable(file),
      /a long table \(columns "model_version" and "benchmark"\) with several score columns \(score_raw, score_fraction\)/,
    );
    try {
      readScoreTable(file);
    } catch (e) {
      suggestion = /--columns (model=model_version,benchmark=benchmark,score=score_fraction)/.exec((e as Error).message)?.[1] ?? "";
    }
    const columns = Object.fromEntries(suggestion.split(",").map((kv) => kv.split("="))) as Record<string, string>;
    const t = readScoreTable(file, { columns, duplicates: "best" });
    assert.equal(t.adapter, "long");
    assert.equal(t.models.length, 469);
    // One score_* column needs no option at all; detection never looks at the file name.
    const one = "benchmark,model_version,score_fraction\nGPQA,a,0.5\nGPQA,b,0.4\nMMLU,a,0.7\nMMLU,b,0.8\n";
    for (const name of ["derived_long_scores.csv", "x.csv"]) {
      const u = scoreTableFromText(one, name);
      assert.equal(u.layout, "long");
      assert.deepEqual(u.models, ["a", "b"]);
    }
  });
});

describe("mixed scales are warned about, naming the columns", () => {
  it("0-1 beside 0-100 (Open LLM v2's BBH Raw), Elo beside scores (WildBench), BLEU beside accuracies (HELM Lite)", () => {
    const ollm = scaleWarnings(readScoreTable(OLLM2, { duplicates: "first" }));
    assert.match(ollm.join("\n"), /0-1: HFV2_BBH Raw/);
    const wb = scaleWarnings(readScoreTable(BB("wildbench_240829.csv"))).join("\n");
    assert.match(wb, /above 100: WB-Elo_LC/);
    assert.match(wb, /Elo-like rating: WB-Elo_LC/);
    const helm = scaleWarnings(readScoreTable(BB("helm_lite_240829.csv"))).join("\n");
    assert.match(helm, /BLEU-like text overlap: HELM_Lite_WMT2014/);
    assert.deepEqual(scaleWarnings(readScoreTable(LB("livebench_2024-08-29.csv"))), []);
  });
});
