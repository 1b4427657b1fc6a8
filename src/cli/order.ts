/** `swissround order`: how much CSD depends on the order of the rounds, and leave-one-out for every method. */
import type { Command } from "commander";
import { stabilityStudy } from "../analysis/stability.js";
import { renderStability } from "../output/render-studies.js";
import { emit } from "../output/write.js";
import { parseNameList } from "../run/options.js";
import { SCRIPT_MODE_WARNING, prepareRank } from "../run/rank.js";
import { type OutputFlags, addOutputOptions, addTableOptions, outputFormat } from "./common.js";
import { type SimulationFlags, addSimulationOptions, rankOptionsFrom } from "./simulation-options.js";
import { STUDY_RUNS } from "./stress.js";
import { type MethodFlags, addMethodOptions, rerunSettings, wholeOption } from "./study-options.js";

interface OrderFlags extends SimulationFlags, OutputFlags, MethodFlags {
  orders: string;
  order: string[];
  leaveOneOut: boolean;
  eloOrders: string;
}

export function registerOrder(program: Command): void {
  const cmd = program
    .command("order")
    .description("stability study: CSD over random orders of the rounds (and orders you give), and every method with each benchmark left out")
    .argument("<scores>", "score table (as for rank)")
    .option("--orders <r>", "random orders of the rounds to try", "20")
    .option("--order <rounds>", "an order to try: round names, comma-separated (repeatable)", (v: string, acc: string[]) => [...acc, v], [])
    .option("--no-leave-one-out", "skip the leave-one-benchmark-out reruns")
    .option("--elo-orders <n>", "random battle orders for Elo in each re-ranking", "20");
  addSimulationOptions(cmd, STUDY_RUNS);
  addMethodOptions(cmd);
  addTableOptions(cmd);
  addOutputOptions(cmd);
  cmd
    .addHelpText(
      "after",
      "\nExamples:\n  $ swissround order data/opencompass_2024-08-29.csv --rounds data/opencompass.rounds.json\n" +
        '  $ swissround order scores.csv --orders 100 --order "code,math,knowledge" --format markdown -o order.md',
    )
    .action((scores: string, flags: OrderFlags) => {
      const format = outputFormat(flags);
      const prepared = prepareRank(scores, rankOptionsFrom(flags));
      if (prepared.config.elimination === "script") process.stderr.write(`swissround: warning: ${SCRIPT_MODE_WARNING}\n`);
      const result = stabilityStudy(prepared.table, prepared.plan, rerunSettings(prepared, flags, wholeOption(flags.eloOrders, "--elo-orders", 1, 10_000)), {
        randomOrders: wholeOption(flags.orders, "--orders", 0, 100_000),
        givenOrders: flags.order.map((o) => parseNameList(o, "--order")),
        leaveOneOut: flags.leaveOneOut,
      });
      emit(renderStability(result, format), flags.output);
    });
}
