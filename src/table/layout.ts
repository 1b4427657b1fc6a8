/** Which way round a table is: detection from the header, or the user's --layout. */
import { InputError } from "./errors.js";
import { apiOption } from "./option-names.js";
import type { Layout } from "./types.js";

export const MODEL_COLUMNS = [
  "model",
  "models",
  "model_name",
  "model name",
  "modelname",
  "name",
  "llm_model",
  "llm",
  "model_id",
  "model_version",
  "model version",
];
export const BENCHMARK_COLUMNS = ["benchmark", "benchmarks", "benchmark_name", "task", "tasks", "scenario", "dataset"];
export const SCORE_COLUMNS = ["score", "value", "result"];

export interface LayoutChoice {
  layout: Layout;
  /** Column holding row names (wide layouts) or model names (long). */
  keyColumn: number;
  benchmarkColumn?: number;
  scoreColumn?: number;
  /** How the layout was decided, for the report. */
  reason: string;
}

function findColumn(columns: readonly string[], names: readonly string[]): number {
  return columns.findIndex((c) => names.includes(c.trim().toLowerCase()));
}

/** `forcedBy`: the option that forced the layout, when one did (--from long forces a long table too). */
export function chooseLayout(
  columns: readonly string[],
  file: string,
  forced?: Layout,
  forcedBy: "--layout" | "--from" = "--layout",
): LayoutChoice {
  const model = findColumn(columns, MODEL_COLUMNS);
  const bench = findColumn(columns, BENCHMARK_COLUMNS);
  const score = findColumn(columns, SCORE_COLUMNS);
  const first = (columns[0] ?? "").trim().toLowerCase();

  if (forced === "long" || (!forced && model >= 0 && bench >= 0 && score >= 0)) {
    if (model < 0 || bench < 0 || score < 0) {
      throw new InputError(
        `${file}: ${forcedBy} long needs a model column (${MODEL_COLUMNS.join("|")}), a benchmark column ` +
          `(${BENCHMARK_COLUMNS.join("|")}) and a score column (${SCORE_COLUMNS.join("|")}); ` +
          `the header has: ${columns.join(", ")}`,
        // Only a forced long layout gets here: a detected long table has all three.
        { file, option: apiOption(forcedBy) },
      );
    }
    return {
      layout: "long",
      keyColumn: model,
      benchmarkColumn: bench,
      scoreColumn: score,
      reason: forced ? "forced by --layout" : `columns "${columns[model]}", "${columns[bench]}", "${columns[score]}"`,
    };
  }
  // A model column and a benchmark column but no column named plainly "score": a long table whose
  // scores are in score_* columns (Epoch AI's score_raw and score_fraction). One: read it; several: say how to choose.
  if (!forced && model >= 0 && bench >= 0 && score < 0) {
    const scored = columns.map((c, i) => [c.trim(), i] as const).filter(([c]) => /^score[\s_\-(.]/i.test(c));
    if (scored.length === 1)
      return {
        layout: "long",
        keyColumn: model,
        benchmarkColumn: bench,
        scoreColumn: scored[0][1],
        reason: `columns "${columns[model]}", "${columns[bench]}", "${scored[0][0]}"`,
      };
    if (scored.length > 1)
      throw new InputError(
        `${file}: a long table (columns "${columns[model]}" and "${columns[bench]}") with several score columns (${scored.map(([c]) => c).join(", ")}); ` +
          `choose one: ${scored.map(([c]) => `--columns model=${columns[model]},benchmark=${columns[bench]},score=${c}`).join(" or ")}`,
        { file },
      );
  }
  if (forced === "models-rows") {
    const key = Math.max(model, 0);
    return { layout: forced, keyColumn: key, reason: "forced by --layout" };
  }
  if (forced === "benchmarks-rows") {
    const key = Math.max(bench, 0);
    return { layout: forced, keyColumn: key, reason: "forced by --layout" };
  }
  if (MODEL_COLUMNS.includes(first)) {
    return { layout: "models-rows", keyColumn: 0, reason: `first column is "${columns[0]}"` };
  }
  if (BENCHMARK_COLUMNS.includes(first)) {
    return { layout: "benchmarks-rows", keyColumn: 0, reason: `first column is "${columns[0]}"` };
  }
  if (model >= 0) return { layout: "models-rows", keyColumn: model, reason: `column "${columns[model]}"` };
  // pandas writes its row index with an empty header: the AlpacaEval leaderboards look like this.
  if (first === "" && columns.length > 1)
    return { layout: "models-rows", keyColumn: 0, reason: "the first column has no name (a row index, read as model names)" };
  if (bench >= 0) return { layout: "benchmarks-rows", keyColumn: bench, reason: `column "${columns[bench]}"` };
  throw new InputError(
    `${file}: cannot tell the layout from the header (${columns.slice(0, 6).join(", ")}${columns.length > 6 ? ", ..." : ""}). ` +
      `Name the first column "model" (one row per model) or "benchmark" (one row per benchmark), ` +
      `or pass --layout models-rows|benchmarks-rows|long`,
    { file },
  );
}
