/** `swissround stress`: the corruption study (the paper's outlier experiment, generalised). */
import { type Command, Option } from "commander";
import { type CorruptTo, corruptionStudy } from "../analysis/corruption.js";
import { rerankOnThreads } from "../analysis/rerank-threads.js";
import { renderCorruption } from "../output/render-studies.js";
import { parseNameList } from "../run/options.js";
import { InputError } from "../table/errors.js";
import { type OutputFlags, outputFormat, outputTo, runInputs, wholeOption } from "./common.js";
import { progressFor, type SimulationFlags, threadsFrom } from "./simulation-options.js";
import { addStudyOptions, type MethodFlags, prepareStudy } from "./study-options.js";

interface StressFlags extends SimulationFlags, OutputFlags, MethodFlags {
  corrupt: string;
  trials: string;
  models?: string;
  corruptTo: CorruptTo;
  eloOrders: string;
}

export function registerStress(program: Command): void {
  const cmd = program
    .command("stress")
    .description("corruption study: set some of a model's scores to zero, re-rank under every method, report how far it falls")
    .argument("<scores>", "score table (as for rank)")
    .option("--corrupt <c>", "benchmarks corrupted per trial", "2")
    .option("--trials <r>", "random choices of the corrupted benchmarks per model", "10")
    .option("--models <names>", "target models, comma-separated (default: every model)")
    .addOption(
      new Option("--corrupt-to <value>", "corrupted value: zero, or the field's worst score").choices(["zero", "worst"]).default("zero"),
    );
  addStudyOptions(
    cmd,
    "  $ swissround stress data/opencompass_2024-08-29.csv --rounds data/opencompass.rounds.json\n" +
      '  $ swissround stress scores.csv --models "gpt-4o,llama-3-70b" --corrupt 3 --trials 50 --T 0,2 --format json -o stress.json',
  ).action(async (scores: string, flags: StressFlags, command: Command) => {
    const format = outputFormat(flags);
    const write = outputTo(flags.output, runInputs([scores], flags));
    const { prepared, settings } = prepareStudy(scores, flags);
    const inUse = prepared.table.benchmarks.length;
    if (command.getOptionValueSource("corrupt") === "default" && Number(flags.corrupt) > inUse) {
      // The library's range error would name a value the user never typed.
      throw new InputError(
        `--corrupt: by default ${flags.corrupt} benchmarks are corrupted per trial, but ${inUse} is in use: pass --corrupt 1`,
      );
    }
    const options = {
      corrupt: wholeOption(flags.corrupt, "--corrupt", 1, 1_000_000),
      trials: wholeOption(flags.trials, "--trials", 1, 1_000_000),
      targets: flags.models ? parseNameList(flags.models, "--models") : undefined,
      to: flags.corruptTo,
    };
    const progress = progressFor(flags, "stress: re-ranking", "re-rankings");
    const batch = rerankOnThreads(threadsFrom(flags), undefined, progress ? (done, total) => progress.update(done, total) : undefined);
    const result = await corruptionStudy(prepared.table, prepared.plan, settings, options, batch);
    progress?.finish();
    write(renderCorruption(result, format));
  });
}
