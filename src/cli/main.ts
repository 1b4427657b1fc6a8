#!/usr/bin/env node
/** The swissround command line. Exit codes: 0 done, 2 bad input or options, 1 internal error. */
import { Command, CommanderError } from "commander";
import { messageSafe } from "../output/escape.js";
import { InputError } from "../table/errors.js";
import { VERSION } from "../version.js";
import { registerCompare } from "./compare.js";
import { registerCost } from "./cost.js";
import { registerInspect } from "./inspect.js";
import { registerMerge } from "./merge.js";
import { registerOrder } from "./order.js";
import { registerPlot } from "./plot.js";
import { registerRank } from "./rank.js";
import { registerReport } from "./report.js";
import { registerServe } from "./serve.js";
import { registerStress } from "./stress.js";

export function buildProgram(): Command {
  const program = new Command("swissround")
    .description("Rank language models across benchmarks with Competitive Swiss-System Dynamics (arXiv 2512.21010)")
    .version(VERSION)
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride();
  registerRank(program);
  registerReport(program);
  registerPlot(program);
  registerServe(program);
  registerCompare(program);
  registerCost(program);
  registerStress(program);
  registerOrder(program);
  registerMerge(program);
  registerInspect(program);
  program.commands.forEach((c) => c.exitOverride());
  return program;
}

export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv, { from: "user" });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof InputError) {
      process.stderr.write(`swissround: error: ${messageSafe(e.message)}\n`);
      return 2;
    }
    process.stderr.write(`swissround: internal error (please report it): ${(e as Error).stack ?? e}\n`);
    return 1;
  }
}

// A reader that stops early (`swissround rank --help | head`) closes the pipe: stop quietly, as other
// command-line tools do, instead of crashing on the failed write with a stack trace.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code !== "EPIPE") throw e;
  process.exit(process.exitCode ?? 0);
});

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
