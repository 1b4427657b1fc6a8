/** Elimination settings: "--T 0,1,2" is three settings; "0:1:1:2" is one per-round schedule. */
import { InputError } from "../table/errors.js";

export interface EliminationSetting {
  /** As the user wrote it: "1" or "0:1:1:2". */
  label: string;
  /** Models eliminated after each round (length = rounds). */
  schedule: number[];
}

/** Total eliminations a setting asks for: orders settings from mildest to harshest. */
export function eliminationPressure(s: EliminationSetting): number {
  return s.schedule.reduce((a, b) => a + b, 0);
}

function parseCount(text: string, option: string): number {
  if (!/^\d+$/.test(text)) {
    throw new InputError(`${option}: "${text}" is not a whole number >= 0`);
  }
  return Number(text);
}

/**
 * Parses --T. Each comma-separated item is one setting: a single number (the same T after every
 * round) or one number per round joined by ":".
 */
export function parseEliminationSettings(text: string, rounds: number, models: number, option = "--T"): EliminationSetting[] {
  const items = text.split(",").map((s) => s.trim());
  if (items.length === 0 || items.some((s) => s === "")) {
    throw new InputError(`${option}: "${text}" is not a list of settings (examples: 0,1,2 or 0:1:1:2)`);
  }
  const settings = items.map((item) => {
    const parts = item.split(":").map((p) => p.trim());
    const values = parts.map((p) => parseCount(p, option));
    if (parts.length > 1 && parts.length !== rounds) {
      throw new InputError(
        `${option}: the schedule "${item}" has ${parts.length} values but the plan has ${rounds} rounds (give one per round, or a single number)`,
      );
    }
    const bad = values.find((v) => v >= models);
    if (bad !== undefined) {
      throw new InputError(`${option}: T = ${bad} would eliminate the whole field of ${models} models in one round (use T < ${models})`);
    }
    return {
      label: parts.length > 1 ? values.join(":") : String(values[0]),
      schedule: parts.length > 1 ? values : new Array(rounds).fill(values[0]),
    };
  });
  const seen = new Set<string>();
  for (const s of settings) {
    const key = s.schedule.join(":");
    if (seen.has(key)) throw new InputError(`${option}: the setting T = ${s.label} is listed twice`);
    seen.add(key);
  }
  return settings;
}
