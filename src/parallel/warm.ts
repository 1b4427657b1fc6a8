/**
 * JIT warm-up for a fresh worker: a few hundred contests on a small synthetic field, so that V8
 * has compiled the hot loop (with the same array types as a real run) before the first request.
 * Takes ~20 ms; the results are thrown away and no shared state is touched.
 */
import { planChunks, playUnits } from "../engine/montecarlo.js";
import { chunkRng } from "../engine/rng.js";
import { type ContestRules, roundScoresFrom } from "../engine/types.js";
import { makeGrid } from "../grid/grid.js";

export function warmEngine(models = 24, rounds = 10, contests = 4096): void {
  const rng = chunkRng(0x5eed, 0, 7);
  const field = makeGrid(rounds, models, 0);
  const { values } = field;
  for (let i = 0; i < values.length; i++) values[i] = Math.round(rng.nextFloat() * 100) / 100;
  const settings: ContestRules[] = [0, 1, 2].map((T) => ({
    schedule: new Int32Array(rounds).fill(T),
    elimination: "paper",
    tieTolerance: 0,
  }));
  const plan = planChunks(contests, 1);
  let u = 0;
  playUnits(roundScoresFrom(field), settings, plan, 0, plan.chunks, { models, rankBinWidth: 1 }, () => u++);
}
