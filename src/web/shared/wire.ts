/** Round scores over JSON: -Infinity (the engine's "no score", from --missing lose) travels as null. */
import type { RoundScores } from "../../engine/types.js";

export interface WireRoundScores {
  models: number;
  rounds: number;
  /** Round-major, as RoundScores.values; null = no score (-Infinity). */
  values: (number | null)[];
}

export function encodeRoundScores(rs: RoundScores): WireRoundScores {
  return { models: rs.models, rounds: rs.rounds, values: Array.from(rs.values, (v) => (v === Number.NEGATIVE_INFINITY ? null : v)) };
}

export function decodeRoundScores(w: WireRoundScores): RoundScores {
  return { models: w.models, rounds: w.rounds, values: Float64Array.from(w.values, (v) => (v === null ? Number.NEGATIVE_INFINITY : v)) };
}
