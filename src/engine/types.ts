/** Plain data the engine works on. No I/O here: Node, worker threads and browsers share it. */

/** Dense round scores: value of model m in round k at `values[k * models + m]` (round-major, so a
 * round's comparisons read one contiguous row). Higher is better; -Infinity means "no score"
 * (such a model loses the match, two of them toss a coin). */
export interface RoundScores {
  models: number;
  rounds: number;
  values: Float64Array;
  /** Standard error of each round score (same layout), for noise-aware contests. */
  errors?: Float64Array;
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
