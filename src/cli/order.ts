/** `swissround order`: how much CSD depends on the order of the rounds, and leave-one-out for every method. */
import type { Command } from "commander";
import { rerankOnThreads } from "../analysis/rerank-threads.js";
import { stabilityStudy } from "../analysis/stability.js";
import { renderStability } from "../output/render-studies.js";
import { parseNameList } from "../run/options.js";
import { type OutputFlags, outputFormat, outputTo, runInputs, wholeOption } from "./common.js";
import { progressFor, type SimulationFlags, threadsFrom } from "./simulation-options.js";
import { addStudyOptions, type MethodFlags, prepareStudy } from "./study-options.js";

interface OrderFlags extends SimulationFlags, OutputFlags, MethodFlags {
  orders: string;
  order: string[];
  leaveOneOut: boolean;
  eloOrders: string;
}

export function registerOrder(program: Command): void {
  const cmd = program
    .command("order")
    .description(
      "stability study: CSD over random orders of the rounds (and orders you give), and every method with each benchmark left out",
    )
    .argument("<scores>", "score table (as for rank)")
    .option("--orders <r>", "random orders of the rounds to try", "20")
    .option("--order <rounds>", "an order to try: round names, comma-separated (repeatable)", (v: string, acc: string[]) => [...acc, v], [])
    .option("--no-leave-one-out", "skip the leave-one-benchmark-out reruns");
  addStudyOptions(
    cmd,
    "  $ swissround order data/opencompass_2024-08-29.csv --rounds data/opencompass.rounds.json\n" +
      '  $ swissround order scores.csv --orders 100 --order "code,math,knowledge" --format markdown -o order.md',
  ).action(async (scores: string, flags: OrderFlags) => {
    const format = outputFormat(flags);
    const write = outputTo(flags.output, runInputs([scores], flags));
    const { prepared, settings } = prepareStudy(scores, flags);
    const options = {
      randomOrders: wholeOption(flags.orders, "--orders", 0, 100_000),
      givenOrders: flags.order.map((o) => parseNameList(o, "--order")),
      leaveOneOut: flags.leaveOneOut,
    };
    const progress = progressFor(flags, "order: re-ranking", "re-rankings");
    const batch = rerankOnThreads(threadsFrom(flags), undefined, progress ? (done, total) => progress.update(done, total) : undefined);
    const result = await stabilityStudy(prepared.table, prepared.plan, settings, options, batch);
    progress?.finish();
    write(renderStability(result, format));
  });
}
