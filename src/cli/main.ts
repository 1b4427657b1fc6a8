#!/usr/bin/env node
/** The swissround command line. Exit codes: 0 done, 2 bad input or options, 1 internal error. */
import { Command, CommanderError } from "commander";
import { messageSafe } from "../output/escape.js";
import { InputError } from "../table/errors.js";
import { VERSION } from "../version.js";

type Register = (program: Command) => void;

/**
 * Each command's module, loaded only when needed: a command's module pulls in everything it runs
 * (the report's charts, compare's methods, the dashboard's server), and loading all ten took about
 * 95 ms of every start, where `rank` needs less than half of it. In help order.
 */
const COMMANDS: Record<string, () => Promise<Register>> = {
  rank: async () => (await import("./rank.js")).registerRank,
  report: async () => (await import("./report.js")).registerReport,
  plot: async () => (await import("./plot.js")).registerPlot,
  serve: async () => (await import("./serve.js")).registerServe,
  compare: async () => (await import("./compare.js")).registerCompare,
  cost: async () => (await import("./cost.js")).registerCost,
  stress: async () => (await import("./stress.js")).registerStress,
  order: async () => (await import("./order.js")).registerOrder,
  merge: async () => (await import("./merge.js")).registerMerge,
  inspect: async () => (await import("./inspect.js")).registerInspect,
};

/**
 * The program with every command, or with `only` (the command the arguments name: its help, options
 * and errors are the same either way; top-level help, version and unknown commands get them all).
 */
export async function buildProgram(only?: string): Promise<Command> {
  const program = new Command("swissround")
    .description("Rank language models across benchmarks with Competitive Swiss-System Dynamics (arXiv 2512.21010)")
    .version(VERSION)
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride();
  const names = only !== undefined && Object.hasOwn(COMMANDS, only) ? [only] : Object.keys(COMMANDS);
  for (const register of await Promise.all(names.map((n) => COMMANDS[n]()))) register(program);
  program.commands.forEach((c) => c.exitOverride());
  return program;
}

export async function main(argv: string[]): Promise<number> {
  try {
    await (await buildProgram(argv[0])).parseAsync(argv, { from: "user" });
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
