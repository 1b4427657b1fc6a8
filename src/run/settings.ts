/**
 * Elimination settings from what a user gives: the CLI's text ("0,1,2" is three settings,
 * "0:1:1:2" one per-round schedule) or the library's numbers (1, [0, 1, 2], [[0, 1, 1, 2]]).
 */
import type { EliminationSetting } from "../engine/schedule.js";
import { optionError } from "../table/option-names.js";

/**
 * One T for every round (a number), several settings (number[]), per-round schedules (number[][]),
 * or a mix ([[0, 0, 1], 2]); or the CLI's text.
 */
export type EliminationInput = string | number | readonly (number | readonly number[])[];

function parseCount(text: string, option: string): number {
  if (!/^\d+$/.test(text)) {
    throw optionError(option, `"${text}" is not a whole number >= 0`);
  }
  return Number(text);
}

/** The library's numbers as the CLI's text: each value is checked by the same parser. */
function asText(T: Exclude<EliminationInput, string>, option: string): string {
  if (typeof T === "number") return String(T);
  if (!Array.isArray(T)) throw optionError(option, `expected a number, an array of numbers or an array of per-round arrays`);
  return T.map((item: number | readonly number[]) => (Array.isArray(item) ? item.map(String).join(":") : String(item))).join(",");
}

/**
 * Parses --T (or the library's T). Each comma-separated item is one setting: a single number (the
 * same T after every round) or one number per round joined by ":".
 */
export function parseEliminationSettings(T: EliminationInput, rounds: number, models: number, option = "--T"): EliminationSetting[] {
  const text = typeof T === "string" ? T : asText(T, option);
  const items = text.split(",").map((s) => s.trim());
  if (items.length === 0 || items.some((s) => s === "")) {
    throw optionError(option, `"${text}" is not a list of settings (examples: 0,1,2 or 0:1:1:2)`);
  }
  const settings = items.map((item) => {
    const parts = item.split(":").map((p) => p.trim());
    const values = parts.map((p) => parseCount(p, option));
    if (parts.length > 1 && parts.length !== rounds) {
      throw optionError(
        option,
        `the schedule "${item}" has ${parts.length} values but the plan has ${rounds} rounds (give one per round, or a single number)`,
      );
    }
    const bad = values.find((v) => v >= models);
    if (bad !== undefined) {
      throw optionError(option, `T = ${bad} would eliminate the whole field of ${models} models in one round (use T < ${models})`);
    }
    return {
      label: parts.length > 1 ? values.join(":") : String(values[0]),
      schedule: parts.length > 1 ? values : new Array(rounds).fill(values[0]),
    };
  });
  const seen = new Set<string>();
  for (const s of settings) {
    const key = s.schedule.join(":");
    if (seen.has(key)) throw optionError(option, `the setting T = ${s.label} is listed twice`);
    seen.add(key);
  }
  return settings;
}
