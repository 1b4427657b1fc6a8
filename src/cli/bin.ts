#!/usr/bin/env node
/**
 * The `swissround` executable (package.json's bin, bundled into dist/cli/swissround.js): starts
 * the worker threads of a command that plays contests, then loads the command line (main.ts).
 *
 * Why here: a worker started when the contests begin boots on a core that the main thread's
 * contests and JIT compiler already share, and on the paper's run (29 x 12, N = 100,000) it played
 * its first unit 40-60 ms after the main thread. Started before the command's modules load, it
 * boots while the main thread loads and reads the table, and plays from the start (median of 15
 * alternating runs: 457 -> 443 ms; docs/performance.md). The numbers are the same either way.
 */
import { startWorkersFor } from "./early-workers.js";

startWorkersFor(process.argv.slice(2));
void import("./main.js");
