/** Plain data the engine works on. No I/O here: Node, worker threads and browsers share it. */
import type { Grid } from "../grid/grid.js";

/**
 * Dense round scores: the values of a rounds x models grid (roundGrid), round-major so that a
 * round's comparisons read one contiguous row. Higher is better. A score is never missing here:
 * the missing-data policy has decided first, and under --missing lose a model without a round
 * score gets LOSING_SCORE (it loses the match; two of them toss a coin). A NaN, should one come
 * through, ties with every score.
 */
export interface RoundScores {
  models: number;
  rounds: number;
  values: Float64Array;
  /** Standard error of each round score (same layout), for noise-aware contests. */
  errors?: Float64Array;
}

/**
 * The round score of a model that has none under --missing lose (or available-mean with none of
 * the round's benchmarks): below every score, so the engine needs no test for it. A score, not a
 * missing marker (that is NaN, grid/grid.ts); plan/round-scores.ts is the one place that gives it.
 */
export const LOSING_SCORE = Number.NEGATIVE_INFINITY;

/** The round scores (or their errors) as a rounds x models grid: a view, no copy. */
export function roundGrid(rs: RoundScores, values: Float64Array = rs.values): Grid {
  return { rows: rs.rounds, cols: rs.models, values };
}

/**
 * Every field the engine plays is built here, by a constructor. An object literal was used before:
 * V8's trace showed the second one built ("code dependencies") deoptimising the already compiled hot
 * loop, so the flat twins' first runs paid for a recompile, 10-15 ms of the paper's run (29 x 12,
 * N = 100,000); objects built by a constructor did not.
 */
class Field implements RoundScores {
  // Declared only: class fields would first define each one as undefined, then overwrite it.
  declare models: number;
  declare rounds: number;
  declare values: Float64Array;
  declare errors?: Float64Array;
  constructor(models: number, rounds: number, values: Float64Array, errors?: Float64Array) {
    this.models = models;
    this.rounds = rounds;
    this.values = values;
    if (errors) this.errors = errors;
  }
}

/** Round scores from a rounds x models grid of scores (and one of their standard errors). */
export function roundScoresFrom(scores: Grid, errors?: Grid): RoundScores {
  return new Field(scores.cols, scores.rows, scores.values, errors?.values);
}

export type EliminationMode = "paper" | "script";

/** How one simulated contest is played. */
export interface ContestRules {
  /** Models eliminated after each round: length = rounds. */
  schedule: Int32Array;
  /** paper: random choice inside the bucket where the cut falls; script: input order decides. */
  elimination: EliminationMode;
  /** Score differences with absolute value <= this are ties (decided by a fair coin). */
  tieTolerance: number;
  /**
   * binary (default): the higher round score wins. probabilistic: i beats j with probability
   * Phi((x_i - x_j) / sqrt(se_i^2 + se_j^2)) from the round scores' standard errors (rs.errors),
   * drawn in each contest; a pair whose errors are both zero is decided as in binary.
   */
  outcomes?: OutcomeMode;
}

export type OutcomeMode = "binary" | "probabilistic";

/** Per-setting options for what to record besides the scores. */
export interface TallyShape {
  models: number;
  /** Width (in positions) of one final-rank histogram bin: 1 = exact distribution. */
  rankBinWidth: number;
}

/**
 * Integer sums over contests (held in doubles, exact up to 2^53), so tallies of any split of the
 * contests add up to the same bits whatever the order.
 */
export interface Tally {
  contests: number;
  models: number;
  rankBinWidth: number;
  rankBins: number;
  scoreSum: Float64Array;
  scoreSqSum: Float64Array;
  /** Contests in which the model took final position 1 (ties at the top shared by a fair draw). */
  firstCount: Float64Array;
  eliminatedCount: Float64Array;
  roundsSum: Float64Array;
  byeSum: Float64Array;
  /** models x rankBins histogram of final positions. */
  rankHistogram: Uint32Array;
}
