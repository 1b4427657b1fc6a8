/**
 * Cost-of-pass divides by a probability of success, so each benchmark's scores must be read as one:
 * a 0-1 accuracy as it is, a 0-100 pass rate divided by 100. Anything else (lower-is-better
 * metrics, ratings, scores that could be either) is not a success rate and gets no cost-of-pass,
 * unless --success-scale says which. Pure.
 */
import { InputError } from "../table/errors.js";
import { apiOption } from "../table/option-names.js";
import { classifyValues, columnValues } from "../table/scales.js";
import type { ScoreTable } from "../table/types.js";
import type { SuccessScale } from "./types.js";

export const SUCCESS_SCALES = ["auto", "1", "100"] as const;
export type SuccessScaleOption = (typeof SUCCESS_SCALES)[number];

function forced(table: ScoreTable, b: number, scale: number): SuccessScale {
  const name = table.benchmarks[b].name;
  const bad = columnValues(table, b).filter((v) => v < 0 || v > scale);
  const where = { code: "invalid-option", option: apiOption("--success-scale") };
  if (table.benchmarks[b].lowerIsBetter)
    throw new InputError(`--success-scale ${scale}: benchmark "${name}" is lower-is-better, so its scores are not success rates`, where);
  if (bad.length > 0)
    throw new InputError(
      `--success-scale ${scale}: benchmark "${name}" has scores outside [0, ${scale}] (${bad.slice(0, 3).join(", ")}): not a success rate on that scale`,
      where,
    );
  return { benchmark: name, scale, reason: `--success-scale ${scale}` };
}

function detected(table: ScoreTable, b: number): SuccessScale {
  const bench = table.benchmarks[b];
  const name = bench.name;
  if (bench.lowerIsBetter) return { benchmark: name, reason: "lower is better: not a success rate" };
  if (table.adapter === "aider") return { benchmark: name, scale: 100, reason: "aider pass rate, in %" };
  const cls = classifyValues(columnValues(table, b));
  if (cls === "0-1") return { benchmark: name, scale: 1, reason: "scores within 0-1: read as probabilities of success" };
  if (cls === "0-100") return { benchmark: name, scale: 100, reason: "scores within 0-100 (some above 10): read as percentages" };
  if (cls === "0-10")
    return {
      benchmark: name,
      reason: "scores within 0-10: percentages or a 0-10 scale? give --success-scale 100 or leave it without a cost-of-pass",
    };
  return {
    benchmark: name,
    reason: `scores ${cls === "negative" ? "below 0" : cls === "empty" ? "missing" : "above 100"}: not a success rate`,
  };
}

/** The success scale of every benchmark of the table, in table order. */
export function successScales(table: ScoreTable, option: SuccessScaleOption = "auto"): SuccessScale[] {
  return table.benchmarks.map((_, b) => (option === "auto" ? detected(table, b) : forced(table, b, Number(option))));
}
