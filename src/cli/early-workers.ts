/**
 * Which worker threads to start before the command line loads (bin.ts): those of a command that
 * plays contests, as many as it will ask for.
 */
import { availableParallelism } from "node:os";
import { sharedPool } from "../parallel/pool.js";

/** Commands that play contests on worker threads (those with --threads). */
const SIMULATING = new Set(["rank", "report", "plot", "compare", "cost", "stress", "order"]);

/** The largest --threads the commands take (run/options.ts, parseThreads). */
const MAX_THREADS = 1024;

/**
 * The threads a command will play on, the calling one included: --threads N, else every core; 1
 * when there is nothing to start (another command, --help, or a value the command will refuse).
 * A best guess from the raw arguments: a wrong one only starts a worker too many or too few.
 */
export function threadsAsked(argv: readonly string[], cores = availableParallelism()): number {
  if (!SIMULATING.has(argv[0])) return 1;
  let threads = cores;
  for (let i = 1; i < argv.length && argv[i] !== "--"; i++) {
    const a = argv[i];
    if (a === "--help" || a === "-h") return 1;
    const value = a === "--threads" ? argv[i + 1] : a.startsWith("--threads=") ? a.slice("--threads=".length) : undefined;
    if (value !== undefined) threads = /^[0-9]+$/.test(value) && Number(value) <= MAX_THREADS ? Math.max(1, Number(value)) : 1;
  }
  return threads;
}

/** Starts the workers the arguments will need (none for other commands or help). */
export function startWorkersFor(argv: readonly string[]): void {
  // As simulate() starts them: one worker fewer than the threads (the calling thread plays too); the
  // pool keeps at most one idle worker per core.
  const helpers = threadsAsked(argv) - 1;
  if (helpers > 0) sharedPool().prestart(helpers, false);
}
