/**
 * Child process of the bench: measures one case at one thread count, so that its peak RSS is the
 * case's own. Prints one JSON line (MeasureResult) on stdout.
 *
 *   node dist/bench/measure.js CASE THREADS [REPS] [ENGINE_ROOT]
 *
 * THREADS is a number, "all", or "booted" (all cores, with the workers started and loaded before
 * the clock starts, but their JIT still cold: like the one-thread figure, which leaves out the
 * process's own start-up and module loading). ENGINE_ROOT (default: this build's dist/src) lets the bench time
 * another build of the engine (e.g. a copy of an older dist/src) on the same input.
 * One thread: each T setting is timed alone (simulate with one setting), in this fresh process:
 * rep 1 is cold (JIT warm-up included, as in a CLI run), later reps are warm. All threads: the
 * whole sweep in one simulate call, as the CLI does: rep 1 starts new workers, later reps reuse
 * the shared pool's warm ones. The parent takes
 * the best over several processes.
 */
import { availableParallelism } from "node:os";
import { pathToFileURL } from "node:url";
import { findCase, toRoundScores } from "./cases.js";

export interface MeasureResult {
  case: string;
  threads: number;
  engineRoot: string;
  /** Every rep, in order: reps x (seconds per setting, one thread; or [seconds of the sweep]). */
  allReps: number[][];
  /** E[S] and its standard error per setting, per model. */
  means: number[][];
  standardErrors: number[][];
  /** Sum of E[S] over the models, per setting. */
  sums: number[];
  maxRssMB: number;
}

type SimulateModule = typeof import("../src/parallel/simulate.js");
type MonteCarloModule = typeof import("../src/engine/montecarlo.js");
type TallyModule = typeof import("../src/engine/tally.js");
type PoolModule = typeof import("../src/parallel/pool.js");

async function main(): Promise<void> {
  const [caseId, threadArg, repsArg, rootArg] = process.argv.slice(2);
  const c = findCase(caseId);
  const booted = threadArg === "booted";
  const threads = threadArg === "all" || booted ? availableParallelism() : Number(threadArg);
  const reps = Number(repsArg ?? 2);
  const root = rootArg ?? new URL("../src/", import.meta.url).pathname;
  const load = async <T>(p: string): Promise<T> => (await import(pathToFileURL(`${root}/${p}`).href)) as T;
  const { simulate } = await load<SimulateModule>("parallel/simulate.js");
  const { planChunks } = await load<MonteCarloModule>("engine/montecarlo.js");
  const { chooseRankBinWidth } = await load<TallyModule>("engine/tally.js");
  if (booted) {
    const pool = (await load<PoolModule>("parallel/pool.js")).sharedPool();
    pool.prestart(threads - 1, false);
    while (pool.readyIdle < threads - 1) await new Promise((r) => setTimeout(r, 1));
  }

  const rs = toRoundScores(c.build().table);
  const settings = c.T.map((T) => ({ schedule: new Int32Array(rs.rounds).fill(T), elimination: "paper" as const, tieTolerance: 0 }));
  const plan = planChunks(c.runs, 1);
  const shape = { models: rs.models, rankBinWidth: chooseRankBinWidth(rs.models, false) };

  const allReps: number[][] = [];
  let tallies: Awaited<ReturnType<typeof simulate>> = [];
  for (let r = 0; r < reps; r++) {
    const times: number[] = [];
    if (threads === 1) {
      tallies = [];
      for (const s of settings) {
        const t0 = performance.now();
        const [t] = await simulate(rs, [s], plan, shape, { threads: 1 });
        times.push((performance.now() - t0) / 1000);
        tallies.push(t);
      }
    } else {
      const t0 = performance.now();
      tallies = await simulate(rs, settings, plan, shape, { threads });
      times.push((performance.now() - t0) / 1000);
    }
    allReps.push(times);
  }
  const means = tallies.map((t) => Array.from(t.scoreSum, (s) => s / t.contests));
  const standardErrors = tallies.map((t, i) =>
    Array.from(t.scoreSqSum, (q, m) => {
      const N = t.contests;
      const e = means[i][m];
      return Math.sqrt(Math.max(0, (q - N * e * e) / (N - 1)) / N);
    }),
  );
  const sums = tallies.map((t) => t.scoreSum.reduce((a, b) => a + b, 0) / t.contests);
  const result: MeasureResult = {
    case: c.id,
    threads,
    engineRoot: root,
    allReps,
    means,
    standardErrors,
    sums,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

await main();
